// Bundles the bench's TypeScript entry points (scripts/bench/lib.ts, scripts/bench/ui-bench.tsx)
// into a temporary folder with esbuild, with the options scripts/build.mjs bundles the CLI with
// (scripts/build-options.mjs), so the figures are those of what ships.
import { build } from 'esbuild';
import { requireBanner, sharedOptions } from '../build-options.mjs';
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
    ...sharedOptions,
    entryPoints: { lib: here('./lib.ts'), 'ui-bench': here('./ui-bench.tsx') },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    banner: { js: requireBanner },
  });
  return { dir, lib: join(dir, 'lib.mjs'), uiBench: join(dir, 'ui-bench.mjs') };
}
