// One contract, two implementations: the same cases run against the in-memory FakeApi the UI tests
// use and against ApiClient on the sandbox, so the fake cannot drift from what the client does
// (results, KubeErrors, request events). Each implementation brings a fixture: jane, who may read
// pods in one namespace and is refused another resource; an admin for pod logs and a live
// namespace where a pod can be changed on demand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, JSON_ACCEPT, TABLE_ACCEPT } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import { AGGREGATED_DISCOVERY_ACCEPT } from '../src/client/discovery.js';
import { evaluateRules } from '../src/client/identity.js';
import {
  SELF_SUBJECT_ACCESS_REVIEW_PATH,
  SELF_SUBJECT_REVIEW_PATH,
  SELF_SUBJECT_RULES_REVIEW_PATH,
} from '../src/client/review-paths.js';
import type { KubeApi, WatchEventMessage } from '../src/client/types.js';
import { podLogFollowPath } from '../src/model/pod-logs.js';
import type { RequestEvent, ResourceRef } from '../src/model/types.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { rejection } from './helpers/client.js';
import { FakeApi, obj } from './helpers/fake-api.js';
import { listPages } from './helpers/list-pages.js';
import { useSandbox } from './helpers/sandbox.js';

const PODS: ResourceRef = { group: '', version: 'v1', resource: 'pods', namespaced: true };

interface Fixture {
  /** jane: reads pods in `namespace`; refused `forbidden` there. */
  jane: KubeApi;
  namespace: string;
  forbidden: ResourceRef;
  /** May read everything (pod logs, the live namespace). */
  admin: KubeApi;
  /** A namespace whose pods `change()` modifies (at least one MODIFIED event). */
  live: { namespace: string; change(): void };
  logPod: { namespace: string; name: string; container: string };
}

/** Every request event an API emits while `run` runs. */
async function eventsOf<T>(api: KubeApi, run: () => Promise<T>): Promise<{ result: T; events: RequestEvent[] }> {
  const events: RequestEvent[] = [];
  const off = api.onRequest((ev) => events.push(ev));
  try {
    return { result: await run(), events };
  } finally {
    off();
  }
}

/** The first `n` events of a watch (stopped then). `onOpen` runs once the watch is established
 *  (its request event, sent when the server's headers arrive), so a change it makes is seen. */
function watchEvents(
  api: KubeApi,
  ref: ResourceRef,
  opts: Parameters<KubeApi['watch']>[1],
  n: number,
  onOpen: () => void = () => {},
): Promise<WatchEventMessage[]> {
  return new Promise((resolve, reject) => {
    const got: WatchEventMessage[] = [];
    const off = api.onRequest((ev) => {
      if (!ev.path.includes('watch=1')) return;
      off();
      queueMicrotask(onOpen);
    });
    const handle = api.watch(ref, opts, (ev) => {
      got.push(ev);
      if (got.length < n) return;
      handle.stop();
      resolve(got);
    });
    handle.done.then(() => reject(new Error(`watch ended after ${got.length} of ${n} events`)), reject);
  });
}

/** The first chunks of a followed text stream, up to the first complete line; then stopped. */
function firstLines(api: KubeApi, path: string): Promise<{ text: string; done: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const handle = api.streamText(path, {}, (chunk) => {
      text += chunk;
      if (!text.endsWith('\n')) return;
      handle.stop();
      resolve({ text, done: handle.done });
    });
    handle.done.catch(reject);
  });
}

function contract(name: string, fixture: () => Fixture): void {
  describe(name, () => {
    let f: Fixture;
    beforeAll(() => {
      f = fixture();
    });

    it('discovery: the core group first, pods with their subresources, apps with deployments/scale', async () => {
      const { result: d, events } = await eventsOf(f.jane, () => f.jane.discover());
      expect(d.format).toBe('aggregated');
      expect(d.groups[0]!.name).toBe('');
      expect(d.groups[0]!.preferredVersion).toBe('v1');
      const pods = d.groups[0]!.versions[0]!.resources.find((r) => r.name === 'pods')!;
      expect(pods).toMatchObject({ kind: 'Pod', namespaced: true, group: '', version: 'v1' });
      expect(pods.verbs).toEqual(expect.arrayContaining(['get', 'list', 'watch']));
      expect(pods.subresources.map((s) => s.name)).toEqual(expect.arrayContaining(['exec', 'log', 'status']));
      const apps = d.groups.find((g) => g.name === 'apps')!.versions.find((v) => v.version === 'v1')!;
      const deployments = apps.resources.find((r) => r.name === 'deployments')!;
      expect(deployments.subresources.find((s) => s.name === 'scale')).toMatchObject({
        kind: 'Scale',
        group: 'autoscaling',
        version: 'v1',
      });
      expect(Object.keys(d.rawDocuments)).toContain('/apis');
      expect(events.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(['GET /api 200', 'GET /apis 200']);
      expect(events.every((e) => e.accept === AGGREGATED_DISCOVERY_ACCEPT)).toBe(true);
    });

    it('list as a Table: columns, one row per object with its metadata, the request it made', async () => {
      const { result: page, events } = await eventsOf(f.jane, () => f.jane.list(PODS, { namespace: f.namespace }));
      expect(page.format).toBe('table');
      expect(page.columns.slice(0, 5).map((c) => c.name)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age']);
      expect(page.rows.length).toBeGreaterThan(1);
      for (const row of page.rows) {
        expect(row.cells[0]).toBe(row.object!.metadata!.name);
        expect(row.object!.metadata!.namespace).toBe(f.namespace);
      }
      expect(page.items).toEqual([]);
      expect(page.resourceVersion).toMatch(/^\d+$/);
      expect(page.continueToken).toBeUndefined();
      expect(events).toHaveLength(1);
      const ev = events[0]!;
      const path = `/api/v1/namespaces/${f.namespace}/pods?limit=500`;
      expect(ev).toMatchObject({
        method: 'GET',
        path,
        accept: TABLE_ACCEPT,
        status: 200,
        contentType: 'application/json',
      });
      expect(ev.error).toBeUndefined();
      expect(ev.bytes).toBe(page.bytes);
      expect(ev.curl).toContain(`-H 'Accept: ${TABLE_ACCEPT}' '${f.jane.connection.server}${path}'`);
      expect(ev.kubectl).toMatch(new RegExp(` get pods -n ${f.namespace}$`)); // a Table: kubectl's own table
    });

    it('list as objects (table: false): the items, no rows', async () => {
      const { result: page, events } = await eventsOf(f.jane, () =>
        f.jane.list(PODS, { namespace: f.namespace, table: false }),
      );
      expect(page.format).toBe('objects');
      expect(page.rows).toEqual([]);
      expect(page.columns).toEqual([]);
      expect(page.items.length).toBeGreaterThan(1);
      for (const item of page.items)
        expect(item).toMatchObject({ kind: 'Pod', apiVersion: 'v1', metadata: { namespace: f.namespace } });
      expect(events[0]!.accept).toBe(JSON_ACCEPT);
    });

    it('limit and continue: pages of one, the same objects in the same order, one request each', async () => {
      const all = await f.jane.list(PODS, { namespace: f.namespace });
      const { result: pages, events } = await eventsOf(f.jane, () =>
        listPages(f.jane, PODS, { namespace: f.namespace, limit: 1 }),
      );
      expect(pages).toHaveLength(all.rows.length);
      expect(pages.every((p) => p.rows.length === 1)).toBe(true);
      expect(pages.slice(0, -1).every((p) => typeof p.continueToken === 'string')).toBe(true);
      expect(pages.at(-1)!.continueToken).toBeUndefined();
      expect(pages[0]!.remainingItemCount).toBe(all.rows.length - 1);
      expect(pages.map((p) => p.rows[0]!.object!.metadata!.name)).toEqual(
        all.rows.map((r) => r.object!.metadata!.name),
      );
      const base = `/api/v1/namespaces/${f.namespace}/pods`;
      expect(events.map((e) => e.path)).toEqual(
        pages.map((_, i) =>
          i === 0 ? `${base}?limit=1` : `${base}?limit=1&continue=${encodeURIComponent(pages[i - 1]!.continueToken!)}`,
        ),
      );
    });

    it('get: the object as JSON', async () => {
      const name = (await f.jane.list(PODS, { namespace: f.namespace })).rows[0]!.object!.metadata!.name!;
      const { result: r, events } = await eventsOf(f.jane, () => f.jane.get(PODS, f.namespace, name));
      expect(r.status).toBe(200);
      expect(r.contentType).toBe('application/json');
      expect(r.json).toMatchObject({ kind: 'Pod', metadata: { name, namespace: f.namespace } });
      expect(JSON.parse(r.body)).toEqual(r.json);
      expect(events.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
        `GET /api/v1/namespaces/${f.namespace}/pods/${name} 200`,
      ]);
      expect(events[0]!.kubectl).toMatch(new RegExp(` get pods ${name} -n ${f.namespace} -o json$`));
    });

    it("404 for an object: KubeError NotFound with the server's message, and a failed request event", async () => {
      const { result: e, events } = await eventsOf(f.jane, () =>
        rejection(f.jane.get(PODS, f.namespace, 'no-such-pod')),
      );
      expect(e).toMatchObject({
        kind: 'http',
        status: 404,
        reason: 'NotFound',
        method: 'GET',
        path: `/api/v1/namespaces/${f.namespace}/pods/no-such-pod`,
        serverMessage: 'pods "no-such-pod" not found',
        message: '404 Not Found: pods "no-such-pod" not found',
        hint: 'The object does not exist (any more). Refresh the list.',
      });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ status: 404, error: e.message });
    });

    it("404 for a path no handler serves: Go's text answer, wrapped the same way", async () => {
      const e = await rejection(f.admin.getRaw('/no/such/path'));
      expect(e).toMatchObject({
        kind: 'http',
        status: 404,
        reason: 'NotFound',
        serverMessage: '404 page not found',
        hint:
          'This path is not served by the server. The resource type may not exist in this cluster or version' +
          ' — check discovery.',
      });
    });

    it('anonymous getRaw: no credentials, so system:anonymous gets 403 for /api and 200 for /version', async () => {
      const { result: e, events } = await eventsOf(f.admin, () =>
        rejection(f.admin.getRaw('/api', { anonymous: true })),
      );
      expect(e).toMatchObject({
        kind: 'http',
        status: 403,
        reason: 'Forbidden',
        serverMessage: 'forbidden: User "system:anonymous" cannot get path "/api"',
      });
      expect(events).toHaveLength(1);
      expect(events[0]!.status).toBe(403);
      // The equivalents send no credentials either.
      expect(events[0]!.curl).not.toMatch(/--cert|--key|Authorization|Impersonate/);
      // kubectl without the user's kubeconfig, named system:anonymous so that it does not ask for a
      // user name (kube-apiserver ignores the Basic header that puts on the request).
      expect(events[0]!.kubectl).toMatch(
        /^kubectl --kubeconfig \/dev\/null --server \S+ .*--username system:anonymous get --raw '\/api'$/,
      );
      expect(events[0]!.kubectl).not.toMatch(/--client-|--token|--as/);
      expect((await f.admin.getRaw('/version', { anonymous: true })).status).toBe(200);
      // The same path with the connection's credentials is allowed.
      expect((await f.admin.getRaw('/api')).status).toBe(200);
    });

    it("403 for a list: KubeError Forbidden with RBAC's wording and the can-i check", async () => {
      const { group, resource } = f.forbidden;
      const { result: e, events } = await eventsOf(f.jane, () =>
        rejection(f.jane.list(f.forbidden, { namespace: f.namespace })),
      );
      expect(e).toMatchObject({
        kind: 'http',
        status: 403,
        reason: 'Forbidden',
        serverMessage:
          `${resource}.${group} is forbidden: User "jane" cannot list resource "${resource}"` +
          ` in API group "${group}" in the namespace "${f.namespace}"`,
        hint:
          `RBAC does not allow this. Check with \`kubectl auth can-i list ${resource}.${group} -n ${f.namespace}\`,` +
          ' or ask an admin for a Role/RoleBinding.',
      });
      expect(events[0]).toMatchObject({ status: 403, error: e.message });
    });

    it('403 for a non-resource path', async () => {
      const e = await rejection(f.jane.getRaw('/metrics'));
      expect(e).toMatchObject({
        kind: 'http',
        status: 403,
        reason: 'Forbidden',
        serverMessage: 'forbidden: User "jane" cannot get path "/metrics"',
      });
      expect(e.hint).toContain('`kubectl auth can-i get /metrics`');
    });

    it('a request whose signal already aborted: KubeError cancelled', async () => {
      const e = await rejection(f.jane.list(PODS, { namespace: f.namespace, signal: AbortSignal.abort() }));
      expect(e.kind).toBe('cancelled');
    });

    it("watch from the list's resourceVersion: one-row Table events, columns in the first only", async () => {
      const { namespace, change } = f.live;
      const list = await f.admin.list(PODS, { namespace });
      const { result: events, events: requests } = await eventsOf(f.admin, () =>
        watchEvents(f.admin, PODS, { namespace, resourceVersion: list.resourceVersion, table: true }, 2, () => {
          change();
          change();
        }),
      );
      expect(events.map((e) => e.type)).toEqual(['MODIFIED', 'MODIFIED']);
      for (const ev of events) {
        expect(ev.object).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1' });
        expect(ev.object.rows).toHaveLength(1);
        expect(ev.object.rows[0].object.metadata.namespace).toBe(namespace);
      }
      expect(events[0]!.object.columnDefinitions.length).toBeGreaterThan(0);
      expect(events[1]!.object.columnDefinitions).toEqual([]);
      expect(requests.map((e) => `${e.method} ${e.path} ${e.status} ${e.accept}`)).toEqual([
        `GET /api/v1/namespaces/${namespace}/pods?watch=1&resourceVersion=${list.resourceVersion} 200 ${TABLE_ACCEPT}`,
      ]);
    });

    it('watch without a resourceVersion: ADDED for every object there is, plain objects', async () => {
      const list = await f.jane.list(PODS, { namespace: f.namespace });
      const events = await watchEvents(f.jane, PODS, { namespace: f.namespace }, list.rows.length);
      expect(events.every((e) => e.type === 'ADDED' && e.object.kind === 'Pod')).toBe(true);
      expect(events.map((e) => e.object.metadata.name).sort()).toEqual(
        list.rows.map((r) => r.object!.metadata!.name).sort(),
      );
    });

    it('a refused watch: `done` rejects with the 403', async () => {
      const handle = f.jane.watch(f.forbidden, { namespace: f.namespace }, () => {});
      const e = await rejection(handle.done);
      expect(e).toMatchObject({ kind: 'http', status: 403, reason: 'Forbidden' });
    });

    it('streamText follows a pod log: text as it arrives, stop() ends `done`', async () => {
      const { namespace, name, container } = f.logPod;
      const path = podLogFollowPath(namespace, name, container);
      const {
        result: { text, done },
        events,
      } = await eventsOf(f.admin, () => firstLines(f.admin, path));
      expect(text.length).toBeGreaterThan(1);
      await expect(done).resolves.toBeUndefined();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        method: 'GET',
        path,
        accept: '*/*',
        status: 200,
        contentType: 'text/plain; charset=utf-8',
      });
    });

    it('streamText of a pod that does not exist: `done` rejects with the 404', async () => {
      const handle = f.admin.streamText(podLogFollowPath(f.logPod.namespace, 'no-such-pod', 'c'), {}, () => {});
      const e = await rejection(handle.done);
      expect(e).toMatchObject({
        kind: 'http',
        status: 404,
        reason: 'NotFound',
        serverMessage: 'pods "no-such-pod" not found',
      });
    });

    it('the self-reviews: who jane is, her rules, single verbs; each one POST with its event', async () => {
      const review = async () => ({
        user: await f.jane.selfSubjectReview(),
        rules: await f.jane.selfSubjectRulesReview(f.namespace),
        list: await f.jane.selfSubjectAccessReview({
          verb: 'list',
          group: '',
          version: 'v1',
          resource: 'pods',
          namespace: f.namespace,
        }),
        del: await f.jane.selfSubjectAccessReview({
          verb: 'delete',
          group: '',
          version: 'v1',
          resource: 'pods',
          namespace: f.namespace,
        }),
        refused: await f.jane.selfSubjectAccessReview({
          verb: 'list',
          group: f.forbidden.group,
          version: f.forbidden.version,
          resource: f.forbidden.resource,
          namespace: f.namespace,
        }),
      });
      const { result, events } = await eventsOf(f.jane, review);
      expect(result.user.username).toBe('jane');
      expect(result.user.groups).toEqual(['dev', 'system:authenticated']);
      expect(result.rules.incomplete).toBe(false);
      expect(evaluateRules(result.rules.resourceRules, '', 'pods', ['get', 'list', 'watch', 'delete'])).toEqual({
        get: true,
        list: true,
        watch: true,
        delete: false,
      });
      expect(evaluateRules(result.rules.resourceRules, f.forbidden.group, f.forbidden.resource, ['list'])).toEqual({
        list: false,
      });
      expect([result.list, result.del, result.refused]).toEqual([true, false, false]);
      expect(events.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
        `POST ${SELF_SUBJECT_REVIEW_PATH} 201`,
        `POST ${SELF_SUBJECT_RULES_REVIEW_PATH} 201`,
        `POST ${SELF_SUBJECT_ACCESS_REVIEW_PATH} 201`,
        `POST ${SELF_SUBJECT_ACCESS_REVIEW_PATH} 201`,
        `POST ${SELF_SUBJECT_ACCESS_REVIEW_PATH} 201`,
      ]);
      expect(events[0]!.kubectl).toContain('auth whoami');
      expect(JSON.parse(/--data-raw '([^']*)'/.exec(events[1]!.curl)![1]!)).toEqual({
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectRulesReview',
        spec: { namespace: f.namespace },
      });
    });

    it('onRequest: ids grow, unsubscribing stops the events, a throwing listener breaks nothing', async () => {
      const seen: RequestEvent[] = [];
      const offThrowing = f.jane.onRequest(() => {
        throw new Error('listener bug');
      });
      const off = f.jane.onRequest((ev) => seen.push(ev));
      await f.jane.getRaw('/version');
      await f.jane.getRaw('/healthz');
      off();
      offThrowing();
      await f.jane.getRaw('/version');
      expect(seen.map((e) => e.path)).toEqual(['/version', '/healthz']);
      expect(seen[1]!.id).toBeGreaterThan(seen[0]!.id);
      expect(
        seen.every(
          (e) => e.startedAt > 0 && e.durationMs >= 0 && e.curl.startsWith('curl ') && e.kubectl.startsWith('kubectl '),
        ),
      ).toBe(true);
    });
  });
}

contract('FakeApi', () => {
  const api = new FakeApi({ pods: 3 });
  return {
    jane: api,
    namespace: 'default',
    forbidden: { group: 'stable.example.com', version: 'v1', resource: 'crontabs', namespaced: true },
    admin: api,
    live: {
      namespace: 'default',
      change: () =>
        api.change('MODIFIED', 'v1/pods', obj('Pod', 'v1', 'default', 'web-0', { status: { phase: 'Running' } })),
    },
    logPod: { namespace: 'default', name: 'web-0', container: 'web' },
  };
});

describe('ApiClient on the sandbox', () => {
  let sb: Sandbox;
  const clients: ApiClient[] = [];
  let logPod: Fixture['logPod'];
  useSandbox('kapi-contract-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));
  beforeAll(async () => {
    for (const kubeconfig of [sb.files!.kubeconfigJane, sb.files!.kubeconfig])
      clients.push(new ApiClient(await connect({ kubeconfig })));
    const pod = (await clients[1]!.list(PODS, { namespace: 'team-a', table: false, limit: 1 })).items[0] as {
      metadata: { name: string };
      spec: { containers: { name: string }[] };
    };
    logPod = { namespace: 'team-a', name: pod.metadata.name, container: pod.spec.containers[0].name };
  });
  afterAll(() => {
    for (const c of clients) c.close();
  });

  contract('ApiClient', () => ({
    jane: clients[0]!,
    namespace: 'team-a',
    forbidden: { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true },
    admin: clients[1]!,
    live: { namespace: 'demo', change: () => sb.store.tick() },
    logPod,
  }));
});
