import { describe, expect, it } from 'vitest';
import { ObjectStore } from '../src/sandbox/objects.js';
import { humanDuration, tableColumns, toTable } from '../src/sandbox/tables.js';

const store = new ObjectStore();
const table = (
  group: string,
  version: string,
  resource: string,
  ns?: string,
  include: 'None' | 'Metadata' | 'Object' = 'Metadata',
  now?: number,
): any =>
  toTable(
    group,
    resource,
    store.list(group, version, resource, ns),
    { resourceVersion: store.resourceVersion() },
    include,
    now,
  );
const names = (t: any) => t.columnDefinitions.map((c: any) => c.name.toUpperCase());
const defaults = (t: any) =>
  t.columnDefinitions.filter((c: any) => c.priority === 0).map((c: any) => c.name.toUpperCase());
const cell = (t: any, rowName: string, column: string) => {
  const i = t.columnDefinitions.findIndex((c: any) => c.name.toUpperCase() === column);
  const nameIdx = t.columnDefinitions.findIndex((c: any) => c.format === 'name');
  const row = t.rows.find((r: any) => r.cells[nameIdx] === rowName || String(r.cells[nameIdx]).startsWith(rowName));
  return row?.cells[i];
};

describe('toTable', () => {
  it('has the Table shape with list metadata', () => {
    const t: any = toTable(
      '',
      'pods',
      store.list('', 'v1', 'pods', 'team-a'),
      { resourceVersion: '123', continue: 'tok', remainingItemCount: 7 },
      'Metadata',
    );
    expect(Object.keys(t)).toEqual(['kind', 'apiVersion', 'metadata', 'columnDefinitions', 'rows']);
    expect(t.kind).toBe('Table');
    expect(t.apiVersion).toBe('meta.k8s.io/v1');
    expect(t.metadata).toEqual({ resourceVersion: '123', continue: 'tok', remainingItemCount: 7 });
    const plain: any = toTable('', 'pods', [], { resourceVersion: '5' }, 'None');
    expect(plain.metadata).toEqual({ resourceVersion: '5' });
    expect(plain.rows).toEqual([]);
  });

  it('gives pods the kubectl columns: NAME READY STATUS RESTARTS AGE, then the -o wide ones', () => {
    const t = table('', 'v1', 'pods');
    expect(names(t).slice(0, 5)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(defaults(t)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(names(t).slice(5)).toEqual(['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    expect(t.columnDefinitions.slice(5).every((c: any) => c.priority === 1)).toBe(true);
    for (const c of t.columnDefinitions) {
      expect(Object.keys(c).sort()).toEqual(['description', 'format', 'name', 'priority', 'type']);
      expect(c.description.length).toBeGreaterThan(0);
    }
    expect(t.columnDefinitions[0]).toMatchObject({ name: 'Name', type: 'string', format: 'name', priority: 0 });
    for (const r of t.rows) expect(r.cells).toHaveLength(t.columnDefinitions.length);
  });

  it('computes pod status cells like kubectl', () => {
    const t = table('', 'v1', 'pods');
    const statuses = t.rows.map((r: any) => r.cells[2]);
    expect(statuses.filter((s: string) => s === 'CrashLoopBackOff')).toHaveLength(1);
    expect(statuses.filter((s: string) => s === 'Pending')).toHaveLength(1);
    expect(statuses.filter((s: string) => s === 'Completed').length).toBeGreaterThan(0);
    expect(statuses.filter((s: string) => s === 'Running').length).toBeGreaterThan(10);
    expect(cell(t, 'db-0', 'READY')).toBe('1/1');
    expect(cell(t, 'db-0', 'RESTARTS')).toBe('0');
    expect(cell(t, 'db-0', 'IP')).toBe('10.244.2.5');
    expect(cell(t, 'db-0', 'NODE')).toBe('sandbox-worker2');
    expect(cell(t, 'crashy-', 'READY')).toBe('0/1');
    expect(cell(t, 'crashy-', 'RESTARTS')).toMatch(/^17 \(\S+ ago\)$/);
    const pending = t.rows.find((r: any) => r.cells[2] === 'Pending');
    expect(pending.cells.slice(5, 7)).toEqual(['<none>', '<none>']);
    const completed = t.rows.find((r: any) => r.cells[2] === 'Completed');
    expect(completed.conditions).toEqual([
      { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
    ]);
    expect(t.rows.find((r: any) => r.cells[2] === 'Running').conditions).toBeUndefined();
  });

  it('computes AGE against now, in kubectl short form', () => {
    const pod = store.get('', 'v1', 'pods', 'team-a', 'db-0');
    const created = Date.parse(pod.metadata.creationTimestamp);
    const at = (ms: number) =>
      (toTable('', 'pods', [pod], { resourceVersion: '1' }, 'None', created + ms) as any).rows[0].cells[4];
    expect(at(45_000)).toBe('45s');
    expect(at((3 * 60 + 12) * 60_000)).toBe('3h12m');
    expect(at(5 * 86_400_000)).toBe('5d');
    expect(humanDuration(0)).toBe('0s');
    expect(humanDuration(119_000)).toBe('119s');
    expect(humanDuration(125_000)).toBe('2m5s');
    expect(humanDuration(30 * 60_000)).toBe('30m');
    expect(humanDuration(10 * 3_600_000)).toBe('10h');
    expect(humanDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3d4h');
    expect(humanDuration(400 * 86_400_000)).toBe('400d');
    expect(humanDuration(3 * 365 * 86_400_000 + 20 * 86_400_000)).toBe('3y20d');
    expect(humanDuration(-5000)).toBe('<invalid>');
  });

  it('includes the object as PartialObjectMetadata, full object, or not at all', () => {
    const meta = table('', 'v1', 'pods', 'team-a', 'Metadata');
    expect(meta.rows[0].object.kind).toBe('PartialObjectMetadata');
    expect(meta.rows[0].object.apiVersion).toBe('meta.k8s.io/v1');
    expect(meta.rows[0].object.metadata.name).toBe(meta.rows[0].cells[0]);
    expect(meta.rows[0].object.spec).toBeUndefined();
    const full = table('', 'v1', 'pods', 'team-a', 'Object');
    expect(full.rows[0].object.kind).toBe('Pod');
    expect(full.rows[0].object.spec.containers.length).toBeGreaterThan(0);
    const none = table('', 'v1', 'pods', 'team-a', 'None');
    for (const r of none.rows) expect('object' in r).toBe(false);
    expect(JSON.stringify(none)).not.toContain('"object"');
  });

  it('gives deployments, services, nodes, namespaces, configmaps, secrets and serviceaccounts their kubectl columns', () => {
    const dep = table('apps', 'v1', 'deployments', 'team-a');
    expect(defaults(dep)).toEqual(['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
    expect(names(dep).slice(5)).toEqual(['CONTAINERS', 'IMAGES', 'SELECTOR']);
    expect(dep.rows[0].cells.slice(0, 4)).toEqual(['web', '3/3', 3, 3]);
    expect(dep.rows[0].cells.slice(5)).toEqual(['nginx', 'nginx:1.27.4', 'app=web']);

    const svc = table('', 'v1', 'services');
    expect(defaults(svc)).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    expect(names(svc).slice(6)).toEqual(['SELECTOR']);
    expect(cell(svc, 'web-nodeport', 'PORT(S)')).toBe('80:30080/TCP');
    expect(cell(svc, 'kubernetes', 'CLUSTER-IP')).toBe('10.96.0.1');
    expect(cell(svc, 'kubernetes', 'EXTERNAL-IP')).toBe('<none>');
    expect(cell(svc, 'kube-dns', 'PORT(S)')).toBe('53/UDP,53/TCP,9153/TCP');
    expect(cell(svc, 'frontend', 'EXTERNAL-IP')).toBe('<pending>');

    const nodes = table('', 'v1', 'nodes');
    expect(defaults(nodes)).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION']);
    expect(names(nodes).slice(5)).toEqual([
      'INTERNAL-IP',
      'EXTERNAL-IP',
      'OS-IMAGE',
      'KERNEL-VERSION',
      'CONTAINER-RUNTIME',
    ]);
    expect(cell(nodes, 'sandbox-control-plane', 'ROLES')).toBe('control-plane');
    expect(cell(nodes, 'sandbox-worker', 'ROLES')).toBe('<none>');
    expect(cell(nodes, 'sandbox-worker', 'STATUS')).toBe('Ready');

    expect(names(table('', 'v1', 'namespaces'))).toEqual(['NAME', 'STATUS', 'AGE']);
    const cms = table('', 'v1', 'configmaps', 'team-a');
    expect(names(cms)).toEqual(['NAME', 'DATA', 'AGE']);
    expect(cell(cms, 'web-config', 'DATA')).toBe(2);
    const secrets = table('', 'v1', 'secrets', 'team-a');
    expect(names(secrets)).toEqual(['NAME', 'TYPE', 'DATA', 'AGE']);
    expect(cell(secrets, 'db-credentials', 'TYPE')).toBe('Opaque');
    expect(cell(secrets, 'db-credentials', 'DATA')).toBe(2);
    const sas = table('', 'v1', 'serviceaccounts', 'team-a');
    expect(names(sas)).toEqual(['NAME', 'SECRETS', 'AGE']);
    expect(cell(sas, 'build-robot', 'SECRETS')).toBe(1);
  });

  it('covers workloads, events, networking and storage', () => {
    expect(defaults(table('apps', 'v1', 'replicasets'))).toEqual(['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE']);
    expect(defaults(table('apps', 'v1', 'statefulsets'))).toEqual(['NAME', 'READY', 'AGE']);
    expect(defaults(table('apps', 'v1', 'daemonsets'))).toEqual([
      'NAME',
      'DESIRED',
      'CURRENT',
      'READY',
      'UP-TO-DATE',
      'AVAILABLE',
      'NODE SELECTOR',
      'AGE',
    ]);
    const jobs = table('batch', 'v1', 'jobs', 'team-b');
    expect(defaults(jobs)).toEqual(['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE']);
    expect(jobs.rows[0].cells.slice(0, 3)).toEqual(['db-migrate', 'Complete', '1/1']);
    expect(defaults(table('batch', 'v1', 'cronjobs'))).toEqual([
      'NAME',
      'SCHEDULE',
      'TIMEZONE',
      'SUSPEND',
      'ACTIVE',
      'LAST SCHEDULE',
      'AGE',
    ]);

    const ev = table('', 'v1', 'events', 'demo');
    expect(defaults(ev)).toEqual(['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
    const backoff = ev.rows.find((r: any) => r.cells[2] === 'BackOff');
    expect(backoff.cells[1]).toBe('Warning');
    expect(backoff.cells[3]).toMatch(/^pod\/crashy-/);
    const ev2 = table('events.k8s.io', 'v1', 'events', 'demo');
    expect(ev2.rows.map((r: any) => r.cells.slice(1))).toEqual(ev.rows.map((r: any) => r.cells.slice(1)));

    expect(defaults(table('discovery.k8s.io', 'v1', 'endpointslices'))).toEqual([
      'NAME',
      'ADDRESSTYPE',
      'PORTS',
      'ENDPOINTS',
      'AGE',
    ]);
    const ing = table('networking.k8s.io', 'v1', 'ingresses', 'team-a');
    expect(defaults(ing)).toEqual(['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE']);
    expect(ing.rows[0].cells.slice(0, 5)).toEqual([
      'web',
      'nginx',
      'web.team-a.example.com',
      '172.18.255.200',
      '80, 443',
    ]);
    const pvc = table('', 'v1', 'persistentvolumeclaims', 'team-a');
    expect(defaults(pvc)).toEqual([
      'NAME',
      'STATUS',
      'VOLUME',
      'CAPACITY',
      'ACCESS MODES',
      'STORAGECLASS',
      'VOLUMEATTRIBUTESCLASS',
      'AGE',
    ]);
    expect(pvc.rows[0].cells.slice(0, 2)).toEqual(['data-db-0', 'Bound']);
    expect(pvc.rows[0].cells[4]).toBe('RWO');
    expect(defaults(table('', 'v1', 'persistentvolumes'))).toEqual([
      'NAME',
      'CAPACITY',
      'ACCESS MODES',
      'RECLAIM POLICY',
      'STATUS',
      'CLAIM',
      'STORAGECLASS',
      'VOLUMEATTRIBUTESCLASS',
      'REASON',
      'AGE',
    ]);
    expect(cell(table('storage.k8s.io', 'v1', 'storageclasses'), 'standard', 'NAME')).toBe('standard (default)');
    const rb = table('rbac.authorization.k8s.io', 'v1', 'rolebindings', 'team-a');
    expect(defaults(rb)).toEqual(['NAME', 'ROLE', 'AGE']);
    expect(cell(rb, 'read-pods', 'ROLE')).toBe('Role/pod-reader');
    expect(cell(rb, 'read-pods', 'USERS')).toBe('jane');
  });

  it('uses Name / Created At (date) for built-ins without printers, Name / Age (date) for custom resources', () => {
    for (const [g, r] of [
      ['rbac.authorization.k8s.io', 'roles'],
      ['rbac.authorization.k8s.io', 'clusterroles'],
      ['apiextensions.k8s.io', 'customresourcedefinitions'],
    ] as const) {
      const t = table(g, 'v1', r);
      expect(t.columnDefinitions.map((c: any) => [c.name, c.type, c.format, c.priority])).toEqual([
        ['Name', 'string', 'name', 0],
        ['Created At', 'date', '', 0],
      ]);
      expect(t.rows.length).toBeGreaterThan(0);
      for (const row of t.rows) expect(row.cells[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    const ct = table('stable.example.com', 'v1', 'crontabs');
    expect(ct.columnDefinitions.map((c: any) => [c.name, c.type, c.format])).toEqual([
      ['Name', 'string', 'name'],
      ['Age', 'date', ''],
    ]);
    expect(ct.rows.map((r: any) => r.cells[0])).toEqual(['cleanup', 'my-new-cron-object']);
    expect(ct.rows[0].cells[1]).toMatch(/^\d+[smhdy]/);
    expect(tableColumns('example.com', 'widgets').map((c) => c.name)).toEqual(['Name', 'Age']);
    expect(tableColumns('', 'limitranges').map((c) => c.name)).toEqual(['Name', 'Created At']);
  });
});
