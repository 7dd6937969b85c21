// An object table as the detail pane draws it. The cells and column widths are worked out once per
// change of the data; a row's text is made when it is drawn, so that only the visible rows are
// formatted, and the AGE column is computed then from creationTimestamp with the current time (the
// server's Age cell is a string frozen when it was sent; kubectl computes it the same way).
import type { TableData } from './loadable.js';
import {
  cellText,
  displayWidth,
  fitColumns,
  formatRow,
  humanDuration,
  rowIdentity,
  timestampMs,
  visibleColumns,
} from './format.js';
import type { TableColumn, TableRow } from './types.js';
import { printable } from './terminal-text.js';

/** The widest an age gets under two years ("9m59s", "7h59m", "7d23h"): the AGE column is this wide
 *  from the start, so that it does not widen while ages tick. */
const AGE_WIDTH = 5;

export interface TableText {
  header: string;
  /** Filter key of each row, in the order shown. */
  keys: readonly string[];
  /** Identity of the row shown at `index` (what Enter opens). */
  idAt: (index: number) => { name: string; namespace?: string } | undefined;
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
 *  most of the UI's CPU time while 50k pods stream in). Kept small: 200k rows hold one each. */
class RowText {
  constructor(
    /** The row it was made from (a later build reuses it while the row is the same object). */
    readonly row: TableRow,
    /** The cells as drawn and their display widths, only for a row with a cell that is not
     *  printable ASCII; the others' cells are their row's, read when drawn (no copy per row). */
    readonly printed: { cells: string[]; widths: number[] } | undefined,
    readonly id: { name: string; namespace?: string },
    readonly key: string,
    /** creationTimestamp when the server sent it as a string, and in ms (NaN: not a date). */
    readonly created: string | undefined,
    readonly born: number,
  ) {}
}

/** Which cells a table shows: NAMESPACE first when `addNs`, then the row's cells at `idx`. */
interface Shape {
  idx: number[];
  addNs: boolean;
}

/** Printable ASCII takes one column a character and needs no escaping: most cells, measured and
 *  made safe without string-width or printable's regexps. */
const ASCII = /^[\x20-\x7e]*$/;

/** Cell `c` of the row as its table shows it. */
function cellOf(t: RowText, c: number, s: Shape): string {
  if (t.printed) return t.printed.cells[c] ?? '';
  if (s.addNs && c-- === 0) return t.id.namespace ?? '';
  const i = s.idx[c];
  return i === undefined ? '' : cellText(t.row.cells[i]);
}

/** A row with a creationTimestamp that is no date: its age reads <unknown> or <invalid>. */
const isOdd = (t: RowText): boolean => t.created === '' || (t.created !== undefined && Number.isNaN(t.born));

const cellWidthOf = (t: RowText, c: number, s: Shape): number =>
  t.printed ? (t.printed.widths[c] ?? 0) : cellOf(t, c, s).length;

/** A cell that cellText turns into printable ASCII (most cells): drawn as it is. */
function asciiCell(v: unknown): boolean {
  if (typeof v === 'string') return ASCII.test(v);
  return typeof v !== 'object' || v === null || ASCII.test(cellText(v));
}

/** creationTimestamp in ms, parsed once for a run of rows created in the same second (pods of one
 *  rollout, a page of one namespace). */
let lastCreated = '';
let lastBorn = NaN;
function bornAt(created: string): number {
  if (created !== lastCreated) {
    lastCreated = created;
    lastBorn = timestampMs(created);
  }
  return lastBorn;
}

function rowText(r: TableRow, columns: TableColumn[], s: Shape): RowText {
  const meta = r.object?.metadata;
  // The row's own metadata is its identity when it names it (no second object per row).
  const id = typeof meta?.name === 'string' ? (meta as RowText['id']) : rowIdentity(r, columns);
  let ascii = !s.addNs || ASCII.test(id.namespace ?? '');
  for (let k = 0; ascii && k < s.idx.length; k++) ascii = asciiCell(r.cells[s.idx[k]]);
  let printed: RowText['printed'];
  if (!ascii) {
    const texts = [...(s.addNs ? [id.namespace ?? ''] : []), ...s.idx.map((i) => cellText(r.cells[i]))];
    const cells = texts.map((text) => printable(text, { oneLine: true }));
    printed = { cells, widths: cells.map(displayWidth) };
  }
  const ts = meta?.creationTimestamp;
  const created = typeof ts === 'string' ? ts : undefined;
  return new RowText(
    r,
    printed,
    id,
    `${id.namespace ?? ''}/${id.name}`,
    created,
    created === undefined ? NaN : bornAt(created),
  );
}

/** The row texts of the newest build and what was gathered over them, so that the next build of
 *  the same shape only works on the rows that changed: a streaming listing appends a page, a watch
 *  event replaces, inserts or removes one row. One table is shown at a time: one build is kept. */
interface Build {
  shape: string;
  cells: Shape;
  texts: RowText[];
  /** How many of `texts` this build has (a later append build pushes onto the same array). */
  length: number;
  /** Widest cell of each column over the rows; in AGE only the rows without creationTimestamp
   *  (the others show an age computed when drawn). */
  widest: number[];
  /** How many rows are that wide, per column (a row that goes only matters when it was the last). */
  atWidest: number[];
  /** Rows with a creationTimestamp; of those, without a date ('' or not parsable); the oldest and
   *  youngest in ms, and how many rows were created then. */
  created: number;
  odd: number;
  oldest: number;
  youngest: number;
  atOldest: number;
  atYoungest: number;
}

let lastBuild: Build | undefined;

function gather(b: Build, from: number, ageAt: number): void {
  gatherRange(b, from, b.length, ageAt);
}

function gatherRange(b: Build, from: number, to: number, ageAt: number): void {
  const { texts, widest, atWidest, cells } = b;
  for (let i = from; i < to; i++) {
    const t = texts[i];
    for (let c = 0; c < widest.length; c++) {
      if (c === ageAt && t.created !== undefined) continue;
      const w = cellWidthOf(t, c, cells);
      if (w > widest[c]) {
        widest[c] = w;
        atWidest[c] = 1;
      } else if (w === widest[c]) atWidest[c]++;
    }
    if (t.created === undefined) continue;
    b.created++;
    if (isOdd(t)) b.odd++;
    else {
      if (t.born < b.oldest) [b.oldest, b.atOldest] = [t.born, 1];
      else if (t.born === b.oldest) b.atOldest++;
      if (t.born > b.youngest) [b.youngest, b.atYoungest] = [t.born, 1];
      else if (t.born === b.youngest) b.atYoungest++;
    }
  }
}

/** Takes row `t` out of what build `b` gathered; false when that cannot be done without looking
 *  at every row again (it was the last row as wide as its column, or as old or young). */
function ungather(b: Build, t: RowText, ageAt: number): boolean {
  for (let c = 0; c < b.widest.length; c++) {
    if (c === ageAt && t.created !== undefined) continue;
    if (cellWidthOf(t, c, b.cells) === b.widest[c] && --b.atWidest[c] === 0) return false;
  }
  if (t.created === undefined) return true;
  b.created--;
  if (isOdd(t)) b.odd--;
  else if ((t.born === b.oldest && --b.atOldest === 0) || (t.born === b.youngest && --b.atYoungest === 0)) return false;
  return true;
}

/** The texts of `rows`, reusing the last build's where its rows are the same objects: a common
 *  beginning and end (one pass of identity checks), only the rows between made anew. */
function buildTexts(
  rows: readonly TableRow[],
  columns: TableColumn[],
  cells: Shape,
  shape: string,
  ageAt: number,
  cellCount: number,
): Build {
  const fresh = (): Build => ({
    shape,
    cells,
    texts: [],
    length: 0,
    widest: new Array<number>(cellCount).fill(0),
    atWidest: new Array<number>(cellCount).fill(0),
    created: 0,
    odd: 0,
    oldest: Infinity,
    youngest: -Infinity,
    atOldest: 0,
    atYoungest: 0,
  });
  const prev = lastBuild?.shape === shape ? lastBuild : undefined;
  const make = (r: TableRow) => rowText(r, columns, cells);
  let head = 0;
  if (prev) {
    const n = Math.min(prev.length, rows.length);
    while (head < n && prev.texts[head].row === rows[head]) head++;
  }
  if (prev && head === prev.length) {
    // Rows appended (or none): the same array grows; earlier builds only read their own length.
    const b: Build = { ...prev, widest: prev.widest.slice(), atWidest: prev.atWidest.slice() };
    if (prev.texts.length !== prev.length) b.texts = prev.texts.slice(0, prev.length);
    for (let i = head; i < rows.length; i++) b.texts.push(make(rows[i]));
    b.length = rows.length;
    gather(b, head, ageAt);
    return b;
  }
  const b = fresh();
  if (prev) {
    let tail = 0;
    while (
      tail < prev.length - head &&
      tail < rows.length - head &&
      prev.texts[prev.length - 1 - tail].row === rows[rows.length - 1 - tail]
    )
      tail++;
    // One new array (50k texts are a 400 KB V8 large object: a watch event should make one, not
    // the three that slices and a concat would).
    const texts = new Array<RowText>(rows.length);
    for (let i = 0; i < head; i++) texts[i] = prev.texts[i];
    for (let i = head; i < rows.length - tail; i++) texts[i] = make(rows[i]);
    for (let i = rows.length - tail, j = prev.length - tail; i < rows.length; i++, j++) texts[i] = prev.texts[j];
    b.texts = texts;
    b.length = rows.length;
    // A watch event replaces, inserts or removes a row: what was gathered stands, less what went
    // (unless it was the last row as wide as a column, or as old or young), plus what came.
    const kept: Build = { ...prev, texts: b.texts, length: b.length, widest: prev.widest.slice() };
    kept.atWidest = prev.atWidest.slice();
    let known = true;
    for (let i = head; known && i < prev.length - tail; i++) known = ungather(kept, prev.texts[i], ageAt);
    if (known) {
      gatherRange(kept, head, rows.length - tail, ageAt);
      return kept;
    }
  } else {
    b.texts = rows.map(make);
  }
  b.length = rows.length;
  gather(b, 0, ageAt);
  return b;
}

/** Ages (formatAge's answers) fit in AGE_WIDTH while no creation time is in the future or two
 *  years ago: then the column's width needs no age computed (`2y3d`, `<invalid>` are wider). */
const TWO_YEARS_MS = 2 * 365 * 24 * 3600_000;

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

/** Row indices in the order shown: undefined for the server's order (the rows as patched), else
 *  sorted by one column, ties in the server's order. AGE sorts by creationTimestamp (youngest first,
 *  as ages read). */
function rowOrder(
  texts: RowText[],
  count: number,
  cellAt: (i: number, c: number) => string,
  sortAt: number,
  ageAt: number,
  desc: boolean,
): number[] | undefined {
  if (sortAt < 0 && !desc) return undefined;
  const order = Array.from({ length: count }, (_, i) => i);
  if (sortAt < 0) return order.reverse();
  const keys: SortKey[] = order.map((i) => {
    const t = texts[i];
    if (sortAt === ageAt && t.created !== undefined) return -t.born;
    const cell = cellAt(i, sortAt);
    const n = /^-?\d+(\.\d+)?/.exec(cell);
    return n ? Number(n[0]) : cell;
  });
  const sign = desc ? -1 : 1;
  return order.sort((a, b) => sign * compareKeys(keys[a], keys[b]) || a - b);
}

/** The keys of the last table text built. A build whose rows have the same keys in the same order
 *  (a MODIFIED event, a tick of the clock) gets that same array back: the list's filter matches,
 *  cached per keys array, stand, and a watch event on 50k rows makes no 400 KB array for them. */
let lastKeys: readonly string[] = [];

function keysOf(texts: readonly RowText[], order: number[] | undefined, count: number): readonly string[] {
  const prev = lastKeys;
  let n = 0;
  if (prev.length === count) {
    // Rows whose text was reused have the very same key string: mostly a pointer comparison.
    while (n < count && prev[n] === texts[order ? order[n] : n].key) n++;
    if (n === count) return prev;
  }
  const keys = new Array<string>(count);
  for (let k = 0; k < n; k++) keys[k] = prev[k];
  for (; n < count; n++) keys[n] = texts[order ? order[n] : n].key;
  lastKeys = keys;
  return keys;
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
  const ageAt = headers.indexOf('AGE');
  const cells: Shape = { idx, addNs };
  const build = buildTexts(t.rows, t.columns, cells, shape, ageAt, headers.length);
  lastBuild = build;
  const { texts, length: count } = build;
  const ticking = ageAt >= 0 && build.created > 0;
  // formatAge's answers, without parsing the timestamp again at every tick.
  const ageOf = ({ created, born }: RowText, now: number): string | undefined => {
    if (!ticking || created === undefined) return undefined;
    if (created === '') return '<unknown>';
    return Number.isNaN(born) ? '<invalid>' : humanDuration(now - born);
  };
  const built = Date.now();
  const cellAt = (i: number, c: number): string => cellOf(texts[i], c, cells);
  const sortAt = sort ? (sort.column % (headers.length + 1)) - 1 : -1;
  const order = rowOrder(texts, count, cellAt, sortAt, ageAt, !!sort?.desc);
  if (sortAt >= 0) headers[sortAt] += sort?.desc ? '↓' : '↑';
  const natural = headers.map((h, c) => Math.max(displayWidth(h), build.widest[c]));
  if (ticking) {
    natural[ageAt] = Math.max(natural[ageAt], AGE_WIDTH);
    const short = build.odd === 0 && built - build.youngest > -1000 && built - build.oldest < TWO_YEARS_MS;
    // The ages at this build, for the column's width; rows drawn later compute theirs.
    if (!short)
      for (let i = 0; i < count; i++) {
        const age = ageOf(texts[i], built);
        if (age !== undefined && age.length > natural[ageAt]) natural[ageAt] = age.length;
      }
  }
  const shown = fitColumns(widths ? widths.memory.grow(widths.view, natural) : natural, width);
  /** The text of the row shown at `n` (in the sort's order), undefined past the rows. */
  const shownText = (n: number): RowText | undefined => (n >= 0 && n < count ? texts[order ? order[n] : n] : undefined);
  return {
    header: formatRow(headers, shown),
    keys: keysOf(texts, order, count),
    idAt: (shownAt) => shownText(shownAt)?.id,
    row: (shownAt, now) => {
      const text = shownText(shownAt);
      if (!text) return formatRow([], shown);
      const row = headers.map((_, c) => cellOf(text, c, cells));
      const age = ageOf(text, now);
      if (age !== undefined) row[ageAt] = age;
      return formatRow(row, shown);
    },
    ticking,
  };
}
