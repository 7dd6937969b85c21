// End to end against a hostile server: the built CLI in tmux on the sandbox with hostile faults
// (a watch answered 500 with an endless body, a followed log of one endless line). Memory stays
// under 300 MB, a key is answered while the streams run, and `q` exits 0 with the terminal
// restored. Run `npm run build` first.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/sandbox/server.js';
import { CLI, shellQuote, Term } from './helpers/tmux.js';

let sb: Sandbox;
let tmp: string;
let cacheDir: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'kapi-e2e-hostile-'));
  cacheDir = join(tmp, 'cache');
  sb = await startSandbox({ dir: join(tmp, 'sandbox'), watchIntervalMs: 0 });
});
afterEach(() => Term.killAll());
afterAll(async () => {
  await sb?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** Resident memory of `pid` in MB (Linux). */
function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return kb / 1024;
}

/** The CLI in tmux on the sandbox (admin), in team-a, showing the pods table. */
async function podsTable(): Promise<Term> {
  const t = await Term.start(`node ${shellQuote(CLI)} --kubeconfig ${shellQuote(sb.files!.kubeconfig)} -n team-a`, {
    cols: 160,
    rows: 40,
    env: { XDG_CACHE_HOME: cacheDir },
  });
  await t.waitFor('core/v1');
  await t.keys('Tab');
  await t.waitFor((x) => x.includes('Resources') && x.includes('bindings'));
  await t.keys('/');
  await t.type('pods');
  await t.waitFor((x) => x.includes('pods/log') && !x.includes('configmaps'));
  await t.keys('Enter');
  await t.waitFor((x) => x.includes('pods/log') && !x.includes('pods▌'));
  await t.keys('Enter');
  await t.waitFor((x) => /NAME\s+READY\s+STATUS/.test(x) && x.includes('db-0'));
  return t;
}

/** Peak memory over a few seconds (long enough for an unbounded read to pass 300 MB at the
 *  ~170 MB/s the issue measured), then `?` (help) must still answer, then `q`. */
async function boundedAndAnswering(t: Term, back: (screen: string) => boolean): Promise<void> {
  // The pane runs `env … node dist/cli.js`; env execs node, so the pane's pid is the CLI's.
  const pid = await t.pid();
  let peak = 0;
  for (const t0 = Date.now(); Date.now() - t0 < 4000; await new Promise((r) => setTimeout(r, 100)))
    peak = Math.max(peak, rssMb(pid));
  expect(peak).toBeLessThan(300);
  // The stream never ends: a reader that held the event loop would never draw the help. How fast it
  // answers is the bench's business (timed assertions fail on a loaded CI machine); 5 s is a hang.
  await t.keys('?');
  await t.waitFor((x) => x.includes('Help') && /\bquit\b/.test(x), 5000);
  await t.keys('Escape');
  await t.waitFor(back);
  await t.keys('q');
  const end = await t.waitForExit();
  expect(end).toMatchObject({ status: 0, alternate: false });
}

it('a watch event that never ends (no newline): bounded memory, keys answered, q exits 0', async () => {
  sb.setFaults([
    {
      match: /\/pods\?.*watch=/,
      endless: '{"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"' + 'x'.repeat(1024),
    },
  ]);
  const t = await podsTable();
  await boundedAndAnswering(t, (x) => /NAME\s+READY\s+STATUS/.test(x) && !x.includes('Help'));
}, 60_000);

it('an endless 500 on the watch and an endless log line: bounded memory, keys answered, q exits 0', async () => {
  sb.setFaults([
    { match: /\/pods\?.*watch=/, status: 500, endless: '{"kind":"Status","message":"' + 'x'.repeat(1024) },
    { match: /\/pods\/db-0\/log\?follow=true/, endless: 'y'.repeat(1024), contentType: 'text/plain' },
  ]);
  const t = await podsTable();
  await t.keys('/');
  await t.type('db-');
  await t.keys('Enter');
  await t.waitFor((x) => x.includes('db-0') && !x.includes('db-▌'));
  await t.keys('o');
  await t.waitFor((x) => x.includes('logs db-0'));
  await t.keys('f');
  await t.waitFor((x) => x.includes('● following') && x.includes('yyyyyyyy'));

  await boundedAndAnswering(t, (x) => x.includes('logs db-0') && !x.includes('Help'));
}, 60_000);

it('a 30 MB body of one line opens: only what fits on screen is drawn', async () => {
  const t = await Term.start(`node ${shellQuote(CLI)} --kubeconfig ${shellQuote(sb.files!.kubeconfig)}`, {
    cols: 160,
    rows: 40,
    env: { XDG_CACHE_HOME: cacheDir },
  });
  await t.waitFor('core/v1');
  await t.keys('G');
  await t.waitFor((x) => x.includes('› /openapi/v3'));
  await t.keys('Up', 'Up', 'Up');
  await t.waitFor((x) => x.includes('› /metrics'));
  sb.setFaults([{ match: '/metrics', status: 200, contentType: 'text/plain', body: 'x'.repeat(30_000_000) }]);
  await t.keys('Enter');
  // Drawing the whole line (Ink measuring and wrapping 30 MB) takes minutes; drawing what fits, a
  // moment. The bench times it; here 10 s only tells the two apart on a loaded machine.
  await t.waitFor((x) => x.includes('GET /metrics 200') && x.includes('x'.repeat(100)), 10_000);
  await t.keys('q');
  expect(await t.waitForExit()).toMatchObject({ status: 0, alternate: false });
}, 60_000);
