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

/** The server's Table (priority-0 columns, plus NAMESPACE when listing all namespaces) as text rows.
 *  `widths`: the memory of this view's column widths and the view's key. */
export function tableText(t: TableData, allNamespaces: boolean, width: number,
  widths?: { memory: WidthMemory; view: string }): TableText {
  const idx = visibleColumns(t.columns);
  const hasNs = t.columns.some((c) => c.name.toLowerCase() === 'namespace');
  const addNs = allNamespaces && !hasNs;
  const headers = [...(addNs ? ['NAMESPACE'] : []), ...idx.map((i) => t.columns[i].name.toUpperCase())];
  const ids = t.rows.map((r) => rowIdentity(r, t.columns));
  const cells = t.rows.map((r, n) => [...(addNs ? [ids[n].namespace ?? ''] : []), ...idx.map((i) => printable(cellText(r.cells[i])))]);
  const ageAt = headers.indexOf('AGE');
  const ticking = ageAt >= 0 && t.rows.some((_, i) => typeof creationTimestamp(t, i) === 'string');
  const ageOf = (i: number, now: number): string | undefined => {
    const ts = creationTimestamp(t, i);
    return ticking && typeof ts === 'string' ? formatAge(ts, now) : undefined;
  };
  const built = Date.now();
  if (ticking) for (let i = 0; i < cells.length; i++) cells[i][ageAt] = ageOf(i, built) ?? cells[i][ageAt];
  const natural = naturalWidths(headers, cells);
  if (ticking) natural[ageAt] = Math.max(natural[ageAt], AGE_WIDTH);
  const shown = fitColumns(widths ? widths.memory.grow(widths.view, natural) : natural, width);
  return {
    header: formatRow(headers, shown),
    keys: ids.map((id) => `${id.namespace ?? ''}/${id.name}`),
    ids,
    row: (i, now) => {
      const age = ageOf(i, now);
      if (age === undefined) return formatRow(cells[i] ?? [], shown);
      const row = cells[i].slice();
      row[ageAt] = age;
      return formatRow(row, shown);
    },
    ticking,
  };
}
