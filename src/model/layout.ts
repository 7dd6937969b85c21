// Screen layout as a pure function of the terminal size, focus and content.
// The whole frame is kept one line shorter than the terminal: Ink clears the full screen on every
// frame once its output reaches `rows` lines (ink #359/#382), which flickers.
import type { PaneId } from './nav-state.js';
import { wrapLines } from './format.js';

export const WIDE_MIN_COLUMNS = 100;

export interface PaneBox {
  pane: PaneId;
  width: number;
  height: number;
}

export interface Layout {
  mode: 'wide' | 'narrow';
  columns: number;
  /** Total frame height (≤ rows). */
  height: number;
  headerLines: number;
  footerLines: number;
  /** Narrow mode: a one-line strip naming the panes. */
  tabsLine: boolean;
  /** Panes shown; in wide mode side by side, in narrow mode stacked. */
  panes: PaneBox[];
}

export interface LayoutOptions {
  insecure?: boolean;
  /** The connection has warnings to show under the header (non-loopback proxy, expired cert, …). */
  warnings?: boolean;
  /** The detail pane shows an opened view (object table, object, path): it gets most of the width. */
  detailFirst?: boolean;
  /** Wide mode: the detail pane alone, the side panes reduced to a breadcrumb line (an opened table
   *  or object, focused). */
  detailOnly?: boolean;
  /** Natural widths of the list contents (characters, without cursor marker or border). */
  groupsContent?: number;
  resourcesContent?: number;
}

/** Lines inside a pane box for content (border 2 + title 1). */
export function paneContentHeight(box: PaneBox): number {
  return Math.max(1, box.height - 3);
}

/** Characters inside a pane box (border 2 + padding 1 each side). */
export function paneContentWidth(box: PaneBox): number {
  return Math.max(1, box.width - 4);
}

/** Border, padding and the '› ' cursor marker around a list row. */
const LIST_CHROME = 6;
const DETAIL_MIN = 32;
const GROUPS_SLIM = 14;
const RESOURCES_SLIM = 24;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** Wide mode widths. The focused list gets room for its content; an opened detail view (a table or
 *  a document) takes the rest, with the lists shrunk to slim strips that still show their titles. */
function wideWidths(cols: number, focus: PaneId, o: LayoutOptions): [number, number, number] {
  const groupsFull = clamp((o.groupsContent ?? 26) + LIST_CHROME, 20, 34);
  const detailFirst = o.detailFirst || focus === 'detail';
  let groups: number;
  let resources: number;
  if (focus === 'resources') {
    groups = GROUPS_SLIM;
    resources = clamp((o.resourcesContent ?? 60) + LIST_CHROME, 30, cols - groups - DETAIL_MIN);
  } else if (focus === 'groups') {
    groups = groupsFull;
    resources = detailFirst ? RESOURCES_SLIM : clamp(Math.floor(cols * 0.3), 28, 40);
  } else {
    groups = GROUPS_SLIM;
    resources = RESOURCES_SLIM;
  }
  return [groups, resources, cols - groups - resources];
}

/** Footer: hints, request line, curl, kubectl — as many as fit. */
function footerLinesFor(height: number): number {
  return height >= 28 ? 4 : height >= 20 ? 3 : height >= 12 ? 2 : 1;
}

export function computeLayout(columns: number, rows: number, focus: PaneId, opts: LayoutOptions = {}): Layout {
  const cols = Math.max(20, columns || 80);
  // Never as tall as the terminal, even a tiny one: a frame of `rows` lines scrolls its first line,
  // the header with the insecure-TLS warning, off the screen. The panes are cut at the bottom instead.
  const height = Math.max(1, (rows || 24) - 1);
  const headerLines = height >= 14 && (opts.insecure || opts.warnings) ? 2 : 1;
  const footerLines = footerLinesFor(height);
  if (cols >= WIDE_MIN_COLUMNS && opts.detailOnly) {
    const body = Math.max(4, height - headerLines - footerLines - 1);
    return {
      mode: 'wide',
      columns: cols,
      height,
      headerLines,
      footerLines,
      tabsLine: true,
      panes: [{ pane: 'detail', width: cols, height: body }],
    };
  }
  if (cols >= WIDE_MIN_COLUMNS) {
    const body = Math.max(4, height - headerLines - footerLines);
    const [g, r, d] = wideWidths(cols, focus, opts);
    return {
      mode: 'wide',
      columns: cols,
      height,
      headerLines,
      footerLines,
      tabsLine: false,
      panes: [
        { pane: 'groups', width: g, height: body },
        { pane: 'resources', width: r, height: body },
        { pane: 'detail', width: d, height: body },
      ],
    };
  }
  const body = Math.max(4, height - headerLines - footerLines - 1);
  // Tall enough for two boxes: the focused list plus the detail under it.
  if (focus !== 'detail' && body >= 20) {
    const top = Math.floor(body * 0.45);
    return {
      mode: 'narrow',
      columns: cols,
      height,
      headerLines,
      footerLines,
      tabsLine: true,
      panes: [
        { pane: focus, width: cols, height: top },
        { pane: 'detail', width: cols, height: body - top },
      ],
    };
  }
  return {
    mode: 'narrow',
    columns: cols,
    height,
    headerLines,
    footerLines,
    tabsLine: true,
    panes: [{ pane: focus, width: cols, height: body }],
  };
}

// ---- geometry inside the panes and overlays (the components draw to these sizes; the App hands
// the same sizes to the reducer's frame) ----

/** Lines the resources pane uses above its list (the column header). */
export const RESOURCES_HEADER_LINES = 1;

/** Request log overlay: lines of the list part (the rest shows the selected request). */
export function logListHeight(height: number): number {
  return Math.max(1, Math.floor((height - 3) * 0.35));
}

/** Request log overlay: lines of the scrolled part, under the list, its divider and the pinned
 *  request line. */
export function logBodyRoom(height: number): number {
  return Math.max(0, height - 3 - logListHeight(height) - 2);
}

/** Schema explorer: lines of the field list; the description below gets the rest. */
export function explainListHeight(height: number): number {
  return Math.max(1, Math.floor((height - 3) * 0.6));
}

/** "What may I do here": rows of the matrix under the pane's title, its status line and its
 *  column heading. */
export function accessListHeight(height: number): number {
  return Math.max(1, height - 3 - 2);
}

/** Below this size the tour's step page takes the panes' place (measured: at 80x24 a box under the
 *  panes leaves neither room to read, and narrow panes show one pane at a time anyway). */
export const TOUR_COVER_BELOW = { rows: 30, columns: 100 };
/** Border 2, title 1, key line 1 around the step page's lines. */
export const TOUR_PAGE_CHROME = 4;
/** Lines the panes keep above the tour box (a list and the start of the detail). */
const TOUR_PANES_MIN = 10;

/** Whether the step page takes the panes' place at this size (they are hidden while it does). */
export function tourCovers(columns: number, rows: number): boolean {
  return rows < TOUR_COVER_BELOW.rows || columns < TOUR_COVER_BELOW.columns;
}

/** Where the tour's step page goes: over the panes (`cover`, it gets their room) or in a box under
 *  them, as tall as the page needs (every step whole at 120x40) but leaving the panes some lines. */
export function tourPlacement(columns: number, rows: number, pageLines: number): { cover: boolean; boxHeight: number } {
  if (tourCovers(columns, rows)) return { cover: true, boxHeight: 0 };
  // The frame's one spare line, header and footer (computeLayout): what the panes and the box share.
  const height = Math.max(6, rows - 1);
  const shared = height - 1 - footerLinesFor(height);
  const most = Math.max(TOUR_PAGE_CHROME + 3, shared - TOUR_PANES_MIN);
  return { cover: false, boxHeight: Math.min(most, TOUR_PAGE_CHROME + Math.max(3, pageLines)) };
}

/** Lines of the step page shown at once in a box (or cover) of `height`. */
export function tourPageRoom(height: number): number {
  return Math.max(1, height - TOUR_PAGE_CHROME);
}

/** The error block above a text or table: its title, then its message and hint wrapped. */
export function errorBlockLines(e: { detail: string; hint?: string }, width: number): number {
  return 1 + wrapLines(e.detail, width).length + (e.hint ? wrapLines(`hint: ${e.hint}`, width).length : 0);
}

/** What the detail pane's viewport depends on: a text has a note line and an error block above it
 *  (at most half the pane); a table its note, header and an error (with its hint line). */
export interface DetailShape {
  kind: 'text' | 'table' | 'loading' | 'error' | 'message';
  note?: string;
  /** Lines above a text that do not scroll (already wrapped to the pane's width). */
  header?: readonly string[];
  error?: { detail: string; hint?: string };
}

/** Lines of content the detail body can scroll through or list (the pane's content minus the
 *  body's own header lines). */
export function detailViewport(body: DetailShape, contentHeight: number, width: number): number {
  if (body.kind === 'text') {
    const err = body.error ? Math.min(errorBlockLines(body.error, width), Math.floor(contentHeight / 2)) : 0;
    return Math.max(1, contentHeight - (body.note ? 1 : 0) - (body.header?.length ?? 0) - err);
  }
  if (body.kind === 'table') return Math.max(1, contentHeight - 2 - (body.error ? (body.error.hint ? 2 : 1) : 0));
  return contentHeight;
}

/** The help overlay's pages: its entries wrapped under their keys (no description is cut), in one
 *  column, or two side by side when one is too long and the terminal is wide enough; more than a
 *  screenful is paged (j/k, PgDn/PgUp), so every line can be reached at any size. */
export interface HelpLayout {
  columns: 1 | 2;
  /** Lines per column. */
  rows: number;
  pages: number;
  /** Width of a column's text. */
  columnWidth: number;
  /** Every line, in reading order: page p's column c holds lines [(p*columns + c)*rows, +rows). */
  lines: string[];
}

/** Entries as lines of `width`, packed into columns of `rows` lines: keys, then the description
 *  wrapped beside them (hanging indent); an entry that does not fit in what is left of a column
 *  starts the next one (blank lines pad the column), unless it is longer than a column. */
export function helpLines(
  entries: readonly { keys: string; description: string }[],
  width: number,
  rows = Infinity,
): string[] {
  const keyWidth = Math.min(Math.floor(width / 3), Math.max(0, ...entries.map((e) => e.keys.length)) + 2);
  const out: string[] = [];
  for (const e of entries) {
    const keys = e.keys.length < keyWidth ? e.keys.padEnd(keyWidth) : undefined;
    // Keys longer than their column get a line of their own.
    const block = keys ? [] : [e.keys.slice(0, width)];
    wrapLines(e.description, Math.max(1, width - keyWidth)).forEach((l, i) =>
      block.push((i === 0 && keys ? keys : ' '.repeat(keyWidth)) + l),
    );
    const left = rows - (out.length % rows);
    if (block.length > left && block.length <= rows) out.push(...Array<string>(left).fill(''));
    out.push(...block);
  }
  return out;
}

export function helpLayout(
  entries: readonly { keys: string; description: string }[],
  width: number,
  height: number,
): HelpLayout {
  // Borders, title and padding.
  const rows = Math.max(1, height - 3);
  const inner = Math.max(1, width - 4);
  const one = helpLines(entries, inner, rows);
  if (one.length <= rows || width < 80) {
    return { columns: 1, rows, pages: Math.max(1, Math.ceil(one.length / rows)), columnWidth: inner, lines: one };
  }
  // Two columns, a space between them.
  const columnWidth = Math.floor((inner - 1) / 2);
  const two = helpLines(entries, columnWidth, rows);
  return { columns: 2, rows, pages: Math.max(1, Math.ceil(two.length / (rows * 2))), columnWidth, lines: two };
}
