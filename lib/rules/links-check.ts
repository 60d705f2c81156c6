/**
 * links.dead and links.suspect: links, images and attachments that do not open (19号 扣分
 * 链接不可用). The rules see nothing by themselves: the 'links' background stage sends the
 * page's targets to the background's link checker (lib/links) and `linkCheckFindings` turns its
 * results into findings. Severities, limits and wording are data (lib/data/link-check.json).
 */
import type { PageModel, RuleFinding, Severity } from '../types';
import type { LinkKind, LinkResult, LinkTarget } from '../links/types';
import { kindOfUrl, linkKey, isHttpUrl } from '../links/url';
import { defineRule, stamp, type DefinedRule, type Detection } from './define';
import cfg from '../data/link-check.json';

const F = cfg.findings;
const MESSAGES = F.messages as Record<string, string>;
const KIND_LABEL = F.kindLabels as Record<LinkKind, string>;

/** A target plus where it sits on the page (the link's element, when it is an <a>). */
export interface PageLinkTarget extends LinkTarget {
  kind: LinkKind;
  text: string;
  element?: number;
}

/** Each distinct http(s) URL of the page's links and images once, in page order, at most maxTargets. */
export function linkCheckTargets(page: PageModel, max = F.maxTargets): PageLinkTarget[] {
  const seen = new Set<string>();
  const out: PageLinkTarget[] = [];
  const add = (url: string, kind: LinkKind, text: string, element?: number) => {
    if (out.length >= max || !isHttpUrl(url)) return;
    const key = linkKey(url);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ url: key, kind, text, ...(element !== undefined ? { element } : {}) });
  };
  for (const l of page.links) add(l.href, kindOfUrl(l.href), l.text, l.element);
  for (const img of page.images) {
    try {
      add(new URL(img.src, page.url).href, 'image', img.alt);
    } catch {
      /* a src that is no URL is not a link to check */
    }
  }
  return out;
}

/** The finding's words for one result: the reason's template, else the checker's own message. */
export function linkCheckMessage(r: LinkResult, kind: LinkKind): string {
  const tpl = MESSAGES[r.reason] ?? MESSAGES.other!;
  return tpl
    .replace('{kind}', KIND_LABEL[kind] ?? KIND_LABEL.link)
    .replace('{status}', r.status !== undefined ? String(r.status) : '无状态码')
    .replace('{detail}', `：${r.message}`);
}

function detection(t: PageLinkTarget, r: LinkResult): Detection {
  const text = t.text.replace(/\s+/g, ' ').trim();
  return {
    message: linkCheckMessage(r, t.kind) + (text ? `：“${text.length > 30 ? text.slice(0, 30) + '…' : text}”` : ''),
    evidence: t.url,
    suggestion: r.verdict === 'dead' ? F.suggestions.dead : F.suggestions.suspect,
    severity: (r.verdict === 'dead' ? F.severity.dead : F.severity.suspect) as Severity,
    ...(t.element !== undefined ? { element: t.element } : {}),
  };
}

/**
 * The checker's results as findings: one per dead or doubtful URL (the first place the page links
 * it), at most maxPerPage. URLs the checker did not answer (no permission for their host) give none.
 */
export function linkCheckFindings(targets: readonly PageLinkTarget[], results: readonly LinkResult[]): RuleFinding[] {
  const byKey = new Map(results.map((r) => [linkKey(r.url), r]));
  const dead: Detection[] = [];
  const suspect: Detection[] = [];
  for (const t of targets) {
    if (dead.length + suspect.length >= F.maxPerPage) break;
    const r = byKey.get(linkKey(t.url));
    if (r?.verdict === 'dead') dead.push(detection(t, r));
    else if (r?.verdict === 'suspect') suspect.push(detection(t, r));
  }
  return [...stamp(linksDeadRule, dead).findings, ...stamp(linksSuspectRule, suspect).findings];
}

// The examples run through the stage against the registry test's double of the background, which
// answers 404 for paths under /missing/, 403 under /forbidden/ and 200 for everything else.
export const linksDeadRule: DefinedRule = defineRule({
  id: 'links.dead',
  family: 'links-check',
  title: '不可用链接',
  category: 'links',
  severities: [F.severity.dead as Severity],
  indicator: { kind: 'deduct', item: '链接不可用', point: '不可用链接' },
  stage: 'links',
  examples: {
    fires: ['<p>详见<a href="https://www.example.gov.cn/missing/notice.html">通知公告</a></p>'],
    silent: ['<p>详见<a href="https://www.example.gov.cn/news/notice.html">通知公告</a></p>'],
  },
  check: () => [],
});

export const linksSuspectRule: DefinedRule = defineRule({
  id: 'links.suspect',
  family: 'links-check',
  title: '链接待复核',
  category: 'links',
  severities: [F.severity.suspect as Severity],
  indicator: { kind: 'deduct', item: '链接不可用', point: '不可用链接（程序无法确认，需人工复核）' },
  stage: 'links',
  examples: {
    fires: ['<p>详见<a href="https://www.example.gov.cn/forbidden/list.html">政策文件</a></p>'],
    silent: ['<p>详见<a href="https://www.example.gov.cn/missing/notice.html">通知公告</a> <a href="https://www.example.gov.cn/news/a.html">要闻</a></p>'],
  },
  check: () => [],
});

export const linkCheckRules: DefinedRule[] = [linksDeadRule, linksSuspectRule];
