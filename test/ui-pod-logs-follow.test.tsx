// Following a pod's log (`f` in the logs view) in the App against the real sandbox over TLS (a
// tick every 50 ms): new lines appear without keys, the view stays at the bottom (or keeps its
// place when scrolled up), the footer shows the follow request as `kubectl logs … -f` and
// `curl -N`; f stops (the sandbox's follower count drops to 0 and later ticks add nothing); Esc,
// refresh and unmounting close the stream; `f follow` is offered only in the logs view.
import { expect, test, vi } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { ENTER, ESC, hasText, showPodsTable, stripAnsi, useTui } from './helpers/ui.js';
import { useSandbox, sandboxTicks } from './helpers/sandbox.js';

let sb: Sandbox;
const T = 10_000;
const tui = useTui({ timeoutMs: T });
const { frame, keys, wait } = tui;

useSandbox('kapi-ui-follow-', { watchIntervalMs: 50 }, (s) => ({ sb } = s));

/** "● following: 512 lines, 61.2 kB received" → 512 */
const shownLines = (f: string) => Number(/(?:following|stopped): (\d+) lines/.exec(f)?.[1] ?? -1);

/** The App showing db-0's log in team-a (the pods table first, as a user gets there). */
async function dbLogs() {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig, demo: true }));
  tui.render(<App api={api} color={false} version="test" initialNamespace="team-a" />, { columns: 220, rows: 30 });
  await showPodsTable(tui.r);
  expect(frame()).not.toContain('f follow');
  keys('/', 'd', 'b', '-', ENTER);
  await wait((f) => f.includes('› db-0') && !f.includes('filter:'));
  keys('o');
  await wait((f) => f.includes('logs db-0 (container postgres)') && f.includes('the last 500 lines at most'));
  expect(frame()).toContain('f follow');
  return api;
}

const ticks = (n: number) => sandboxTicks(sb, n);

test('f follows: new lines arrive by themselves at the bottom; footer kubectl -f and curl -N; f stops for good', async () => {
  await dbLogs();
  keys('f');
  await wait((f) => f.includes('logs db-0 (container postgres) ● following') && f.includes('● following: '));
  // Lines printed after the tail appear without a key, and the view is at the bottom with them.
  const first = await wait((f) => stripAnsi(f).includes('connection authorized'));
  const start = shownLines(stripAnsi(first));
  await wait((f) => shownLines(f) >= start + 3);
  expect(frame()).toContain('$ kubectl --kubeconfig');
  expect(frame()).toMatch(/logs db-0 -n team-a --tail=500 -f\b/);
  expect(frame()).toMatch(/\$ curl .* -N 'https:\/\/\S+\/api\/v1\/namespaces\/team-a\/pods\/db-0\/log\?follow=true/);
  expect(frame()).toMatch(/GET \/api\/v1\/namespaces\/team-a\/pods\/db-0\/log\?follow=true&tailLines=500 200/);
  expect(sb.store.logFollowerCount()).toBe(1);

  keys('f');
  await wait((f) => f.includes('○ follow stopped: ') && !f.includes('● following'));
  await vi.waitFor(() => expect(sb.store.logFollowerCount()).toBe(0));
  const stopped = shownLines(frame());
  await ticks(3);
  // A render after the ticks (a key that changes nothing visible here), then: still the same lines.
  keys('k', 'j');
  await wait((f) => f.includes('○ follow stopped: '));
  expect(shownLines(frame())).toBe(stopped);
});

test('scrolled up while following, the view keeps its place; G goes back to the newest lines', async () => {
  await dbLogs();
  keys('f');
  await wait((f) => f.includes('connection authorized'));
  keys('g');
  await wait((f) => f.includes('PostgreSQL Database directory appears to contain a database'));
  const at = shownLines(frame());
  await wait((f) => shownLines(f) >= at + 3);
  // Still at the top: new lines did not move the view.
  expect(frame()).toContain('PostgreSQL Database directory appears to contain a database');
  keys('G');
  await wait((f) => f.includes('connection authorized') && !f.includes('PostgreSQL Database directory'));
});

test('Esc leaves the followed log at once and closes the stream; so do r and unmounting', async () => {
  await dbLogs();
  keys('f');
  await wait((f) => f.includes('● following: ') && f.includes('connection authorized'));
  keys(ESC);
  await wait((f) => /NAME\s+READY\s+STATUS/.test(f) && !f.includes('logs db-0'));
  await vi.waitFor(() => expect(sb.store.logFollowerCount()).toBe(0));
  expect(frame()).not.toContain('f follow');

  keys('o');
  await wait(hasText('logs db-0 (container postgres)'));
  keys('f');
  await wait((f) => f.includes('● following: '));
  await vi.waitFor(() => expect(sb.store.logFollowerCount()).toBe(1));
  keys('r');
  await wait((f) => f.includes('the last 500 lines at most') && !f.includes('● following'));
  await vi.waitFor(() => expect(sb.store.logFollowerCount()).toBe(0));

  keys('f');
  await vi.waitFor(() => expect(sb.store.logFollowerCount()).toBe(1));
  tui.unmount();
  await vi.waitFor(() => expect(sb.store.logFollowerCount()).toBe(0));
});
