// OpenAPI v2 (/openapi/v2) and v3 (/openapi/v3, /openapi/v3/<gv>) documents generated from CATALOG.
// Kinds with a hand-written schema (openapi-schemas.ts) get it; every other kind gets a minimal one.
// Documents are static, so each is built once on first request and memoized with its JSON and hash.
import { createHash } from 'node:crypto';
import { CATALOG, type GroupDef, type ResourceDef, type VersionDef } from './catalog.js';
import { handWrittenSchemas, META, obj, structRef, typeMetaProps, type Schema } from './openapi-schemas.js';

const KUBE_VERSION = 'v1.33.0';
const MIME = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const WATCH_MIME = ['application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'];
const BEARER = { type: 'apiKey', name: 'authorization', in: 'header', description: 'Bearer Token authentication' };

type Flavor = 'v2' | 'v3';
interface GV {
  /** index key: 'api/v1', 'apis/apps/v1' */
  key: string;
  group: GroupDef;
  version: VersionDef;
}

const allGVs = (): GV[] =>
  CATALOG.flatMap((group) =>
    group.versions.map((version) => ({
      key: group.name === '' ? `api/${version.version}` : `apis/${group.name}/${version.version}`,
      group,
      version,
    })),
  );

/** The Go package prefix real schema names use, e.g. io.k8s.api.apps.v1 or com.example.stable.v1 for a CRD. */
export function schemaPackage(group: GroupDef, version: string): string {
  const n = group.name;
  if (n === '') return `io.k8s.api.core.${version}`;
  if (group.source === 'crd') return `${n.split('.').reverse().join('.')}.${version}`;
  if (n === 'apiextensions.k8s.io') return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${version}`;
  if (n === 'apiregistration.k8s.io') return `io.k8s.kube-aggregator.pkg.apis.apiregistration.${version}`;
  if (n === 'metrics.k8s.io') return `io.k8s.metrics.pkg.apis.metrics.${version}`;
  // rbac.authorization.k8s.io → rbac, flowcontrol.apiserver.k8s.io → flowcontrol, events.k8s.io → events
  return `io.k8s.api.${n.replace(/\.k8s\.io$/, '').split('.')[0]}.${version}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** operationId group part: '' → Core, rbac.authorization.k8s.io → RbacAuthorization. */
const groupCamel = (g: string) =>
  g === ''
    ? 'Core'
    : g
        .replace(/\.k8s\.io$/, '')
        .split('.')
        .map(cap)
        .join('');

// ---------- paths ----------
interface Param {
  name: string;
  in: 'path' | 'query';
  description: string;
  type: 'string' | 'integer' | 'boolean';
  required?: boolean;
}
const P = {
  name: { name: 'name', in: 'path', description: 'name of the resource', type: 'string', required: true },
  namespace: {
    name: 'namespace',
    in: 'path',
    description: 'object name and auth scope, such as for teams and projects',
    type: 'string',
    required: true,
  },
  pretty: {
    name: 'pretty',
    in: 'query',
    description:
      "If 'true', then the output is pretty printed. Defaults to 'false' unless the user-agent indicates a browser or command-line HTTP tool (curl and wget).",
    type: 'string',
  },
} satisfies Record<string, Param>;
const LIST_QUERY: Param[] = [
  [
    'allowWatchBookmarks',
    'boolean',
    'allowWatchBookmarks requests watch events with type "BOOKMARK". Servers that do not implement bookmarks may ignore this flag.',
  ],
  ['continue', 'string', 'The continue option should be set when retrieving more results from the server.'],
  [
    'fieldSelector',
    'string',
    'A selector to restrict the list of returned objects by their fields. Defaults to everything.',
  ],
  [
    'labelSelector',
    'string',
    'A selector to restrict the list of returned objects by their labels. Defaults to everything.',
  ],
  [
    'limit',
    'integer',
    'limit is a maximum number of responses to return for a list call. If more items exist, the server will set the `continue` field on the list metadata.',
  ],
  [
    'resourceVersion',
    'string',
    'resourceVersion sets a constraint on what resource versions a request may be served from.',
  ],
  ['resourceVersionMatch', 'string', 'resourceVersionMatch determines how resourceVersion is applied to list calls.'],
  [
    'sendInitialEvents',
    'boolean',
    '`sendInitialEvents=true` may be set together with `watch=true`. In that case, the watch stream will begin with synthetic events to produce the current state of objects in the collection.',
  ],
  [
    'timeoutSeconds',
    'integer',
    'Timeout for the list/watch call. This limits the duration of the call, regardless of any activity or inactivity.',
  ],
  [
    'watch',
    'boolean',
    'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.',
  ],
].map(([name, type, description]) => ({ name, in: 'query', type, description }) as Param);

function renderParam(p: Param, flavor: Flavor) {
  const required = p.required ? { required: true } : {};
  return flavor === 'v2'
    ? { name: p.name, in: p.in, description: p.description, ...required, type: p.type, uniqueItems: true }
    : { name: p.name, in: p.in, description: p.description, ...required, schema: { type: p.type, uniqueItems: true } };
}

const refTo = (name: string, flavor: Flavor) => ({
  $ref: (flavor === 'v2' ? '#/definitions/' : '#/components/schemas/') + name,
});

interface OpSpec {
  verb: 'get' | 'post';
  action: string;
  id: string;
  description: string;
  tag: string;
  schema: string;
  gvk?: { group: string; version: string; kind: string };
  query?: Param[];
  watchable?: boolean;
}

function operation(o: OpSpec, flavor: Flavor) {
  const mimes = o.watchable ? [...MIME, ...WATCH_MIME] : MIME;
  const ok = (description: string) =>
    flavor === 'v2'
      ? { description, schema: refTo(o.schema, flavor) }
      : { description, content: Object.fromEntries(mimes.map((m) => [m, { schema: refTo(o.schema, flavor) }])) };
  const responses: Record<string, object> =
    o.verb === 'post' ? { '200': ok('OK'), '201': ok('Created'), '202': ok('Accepted') } : { '200': ok('OK') };
  responses['401'] = { description: 'Unauthorized' };
  const body =
    o.verb !== 'post'
      ? {}
      : flavor === 'v2'
        ? { parameters: [{ name: 'body', in: 'body', required: true, schema: refTo(o.schema, flavor) }] }
        : { requestBody: { content: { '*/*': { schema: refTo(o.schema, flavor) } }, required: true } };
  return {
    tags: [o.tag],
    description: o.description,
    ...(flavor === 'v2' && { consumes: ['*/*'], produces: mimes, schemes: ['https'] }),
    operationId: o.id,
    ...(o.query?.length && { parameters: o.query.map((p) => renderParam(p, flavor)) }),
    ...body,
    responses,
    'x-kubernetes-action': o.action,
    ...(o.gvk && { 'x-kubernetes-group-version-kind': o.gvk }),
  };
}

function pathItem(ops: OpSpec[], params: Param[], flavor: Flavor) {
  const item: Record<string, unknown> = {};
  for (const o of ops) item[o.verb] = operation(o, flavor);
  item.parameters = params.map((p) => renderParam(p, flavor));
  return item;
}

/** GET paths for list (namespaced, all namespaces, cluster) and read; POST for create-only resources. */
function resourcePaths(gv: GV, r: ResourceDef, flavor: Flavor, out: Record<string, unknown>) {
  const prefix = '/' + gv.key;
  const G = groupCamel(gv.group.name) + cap(gv.version.version);
  const tag = `${groupCamel(gv.group.name).replace(/^./, (c) => c.toLowerCase())}_${gv.version.version}`;
  const gvk = { group: gv.group.name, version: gv.version.version, kind: r.kind };
  const pkg = schemaPackage(gv.group, gv.version.version);
  const Ns = r.namespaced ? 'Namespaced' : '';
  const base = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.name}` : `${prefix}/${r.name}`;
  const scope = r.namespaced ? [P.namespace] : [];
  const has = (v: string) => r.verbs.includes(v);
  const collection: OpSpec[] = [];
  if (has('list'))
    collection.push({
      verb: 'get',
      action: 'list',
      id: `list${G}${Ns}${r.kind}`,
      description: `list or watch objects of kind ${r.kind}`,
      tag,
      schema: `${pkg}.${r.kind}List`,
      gvk,
      query: LIST_QUERY,
      watchable: has('watch'),
    });
  if (has('create') && !has('list'))
    // reviews, bindings: POST is all they offer
    collection.push({
      verb: 'post',
      action: 'post',
      id: `create${G}${Ns}${r.kind}`,
      description: `create a ${r.kind}`,
      tag,
      schema: `${pkg}.${r.kind}`,
      gvk,
    });
  if (collection.length) out[base] = pathItem(collection, [...scope, P.pretty], flavor);
  if (has('get'))
    out[`${base}/{name}`] = pathItem(
      [
        {
          verb: 'get',
          action: 'get',
          id: `read${G}${Ns}${r.kind}`,
          description: `read the specified ${r.kind}`,
          tag,
          schema: `${pkg}.${r.kind}`,
          gvk,
        },
      ],
      [P.name, ...scope, P.pretty],
      flavor,
    );
  if (r.namespaced && has('list'))
    out[`${prefix}/${r.name}`] = pathItem(
      [
        {
          verb: 'get',
          action: 'list',
          id: `list${G}${r.kind}ForAllNamespaces`,
          description: `list or watch objects of kind ${r.kind}`,
          tag,
          schema: `${pkg}.${r.kind}List`,
          gvk,
          query: LIST_QUERY,
          watchable: has('watch'),
        },
      ],
      [P.pretty],
      flavor,
    );
}

function gvPaths(gv: GV, flavor: Flavor): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const G = groupCamel(gv.group.name) + cap(gv.version.version);
  const tag = `${groupCamel(gv.group.name).replace(/^./, (c) => c.toLowerCase())}_${gv.version.version}`;
  out[`/${gv.key}/`] = pathItem(
    [
      {
        verb: 'get',
        action: 'get',
        id: `get${G}APIResources`,
        description: 'get available resources',
        tag,
        schema: META + 'APIResourceList',
      },
    ],
    [],
    flavor,
  );
  for (const r of gv.version.resources) resourcePaths(gv, r, flavor, out);
  // Real documents list paths sorted; keep that so consumers can rely on it.
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

// ---------- schemas ----------
/** Top-level schemas (kinds and their lists) of one group-version, with refs still bare names. */
function gvSchemas(gv: GV): Record<string, Schema> {
  const hand = handWrittenSchemas();
  const pkg = schemaPackage(gv.group, gv.version.version);
  // The `/<gv>/` path answers with an APIResourceList, so every document carries it.
  const out: Record<string, Schema> = { [META + 'APIResourceList']: hand[META + 'APIResourceList']! };
  for (const r of gv.version.resources) {
    const gvk = [{ group: gv.group.name, kind: r.kind, version: gv.version.version }];
    const name = `${pkg}.${r.kind}`;
    out[name] = { ...(hand[name] ?? minimalKind(r, gv)), 'x-kubernetes-group-version-kind': gvk };
    if (r.verbs.includes('list'))
      out[`${name}List`] = {
        ...obj(
          `${r.kind}List is a list of ${r.kind} objects.`,
          {
            ...typeMetaProps(),
            items: { description: `List of ${r.kind.toLowerCase()} objects.`, type: 'array', items: structRef(name) },
            metadata: structRef(
              META + 'ListMeta',
              'Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
            ),
          },
          ['items'],
        ),
        'x-kubernetes-group-version-kind': [{ ...gvk[0]!, kind: `${r.kind}List` }],
      };
  }
  return out;
}

/** Kinds without a hand-written schema: the common envelope plus opaque spec/status. */
function minimalKind(r: ResourceDef, gv: GV): Schema {
  const gvName = gv.group.name ? `${gv.group.name}/${gv.version.version}` : gv.version.version;
  return obj(`${r.kind} (${gvName}). The sandbox publishes an abridged schema for this kind.`, {
    ...typeMetaProps(),
    spec: {
      description: `Desired state of the ${r.kind}.`,
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    },
    status: {
      description: `Observed state of the ${r.kind}. Populated by the system. Read-only.`,
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    },
  });
}

function collectRefs(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, into));
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') into.add(v);
      else collectRefs(v, into);
    }
}

/** roots plus everything they reference, transitively, sorted by name. */
function closure(roots: Record<string, Schema>): Record<string, Schema> {
  const hand = handWrittenSchemas();
  const out: Record<string, Schema> = { ...roots };
  const queue = Object.values(roots);
  while (queue.length) {
    const refs = new Set<string>();
    collectRefs(queue.pop(), refs);
    for (const name of refs) {
      if (out[name]) continue;
      const s = hand[name];
      if (!s) throw new Error(`openapi: schema ${name} is referenced but not defined`);
      out[name] = s;
      queue.push(s);
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Bare refs → document refs. v2 keeps `description` next to `$ref` as Kubernetes' swagger does; v3
 * wraps such refs in `allOf` (OpenAPI 3.0 ignores siblings of $ref), again as kube-apiserver does.
 */
function renderRefs(node: unknown, flavor: Flavor): unknown {
  if (Array.isArray(node)) return node.map((n) => renderRefs(n, flavor));
  if (!node || typeof node !== 'object') return node;
  const { $ref, ...rest } = node as Schema;
  const body = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, renderRefs(v, flavor)]));
  if (typeof $ref !== 'string') return body;
  const target = refTo($ref, flavor);
  // Key order and `default: {}` (on refs to non-pointer structs) as kube-apiserver v1.34 writes
  // them: v2 `{description, $ref}` without the default, v3 `{description, default, allOf}`.
  if (flavor === 'v2') {
    const { default: _omitted, ...v2body } = body;
    return { ...v2body, ...target };
  }
  if (Object.keys(body).length === 0) return target;
  return { ...body, allOf: [target] };
}

function renderSchemas(schemas: Record<string, Schema>, flavor: Flavor) {
  return Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, renderRefs(v, flavor)]));
}

// ---------- documents (memoized) ----------
interface V3Entry {
  doc: object;
  json: string;
  hash: string;
}
let v3Cache: Map<string, V3Entry> | undefined;
let v2Cache: object | undefined;

function v3Entries(): Map<string, V3Entry> {
  if (!v3Cache) {
    v3Cache = new Map();
    for (const gv of allGVs()) {
      const doc = {
        openapi: '3.0.0',
        info: { title: 'Kubernetes', version: KUBE_VERSION },
        paths: gvPaths(gv, 'v3'),
        components: { schemas: renderSchemas(closure(gvSchemas(gv)), 'v3'), securitySchemes: { BearerToken: BEARER } },
      };
      const json = JSON.stringify(doc);
      v3Cache.set(gv.key, { doc, json, hash: createHash('sha512').update(json).digest('hex').toUpperCase() });
    }
  }
  return v3Cache;
}

/** GET /openapi/v2: one Swagger 2.0 document covering every group-version. */
export function openapiV2(): object {
  if (!v2Cache) {
    const gvs = allGVs();
    const roots = Object.assign({}, ...gvs.map(gvSchemas)) as Record<string, Schema>;
    const paths = Object.assign({}, ...gvs.map((gv) => gvPaths(gv, 'v2'))) as Record<string, unknown>;
    v2Cache = {
      swagger: '2.0',
      info: { title: 'Kubernetes', version: KUBE_VERSION },
      paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : 1))),
      definitions: renderSchemas(closure(roots), 'v2'),
      securityDefinitions: { BearerToken: BEARER },
      security: [{ BearerToken: [] }],
    };
  }
  return v2Cache;
}

/** GET /openapi/v3: keys have no leading slash; hash = uppercase hex SHA-512 of the served JSON. */
let v3IndexMemo: object | undefined;

/** Built once and shared (the documents it points at never change): treat it as read-only. */
export function openapiV3Index(): object {
  if (v3IndexMemo) return v3IndexMemo;
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const [key, e] of v3Entries()) paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${e.hash}` };
  return (v3IndexMemo = { paths });
}

/** GET /openapi/v3/<gvPath> ('api/v1', 'apis/apps/v1'); undefined for an unknown group-version. */
export function openapiV3Document(gvPath: string): object | undefined {
  return v3Entries().get(stripSlashes(gvPath))?.doc;
}

/**
 * The exact bytes the index hash was computed over (compact JSON). Serve this rather than
 * re-serializing, so `?hash=` always matches what the client receives.
 */
export function openapiV3DocumentJson(gvPath: string): { json: string; hash: string } | undefined {
  const e = v3Entries().get(stripSlashes(gvPath));
  return e && { json: e.json, hash: e.hash };
}

const stripSlashes = (p: string) => p.replace(/^\/+|\/+$/g, '');
