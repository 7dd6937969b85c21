// The start-up patches to string-width, wrap-ansi's string-width, slice-ansi and ansi-tokenize
// (scripts/dependency-patches.mjs): strings of NARROW_CHARS (printable ASCII in wrap-ansi's older
// string-width, which measures some of them two columns wide) skip Intl.Segmenter and the emoji
// regexes. Their answers must be the unpatched libraries' answers, which a plain `node` child
// computes (Node loads node_modules unpatched; vitest loads the patched copies, see vitest.config.ts).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NARROW_CHARS } from '../scripts/dependency-patches.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(require.resolve('ink')), '..', '..', '..');
const files = {
  stringWidth: join(root, 'node_modules', 'string-width', 'index.js'),
  wrapAnsiStringWidth: join(root, 'node_modules', 'wrap-ansi', 'node_modules', 'string-width', 'index.js'),
  tokenize: join(root, 'node_modules', '@alcalzone', 'ansi-tokenize', 'build', 'tokenize.js'),
  sliceAnsi: join(root, 'node_modules', 'slice-ansi', 'index.js'),
};

/** Every code point of NARROW_CHARS (a regexp character class body of \uXXXX ranges and singles). */
function narrowCodePoints(): number[] {
  const out: number[] = [];
  for (const m of NARROW_CHARS.matchAll(/\\u([0-9A-F]{4})(?:-\\u([0-9A-F]{4}))?/g)) {
    const from = parseInt(m[1], 16);
    const to = m[2] ? parseInt(m[2], 16) : from;
    for (let c = from; c <= to; c++) out.push(c);
  }
  return out;
}

/** What the unpatched libraries answer for `inputs` (run by plain Node in a child process). */
function unpatched(inputs: string[]): {
  width: number[];
  wrapAnsiWidth: number[];
  tokens: unknown[];
  slices: string[][];
} {
  const script = `
    const [sw, sw7, tk, sa] = await Promise.all(${JSON.stringify(Object.values(files).map((f) => pathToFileURL(f).href))}.map((u) => import(u)));
    const inputs = JSON.parse(process.argv[1]);
    process.stdout.write(JSON.stringify({
      width: inputs.map((s) => sw.default(s)),
      wrapAnsiWidth: inputs.map((s) => sw7.default(s)),
      tokens: inputs.map((s) => tk.tokenize(s)),
      slices: inputs.map((s) => [sa.default(s, 1, 7), sa.default(s, 0, 3), sa.default(s, 4)]),
    }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(inputs)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

const SAMPLES = [
  'plain ascii',
  '',
  '─│╭╮ borders ▸ ● ○ ✓ ✗ ⚠ … — · → ← ↑ ↓ ⠋ ≤ ×',
  '\u001B[1mbold\u001B[22m ─ \u001B[38;2;1;2;3mtrue colour\u001B[39m →',
  'wide: 日本語 ｶﾀｶﾅ 한국어',
  'emoji: 👍 ❤️ 🇩🇪 👨‍👩‍👧 1️⃣ ⌚ ☕',
  'marks: é (e\u0301) ก้ नमस्ते',
  'soft\u00ADhyphen zero\u200Bwidth',
  'line\r\nbreak\ttab',
  '\u009B31mC1 CSI\u009B39m',
];

describe('Unicode fast paths (start-up patches)', () => {
  it('every NARROW_CHARS code point is one column wide and a grapheme of its own, as the libraries say', () => {
    const cps = narrowCodePoints();
    expect(cps.length).toBeGreaterThan(1300);
    const chars = cps.map((c) => String.fromCodePoint(c));
    const ref = unpatched(chars);
    const wrong = chars.filter((_, i) => ref.width[i] !== 1);
    expect(wrong.map((c) => c.codePointAt(0)!.toString(16))).toEqual([]);
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    // Next to each other and to ASCII, no two of them join into one grapheme.
    const joined = chars.join('a') + chars.join('');
    expect([...segmenter.segment(joined)].length).toBe(joined.length);
  });

  it('the patched libraries (as vitest and the bundle load them) answer as the unpatched ones', async () => {
    const [sw, sw7, tk, sa] = await Promise.all(Object.values(files).map((f) => import(pathToFileURL(f).href)));
    const inputs = [
      ...SAMPLES,
      narrowCodePoints()
        .map((c) => String.fromCodePoint(c))
        .join(''),
    ];
    const ref = unpatched(inputs);
    expect(inputs.map((s) => sw.default(s))).toEqual(ref.width);
    expect(inputs.map((s) => sw7.default(s))).toEqual(ref.wrapAnsiWidth);
    expect(JSON.parse(JSON.stringify(inputs.map((s) => tk.tokenize(s))))).toEqual(ref.tokens);
    expect(inputs.map((s) => [sa.default(s, 1, 7), sa.default(s, 0, 3), sa.default(s, 4)])).toEqual(ref.slices);
    // The patches are in what was loaded: the narrow text took the fast path.
    expect(sw.default.toString()).toContain('\\u2500-\\u25FC');
  });
});
