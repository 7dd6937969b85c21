// The discovery document a group-version came from, exactly as the server sent it, and a one-line
// note saying which format it is and what discovery cost.
import type { DiscoveredGroupVersion, Discovery } from './types.js';
import { gvPath, rootPath } from './paths.js';

export interface RawDiscoveryView {
  path: string;
  value: unknown;
  note: string;
}

export function rawDiscovery(d: Discovery, gv: DiscoveredGroupVersion): RawDiscoveryView {
  const cost = `discovery took ${d.requests} request(s)${d.fromCache ? ' (cached copy)' : ''}`;
  if (d.format === 'legacy') {
    const path = gvPath(gv);
    return { path, value: d.rawDocuments[path], note: `as served: legacy APIResourceList from GET ${path} · ${cost}` };
  }
  // Aggregated: one APIGroupDiscoveryList per root holds every group; show this group's entry.
  const path = rootPath(gv);
  const doc = d.rawDocuments[path] as { items?: { metadata?: { name?: string } }[] } | undefined;
  const entry = doc?.items?.find((i) => (i.metadata?.name ?? '') === gv.group);
  const which = gv.group === '' ? 'core' : gv.group;
  return {
    path,
    value: entry ?? doc,
    note: `as served: aggregated apidiscovery.k8s.io/v2 APIGroupDiscoveryList from GET ${path} (the ${which} entry) · ${cost}`,
  };
}
