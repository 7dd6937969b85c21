// Wrapped text views: rows placed from the scroll line (scroll counts source lines), the cursor
// line kept on screen, the end of the text anchored at the bottom; the reducer's toggle.
import { describe, expect, it } from 'vitest';
import { wrapWindow, rowsOf } from '../src/model/wrap.js';
import { initialNavState } from '../src/model/nav-state.js';
import { navReducer as navigate } from '../src/model/navigation.js';

const lines = ['short', 'a'.repeat(25), 'b'.repeat(10), 'c', 'd'.repeat(31), 'e', 'f'];

describe('wrapWindow', () => {
  it('fills the rows from the scroll line, each line whole over as many rows as it takes', () => {
    expect(rowsOf('a'.repeat(25), 10)).toBe(3);
    expect(rowsOf('', 10)).toBe(1);
    const w = wrapWindow(lines, 0, undefined, 5, 10);
    expect(w.rows.map((r) => r.text)).toEqual(['short', 'aaaaaaaaaa', 'aaaaaaaaaa', 'aaaaa', 'bbbbbbbbbb']);
    expect(w.rows.map((r) => [r.line, r.first])).toEqual([
      [0, true],
      [1, true],
      [1, false],
      [1, false],
      [2, true],
    ]);
    expect([w.from, w.to]).toEqual([0, 3]);
  });

  it('starts later when the cursor line would fall below the rows', () => {
    // Lines 0-2 take 5 rows: the cursor on line 3 brings the window down until it fits.
    const w = wrapWindow(lines, 0, 3, 5, 10);
    expect(w.from).toBe(1);
    expect(w.rows.at(-1)).toEqual({ line: 3, first: true, text: 'c' });
    // A cursor above the scroll line (cannot happen from the reducer) is shown first.
    expect(wrapWindow(lines, 4, 2, 5, 10).from).toBe(2);
  });

  it('at the end of the text, the last line is on the bottom row', () => {
    // The reducer's last scroll (lines - height = 2) assumes a row per line.
    const w = wrapWindow(lines, 2, undefined, 5, 10);
    expect(w.to).toBe(lines.length);
    expect(w.rows.at(-1)!.text).toBe('f');
  });
});

describe('the w toggle', () => {
  it('flips wrap and starts the sideways scroll over', () => {
    const s = initialNavState();
    const scrolled = { ...s, detail: { ...s.detail, text: { ...s.detail.text, hscroll: 40 } } };
    const wrapped = navigate(scrolled, { type: 'toggleWrap' });
    expect(wrapped.detail.wrap).toBe(true);
    expect(wrapped.detail.text.hscroll).toBe(0);
    expect(navigate(wrapped, { type: 'toggleWrap' }).detail.wrap).toBe(false);
  });
});
