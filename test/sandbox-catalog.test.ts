import { describe, expect, it } from 'vitest';
import { CATALOG, findResource } from '../src/sandbox/catalog.js';

const KNOWN_VERBS = new Set(['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']);

describe('CATALOG', () => {
  it('lists groups in kube-apiserver priority order, core first, then the CRD and aggregated groups', () => {
    expect(CATALOG.map((g) => g.name)).toEqual([
      '',
      'apiregistration.k8s.io',
      'apps',
      'events.k8s.io',
      'authentication.k8s.io',
      'authorization.k8s.io',
      'autoscaling',
      'batch',
      'certificates.k8s.io',
      'networking.k8s.io',
      'policy',
      'rbac.authorization.k8s.io',
      'storage.k8s.io',
      'admissionregistration.k8s.io',
      'apiextensions.k8s.io',
      'scheduling.k8s.io',
      'coordination.k8s.io',
      'node.k8s.io',
      'discovery.k8s.io',
      'flowcontrol.apiserver.k8s.io',
      'stable.example.com',
      'metrics.k8s.io',
    ]);
  });

  it('prefers autoscaling/v2 over v1 and stable.example.com/v1 over v1beta1', () => {
    const versions = (name: string) => CATALOG.find((g) => g.name === name)!.versions.map((v) => v.version);
    expect(versions('autoscaling')).toEqual(['v2', 'v1']);
    expect(versions('stable.example.com')).toEqual(['v1', 'v1beta1']);
    expect(versions('')).toEqual(['v1']);
  });

  it('describes pods like kube-apiserver 1.33', () => {
    const pods = findResource('', 'v1', 'pods')!.resource;
    expect(pods).toMatchObject({
      name: 'pods',
      singularName: 'pod',
      kind: 'Pod',
      namespaced: true,
      shortNames: ['po'],
      categories: ['all'],
    });
    expect(pods.verbs).toEqual(['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']);
    const subs = Object.fromEntries(pods.subresources!.map((s) => [s.name, s]));
    expect(Object.keys(subs)).toEqual([
      'attach',
      'binding',
      'ephemeralcontainers',
      'eviction',
      'exec',
      'log',
      'portforward',
      'proxy',
      'resize',
      'status',
    ]);
    expect(subs.log).toEqual({ name: 'log', kind: 'Pod', verbs: ['get'] });
    expect(subs.exec).toEqual({ name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] });
    expect(subs.eviction).toEqual({
      name: 'eviction',
      kind: 'Eviction',
      group: 'policy',
      version: 'v1',
      verbs: ['create'],
    });
    expect(subs.proxy!.kind).toBe('PodProxyOptions');
    expect(subs.status!.verbs).toEqual(['get', 'patch', 'update']);
  });

  it('points scale subresources at autoscaling/v1 Scale and the token subresource at TokenRequest', () => {
    for (const r of ['deployments', 'replicasets', 'statefulsets']) {
      const scale = findResource('apps', 'v1', r)!.resource.subresources!.find((s) => s.name === 'scale');
      expect(scale).toEqual({
        name: 'scale',
        kind: 'Scale',
        group: 'autoscaling',
        version: 'v1',
        verbs: ['get', 'patch', 'update'],
      });
    }
    const token = findResource('', 'v1', 'serviceaccounts')!.resource.subresources!.find((s) => s.name === 'token');
    expect(token).toEqual({
      name: 'token',
      kind: 'TokenRequest',
      group: 'authentication.k8s.io',
      version: 'v1',
      verbs: ['create'],
    });
    expect(findResource('', 'v1', 'nodes')!.resource.subresources!.map((s) => `${s.name}:${s.kind}`)).toEqual([
      'proxy:NodeProxyOptions',
      'status:Node',
    ]);
    expect(findResource('', 'v1', 'services')!.resource.subresources!.map((s) => `${s.name}:${s.kind}`)).toEqual([
      'proxy:ServiceProxyOptions',
      'status:Service',
    ]);
  });

  it('gets the special verb sets right', () => {
    expect(findResource('', 'v1', 'namespaces')!.resource.verbs).not.toContain('deletecollection');
    expect(findResource('', 'v1', 'namespaces')!.resource.namespaced).toBe(false);
    expect(findResource('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews')!.resource.verbs).toEqual(['create']);
    expect(findResource('authorization.k8s.io', 'v1', 'localsubjectaccessreviews')!.resource.namespaced).toBe(true);
    expect(findResource('authentication.k8s.io', 'v1', 'tokenreviews')!.resource).toMatchObject({
      verbs: ['create'],
      namespaced: false,
    });
    expect(findResource('', 'v1', 'bindings')!.resource.verbs).toEqual(['create']);
    expect(findResource('', 'v1', 'componentstatuses')!.resource.verbs).toEqual(['get', 'list']);
    expect(findResource('metrics.k8s.io', 'v1beta1', 'pods')!.resource).toMatchObject({
      kind: 'PodMetrics',
      verbs: ['get', 'list'],
    });
  });

  it('has the short names and categories kubectl users know', () => {
    const short = (g: string, r: string) => findResource(g, g === 'autoscaling' ? 'v2' : 'v1', r)!.resource.shortNames;
    expect(short('apps', 'deployments')).toEqual(['deploy']);
    expect(short('', 'services')).toEqual(['svc']);
    expect(short('', 'configmaps')).toEqual(['cm']);
    expect(short('', 'namespaces')).toEqual(['ns']);
    expect(short('', 'nodes')).toEqual(['no']);
    expect(short('', 'serviceaccounts')).toEqual(['sa']);
    expect(short('autoscaling', 'horizontalpodautoscalers')).toEqual(['hpa']);
    expect(short('apiextensions.k8s.io', 'customresourcedefinitions')).toEqual(['crd', 'crds']);
    const all = CATALOG.flatMap((g) =>
      g.versions[0]!.resources.filter((r) => r.categories?.includes('all')).map((r) => r.name),
    );
    expect(all.sort()).toEqual([
      'cronjobs',
      'crontabs',
      'daemonsets',
      'deployments',
      'horizontalpodautoscalers',
      'jobs',
      'pods',
      'replicasets',
      'replicationcontrollers',
      'services',
      'statefulsets',
    ]);
  });

  it('includes the stable.example.com CronTab CRD', () => {
    for (const v of ['v1', 'v1beta1']) {
      const found = findResource('stable.example.com', v, 'crontabs')!;
      expect(found.group.source).toBe('crd');
      expect(found.resource).toMatchObject({
        kind: 'CronTab',
        singularName: 'crontab',
        namespaced: true,
        shortNames: ['ct'],
        categories: ['all'],
      });
    }
  });

  it('findResource only matches exact top-level plural names', () => {
    expect(findResource('', 'v1', 'pods/log')).toBeUndefined();
    expect(findResource('', 'v1', 'po')).toBeUndefined();
    expect(findResource('apps', 'v1beta1', 'deployments')).toBeUndefined();
    expect(findResource('', 'v1', 'deployments')).toBeUndefined();
    expect(findResource('apps', 'v1', 'deployments')!.group.name).toBe('apps');
  });

  it('is internally consistent', () => {
    for (const g of CATALOG)
      for (const v of g.versions) {
        const names = v.resources.map((r) => r.name);
        expect(new Set(names).size, `${g.name}/${v.version}`).toBe(names.length);
        for (const r of v.resources) {
          expect(r.singularName).toBe(r.kind.toLowerCase());
          for (const verb of [...r.verbs, ...(r.subresources ?? []).flatMap((s) => s.verbs)])
            expect(KNOWN_VERBS).toContain(verb);
          // Built-ins send sorted verbs; only custom resources use the apiextensions order.
          if (g.source !== 'crd') expect(r.verbs).toEqual([...r.verbs].sort());
        }
      }
  });
});
