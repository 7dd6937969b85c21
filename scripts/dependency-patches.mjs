// Source patches to dependencies, applied where it was measured to matter. One definition for every
// consumer: the esbuild plugin bundles them into the CLI (scripts/build-options.mjs, also used by the
// bench) and the Vite plugin applies them to the modules vitest loads (vitest.config.ts), so the UI
// tests run the Ink that ships. A replacement that no longer finds its text fails the build (and the
// tests) with a message saying which: Ink is pinned in package.json because these patches are written
// against its exact build output.
import { readFile } from 'node:fs/promises';

/** @typedef {{ name: string; file: RegExp; replacements: [from: string, to: string][] }} DependencyPatch */

/** @type {DependencyPatch[]} */
export const PATCHES = [
  // yoga-layout loads its embedded wasm through fetch() when fetch exists, which makes Node load
  // undici (~20-25 ms before the first frame). Decoding the inline base64 needs no fetch.
  {
    name: 'yoga-without-fetch',
    file: /yoga-layout[\\/]dist[\\/]binaries[\\/][^\\/]*\.js$/,
    replacements: [['"function"!=typeof fetch', 'true']],
  },
  // Ink builds a new Output, with empty caches, for every frame, so each frame tokenises every line
  // of the screen again (ANSI parsing into styled cells, string widths) although a keystroke changes
  // a few lines. One cache shared by all frames, cleared when it grows past a bound, keeps the
  // unchanged lines' work. The cached cell arrays are only read by Ink, never changed.
  {
    name: 'ink-output-cache-across-frames',
    file: /[\\/]ink[\\/]build[\\/]output\.js$/,
    replacements: [
      [
        'this.widths.set(text, cached);',
        'if (this.widths.size >= 4096) this.widths.clear(); this.widths.set(text, cached);',
      ],
      [
        'this.blockWidths.set(text, cached);',
        'if (this.blockWidths.size >= 1024) this.blockWidths.clear(); this.blockWidths.set(text, cached);',
      ],
      [
        'this.styledChars.set(line, cached);',
        'if (this.styledChars.size >= 1024) this.styledChars.clear(); this.styledChars.set(line, cached);',
      ],
      ['caches = new OutputCaches();', 'caches = sharedOutputCaches;'],
      [
        'export default class Output {',
        'const sharedOutputCaches = new OutputCaches();\nexport default class Output {',
      ],
    ],
  },
  // Ink turns each screen row back into a string cell by cell (styledCharsToString), diffing the
  // styles of every cell against the previous one: three Sets and four arrays per cell, ~6k cells a
  // frame, all run cold by the interpreter in the first frame (measured: the largest part of the
  // first paint's CPU). Cells of one run share one styles array (styles change only at an ANSI
  // code, and the array is replaced then, never changed in place), and neighbours with equal styles
  // skip the diff, whose result for them is always empty.
  {
    name: 'ansi-tokenize-skip-equal-styles',
    file: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/,
    replacements: [
      ['styles: [...codes],', 'styles: codes,'],
      [
        'export function styledCharsToString(chars) {',
        'function sameStyles(a, b) {\n' +
          '    if (a === b) return true;\n' +
          '    if (a.length !== b.length) return false;\n' +
          '    for (let k = 0; k < a.length; k++) if (a[k].code !== b[k].code) return false;\n' +
          '    return true;\n' +
          '}\n' +
          'export function styledCharsToString(chars) {',
      ],
      [
        '        else {\n            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
        '        else if (!sameStyles(chars[i - 1].styles, char.styles)) {\n            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
      ],
      ['        if (i === chars.length - 1) {', '        if (i === chars.length - 1 && char.styles.length > 0) {'],
    ],
  },
  // Esc and the next key in one read ("\x1b:" when Esc then `:` are typed fast, over SSH or in a
  // test) reach Ink's parser as one escaped code point; Ink marks it Meta only for letters and
  // digits, so for `:`, `/`, `?` the Esc was silently lost (the command line or filter it meant to
  // close stayed open). Marked Meta like the others, the App reads it as Esc followed by the key.
  {
    name: 'ink-escape-then-any-key',
    file: /[\\/]ink[\\/]build[\\/]hooks[\\/]use-input\.js$/,
    replacements: [
      [
        "meta: keypress.meta || keypress.name === 'escape' || keypress.option,",
        "meta: keypress.meta || keypress.name === 'escape' || keypress.option\n" +
          "                    || (data.length === 2 && data[0] === '\\u001B' && data[1] >= ' '),",
      ],
    ],
  },
];

/** The patch for a module file, if any. */
export function patchFor(path) {
  return PATCHES.find((p) => p.file.test(path));
}

/** `source` with every replacement of `patch` made; throws when one of them finds nothing. */
export function applyPatch(patch, path, source) {
  let out = source;
  for (const [from, to] of patch.replacements) {
    if (!out.includes(from)) {
      throw new Error(
        `dependency patch "${patch.name}" does not apply to ${path}: ${JSON.stringify(from)} not found. ` +
          'The dependency changed; rewrite the patch in scripts/dependency-patches.mjs for the installed version ' +
          '(and keep the version pinned in package.json).',
      );
    }
    out = out.replaceAll(from, to);
  }
  return out;
}

/** For esbuild (the CLI build and the bench's bundles). */
export const esbuildDependencyPatches = {
  name: 'dependency-patches',
  setup(build) {
    for (const patch of PATCHES) {
      build.onLoad({ filter: patch.file }, async (args) => ({
        contents: applyPatch(patch, args.path, await readFile(args.path, 'utf8')),
        loader: 'js',
      }));
    }
  },
};

/** For Vite (vitest): the same patches on the modules it transforms; the patched packages must be
 *  inlined (test.server.deps.inline), or Node loads them unpatched. */
export function viteDependencyPatches() {
  return {
    name: 'dependency-patches',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0];
      const patch = patchFor(path);
      return patch ? { code: applyPatch(patch, path, code), map: null } : undefined;
    },
  };
}
