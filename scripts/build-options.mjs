// esbuild options shared by the CLI build (scripts/build.mjs) and the benchmark's on-the-fly
// bundles (scripts/bench/bundle.mjs), so that the bench measures exactly what ships.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** yoga-layout loads its embedded wasm through `fetch()` when fetch exists, which makes Node load
 *  undici (~20-25 ms before the first frame). Decoding the inline base64 needs no fetch. */
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/].*\.js$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('"function"!=typeof fetch', 'true'),
      loader: 'js',
    }));
  },
};

/** Ink builds a new Output, with empty caches, for every frame, so each frame tokenises every line
 *  of the screen again (ANSI parsing into styled cells, string widths) although a keystroke changes
 *  a few lines. One cache shared by all frames, cleared when it grows past a bound, keeps the
 *  unchanged lines' work. The cached cell arrays are only read by Ink, never changed. */
const inkOutputCacheAcrossFrames = {
  name: 'ink-output-cache-across-frames',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      let src = await readFile(args.path, 'utf8');
      const patch = (from, to) => {
        if (!src.includes(from)) throw new Error(`ink-output-cache-across-frames: "${from}" not found in ${args.path} (Ink changed?)`);
        src = src.replaceAll(from, to);
      };
      patch('this.widths.set(text, cached);', 'if (this.widths.size >= 4096) this.widths.clear(); this.widths.set(text, cached);');
      patch('this.blockWidths.set(text, cached);', 'if (this.blockWidths.size >= 1024) this.blockWidths.clear(); this.blockWidths.set(text, cached);');
      patch('this.styledChars.set(line, cached);', 'if (this.styledChars.size >= 1024) this.styledChars.clear(); this.styledChars.set(line, cached);');
      patch('caches = new OutputCaches();', 'caches = sharedOutputCaches;');
      patch('export default class Output {', 'const sharedOutputCaches = new OutputCaches();\nexport default class Output {');
      return { contents: src, loader: 'js' };
    });
  },
};

/** CommonJS dependencies call require() for Node built-ins; every ESM chunk gets one. */
export const requireBanner =
  "import { createRequire as __kapiCreateRequire } from 'node:module'; const require = __kapiCreateRequire(import.meta.url);";

export const sharedOptions = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Minified with external source maps: inline maps or unminified code would sit in V8's heap.
  minify: true,
  sourcemap: true,
  jsx: 'automatic',
  // React's production build: the development one diffs every prop of every commit (measured: a
  // third of the CPU when a 50k-row table streams in) and adds ~250 KB to the first frame's chunk.
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { 'react-devtools-core': fileURLToPath(new URL('./stubs/react-devtools-core.js', import.meta.url)) },
  plugins: [yogaWithoutFetch, inkOutputCacheAcrossFrames],
  logLevel: 'warning',
};
