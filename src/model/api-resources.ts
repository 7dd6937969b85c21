// The rows and text of `kubectl api-resources`, computed from our Discovery. Pure, so the CLI
// command, the TUI and tests share it.
import type { Discovery } from './types.js';

export interface ApiResourceRow {
  name: string;
  shortNames: string[];
  apiVersion: string;
  namespaced: boolean;
  kind: string;
  verbs: string[];
  categories: string[];
  group: string;
}

export interface ApiResourcesFilter {
  apiGroup?: string;
  namespaced?: boolean;
}

/** Preferred version of each group, subresources left out, stably sorted by group as kubectl does. */
export function apiResourceRows(d: Discovery, filter: ApiResourcesFilter = {}): ApiResourceRow[] {
  const rows: ApiResourceRow[] = [];
  for (const g of d.groups) {
    if (filter.apiGroup !== undefined && g.name !== filter.apiGroup) continue;
    const gv = g.versions.find((v) => v.preferred) ?? g.versions[0];
    if (!gv) continue;
    for (const r of gv.resources) {
      if (filter.namespaced !== undefined && r.namespaced !== filter.namespaced) continue;
      rows.push({
        name: r.name,
        shortNames: r.shortNames,
        apiVersion: gv.groupVersion,
        namespaced: r.namespaced,
        kind: r.kind,
        verbs: r.verbs,
        categories: r.categories,
        group: g.name,
      });
    }
  }
  // Array.prototype.sort is stable: resources keep discovery order within a group.
  return rows.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

/** Columns aligned like Go's tabwriter (minwidth 0, padding 3), as kubectl prints them: every cell
 *  but the last is padded, so an empty last column leaves trailing spaces, exactly as kubectl does. */
export function formatColumns(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return (
    all
      .map((r) =>
        r
          .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] + 3)))
          .join(''),
      )
      .join('\n') + '\n'
  );
}

export function formatApiResources(rows: ApiResourceRow[], output?: 'wide' | 'json' | 'name'): string {
  if (output === 'json') return JSON.stringify(rows, null, 2) + '\n';
  if (output === 'name') return rows.map((r) => (r.group ? `${r.name}.${r.group}` : r.name)).join('\n') + '\n';
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
  if (output === 'wide') header.push('VERBS', 'CATEGORIES');
  const cells = rows.map((r) => {
    const base = [r.name, r.shortNames.join(','), r.apiVersion, String(r.namespaced), r.kind];
    if (output === 'wide') base.push(r.verbs.join(','), r.categories.join(','));
    return base;
  });
  return formatColumns(header, cells);
}
