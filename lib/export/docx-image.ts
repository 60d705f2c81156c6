/**
 * Screenshots in the Word 通报: which image format docx can embed, the picture's pixel size (from
 * the PNG / JPEG header when the record's size is missing), and the size on the page: the width of
 * lib/data/report-style.json (14 cm), smaller only when the picture would be taller than the cap.
 */
import style from '../data/report-style.json';

export type EmbeddableType = 'png' | 'jpg' | 'gif' | 'bmp';

/** The docx image type of these bytes, read from their signature (not from a stored MIME type). */
export function imageTypeOf(data: Uint8Array): EmbeddableType | null {
  const b = data;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return 'gif';
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  return null;
}

/** Width and height of a PNG from its IHDR chunk, or null. */
export function pngSize(data: Uint8Array): { width: number; height: number } | null {
  if (imageTypeOf(data) !== 'png' || data.length < 24) return null;
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = v.getUint32(16);
  const height = v.getUint32(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** docx measures pictures in CSS pixels (96 to the inch) */
const PX_PER_CM = 96 / 2.54;

/** The picture's size on the page in docx pixels. */
export function placedSize(width: number, height: number): { width: number; height: number } {
  const maxW = style.imageWidthCm * PX_PER_CM;
  const maxH = style.imageMaxHeightCm * PX_PER_CM;
  const ratio = height / width;
  const w = maxW * ratio > maxH ? maxH / ratio : maxW;
  return { width: Math.round(w), height: Math.round(w * ratio) };
}
