// `npm run screenshot` (after the build): bundles scripts/screenshot/take.ts with esbuild — it is
// TypeScript and shares the tape parser with the tests — and runs it. The bundle goes to
// .cache/screenshot/: two levels under the project like the source, so that take.ts finds the
// project root the same way, and next to node_modules, where its imports resolve.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const outfile = fileURLToPath(new URL('../.cache/screenshot/take.mjs', import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL('./screenshot/take.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
