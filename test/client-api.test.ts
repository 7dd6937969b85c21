// ApiClient against the sandbox: discovery (aggregated vs legacy), lists, pagination, watch, request events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import { KubeError } from '../src/client/errors.js';
import type { WatchEventMessage } from '../src/client/types.js';
import type { Discovery, RequestEvent, ResourceRef } from '../src/model/types.js';
import { startSandbox, tempDir } from './helpers/client.js';
import { listPages } from './helpers/list-pages.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const PODS: ResourceRef = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const DEPLOYMENTS: ResourceRef = { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true };

/** The discovery tree without raw documents and ordering differences. */
function tree(d: Discovery) {
  return d.groups.map((g) => ({
    name: g.name,
    preferredVersion: g.preferredVersion,
    versions: g.versions.map((v) => ({
      groupVersion: v.groupVersion,
      preferred: v.preferred,
      resources: [...v.resources]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(({ raw: _raw, ...r }) => ({
          ...r,
          verbs: [...r.verbs].sort(),
          subresources: [...r.subresources]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((s) => ({ ...s, verbs: [...s.verbs].sort() })),
        })),
    })),
  }));
}

describe('ApiClient against the sandbox', () => {
  let sb: Sandbox;
  let tmp: ReturnType<typeof tempDir>;
  let api: ApiClient;
  const events: RequestEvent[] = [];

  beforeAll(async () => {
    tmp = tempDir();
    sb = await startSandbox({ dir: tmp.dir, watchIntervalMs: 100 });
    api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
    api.onRequest((ev) => events.push(ev));
  });
  afterAll(async () => {
    api?.close();
    await sb?.close();
    tmp?.remove();
  });

  it('aggregated and legacy discovery give the same tree', async () => {
    const agg = await api.discover();
    expect(agg.format).toBe('aggregated');
    expect(agg.requests).toBe(2);
    expect(Object.keys(agg.rawDocuments)).toEqual(['/api', '/apis']);
    const legacy = await api.discover({ legacy: true });
    expect(legacy.format).toBe('legacy');
    const gvCount = legacy.groups.reduce((n, g) => n + g.versions.length, 0);
    expect(legacy.requests).toBe(2 + gvCount);
    expect(legacy.failures).toEqual([]);
    expect(tree(legacy)).toEqual(tree(agg));

    const core = agg.groups[0]!;
    expect(core.name).toBe('');
    const pods = core.versions[0]!.resources.find((r) => r.name === 'pods')!;
    expect(pods.namespaced).toBe(true);
    expect(pods.subresources.map((s) => s.name)).toContain('log');
    const apps = agg.groups.find((g) => g.name === 'apps')!;
    const scale = apps.versions[0]!.resources.find((r) => r.name === 'deployments')!.subresources.find(
      (s) => s.name === 'scale',
    )!;
    expect(scale).toMatchObject({ kind: 'Scale', group: 'autoscaling', version: 'v1' });
    expect(agg.groups.every((g) => g.versions[0]!.preferred && g.versions[0]!.version === g.preferredVersion)).toBe(
      true,
    );
  });

  it('legacy discovery hands over its groups as they arrive: all named at once, then one more filled each time', async () => {
    const partials: { partial?: boolean; filled: number; groups: number }[] = [];
    const final = await api.discover({
      legacy: true,
      onPartial: (d) =>
        partials.push({
          partial: d.partial,
          filled: d.groups.flatMap((g) => g.versions).filter((v) => v.resources.length > 0).length,
          groups: d.groups.length,
        }),
    });
    const gvCount = final.groups.reduce((n, g) => n + g.versions.length, 0);
    expect(partials).toEqual(
      Array.from({ length: gvCount + 1 }, (_, i) => ({ partial: true, filled: i, groups: final.groups.length })),
    );
    expect(final.partial).toBeUndefined();
    // Aggregated discovery has everything in its two documents: nothing partial to hand over.
    const none: unknown[] = [];
    await api.discover({ onPartial: (d) => none.push(d) });
    expect(none).toEqual([]);
  });

  it('a constructor option forces legacy discovery', async () => {
    const legacyApi = new ApiClient(api.connection, { legacyDiscovery: true });
    const d = await legacyApi.discover();
    expect(d.format).toBe('legacy');
    expect(d.rawDocuments['/apis/apps/v1']).toMatchObject({ kind: 'APIResourceList', groupVersion: 'apps/v1' });
    legacyApi.close();
  });

  it('lists as Table and as objects', async () => {
    const table = await api.list(PODS, { namespace: 'team-a' });
    expect(table.format).toBe('table');
    expect(table.columns[0]).toMatchObject({ name: 'Name', format: 'name' });
    expect(table.rows.length).toBeGreaterThan(0);
    expect(table.rows[0]!.cells).toHaveLength(table.columns.length);
    expect(table.rows[0]!.object?.metadata?.namespace).toBe('team-a');
    expect(table.resourceVersion).toBeTruthy();
    expect(table.bytes).toBeGreaterThan(0);
    const ev = events.at(-1)!;
    expect(ev.path).toBe('/api/v1/namespaces/team-a/pods?limit=500');
    expect(ev.accept).toBe('application/json;as=Table;v=v1;g=meta.k8s.io,application/json');
    expect(ev.status).toBe(200);
    expect(ev.bytes).toBe(table.bytes);
    expect(ev.responseHeaders?.['content-type']).toMatch(/application\/json/);
    expect(ev.responseHeaders?.['audit-id']).toBeTruthy();
    // A Table list is kubectl get's own table (no -o json); the context is named, whatever the file's current one.
    expect(ev.kubectl).toBe(`kubectl --kubeconfig ${sb.files!.kubeconfig} --context kapi-sandbox get pods -n team-a`);

    const objects = await api.list(DEPLOYMENTS, { table: false });
    expect(objects.format).toBe('objects');
    expect(objects.items.length).toBeGreaterThan(0);
    expect(events.at(-1)!.kubectl).toContain('get deployments.apps -A -o json');
  });

  it('pages follow continue tokens (limit 2)', async () => {
    // kube-system: the sandbox's ticker only changes namespace demo, so both listings agree.
    const all = await api.list(PODS, { namespace: 'kube-system', limit: 500 });
    expect(all.rows.length).toBeGreaterThan(4);
    expect(all.continueToken).toBeUndefined();
    const before = events.length;
    const pages = await listPages(api, PODS, { namespace: 'kube-system', limit: 2 });
    expect(pages.length).toBe(Math.ceil(all.rows.length / 2));
    expect(pages.every((p) => p.rows.length <= 2)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.continueToken)).toBe(true);
    const names = pages.flatMap((p) =>
      p.rows.map((r) => `${r.object?.metadata?.namespace}/${r.object?.metadata?.name}`),
    );
    expect(names).toEqual(all.rows.map((r) => `${r.object?.metadata?.namespace}/${r.object?.metadata?.name}`));
    expect(events.length - before).toBe(pages.length);
    expect(events.at(-1)!.path).toMatch(/[?&]continue=/);
  });

  it('get returns the object; getRaw handles JSON and text', async () => {
    const page = await api.list(PODS, { namespace: 'team-a' });
    const name = page.rows[0]!.object!.metadata!.name!;
    const r = await api.get(PODS, 'team-a', name);
    expect(r.status).toBe(200);
    expect((r.json as { metadata: { name: string } }).metadata.name).toBe(name);
    expect(events.at(-1)!.kubectl).toContain(`get pods ${name} -n team-a -o json`);

    const health = await api.getRaw('/healthz');
    expect(health.body).toBe('ok');
    expect(health.json).toBeUndefined();
    expect(health.contentType).toMatch(/text\/plain/);

    const e = await api.getRaw('/nope').catch((x: unknown) => x as KubeError);
    expect(e).toBeInstanceOf(KubeError);
    expect((e as KubeError).status).toBe(404);
    expect((e as KubeError).serverMessage).toBe('404 page not found');
  });

  it('every request emits exactly one event with a unique id', async () => {
    const before = events.length;
    await Promise.all([api.version(), api.getRaw('/readyz'), api.getRaw('/missing').catch(() => undefined)]);
    const mine = events.slice(before);
    expect(mine).toHaveLength(3);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const failed = mine.find((e) => e.path === '/missing')!;
    expect(failed.status).toBe(404);
    expect(failed.error).toBeTruthy();
    for (const e of mine) {
      expect(e.method).toBe('GET');
      expect(e.durationMs).toBeGreaterThanOrEqual(0);
      expect(e.startedAt).toBeGreaterThan(0);
      expect(e.curl).toMatch(/^curl --cert /);
    }
  });

  it('watch delivers events, stop() settles done', async () => {
    const received: WatchEventMessage[] = [];
    const before = events.length;
    let first!: () => void;
    const gotOne = new Promise<void>((r) => (first = r));
    const h = api.watch(PODS, { namespace: 'team-a' }, (ev) => {
      received.push(ev);
      first();
    });
    await gotOne;
    h.stop();
    await h.done;
    expect(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK']).toContain(received[0]!.type);
    expect(received[0]!.object).toBeTruthy();
    const watchEvents = events.slice(before);
    expect(watchEvents).toHaveLength(1);
    expect(watchEvents[0]!.path).toBe('/api/v1/namespaces/team-a/pods?watch=1');
    expect(watchEvents[0]!.status).toBe(200);
  });

  it('watch from the current resourceVersion sees a change from the ticker', async () => {
    const list = await api.list(PODS, { table: false });
    const received: WatchEventMessage[] = [];
    let first!: () => void;
    const gotOne = new Promise<void>((r) => (first = r));
    const h = api.watch(PODS, { resourceVersion: list.resourceVersion }, (ev) => {
      received.push(ev);
      first();
    });
    await gotOne;
    h.stop();
    await h.done;
    expect(received[0]!.object?.metadata?.resourceVersion).toBeTruthy();
    expect(Number(received[0]!.object.metadata.resourceVersion)).toBeGreaterThan(Number(list.resourceVersion));
  });

  it('a forbidden watch rejects done with a KubeError', async () => {
    const jane = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfigJane }));
    const h = jane.watch(PODS, {}, () => {});
    await expect(h.done).rejects.toMatchObject({ kind: 'http', status: 403 });
    jane.close();
  });
});
