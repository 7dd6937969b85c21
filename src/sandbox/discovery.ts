// Legacy and aggregated discovery documents, both generated from CATALOG so they always agree.
// Objects are built with keys in Go struct order because kube-apiserver sends compact JSON in that
// order (see docs k8s-wire.md §0, §2, §3).
import { createHash } from 'node:crypto';
import { CATALOG, groupVersion, type GroupDef, type ResourceDef, type VersionDef } from './catalog.js';

export type DiscoveryVersion = 'v2' | 'v2beta1';

const AGGREGATED_GROUP = 'apidiscovery.k8s.io';
const AGGREGATED_AS = 'APIGroupDiscoveryList';
const aggregatedContentType = (v: DiscoveryVersion) =>
  `application/json;g=${AGGREGATED_GROUP};v=${v};as=${AGGREGATED_AS}`;

interface MediaRange {
  type: string;
  params: Record<string, string>;
  q: number;
  order: number;
}

function parseAccept(accept: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  accept.split(',').forEach((part, order) => {
    const [type, ...rest] = part.split(';').map((s) => s.trim());
    if (!type) return;
    const params: Record<string, string> = {};
    let q = 1;
    for (const p of rest) {
      const eq = p.indexOf('=');
      if (eq < 0) continue;
      const key = p.slice(0, eq).trim().toLowerCase();
      const value = p
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
      if (key === 'q') q = Number.isFinite(Number(value)) ? Number(value) : 1;
      else params[key] = value;
    }
    ranges.push({ type: type.toLowerCase(), params, q, order });
  });
  // Higher q first; equal q keeps the client's order (kubectl sends no q, so its order decides).
  return ranges.sort((a, b) => b.q - a.q || a.order - b.order);
}

/**
 * Picks the discovery format like kube-apiserver: the aggregated document only when the client
 * explicitly asks for the APIGroupDiscoveryList GVK (client-go chooses its parser from the response
 * Content-Type, so the label must match what was asked for). Anything else gets legacy JSON.
 */
export function negotiateDiscovery(accept: string | undefined): {
  aggregated: boolean;
  contentType: string;
  /** set when aggregated: the apidiscovery.k8s.io version to pass to aggregatedDiscovery */
  version?: DiscoveryVersion;
} {
  const legacy = { aggregated: false, contentType: 'application/json' };
  if (!accept || !accept.trim()) return legacy;
  for (const r of parseAccept(accept)) {
    if (r.q <= 0) continue;
    const { g, v, as } = r.params;
    if (g === undefined && v === undefined && as === undefined) {
      if (r.type === 'application/json' || r.type === 'application/*' || r.type === '*/*') return legacy;
      continue;
    }
    // `profile=nopeer` may accompany v2; this single server has no peers, so every profile is the same.
    if (
      r.type === 'application/json' &&
      g === AGGREGATED_GROUP &&
      as === AGGREGATED_AS &&
      (v === 'v2' || v === 'v2beta1')
    )
      return { aggregated: true, contentType: aggregatedContentType(v), version: v };
  }
  // A real server would answer 406 here; the sandbox prefers to stay usable with odd clients.
  return legacy;
}

/** GET /api (legacy). APIVersions has no apiVersion field on the wire. */
export function apiVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupEntry(g: GroupDef) {
  const versions = g.versions.map((v) => ({ groupVersion: `${g.name}/${v.version}`, version: v.version }));
  return { name: g.name, versions, preferredVersion: versions[0] };
}

const namedGroups = () => CATALOG.filter((g) => g.name !== '');

/** GET /apis (legacy): every named group in priority order, versions preferred first. */
export function apiGroupList(): object {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: namedGroups().map(groupEntry) };
}

/** GET /apis/<group>; undefined for unknown groups and for core (which lives at /api). */
export function apiGroup(name: string): object | undefined {
  const g = name === '' ? undefined : CATALOG.find((x) => x.name === name);
  return g && { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(g) };
}

/**
 * storageVersionHash as kube-apiserver computes it: base64 of the first 8 bytes of
 * sha256("<group>/<version>/<kind>") of the *storage* version (so "/v1/Pod" → "xPOwRZ+Yhw8=").
 * Every served version of a resource shares it. Storage is the preferred version for everything in
 * the catalog except events.k8s.io Events, which are stored as core v1 Events.
 */
function storageVersionHash(g: GroupDef, kind: string): string {
  const storage =
    g.name === 'events.k8s.io' && kind === 'Event' ? '/v1/Event' : `${g.name}/${g.versions[0]!.version}/${kind}`;
  return createHash('sha256').update(storage).digest().subarray(0, 8).toString('base64');
}

/** Storage-backed resources support watch; virtual ones (reviews, bindings, componentstatuses, metrics) don't. */
const persisted = (r: ResourceDef) => r.verbs.includes('watch');

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function findVersion(group: string, version: string): [GroupDef, VersionDef] | undefined {
  const g = CATALOG.find((x) => x.name === group);
  const v = g?.versions.find((x) => x.version === version);
  return g && v ? [g, v] : undefined;
}

/** GET /api/v1 or /apis/<g>/<v>: subresources are separate `parent/sub` entries, sorted by name. */
export function apiResourceList(group: string, version: string): object | undefined {
  const found = findVersion(group, version);
  if (!found) return undefined;
  const [g, v] = found;
  const entries: Array<Record<string, unknown> & { name: string }> = [];
  for (const r of v.resources) {
    entries.push({
      name: r.name,
      singularName: r.singularName,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames && { shortNames: r.shortNames }),
      ...(r.categories && { categories: r.categories }),
      ...(persisted(r) && { storageVersionHash: storageVersionHash(g, r.kind) }),
    });
    for (const s of r.subresources ?? [])
      entries.push({
        name: `${r.name}/${s.name}`,
        singularName: '',
        namespaced: r.namespaced,
        ...(s.group !== undefined && { group: s.group }),
        ...(s.version !== undefined && { version: s.version }),
        kind: s.kind,
        verbs: s.verbs,
      });
  }
  entries.sort((a, b) => byteOrder(a.name, b.name));
  const gv = groupVersion(group, version);
  // The core list is served without apiVersion, named groups with apiVersion "v1" (wire notes §2).
  return group === ''
    ? { kind: 'APIResourceList', groupVersion: gv, resources: entries }
    : { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources: entries };
}

/** Built-ins leave responseKind group/version empty when they equal the resource's own; CRDs fill them in. */
function responseKind(g: GroupDef, v: VersionDef, kind: string, other?: { group?: string; version?: string }) {
  if (other?.group !== undefined || other?.version !== undefined)
    return { group: other.group ?? g.name, version: other.version ?? v.version, kind };
  return g.source === 'crd' ? { group: g.name, version: v.version, kind } : { group: '', version: '', kind };
}

function resourceDiscovery(g: GroupDef, v: VersionDef, r: ResourceDef) {
  return {
    resource: r.name,
    responseKind: responseKind(g, v, r.kind),
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singularName,
    verbs: r.verbs,
    ...(r.shortNames && { shortNames: r.shortNames }),
    ...(r.categories && { categories: r.categories }),
    ...(r.subresources && {
      subresources: r.subresources.map((s) => ({
        subresource: s.name,
        responseKind: responseKind(g, v, s.kind, s),
        verbs: s.verbs,
      })),
    }),
  };
}

/**
 * GET /api or /apis with the aggregated Accept header: an APIGroupDiscoveryList. Send it with the
 * Content-Type from negotiateDiscovery, or client-go will parse it as legacy and see nothing.
 */
const aggregatedMemo = new Map<string, object>();

/** Built once per (root, version) from the static catalog and shared: treat it as read-only. */
export function aggregatedDiscovery(root: 'api' | 'apis', version: DiscoveryVersion = 'v2'): object {
  const key = `${root}/${version}`;
  let doc = aggregatedMemo.get(key);
  if (!doc) aggregatedMemo.set(key, (doc = buildAggregated(root, version)));
  return doc;
}

function buildAggregated(root: 'api' | 'apis', version: DiscoveryVersion): object {
  const groups = CATALOG.filter((g) => (root === 'api' ? g.name === '' : g.name !== ''));
  // v2beta1 servers serialized an empty creationTimestamp as null; v2 servers omit it.
  const stamp = version === 'v2beta1' ? { creationTimestamp: null } : {};
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `${AGGREGATED_GROUP}/${version}`,
    metadata: {},
    items: groups.map((g) => ({
      metadata: g.name === '' ? { ...stamp } : { name: g.name, ...stamp },
      versions: g.versions.map((v) => ({
        version: v.version,
        resources: [...v.resources].sort((a, b) => byteOrder(a.name, b.name)).map((r) => resourceDiscovery(g, v, r)),
        freshness: 'Current',
      })),
    })),
  };
}
