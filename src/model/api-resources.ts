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

/** The resources `kubectl api-resources` lists, as client-go's ServerPreferredResources picks them:
 *  for each group, every resource of the preferred version, plus each resource that only a
 *  non-preferred version serves (from the first version, in the server's order, that has it).
 *  Subresources and resources without verbs are left out; sorted by group, then name, as kubectl. */
export function apiResourceRows(d: Discovery, filter: ApiResourcesFilter = {}): ApiResourceRow[] {
  const rows: ApiResourceRow[] = [];
  for (const g of d.groups) {
    if (filter.apiGroup !== undefined && g.name !== filter.apiGroup) continue;
    const versions = [...g.versions].sort((a, b) => Number(b.preferred) - Number(a.preferred));
    const seen = new Set<string>();
    for (const gv of versions) {
      for (const r of gv.resources) {
        if (seen.has(r.name)) continue;
        seen.add(r.name);
        if (r.verbs.length === 0) continue; // kubectl drops these after client-go picked them
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
  }
  // kubectl compares with strings.Compare: byte order, not locale order.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows.sort((a, b) => cmp(a.group, b.group) || cmp(a.name, b.name));
}

/** Columns aligned like Go's tabwriter (minwidth 0, padding 3), as kubectl prints them: every cell
 *  but the last is padded, so an empty last column leaves trailing spaces, exactly as kubectl does. */
export function formatColumns(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return (
    all.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] + 3))).join('')).join('\n') +
    '\n'
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
