// Rows of the Groups and Resources panes, derived from Discovery.
//
// Order: the server's order (core `v1` first, then named groups in kube-apiserver priority order,
// as discovery returns them, CRD groups after the built-ins). kubectl api-resources sorts by group
// name instead; the tree keeps the server's order because that is what discovery means by
// "priority" and it keeps related groups (apps, batch, ...) together. Versions are in server order,
// preferred first, marked '*'.
import type {
  DiscoveredGroup,
  DiscoveredGroupVersion,
  DiscoveredResource,
  DiscoveredSubresource,
  Discovery,
  ResourceRef,
} from './types.js';

export const NON_RESOURCE_PATHS = [
  '/',
  '/version',
  '/healthz',
  '/livez',
  '/readyz',
  '/metrics',
  '/logs',
  '/openapi/v2',
  '/openapi/v3',
] as const;

export type GroupRow =
  | { kind: 'gv'; group: DiscoveredGroup; gv: DiscoveredGroupVersion; label: string }
  | { kind: 'path'; path: string; label: string };

/** How the Groups pane names a group-version: 'core/v1', 'apps/v1'. */
export function groupVersionName(gv: DiscoveredGroupVersion): string {
  return gv.group === '' ? `core/${gv.version}` : gv.groupVersion;
}

export function groupRows(d: Discovery | undefined): GroupRow[] {
  const rows: GroupRow[] = [];
  for (const group of d?.groups ?? []) {
    group.versions.forEach((gv, i) => {
      const name = groupVersionName(gv);
      const marks =
        (gv.preferred ? ' *' : '') + (gv.freshness === 'Stale' ? ' (stale)' : '') + (gv.error ? ' ⚠ error' : '');
      rows.push({ kind: 'gv', group, gv, label: (i === 0 ? '' : '  ') + name + marks });
    });
  }
  for (const path of NON_RESOURCE_PATHS) rows.push({ kind: 'path', path, label: path });
  return rows;
}

export type ResourceRow =
  | { kind: 'resource'; resource: DiscoveredResource; label: string }
  | { kind: 'subresource'; resource: DiscoveredResource; sub: DiscoveredSubresource; label: string };

export function resourceRows(gv: DiscoveredGroupVersion | undefined): ResourceRow[] {
  const rows: ResourceRow[] = [];
  for (const r of gv?.resources ?? []) {
    rows.push({ kind: 'resource', resource: r, label: r.name });
    for (const sub of r.subresources)
      rows.push({ kind: 'subresource', resource: r, sub, label: `  ${r.name}/${sub.name}` });
  }
  return rows;
}

/** Filter key of a resource row: name, short names and kind. */
export function resourceKey(row: ResourceRow): string {
  if (row.kind === 'subresource') return `${row.resource.name}/${row.sub.name} ${row.sub.kind}`;
  return [row.resource.name, ...row.resource.shortNames, row.resource.kind].join(' ');
}

export function refOf(r: DiscoveredResource): ResourceRef {
  return { group: r.group, version: r.version, resource: r.name, namespaced: r.namespaced };
}
