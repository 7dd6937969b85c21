// Discovery parsing on fixture documents (the live comparison is in client-api.test.ts).
import { describe, expect, it } from 'vitest';
import { AGGREGATED_DISCOVERY_ACCEPT, discover, parseAggregated, parseResourceList } from '../src/client/discovery.js';
import { httpError } from '../src/client/errors.js';

const apiResourceListApps = {
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: 'apps/v1',
  resources: [
    {
      name: 'deployments',
      singularName: 'deployment',
      namespaced: true,
      kind: 'Deployment',
      verbs: ['get', 'list', 'watch'],
      shortNames: ['deploy'],
      categories: ['all'],
    },
    {
      name: 'deployments/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    },
    { name: 'deployments/status', singularName: '', namespaced: true, kind: 'Deployment', verbs: ['get'] },
  ],
};

const aggregatedApis = {
  kind: 'APIGroupDiscoveryList',
  apiVersion: 'apidiscovery.k8s.io/v2',
  metadata: {},
  items: [
    {
      metadata: { name: 'apps' },
      versions: [
        {
          version: 'v1',
          freshness: 'Current',
          resources: [
            {
              resource: 'deployments',
              responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
              scope: 'Namespaced',
              singularResource: 'deployment',
              verbs: ['get', 'list', 'watch'],
              shortNames: ['deploy'],
              categories: ['all'],
              subresources: [
                {
                  subresource: 'scale',
                  responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
                  verbs: ['get', 'patch', 'update'],
                },
                {
                  subresource: 'status',
                  responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
                  verbs: ['get'],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      metadata: { name: 'metrics.k8s.io', creationTimestamp: null },
      versions: [{ version: 'v1beta1', freshness: 'Stale', resources: [] }],
    },
  ],
};

const aggregatedApi = {
  kind: 'APIGroupDiscoveryList',
  apiVersion: 'apidiscovery.k8s.io/v2',
  metadata: {},
  items: [
    {
      metadata: {},
      versions: [
        {
          version: 'v1',
          resources: [
            {
              resource: 'pods',
              responseKind: { group: '', version: 'v1', kind: 'Pod' },
              scope: 'Namespaced',
              singularResource: 'pod',
              verbs: ['get', 'list'],
              subresources: [
                { subresource: 'log', responseKind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get'] },
              ],
            },
          ],
        },
      ],
    },
  ],
};

describe('parse', () => {
  it('folds legacy subresources into the parent', () => {
    const rs = parseResourceList(apiResourceListApps, 'apps', 'v1');
    expect(rs.map((r) => r.name)).toEqual(['deployments']);
    expect(rs[0]!.subresources).toEqual([
      { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
      { name: 'status', kind: 'Deployment', verbs: ['get'] },
    ]);
  });
  it('aggregated gives the same resource as legacy', () => {
    const [apps] = parseAggregated(aggregatedApis, 'apis');
    const agg = apps!.versions[0]!.resources[0]!;
    const leg = parseResourceList(apiResourceListApps, 'apps', 'v1')[0]!;
    const strip = ({ raw: _raw, ...rest }: typeof agg) => rest;
    expect(strip(agg)).toEqual(strip(leg));
  });
  it('core group is named "" and Stale freshness is kept', () => {
    const [core] = parseAggregated(aggregatedApi, 'api');
    expect(core!.name).toBe('');
    expect(core!.versions[0]!.groupVersion).toBe('v1');
    expect(core!.versions[0]!.resources[0]!.subresources[0]).toEqual({ name: 'log', kind: 'Pod', verbs: ['get'] });
    const groups = parseAggregated(aggregatedApis, 'apis');
    expect(groups[1]!.versions[0]!.freshness).toBe('Stale');
  });
});

describe('discover() with a document source', () => {
  it('uses aggregated documents when both roots are APIGroupDiscoveryList', async () => {
    const seen: string[] = [];
    const d = await discover(async (path, accept) => {
      seen.push(`${path} ${accept}`);
      return path === '/api' ? aggregatedApi : aggregatedApis;
    });
    expect(d.format).toBe('aggregated');
    expect(d.requests).toBe(2);
    expect(seen.every((s) => s.endsWith(AGGREGATED_DISCOVERY_ACCEPT))).toBe(true);
    expect(d.groups.map((g) => g.name)).toEqual(['', 'apps', 'metrics.k8s.io']);
    expect(Object.keys(d.rawDocuments)).toEqual(['/api', '/apis']);
  });

  it('falls back to legacy from the same bodies and records one failing group-version', async () => {
    const fetched: string[] = [];
    const d = await discover(async (path) => {
      fetched.push(path);
      switch (path) {
        case '/api':
          return { kind: 'APIVersions', versions: ['v1'] };
        case '/apis':
          return {
            kind: 'APIGroupList',
            apiVersion: 'v1',
            groups: [
              {
                name: 'apps',
                versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
                preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
              },
              {
                name: 'metrics.k8s.io',
                versions: [{ groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' }],
                preferredVersion: { groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' },
              },
            ],
          };
        case '/api/v1':
          return {
            kind: 'APIResourceList',
            groupVersion: 'v1',
            resources: [
              { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get'] },
              { name: 'pods/log', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get'] },
            ],
          };
        case '/apis/apps/v1':
          return apiResourceListApps;
        default:
          throw httpError(
            503,
            { 'content-type': 'application/json' },
            JSON.stringify({
              kind: 'Status',
              status: 'Failure',
              message: 'service unavailable',
              reason: 'ServiceUnavailable',
              code: 503,
            }),
            { path },
          );
      }
    });
    expect(d.format).toBe('legacy');
    expect(fetched.filter((p) => p === '/api' || p === '/apis')).toHaveLength(2);
    expect(d.requests).toBe(5);
    expect(d.groups.map((g) => g.name)).toEqual(['', 'apps', 'metrics.k8s.io']);
    expect(d.groups[0]!.versions[0]!.resources[0]!.subresources.map((s) => s.name)).toEqual(['log']);
    expect(d.failures).toEqual([{ groupVersion: 'metrics.k8s.io/v1beta1', message: expect.stringContaining('503') }]);
    const metrics = d.groups[2]!.versions[0]!;
    expect(metrics.error).toContain('service unavailable');
    expect(metrics.resources).toEqual([]);
    expect(d.groups[1]!.versions[0]!.preferred).toBe(true);
    expect(Object.keys(d.rawDocuments)).toEqual(['/api', '/apis', '/api/v1', '/apis/apps/v1']);
  });
});
