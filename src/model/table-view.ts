// An object table as the detail pane draws it. The cells and column widths are worked out once per
// change of the data; a row's text is made when it is drawn, so that only the visible rows are
// formatted, and the AGE column is computed then from creationTimestamp with the current time (the
// server's Age cell is a string frozen when it was sent; kubectl computes it the same way).
import type { TableData } from './loadable.js';
import { cellText, displayWidth, fitColumns, formatRow, humanDuration, rowIdentity, visibleColumns } from './format.js';
import type { TableColumn, TableRow } from './types.js';
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

/** What a row contributes to every table text built from it, worked out once per row: a streaming
 *  listing rebuilds the text after each batch of pages, and a watch event after each change, with the
 *  rows so far (the same row objects), so without this each build would redo every row (measured:
 *  most of the UI's CPU time while 50k pods stream in). `shape` says for which columns it was made. */
interface RowText {
  shape: string;
  cells: string[];
  /** Display width of each cell. */
  widths: number[];
  id: { name: string; namespace?: string };
  key: string;
  /** creationTimestamp when the server sent it as a string, and in ms (NaN: not a date). */
  created?: string;
  born: number;
}

const rowTexts = new WeakMap<TableRow, RowText>();

/** Printable ASCII takes one column a character: most cells, measured without string-width. */
const ASCII = /^[\x20-\x7e]*$/;
const cellWidth = (c: string): number => (ASCII.test(c) ? c.length : displayWidth(c));

function rowText(r: TableRow, columns: TableColumn[], idx: number[], addNs: boolean, shape: string): RowText {
  const known = rowTexts.get(r);
  if (known?.shape === shape) return known;
  const id = rowIdentity(r, columns);
  const cells = [
    ...(addNs ? [printable(id.namespace ?? '', { oneLine: true })] : []),
    ...idx.map((i) => printable(cellText(r.cells[i]), { oneLine: true })),
  ];
  const ts = r.object?.metadata?.creationTimestamp;
  const text: RowText = {
    shape,
    cells,
    widths: cells.map(cellWidth),
    id,
    key: `${id.namespace ?? ''}/${id.name}`,
    created: typeof ts === 'string' ? ts : undefined,
    born: typeof ts === 'string' ? new Date(ts).getTime() : NaN,
  };
  rowTexts.set(r, text);
  return text;
}

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
function rowOrder(
  texts: RowText[],
  cellAt: (i: number, c: number) => string,
  sortAt: number,
  ageAt: number,
  desc: boolean,
): number[] {
  const order = texts.map((_, i) => i);
  if (sortAt < 0) return desc ? order.reverse() : order;
  const keys: SortKey[] = texts.map((t, i) => {
    if (sortAt === ageAt && t.created !== undefined) return -t.born;
    const cell = cellAt(i, sortAt);
    const n = /^-?\d+(\.\d+)?/.exec(cell);
    return n ? Number(n[0]) : cell;
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
  const shape = `${addNs ? 'ns' : ''}|${t.columns.map((c) => c.name).join('\0')}|${idx.join(',')}`;
  const texts = t.rows.map((r) => rowText(r, t.columns, idx, addNs, shape));
  const ageAt = headers.indexOf('AGE');
  const ticking = ageAt >= 0 && texts.some((x) => x.created !== undefined);
  // formatAge's answers, without parsing the timestamp again at every tick.
  const ageOf = (i: number, now: number): string | undefined => {
    const { created, born } = texts[i];
    if (!ticking || created === undefined) return undefined;
    if (created === '') return '<unknown>';
    return Number.isNaN(born) ? '<invalid>' : humanDuration(now - born);
  };
  const built = Date.now();
  // The ages at this build (for the sort and the column's width); rows drawn later compute theirs.
  const ages = ticking ? texts.map((_, i) => ageOf(i, built)) : undefined;
  const cellAt = (i: number, c: number): string => (c === ageAt && ages?.[i]) || (texts[i].cells[c] ?? '');
  const sortAt = sort ? (sort.column % (headers.length + 1)) - 1 : -1;
  const order = rowOrder(texts, cellAt, sortAt, ageAt, !!sort?.desc);
  if (sortAt >= 0) headers[sortAt] += sort?.desc ? '↓' : '↑';
  const natural = headers.map(displayWidth);
  for (let i = 0; i < texts.length; i++) {
    const w = texts[i].widths;
    for (let c = 0; c < natural.length; c++) {
      const cw = c === ageAt && ages?.[i] ? ages[i]!.length : (w[c] ?? 0);
      if (cw > natural[c]) natural[c] = cw;
    }
  }
  if (ticking) natural[ageAt] = Math.max(natural[ageAt], AGE_WIDTH);
  const shown = fitColumns(widths ? widths.memory.grow(widths.view, natural) : natural, width);
  return {
    header: formatRow(headers, shown),
    keys: order.map((i) => texts[i].key),
    ids: order.map((i) => texts[i].id),
    row: (shownAt, now) => {
      const i = order[shownAt];
      const text = texts[i];
      if (!text) return formatRow([], shown);
      const age = ageOf(i, now);
      if (age === undefined) return formatRow(text.cells, shown);
      const row = text.cells.slice();
      row[ageAt] = age;
      return formatRow(row, shown);
    },
    ticking,
  };
}
