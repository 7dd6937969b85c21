// An exec credential plugin that does not answer within the timeout is stopped with everything it
// started (its process group), not left running behind the timed-out request.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { ExecCredentialPlugin } from '../src/client/exec-credential.js';
import { tempDir } from './helpers/client.js';

const tmp = tempDir('kapi-exec-credential-');
afterAll(() => tmp.remove());

/** Running (a zombie waiting for a reaper that this container may not have does not count). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** A plugin that starts a child and waits for it: both write their pids, neither answers. */
function hangingPlugin(name: string): { path: string; pids: () => number[] } {
  const path = join(tmp.dir, `${name}.sh`);
  const pidFile = join(tmp.dir, `${name}.pids`);
  writeFileSync(path, `#!/bin/sh\necho $$ >> ${pidFile}\nsh -c 'echo $$ >> ${pidFile}; exec sleep 300' &\nwait\n`, {
    mode: 0o755,
  });
  return {
    path,
    pids: () => (existsSync(pidFile) ? readFileSync(pidFile, 'utf8').split('\n').filter(Boolean).map(Number) : []),
  };
}

it('a silent plugin is killed with its children at the timeout, and says so', async () => {
  const plugin = hangingPlugin('hang');
  const runner = new ExecCredentialPlugin({ command: plugin.path }, tmp.dir, () => ({ server: 'https://x' }), 500);
  const credential = runner.credential();
  await vi.waitFor(() => expect(plugin.pids()).toHaveLength(2));
  const pids = plugin.pids();
  expect(pids.every(alive)).toBe(true);
  const t0 = Date.now();
  await expect(credential).rejects.toThrow(
    `the exec plugin ${plugin.path} did not answer within 0.5 s and was stopped`,
  );
  expect(Date.now() - t0).toBeLessThan(2000);
  // SIGKILL to the group: the plugin and the child it started.
  await vi.waitFor(() => expect(pids.filter(alive)).toEqual([]));
});

it('a plugin that answers in time is not touched, and its credential is kept', async () => {
  const path = join(tmp.dir, 'ok.sh');
  writeFileSync(
    path,
    '#!/bin/sh\necho \'{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t0k"}}\'\n',
    { mode: 0o755 },
  );
  const runner = new ExecCredentialPlugin({ command: path }, tmp.dir, () => ({ server: 'https://x' }), 5000);
  expect((await runner.credential()).token).toBe('t0k');
});
