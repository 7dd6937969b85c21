// The client against a hostile server (test/helpers/hostile-server.ts): every body it reads is
// bounded, success or error, buffered or streamed, and stopping a stream closes its socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, STREAM_TEXT_MAX_BYTES_PER_SECOND } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import type { WatchEventMessage } from '../src/client/types.js';
import type { ResourceRef } from '../src/model/types.js';
import { FOLLOW_MAX_LINE_CHARS, type FollowedLog } from '../src/model/pod-logs.js';
import { LogFollower } from '../src/session/log-follow.js';
import { rejection } from './helpers/client.js';
import { startHostileServer, type HostileServer } from './helpers/hostile-server.js';

const MIB = 1024 * 1024;
const ref = (resource: string): ResourceRef => ({ group: '', version: 'v1', resource, namespaced: true });

let server: HostileServer;
const clients: ApiClient[] = [];

beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
});

async function client(timeoutMs?: number): Promise<ApiClient> {
  const api = new ApiClient(await connect({ proxy: server.url, timeoutMs }), { retry: { attempts: 1 } });
  clients.push(api);
  return api;
}

describe('error bodies are capped', () => {
  it('a watch answered 500 with an endless body fails with the 500 after reading 64 KiB', async () => {
    const api = await client();
    const watch = api.watch(ref('pods'), { namespace: 'ns' }, () => {});
    const e = await rejection(watch.done);
    expect(e.status).toBe(500);
    await server.closed('/api/v1/namespaces/ns/pods');
    // What the server wrote before the close fits in the socket buffers, not in an unbounded read.
    expect(server.written('/api/v1/namespaces/ns/pods')).toBeLessThan(16 * MIB);
  });

  it('a followed log answered 500 with an endless body fails the same way', async () => {
    const api = await client();
    const stream = api.streamText('/api/v1/namespaces/ns/pods/web/log?follow=true', {}, () => {});
    const e = await rejection(stream.done);
    expect(e.status).toBe(500);
    expect(e.serverMessage?.length).toBeLessThanOrEqual(64 * 1024);
    await server.closed('/api/v1/namespaces/ns/pods/web/log');
    expect(server.written('/api/v1/namespaces/ns/pods/web/log')).toBeLessThan(16 * MIB);
  });

  it('a buffered GET answered 500 with an endless body fails with the 500, not at the 64 MiB body limit', async () => {
    const api = await client();
    const e = await rejection(api.getRaw('/api/v1/namespaces/ns/pods'));
    expect(e.status).toBe(500);
    expect(server.written('/api/v1/namespaces/ns/pods')).toBeLessThan(16 * MIB);
  });

  it('an error body that never comes ends with the request timeout', async () => {
    const api = await client(300);
    const e = await rejection(api.watch(ref('secrets'), { namespace: 'ns' }, () => {}).done);
    expect(e.status).toBe(500);
    await server.closed('/api/v1/namespaces/ns/secrets');
  });

  it('stop() (Esc) while an error body is awaited closes the socket at once', async () => {
    const api = await client(0);
    const watch = api.watch(ref('secrets'), { namespace: 'ns' }, () => {});
    // Stopping must not wait for the 15 s deadline of an error body (the test's own timeout is 5 s).
    await server.requested('/api/v1/namespaces/ns/secrets');
    watch.stop();
    await watch.done;
    await server.closed('/api/v1/namespaces/ns/secrets');
  });
});

describe('timeouts', () => {
  it('a request timeout longer than a timer can hold (1000 h) waits, instead of firing after 1 ms', async () => {
    const api = await client(1000 * 3600 * 1000);
    const e = await rejection(api.getRaw('/not-served'));
    expect(e.kind).toBe('http');
    expect(e.status).toBe(404);
  });
});

describe('stream lines are capped', () => {
  it('a watch event line without end stops the stream past 8 MiB with a clear message', async () => {
    const api = await client();
    const events: WatchEventMessage[] = [];
    const e = await rejection(api.watch(ref('configmaps'), { namespace: 'ns' }, (ev) => events.push(ev)).done);
    expect(e.message).toBe(
      'The stream of /api/v1/namespaces/ns/configmaps?watch=1 sent a line longer than 8.0 MB ' +
        'without a newline; stopped reading',
    );
    expect(events).toEqual([]);
    await server.closed('/api/v1/namespaces/ns/configmaps');
    expect(server.written('/api/v1/namespaces/ns/configmaps')).toBeLessThan(32 * MIB);
  });

  it('a followed log of one endless line: read at most 4 MiB/s, kept in lines of 4 KiB; stop() closes the socket', async () => {
    const api = await client();
    const started = Date.now();
    let last: FollowedLog | undefined;
    let enough!: () => void;
    const received = new Promise<void>((r) => (enough = r));
    const follower = new LogFollower(api, '/api/v1/namespaces/ns/pods/endless/log?follow=true', (f) => {
      last = f;
      if (f.lines.bytes > 4 * MIB) enough();
    });
    follower.start();
    await received;
    // 4 MiB at 4 MiB/s: about a second (less by the first window's head start), however fast the server.
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    follower.stop();
    await server.closed('/api/v1/namespaces/ns/pods/endless/log');
    expect(STREAM_TEXT_MAX_BYTES_PER_SECOND).toBe(4194304);
    expect(FOLLOW_MAX_LINE_CHARS).toBe(4096);
    expect(last!.lines.partial.length).toBeLessThanOrEqual(4096);
    expect(Math.max(...last!.lines.lines.map((l) => l.length))).toBe(4096);
  });
});
