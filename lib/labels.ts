/** Chinese display labels for enum ids, shared by the UI and the exports (data in labels.json). */
import type { Category, FindingSource, FindingStatus, Severity } from './types';
import labels from './data/labels.json';

// Typed assignments: tsc fails here if labels.json misses an id of the union.
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = labels.severity;
export const STATUS_LABELS: Readonly<Record<FindingStatus, string>> = labels.status;
export const SOURCE_LABELS: Readonly<Record<FindingSource, string>> = labels.source;
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = labels.category;

// Unknown ids (e.g. from a newer backup) fall back to the raw id rather than an empty cell.
export const severityLabel = (s: Severity): string => SEVERITY_LABELS[s] ?? s;
export const statusLabel = (s: FindingStatus): string => STATUS_LABELS[s] ?? s;
export const sourceLabel = (s: FindingSource): string => SOURCE_LABELS[s] ?? s;
export const categoryLabel = (c: Category): string => CATEGORY_LABELS[c] ?? c;
