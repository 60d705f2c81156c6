/**
 * Regional spellings (typo.regional): a slip the word or idiom detector proposes to correct may be
 * the standard spelling of Taiwan or of traditional characters (想著 → 想着, 提昇 → 提升, 网路 → 网络,
 * 计画 → 计划). That is no slip of the pen but another norm: the finding is kept, as a hint that says
 * so, with the mainland standard's form. Only the detectors' own findings are relabelled: the list
 * alone reports nothing (乾坤, 著名 and 网路 as a name are not findings). Data: OpenCC's dictionaries
 * (lib/data/typo-regional.json, scripts/build-regional-data.mjs), and Unihan's variants for the
 * variant characters (异体字) outside the 通用规范汉字表 (牠 for 它).
 */
import data from '../data/typo-regional.json';
import type { TypoFinding } from './types';

interface RegionalTables {
  chars: Map<string, string>;
  /** a variant character outside the 通用规范汉字表 → the standard characters it varies (Unihan), the specialised ones apart */
  variants: Map<string, { special: string; other: string }>;
  phrases: Map<string, string>;
  longest: number;
}

let cached: RegionalTables | null = null;

function tables(): RegionalTables {
  if (cached) return cached;
  const chars = new Map<string, string>();
  for (const pair of data.chars.split(' ')) chars.set(pair[0]!, pair[1]!);
  const variants = new Map<string, { special: string; other: string }>();
  for (const entry of data.variants.split(' ')) {
    const [special = '', other = ''] = entry.slice(1).split('|');
    variants.set(entry[0]!, { special, other });
  }
  const phrases = new Map<string, string>();
  let longest = 0;
  for (const pair of data.phrases.split(' ')) {
    const [a = '', b = ''] = pair.split(':');
    phrases.set(a, b);
    longest = Math.max(longest, a.length);
  }
  return (cached = { chars, variants, phrases, longest });
}

export interface Regional {
  /** why, in Chinese */
  reason: string;
  /** the correction: the detector's, or a variant's specialised standard character in its place (牠们 → 它们, not 他们) */
  right: string;
}

/** Whether wrong → right is a regional spelling or a variant character, and why; null when it is neither. */
export function regionalReason(wrong: string, right: string): Regional | null {
  if (wrong.length !== right.length || wrong === right) return null;
  const { chars, variants, phrases, longest } = tables();
  // a word of the regional list inside the piece, whose mainland form makes the correction
  for (let len = Math.min(longest, wrong.length); len >= 2; len--) {
    for (let i = 0; i + len <= wrong.length; i++) {
      const word = wrong.slice(i, i + len);
      const std = phrases.get(word);
      if (std !== undefined && wrong.slice(0, i) + std + wrong.slice(i + len) === right) return { reason: `“${word}”是台湾地区或繁体的写法，规范写作“${std}”`, right };
    }
  }
  // or every changed character a regional form, or a variant (异体字), of the one put in its place
  const changed: string[] = [];
  let fixed = '';
  for (let i = 0; i < wrong.length; i++) {
    const w = wrong[i]!;
    let r = right[i]!;
    if (w !== r) {
      const v = variants.get(w);
      if (chars.get(w) === r) changed.push(`“${w}”是台湾地区或繁体用字`);
      else if (v && (v.special.includes(r) || v.other.includes(r))) {
        // 牠 varies 他 and 它, but is 它's specialised variant: the detector's 他 gives way
        if (v.special && !v.special.includes(r)) r = v.special[0]!;
        changed.push(`“${w}”是“${r}”的异体字`);
      } else return null;
    }
    fixed += r;
  }
  return { reason: `“${wrong}”中的${changed.join('，')}，规范写法为“${fixed}”`, right: fixed };
}

/**
 * The word and idiom detectors' findings that are regional spellings or variant characters,
 * relabelled (their severity kept: 全國 in simplified text is 用字不规范 either way); the rest as they are.
 */
export function relabelRegional(found: TypoFinding[]): TypoFinding[] {
  return found.map((f) => {
    if (f.kind !== 'typo.word' && f.kind !== 'typo.idiom') return f;
    const regional = regionalReason(f.wrong, f.right);
    return regional ? { ...f, kind: 'typo.regional', right: regional.right, evidence: regional.reason } : f;
  });
}
