// The rows of a live table in the server's order while watch events arrive. kube-apiserver lists in
// storage key order (`…/pods/<namespace>/<name>`, etcd's byte order, also its watch cache's), so a
// row an ADDED event brings goes where a fresh list would put it: found by binary search, so that
// 50k rows cost ~16 comparisons per event, not a scan.
import type { TableRow } from './types.js';

/** The row's storage key (`namespace/name`, `/name` when cluster-scoped), or undefined when the
 *  server sent no object metadata (includeObject=None). */
export function rowKey(row: TableRow): string | undefined {
  const m = row.object?.metadata;
  return m?.name === undefined ? undefined : `${m.namespace ?? ''}/${m.name}`;
}

/** Where `key` is in `rows` (sorted by key), or where it would be inserted: the first row whose key
 *  is not below it. Rows without a key sort last. */
function lowerBound(rows: TableRow[], key: string): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = rowKey(rows[mid]);
    if (k !== undefined && k < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the row with this key, by binary search. MODIFIED and DELETED name a row that should be
 *  there: for them a miss is checked by a scan, in case the server's order was not key order after
 *  all (a server that is not kube-apiserver). An ADDED row is new: no scan. */
function indexOf(rows: TableRow[], key: string, scan: boolean): number {
  const at = lowerBound(rows, key);
  if (at < rows.length && rowKey(rows[at]) === key) return at;
  return scan ? rows.findIndex((r) => rowKey(r) === key) : -1;
}

/** Applies one watch event to `rows`, in place: ADDED inserts in key order (or replaces), MODIFIED
 *  replaces, DELETED removes. In place because a copy of 50k rows per event (400 KB, a V8 large
 *  object with a mapping of its own) is what a busy watch would otherwise make several times a
 *  second; the live table copies once per batch of events instead (its readers keep theirs). */
export function patchRows(rows: TableRow[], type: 'ADDED' | 'MODIFIED' | 'DELETED', row: TableRow): void {
  const key = rowKey(row);
  if (key === undefined) {
    if (type !== 'DELETED') rows.push(row);
    return;
  }
  const i = indexOf(rows, key, type !== 'ADDED');
  if (type === 'DELETED') {
    if (i >= 0) rows.splice(i, 1);
  } else if (i >= 0) rows[i] = row;
  else rows.splice(lowerBound(rows, key), 0, row);
}

/** The metadata a row keeps: what identifies it, and creationTimestamp for an AGE that ticks. */
export function rowMetadata(m: Record<string, unknown>): NonNullable<TableRow['object']>['metadata'] {
  const out: Record<string, unknown> = {};
  for (const k of ['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp'])
    if (m[k] !== undefined) out[k] = m[k];
  return out;
}

/** A listed row as a table keeps it: its cells and the metadata the view reads (identity, and
 *  creationTimestamp for the AGE column), one small object of one shape. uid, resourceVersion and
 *  the rest are dropped: 200k rows would hold ~100 bytes each of them, and `Enter` gets the object. */
export function keptRow(r: TableRow): TableRow {
  const m = r.object?.metadata;
  if (!m) return r.object ? { cells: r.cells } : r;
  const { namespace, creationTimestamp } = m;
  // The name is most often the first cell too: one string for both, not two equal ones.
  const name = m.name === r.cells[0] ? (r.cells[0] as string) : m.name;
  return { cells: r.cells, object: { metadata: { name, namespace, creationTimestamp } } };
}

/** The row a Table watch event carries, or undefined for a plain object event. */
export function eventRow(object: unknown): TableRow | undefined {
  const t = object as {
    kind?: string;
    rows?: { cells?: unknown[]; object?: { metadata?: Record<string, unknown> } }[];
  };
  const r = t?.kind === 'Table' ? t.rows?.[0] : undefined;
  if (!r || !Array.isArray(r.cells)) return undefined;
  return { cells: r.cells, object: { metadata: rowMetadata(r.object?.metadata ?? {}) } };
}
