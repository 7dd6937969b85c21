// Source patches to dependencies, applied where it was measured to matter. One definition for every
// consumer: the esbuild plugin bundles them into the CLI (scripts/build-options.mjs, also used by the
// bench) and the Vite plugin applies them to the modules vitest loads (vitest.config.ts), so the UI
// tests run the Ink that ships. A replacement that no longer finds its text fails the build (and the
// tests) with a message saying which: Ink is pinned in package.json because these patches are written
// against its exact build output.
import { readFile } from 'node:fs/promises';

/** @typedef {{ name: string; file: RegExp; replacements: [from: string, to: string][] }} DependencyPatch */

/**
 * Characters that each take exactly one terminal column and are a grapheme of their own next to any
 * other of them: printable ASCII and Latin-1 (but the soft hyphen), general punctuation, arrows,
 * mathematical operators, technical symbols, box drawing, blocks and geometric shapes, braille, and
 * the few dingbats the UI draws, minus every wide (emoji-presentation) code point among them. A
 * string made only of these is as wide as it is long, and splits into graphemes at every UTF-16 unit.
 * test/dependency-patches.test.ts checks every code point of this class against the unpatched
 * string-width and Intl.Segmenter.
 */
export const NARROW_CHARS =
  '\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u00FF\\u2010-\\u2027\\u2030-\\u205E\\u2190-\\u2319\\u231C-\\u2328' +
  '\\u232B-\\u23E8\\u23ED-\\u23EF\\u23F1\\u23F2\\u23F4-\\u23FF\\u2500-\\u25FC\\u25FF\\u26A0\\u2713-\\u2717\\u2800-\\u28FF';
/** ansi-tokenize's strings also hold escape sequences: control characters (but CR, which joins LF). */
const TOKENIZE_SIMPLE = `/^[\\u0000-\\u000C\\u000E-\\u001F\\u007F${NARROW_CHARS}]*$/`;
const NARROW_ONLY = `/^[${NARROW_CHARS}]*$/`;
/** A lazily made Intl.Segmenter: the first one costs ~20 ms of ICU data loading (measured at start-up). */
const lazySegmenter = (name, args = '') =>
  `let ${name}Instance;\nconst ${name} = { segment: (s) => (${name}Instance ??= new Intl.Segmenter(${args})).segment(s) };`;

/** @type {DependencyPatch[]} */
export const PATCHES = [
  // yoga-layout loads its embedded wasm through fetch() when fetch exists, which makes Node load
  // undici (~20-25 ms before the first frame). Decoding the inline base64 needs no fetch.
  {
    name: 'yoga-without-fetch',
    file: /yoga-layout[\\/]dist[\\/]binaries[\\/][^\\/]*\.js$/,
    replacements: [
      ['"function"!=typeof fetch', 'true'],
      // The embedded wasm's data: URI goes to Module.instantiateWasm too (see the next patch).
      ['h.instantiateWasm(d,\na)', 'h.instantiateWasm(d,\na,H)'],
    ],
  },
  // No top-level await, so that the explorer can be bundled as CommonJS and loaded with a V8 code
  // cache (src/cli/code-cache.ts): yoga's wasm is compiled and instantiated synchronously (Node
  // allows that on the main thread) through emscripten's Module.instantiateWasm hook, whose success
  // callback finishes the runtime's start-up before loadYoga returns.
  {
    name: 'yoga-synchronous',
    file: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/,
    replacements: [
      [
        'const Yoga = wrapAssembly(await loadYoga());',
        'const yogaModule = {\n' +
          '  instantiateWasm(imports, done, uri) {\n' +
          "    const bytes = Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64');\n" +
          '    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);\n' +
          '    done(instance);\n' +
          '    return instance.exports;\n' +
          '  },\n' +
          '};\n' +
          'loadYoga(yogaModule);\n' +
          "if (!yogaModule.calledRun) throw new Error('yoga-layout did not start synchronously');\n" +
          'const Yoga = wrapAssembly(yogaModule);',
      ],
    ],
  },
  // Ink's two top-level awaits only serve its DEV mode (React devtools, its own package.json).
  {
    name: 'ink-no-top-level-await',
    file: /[\\/]ink[\\/]build[\\/]reconciler\.js$/,
    replacements: [
      [
        "        await import('./devtools.js');",
        "        throw Object.assign(new Error('React devtools are not bundled'), { code: 'ERR_MODULE_NOT_FOUND' });",
      ],
      ['    ? await loadPackageJson()', '    ? { name: undefined, version: undefined }'],
    ],
  },
  // Unicode at start-up. Loading Ink cost ~55 ms (profiled) in two statements at module level:
  // string-width's /^\p{RGI_Emoji}$/v and the first `new Intl.Segmenter()`, both needed only for
  // text beyond NARROW_CHARS. They are made on first use, and strings of NARROW_CHARS (the UI's own
  // text: ASCII, borders, arrows, ellipses) are measured and split without them: the first frame
  // of a typical screen never builds either.
  {
    // wrap-ansi's own (older) string-width has no fast path at all; printable ASCII only here: it
    // measures some NARROW_CHARS (⚠, ✓, ...) two columns wide. (Before the next patch, whose file
    // pattern matches this path too.)
    name: 'wrap-ansi-string-width-narrow-fast-path',
    file: /[\\/]wrap-ansi[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
    replacements: [
      ['const segmenter = new Intl.Segmenter();', lazySegmenter('segmenter')],
      [
        '\tlet width = 0;\n',
        '\tif (/^[\\u0020-\\u007E]*$/.test(string)) {\n\t\treturn string.length;\n\t}\n\n\tlet width = 0;\n',
      ],
    ],
  },
  {
    name: 'string-width-narrow-fast-path',
    file: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
    replacements: [
      ['const segmenter = new Intl.Segmenter();', lazySegmenter('segmenter')],
      ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let rgiEmojiRegexInstance;'],
      ['rgiEmojiRegex.test(segment)', '(rgiEmojiRegexInstance ??= /^\\p{RGI_Emoji}$/v).test(segment)'],
      ['if (/^[\\u0020-\\u007E]*$/.test(string)) {', `if (${NARROW_ONLY}.test(string)) {`],
    ],
  },
  {
    name: 'slice-ansi-narrow-fast-path',
    file: /[\\/]slice-ansi[\\/]tokenize-ansi\.js$/,
    replacements: [
      [
        "const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
        lazySegmenter('GRAPHEME_SEGMENTER', "undefined, {granularity: 'grapheme'}") +
          '\n// Segments whose every UTF-16 unit is a grapheme: what Intl.Segmenter#segment returns, for `containing`.\n' +
          'const codeUnitSegments = (string) => ({ containing: (index) => (index >= 0 && index < string.length ? { segment: string[index], index } : undefined) });',
      ],
      // Ink truncates overflowing text with cli-truncate, which slices it here.
      [
        'const graphemeSegments = GRAPHEME_SEGMENTER.segment(string);',
        `const graphemeSegments = ${TOKENIZE_SIMPLE}.test(string) ? codeUnitSegments(string) : GRAPHEME_SEGMENTER.segment(string);`,
      ],
    ],
  },
  {
    // Ink tokenises every line of every frame into graphemes.
    name: 'ansi-tokenize-narrow-fast-path',
    file: /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/,
    replacements: [
      [
        'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
        lazySegmenter('segmenter', 'undefined, { granularity: "grapheme" }') +
          '\nfunction* codeUnitSegments(str) {\n    for (let index = 0; index < str.length; index++) yield { segment: str[index], index };\n}',
      ],
      [
        'for (const { segment, index } of segmenter.segment(str)) {',
        `for (const { segment, index } of (${TOKENIZE_SIMPLE}.test(str) ? codeUnitSegments(str) : segmenter.segment(str))) {`,
      ],
    ],
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
      // Bounded by cells, not lines (~56 bytes a cell): a followed log brings new lines at every
      // frame, and the cache's fill-and-clear cycle is what an hour-long soak sees as RSS swing.
      [
        'this.styledChars.set(line, cached);',
        'this.styledCells += cached.length; if (this.styledCells > 65536) { this.styledChars.clear(); this.styledCells = cached.length; } this.styledChars.set(line, cached);',
      ],
      ['    styledChars = new Map();\n', '    styledChars = new Map();\n    styledCells = 0;\n'],
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
      // A literal, not `{ ...token, styles }`: the spread gave every cell a hidden class of its own
      // (measured in a heap snapshot: 37,750 cells held by Ink's line cache, 37,750 Maps and
      // DescriptorArrays beside them, ~230 bytes a cell instead of ~50).
      [
        '                ...token,\n                styles: codes,',
        '                type: token.type,\n                value: token.value,\n                fullWidth: token.fullWidth,\n                styles: codes,',
      ],
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
  // Ink remembers the size of every text it ever measured, without bound: a followed log (new
  // lines, a title whose count changes every update) grew the heap ~1 MB a minute in the hour-long
  // soak. Bounded like the output caches above.
  {
    name: 'ink-measure-text-bounded',
    file: /[\\/]ink[\\/]build[\\/]measure-text\.js$/,
    replacements: [
      [
        '    cache.set(text, dimensions);',
        '    if (cache.size >= 4096) cache.clear();\n    cache.set(text, dimensions);',
      ],
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
