// ApiClient.streamText against the sandbox over TLS: a followed pod log delivers the tail, then
// the lines the container prints on each tick; stop() (or aborting its signal) closes the
// connection (the sandbox's follower count drops to 0); the request event says what it was
// (status, `curl -N`, `kubectl logs -f`); a 403 and a 404 are explained.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ApiClient, connect } from '../src/client/index.js';
import { KubeError, explainError } from '../src/client/errors.js';
import type { RequestEvent } from '../src/model/types.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { podLogFollowPath, podLogPath } from '../src/model/pod-logs.js';
import { useSandbox, sandboxTicks } from './helpers/sandbox.js';
import { rejection } from './helpers/client.js';

let sb: Sandbox;
let dir: string;
useSandbox('kapi-stream-', { watchIntervalMs: 50 }, (s) => ({ sb, dir } = s));

let api: ApiClient;
const events: RequestEvent[] = [];
beforeAll(async () => {
  api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
  api.onRequest((ev) => events.push(ev));
});
afterAll(() => api?.close());

const FOLLOW = podLogFollowPath('team-a', 'db-0');

describe('streamText', () => {
  test('a followed log: the tail at once, then a new line per tick; stop() closes the connection', async () => {
    const snapshot = (await api.getRaw(podLogPath('team-a', 'db-0'), { accept: '*/*' })).body;
    let received = '';
    const h = api.streamText(FOLLOW, {}, (text) => {
      received += text;
    });
    // Two printed lines after the tail: the stream stays open across ticks.
    await vi.waitFor(
      () => expect(received.slice(snapshot.length).match(/\n/g)?.length ?? 0).toBeGreaterThanOrEqual(2),
      { timeout: 5000 },
    );
    expect(received.startsWith(snapshot)).toBe(true);
    expect(received.slice(snapshot.length)).toMatch(
      /^\d{4}-\d\d-\d\d [\d:.]+ UTC \[\d+\] LOG: {2}connection authorized/,
    );
    expect(sb.store.logFollowerCount()).toBe(1);

    const ev = events.find((e) => e.path === FOLLOW)!;
    expect(ev.status).toBe(200);
    expect(ev.contentType).toMatch(/^text\/plain/);
    expect(ev.curl).toMatch(/^curl --cert \S+ --key \S+ --cacert \S+ -N '/);
    expect(ev.curl).toContain(`/api/v1/namespaces/team-a/pods/db-0/log?follow=true&tailLines=500'`);
    expect(ev.kubectl).toBe(
      `kubectl --kubeconfig ${sb.files!.kubeconfig} --context kapi-sandbox logs db-0 -n team-a --tail=500 -f`,
    );

    h.stop();
    await h.done;
    // The sandbox saw the connection close (its response's 'close'), not just a quiet client.
    await vi.waitFor(() => expect(sb.store.logFollowerCount()).toBe(0));
    const after = received.length;
    // Ticks go on (the crashy pod in demo changes on each); nothing more arrives.
    await ticks(2);
    expect(received.length).toBe(after);
  });

  test('aborting the signal stops it too; a chosen container goes into the URL', async () => {
    const ac = new AbortController();
    let received = '';
    const path = podLogFollowPath('team-a', 'db-0', 'postgres');
    const h = api.streamText(path, { signal: ac.signal }, (text) => {
      received += text;
    });
    await vi.waitFor(() => expect(received).toContain('database system is ready'));
    expect(events.find((e) => e.path === path)?.kubectl).toMatch(/ logs db-0 -n team-a --tail=500 -c postgres -f$/);
    ac.abort();
    await h.done;
    await vi.waitFor(() => expect(sb.store.logFollowerCount()).toBe(0));
  });

  test('jane may not read logs: done rejects with the 403, explained; the event has the status', async () => {
    const jane = new ApiClient(await connect({ kubeconfig: join(dir, 'kubeconfig-jane') }));
    const seen: RequestEvent[] = [];
    jane.onRequest((ev) => seen.push(ev));
    let received = '';
    const h = jane.streamText(FOLLOW, {}, (text) => {
      received += text;
    });
    const err = await rejection(h.done);
    expect(err).toBeInstanceOf(KubeError);
    expect(err.status).toBe(403);
    const explained = explainError(err);
    expect(explained.title).toBe('403 Forbidden');
    expect(explained.detail).toContain('cannot get resource "pods/log" in API group "" in the namespace "team-a"');
    expect(explained.hint).toContain('kubectl auth can-i get pods --subresource=log -n team-a');
    expect(received).toBe('');
    expect(seen.map((e) => [e.path, e.status])).toEqual([[FOLLOW, 403]]);
    jane.close();
  });

  test('a pod that does not exist: 404, explained', async () => {
    const err = await rejection(api.streamText(podLogFollowPath('team-a', 'no-such-pod'), {}, () => {}).done);
    expect(err.status).toBe(404);
    expect(explainError(err).detail).toContain('pods "no-such-pod" not found');
  });
});

const ticks = (n: number) => sandboxTicks(sb, n);
