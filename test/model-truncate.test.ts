import { describe, expect, test } from 'vitest';
import stringWidth from 'string-width';
import { truncate } from '../src/model/format.js';

/** The definition (the implementation before its ASCII fast path): code point by code point, each
 *  measured by string-width, '…' marking the cut. */
function reference(s: string, width: number): string {
  if (width <= 0) return '';
  if (s.length <= width && stringWidth(s) <= width) return s;
  if (width === 1) return '…';
  let out = '';
  let used = 0;
  for (const ch of s) {
    const w = stringWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…';
}

describe('truncate', () => {
  const samples = [
    '',
    'pods',
    'GET /api/v1/namespaces/team-a/pods?limit=500',
    '↑↓ move  ←→/Tab pane  Enter open  Esc back  d raw  $ commands  / filter',
    'name-日本語-pod-with-a-long-name',
    '日本語のテキスト',
    'emoji 🚀 rocket 👩‍💻 coder',
    'e\u0301clair cafe\u0301 (combining accents)',
    'tab\there',
    'x'.repeat(300),
  ];
  test.each(samples)('%j at every width matches string-width code point by code point', (s) => {
    for (let width = 0; width <= stringWidth(s) + 2; width++)
      expect(truncate(s, width), `width ${width}`).toBe(reference(s, width));
  });

  test('cuts printable ASCII by length and never exceeds the width', () => {
    expect(truncate('abcdefgh', 5)).toBe('abcd…');
    expect(truncate('abcdefgh', 8)).toBe('abcdefgh');
    expect(truncate('ab日本', 4)).toBe('ab…');
    expect(stringWidth(truncate('ab日本語', 5))).toBeLessThanOrEqual(5);
  });
});
