// One sandbox for a whole test file: started before its tests (credentials and kubeconfigs in a
// fresh temporary folder), closed and removed after them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/server.js';

/** The clear-text password of Secret team-a/db-credentials in the sandbox's sample data: tests
 *  assert it (and its base64) never reaches the screen unrevealed. */
export const DB_PASSWORD = 's3cr3t-Passw0rd!';
export const DB_PASSWORD_B64 = Buffer.from(DB_PASSWORD).toString('base64');

export interface SandboxFixture {
  sb: Sandbox;
  dir: string;
}

/** `assign` receives the sandbox once it runs (typically `(s) => ({ sb, dir } = s)`). */
export function useSandbox(
  prefix: string,
  opts: Omit<SandboxOptions, 'dir'>,
  assign: (s: SandboxFixture) => void,
): void {
  let fixture: SandboxFixture | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
    fixture = { sb: await startSandbox({ ...opts, dir }), dir };
    assign(fixture);
  });
  afterAll(async () => {
    await fixture?.sb.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
}

/** Resolves after the sandbox's ticker has run `n` more times (each tick modifies the crashy pod in
 *  namespace demo): a clock for "nothing more arrived" without sleeping. */
export function sandboxTicks(sb: Sandbox, n: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const off = sb.store.watch('', 'v1', 'pods', 'demo', () => {
      if (++seen < n) return;
      off();
      resolve();
    });
  });
}
