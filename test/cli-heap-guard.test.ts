// The heap guard (src/cli/heap-guard.ts) in a child process with a small heap that fills up: the
// guard answers before V8's fatal out-of-memory error.
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempDir } from './helpers/client.js';
import { run } from './helpers/processes.js';

let tmp: ReturnType<typeof tempDir>;
let script: string;
beforeAll(async () => {
  tmp = tempDir('kapi-heap-guard-');
  script = join(tmp.dir, 'fill.mjs');
  await build({
    stdin: {
      contents: `
        import { guardHeap } from './src/cli/heap-guard.ts';
        guardHeap(({ usedMb, limitMb }) => {
          process.stderr.write('near the limit: ' + (usedMb <= limitMb) + '\\n');
          process.exit(3);
        });
        // Keeps ~1 MB more every 20 ms (50 MB/s), as an unbounded read would.
        const kept = [];
        setInterval(() => kept.push(new Array(131072).fill(kept.length)), 20);
      `,
      resolveDir: resolve(import.meta.dirname, '..'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'silent',
  });
});
afterAll(() => tmp.remove());

it("a heap filling up ends through the guard, not with V8's fatal error", async () => {
  const r = await run('node', ['--max-old-space-size=256', script]);
  expect(r.stderr).toBe('near the limit: true\n');
  expect(r.code).toBe(3);
});
