import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/sandbox/catalog.js';
import {
  aggregatedDiscovery,
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  negotiateDiscovery,
} from '../src/sandbox/discovery.js';

const V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';
const KUBECTL_ACCEPT = `${V2},${V2BETA1},application/json`;

describe('negotiateDiscovery', () => {
  it('picks aggregated v2 for the exact kubectl Accept header', () => {
    expect(negotiateDiscovery(KUBECTL_ACCEPT)).toEqual({ aggregated: true, contentType: V2, version: 'v2' });
  });
  it('accepts the nopeer profile that newer client-go puts first', () => {
    expect(negotiateDiscovery(`${V2};profile=nopeer,${KUBECTL_ACCEPT}`)).toMatchObject({
      aggregated: true,
      contentType: V2,
    });
  });
  it('answers legacy JSON to legacy clients', () => {
    for (const accept of ['application/json', undefined, '', '*/*', 'application/json, */*', 'application/json;q=0.9'])
      expect(negotiateDiscovery(accept)).toEqual({ aggregated: false, contentType: 'application/json' });
  });
  it('offers v2beta1 when that is all the client takes', () => {
    expect(negotiateDiscovery(`${V2BETA1},application/json`)).toEqual({
      aggregated: true,
      contentType: V2BETA1,
      version: 'v2beta1',
    });
  });
  it('reads parameters in any order and with spaces', () => {
    expect(negotiateDiscovery('application/json;as=APIGroupDiscoveryList;v=v2;g=apidiscovery.k8s.io').aggregated).toBe(
      true,
    );
    expect(
      negotiateDiscovery('application/json; g=apidiscovery.k8s.io; v=v2; as=APIGroupDiscoveryList').contentType,
    ).toBe(V2);
  });
  it('respects q values and client order', () => {
    expect(negotiateDiscovery(`${V2};q=0,application/json`).aggregated).toBe(false);
    expect(negotiateDiscovery(`application/json,${V2}`).aggregated).toBe(false);
    expect(negotiateDiscovery(`application/json;q=0.5,${V2}`).aggregated).toBe(true);
  });
  it('skips media ranges it cannot serve', () => {
    expect(
      negotiateDiscovery(`application/json;g=apidiscovery.k8s.io;v=v3;as=APIGroupDiscoveryList,${V2BETA1}`).contentType,
    ).toBe(V2BETA1);
    expect(negotiateDiscovery('application/json;as=Table;v=v1;g=meta.k8s.io,application/json').aggregated).toBe(false);
  });
});

describe('legacy discovery', () => {
  it('GET /api is APIVersions without apiVersion', () => {
    expect(JSON.stringify(apiVersions('10.0.0.1:6443'))).toBe(
      '{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"10.0.0.1:6443"}]}',
    );
  });

  it('GET /apis lists named groups in priority order with preferred versions', () => {
    const list = apiGroupList() as any;
    expect(Object.keys(list)).toEqual(['kind', 'apiVersion', 'groups']);
    expect(list).toMatchObject({ kind: 'APIGroupList', apiVersion: 'v1' });
    expect(list.groups[0].name).toBe('apiregistration.k8s.io');
    expect(list.groups.map((g: any) => g.name)).toEqual(CATALOG.slice(1).map((g) => g.name));
    const autoscaling = list.groups.find((g: any) => g.name === 'autoscaling');
    expect(autoscaling).toEqual({
      name: 'autoscaling',
      versions: [
        { groupVersion: 'autoscaling/v2', version: 'v2' },
        { groupVersion: 'autoscaling/v1', version: 'v1' },
      ],
      preferredVersion: { groupVersion: 'autoscaling/v2', version: 'v2' },
    });
  });

  it('GET /apis/<group> is an APIGroup', () => {
    expect(JSON.stringify(apiGroup('apps'))).toBe(
      '{"kind":"APIGroup","apiVersion":"v1","name":"apps","versions":[{"groupVersion":"apps/v1","version":"v1"}],"preferredVersion":{"groupVersion":"apps/v1","version":"v1"}}',
    );
    expect(apiGroup('')).toBeUndefined();
    expect(apiGroup('nope.example.com')).toBeUndefined();
  });

  it('GET /api/v1 has no apiVersion, subresources as separate entries', () => {
    const list = apiResourceList('', 'v1') as any;
    expect(Object.keys(list)).toEqual(['kind', 'groupVersion', 'resources']);
    expect(list.groupVersion).toBe('v1');
    const byName = Object.fromEntries(list.resources.map((r: any) => [r.name, r]));
    const names = list.resources.map((r: any) => r.name);
    expect(names).toEqual([...names].sort());
    expect(byName['pods/log']).toEqual({
      name: 'pods/log',
      singularName: '',
      namespaced: true,
      kind: 'Pod',
      verbs: ['get'],
    });
    expect(JSON.stringify(byName['pods/eviction'])).toBe(
      '{"name":"pods/eviction","singularName":"","namespaced":true,"group":"policy","version":"v1","kind":"Eviction","verbs":["create"]}',
    );
    expect(byName['serviceaccounts/token']).toMatchObject({
      group: 'authentication.k8s.io',
      version: 'v1',
      kind: 'TokenRequest',
    });
    expect(Object.keys(byName.pods)).toEqual([
      'name',
      'singularName',
      'namespaced',
      'kind',
      'verbs',
      'shortNames',
      'categories',
      'storageVersionHash',
    ]);
    expect(byName.pods.storageVersionHash).toMatch(/^[A-Za-z0-9+/]{11}=$/);
    expect(byName.bindings.storageVersionHash).toBeUndefined();
    expect(byName.componentstatuses.storageVersionHash).toBeUndefined();
    expect(byName.namespaces.verbs).not.toContain('deletecollection');
    expect(byName['namespaces/finalize']).toMatchObject({ kind: 'Namespace', verbs: ['update'] });
  });

  it('GET /apis/<g>/<v> carries apiVersion v1 and the scale subresource from autoscaling', () => {
    const list = apiResourceList('apps', 'v1') as any;
    expect(Object.keys(list)).toEqual(['kind', 'apiVersion', 'groupVersion', 'resources']);
    expect(list.groupVersion).toBe('apps/v1');
    const scale = list.resources.find((r: any) => r.name === 'deployments/scale');
    expect(scale).toEqual({
      name: 'deployments/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    });
    expect(apiResourceList('apps', 'v1beta2')).toBeUndefined();
    expect(apiResourceList('nope', 'v1')).toBeUndefined();
  });

  it('computes storageVersionHash like kube-apiserver (values from kubernetes api/discovery)', () => {
    const hash = (g: string, r: string) =>
      (apiResourceList(g, 'v1') as any).resources.find((x: any) => x.name === r).storageVersionHash;
    expect(hash('', 'pods')).toBe('xPOwRZ+Yhw8=');
    expect(hash('', 'configmaps')).toBe('qFsyl6wFWjQ=');
    expect(hash('', 'namespaces')).toBe('Q3oi5N2YM8M=');
    expect(hash('events.k8s.io', 'events')).toBe('r2yiGXH7wu8='); // stored as core v1 Event
    expect(hash('', 'events')).toBe('r2yiGXH7wu8=');
  });

  it('shares a storageVersionHash across served versions of one resource', () => {
    const hash = (v: string) =>
      (apiResourceList('autoscaling', v) as any).resources.find((r: any) => r.name === 'horizontalpodautoscalers')
        .storageVersionHash;
    expect(hash('v1')).toBe(hash('v2'));
    const reviews = (apiResourceList('authorization.k8s.io', 'v1') as any).resources;
    expect(reviews.every((r: any) => r.storageVersionHash === undefined)).toBe(true);
  });
});

describe('aggregated discovery', () => {
  it('serves the core group at /api with an unnamed item', () => {
    const doc = aggregatedDiscovery('api') as any;
    expect(Object.keys(doc)).toEqual(['kind', 'apiVersion', 'metadata', 'items']);
    expect(doc).toMatchObject({ kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {} });
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0].metadata).toEqual({});
    const v1 = doc.items[0].versions[0];
    expect(v1.version).toBe('v1');
    expect(v1.freshness).toBe('Current');
    const pods = v1.resources.find((r: any) => r.resource === 'pods');
    expect(pods).toMatchObject({
      responseKind: { group: '', version: '', kind: 'Pod' },
      scope: 'Namespaced',
      singularResource: 'pod',
      shortNames: ['po'],
      categories: ['all'],
    });
    expect(pods.subresources.find((s: any) => s.subresource === 'eviction')).toEqual({
      subresource: 'eviction',
      responseKind: { group: 'policy', version: 'v1', kind: 'Eviction' },
      verbs: ['create'],
    });
    expect(v1.resources.find((r: any) => r.resource === 'namespaces').scope).toBe('Cluster');
  });

  it('serves named groups at /apis, versions preferred first, resources sorted', () => {
    const doc = aggregatedDiscovery('apis') as any;
    expect(doc.items.map((i: any) => i.metadata.name)).toEqual(CATALOG.slice(1).map((g) => g.name));
    const autoscaling = doc.items.find((i: any) => i.metadata.name === 'autoscaling');
    expect(autoscaling.versions.map((v: any) => v.version)).toEqual(['v2', 'v1']);
    for (const item of doc.items)
      for (const v of item.versions) {
        const names = v.resources.map((r: any) => r.resource);
        expect(names).toEqual([...names].sort());
      }
    const apps = doc.items.find((i: any) => i.metadata.name === 'apps').versions[0];
    const deploy = apps.resources.find((r: any) => r.resource === 'deployments');
    expect(Object.keys(deploy)).toEqual([
      'resource',
      'responseKind',
      'scope',
      'singularResource',
      'verbs',
      'shortNames',
      'categories',
      'subresources',
    ]);
    expect(deploy.subresources).toEqual([
      {
        subresource: 'scale',
        responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
        verbs: ['get', 'patch', 'update'],
      },
      {
        subresource: 'status',
        responseKind: { group: '', version: '', kind: 'Deployment' },
        verbs: ['get', 'patch', 'update'],
      },
    ]);
    // CRDs spell out their own group/version in responseKind.
    const crontabs = doc.items.find((i: any) => i.metadata.name === 'stable.example.com').versions[1].resources[0];
    expect(crontabs.responseKind).toEqual({ group: 'stable.example.com', version: 'v1beta1', kind: 'CronTab' });
  });

  it('v2beta1 has its own apiVersion and null creationTimestamps', () => {
    const doc = aggregatedDiscovery('apis', 'v2beta1') as any;
    expect(doc.apiVersion).toBe('apidiscovery.k8s.io/v2beta1');
    expect(doc.items[0].metadata).toEqual({ name: 'apiregistration.k8s.io', creationTimestamp: null });
    expect((aggregatedDiscovery('api', 'v2beta1') as any).items[0].metadata).toEqual({ creationTimestamp: null });
  });

  it('agrees with legacy discovery on every group-version, resource and subresource', () => {
    const agg = [...(aggregatedDiscovery('api') as any).items, ...(aggregatedDiscovery('apis') as any).items];
    const fromAgg: string[] = [];
    for (const item of agg)
      for (const v of item.versions) {
        const gv = item.metadata.name ? `${item.metadata.name}/${v.version}` : v.version;
        for (const r of v.resources) {
          fromAgg.push(`${gv} ${r.resource} ${r.scope === 'Namespaced'} ${r.responseKind.kind} ${r.verbs}`);
          for (const s of r.subresources ?? []) {
            const rk =
              s.responseKind.group || s.responseKind.version ? `${s.responseKind.group}/${s.responseKind.version}` : '';
            fromAgg.push(
              `${gv} ${r.resource}/${s.subresource} ${r.scope === 'Namespaced'} ${s.responseKind.kind} ${s.verbs} ${rk}`,
            );
          }
        }
      }
    const fromLegacy: string[] = [];
    for (const g of CATALOG)
      for (const v of g.versions) {
        const list = apiResourceList(g.name, v.version) as any;
        for (const r of list.resources) {
          const sub = r.name.includes('/');
          const rk =
            sub && (r.group !== undefined || r.version !== undefined) ? ` ${r.group}/${r.version}` : sub ? ' ' : '';
          fromLegacy.push(`${list.groupVersion} ${r.name} ${r.namespaced} ${r.kind} ${r.verbs}${rk}`);
        }
      }
    expect(fromAgg.length).toBeGreaterThan(100);
    expect(fromAgg.sort()).toEqual(fromLegacy.sort());
  });
});
