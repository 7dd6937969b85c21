import { describe, expect, it } from 'vitest';
import { ObjectStore, type WatchEvent } from '../src/sandbox/objects.js';

const podsIn = (s: ObjectStore, ns?: string) => s.list('', 'v1', 'pods', ns);
const isSorted = (items: any[]) =>
  items.every((o, i) => {
    if (i === 0) return true;
    const a = items[i - 1].metadata;
    const b = o.metadata;
    const an = a.namespace ?? '';
    const bn = b.namespace ?? '';
    return an < bn || (an === bn && a.name < b.name);
  });

describe('ObjectStore: lists and gets', () => {
  const store = new ObjectStore();

  it('lists pods in team-a as full v1 Pods, sorted by name', () => {
    const pods = podsIn(store, 'team-a');
    expect(pods.length).toBeGreaterThanOrEqual(4);
    for (const p of pods) {
      expect(p.kind).toBe('Pod');
      expect(p.apiVersion).toBe('v1');
      expect(p.metadata.namespace).toBe('team-a');
      expect(p.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(p.metadata.resourceVersion).toMatch(/^\d+$/);
      expect(p.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(p.spec.containers.length).toBeGreaterThan(0);
    }
    expect(isSorted(pods)).toBe(true);
    expect(pods.some((p) => p.metadata.name === 'db-0')).toBe(true);
    expect(pods.filter((p) => p.metadata.name.startsWith('web-')).length).toBe(3);
  });

  it('lists all namespaces sorted by namespace then name', () => {
    const all = podsIn(store);
    expect(isSorted(all)).toBe(true);
    const namespaces = new Set(all.map((p) => p.metadata.namespace));
    expect([...namespaces]).toEqual(expect.arrayContaining(['kube-system', 'team-a', 'team-b', 'demo']));
  });

  it('gets one object by name, and undefined for unknown names and resources', () => {
    const db = store.get('', 'v1', 'pods', 'team-a', 'db-0');
    expect(db).toBeDefined();
    expect(db.kind).toBe('Pod');
    expect(db.apiVersion).toBe('v1');
    expect(db.metadata.ownerReferences[0]).toMatchObject({ kind: 'StatefulSet', name: 'db', controller: true });
    expect(db.status.containerStatuses[0].restartCount).toBe(0);
    expect(store.get('', 'v1', 'pods', 'team-a', 'nope')).toBeUndefined();
    expect(store.get('', 'v1', 'pods', 'team-b', 'db-0')).toBeUndefined();
    expect(store.get('example.com', 'v1', 'widgets', 'team-a', 'x')).toBeUndefined();
    expect(store.list('example.com', 'v1', 'widgets')).toEqual([]);
    expect(store.list('', 'v1', 'pods', 'no-such-namespace')).toEqual([]);
  });

  it('serves cluster-scoped resources: namespaces, nodes, storage, rbac', () => {
    const ns = store.list('', 'v1', 'namespaces').map((n) => n.metadata.name);
    expect(ns).toEqual(['default', 'demo', 'kube-node-lease', 'kube-public', 'kube-system', 'team-a', 'team-b']);
    const nodes = store.list('', 'v1', 'nodes');
    expect(nodes).toHaveLength(3);
    expect(nodes.filter((n) => 'node-role.kubernetes.io/control-plane' in n.metadata.labels)).toHaveLength(1);
    for (const n of nodes) {
      expect(n.kind).toBe('Node');
      expect(n.metadata.namespace).toBeUndefined();
      expect(n.status.conditions.find((c: any) => c.type === 'Ready').status).toBe('True');
      expect(n.status.nodeInfo.kubeletVersion).toMatch(/^v1\.\d+\.\d+$/);
      expect(n.status.capacity.pods).toBe('110');
    }
    expect(store.list('storage.k8s.io', 'v1', 'storageclasses').length).toBeGreaterThan(0);
    expect(store.list('', 'v1', 'persistentvolumes')[0].spec.claimRef.name).toBe('data-db-0');
    const roles = store.list('rbac.authorization.k8s.io', 'v1', 'clusterroles').map((r) => r.metadata.name);
    expect(roles).toEqual(expect.arrayContaining(['cluster-admin', 'admin', 'edit', 'view']));
    expect(store.list('scheduling.k8s.io', 'v1', 'priorityclasses').map((p) => p.metadata.name)).toContain(
      'system-node-critical',
    );
    const crd = store.get(
      'apiextensions.k8s.io',
      'v1',
      'customresourcedefinitions',
      undefined,
      'crontabs.stable.example.com',
    );
    expect(crd.spec.names.kind).toBe('CronTab');
  });

  it('models workloads with owner references', () => {
    const web = store.get('apps', 'v1', 'deployments', 'team-a', 'web');
    expect(web.kind).toBe('Deployment');
    expect(web.apiVersion).toBe('apps/v1');
    const rsets = store.list('apps', 'v1', 'replicasets', 'team-a');
    for (const p of podsIn(store, 'team-a').filter((p) => p.metadata.name.startsWith('web-'))) {
      const owner = p.metadata.ownerReferences[0];
      expect(owner.kind).toBe('ReplicaSet');
      const rs = rsets.find((r) => r.metadata.name === owner.name);
      expect(rs).toBeDefined();
      expect(rs.metadata.uid).toBe(owner.uid);
      expect(rs.metadata.ownerReferences[0]).toMatchObject({ kind: 'Deployment', name: 'web', uid: web.metadata.uid });
    }
    expect(store.list('apps', 'v1', 'daemonsets', 'kube-system')[0].metadata.name).toBe('kube-proxy');
    expect(podsIn(store, 'kube-system').filter((p) => p.metadata.name.startsWith('kube-proxy-'))).toHaveLength(3);
    expect(store.list('batch', 'v1', 'cronjobs', 'team-a')).toHaveLength(1);
    expect(store.list('batch', 'v1', 'jobs').length).toBeGreaterThanOrEqual(2);
  });

  it('has one CrashLoopBackOff pod, one Pending pod, and mostly Running', () => {
    const all = podsIn(store);
    const crash = all.filter((p) =>
      p.status.containerStatuses?.some((c: any) => c.state.waiting?.reason === 'CrashLoopBackOff'),
    );
    expect(crash).toHaveLength(1);
    expect(crash[0].metadata.namespace).toBe('demo');
    expect(crash[0].status.containerStatuses[0].restartCount).toBeGreaterThan(0);
    const pending = all.filter((p) => p.status.phase === 'Pending');
    expect(pending).toHaveLength(1);
    expect(pending[0].spec.nodeName).toBeUndefined();
    expect(all.filter((p) => p.status.phase === 'Running').length).toBeGreaterThan(all.length / 2);
    for (const p of all.filter((p) => p.status.phase === 'Running')) {
      expect(p.status.podIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(p.status.hostIP).toMatch(/^172\.18\.0\.\d$/);
      expect(p.spec.nodeName).toMatch(/^sandbox-/);
    }
  });

  it('has services, endpoints and endpointslices that agree', () => {
    const kube = store.get('', 'v1', 'services', 'default', 'kubernetes');
    expect(kube.spec.clusterIP).toBe('10.96.0.1');
    expect(store.get('', 'v1', 'services', 'team-a', 'web-nodeport').spec.type).toBe('NodePort');
    const ep = store.get('', 'v1', 'endpoints', 'team-a', 'web');
    expect(ep.subsets[0].addresses).toHaveLength(3);
    const slices = store
      .list('discovery.k8s.io', 'v1', 'endpointslices', 'team-a')
      .filter((s) => s.metadata.labels['kubernetes.io/service-name'] === 'web');
    expect(slices).toHaveLength(1);
    expect(slices[0].apiVersion).toBe('discovery.k8s.io/v1');
    expect(slices[0].endpoints.map((e: any) => e.addresses[0]).sort()).toEqual(
      ep.subsets[0].addresses.map((a: any) => a.ip).sort(),
    );
  });

  it('has configmaps, base64 secrets and serviceaccounts in every namespace', () => {
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'team-a', 'team-b', 'demo']) {
      expect(store.get('', 'v1', 'configmaps', ns, 'kube-root-ca.crt').data['ca.crt']).toContain('BEGIN CERTIFICATE');
      expect(store.get('', 'v1', 'serviceaccounts', ns, 'default')).toBeDefined();
    }
    const secrets = store.list('', 'v1', 'secrets');
    for (const s of secrets) {
      for (const v of Object.values<string>(s.data)) {
        expect(v).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
        expect(Buffer.from(v, 'base64').toString('base64')).toBe(v);
      }
    }
    const creds = store.get('', 'v1', 'secrets', 'team-a', 'db-credentials');
    expect(creds.type).toBe('Opaque');
    expect(Buffer.from(creds.data.password, 'base64').toString()).toBe('s3cr3t-Passw0rd!');
    expect(Buffer.from(creds.data.username, 'base64').toString()).toBe('shop');
    const types = new Set(secrets.map((s) => s.type));
    expect(types).toContain('kubernetes.io/tls');
    expect(types).toContain('kubernetes.io/service-account-token');
  });

  it('grants jane get/list/watch on pods in team-a', () => {
    const role = store.get('rbac.authorization.k8s.io', 'v1', 'roles', 'team-a', 'pod-reader');
    expect(role.rules).toEqual([{ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] }]);
    const rb = store
      .list('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'team-a')
      .find((b) => b.roleRef.name === 'pod-reader');
    expect(rb.subjects).toContainEqual({ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'jane' });
  });

  it('serves the requested version: autoscaling v1 vs v2, events.k8s.io view of events', () => {
    const v2 = store.get('autoscaling', 'v2', 'horizontalpodautoscalers', 'team-a', 'web');
    const v1 = store.get('autoscaling', 'v1', 'horizontalpodautoscalers', 'team-a', 'web');
    expect(v2.apiVersion).toBe('autoscaling/v2');
    expect(v2.spec.metrics[0].resource.name).toBe('cpu');
    expect(v1.apiVersion).toBe('autoscaling/v1');
    expect(v1.spec.targetCPUUtilizationPercentage).toBe(80);
    expect(store.list('autoscaling', 'v1', 'horizontalpodautoscalers')[0].apiVersion).toBe('autoscaling/v1');
    const core = store.list('', 'v1', 'events', 'demo');
    const ev = store.list('events.k8s.io', 'v1', 'events', 'demo');
    expect(core.length).toBeGreaterThan(0);
    expect(ev).toHaveLength(core.length);
    expect(ev[0].apiVersion).toBe('events.k8s.io/v1');
    expect(ev[0].regarding.name).toBe(core[0].involvedObject.name);
    expect(ev[0].note).toBe(core[0].message);
  });

  it('has crontabs (stable.example.com/v1) in team-a and demo', () => {
    const cts = store.list('stable.example.com', 'v1', 'crontabs');
    expect(cts.map((c) => c.metadata.namespace)).toEqual(['demo', 'team-a']);
    for (const c of cts) {
      expect(c.kind).toBe('CronTab');
      expect(c.apiVersion).toBe('stable.example.com/v1');
      expect(typeof c.spec.cronSpec).toBe('string');
      expect(typeof c.spec.image).toBe('string');
      expect(typeof c.spec.replicas).toBe('number');
    }
  });

  it('puts managedFields on some objects and leases in kube-node-lease', () => {
    expect(store.get('apps', 'v1', 'deployments', 'team-a', 'web').metadata.managedFields.length).toBeGreaterThan(0);
    expect(
      store.list('coordination.k8s.io', 'v1', 'leases', 'kube-node-lease').map((l) => l.metadata.name),
    ).toHaveLength(3);
  });

  it('is deterministic', () => {
    const other = new ObjectStore();
    for (const [g, r] of [
      ['', 'pods'],
      ['', 'secrets'],
      ['apps', 'deployments'],
      ['', 'events'],
    ] as const) {
      expect(JSON.stringify(other.list(g, 'v1', r))).toBe(JSON.stringify(store.list(g, 'v1', r)));
    }
    expect(other.resourceVersion()).toBe(store.resourceVersion());
  });

  it('returns realistic pod logs', () => {
    const web = podsIn(store, 'team-a').find((p) => p.metadata.name.startsWith('web-'))!;
    const log = store.podLog('team-a', web.metadata.name)!;
    expect(log.split('\n').length).toBeGreaterThan(10);
    expect(log).toMatch(/\[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\] "GET /);
    expect(store.podLog('team-a', 'db-0')).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC \[1\] LOG: {2}starting PostgreSQL/m,
    );
    expect(store.podLog('team-a', 'nope')).toBeUndefined();
  });
});

describe('ObjectStore: changes and watches', () => {
  it('tick bumps the global resourceVersion', () => {
    const store = new ObjectStore();
    const rv0 = Number(store.resourceVersion());
    expect(store.resourceVersion()).toMatch(/^\d+$/);
    for (const p of podsIn(store)) expect(Number(p.metadata.resourceVersion)).toBeLessThanOrEqual(rv0);
    store.tick();
    const rv1 = Number(store.resourceVersion());
    expect(rv1).toBeGreaterThan(rv0);
    store.tick();
    expect(Number(store.resourceVersion())).toBeGreaterThan(rv1);
  });

  it('sends MODIFIED to a watcher of the matching namespace, nothing to others, and stops after unsubscribe', () => {
    const store = new ObjectStore();
    const demo: WatchEvent[] = [];
    const teamA: WatchEvent[] = [];
    const all: WatchEvent[] = [];
    const stopDemo = store.watch('', 'v1', 'pods', 'demo', (e) => demo.push(e));
    store.watch('', 'v1', 'pods', 'team-a', (e) => teamA.push(e));
    store.watch('', 'v1', 'pods', undefined, (e) => all.push(e));
    expect(demo).toHaveLength(0); // no replay of existing objects

    const before = Number(store.resourceVersion());
    store.tick();
    expect(demo.length).toBeGreaterThan(0);
    expect(demo[0]!.type).toBe('MODIFIED');
    expect(demo[0]!.object.kind).toBe('Pod');
    expect(demo[0]!.object.apiVersion).toBe('v1');
    expect(demo[0]!.object.metadata.namespace).toBe('demo');
    expect(Number(demo[0]!.object.metadata.resourceVersion)).toBeGreaterThan(before);
    expect(store.get('', 'v1', 'pods', 'demo', demo[0]!.object.metadata.name).metadata.resourceVersion).toBe(
      demo[0]!.object.metadata.resourceVersion,
    );
    expect(teamA).toHaveLength(0);
    expect(all.length).toBe(demo.length);

    stopDemo();
    const n = demo.length;
    store.tick();
    store.tick();
    expect(demo).toHaveLength(n);
    expect(all.length).toBeGreaterThan(n);
  });

  it('restarts the crash-looping pod: restartCount grows', () => {
    const store = new ObjectStore();
    const crashy = () => podsIn(store, 'demo').find((p) => p.metadata.name.startsWith('crashy-'))!;
    const first = crashy();
    const r0 = first.status.containerStatuses[0].restartCount;
    store.tick();
    store.tick();
    expect(crashy().status.containerStatuses[0].restartCount).toBe(r0 + 1);
    // objects handed out earlier are not mutated
    expect(first.status.containerStatuses[0].restartCount).toBe(r0);
  });

  it('adds events every few ticks and replaces a frontend pod every fifth tick', () => {
    const store = new ObjectStore();
    const pods: WatchEvent[] = [];
    const events: WatchEvent[] = [];
    const newEvents: WatchEvent[] = [];
    const slices: WatchEvent[] = [];
    store.watch('', 'v1', 'pods', 'demo', (e) => pods.push(e));
    store.watch('', 'v1', 'events', 'demo', (e) => events.push(e));
    store.watch('events.k8s.io', 'v1', 'events', undefined, (e) => newEvents.push(e));
    store.watch('discovery.k8s.io', 'v1', 'endpointslices', 'demo', (e) => slices.push(e));
    const eventsBefore = store.list('', 'v1', 'events', 'demo').length;
    for (let i = 0; i < 5; i++) store.tick();
    expect(events.filter((e) => e.type === 'ADDED').length).toBeGreaterThan(0);
    expect(store.list('', 'v1', 'events', 'demo').length).toBeGreaterThan(eventsBefore);
    expect(newEvents.length).toBe(events.length);
    expect(newEvents[0]!.object.apiVersion).toBe('events.k8s.io/v1');
    const deleted = pods.filter((e) => e.type === 'DELETED');
    const added = pods.filter((e) => e.type === 'ADDED');
    expect(deleted).toHaveLength(1);
    expect(added).toHaveLength(1);
    expect(deleted[0]!.object.metadata.name).not.toBe(added[0]!.object.metadata.name);
    expect(store.get('', 'v1', 'pods', 'demo', deleted[0]!.object.metadata.name)).toBeUndefined();
    expect(store.get('', 'v1', 'pods', 'demo', added[0]!.object.metadata.name)).toBeDefined();
    expect(slices.filter((e) => e.type === 'MODIFIED')).toHaveLength(1);
    expect(slices[0]!.object.endpoints.map((e: any) => e.targetRef.name)).toContain(added[0]!.object.metadata.name);
    // every event carries a resourceVersion that increases
    const rvs = pods.map((e) => Number(e.object.metadata.resourceVersion));
    expect([...rvs].sort((a, b) => a - b)).toEqual(rvs);
  });
});

describe('ObjectStore: generated bench pods', () => {
  it('pods=1000 adds >= 1000 pods over bench-0..bench-9', () => {
    const store = new ObjectStore({ pods: 1000 });
    const all = podsIn(store);
    const bench = all.filter((p) => p.metadata.namespace.startsWith('bench-'));
    expect(bench.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(bench.map((p) => p.metadata.namespace)).size).toBe(10);
    expect(isSorted(all)).toBe(true);
    const ns = store.list('', 'v1', 'namespaces').map((n) => n.metadata.name);
    for (let i = 0; i < 10; i++) expect(ns).toContain(`bench-${i}`);
    const shard = podsIn(store, 'bench-3');
    expect(shard).toHaveLength(100);
    expect(isSorted(shard)).toBe(true);
    const p = store.get('', 'v1', 'pods', 'bench-3', shard[7].metadata.name);
    expect(p).toBe(shard[7]);
    expect(p.kind).toBe('Pod');
    expect(p.status.phase).toBe('Running');
    expect(store.get('', 'v1', 'pods', 'bench-4', shard[7].metadata.name)).toBeUndefined();
    expect(Number(store.resourceVersion())).toBeGreaterThanOrEqual(
      Math.max(...bench.map((b) => Number(b.metadata.resourceVersion))),
    );
    expect(store.podLog('bench-3', shard[0].metadata.name)).toContain('request completed');
  });

  it('builds 50000 pods into the bench namespaces', () => {
    const store = new ObjectStore({ pods: 50000 });
    expect(podsIn(store).length).toBe(50000 + podsIn(new ObjectStore()).length);
    expect(podsIn(store, 'bench-9')).toHaveLength(5000);
  });
});
