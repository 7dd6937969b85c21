// Screen layout as a pure function of the terminal size, focus and content.
// The whole frame is kept one line shorter than the terminal: Ink clears the full screen on every
// frame once its output reaches `rows` lines (ink #359/#382), which flickers.
import type { PaneId } from './navigation.js';

export const WIDE_MIN_COLUMNS = 100;

export interface PaneBox { pane: PaneId; width: number; height: number }

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
  const height = Math.max(6, (rows || 24) - 1);
  const headerLines = height >= 14 && (opts.insecure || opts.warnings) ? 2 : 1;
  const footerLines = footerLinesFor(height);
  if (cols >= WIDE_MIN_COLUMNS) {
    const body = Math.max(4, height - headerLines - footerLines);
    const [g, r, d] = wideWidths(cols, focus, opts);
    return {
      mode: 'wide', columns: cols, height, headerLines, footerLines, tabsLine: false,
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
      mode: 'narrow', columns: cols, height, headerLines, footerLines, tabsLine: true,
      panes: [{ pane: focus, width: cols, height: top }, { pane: 'detail', width: cols, height: body - top }],
    };
  }
  return {
    mode: 'narrow', columns: cols, height, headerLines, footerLines, tabsLine: true,
    panes: [{ pane: focus, width: cols, height: body }],
  };
}
