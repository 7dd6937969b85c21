// Test files against the real kube-apiserver (test/real-*.test.ts): one test bed per file, started
// before its tests and stopped after them. Without Go they are skipped (the global setup prints why
// once), except with CI=true, where they run and fail: CI must never skip them silently.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { REAL_SKIP_REASON, realEnabled } from './real-enabled.js';
import { startTestbed, type Testbed, type TestbedOptions } from './testbed.js';

export { REAL_SKIP_REASON, realEnabled };

/** `describe` that runs where Go is (always with CI=true), else reports its tests as skipped. */
export const describeReal = describe.skipIf(!realEnabled);

/** The first run on a machine compiles Kubernetes; the start itself takes ~10 s on 2 cores. */
const START_TIMEOUT_MS = 30 * 60_000;

export interface TestbedFixture {
  tb: Testbed;
  dir: string;
}

/** One test bed for the whole file; `assign` receives it once it is up. */
export function useTestbed(
  prefix: string,
  opts: Omit<TestbedOptions, 'dir'>,
  assign: (f: TestbedFixture) => void,
): void {
  let fixture: TestbedFixture | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    if (!realEnabled) return;
    dir = await mkdtemp(join(tmpdir(), prefix));
    fixture = { tb: await startTestbed({ ...opts, dir, log: (l) => process.stderr.write(`testbed: ${l}\n`) }), dir };
    assign(fixture);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await fixture?.tb.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 30_000);
}
