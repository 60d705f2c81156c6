/**
 * Build-time plugin for the extension bundles: rule examples and dictionary test sentences are
 * read only by the tests and `npm run docs:rules`, so they are dropped from what ships (the content
 * script runs on every government page and has a 100 KB gzip budget). Tests and scripts import the
 * sources directly and keep them.
 */
import type { Plugin } from 'vite';

const DICTIONARIES = /lib\/data\/(typos|expressions|discouraged|typo-rules|typo-context-rules|typo-geo-names)\.json$/;
const RULE_FILES = /lib\/rules\/[^/]+\.ts$/;
const SENTENCE_KEYS = new Set(['fires', 'silent']);

function dropSentences(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropSentences);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !SENTENCE_KEYS.has(k)).map(([k, v]) => [k, dropSentences(v)]));
}

/** Dictionaries: before Vite's JSON plugin (the file is still JSON text). */
export function stripDictionarySentences(): Plugin {
  return {
    name: 'govcheck-strip-dictionary-sentences',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!DICTIONARIES.test(id)) return null;
      return { code: JSON.stringify(dropSentences(JSON.parse(code))), map: null };
    },
  };
}

/**
 * Rule definitions: after TypeScript is stripped, every `examples: {…}` literal becomes
 * `examples: false && {…}`, which the minifier removes with the helpers only examples used.
 */
export function stripRuleExamples(): Plugin {
  return {
    name: 'govcheck-strip-rule-examples',
    apply: 'build',
    transform(code, id) {
      if (!RULE_FILES.test(id) || !code.includes('examples:')) return null;
      return { code: code.replace(/\bexamples:\s*\{/g, 'examples: false && {'), map: null };
    },
  };
}
