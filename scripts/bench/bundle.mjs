// Bundles the bench's TypeScript entry points (scripts/bench/lib.ts, scripts/bench/ui-bench.tsx)
// into a temporary folder with esbuild, the same way scripts/build.mjs bundles the CLI: ESM,
// code-split, minified, react-devtools-core stubbed, a `require` for CommonJS dependencies.
import { build } from 'esbuild';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/** Returns the paths of the bundled entry points: { lib, uiBench, dir }. Into `outDir` if given
 *  (kept for CPU profiles), else a fresh temporary folder. */
export async function bundleBench(outDir) {
  const dir = outDir ?? (await mkdtemp(join(tmpdir(), 'kapi-bench-bundle-')));
  await build({
    entryPoints: { lib: here('./lib.ts'), 'ui-bench': here('./ui-bench.tsx') },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Minified with external source maps, exactly like scripts/build.mjs: inline maps or unminified
    // code would sit in V8's heap as script source and inflate the memory figures. CPU profiles
    // are mapped back through the .map files by scripts/bench/cpuprofile-top.mjs.
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    alias: { 'react-devtools-core': here('../stubs/react-devtools-core.js') },
    // No `define` for process.env.NODE_ENV, exactly like scripts/build.mjs: React picks its build at
    // run time from NODE_ENV, so the bench measures what the shipped CLI runs (NODE_ENV unset:
    // React's development build). Run `NODE_ENV=production npm run bench` to compare.
    banner: {
      js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  return { dir, lib: join(dir, 'lib.mjs'), uiBench: join(dir, 'ui-bench.mjs') };
}
