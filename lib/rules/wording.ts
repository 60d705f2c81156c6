/**
 * Wording rules from the curated dictionaries: 严重表述错误 (veto) and known 错别字 (deduct).
 * Both dictionaries are compiled once into one matcher; each rule keeps the hits of its class.
 * Footer text is checked too: a wrong name in the footer is still a wrong name.
 */
import type { Category, PageModel, Rule, RuleFinding, Severity } from '../types';
import { compileDictionary, loadEntries, type DictMatch, type EntryClass } from '../text/matcher';
import typosData from '../data/typos.json';
import expressionsData from '../data/expressions.json';

export const wordingDictionary = compileDictionary([
  ...loadEntries(expressionsData, 'expressions.json'),
  ...loadEntries(typosData, 'typos.json'),
]);

/** The two rules share one scan of the same text. */
let lastText: string | null = null;
let lastMatches: DictMatch[] = [];
function matchesFor(text: string): DictMatch[] {
  if (text !== lastText) {
    lastMatches = wordingDictionary.match(text);
    lastText = text;
  }
  return lastMatches;
}

function dictionaryRule(
  id: string,
  title: string,
  category: Category,
  severity: Severity,
  cls: EntryClass,
  lead: string,
): Rule {
  return {
    id,
    title,
    category,
    severity,
    check(page: PageModel): RuleFinding[] {
      return matchesFor(page.text)
        .filter((m) => m.entry.class === cls)
        .map((m) => ({
          ruleId: id,
          severity,
          category,
          message: `${lead}：“${m.entry.wrong}”应为“${m.entry.right}”`,
          evidence: m.entry.wrong,
          suggestion: m.entry.right,
          start: m.start,
          end: m.end,
        }));
    },
  };
}

export const wordingRules: Rule[] = [
  dictionaryRule('expression.political', '严重表述错误', 'expression', 'veto', 'expression', '疑似严重表述错误'),
  dictionaryRule('typo.known', '错别字', 'typo', 'deduct', 'typo', '疑似错别字'),
];
