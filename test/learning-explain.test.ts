// kubectl-explain from the sandbox's OpenAPI v3 documents (fetched over HTTPS like the UI does),
// plus documents shaped like kube-apiserver's (no GVK extension, self-referential JSONSchemaProps).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import {
  buildFieldTree,
  expandField,
  explainPath,
  fieldAtJsonLine,
  findSchemaName,
  renderExplain,
  type FieldNode,
} from '../src/model/explain.js';
import { startSandbox, tempDir } from './helpers/client.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const POD = { group: '', version: 'v1', kind: 'Pod' };
const DEPLOYMENT = { group: 'apps', version: 'v1', kind: 'Deployment' };

function child(n: FieldNode | undefined, name: string): FieldNode {
  const c = n?.children?.find((x) => x.name === name);
  expect(c, `field ${name} under ${n?.path.join('.')}`).toBeDefined();
  return c!;
}

/** The same document without any x-kubernetes-group-version-kind (some servers/aggregated APIs omit it). */
function withoutGvk(doc: any): any {
  const copy = structuredClone(doc);
  for (const s of Object.values(copy.components.schemas) as any[]) delete s['x-kubernetes-group-version-kind'];
  return copy;
}

describe('explain against the sandbox OpenAPI v3', () => {
  let sb: Sandbox;
  let tmp: ReturnType<typeof tempDir>;
  let api: ApiClient;
  let core: any;
  let apps: any;
  let crd: any;

  beforeAll(async () => {
    tmp = tempDir('kapi-explain-');
    sb = await startSandbox({ dir: tmp.dir, watchIntervalMs: 0 });
    api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
    // The index is text/plain, as kube-apiserver serves it: parse the body.
    const index = JSON.parse((await api.getRaw('/openapi/v3')).body) as {
      paths: Record<string, { serverRelativeURL: string }>;
    };
    const fetchDoc = async (key: string) => (await api.getRaw(index.paths[key]!.serverRelativeURL)).json;
    [core, apps, crd] = await Promise.all([
      fetchDoc('api/v1'),
      fetchDoc('apis/apps/v1'),
      fetchDoc('apis/stable.example.com/v1'),
    ]);
  });
  afterAll(async () => {
    api?.close();
    await sb?.close();
    tmp?.remove();
  });

  it('finds kinds by x-kubernetes-group-version-kind', () => {
    expect(findSchemaName(core, POD)).toBe('io.k8s.api.core.v1.Pod');
    expect(findSchemaName(apps, DEPLOYMENT)).toBe('io.k8s.api.apps.v1.Deployment');
    expect(findSchemaName(core, { group: 'apps', version: 'v1', kind: 'Pod' })).toBeUndefined();
  });

  it('falls back to the name suffix within the group package when the extension is missing', () => {
    expect(findSchemaName(withoutGvk(core), POD)).toBe('io.k8s.api.core.v1.Pod');
    expect(findSchemaName(withoutGvk(apps), DEPLOYMENT)).toBe('io.k8s.api.apps.v1.Deployment');
    expect(findSchemaName(withoutGvk(crd), { group: 'stable.example.com', version: 'v1', kind: 'CronTab' })).toBe(
      'com.example.stable.v1.CronTab',
    );
    const t = buildFieldTree(withoutGvk(core), POD)!;
    expect(t.gvk).toEqual(POD);
    expect(child(child(t, 'spec'), 'containers').type).toBe('[]Container');
  });

  it('Pod: types like kubectl explain, $ref and allOf resolved', () => {
    const pod = buildFieldTree(core, POD)!;
    expect(pod.name).toBe('Pod');
    expect(pod.path).toEqual([]);
    expect(pod.description).toMatch(/^Pod is a collection of containers/);
    expect(pod.children!.map((c) => c.name)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    const spec = child(pod, 'spec');
    // spec is `allOf: [{$ref: PodSpec}]` with a sibling description.
    expect(spec.type).toBe('PodSpec');
    expect(spec.schemaName).toBe('io.k8s.api.core.v1.PodSpec');
    expect(spec.description).toMatch(/^Spec defines the desired behavior of the pod/);
    expect(spec.typeDescription).toBe('PodSpec is a description of a pod.');
    expect(child(pod, 'metadata').type).toBe('ObjectMeta');
    const containers = child(spec, 'containers');
    expect(containers.type).toBe('[]Container');
    expect(containers.required).toBe(true);
    expect(containers.path).toEqual(['spec', 'containers']);
    // []Container's children are Container's fields.
    const name = child(containers, 'name');
    expect(name.type).toBe('string');
    expect(name.required).toBe(true);
    expect(child(containers, 'image').required).toBe(false);
    expect(child(containers, 'env').type).toBe('[]EnvVar');
    expect(child(containers, 'args').type).toBe('[]string');
    expect(child(containers, 'ports').type).toBe('[]ContainerPort');
    expect(child(child(containers, 'resources'), 'limits').type).toBe('map[string]string'); // Quantity is a string
    expect(child(child(pod, 'metadata'), 'labels').type).toBe('map[string]string');
    expect(child(child(pod, 'metadata'), 'creationTimestamp').type).toBe('string'); // Time is a string
    expect(child(spec, 'hostNetwork').type).toBe('boolean');
    expect(child(spec, 'terminationGracePeriodSeconds').type).toBe('integer');
    expect(child(containers, 'imagePullPolicy').enum).toEqual(['Always', 'IfNotPresent', 'Never']);
    // Sandbox schemas have no cycles: nothing is cut short.
    const walk = (n: FieldNode): boolean => !n.recursive && (n.children ?? []).every(walk);
    expect(walk(pod)).toBe(true);
  });

  it('Deployment: required fields, nested template.spec.containers', () => {
    const dep = buildFieldTree(apps, DEPLOYMENT)!;
    const spec = child(dep, 'spec');
    expect(spec.type).toBe('DeploymentSpec');
    expect(child(spec, 'selector').required).toBe(true);
    expect(child(spec, 'selector').type).toBe('LabelSelector');
    expect(child(spec, 'template').required).toBe(true);
    expect(child(spec, 'replicas').required).toBe(false);
    expect(child(spec, 'replicas').type).toBe('integer');
    const image = explainPath(dep, ['spec', 'template', 'spec', 'containers', 'image'])!;
    expect(image.type).toBe('string');
    expect(image.path).toEqual(['spec', 'template', 'spec', 'containers', 'image']);
  });

  it('explainPath skips array indices and map keys', () => {
    const pod = buildFieldTree(core, POD)!;
    expect(explainPath(pod, [])).toBe(pod);
    expect(explainPath(pod, ['spec', 'containers', 'image'])!.name).toBe('image');
    expect(explainPath(pod, ['spec', 'containers', 0, 'image'])!.name).toBe('image');
    expect(explainPath(pod, ['spec', 'containers', '1', 'ports', 0, 'containerPort'])!.type).toBe('integer');
    expect(explainPath(pod, ['metadata', 'labels', 'app'])!.name).toBe('labels');
    expect(explainPath(pod, ['spec', 'nope'])).toBeUndefined();
    expect(explainPath(pod, ['spec', 'nope'], { nearest: true })!.name).toBe('spec');
  });

  it('renders like kubectl explain', () => {
    const pod = buildFieldTree(core, POD)!;
    const top = renderExplain(pod);
    expect(top.slice(0, 4)).toEqual(['KIND:       Pod', 'VERSION:    v1', '', 'DESCRIPTION:']);
    expect(top).toContain('FIELDS:');
    expect(top).toContain('  spec\t<PodSpec>');
    expect(top).toContain('  metadata\t<ObjectMeta>');

    const containers = renderExplain(explainPath(pod, ['spec', 'containers'])!);
    expect(containers[3]).toBe('FIELD: containers <[]Container>');
    expect(containers).toContain('  name\t<string> -required-');
    expect(containers).toContain('  image\t<string>');
    expect(containers).toContain('  imagePullPolicy\t<string>');
    expect(containers).toContain('  enum: Always, IfNotPresent, Never');
    // The field's description, then the element type's.
    const desc = containers.slice(containers.indexOf('DESCRIPTION:') + 1, containers.indexOf('FIELDS:'));
    expect(desc.join(' ')).toMatch(/List of containers belonging to the pod.*A single application container/);
    for (const l of containers) expect(l.replace('\t', ' ').length <= 80 || /https?:\/\//.test(l)).toBe(true);

    const dep = renderExplain(buildFieldTree(apps, DEPLOYMENT)!);
    expect(dep.slice(0, 3)).toEqual(['GROUP:      apps', 'KIND:       Deployment', 'VERSION:    v1']);

    const rec = renderExplain(explainPath(pod, ['spec'])!, { recursive: true });
    expect(rec).toContain('  containers\t<[]Container> -required-');
    expect(rec).toContain('    image\t<string>');
    expect(rec).toContain('      containerPort\t<integer> -required-');
    // Recursive output has no descriptions below FIELDS.
    expect(
      rec
        .slice(rec.indexOf('FIELDS:') + 1)
        .every((l) => /^\s+\S+\t<[^>]+>( -required-)?$/.test(l) || /^\s+enum: /.test(l)),
    ).toBe(true);
  });

  it('maps a line of the pretty-printed pod to its field and explains it', async () => {
    const raw = await api.get({ group: '', version: 'v1', resource: 'pods', namespaced: true }, 'team-a', 'db-0');
    const text = JSON.stringify(raw.json, null, 2);
    const lines = text.split('\n');
    const pod = buildFieldTree(core, POD)!;
    const imageLine = lines.findIndex((l) => l.includes('"image": "postgres'));
    expect(imageLine).toBeGreaterThan(0);
    const path = fieldAtJsonLine(text, imageLine)!;
    expect(path).toEqual(['spec', 'containers', 0, 'image']);
    expect(explainPath(pod, path)!.type).toBe('string');
    expect(fieldAtJsonLine(text, 0)).toEqual([]);
    expect(fieldAtJsonLine(text, lines.length - 1)).toEqual([]);
    expect(fieldAtJsonLine(text, lines.length)).toBeUndefined();
    const nameLine = lines.findIndex((l) => /^ {4}"name": "db-0"/.test(l));
    expect(fieldAtJsonLine(text, nameLine)).toEqual(['metadata', 'name']);
    // Every line maps to something the schema knows, or to a map key / schema-less subtree under it.
    for (let i = 0; i < lines.length; i++) {
      const p = fieldAtJsonLine(text, i)!;
      expect(p, `line ${i}: ${lines[i]}`).toBeDefined();
      expect(explainPath(pod, p, { nearest: true })).toBeDefined();
    }
  });
});

describe('fieldAtJsonLine', () => {
  const text = JSON.stringify(
    { a: 1, spec: { containers: [{ name: 'x', ports: [80, 443] }], labels: {}, 'we"ird': { 'k:{}': [] } } },
    null,
    2,
  );
  const lines = text.split('\n');
  const at = (i: number) => fieldAtJsonLine(text, i);

  it('keys, array elements and closing brackets', () => {
    expect(lines.map((_, i) => at(i))).toEqual([
      [],
      ['a'],
      ['spec'],
      ['spec', 'containers'],
      ['spec', 'containers', 0],
      ['spec', 'containers', 0, 'name'],
      ['spec', 'containers', 0, 'ports'],
      ['spec', 'containers', 0, 'ports', 0],
      ['spec', 'containers', 0, 'ports', 1],
      ['spec', 'containers', 0, 'ports'],
      ['spec', 'containers', 0],
      ['spec', 'containers'],
      ['spec', 'labels'],
      ['spec', 'we"ird'],
      ['spec', 'we"ird', 'k:{}'],
      ['spec', 'we"ird'],
      ['spec'],
      [],
    ]);
  });

  it('works with other indents and truncated text', () => {
    const four = JSON.stringify({ a: { b: [true, null] } }, null, 4);
    expect(fieldAtJsonLine(four, 3)).toEqual(['a', 'b', 0]);
    expect(fieldAtJsonLine('{\n  "a": {\n    "b": 1', 2)).toEqual(['a', 'b']);
    expect(fieldAtJsonLine('', 0)).toBeUndefined();
    expect(fieldAtJsonLine(text, -1)).toBeUndefined();
  });
});

describe('real kube-apiserver shapes: cycles and wrappers', () => {
  // Abridged from kube-apiserver's /openapi/v3/apis/apiextensions.k8s.io/v1: JSONSchemaProps refers
  // to itself through properties (map), items (JSONSchemaPropsOrArray, a typeless wrapper) and allOf (array).
  const P = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.';
  const R = '#/components/schemas/';
  const doc = {
    openapi: '3.0.0',
    components: {
      schemas: {
        [`${P}CustomResourceDefinition`]: {
          description: 'CustomResourceDefinition represents a resource that should be exposed on the API server.',
          type: 'object',
          required: ['spec'],
          properties: {
            apiVersion: { type: 'string', description: 'APIVersion defines the versioned schema.' },
            spec: {
              allOf: [{ $ref: `${R}${P}CustomResourceDefinitionSpec` }],
              default: {},
              description: 'spec describes how the user wants the resources to appear',
            },
          },
          'x-kubernetes-group-version-kind': [
            { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', version: 'v1' },
          ],
        },
        [`${P}CustomResourceDefinitionSpec`]: {
          description: 'CustomResourceDefinitionSpec describes how a user wants their resource to appear',
          type: 'object',
          required: ['group', 'versions'],
          properties: {
            group: {
              type: 'string',
              default: '',
              description: 'group is the API group of the defined custom resource.',
            },
            versions: {
              type: 'array',
              items: { allOf: [{ $ref: `${R}${P}CustomResourceDefinitionVersion` }], default: {} },
              description: 'versions is the list of all API versions.',
            },
          },
        },
        [`${P}CustomResourceDefinitionVersion`]: {
          description: 'CustomResourceDefinitionVersion describes a version for CRD.',
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string', default: '', description: 'name is the version name.' },
            schema: {
              allOf: [{ $ref: `${R}${P}CustomResourceValidation` }],
              description: 'schema describes the schema used for validation.',
            },
          },
        },
        [`${P}CustomResourceValidation`]: {
          description: 'CustomResourceValidation is a list of validation methods for CustomResources.',
          type: 'object',
          properties: {
            openAPIV3Schema: {
              allOf: [{ $ref: `${R}${P}JSONSchemaProps` }],
              description: 'openAPIV3Schema is the OpenAPI v3 schema to use for validation and pruning.',
            },
          },
        },
        [`${P}JSONSchemaProps`]: {
          description: 'JSONSchemaProps is a JSON-Schema following Specification Draft 4 (http://json-schema.org/).',
          type: 'object',
          properties: {
            allOf: { type: 'array', items: { allOf: [{ $ref: `${R}${P}JSONSchemaProps` }], default: {} } },
            items: { $ref: `${R}${P}JSONSchemaPropsOrArray` },
            properties: {
              type: 'object',
              additionalProperties: { allOf: [{ $ref: `${R}${P}JSONSchemaProps` }], default: {} },
            },
            type: { type: 'string' },
            'x-kubernetes-int-or-string': { type: 'boolean' },
          },
        },
        [`${P}JSONSchemaPropsOrArray`]: {
          description:
            'JSONSchemaPropsOrArray represents a value that can either be a JSONSchemaProps or an array of JSONSchemaProps.',
        },
      },
    },
  };
  const CRD = { group: 'apiextensions.k8s.io', version: 'v1', kind: 'CustomResourceDefinition' };

  it('stops at cycles and marks them recursive', () => {
    const t = buildFieldTree(doc, CRD)!;
    const props = explainPath(t, ['spec', 'versions', 'schema', 'openAPIV3Schema'])!;
    expect(props.type).toBe('JSONSchemaProps');
    expect(props.recursive).toBeUndefined();
    const inner = child(props, 'properties');
    expect(inner.type).toBe('map[string]JSONSchemaProps');
    expect(inner.recursive).toBe(true);
    expect(inner.children).toBeUndefined();
    expect(child(props, 'allOf').type).toBe('[]JSONSchemaProps');
    expect(child(props, 'allOf').recursive).toBe(true);
    // A typeless schema named by $ref is shown by its name, like kubectl does.
    expect(child(props, 'items').type).toBe('JSONSchemaPropsOrArray');
    expect(child(props, 'items').children).toBeUndefined();
    expect(explainPath(t, ['spec', 'versions'])!.type).toBe('[]CustomResourceDefinitionVersion');
    expect(explainPath(t, ['spec', 'versions'])!.required).toBe(true);
    // Rendering a cyclic tree recursively terminates.
    const lines = renderExplain(t, { recursive: true });
    expect(lines).toContain('          properties\t<map[string]JSONSchemaProps>');
    expect(lines.length).toBeLessThan(40);
  });

  it('expands a recursive node on demand, and explainPath walks through with the document', () => {
    const t = buildFieldTree(doc, CRD)!;
    const inner = explainPath(t, ['spec', 'versions', 'schema', 'openAPIV3Schema', 'properties'])!;
    const open = expandField(doc, inner);
    expect(open.recursive).toBeUndefined();
    expect(open.children!.map((c) => c.name)).toEqual([
      'allOf',
      'items',
      'properties',
      'type',
      'x-kubernetes-int-or-string',
    ]);
    expect(child(open, 'properties').recursive).toBe(true);
    const deep = ['spec', 'versions', 'schema', 'openAPIV3Schema', 'properties', 'foo', 'properties', 'bar', 'type'];
    expect(explainPath(t, deep)).toBeUndefined();
    const typeNode = explainPath(t, deep, { document: doc })!;
    expect(typeNode.type).toBe('string');
    expect(renderExplain(typeNode)[0]).toBe('GROUP:      apiextensions.k8s.io');
  });

  it('a depth limit also marks nodes recursive', () => {
    const t = buildFieldTree(doc, CRD, { maxDepth: 2 })!;
    const versions = explainPath(t, ['spec', 'versions'])!;
    expect(versions.recursive).toBe(true);
    expect(versions.children).toBeUndefined();
  });

  it('accepts a schema name, and Swagger 2.0 documents', () => {
    const byName = buildFieldTree(doc, `${P}CustomResourceDefinitionSpec`)!;
    expect(byName.name).toBe('CustomResourceDefinitionSpec');
    expect(byName.gvk).toBeUndefined();
    const v2 = JSON.parse(
      JSON.stringify({ swagger: '2.0', definitions: doc.components.schemas }).replaceAll(
        '#/components/schemas/',
        '#/definitions/',
      ),
    );
    const t = buildFieldTree(v2, CRD)!;
    expect(explainPath(t, ['spec', 'versions', 'name'])!.required).toBe(true);
    expect(buildFieldTree({}, CRD)).toBeUndefined();
  });
});
