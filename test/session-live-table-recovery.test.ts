// A live table recovers on its own: a watch the server ends resumes from the last resourceVersion
// seen, a 410 lists again, a 429 waits Retry-After and resumes, and a lost server (closed, then
// started again on its port) is retried with backoff while the note counts down.
import { expect, it, vi } from 'vitest';
import { ApiClient, connect } from '../src/client/index.js';
import type { RequestEvent } from '../src/model/types.js';
import { type Sandbox, startSandbox } from '../src/sandbox/server.js';
import { backoffMs, classifyFailure } from '../src/session/reconnect.js';
import { tableNote } from '../src/ui/detailContent.js';
import { FakeApi } from './helpers/fake-api.js';
import { useLiveTables } from './helpers/live-table.js';
import { useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
useSandbox('kapi-recover-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));

const open = useLiveTables();

it("classifies failures like client-go's reflector, and backs off 1 s, 2 s, 4 s … 30 s", () => {
  expect(classifyFailure({ kind: 'http', status: 410 })).toEqual({ kind: 'expired' });
  expect(classifyFailure({ kind: 'Status', code: 410, reason: 'Expired' })).toEqual({ kind: 'expired' });
  expect(classifyFailure({ kind: 'http', status: 429, retryAfterSeconds: 3 })).toEqual({
    kind: 'throttled',
    retryAfterMs: 3000,
  });
  expect(classifyFailure({ kind: 'network', code: 'ECONNREFUSED' })).toEqual({ kind: 'lost' });
  expect(classifyFailure({ kind: 'http', status: 503 })).toEqual({ kind: 'lost' });
  expect(classifyFailure({ kind: 'http', status: 403 })).toEqual({ kind: 'fatal' });
  expect([1, 2, 3, 4, 5, 6, 7].map(backoffMs)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
});

it('a watch the server ends resumes from the last resourceVersion an event brought; ERROR 410 lists again', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const api = new FakeApi();
  const { latest } = open(api, 'default');
  await vi.waitFor(() => expect(api.watches).toHaveLength(1));
  const metadata = { name: 'web-1', namespace: 'default', resourceVersion: '123' };
  api.watches[0].onEvent({
    type: 'MODIFIED',
    object: { kind: 'Table', rows: [{ cells: ['web-1', '0/1', 'Error', '5d'], object: { metadata } }] },
  });
  api.watches[0].end(); // the server's timeout, at once: counted as a failure (1 s backoff)
  await vi.waitFor(() => expect(latest()?.reconnect?.reason).toBe('the server closed the watch at once'));
  expect(tableNote(latest()!, Date.now())).toContain('the server closed the watch at once: reconnecting in 1s…');
  await vi.advanceTimersByTimeAsync(1000);
  expect(api.calls.filter((c) => c.startsWith('watch'))).toEqual([
    'watch v1/pods ns=default rv=100',
    'watch v1/pods ns=default rv=123',
  ]);
  expect(api.calls.filter((c) => c.startsWith('list'))).toHaveLength(1);
  // 410 Expired: the resourceVersion is gone from the server's history; only a new list helps.
  api.watches.at(-1)!.onEvent({
    type: 'ERROR',
    object: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 123 (200)' },
  });
  api.watches.at(-1)!.end();
  await vi.waitFor(() => expect(api.calls.filter((c) => c.startsWith('list'))).toHaveLength(2));
  await vi.waitFor(() => expect(api.calls.at(-1)).toBe('watch v1/pods ns=default rv=100'));
});

it("429 on a watch: waits Retry-After, then watches on from the list's resourceVersion without listing again", async () => {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
  const requests: RequestEvent[] = [];
  api.onRequest((e) => requests.push(e));
  sb.setFaults([
    {
      match: /watch=1/,
      times: 1,
      status: 429,
      retryAfterSeconds: 2,
      body: 'Too many requests, please try again later.\n',
    },
  ]);
  try {
    const { latest } = open(api, 'demo');
    await vi.waitFor(() => expect(latest()?.reconnect?.reason).toBe('server busy (429)'), { timeout: 5000 });
    await vi.waitFor(
      () => expect(requests.filter((e) => e.path.includes('watch=1') && e.status === 200)).toHaveLength(1),
      { timeout: 5000 },
    );
    const [list, throttled, resumed] = requests;
    expect(requests).toHaveLength(3);
    expect(throttled.status).toBe(429);
    const listRv = /resourceVersion=(\d+)/.exec(throttled.path)![1];
    expect(resumed.path).toBe(`/api/v1/namespaces/demo/pods?watch=1&resourceVersion=${listRv}`);
    expect(list.path).toBe('/api/v1/namespaces/demo/pods?limit=500');
    expect(resumed.startedAt - throttled.startedAt).toBeGreaterThanOrEqual(1900);
    await vi.waitFor(() => expect(latest()?.reconnect).toBeUndefined());
  } finally {
    sb.setFaults([]);
  }
});

it('the server goes away and comes back on its port: the table says it is reconnecting, then lists and watches again', async () => {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
  const { latest, live } = open(api, 'demo');
  await vi.waitFor(() => expect(latest()?.live).toBe('watching'), { timeout: 5000 });
  const rows = latest()!.rows.length;
  await sb.close();
  await vi.waitFor(() => expect(latest()?.reconnect).toBeDefined(), { timeout: 5000 });
  expect(tableNote(latest()!, Date.now())).toMatch(/reconnecting in \ds…/);
  expect(latest()!.rows).toHaveLength(rows); // the rows stay while it waits
  const restarted = await startSandbox({ port: sb.port, certificates: sb.certificates, watchIntervalMs: 0 });
  try {
    // 'watching' once the restarted server has the watch (its headers arrived).
    await vi.waitFor(() => expect(latest()?.live).toBe('watching'), { timeout: 15_000 });
    expect(latest()!.reconnect).toBeUndefined();
    restarted.store.tick();
    await vi.waitFor(() => expect(latest()!.changes).toBeGreaterThan(0), { timeout: 5000 });
  } finally {
    live.stop();
    await restarted.close();
  }
});
