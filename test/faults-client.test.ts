// Client resilience against the real sandbox over TLS with faults injected (no HTTP mocks):
// timeouts, dropped and cut connections, 5xx/429 with and without Retry-After, HTML and broken JSON
// bodies, a huge body, watch streams that end or break, and one failing group in legacy discovery.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type ApiClientOptions } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import {
  ERR_BODY_TOO_LARGE,
  ERR_HTML_BODY,
  ERR_RESPONSE_CUT,
  ERR_WATCH_CUT,
  KubeError,
  explainError,
} from '../src/client/errors.js';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from '../src/client/http.js';
import type { WatchEventMessage } from '../src/client/types.js';
import type { RequestEvent, ResourceRef } from '../src/model/types.js';
import { startSandbox, tempDir, rejection } from './helpers/client.js';
import { status500, statusBody } from './helpers/statuses.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const PODS: ResourceRef = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const PODS_PATH = '/api/v1/namespaces/team-a/pods';
const status503 = statusBody(503, 'ServiceUnavailable', 'the server is currently unable to handle the request', {
  causes: [{ reason: 'UnexpectedServerResponse', message: 'service unavailable' }],
});
const HTML =
  '<!DOCTYPE html>\n<html><head><title>Access denied - Corporate Web Gateway</title></head><body><h1>Access denied</h1><p>Please sign in.</p></body></html>\n';

let sb: Sandbox;
let tmp: ReturnType<typeof tempDir>;
const clients: ApiClient[] = [];

beforeAll(async () => {
  tmp = tempDir('kapi-faults-');
  sb = await startSandbox({ dir: tmp.dir, watchIntervalMs: 0 });
});
afterAll(async () => {
  await sb?.close();
  tmp?.remove();
});
afterEach(() => {
  sb.setFaults([]);
  for (const c of clients.splice(0)) c.close();
});

/** A client on the sandbox's kubeconfig; retries are fast unless the test says otherwise. */
async function client(
  opts: ApiClientOptions & { timeoutMs?: number } = {},
): Promise<{ api: ApiClient; events: RequestEvent[] }> {
  const { timeoutMs, ...apiOpts } = opts;
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig, timeoutMs }), {
    retry: { baseDelayMs: 10 },
    ...apiOpts,
  });
  clients.push(api);
  const events: RequestEvent[] = [];
  api.onRequest((e) => events.push(e));
  return { api, events };
}

describe('retry policy (pure)', () => {
  const http = (status: number, retryAfterSeconds?: number) =>
    new KubeError({ kind: 'http', status, message: String(status), hint: '', retryAfterSeconds });
  const net = (code: string) => new KubeError({ kind: 'network', code, message: code, hint: '' });
  const p = { ...DEFAULT_RETRY_POLICY, random: () => 1 };

  it('retries 429, 502, 503, 504 and dropped connections; never 500, 4xx, refused, DNS, TLS or timeouts', () => {
    for (const s of [429, 502, 503, 504]) expect(retryDelayMs(http(s), 1, p), String(s)).toBeGreaterThan(0);
    for (const s of [400, 401, 403, 404, 410, 500, 501]) expect(retryDelayMs(http(s), 1, p), String(s)).toBeUndefined();
    for (const c of ['ECONNRESET', 'EPIPE', ERR_RESPONSE_CUT]) expect(retryDelayMs(net(c), 1, p), c).toBeGreaterThan(0);
    for (const c of ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH'])
      expect(retryDelayMs(net(c), 1, p), c).toBeUndefined();
    expect(retryDelayMs(new KubeError({ kind: 'timeout', message: '', hint: '' }), 1, p)).toBeUndefined();
    expect(
      retryDelayMs(new KubeError({ kind: 'tls', code: 'ECONNRESET', message: '', hint: '' }), 1, p),
    ).toBeUndefined();
    expect(retryDelayMs(new Error('plain'), 1, p)).toBeUndefined();
  });

  it('stops after 3 attempts; backs off exponentially with jitter, capped', () => {
    expect(retryDelayMs(http(503), 3, p)).toBeUndefined();
    const at = (attempt: number, r: number) =>
      retryDelayMs(http(503), attempt, { ...p, attempts: 10, random: () => r })!;
    expect(at(1, 0)).toBe(125);
    expect(at(1, 1)).toBe(250);
    expect(at(2, 0)).toBe(250);
    expect(at(2, 1)).toBe(500);
    expect(at(9, 1)).toBe(4000);
  });

  it('Retry-After wins (plus a little jitter) up to 10 s; a longer one is not waited for', () => {
    expect(retryDelayMs(http(429, 2), 1, { ...p, random: () => 0 })).toBe(2000);
    expect(retryDelayMs(http(503, 10), 1, { ...p, random: () => 0 })).toBe(10_000);
    expect(retryDelayMs(http(503, 11), 1, p)).toBeUndefined();
  });
});

describe('client with a faulty sandbox', () => {
  it('a response slower than the timeout: kind timeout, not retried, hint names --request-timeout', async () => {
    const { api, events } = await client({ timeoutMs: 300 });
    sb.setFaults([{ match: PODS_PATH, delayMs: 5000 }]);
    const t0 = Date.now();
    const e = await rejection(api.list(PODS, { namespace: 'team-a' }));
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(
      /No answer from 127\.0\.0\.1:\d+ within 0\.3 s \(GET \/api\/v1\/namespaces\/team-a\/pods\?limit=500\)/,
    );
    expect(e.hint).toContain('--request-timeout');
    expect(explainError(e).title).toBe('Timed out');
    expect(events).toHaveLength(1);
  });

  it('a connection dropped before the answer is retried, and recovers', async () => {
    const { api, events } = await client();
    sb.setFaults([{ match: PODS_PATH, drop: true, times: 1 }]);
    const page = await api.list(PODS, { namespace: 'team-a' });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(events).toHaveLength(2);
    expect(events[0]!.status).toBeUndefined();
    expect(events[0]!.error).toMatch(
      /closed the connection without answering.*retrying in \d+\.\d s \(attempt 1 of 3\)/,
    );
    expect(events[1]!.status).toBe(200);
    expect(events[1]!.error).toBeUndefined();
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
  });

  it('a connection dropped every time: gives up after 3 attempts with a clear message', async () => {
    const { api, events } = await client();
    sb.setFaults([{ match: PODS_PATH, drop: true }]);
    const e = await rejection(api.list(PODS, { namespace: 'team-a' }));
    expect(e.kind).toBe('network');
    expect(e.code).toBe('ECONNRESET');
    expect(e.message).toMatch(/closed the connection without answering/);
    expect(e.attempts).toBe(3);
    const x = explainError(e);
    expect(x.title).toBe('Connection dropped');
    expect(x.detail).toContain('(tried 3 times)');
    expect(x.hint).toMatch(/load balancer|proxy/);
    expect(events).toHaveLength(3);
    expect(events[2]!.error).not.toMatch(/retrying/);
  });

  it('a connection cut mid-response says how much arrived; retried', async () => {
    const { api, events } = await client();
    sb.setFaults([{ match: PODS_PATH, truncate: true }]);
    const e = await rejection(api.list(PODS, { namespace: 'team-a' }));
    expect(e.kind).toBe('network');
    expect(e.code).toBe(ERR_RESPONSE_CUT);
    expect(e.message).toMatch(
      /closed the connection in the middle of the response to GET \/api\/v1\/namespaces\/team-a\/pods\?limit=500 \(got \d+ of \d+ bytes\)/,
    );
    expect(explainError(e).title).toBe('Connection dropped');
    expect(events).toHaveLength(3);
    expect(events[0]!.status).toBe(200);
    expect(events[0]!.bytes).toBeGreaterThan(0);

    sb.setFaults([{ match: PODS_PATH, truncate: true, times: 1 }]);
    events.length = 0;
    expect((await api.list(PODS, { namespace: 'team-a' })).rows.length).toBeGreaterThan(0);
    expect(events.map((e) => e.status)).toEqual([200, 200]);
  });

  it('500 with a Status: not retried, the server message and a next step', async () => {
    const { api, events } = await client();
    sb.setFaults([{ match: PODS_PATH, status: 500, body: status500, contentType: 'application/json' }]);
    const e = await rejection(api.list(PODS, { namespace: 'team-a' }));
    expect(e).toMatchObject({ kind: 'http', status: 500, reason: 'InternalError', attempts: 1 });
    expect(e.message).toContain('etcdserver: request timed out');
    expect(e.hint).toMatch(/Retry; if it persists, check the API server logs/);
    expect(explainError(e).title).toBe('500 Internal Error');
    expect(events).toHaveLength(1);
  });

  it('502 and 504 are retried', async () => {
    const { api, events } = await client();
    sb.setFaults([
      { match: PODS_PATH, status: 502, body: 'upstream connect error', times: 1 },
      { match: PODS_PATH, status: 504, body: 'gateway timeout', times: 1 },
    ]);
    await api.list(PODS, { namespace: 'team-a' });
    expect(events.map((e) => e.status)).toEqual([502, 504, 200]);
  });

  it('503 with Retry-After: waits what the server asked, then succeeds', async () => {
    const { api, events } = await client();
    sb.setFaults([
      {
        match: PODS_PATH,
        status: 503,
        body: status503,
        contentType: 'application/json',
        retryAfterSeconds: 1,
        times: 1,
      },
    ]);
    await api.list(PODS, { namespace: 'team-a' });
    expect(events.map((e) => e.status)).toEqual([503, 200]);
    expect(events[0]!.responseHeaders?.['retry-after']).toBe('1');
    expect(events[0]!.error).toMatch(/retrying in 1\.\d s/);
    const waited = events[1]!.startedAt - (events[0]!.startedAt + events[0]!.durationMs);
    expect(waited).toBeGreaterThanOrEqual(990);
  });

  it('503 every time: the last error has Retry-After and the apiservices hint', async () => {
    const { api, events } = await client();
    sb.setFaults([
      { match: PODS_PATH, status: 503, body: status503, contentType: 'application/json', retryAfterSeconds: 0 },
    ]);
    const e = await rejection(api.list(PODS, { namespace: 'team-a' }));
    expect(e).toMatchObject({ kind: 'http', status: 503, retryAfterSeconds: 0, attempts: 3 });
    expect(e.message).toContain('the server is currently unable to handle the request');
    expect(e.hint).toMatch(/apiservices/);
    expect(explainError(e).title).toBe('503 Service Unavailable');
    expect(events).toHaveLength(3);
  });

  it('a Retry-After longer than 10 s is not waited for: one request, the error says when to retry', async () => {
    const { api, events } = await client();
    sb.setFaults([
      { match: PODS_PATH, status: 503, body: status503, contentType: 'application/json', retryAfterSeconds: 120 },
    ]);
    const e = await rejection(api.list(PODS, { namespace: 'team-a' }));
    expect(e.retryAfterSeconds).toBe(120);
    expect(e.hint).toContain('Retry-After: 120s');
    expect(events).toHaveLength(1);
  });

  it('429 with a plain-text body: message, hint with the delay, retried', async () => {
    const { api, events } = await client();
    sb.setFaults([
      { match: PODS_PATH, status: 429, body: 'Too many requests, please try again later.\n', retryAfterSeconds: 0 },
    ]);
    const e = await rejection(api.list(PODS, { namespace: 'team-a' }));
    expect(e).toMatchObject({ kind: 'http', status: 429, reason: 'TooManyRequests' });
    expect(e.message).toBe('429 Too Many Requests: Too many requests, please try again later.');
    expect(e.hint).toMatch(/throttling.*Retry after 0s/);
    expect(events).toHaveLength(3);
  });

  it('aborting during the Retry-After wait cancels at once', async () => {
    const { api, events } = await client();
    sb.setFaults([
      { match: PODS_PATH, status: 503, body: status503, contentType: 'application/json', retryAfterSeconds: 8 },
    ]);
    const ac = new AbortController();
    const firstAttempt = new Promise<void>((r) => api.onRequest(() => r()));
    const p = api.list(PODS, { namespace: 'team-a', signal: ac.signal });
    await firstAttempt;
    const t0 = Date.now();
    ac.abort();
    const e = await rejection(p);
    expect(e.kind).toBe('cancelled');
    // Well before the 8 s Retry-After: the wait was cut, not served (a tighter bound fails on a loaded machine).
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(events).toHaveLength(1);
  });

  it('POSTs (self reviews) are never retried', async () => {
    const { api, events } = await client();
    sb.setFaults([
      {
        match: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
        status: 503,
        body: status503,
        contentType: 'application/json',
        retryAfterSeconds: 0,
      },
    ]);
    const e = await rejection(api.selfSubjectReview());
    expect(e.status).toBe(503);
    expect(events).toHaveLength(1);
  });

  it('an HTML page instead of JSON (200 from a middlebox): says so and shows the title', async () => {
    const { api, events } = await client();
    sb.setFaults([{ match: PODS_PATH, status: 200, body: HTML, contentType: 'text/html; charset=utf-8' }]);
    const e = await rejection(api.list(PODS, { namespace: 'team-a' }));
    expect(e.kind).toBe('parse');
    expect(e.code).toBe(ERR_HTML_BODY);
    expect(e.message).toBe(
      'The server answered HTML, not JSON, to GET /api/v1/namespaces/team-a/pods?limit=500: "Access denied - Corporate Web Gateway"',
    );
    expect(e.hint).toMatch(/proxy/);
    expect(explainError(e).title).toBe('Not a Kubernetes answer (HTML)');
    expect(events).toHaveLength(1);
  });

  it('an HTML page without a title, labelled as JSON: the first line of text', async () => {
    const { api } = await client();
    sb.setFaults([
      {
        match: '/version',
        status: 200,
        body: '<html><body>\n<h1>Captive portal</h1> log in</body></html>',
        contentType: 'application/json',
      },
    ]);
    const e = await rejection(api.version());
    expect(e.code).toBe(ERR_HTML_BODY);
    expect(e.message).toMatch(/answered HTML, not JSON, to GET \/version: "Captive portal"/);
  });

  it('an HTML error page (502 from a load balancer): HTML, not JSON, with the title; retried', async () => {
    const { api, events } = await client();
    sb.setFaults([
      {
        match: PODS_PATH,
        status: 502,
        body: '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>',
        contentType: 'text/html',
      },
    ]);
    const e = await rejection(api.list(PODS, { namespace: 'team-a' }));
    expect(e).toMatchObject({ kind: 'http', status: 502, code: ERR_HTML_BODY });
    expect(e.message).toBe('502 Bad Gateway: the server answered an HTML page, not JSON ("502 Bad Gateway")');
    expect(explainError(e).detail).toMatch(/^the server answered an HTML page, not JSON \("502 Bad Gateway"\)/);
    expect(events).toHaveLength(3);
  });

  it('truncated JSON (a complete HTTP answer whose document stops short)', async () => {
    const { api, events } = await client();
    const body =
      '{"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"12"},"columnDefinitions":[{"name":"Name","type":"str';
    sb.setFaults([{ match: PODS_PATH, status: 200, body, contentType: 'application/json' }]);
    const e = await rejection(api.list(PODS, { namespace: 'team-a' }));
    expect(e.kind).toBe('parse');
    expect(e.message).toMatch(
      new RegExp(
        `The JSON answer to GET /api/v1/namespaces/team-a/pods\\?limit=500 is truncated: it stops after ${body.length} bytes`,
      ),
    );
    expect(explainError(e).title).toBe('Unreadable response');
    expect(events).toHaveLength(1);
    expect(events[0]!.error).toMatch(/invalid JSON/);
  });

  it('a 20 MB /metrics arrives whole and fast; over the body limit it is refused without reading', async () => {
    const size = 20 * 1024 * 1024;
    const { api, events } = await client();
    sb.setFaults([{ match: '/metrics', hugeBytes: size }]);
    global.gc?.();
    const before = process.memoryUsage();
    const t0 = performance.now();
    const r = await api.getRaw('/metrics', { accept: 'text/plain' });
    const ms = performance.now() - t0;
    const after = process.memoryUsage();
    expect(r.bytes).toBe(size);
    expect(r.body.length).toBe(size);
    expect(r.body.startsWith('apiserver_request_duration_seconds_bucket')).toBe(true);
    expect(ms).toBeLessThan(10_000);
    const mb = (n: number) => (n / (1 << 20)).toFixed(1);
    console.log(
      `20 MB /metrics: ${ms.toFixed(0)} ms, rss +${mb(after.rss - before.rss)} MB, heap +${mb(after.heapUsed - before.heapUsed)} MB, ` +
        `external+arrayBuffers +${mb(after.external + after.arrayBuffers - before.external - before.arrayBuffers)} MB (peak rss ${mb(after.rss)} MB)`,
    );

    const small = await client({ maxBodyBytes: 1024 * 1024 });
    const e = await rejection(small.api.getRaw('/metrics'));
    expect(e.kind).toBe('parse');
    expect(e.code).toBe(ERR_BODY_TOO_LARGE);
    expect(e.message).toBe(
      'The response to GET /metrics is too large: 20.0 MB (Content-Length), the limit is 1.0 MB; stopped reading',
    );
    expect(explainError(e).title).toBe('Response too large');
    expect(small.events).toHaveLength(1);
    expect(small.events[0]!.bytes).toBe(0);
    expect(events).toHaveLength(1);
  });

  it('legacy discovery: one aggregated group failing (503) is a failure; the other groups are listed', async () => {
    const { api } = await client({ legacyDiscovery: true });
    sb.setFaults([
      { match: '/apis/metrics.k8s.io/v1beta1', status: 503, body: status503, contentType: 'application/json' },
    ]);
    const d = await api.discover();
    expect(d.format).toBe('legacy');
    expect(d.failures).toEqual([
      {
        groupVersion: 'metrics.k8s.io/v1beta1',
        message: expect.stringMatching(/^503 ServiceUnavailable: the server is currently unable to handle the request/),
      },
    ]);
    const names = d.groups.map((g) => g.name);
    expect(names).toEqual(expect.arrayContaining(['', 'apps', 'batch', 'metrics.k8s.io']));
    const metrics = d.groups.find((g) => g.name === 'metrics.k8s.io')!;
    expect(metrics.versions[0]!.error).toMatch(/503/);
    expect(d.groups.find((g) => g.name === 'apps')!.versions[0]!.resources.map((r) => r.name)).toContain('deployments');
  });
});

describe('watch streams', () => {
  it('a watch the server ends cleanly resolves done after its events', async () => {
    const { api, events } = await client();
    const ev = JSON.stringify({
      type: 'ADDED',
      object: { kind: 'Pod', metadata: { name: 'a', resourceVersion: '7' } },
    });
    sb.setFaults([{ match: /[?&]watch=1/, status: 200, body: `${ev}\n`, contentType: 'application/json' }]);
    const got: WatchEventMessage[] = [];
    const h = api.watch(PODS, { namespace: 'team-a' }, (m) => got.push(m));
    await h.done;
    expect(got.map((m) => m.object.metadata.name)).toEqual(['a']);
    expect(events).toHaveLength(1);
  });

  it('a watch refused with 503 rejects done, and is not retried', async () => {
    const { api, events } = await client();
    sb.setFaults([
      { match: /[?&]watch=1/, status: 503, body: status503, contentType: 'application/json', retryAfterSeconds: 0 },
    ]);
    const h = api.watch(PODS, { namespace: 'team-a' }, () => {});
    const e = await rejection(h.done);
    expect(e.status).toBe(503);
    expect(events).toHaveLength(1);
  });

  it('a watch whose connection drops before the answer rejects done with a network error', async () => {
    const { api } = await client();
    sb.setFaults([{ match: /[?&]watch=1/, drop: true }]);
    const e = await rejection(api.watch(PODS, { namespace: 'team-a' }, () => {}).done);
    expect(e.kind).toBe('network');
    expect(e.message).toMatch(/closed the connection without answering/);
  });

  it('a watch cut mid-stream (the server goes away) rejects done: cut after N events', async () => {
    const dir = tempDir('kapi-faults-watch-');
    const own = await startSandbox({ dir: dir.dir, watchIntervalMs: 0 });
    try {
      const api = new ApiClient(await connect({ kubeconfig: own.files!.kubeconfig }));
      let first!: () => void;
      const gotOne = new Promise<void>((r) => (first = r));
      let n = 0;
      const h = api.watch(PODS, { namespace: 'team-a' }, () => {
        n++;
        first();
      });
      await gotOne;
      await own.close();
      const e = await rejection(h.done);
      expect(e.kind).toBe('network');
      expect(e.code).toBe(ERR_WATCH_CUT);
      expect(e.message).toMatch(
        new RegExp(`The watch on /api/v1/namespaces/team-a/pods\\?watch=1 was cut after ${n} event\\(s\\)`),
      );
      expect(e.hint).toMatch(/List again/);
      expect(explainError(e).title).toBe('Connection dropped');
    } finally {
      await own.close().catch(() => {});
      dir.remove();
    }
  });
});

describe('body limit on a stream without Content-Length (a plain local HTTP server)', () => {
  let server: Server;
  let port: number;
  const open = new Set<ServerResponse>();
  beforeAll(async () => {
    server = createServer((_req, res) => {
      open.add(res);
      res.on('close', () => open.delete(res));
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const r of open) r.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('an endless body stops at the limit instead of filling memory', async () => {
    const api = new ApiClient(await connect({ proxy: `http://127.0.0.1:${port}` }), { maxBodyBytes: 2 * 1024 * 1024 });
    const e = await rejection(api.getRaw('/metrics'));
    expect(e.code).toBe(ERR_BODY_TOO_LARGE);
    expect(e.message).toMatch(/too large: more than 2\.0 MB, the limit is 2\.0 MB/);
    api.close();
  });
});
