// Loads the test bed's harness (test/helpers/testbed.ts, shared with the real-*.test.ts files) from
// plain Node scripts (npm run testbed, npm run bench -- --real): it is TypeScript, so it is bundled
// on the fly with esbuild into a temporary folder, like the bench's own entry points.
import { build, stop } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { requireBanner } from './build-options.mjs';

/** { startTestbed, ensureTestbedBuilt, TestbedError } */
export async function loadTestbedHarness() {
  const helpers = fileURLToPath(new URL('../test/helpers/', import.meta.url));
  const dir = await mkdtemp(join(tmpdir(), 'kapi-testbed-bundle-'));
  try {
    await build({
      entryPoints: { testbed: join(helpers, 'testbed.ts') },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outdir: dir,
      outExtension: { '.js': '.mjs' },
      banner: { js: requireBanner },
      // The harness finds testbed/ relative to its own folder, which bundling would move.
      define: { 'import.meta.dirname': JSON.stringify(helpers.replace(/\/$/, '')) },
      logLevel: 'warning',
    });
    return await import(pathToFileURL(join(dir, 'testbed.mjs')).href);
  } finally {
    // esbuild's service process would otherwise live as long as we do (a later build restarts it).
    await stop();
    await rm(dir, { recursive: true, force: true });
  }
}
