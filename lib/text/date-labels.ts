/** The one list of date labels (lib/data/date-labels.json), by role, for every date reader. */
import data from '../data/date-labels.json';

export type DateLabelRole = keyof typeof data.roles;

const ROLE_OF = new Map<string, DateLabelRole>();
for (const [role, labels] of Object.entries(data.roles) as [DateLabelRole, string[]][]) {
  for (const l of labels) ROLE_OF.set(l, role);
}

/** The role of a label findDates attached to a date, or undefined. */
export function labelRole(label: string | undefined): DateLabelRole | undefined {
  return label === undefined ? undefined : ROLE_OF.get(label);
}

/** Every label of the given roles. */
export function labelsOf(...roles: DateLabelRole[]): string[] {
  return roles.flatMap((r) => data.roles[r]);
}

/** A set of the labels of named groups in the data file (e.g. 'pageStamp', 'shownDate'). */
export function labelSet(group: 'found' | 'generic' | 'pageStamp' | 'headerPublish' | 'shownDate'): Set<string> {
  return new Set(labelsOf(...(data[group] as DateLabelRole[])));
}

/** Labels findDates looks for, longest first so 发布时间 wins over 时间. */
export const FOUND_LABELS: readonly string[] = [...labelSet('found')].sort((a, b) => b.length - a.length);

/** Publish-date rank of a label (0 best), or undefined when the label never gives a publish date. */
const RANK = new Map<string, number>();
data.pubDateRank.forEach((roles, i) => {
  for (const l of labelsOf(...(roles as DateLabelRole[]))) RANK.set(l, i);
});
export function pubDateRank(label: string | undefined): number | undefined {
  return label === undefined ? undefined : RANK.get(label);
}
