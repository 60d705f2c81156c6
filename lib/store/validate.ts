/**
 * Enum checks for findings that arrive from outside the service worker (a page's capture message,
 * an imported backup). Sets, not `in`: `'constructor' in {}` is true.
 */
import type { Category, Finding, FindingSource, FindingStatus, Severity } from '../types';
import { CATEGORY_LABELS, SEVERITY_LABELS, SOURCE_LABELS, STATUS_LABELS } from '../labels';

function oneOf<T extends string>(ids: readonly string[]): (x: unknown) => x is T {
  const set = new Set(ids);
  return (x: unknown): x is T => typeof x === 'string' && set.has(x);
}

export const isSeverity = oneOf<Severity>(Object.keys(SEVERITY_LABELS));
export const isStatus = oneOf<FindingStatus>(Object.keys(STATUS_LABELS));
export const isSource = oneOf<FindingSource>(Object.keys(SOURCE_LABELS));
export const isCategory = oneOf<Category>(Object.keys(CATEGORY_LABELS));
export const isAnchor = oneOf<Finding['anchor']>(['text', 'element', 'page']);
