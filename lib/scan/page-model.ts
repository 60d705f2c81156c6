import { isTraditionalPage, simplifyMarks } from '../text/script';
import type { LinkInfo, PageModel } from '../types';
import { Collector } from './collect';
import { findFooter, footerFrameBody } from './footer';
import { guessPageType } from './page-type';
import { findDatesInStages } from '../text/dates';
import { runStages } from '../text/stages';
import { pickPubDateWithSource } from './pubdate';
import { articleLike, parseArticle } from './main-content';
import { refinePageType } from '../timeliness/page-type';
import { foldText, type FoldedText } from '../text/normalise';
import type { TextIndex } from './text-index';
import limits from '../data/scan-limits.json';
import { probeLinkVisibility } from './link-visibility';
import { probeSpam } from './spam-probe';
import { resolveHref } from './resolve-href';

export interface BuildOptions {
  /** the page's URL; defaults to doc.URL (detached documents need it given) */
  url?: string;
  /** ISO today, for inferring the year of MM-DD dates */
  today: string;
  /** elements to leave out (the extension's own overlay host); asked only about elements whose
   * tag the walk does not know (custom elements), not about p, div or a */
  skipElement?: (el: Element) => boolean;
}

/** The model plus what only the live page needs: the text index and the elements of findings. */
export interface BuiltPage {
  model: PageModel;
  index: TextIndex;
  /** PageModel.links[i].element indexes this */
  elements: Element[];
  footerEl: Element | null;
}

function readMeta(doc: Document): Record<string, string> {
  const meta: Record<string, string> = {};
  // every <meta> by tag (a cached list, no selector matched against each element of a long page)
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const name = m.getAttribute('name') || m.getAttribute('property') || '';
    if (name && !(name in meta)) meta[name] = (m.getAttribute('content') || '').trim();
  }
  return meta;
}

function absolute(href: string, base: string): string {
  const h = href.trim();
  if (!h || /^(javascript|mailto|tel|data):/i.test(h)) return h.toLowerCase().startsWith('mailto:') ? h : '';
  try {
    return resolveHref(h, base);
  } catch {
    return '';
  }
}

const LABEL_CHARS = 200;
/** links read per slice of the chunked build */
const LINK_BATCH = 1000;

function linkLabel(text: string, start: number, end: number): string {
  // a generous window: leading blanks and line breaks are dropped before the cut
  let label = text.slice(start, Math.min(end, start + 4 * LABEL_CHARS));
  if (label.includes('\n')) label = label.replace(/\n/g, '');
  return label.trim().slice(0, LABEL_CHARS);
}

/**
 * Turns the collected walk into the model, in stages: the chunked builder yields between them,
 * since each is a pass over the whole text (dates above all) and a 2 MB page makes that long.
 */
function* finishStages(c: Collector, doc: Document, opts: BuildOptions): Generator<void, BuiltPage> {
  const url = opts.url ?? doc.URL;
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    /* about:blank and friends */
  }
  // a 繁体 page: the footer and date recognisers read its text with their characters simplified
  const traditional = isTraditionalPage(c.text);
  const marked = (t: string) => (traditional ? simplifyMarks(t) : t);
  let markText = marked(c.text);
  let region = findFooter(markText, c.blocks);
  // no footer in the page itself: a same-origin frame may carry it; its text follows the page's
  const frameBody = region ? null : footerFrameBody(c.frames, traditional ? simplifyMarks : undefined);
  if (frameBody) {
    c.include(frameBody);
    c.step();
    markText = marked(c.text);
    region = findFooter(markText, c.blocks);
  }
  const text = c.text;
  const inFooter = (pos: number) => !!region && pos >= region.start && pos < region.end;
  yield;
  const elements: Element[] = [];
  const links: LinkInfo[] = [];
  for (let i = 0; i < c.links.length; i++) {
    // a page of thousands of links, read cold, took 15–40 ms in one slice: a slice per batch
    if (i > 0 && i % LINK_BATCH === 0) yield;
    const { el, start, end } = c.links[i]!;
    elements.push(el);
    // the label is the link's visible text as walked (a textContent per link was a second walk of
    // every link); the line breaks the walk put around blocks inside a link are not the label's.
    // The image is only looked up for a link without text (a query per link is a cost on big pages)
    const label = linkLabel(text, start, end) || el.querySelector?.('img')?.getAttribute('alt') || el.getAttribute('title') || '';
    links.push({ href: absolute(el.getAttribute('href') || '', url), text: label, inFooter: inFooter(start), element: i });
  }
  yield;
  // spam probes read the document itself (computed styles; ids and [hidden] subtrees), each in
  // its own slice; styles only exist with a window (not in DOMParser documents)
  // (links of a footer frame are left out: their styles and boxes belong to the frame's window)
  const ownLinks = frameBody ? links.filter((l) => elements[l.element]!.ownerDocument === doc) : links;
  if (doc.defaultView) probeLinkVisibility(doc, ownLinks, elements, host);
  yield;
  const spamProbe = probeSpam(doc, host);
  yield;
  const meta = readMeta(doc);
  const dates = yield* findDatesInStages(markText, { footerStart: region ? region.start : undefined, today: opts.today });
  yield;
  const notes: string[] = [];
  if (c.truncated) notes.push(`页面文字超过 ${limits.maxTextChars} 字，只检查了前面部分。`);
  // by tag: a live list's first item (a selector query paid its machinery on every element)
  if (doc.getElementsByTagName('frameset')[0]) notes.push('页面使用框架（frameset），框架内的页面需分别打开检查。');
  else if (frameBody) notes.push('页面底部位于内嵌框架（iframe）中，已一并检查；其他框架内容未检查。');
  else if (doc.getElementsByTagName('iframe')[0]) notes.push('页面含内嵌框架（iframe），其内容未检查。');
  if (traditional) notes.push('繁体字页面：繁体段落未查错别字（请在简体版核对）；底部标识和日期已按繁体写法识别。');
  let folded: FoldedText | null = null;
  const model: PageModel = {
    url,
    host,
    title: (doc.title || '').trim(),
    text,
    ...(traditional ? { markText } : {}),
    footer: region ? { start: region.start, end: region.end, text: text.slice(region.start, region.end) } : null,
    footerHtml: region?.el ? region.el.outerHTML.slice(0, limits.footerHtmlChars) : '',
    meta,
    links,
    scripts: c.scripts.map(({ info, start }) => ({ ...info, inFooter: inFooter(start) })),
    images: c.images.map(({ info, start }) => ({ ...info, inFooter: inFooter(start) })),
    dates,
    pubDate: null,
    pubDateSource: null,
    metaPubDate: null,
    pageType: guessPageType(url, meta, dates),
    // folded on first read (a page-sized copy; the rules that match numbers and spam words read
    // the text itself when the census says folding changes nothing for them)
    get folded() {
      return (folded ??= foldText(text));
    },
    main: null,
    notes,
    spamProbe,
  };
  yield;
  // the page context, computed once: the refined type, the article region, then the publish date
  model.pageType = refinePageType(model);
  if (model.pageType === 'article' || model.pageType === 'other') {
    yield;
    const like = articleLike(doc, text);
    if (like === 'too-large') notes.push('页面过大，未识别正文区域，发布日期等按全文判断。');
    else if (like) {
      yield;
      model.main = parseArticle(doc, text);
    }
  }
  const pick = pickPubDateWithSource(model);
  model.pubDate = pick.date;
  model.pubDateSource = pick.source;
  model.metaPubDate = pick.meta;
  return { model, index: c.index, elements, footerEl: region?.el ?? null };
}

function finish(c: Collector, doc: Document, opts: BuildOptions): BuiltPage {
  return runStages(finishStages(c, doc, opts));
}

function root(doc: Document): Node {
  return doc.body ?? doc.documentElement ?? doc;
}

/** Builds the PageModel in one go (tests, detached documents, the CLI's node side). */
export function buildPageModel(doc: Document, opts: BuildOptions): BuiltPage {
  const c = new Collector(root(doc), opts.skipElement);
  c.step();
  return finish(c, doc, opts);
}

/**
 * Builds the PageModel in slices of `limits.chunkMs`, awaiting `yieldToPage` between slices so
 * no task on the page's main thread runs long.
 */
export async function buildPageModelChunked(
  doc: Document,
  opts: BuildOptions,
  yieldToPage: () => Promise<void>,
  now: () => number = () => performance.now(),
): Promise<BuiltPage> {
  const c = new Collector(root(doc), opts.skipElement);
  for (;;) {
    const until = now() + limits.chunkMs;
    const done = c.step(() => now() > until);
    await yieldToPage();
    if (done) break;
  }
  const stages = finishStages(c, doc, opts);
  for (;;) {
    const r = stages.next();
    if (r.done) return r.value;
    await yieldToPage();
  }
}
