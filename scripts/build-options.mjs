// esbuild options shared by the CLI build (scripts/build.mjs) and the benchmark's on-the-fly
// bundles (scripts/bench/bundle.mjs), so that the bench measures exactly what ships.
import { fileURLToPath } from 'node:url';
import { esbuildDependencyPatches } from './dependency-patches.mjs';

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
  // yoga without fetch, Ink's output caches shared across frames: see dependency-patches.mjs.
  plugins: [esbuildDependencyPatches],
  logLevel: 'warning',
};
