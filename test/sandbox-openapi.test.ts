import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/sandbox/catalog.js';
import {
  openapiV2,
  openapiV3Document,
  openapiV3DocumentJson,
  openapiV3Index,
  schemaPackage,
} from '../src/sandbox/openapi.js';

const SCHEMAS = '#/components/schemas/';
const index = () => (openapiV3Index() as any).paths as Record<string, { serverRelativeURL: string }>;
const doc = (gv: string) => openapiV3Document(gv) as any;

/** Follows a v3 property to its schema: a bare $ref or the allOf wrapper kube-apiserver uses. */
function deref(root: any, prop: any): any {
  const r: string | undefined = prop.$ref ?? prop.allOf?.[0]?.$ref;
  if (!r) return prop;
  expect(r.startsWith(SCHEMAS)).toBe(true);
  const target = root.components.schemas[r.slice(SCHEMAS.length)];
  expect(target, r).toBeDefined();
  return target;
}

function allRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => allRefs(n, out));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else allRefs(v, out);
    }
  return out;
}

describe('OpenAPI v3', () => {
  it('indexes every group-version without a leading slash', () => {
    const expected = CATALOG.flatMap((g) =>
      g.versions.map((v) => (g.name ? `apis/${g.name}/${v.version}` : `api/${v.version}`)),
    );
    expect(Object.keys(index()).sort()).toEqual(expected.sort());
    expect(index()['api/v1']!.serverRelativeURL).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/);
  });

  it('hashes each document with uppercase hex SHA-512 of the served JSON', () => {
    for (const [key, { serverRelativeURL }] of Object.entries(index())) {
      const hash = serverRelativeURL.split('?hash=')[1];
      expect(serverRelativeURL.startsWith(`/openapi/v3/${key}?`)).toBe(true);
      const served = JSON.stringify(openapiV3Document(key));
      expect(createHash('sha512').update(served).digest('hex').toUpperCase()).toBe(hash);
      expect(openapiV3DocumentJson(key)).toEqual({ json: served, hash });
    }
  });

  it('memoizes documents and rejects unknown group-versions', () => {
    expect(openapiV3Document('apis/apps/v1')).toBe(openapiV3Document('apis/apps/v1'));
    expect(openapiV3Document('/apis/apps/v1')).toBe(openapiV3Document('apis/apps/v1'));
    expect(openapiV3Document('apis/apps/v1beta1')).toBeUndefined();
    expect(openapiV3Document('api/v2')).toBeUndefined();
  });

  it('publishes a real Pod schema whose references resolve', () => {
    const core = doc('api/v1');
    expect(core.openapi).toMatch(/^3\./);
    const pod = core.components.schemas['io.k8s.api.core.v1.Pod'];
    expect(pod['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
    expect(pod.properties.apiVersion.type).toBe('string');
    const meta = deref(core, pod.properties.metadata);
    expect(meta).toBe(core.components.schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']);
    expect(meta.properties.labels.additionalProperties.type).toBe('string');
    const spec = deref(core, pod.properties.spec);
    expect(spec).toBe(core.components.schemas['io.k8s.api.core.v1.PodSpec']);
    expect(spec.required).toEqual(['containers']);
    expect(spec.properties.containers.type).toBe('array');
    const container = deref(core, spec.properties.containers.items);
    expect(container.required).toEqual(['name']);
    expect(container.properties.image.type).toBe('string');
    expect(deref(core, container.properties.ports.items).properties.containerPort).toMatchObject({
      type: 'integer',
      format: 'int32',
    });
    const status = deref(core, pod.properties.status);
    expect(status.properties.phase.enum).toContain('Running');
  });

  it('has detailed schemas for the kinds the UI explains', () => {
    const s = (gv: string, name: string) => doc(gv).components.schemas[name];
    expect(s('api/v1', 'io.k8s.api.core.v1.ConfigMap').properties.data.additionalProperties.type).toBe('string');
    expect(s('api/v1', 'io.k8s.api.core.v1.Secret').properties.data.additionalProperties).toEqual({
      type: 'string',
      format: 'byte',
    });
    expect(s('api/v1', 'io.k8s.api.core.v1.NamespaceStatus').properties.phase.type).toBe('string');
    expect(s('api/v1', 'io.k8s.api.core.v1.NodeStatus').properties.nodeInfo).toBeDefined();
    expect(s('api/v1', 'io.k8s.api.core.v1.ServiceSpec').properties.ports.items).toBeDefined();
    expect(s('api/v1', 'io.k8s.api.core.v1.ServiceAccount').properties.secrets.type).toBe('array');
    expect(s('api/v1', 'io.k8s.api.core.v1.Event').required).toEqual(['metadata', 'involvedObject']);
    expect(s('apis/apps/v1', 'io.k8s.api.apps.v1.DeploymentSpec').required).toEqual(['selector', 'template']);
    expect(s('apis/apps/v1', 'io.k8s.api.apps.v1.ReplicaSetSpec').properties.replicas.format).toBe('int32');
    expect(s('apis/apps/v1', 'io.k8s.api.core.v1.PodSpec')).toBeDefined(); // pulled in through the pod template
    expect(s('apis/rbac.authorization.k8s.io/v1', 'io.k8s.api.rbac.v1.PolicyRule').required).toEqual(['verbs']);
    expect(s('apis/discovery.k8s.io/v1', 'io.k8s.api.discovery.v1.EndpointSlice').required).toEqual([
      'addressType',
      'endpoints',
    ]);
    expect(s('apis/events.k8s.io/v1', 'io.k8s.api.events.v1.Event').properties.regarding).toBeDefined();
    const crontab = s('apis/stable.example.com/v1', 'com.example.stable.v1.CronTab');
    expect(crontab.properties.spec.properties.cronSpec.type).toBe('string');
    expect(crontab['x-kubernetes-group-version-kind']).toEqual([
      { group: 'stable.example.com', kind: 'CronTab', version: 'v1' },
    ]);
  });

  it('has a schema (and a list schema) for every kind of every group-version, and all refs resolve', () => {
    for (const g of CATALOG)
      for (const v of g.versions) {
        const key = g.name ? `apis/${g.name}/${v.version}` : `api/${v.version}`;
        const d = doc(key);
        const pkg = schemaPackage(g, v.version);
        for (const r of v.resources) {
          expect(d.components.schemas[`${pkg}.${r.kind}`], `${key} ${r.kind}`).toBeDefined();
          if (r.verbs.includes('list'))
            expect(d.components.schemas[`${pkg}.${r.kind}List`].properties.items.type).toBe('array');
        }
        for (const ref of allRefs(d))
          expect(d.components.schemas[ref.slice(SCHEMAS.length)], `${key} ${ref}`).toBeDefined();
      }
  });

  it('lists list/read paths with Kubernetes operation ids', () => {
    const core = doc('api/v1').paths;
    expect(core['/api/v1/namespaces/{namespace}/pods'].get.operationId).toBe('listCoreV1NamespacedPod');
    expect(core['/api/v1/namespaces/{namespace}/pods/{name}'].get.operationId).toBe('readCoreV1NamespacedPod');
    expect(core['/api/v1/pods'].get.operationId).toBe('listCoreV1PodForAllNamespaces');
    expect(core['/api/v1/namespaces'].get.operationId).toBe('listCoreV1Namespace');
    expect(core['/api/v1/namespaces/{namespace}/pods'].get.responses['200'].content['application/json'].schema).toEqual(
      { $ref: `${SCHEMAS}io.k8s.api.core.v1.PodList` },
    );
    const apps = doc('apis/apps/v1').paths;
    expect(apps['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].get).toMatchObject({
      operationId: 'readAppsV1NamespacedDeployment',
      'x-kubernetes-action': 'get',
      'x-kubernetes-group-version-kind': { group: 'apps', version: 'v1', kind: 'Deployment' },
    });
    const rbac = doc('apis/rbac.authorization.k8s.io/v1').paths;
    expect(rbac['/apis/rbac.authorization.k8s.io/v1/clusterroles'].get.operationId).toBe(
      'listRbacAuthorizationV1ClusterRole',
    );
    const authz = doc('apis/authorization.k8s.io/v1').paths;
    expect(authz['/apis/authorization.k8s.io/v1/selfsubjectaccessreviews'].post.operationId).toBe(
      'createAuthorizationV1SelfSubjectAccessReview',
    );
  });
});

describe('OpenAPI v2', () => {
  it('is one Swagger 2.0 document with definitions for every group-version', () => {
    const v2 = openapiV2() as any;
    expect(v2.swagger).toBe('2.0');
    expect(openapiV2()).toBe(v2);
    const pod = v2.definitions['io.k8s.api.core.v1.Pod'];
    expect(pod.properties.spec.$ref).toBe('#/definitions/io.k8s.api.core.v1.PodSpec');
    expect(pod.properties.spec.description).toMatch(/desired behavior/);
    expect(v2.definitions['io.k8s.api.apps.v1.Deployment']).toBeDefined();
    expect(v2.definitions['com.example.stable.v1beta1.CronTab']).toBeDefined();
    expect(v2.definitions['io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler']).toBeDefined();
    expect(
      v2.definitions['io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition'],
    ).toBeDefined();
    for (const ref of allRefs(v2)) expect(v2.definitions[ref.replace('#/definitions/', '')], ref).toBeDefined();
    const list = v2.paths['/apis/apps/v1/namespaces/{namespace}/deployments'].get;
    expect(list.operationId).toBe('listAppsV1NamespacedDeployment');
    expect(list.responses['200'].schema).toEqual({ $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentList' });
    expect(list.parameters.find((p: any) => p.name === 'limit')).toMatchObject({ in: 'query', type: 'integer' });
  });
});
