// One sandbox for a whole test file: started before its tests (credentials and kubeconfigs in a
// fresh temporary folder), closed and removed after them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/server.js';

export interface SandboxFixture {
  sb: Sandbox;
  dir: string;
}

/** `assign` receives the sandbox once it runs (typically `(s) => ({ sb, dir } = s)`). */
export function useSandbox(prefix: string, opts: Omit<SandboxOptions, 'dir'>, assign: (s: SandboxFixture) => void): void {
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
