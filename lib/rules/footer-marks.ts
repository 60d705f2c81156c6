/**
 * The footer marks inserted by scripts (党政机关网站标识, 我为政府网站找错). Scripts are not run
 * when we scan, so the script tag, its span or its link is taken as the mark itself.
 */
import type { PageModel } from '../types';
import rules from '../data/footer-rules.json';
import { markLabel, markText } from './footer-text';

const C = rules.conac;
const J = rules.jiucuo;
const CONAC_SCRIPT = new RegExp(C.scriptSrc, 'i');
const CONAC_LINK = new RegExp(C.linkHref, 'i');
const CONAC_SPAN = new RegExp(`id\\s*=\\s*["']?${C.spanId}(?![\\w-])`);
const JIUCUO_LINKS = J.linkHrefs.map((p) => new RegExp(p, 'i'));
const JIUCUO_SCRIPT = new RegExp(J.scriptSrc, 'i');

/** JS unescape(): %xx and %uxxxx; the conac snippet is written through document.write(unescape(...)). */
export function unescapeJs(s: string): string {
  return s.replace(/%u([0-9a-f]{4})|%([0-9a-f]{2})/gi, (_, u: string | undefined, x: string | undefined) =>
    String.fromCharCode(parseInt(u ?? x ?? '0', 16)),
  );
}

export function hasConacMark(page: PageModel): boolean {
  if (CONAC_SPAN.test(page.footerHtml)) return true;
  for (const s of page.scripts) {
    if (CONAC_SCRIPT.test(s.src)) return true;
    if (s.inline && unescapeJs(s.inline).includes(C.inlineHost)) return true;
  }
  return page.links.some((l) => CONAC_LINK.test(l.href));
}

function isJiucuoScript(s: PageModel['scripts'][number]): boolean {
  return s.id === J.scriptId || JIUCUO_SCRIPT.test(s.src);
}

function isJiucuoLink(href: string): boolean {
  return JIUCUO_LINKS.some((re) => re.test(href));
}

export function hasJiucuo(page: PageModel): boolean {
  if (page.scripts.some(isJiucuoScript)) return true;
  if (page.links.some((l) => isJiucuoLink(l.href) || J.texts.some((t) => markLabel(page, l.text).includes(t)))) return true;
  if (page.images.some((i) => J.texts.some((t) => i.alt.includes(t)))) return true;
  return J.texts.some((t) => markText(page).includes(t));
}

function codeParam(href: string): string {
  try {
    return new URL(href).searchParams.get(J.codeParam) ?? '';
  } catch {
    return '';
  }
}

const codesOf = new WeakMap<PageModel, readonly string[]>();

/**
 * The distinct site codes the 找错 entries carry (script sitecode, link site_code), footer ones
 * first. Read by footer.jiucuo and meta.site-id: found once per page (every link is tested).
 */
export function jiucuoCodes(page: PageModel): readonly string[] {
  let codes = codesOf.get(page);
  if (!codes) codesOf.set(page, (codes = findJiucuoCodes(page)));
  return codes;
}

function findJiucuoCodes(page: PageModel): string[] {
  const found: { code: string; inFooter: boolean }[] = [];
  for (const s of page.scripts) {
    if (isJiucuoScript(s)) found.push({ code: (s.attrs[J.codeAttr] ?? '').trim(), inFooter: s.inFooter });
  }
  for (const l of page.links) {
    if (isJiucuoLink(l.href)) found.push({ code: codeParam(l.href).trim(), inFooter: l.inFooter });
  }
  found.sort((a, b) => Number(b.inFooter) - Number(a.inFooter));
  const codes: string[] = [];
  for (const { code } of found) {
    if (code && !codes.some((c) => c.toLowerCase() === code.toLowerCase())) codes.push(code);
  }
  return codes;
}
