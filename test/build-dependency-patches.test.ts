// The source patches the build applies to dependencies (scripts/dependency-patches.mjs): each one
// applies to the installed version, a stale one fails with a message naming it, and vitest loads the
// patched Ink, so the UI tests run what ships.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Text } from 'ink';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { PATCHES, applyPatch, patchFor } from '../scripts/dependency-patches.mjs';
import { hasText, renderTui, waitForFrame } from './helpers/ui.js';

const require = createRequire(import.meta.url);
const inkOutput = join(dirname(require.resolve('ink')), 'output.js');
const yogaBinary = join(dirname(require.resolve('yoga-layout')), '..', 'binaries', 'yoga-wasm-base64-esm.js');
const inkUseInput = join(dirname(require.resolve('ink')), 'hooks', 'use-input.js');
// ansi-tokenize next to Ink (its dependency, hoisted; its exports name no CommonJS entry to resolve).
const styledChars = join(
  dirname(require.resolve('ink')),
  '..',
  '..',
  '@alcalzone',
  'ansi-tokenize',
  'build',
  'styledChars.js',
);

describe('dependency patches', () => {
  it('each one is found for its file and applies to the installed version', () => {
    expect(PATCHES.map((p) => p.name)).toEqual([
      'yoga-without-fetch',
      'yoga-synchronous',
      'ink-no-top-level-await',
      'wrap-ansi-string-width-narrow-fast-path',
      'string-width-narrow-fast-path',
      'slice-ansi-narrow-fast-path',
      'ansi-tokenize-narrow-fast-path',
      'ink-output-cache-across-frames',
      'ansi-tokenize-skip-equal-styles',
      'ink-measure-text-bounded',
      'ink-escape-then-any-key',
    ]);
    const modules = join(dirname(require.resolve('ink')), '..', '..');
    const unicodeFiles = [
      join(modules, 'wrap-ansi', 'node_modules', 'string-width', 'index.js'),
      join(modules, 'string-width', 'index.js'),
      join(modules, 'slice-ansi', 'tokenize-ansi.js'),
      join(dirname(styledChars), 'tokenize.js'),
    ];
    const yogaIndex = join(dirname(yogaBinary), '..', 'src', 'index.js');
    const inkReconciler = join(dirname(inkOutput), 'reconciler.js');
    const inkMeasureText = join(dirname(inkOutput), 'measure-text.js');
    for (const file of [
      yogaBinary,
      yogaIndex,
      inkReconciler,
      ...unicodeFiles,
      inkOutput,
      inkMeasureText,
      styledChars,
      inkUseInput,
    ]) {
      const patch = patchFor(file)!;
      const source = readFileSync(file, 'utf8');
      const patched = applyPatch(patch, file, source);
      for (const [from, to] of patch.replacements) {
        expect(patched, `${patch.name}: ${from}`).toContain(to);
        if (!to.includes(from)) expect(patched).not.toContain(from);
      }
    }
    expect(patchFor(join(dirname(inkOutput), 'renderer.js'))).toBeUndefined();
    // Each file gets its own patch (the nested string-width's path ends like the top-level one's).
    expect(new Set(unicodeFiles.map((f) => patchFor(f)!.name)).size).toBe(unicodeFiles.length);
  });

  it('a replacement that finds nothing fails, naming the patch, the file and the text', () => {
    const patch = patchFor(inkOutput)!;
    expect(() => applyPatch(patch, inkOutput, 'export default class Output {}')).toThrow(
      `dependency patch "ink-output-cache-across-frames" does not apply to ${inkOutput}: ` +
        '"this.widths.set(text, cached);" not found.',
    );
  });

  it('the patched ansi-tokenize turns styled cells back into the same text, and vitest loads it', async () => {
    const { styledCharsFromTokens, styledCharsToString } = await import(pathToFileURL(styledChars).href);
    const { tokenize } = await import(pathToFileURL(join(dirname(styledChars), 'tokenize.js')).href);
    const lines = [
      'plain text, no codes',
      '\u001B[1mbold\u001B[22m then \u001B[31mred \u001B[1mred bold\u001B[39m bold\u001B[22m plain',
      '\u001B[2m\u001B[1mdim+bold\u001B[22m\u001B[0m \u001B[38;2;1;2;3mtrue colour\u001B[39m',
      '\u001B[7minverse to the end',
    ];
    // The original's answer: every cell's styles diffed against its neighbour's (a fresh array per
    // cell, so the patch's shortcut never applies).
    const unshared = (line: string) =>
      styledCharsFromTokens(tokenize(line)).map((c: { styles: unknown[] }) => ({ ...c, styles: [...c.styles] }));
    for (const line of lines) {
      const cells = styledCharsFromTokens(tokenize(line));
      expect(styledCharsToString(cells)).toBe(styledCharsToString(unshared(line)));
    }
    // Patched: the cells of one run share their styles array, and each cell is a plain four-field
    // literal (not a spread: one hidden class for all).
    const cells = styledCharsFromTokens(tokenize('\u001B[31mred\u001B[39m'));
    expect(cells[0].styles).toBe(cells[2].styles);
    expect(cells.map((c: object) => Object.keys(c))).toEqual(Array(3).fill(['type', 'value', 'fullWidth', 'styles']));
  });

  it("vitest loads the patched Ink: every Output, the renderer's too, shares one set of caches", async () => {
    const { default: Output } = await import(pathToFileURL(inkOutput).href);
    const probe = new Output({ width: 10, height: 2 });
    expect(new Output({ width: 10, height: 2 }).caches).toBe(probe.caches);
    // The line cache is bounded by cells: 65,536 of them, then it starts over.
    const caches = probe.caches;
    caches.styledChars.clear();
    caches.styledCells = 0;
    for (let i = 0; i < 640; i++) caches.getStyledChars(`${String(i).padStart(4, '0')}${'x'.repeat(96)}`);
    expect(caches.styledChars.size).toBe(640);
    for (let i = 640; i < 660; i++) caches.getStyledChars(`${String(i).padStart(4, '0')}${'x'.repeat(96)}`);
    expect(caches.styledChars.size).toBeLessThan(660 - 640 + 16);
    // A frame Ink renders fills the same caches: the App's Ink is this patched module.
    const r = renderTui(createElement(Text, null, 'patched-ink-probe'), { columns: 40, rows: 3 });
    try {
      await waitForFrame(r.lastFrame, hasText('patched-ink-probe'));
      expect([...probe.caches.styledChars.keys()]).toContain('patched-ink-probe');
    } finally {
      r.unmount();
    }
  });
});
