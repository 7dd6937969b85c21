// An object table as the detail pane draws it. The cells and column widths are worked out once per
// change of the data; a row's text is made when it is drawn, so that only the visible rows are
// formatted, and the AGE column is computed then from creationTimestamp with the current time (the
// server's Age cell is a string frozen when it was sent; kubectl computes it the same way).
import type { TableData } from './loadable.js';
import { cellText, fitColumns, formatAge, formatRow, naturalWidths, rowIdentity, visibleColumns } from './format.js';
import { printable } from './terminal-text.js';

/** The widest an age gets under two years ("9m59s", "7h59m", "7d23h"): the AGE column is this wide
 *  from the start, so that it does not widen while ages tick. */
const AGE_WIDTH = 5;

export interface TableText {
  header: string;
  /** Filter key and identity of each row, in the order shown. */
  keys: string[];
  ids: { name: string; namespace?: string }[];
  /** The text of row `index` at time `now` (ms). */
  row: (index: number, now: number) => string;
  /** Rows change with the clock (their AGE is computed from creationTimestamp). */
  ticking: boolean;
}

/** Natural column widths remembered while one table view is open. They only grow: columns do not
 *  shrink and grow back as a long cell (a CrashLoopBackOff status) comes and goes. */
export class WidthMemory {
  private key = '';
  private widths: number[] = [];

  grow(key: string, natural: number[]): number[] {
    if (key !== this.key || natural.length !== this.widths.length) {
      this.key = key;
      this.widths = natural;
    } else {
      this.widths = natural.map((w, i) => Math.max(w, this.widths[i]));
    }
    return this.widths;
  }
}

const creationTimestamp = (t: TableData, i: number): unknown => t.rows[i].object?.metadata?.creationTimestamp;

/** How an object table is sorted (`s` / `S`). `column`: 0 is the server's order, n the n-th column
 *  shown, counted modulo the columns + 1, so that `s` cycles through them and back to the server's
 *  order without the reducer knowing how many there are. */
export interface TableSort {
  column: number;
  desc: boolean;
}

/** `s`: the next column, ascending; `S`: the other direction. */
export function sortStep(sort: TableSort | undefined, reverse: boolean): TableSort {
  const s = sort ?? { column: 0, desc: false };
  return reverse ? { ...s, desc: !s.desc } : { column: s.column + 1, desc: false };
}

type SortKey = number | string;

/** Numbers (RESTARTS "3 (2m ago)", READY "1/2") by value, before text; text by code unit. */
function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Row indices in the order shown: the server's (the rows as patched), or sorted by one column,
 *  ties in the server's order. AGE sorts by creationTimestamp (youngest first, as ages read). */
function rowOrder(t: TableData, cells: string[][], sortAt: number, ageAt: number, desc: boolean): number[] {
  const order = cells.map((_, i) => i);
  if (sortAt < 0) return desc ? order.reverse() : order;
  const keys: SortKey[] = cells.map((row, i) => {
    const ts = creationTimestamp(t, i);
    if (sortAt === ageAt && typeof ts === 'string') return -Date.parse(ts);
    const n = /^-?\d+(\.\d+)?/.exec(row[sortAt] ?? '');
    return n ? Number(n[0]) : (row[sortAt] ?? '');
  });
  const sign = desc ? -1 : 1;
  return order.sort((a, b) => sign * compareKeys(keys[a], keys[b]) || a - b);
}

/** The server's Table (priority-0 columns, plus NAMESPACE when listing all namespaces) as text rows.
 *  `widths`: the memory of this view's column widths and the view's key. */
export function tableText(
  t: TableData,
  allNamespaces: boolean,
  width: number,
  widths?: { memory: WidthMemory; view: string },
  sort?: TableSort,
): TableText {
  const idx = visibleColumns(t.columns);
  const hasNs = t.columns.some((c) => c.name.toLowerCase() === 'namespace');
  const addNs = allNamespaces && !hasNs;
  const headers = [...(addNs ? ['NAMESPACE'] : []), ...idx.map((i) => t.columns[i].name.toUpperCase())];
  const ids = t.rows.map((r) => rowIdentity(r, t.columns));
  const cells = t.rows.map((r, n) => [
    ...(addNs ? [printable(ids[n].namespace ?? '', { oneLine: true })] : []),
    ...idx.map((i) => printable(cellText(r.cells[i]), { oneLine: true })),
  ]);
  const ageAt = headers.indexOf('AGE');
  const ticking = ageAt >= 0 && t.rows.some((_, i) => typeof creationTimestamp(t, i) === 'string');
  const ageOf = (i: number, now: number): string | undefined => {
    const ts = creationTimestamp(t, i);
    return ticking && typeof ts === 'string' ? formatAge(ts, now) : undefined;
  };
  const built = Date.now();
  if (ticking) for (let i = 0; i < cells.length; i++) cells[i][ageAt] = ageOf(i, built) ?? cells[i][ageAt];
  const sortAt = sort ? (sort.column % (headers.length + 1)) - 1 : -1;
  const order = rowOrder(t, cells, sortAt, ageAt, !!sort?.desc);
  if (sortAt >= 0) headers[sortAt] += sort?.desc ? '↓' : '↑';
  const natural = naturalWidths(headers, cells);
  if (ticking) natural[ageAt] = Math.max(natural[ageAt], AGE_WIDTH);
  const shown = fitColumns(widths ? widths.memory.grow(widths.view, natural) : natural, width);
  return {
    header: formatRow(headers, shown),
    keys: order.map((i) => `${ids[i].namespace ?? ''}/${ids[i].name}`),
    ids: order.map((i) => ids[i]),
    row: (shownAt, now) => {
      const i = order[shownAt];
      const age = ageOf(i, now);
      if (age === undefined) return formatRow(cells[i] ?? [], shown);
      const row = cells[i].slice();
      row[ageAt] = age;
      return formatRow(row, shown);
    },
    ticking,
  };
}
