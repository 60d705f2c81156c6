/** URL helpers of the link checker: the cache key, the kind a URL's extension implies, the host. */
import { normaliseUrl } from '../fingerprint';
import type { LinkKind } from './types';
import cfg from '../data/link-check.json';

const ATTACHMENT = new Set(cfg.attachmentExtensions);
const IMAGE = new Set(cfg.imageExtensions);

/** The key a URL is checked and cached under: the same normalisation the polite queue uses. */
export const linkKey = (url: string): string => normaliseUrl(url);

/** The lower-cased extension of a URL's path, or '' (`/a/b.PDF?x=1` → `pdf`). */
export function extensionOf(url: string): string {
  try {
    const m = /\.([a-z0-9]{1,5})$/i.exec(new URL(url).pathname);
    return m ? m[1]!.toLowerCase() : '';
  } catch {
    return '';
  }
}

export const isAttachmentUrl = (url: string): boolean => ATTACHMENT.has(extensionOf(url));
export const isImageUrl = (url: string): boolean => IMAGE.has(extensionOf(url));

/** The kind a bare URL implies: a file by its extension, else a page. */
export function kindOfUrl(url: string): LinkKind {
  if (isAttachmentUrl(url)) return 'attachment';
  if (isImageUrl(url)) return 'image';
  return 'link';
}

/** Kinds whose target should be a file, not an HTML page. */
export const expectsFile = (kind: LinkKind): boolean => kind === 'attachment' || kind === 'image';

/** host:port, lower-cased; '' for a bad URL. */
export function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

export function isHttpUrl(url: string): boolean {
  try {
    const p = new URL(url).protocol;
    return p === 'http:' || p === 'https:';
  } catch {
    return false;
  }
}
