// End to end: a closed terminal window (SIGHUP), `kill` (SIGTERM) or Ctrl-\ (SIGQUIT) still restores the terminal
// and removes the demo's temporary credentials. Run `npm run build` first.
import { readdir } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CLI, shellQuote, Term } from './helpers/tmux.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'kapi-e2e-signals-'));
});
afterEach(() => Term.killAll());
afterAll(() => rm(tmp, { recursive: true, force: true }));

it.each([
  ['SIGTERM', 143],
  ['SIGHUP', 129],
  ['SIGQUIT', 131],
])('%s: leaves the alternate screen, removes the demo folder, exits %i', async (signal, code) => {
  const own = await mkdtemp(join(tmp, 'run-'));
  // TMPDIR is where the demo writes its credentials: a private one shows whether they are removed.
  const t = await Term.start(`node ${shellQuote(CLI)} --demo`, {
    cols: 100,
    rows: 30,
    env: { TMPDIR: own, XDG_CACHE_HOME: join(own, 'cache') },
  });
  await t.waitFor((s) => s.includes('core/v1') && s.includes('Resources'));
  expect((await readdir(own)).some((f) => f.startsWith('kapi-tui-demo-'))).toBe(true);
  process.kill(await t.pid(), signal);
  const end = await t.waitForExit();
  expect(end.alternate).toBe(false);
  expect(end.status).toBe(code);
  expect((await readdir(own)).filter((f) => f.startsWith('kapi-tui-demo-'))).toEqual([]);
});

/** Resolves once `pid` is gone. It is not our child, so there is no exit event to await: poll. */
async function gone(pid: number, timeoutMs = 10_000): Promise<void> {
  for (const t0 = Date.now(); Date.now() - t0 < timeoutMs; await new Promise((r) => setTimeout(r, 50))) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(`process ${pid} still running after ${timeoutMs} ms`);
}

it('the terminal window closed (its pty gone, SIGHUP): the demo folder is removed all the same', async () => {
  const own = await mkdtemp(join(tmp, 'closed-'));
  const t = await Term.start(`node ${shellQuote(CLI)} --demo`, {
    cols: 100,
    rows: 30,
    env: { TMPDIR: own, XDG_CACHE_HOME: join(own, 'cache') },
  });
  await t.waitFor((s) => s.includes('core/v1') && s.includes('Resources'));
  const pid = await t.pid();
  await t.kill();
  await gone(pid);
  expect((await readdir(own)).filter((f) => f.startsWith('kapi-tui-demo-'))).toEqual([]);
});
