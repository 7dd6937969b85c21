// API discovery: aggregated v2 (two requests) with a fallback to legacy discovery
// (/api, /apis, then one APIResourceList per group-version).
import type {
  DiscoveredGroup,
  DiscoveredGroupVersion,
  DiscoveredResource,
  DiscoveredSubresource,
  Discovery,
} from '../model/types.js';
import { getMaxListeners, setMaxListeners } from 'node:events';
import { KubeError } from './errors.js';
import { gvPath } from '../model/paths.js';

export const AGGREGATED_DISCOVERY_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,' +
  'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

export const LEGACY_DISCOVERY_ACCEPT = 'application/json';

/** Fetch a JSON document (throws KubeError). */
export type DiscoveryFetch = (path: string, accept: string, signal?: AbortSignal) => Promise<unknown>;

export interface DiscoverOptions {
  /** Skip aggregated discovery (send plain application/json). */
  legacy?: boolean;
  signal?: AbortSignal;
  /** Parallel group-version requests in legacy mode (default LEGACY_CONCURRENCY). */
  concurrency?: number;
  /** Legacy mode: the groups so far (`partial`), once the roots are in and after each group-version,
   *  so a slow cluster's tree fills in instead of appearing all at once. */
  onPartial?: (partial: Discovery) => void;
}

type Json = Record<string, any>;

/** kubectl asks for every group-version at once (its discovery burst is 300, over one HTTP/2
 *  connection). Over HTTP/1.1 each parallel request is a kept-alive connection: 50 covers a large
 *  cluster's list in one round trip or two without opening hundreds of TLS connections. */
export const LEGACY_CONCURRENCY = 50;

function gvString(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

// ---------- aggregated (apidiscovery.k8s.io v2 / v2beta1) ----------

export function isAggregatedDocument(doc: unknown): boolean {
  return !!doc && typeof doc === 'object' && (doc as Json).kind === 'APIGroupDiscoveryList';
}

/** Parse one APIGroupDiscoveryList (from /api or /apis). */
export function parseAggregated(doc: unknown, root: 'api' | 'apis'): DiscoveredGroup[] {
  const items: Json[] = Array.isArray((doc as Json)?.items) ? (doc as Json).items : [];
  return items.map((item) => {
    const name: string = root === 'api' ? '' : (item.metadata?.name ?? '');
    const versions: DiscoveredGroupVersion[] = (Array.isArray(item.versions) ? item.versions : []).map(
      (v: Json, i: number): DiscoveredGroupVersion => {
        const version = String(v.version ?? '');
        const resources = (Array.isArray(v.resources) ? v.resources : []).map((r: Json) =>
          aggregatedResource(r, name, version),
        );
        const gv: DiscoveredGroupVersion = {
          group: name,
          version,
          groupVersion: gvString(name, version),
          preferred: i === 0,
          resources,
        };
        if (v.freshness === 'Stale' || v.freshness === 'Current') gv.freshness = v.freshness;
        return gv;
      },
    );
    return { name, preferredVersion: versions[0]?.version ?? '', versions };
  });
}

function otherGV(
  kindGroup: unknown,
  kindVersion: unknown,
  group: string,
  version: string,
): { group?: string; version?: string } {
  const g = typeof kindGroup === 'string' ? kindGroup : undefined;
  const v = typeof kindVersion === 'string' && kindVersion ? kindVersion : undefined;
  // Empty group/version in responseKind means "same as this group-version".
  const effG = g === undefined || (g === '' && !v) ? group : g;
  const effV = v ?? version;
  if (effG === group && effV === version) return {};
  return { group: effG, version: effV };
}

function aggregatedResource(r: Json, group: string, version: string): DiscoveredResource {
  const subresources: DiscoveredSubresource[] = (Array.isArray(r.subresources) ? r.subresources : []).map(
    (s: Json) => ({
      name: String(s.subresource ?? ''),
      kind: String(s.responseKind?.kind ?? ''),
      ...otherGV(s.responseKind?.group, s.responseKind?.version, group, version),
      verbs: strings(s.verbs),
    }),
  );
  return {
    name: String(r.resource ?? ''),
    singularName: String(r.singularResource ?? ''),
    kind: String(r.responseKind?.kind ?? ''),
    namespaced: r.scope === 'Namespaced',
    verbs: strings(r.verbs),
    shortNames: strings(r.shortNames),
    categories: strings(r.categories),
    subresources,
    group,
    version,
    raw: r,
  };
}

// ---------- legacy (APIVersions / APIGroupList / APIResourceList) ----------

/** Parse an APIResourceList; `parent/sub` entries fold into the parent's subresources. */
export function parseResourceList(doc: unknown, group: string, version: string): DiscoveredResource[] {
  const list: Json[] = Array.isArray((doc as Json)?.resources) ? (doc as Json).resources : [];
  const out: DiscoveredResource[] = [];
  const byName = new Map<string, DiscoveredResource>();
  const subs: Json[] = [];
  for (const r of list) {
    const name = String(r.name ?? '');
    if (name.includes('/')) {
      subs.push(r);
      continue;
    }
    const res: DiscoveredResource = {
      name,
      singularName: String(r.singularName ?? ''),
      kind: String(r.kind ?? ''),
      namespaced: r.namespaced === true,
      verbs: strings(r.verbs),
      shortNames: strings(r.shortNames),
      categories: strings(r.categories),
      subresources: [],
      group,
      version,
      raw: r,
    };
    out.push(res);
    byName.set(name, res);
  }
  for (const s of subs) {
    const [parentName, ...rest] = String(s.name).split('/');
    const parent = byName.get(parentName!);
    if (!parent) continue;
    parent.subresources.push({
      name: rest.join('/'),
      kind: String(s.kind ?? ''),
      ...otherGV(s.group, s.version, group, version),
      verbs: strings(s.verbs),
    });
  }
  return out;
}

interface LegacyPlan {
  group: string;
  versions: { version: string; groupVersion: string }[];
  preferredVersion: string;
}

function legacyPlan(doc: unknown, root: 'api' | 'apis'): LegacyPlan[] {
  const d = (doc ?? {}) as Json;
  if (root === 'api') {
    const versions = strings(d.versions);
    return versions.length
      ? [
          {
            group: '',
            versions: versions.map((v) => ({ version: v, groupVersion: v })),
            preferredVersion: versions[0]!,
          },
        ]
      : [];
  }
  const groups: Json[] = Array.isArray(d.groups) ? d.groups : [];
  return groups.map((g) => {
    const name = String(g.name ?? '');
    const versions = (Array.isArray(g.versions) ? g.versions : []).map((v: Json) => ({
      version: String(v.version ?? ''),
      groupVersion: String(v.groupVersion ?? gvString(name, String(v.version ?? ''))),
    }));
    return {
      group: name,
      versions,
      preferredVersion: String(g.preferredVersion?.version ?? versions[0]?.version ?? ''),
    };
  });
}

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

function checkRoot(doc: unknown, path: string, expected: string[]): void {
  const kind = (doc as Json)?.kind;
  if (!expected.includes(kind)) {
    throw new KubeError({
      kind: 'parse',
      message: `${path} returned ${kind ? `a ${kind}` : 'a document without kind'}, not ${expected.join(' or ')}`,
      hint: 'This does not look like a Kubernetes API server (or a proxy in between rewrote the answer). Check the server URL.',
      path,
      body: doc,
    });
  }
}

/** Discover the API: aggregated first, falling back to legacy with the same root documents. */
export async function discover(fetchJson: DiscoveryFetch, opts: DiscoverOptions = {}): Promise<Discovery> {
  const accept = opts.legacy ? LEGACY_DISCOVERY_ACCEPT : AGGREGATED_DISCOVERY_ACCEPT;
  let requests = 0;
  const rawDocuments: Record<string, unknown> = {};
  const count = async (path: string, acc: string) => {
    requests++;
    const doc = await fetchJson(path, acc, opts.signal);
    rawDocuments[path] = doc;
    return doc;
  };
  const [apiDoc, apisDoc] = await Promise.all([count('/api', accept), count('/apis', accept)]);

  const groups: DiscoveredGroup[] = [];
  const failures: Discovery['failures'] = [];
  const aggApi = isAggregatedDocument(apiDoc);
  const aggApis = isAggregatedDocument(apisDoc);
  if (!aggApi) checkRoot(apiDoc, '/api', ['APIVersions']);
  if (!aggApis) checkRoot(apisDoc, '/apis', ['APIGroupList']);

  const coreGroups = aggApi ? parseAggregated(apiDoc, 'api') : [];
  const namedGroups = aggApis ? parseAggregated(apisDoc, 'apis') : [];
  const plans = [...(aggApi ? [] : legacyPlan(apiDoc, 'api')), ...(aggApis ? [] : legacyPlan(apisDoc, 'apis'))];
  const legacyGroups = new Map<LegacyPlan, DiscoveredGroup>();
  const jobs: { plan: LegacyPlan; gv: DiscoveredGroupVersion }[] = [];
  for (const plan of plans) {
    const versions = plan.versions.map((v): DiscoveredGroupVersion => ({
      group: plan.group,
      version: v.version,
      groupVersion: v.groupVersion,
      preferred: v.version === plan.preferredVersion,
      resources: [],
    }));
    // Preferred version first, as the server orders them.
    versions.sort((a, b) => Number(b.preferred) - Number(a.preferred));
    legacyGroups.set(plan, { name: plan.group, preferredVersion: plan.preferredVersion, versions });
    for (const gv of versions) jobs.push({ plan, gv });
  }
  // Core group first, then named groups in the server's order.
  if (aggApi) groups.push(...coreGroups);
  else for (const [plan, g] of legacyGroups) if (plan.group === '') groups.push(g);
  if (aggApis) groups.push(...namedGroups.filter((g) => g.name !== ''));
  else for (const [plan, g] of legacyGroups) if (plan.group !== '') groups.push(g);

  // Copies: the group-versions are filled in place below, and a receiver must see each step as new.
  const snapshot = (): Discovery => ({
    format: 'legacy',
    requests,
    groups: groups.map((g) => ({ ...g, versions: g.versions.map((v) => ({ ...v })) })),
    failures: [...failures],
    rawDocuments: { ...rawDocuments },
    partial: true,
  });
  const onPartial = jobs.length > 0 ? opts.onPartial : undefined;
  onPartial?.(snapshot());
  const concurrency = opts.concurrency ?? LEGACY_CONCURRENCY;
  // Every request in flight listens to the one signal (a few listeners each, removed when it ends):
  // above Node's default of 10, Node would print a "possible memory leak" warning over the screen.
  if (opts.signal) setMaxListeners(Math.max(getMaxListeners(opts.signal), concurrency * 4), opts.signal);
  await mapLimit(jobs, concurrency, async ({ gv }) => {
    const path = gvPath(gv);
    try {
      const doc = await count(path, LEGACY_DISCOVERY_ACCEPT);
      gv.resources = parseResourceList(doc, gv.group, gv.version);
    } catch (e) {
      if (e instanceof KubeError && e.kind === 'cancelled') throw e;
      const message = e instanceof Error ? e.message : String(e);
      gv.error = message;
      failures.push({ groupVersion: gv.groupVersion, message });
    }
    if (!opts.signal?.aborted) onPartial?.(snapshot());
  });

  // Stable order for rawDocuments: roots first, then the group-versions in tree order.
  const ordered: Record<string, unknown> = { '/api': rawDocuments['/api'], '/apis': rawDocuments['/apis'] };
  for (const g of groups) {
    for (const v of g.versions) {
      const p = gvPath(v);
      if (p in rawDocuments) ordered[p] = rawDocuments[p];
    }
  }
  failures.sort((a, b) => a.groupVersion.localeCompare(b.groupVersion));

  return {
    format: aggApi && aggApis ? 'aggregated' : 'legacy',
    requests,
    groups,
    failures,
    rawDocuments: ordered,
  };
}
