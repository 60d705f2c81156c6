/**
 * links.spam and links.hidden. Both look only at links to hosts outside the page's site that are
 * not official (gov.cn/edu.cn). The known-spam-domain list is too big for the content script: the
 * scanner asks the background (checkSpamHosts) after the rules ran and `spamHostFindings` turns
 * the answer into findings.
 */
import type { LinkInfo, PageModel, RuleFinding } from '../types';
import { defineRule, stamp, type DefinedRule, type Detection } from './define';
import { hostOf } from '../hosts';
import { externalHostOf } from '../scan/external-host';

import { LINK_TEXT_THRESHOLD, spamScore } from './spam-match';
import vocab from '../data/spam-vocabulary.json';
import { stripZeroWidth } from '../text/normalise';

const LABELS = vocab.hidingLabels as Record<string, string>;
const UI = new Set(vocab.uiTechniques);
const TLDS = new Set(vocab.suspiciousTlds);
const MAX_FINDINGS = 100;
/** text weight that backs up a display:none-style hiding: any spam word at all (the link is hidden and external already) */
const CORROBORATE_SCORE = 1;

function short(s: string, n: number): string {
  return s.length > n ? s.slice(0, n) + '…' : s;
}

export function linkEvidence(text: string, href: string): string {
  return `${short(stripZeroWidth(text).text.replace(/\s+/g, ' ') || '（无文字）', 40)} → ${short(href, 120)}`;
}


/** A casino/porn word inside the host name (bet365, manbetx, casino …). */
export function hostToken(host: string): string {
  const labels = host.split('.').slice(0, -1).join('.');
  return vocab.hostTokens.find((t) => labels.includes(t)) ?? '';
}

function suspiciousTld(host: string): boolean {
  return TLDS.has(host.slice(host.lastIndexOf('.') + 1));
}

/** One links.spam finding: the message is the only part that differs between the checks. */
function spamLinkFinding(l: { text: string; href: string; element?: number }, message: string): Detection {
  return {
    message,
    evidence: linkEvidence(l.text, l.href),
    suggestion: '删除该链接并排查网站是否被篡改',
    element: l.element,
  };
}

export const linksSpamRule: DefinedRule = defineRule({
  id: 'links.spam',
  family: 'links',
  title: '博彩色情链接',
  category: 'links',
  severities: ['veto'],
  indicator: { kind: 'veto', item: '安全、泄密事故等严重问题', point: '发布或链接反动、暴力、色情等内容' },
  vetoPhrase: '存在违规链接',
  stage: 'spam-hosts',
  examples: {
    fires: [
      '<p>友情链接：<a href="http://www.kaifa-k8.top/">凯发k8官网</a></p>',
      '<p>友情链接：<a href="https://www.beat365-vip.com/">体育资讯</a></p>',
      // neutral text, host on the illegal-domain list: found by the background stage only
      '<p>友情链接：<a href="http://www.0073d.cn/">体育资讯</a></p>',
    ],
    silent: ['<p>友情链接：<a href="http://www.people.com.cn/">人民网</a> <a href="https://www.jiangxi.gov.cn/">江西省人民政府</a></p>'],
  },
  check(page) {
    const out: Detection[] = [];
    const judge = (text: string, href: string): string => {
      const host = externalHostOf(href, page.host);
      if (!host) return '';
      const token = hostToken(host);
      if (token) return `链接地址含“${token}”`;
      const s = spamScore(text);
      if (s.score >= LINK_TEXT_THRESHOLD) return s.zw ? '链接文字含博彩/色情词（夹有零宽字符）' : '链接文字含博彩/色情词';
      return '';
    };
    const finding = (l: { text: string; href: string; element?: number }, why: string, where: string) =>
      spamLinkFinding(l, `${where}疑似博彩/色情链接（${why}）：“${short(l.text, 30)}”指向 ${hostOf(l.href)}`);
    for (const l of page.links) {
      if (out.length >= MAX_FINDINGS) break;
      const why = judge(l.text, l.href);
      if (why) out.push(finding(l, why, ''));
    }
    for (const l of page.spamProbe?.hiddenAttrLinks ?? []) {
      const why = judge(l.text, l.href);
      if (why) out.push(finding({ text: l.text, href: l.href }, why, '隐藏区域中有'));
    }
    return out;
  },
});

/**
 * Whether a hidden link is a 暗链. Deliberate techniques (off-screen, font-size 0, text-indent,
 * clip, same colour) suffice; display:none/visibility/opacity/zero size are also how menus, tabs
 * and pop-ups hide, so those need backing: spam words, a spam word in the host, or a TLD
 * favoured by link farms.
 */
export function isDarkLink(technique: string, text: string, host: string): boolean {
  if (!UI.has(technique)) return true;
  return !!hostToken(host) || suspiciousTld(host) || spamScore(text).score >= CORROBORATE_SCORE;
}

export const linksHiddenRule: DefinedRule = defineRule({
  id: 'links.hidden',
  family: 'links',
  title: '暗链',
  category: 'links',
  severities: ['veto'],
  indicator: { kind: 'veto', item: '安全、泄密事故等严重问题', point: '对安全攻击（如页面被挂马、内容被篡改等）没有及时有效处置' },
  vetoPhrase: '存在暗链',
  examples: {
    fires: ['<p>正文内容。</p><div style="display:none"><a href="http://www.kaifa-k8.top/">凯发k8官网</a></div>'],
    silent: ['<p>正文内容。</p><div style="display:none"><a href="http://www.people.com.cn/">人民网</a></div>'],
  },
  check(page) {
    const out: Detection[] = [];
    const push = (technique: string, l: Pick<LinkInfo, 'href' | 'text'>, element?: number) => {
      const host = externalHostOf(l.href, page.host);
      if (!host || !isDarkLink(technique, l.text, host)) return;
      const how = LABELS[technique] ?? technique;
      out.push({
        message: `暗链：指向外部网站 ${host} 的链接“${short(l.text || '（无文字）', 30)}”对访问者不可见（${how}）`,
        evidence: `${linkEvidence(l.text, l.href)}（${how}）`,
        suggestion: '删除该隐藏链接并排查网站是否被篡改',
        element,
      });
    };
    for (const l of page.links) {
      if (out.length >= MAX_FINDINGS) break;
      if (l.hidden) push(l.hidden, l, l.element);
    }
    for (const l of page.spamProbe?.hiddenAttrLinks ?? []) push('hidden-attribute', l);
    return out;
  },
});

export interface SpamHostHit {
  host: string;
  /** the listed entry it matched (the host itself or a parent) */
  entry: string;
}

/** The distinct external, non-official hosts the background should look up. */
export function hostsToCheck(page: PageModel, max = 500): string[] {
  const set = new Set<string>();
  for (const l of [...page.links, ...(page.spamProbe?.hiddenAttrLinks ?? [])]) {
    const h = externalHostOf(l.href, page.host);
    if (h) set.add(h);
    if (set.size >= max) break;
  }
  return [...set];
}

/**
 * The background's answer as findings: one per link to a listed host. Links links.spam already
 * reported (same element) are left out so one link gives one spam finding.
 */
export function spamHostFindings(page: PageModel, hits: SpamHostHit[], already: RuleFinding[] = []): RuleFinding[] {
  if (!hits.length) return [];
  const byHost = new Map(hits.map((h) => [h.host, h.entry]));
  const done = new Set(already.filter((f) => f.ruleId === 'links.spam' && f.element !== undefined).map((f) => f.element));
  const out: Detection[] = [];
  for (const l of page.links) {
    if (out.length >= MAX_FINDINGS) break;
    const host = externalHostOf(l.href, page.host);
    const entry = host ? byHost.get(host) : undefined;
    if (!entry || done.has(l.element)) continue;
    out.push(spamLinkFinding(l, `链接指向已知的违法（博彩/色情）网站 ${host}${entry !== host ? `（名单中的 ${entry}）` : ''}：“${short(l.text || '（无文字）', 30)}”`));
  }
  for (const l of page.spamProbe?.hiddenAttrLinks ?? []) {
    const host = externalHostOf(l.href, page.host);
    const entry = host ? byHost.get(host) : undefined;
    if (!entry) continue;
    out.push(spamLinkFinding({ text: l.text, href: l.href }, `隐藏区域中有指向已知违法网站 ${host} 的链接：“${short(l.text || '（无文字）', 30)}”`));
  }
  return stamp(linksSpamRule, out).findings;
}

export const linkRules: DefinedRule[] = [linksSpamRule, linksHiddenRule];
