import settings from '../data/capture.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CropPlan {
  /** the area of the captured image to keep, in image pixels */
  crop: Rect;
  /** the outline to draw, in the cropped image's pixels */
  outline: Rect;
  lineWidth: number;
}

/**
 * Where to crop a viewport screenshot around a target rectangle (CSS px, viewport coordinates):
 * the target plus a margin, at least minWidth × minHeight so the reader sees the context, kept
 * inside the image. `scale` is image px per CSS px (devicePixelRatio as captured).
 */
export function planCrop(target: Rect, image: { width: number; height: number }, scale: number, opts = settings): CropPlan {
  const s = scale > 0 && Number.isFinite(scale) ? scale : 1;
  const pad = opts.outlinePadCss * s;
  // the target clipped to the image (it may stick out of the viewport)
  const tx = Math.max(0, Math.min(image.width, target.x * s - pad));
  const ty = Math.max(0, Math.min(image.height, target.y * s - pad));
  const tr = Math.max(tx, Math.min(image.width, (target.x + target.width) * s + pad));
  const tb = Math.max(ty, Math.min(image.height, (target.y + target.height) * s + pad));
  const grow = (lo: number, hi: number, margin: number, min: number, limit: number): [number, number] => {
    let a = lo - margin;
    let b = hi + margin;
    const short = min - (b - a);
    if (short > 0) {
      a -= short / 2;
      b += short / 2;
    }
    // slide back inside the image rather than shrink, then clip
    if (a < 0) {
      b -= a;
      a = 0;
    }
    if (b > limit) {
      a -= b - limit;
      b = limit;
    }
    return [Math.max(0, Math.floor(a)), Math.min(limit, Math.ceil(b))];
  };
  const [cx, cr] = grow(tx, tr, opts.marginCss * s, opts.minWidthCss * s, image.width);
  const [cy, cb] = grow(ty, tb, opts.marginCss * s, opts.minHeightCss * s, image.height);
  return {
    crop: { x: cx, y: cy, width: Math.max(1, cr - cx), height: Math.max(1, cb - cy) },
    outline: { x: tx - cx, y: ty - cy, width: tr - tx, height: tb - ty },
    lineWidth: Math.max(1, Math.round(opts.outlineWidthCss * s)),
  };
}
