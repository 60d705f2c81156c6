import { describe, expect, it } from 'vitest';
import { isoDayNumber } from '../../../lib/text/dates';

describe('isoDayNumber', () => {
  it('equals Date.parse in days for every day of 1899–2101', () => {
    const t0 = Date.UTC(1899, 0, 1);
    for (let t = t0; t <= Date.UTC(2101, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(isoDayNumber(iso)).toBe(t / 86_400_000);
    }
  });

  it('falls back to Date.parse for anything else', () => {
    for (const odd of ['2023-02-29', '2023-13-01', '0999-01-01', 'x', '2023-05-0x', '2023-o5-01']) expect(isoDayNumber(odd)).toBe(Date.parse(`${odd}T00:00:00Z`) / 86_400_000);
    expect(isoDayNumber('+002023-03-01')).toBe(Date.parse('+002023-03-01T00:00:00Z') / 86_400_000);
  });
});
