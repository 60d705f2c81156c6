/**
 * 严重表述错误 beyond the fixed dictionary:
 * - party congress / plenum forms generated from a table (党十九大, 十九界四中全会, 19届4中全会 …);
 * - 四个意识/四个自信/… followed by a member list that differs from the canonical one;
 * - central leaders: a title paired with another leader's name, or a name one character off.
 */
import type { DictEntry } from '../text/matcher';
import forms from '../data/political-forms.json';
import leadersData from '../data/leaders.json';
import { needleFinder } from '../text/page-needles';

const ARABIC: Record<string, string> = {
  一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
  十二: '12', 十三: '13', 十四: '14', 十五: '15', 十六: '16', 十七: '17', 十八: '18', 十九: '19', 二十: '20', 二十一: '21',
};

const entry = (wrong: string, right: string, note: string): DictEntry => ({
  wrong,
  right,
  class: 'expression',
  severity: 'veto',
  fires: [`认真学习贯彻${wrong}精神。`],
  silent: [`认真学习贯彻${right}精神。`],
  note,
});

/** Wrong congress/plenum forms, each with generated fires/silent sentences. */
export function congressEntries(): DictEntry[] {
  const out: DictEntry[] = [];
  for (const n of forms.congresses) {
    const N = ARABIC[n]!;
    out.push(entry(`党${n}大`, `党的${n}大`, '党代会简称须作“党的X大”'));
    out.push(entry(`党的${N}大`, `党的${n}大`, '党代会届次用汉字'));
    out.push(entry(`党${n}届`, `党的${n}届`, '须作“党的X届”'));
    for (const m of forms.plenums) {
      const M = ARABIC[m]!;
      const right = `${n}届${m}中全会`;
      out.push(entry(`${n}界${m}中全会`, right, '“届”误作“界”'));
      out.push(entry(`${N}届${m}中全会`, right, '届次用汉字'));
      out.push(entry(`${n}届${M}中全会`, right, '全会次序用汉字'));
      out.push(entry(`${N}届${M}中全会`, right, '届次、全会次序用汉字'));
      out.push(entry(`${n}届第${m}中全会`, right, '“X中全会”前不加“第”'));
    }
  }
  return out;
}

export interface PoliticalHit {
  start: number;
  end: number;
  evidence: string;
  right: string;
  message: string;
}

interface MemberSet {
  phrase: string;
  members?: string[][];
  separators?: string;
  keys?: string[];
  canonical?: string;
}

const CLOSE_QUOTE = /^[”’"」』]/;
const OPENERS: Record<string, string> = { '（': '）', '(': ')', '：': '。；\n', ':': '。；\n' };
const strip = (s: string) => s.replace(/^[\s“”‘’"「」『』]+|[\s“”‘’"「」『』]+$/g, '').replace(/等$/, '');

const TITLES_BEFORE = leadersData.checkedTitles.before;
const TITLES_AFTER = leadersData.checkedTitles.after;
const PHRASES = (forms.memberSets as MemberSet[]).map((s) => s.phrase);
/** The checked titles and the member-list phrases, found in the page's one needle pass. */
const needles = needleFinder([...TITLES_BEFORE, ...TITLES_AFTER, ...PHRASES]);
const needlesIn = (text: string) => needles.positions(text);
const memberPhrases = (text: string) => needlesIn(text).slice(TITLES_BEFORE.length + TITLES_AFTER.length);

function canonicalText(set: MemberSet): string {
  return set.canonical ?? set.members!.map((m) => m[0]).join('、');
}

/** 四个意识（政治意识、大局意识、核心意识、看齐意识）: the listed members must be exactly the canonical set. */
export function memberListHits(text: string): PoliticalHit[] {
  const hits: PoliticalHit[] = [];
  const found = memberPhrases(text);
  (forms.memberSets as MemberSet[]).forEach((set, si) => {
    let from = 0;
    for (const at of found[si]!) {
      if (at < from) continue; // indexOf resumed after the previous one
      from = at + set.phrase.length;
      let p = from;
      if (CLOSE_QUOTE.test(text.slice(p, p + 1))) p++;
      const opener = text[p];
      const closers = opener ? OPENERS[opener] : undefined;
      if (!closers) continue;
      let q = p + 1;
      const limit = Math.min(text.length, p + 1 + 90);
      while (q < limit && !closers.includes(text[q]!)) q++;
      if (q >= limit) continue; // no closing mark nearby: not a list we can read
      const body = text.slice(p + 1, q);
      const seps = new RegExp(`[${set.separators ?? '、，'}]`);
      const items = body.split(seps).map(strip).filter(Boolean);
      if (items.length < (set.keys ? 1 : 2)) continue;
      let wrong = false;
      if (set.keys) {
        // long members are written many ways: only a missing key part is sure to be wrong
        wrong = !set.keys.every((k) => body.includes(k));
      } else {
        const members = set.members!;
        const known = (it: string) => members.some((alts) => alts.includes(it));
        wrong =
          items.length !== members.length ||
          !items.every(known) ||
          !members.every((alts) => items.some((it) => alts.includes(it)));
      }
      if (wrong) {
        hits.push({
          start: p + 1,
          end: q,
          evidence: body,
          right: canonicalText(set),
          message: `疑似严重表述错误：“${set.phrase}”的内容“${body}”应为“${canonicalText(set)}”`,
        });
      }
    }
  });
  return hits;
}

interface Leader {
  name: string;
  titles: string[];
}
const LEADERS = leadersData.leaders as Leader[];
const BOUNDARY = leadersData.nameBoundaryAfter;
const CJK = /[\u4e00-\u9fff]/;
const NAME_LEFT = '和与及同见向对由请是为';

/** Every checked title (before ones, then after ones). */
const leaderTitles = (text: string) => needlesIn(text);

function oneOff(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++;
  return d === 1;
}

/** 国务院总理王沪宁 (title with another leader's name), 国务院总理李墙 (name one character off). */
export function leaderHits(text: string): PoliticalHit[] {
  const hits: PoliticalHit[] = [];
  const holders = (title: string) => LEADERS.filter((l) => l.titles.includes(title));
  const found = leaderTitles(text);
  const before = leadersData.checkedTitles.before;
  before.forEach((title, ti) => {
    let from = 0;
    for (const at of found[ti]!) {
      if (at < from) continue; // indexOf resumed after the previous one
      from = at + title.length;
      if (at > 0 && text[at - 1] === '副') continue; // 国家副主席 is not 国家主席
      const p = from;
      for (const l of LEADERS) {
        const cand = text.slice(p, p + l.name.length);
        const after = text[p + l.name.length];
        const bounded = after === undefined || BOUNDARY.includes(after);
        if (cand === l.name) {
          if (bounded && !l.titles.includes(title)) {
            const right = holders(title).map((h) => h.name);
            hits.push({
              start: at,
              end: p + l.name.length,
              evidence: title + cand,
              right: right.length === 1 ? title + right[0] : `${l.name}（${l.titles[0]}）`,
              message: `疑似严重表述错误：“${title}${cand}”职务与姓名不符，${l.name}并非${title}`,
            });
          }
          break;
        }
        if (bounded && l.titles.includes(title) && oneOff(cand, l.name) && !LEADERS.some((o) => o.name === cand)) {
          hits.push({
            start: p,
            end: p + l.name.length,
            evidence: cand,
            right: l.name,
            message: `疑似严重表述错误：领导人姓名“${cand}”应为“${l.name}”`,
          });
          break;
        }
      }
    }
  });
  leadersData.checkedTitles.after.forEach((title, ti) => {
    let from = 0;
    for (const at of found[before.length + ti]!) {
      if (at < from) continue;
      from = at + title.length;
      for (const l of LEADERS) {
        const s = at - l.name.length;
        if (s < 0 || text.slice(s, at) !== l.name) continue;
        // a longer word ending in the listed name is not that leader: need a clear left edge
        if (s > 0 && CJK.test(text[s - 1]!) && !NAME_LEFT.includes(text[s - 1]!)) break;
        if (!l.titles.includes(title)) {
          const right = holders(title).map((h) => h.name);
          hits.push({
            start: s,
            end: at + title.length,
            evidence: l.name + title,
            right: right.length === 1 ? right[0] + title : `${l.name}（${l.titles[0]}）`,
            message: `疑似严重表述错误：“${l.name}${title}”职务与姓名不符`,
          });
        }
        break;
      }
    }
  });
  return hits;
}
