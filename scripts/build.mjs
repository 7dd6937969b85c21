// Bundles the CLI with its dependencies into dist/ (ESM, code-split by dynamic import).
// Why bundle: measured on the 2-core machine, importing ink + react from node_modules costs ~370 ms
// and @kubernetes/client-node ~450 ms (thousands of small module files to resolve and read);
// bundled and minified they cost ~150 ms each, and code splitting keeps the client library out of
// the first frame's path.
import { build } from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
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

// Old hashed chunks would pile up and could be loaded by a stale entry.
await rm('dist', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: true,
  jsx: 'automatic',
  // React's production build: the development one diffs every prop of every commit (measured: a
  // third of the CPU when a 50k-row table streams in) and adds ~250 KB to the first frame's chunk.
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { 'react-devtools-core': fileURLToPath(new URL('./stubs/react-devtools-core.js', import.meta.url)) },
  plugins: [yogaWithoutFetch],
  // CommonJS dependencies call require() for Node built-ins; give every ESM chunk one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __kapiCreateRequire } from 'node:module'; const require = __kapiCreateRequire(import.meta.url);",
  },
  legalComments: 'linked',
  logLevel: 'warning',
});
