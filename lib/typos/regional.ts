/**
 * Regional spellings (typo.regional): a slip the word or idiom detector proposes to correct may be
 * the standard spelling of Taiwan or of traditional characters (想著 → 想着, 提昇 → 提升, 网路 → 网络,
 * 计画 → 计划). That is no slip of the pen but another norm: the finding is kept, as a hint that says
 * so, with the mainland standard's form. Only the detectors' own findings are relabelled: the list
 * alone reports nothing (乾坤, 著名 and 网路 as a name are not findings). Data: OpenCC's dictionaries
 * (lib/data/typo-regional.json, scripts/build-regional-data.mjs), and Unihan's variants for the
 * variant characters (异体字) outside GB 2312 (牠 for 他/它).
 */
import data from '../data/typo-regional.json';
import type { TypoFinding } from './types';

interface RegionalTables {
  chars: Map<string, string>;
  /** a variant character outside GB 2312 → the GB 2312 characters it varies (Unihan) */
  variants: Map<string, string>;
  phrases: Map<string, string>;
  longest: number;
}

let cached: RegionalTables | null = null;

function tables(): RegionalTables {
  if (cached) return cached;
  const chars = new Map<string, string>();
  for (const pair of data.chars.split(' ')) chars.set(pair[0]!, pair[1]!);
  const variants = new Map<string, string>();
  for (const entry of data.variants.split(' ')) variants.set(entry[0]!, entry.slice(1));
  const phrases = new Map<string, string>();
  let longest = 0;
  for (const pair of data.phrases.split(' ')) {
    const [a = '', b = ''] = pair.split(':');
    phrases.set(a, b);
    longest = Math.max(longest, a.length);
  }
  return (cached = { chars, variants, phrases, longest });
}

/** Why wrong → right is a regional spelling, in Chinese; null when it is not one. */
export function regionalReason(wrong: string, right: string): string | null {
  if (wrong.length !== right.length || wrong === right) return null;
  const { chars, variants, phrases, longest } = tables();
  // a word of the regional list inside the piece, whose mainland form makes the correction
  for (let len = Math.min(longest, wrong.length); len >= 2; len--) {
    for (let i = 0; i + len <= wrong.length; i++) {
      const word = wrong.slice(i, i + len);
      const std = phrases.get(word);
      if (std !== undefined && wrong.slice(0, i) + std + wrong.slice(i + len) === right) return `“${word}”是台湾地区或繁体的写法，规范写作“${std}”`;
    }
  }
  // or every changed character a regional form, or a variant (异体字), of the one put in its place
  const changed: string[] = [];
  for (let i = 0; i < wrong.length; i++) {
    const w = wrong[i]!;
    const r = right[i]!;
    if (w === r) continue;
    if (chars.get(w) === r) changed.push(`“${w}”是台湾地区或繁体用字`);
    else if (variants.get(w)?.includes(r)) changed.push(`“${w}”是“${r}”的异体字`);
    else return null;
  }
  return `“${wrong}”中的${changed.join('，')}，规范写法为“${right}”`;
}

/** The word and idiom detectors' findings that are regional spellings, relabelled; the rest as they are. */
export function relabelRegional(found: TypoFinding[]): TypoFinding[] {
  return found.map((f) => {
    if (f.kind !== 'typo.word' && f.kind !== 'typo.idiom') return f;
    const reason = regionalReason(f.wrong, f.right);
    return reason ? { ...f, kind: 'typo.regional', severity: 'hint', evidence: reason } : f;
  });
}
