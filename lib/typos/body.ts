/**
 * name.body-variant: an official body's name slightly off — 与/及/、 in place of 和
 * (住房与城乡建设局) or one character replaced by a sound- or look-alike (住房和城乡见设局) — right
 * before a body suffix (部/厅/局/委员会 …). Names: 国务院组成部门 and the usual local "X和Y" bodies
 * (lib/data/typo-rules.json). Without the suffix the words may be an ordinary phrase
 * (文化与旅游融合发展) and stay silent, except the cores whose 与 form is no phrase (bareCores:
 * 住房与城乡建设, 工业与信息化): those are a hint.
 * The names of the state and its central bodies (fixedNames: 中华人民共和国 …) are checked
 * anywhere: one Han character replaced, by whatever character, is a wrong name; so are the central
 * bodies named 国家X with 中国 in place of 国家 (中国发改委 for 国家发改委, stateNamed).
 */
import rules from '../data/typo-rules.json';
import { AhoCorasick } from '../text/aho-corasick';
import { confusion } from './confusion';
import type { TypoFinding } from './types';

const B = rules.bodies;

interface Variants {
  matcher: AhoCorasick;
  /** per pattern: the right name core, what changed, and whether it counts without a suffix */
  info: { right: string; how: string; bare: boolean }[];
}

let cached: Variants | null = null;

function cores(): string[] {
  const out = new Set<string>(B.localCores);
  for (const name of B.councilDepartments) {
    const suffix = B.suffixes.find((s) => name.endsWith(s));
    const core = suffix ? name.slice(0, -suffix.length) : name;
    out.add(core);
  }
  return [...out].filter((c) => c.length >= B.minCoreLength);
}

function variants(): Variants {
  if (cached) return cached;
  const conf = confusion();
  const all = cores();
  const official = new Set(all);
  const bare = new Set(B.bareCores);
  const map = new Map<string, { right: string; how: string; bare: boolean }>();
  for (const core of all) {
    for (let i = 0; i < core.length; i++) {
      const ch = core[i]!;
      const subs = ch === '和' ? [...B.wrongConnectors] : conf.alikes(ch);
      for (const x of subs) {
        const v = core.slice(0, i) + x + core.slice(i + 1);
        if (official.has(v) || map.has(v)) continue;
        map.set(v, { right: core, how: ch === '和' ? `“和”写作“${x}”` : `“${ch}”写作“${x}”`, bare: ch === '和' && bare.has(core) });
      }
    }
  }
  const patterns = [...map.keys()];
  cached = { matcher: new AhoCorasick(patterns), info: patterns.map((p) => map.get(p)!) };
  return cached;
}

const HAN = /[\u4e00-\u9fff]/u;

/** Windows that differ from a fixed name in exactly one Han character: one half of the name is intact. */
function fixedNameTypos(text: string, out: TypoFinding[]) {
  for (const name of B.fixedNames) {
    const half = name.length >> 1;
    const head = name.slice(0, half);
    const tail = name.slice(half);
    // most blocks hold neither half: no set built for them
    if (!text.includes(head) && !text.includes(tail)) continue;
    const starts = new Set<number>();
    for (let i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) starts.add(i);
    for (let j = text.indexOf(tail); j >= 0; j = text.indexOf(tail, j + 1)) if (j >= half) starts.add(j - half);
    for (const i of [...starts].sort((a, b) => a - b)) {
      const w = text.slice(i, i + name.length);
      if (w.length < name.length) continue;
      let diff = -1;
      let n = 0;
      for (let k = 0; k < name.length; k++) if (w[k] !== name[k]) { n++; diff = k; }
      if (n !== 1 || !HAN.test(w[diff]!)) continue;
      out.push({
        start: i,
        end: i + name.length,
        wrong: w,
        right: name,
        kind: 'name.body-variant',
        severity: 'deduct',
        evidence: `名称应为“${name}”，此处“${name[diff]}”写作“${w[diff]}”`,
      });
    }
  }
}

let stateNamed: { matcher: AhoCorasick; right: string[] } | null = null;

/** 中国X where the body's name is 国家X (中国发改委). */
function stateNamedTypos(text: string, out: TypoFinding[]) {
  if (text.indexOf('中国') < 0) return;
  stateNamed ??= {
    matcher: new AhoCorasick(B.stateNamed.map((n) => '中国' + n.slice(2))),
    right: B.stateNamed,
  };
  const { right } = stateNamed;
  const first = out.length;
  stateNamed.matcher.search(text, (pattern, start, end) => {
    // 中国卫生健康委 then 中国卫生健康委员会 at the same start: keep the longer name
    if (out.length > first && out[out.length - 1]!.start >= start) out.pop();
    out.push({
      start,
      end,
      wrong: text.slice(start, end),
      right: right[pattern]!,
      kind: 'name.body-variant',
      severity: 'deduct',
      evidence: `机构名称应为“${right[pattern]}”，名称中的“国家”不能写作“中国”`,
    });
  });
}

export function bodyTypos(text: string): TypoFinding[] {
  const { matcher, info } = variants();
  const out: TypoFinding[] = [];
  fixedNameTypos(text, out);
  stateNamedTypos(text, out);
  matcher.search(text, (pattern, start, end) => {
    const suffix = B.suffixes.find((s) => text.startsWith(s, end));
    const { right, how, bare } = info[pattern]!;
    if (!suffix) {
      if (bare) {
        out.push({
          start,
          end,
          wrong: text.slice(start, end),
          right,
          kind: 'name.body-variant',
          severity: 'hint',
          evidence: `机构或领域名称应为“${right}”，此处${how}`,
        });
      }
      return;
    }
    out.push({
      start,
      end: end + suffix.length,
      wrong: text.slice(start, end) + suffix,
      right: right + suffix,
      kind: 'name.body-variant',
      severity: 'deduct',
      evidence: `机构名称应为“${right + suffix}”，此处${how}`,
    });
  });
  return out;
}
