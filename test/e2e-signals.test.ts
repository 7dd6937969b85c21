// End to end: a closed terminal window (SIGHUP) or `kill` (SIGTERM) still restores the terminal
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
])('%s: leaves the alternate screen, removes the demo folder, exits %i', async (signal, code) => {
  const own = await mkdtemp(join(tmp, 'run-'));
  // TMPDIR is where the demo writes its credentials: a private one shows whether they are removed.
  const t = await Term.start(`node ${shellQuote(CLI)} --demo`, { cols: 100, rows: 30, env: { TMPDIR: own, XDG_CACHE_HOME: join(own, 'cache') } });
  await t.waitFor((s) => s.includes('core/v1') && s.includes('Resources'));
  expect((await readdir(own)).some((f) => f.startsWith('kapi-tui-demo-'))).toBe(true);
  process.kill(await t.pid(), signal);
  const end = await t.waitForExit();
  expect(end.alternate).toBe(false);
  expect(end.status).toBe(code);
  expect((await readdir(own)).filter((f) => f.startsWith('kapi-tui-demo-'))).toEqual([]);
});
