// The session controllers against the sandbox, without Ink: each request's response and body find
// their own request by id (two concurrent GETs of one path included), the pod-log GETs, following
// a log, the OpenAPI schema and its document cache, namespaces, identity and can-i.
import { expect, it, vi } from 'vitest';
import { DeferredApi } from '../src/cli/deferred-api.js';
import { ApiClient, TABLE_ACCEPT, connect } from '../src/client/index.js';
import type { FollowedLog } from '../src/model/pod-logs.js';
import { POD_REF, podLogFollowPath } from '../src/model/pod-logs.js';
import type { TableData } from '../src/model/loadable.js';
import type { RequestEvent } from '../src/model/types.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { loadAllowedVerbs, loadIdentity } from '../src/session/access.js';
import { LiveTable } from '../src/session/live-table.js';
import { LogFollower } from '../src/session/log-follow.js';
import { listNamespaces } from '../src/session/namespaces.js';
import { loadSchema } from '../src/session/openapi.js';
import { loadPodLogs } from '../src/session/pod-logs.js';
import { loadResponse } from '../src/session/responses.js';
import { RequestLog, viewRequest } from '../src/session/request-log.js';
import { sandboxTicks, useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
useSandbox('kapi-session-', { watchIntervalMs: 50 }, (s) => ({ sb } = s));

/** A client on the sandbox as admin whose request events go into a fresh request log. */
async function logged(): Promise<{ api: ApiClient; log: RequestLog; events: RequestEvent[] }> {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
  const log = new RequestLog();
  const events: RequestEvent[] = [];
  api.onRequest((ev) => {
    events.push(ev);
    log.record(ev);
  });
  return { api, log, events };
}

const entry = (log: RequestLog, id: number) => log.snapshot().find((e) => e.event.id === id);
const signal = () => new AbortController().signal;

it('two concurrent GETs of one path: each response, body and view request is its own', async () => {
  const { api, log } = await logged();
  const path = '/api/v1/namespaces/kube-system/pods';
  // Same path, different Accept: a Table and a PodList, so a body on the wrong entry shows.
  const [table, list] = await Promise.all([api.getRaw(path, { accept: TABLE_ACCEPT }), api.getRaw(path)]);
  expect(table.requestId).not.toBe(list.requestId);
  // The older request's body first: "the newest request to the path without a body" would take it.
  const [older, newer] = table.requestId < list.requestId ? [table, list] : [list, table];
  log.attachBody(older.requestId, older);
  log.attachBody(newer.requestId, newer);
  for (const r of [table, list]) {
    const e = entry(log, r.requestId)!;
    expect(e.event.path).toBe(path);
    expect(e.body).toContain(r === table ? '"kind": "Table"' : '"kind": "PodList"');
    expect(viewRequest(log.snapshot(), [r.requestId])?.accept).toBe(r === table ? TABLE_ACCEPT : 'application/json');
  }
});

it('a failed request names its request event', async () => {
  const { api, events } = await logged();
  const err = await api.get(POD_REF, 'team-a', 'no-such-pod').catch((e: unknown) => e);
  expect(err).toMatchObject({ status: 404, requestId: events.at(-1)!.id });
});

it('loadPodLogs: the pod and its log, each body on its own request', async () => {
  const { api, log } = await logged();
  const { response, container } = await loadPodLogs(api, 'team-a', 'db-0', signal(), log);
  expect(container.first).toBe('postgres');
  const logEntry = entry(log, response.requestId)!;
  expect(logEntry.event.path).toMatch(/\/pods\/db-0\/log\?tailLines=500/);
  expect(logEntry.body).toBe(response.body);
  const pod = log.snapshot().find((e) => e.event.path === '/api/v1/namespaces/team-a/pods/db-0')!;
  expect(pod.body).toContain('"postgres"');
});

it("LogFollower: lines as they arrive, then stop; the followed text lands on the stream's request", async () => {
  const { api, log } = await logged();
  const updates: FollowedLog[] = [];
  const follower = new LogFollower(api, podLogFollowPath('team-a', 'db-0'), (f) => updates.push(f), log);
  follower.start();
  await vi.waitFor(() => expect(follower.followed.lines.lines.length).toBeGreaterThan(0), { timeout: 10_000 });
  await sandboxTicks(sb, 2);
  follower.stop();
  const { requestId, lines } = follower.followed;
  expect(requestId).toBeDefined();
  expect(updates.at(-1)!.requestId).toBe(requestId);
  expect(entry(log, requestId!)!.event.path).toContain('follow=true');
  expect(entry(log, requestId!)!.body).toBe(lines.lines.join('\n') + (lines.partial ? `\n${lines.partial}` : ''));
});

it("through the CLI's connecting stand-in, a stream still knows its request", async () => {
  const { api, events } = await logged();
  const provisional = { ...api.connection };
  const deferred = new DeferredApi(provisional, async () => api);
  const follower = new LogFollower(deferred, podLogFollowPath('team-a', 'db-0'), () => {});
  follower.start();
  await vi.waitFor(() => expect(follower.followed.lines.bytes).toBeGreaterThan(0), { timeout: 10_000 });
  follower.stop();
  expect(follower.followed.requestId).toBe(events.find((e) => e.path.includes('follow=true'))!.id);
});

it('LiveTable: list pages on the list request, watch events on the watch request', async () => {
  const { api, log, events } = await logged();
  let table: TableData | undefined;
  const live = new LiveTable(
    api,
    POD_REF,
    'demo',
    (t) => (table = t),
    (e) => {
      throw e;
    },
    { log },
  );
  live.start();
  try {
    await vi.waitFor(() => expect(table?.changes).toBeGreaterThanOrEqual(1), { timeout: 10_000 });
    const list = events.find((e) => !e.path.includes('watch='))!;
    const watch = events.find((e) => e.path.includes('watch=1'))!;
    expect(table!.requestId).toBe(list.id);
    expect(entry(log, list.id)!.listPage).toBe(true);
    await vi.waitFor(() => expect(entry(log, watch.id)!.watchEvents?.length).toBeGreaterThan(0));
  } finally {
    live.stop();
  }
});

it('loadSchema: the index, then the document; a second load reuses the document', async () => {
  const { api, events } = await logged();
  const target = { ref: { group: 'apps', version: 'v1' }, kind: 'Deployment' };
  const first = await loadSchema(api, target, signal());
  expect(first.state).toBe('ok');
  if (first.state !== 'ok') return;
  expect(first.value.path).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=/);
  expect(first.value.root.children?.some((c) => c.name === 'spec')).toBe(true);
  expect(first.requestId).toBe(events.at(-1)!.id);
  const before = events.length;
  const again = await loadSchema(api, target, signal());
  expect(events.slice(before).map((e) => e.path)).toEqual(['/openapi/v3']);
  expect(again.state === 'ok' && again.requestId).toBe(events.at(-1)!.id);
  const none = await loadSchema(api, { ref: { group: 'apps', version: 'v1' }, kind: 'NoSuchKind' }, signal());
  expect(none).toMatchObject({ state: 'error', error: { title: 'No schema for NoSuchKind' } });
});

it("listNamespaces: sorted names and the list's request", async () => {
  const { api, events } = await logged();
  const { names, requestId } = await listNamespaces(api, signal());
  expect(names).toEqual([...names].sort());
  expect(names).toEqual(expect.arrayContaining(['default', 'kube-system', 'team-a']));
  expect(requestId).toBe(events.at(-1)!.id);
});

it('identity and can-i through the review POSTs', async () => {
  const { api } = await logged();
  expect((await loadIdentity(api, signal())).username).toBe('kubernetes-admin');
  expect(await loadAllowedVerbs(api, POD_REF, 'team-a', ['get', 'list'], signal())).toEqual({ get: true, list: true });
});

it('loadResponse: an object or a raw path, its body on its own request', async () => {
  const { api, log } = await logged();
  const pod = await loadResponse(api, { ref: POD_REF, namespace: 'team-a', name: 'db-0' }, signal(), log);
  expect(entry(log, pod.requestId)).toMatchObject({ event: { path: '/api/v1/namespaces/team-a/pods/db-0' } });
  expect(entry(log, pod.requestId)!.body).toContain('"db-0"');
  const healthz = await loadResponse(api, { path: '/healthz' }, signal(), log);
  expect(entry(log, healthz.requestId)).toMatchObject({ event: { path: '/healthz' }, body: 'ok' });
});
