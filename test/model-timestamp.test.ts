import { describe, expect, test } from 'vitest';
import { formatAge, timestampMs } from '../src/model/format.js';

const date = (s: string) => new Date(s).getTime();

describe('timestampMs reads timestamps as Date does', () => {
  test('metav1.Time values across the calendar', () => {
    // A deterministic walk over ~40 years in uneven steps: every month, day, hour, minute, second.
    let t = Date.UTC(1990, 0, 1);
    for (let i = 0; i < 20_000; i++) {
      t += 63_113_017 + (i % 97) * 1_013;
      const s = new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
      expect(timestampMs(s), s).toBe(date(s));
    }
  });

  test.each([
    '2024-02-29T23:59:59Z',
    '2023-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-00-10T00:00:00Z',
    '2024-01-00T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T23:60:00Z',
    '2024-01-01T23:59:60Z',
    '0099-01-01T00:00:00Z',
    '1000-01-01T00:00:00Z',
    '2024-01-01T00:00:00.123Z',
    '2024-01-01T00:00:00+02:00',
    '2024-01-01 00:00:00Z',
    '2024-1a-01T00:00:00Z',
    '2024-01-01T00:00:0Z',
    'not a date',
    '',
  ])('%j', (s) => {
    expect(Object.is(timestampMs(s), date(s)), `${timestampMs(s)} vs ${date(s)}`).toBe(true);
  });

  test('formatAge reads them the same way', () => {
    const now = Date.UTC(2024, 4, 1, 12, 0, 0);
    expect(formatAge('2024-05-01T11:58:30Z', now)).toBe('90s');
    expect(formatAge('2024-04-30T12:00:00Z', now)).toBe('24h');
    expect(formatAge('2024-13-01T00:00:00Z', now)).toBe('<invalid>');
  });
});
