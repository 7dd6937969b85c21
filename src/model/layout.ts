// Screen layout as a pure function of the terminal size and focus.
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

/** Lines inside a pane box for content (border 2 + title 1). */
export function paneContentHeight(box: PaneBox): number {
  return Math.max(1, box.height - 3);
}

/** Characters inside a pane box (border 2 + padding 1 each side). */
export function paneContentWidth(box: PaneBox): number {
  return Math.max(1, box.width - 4);
}

export function computeLayout(columns: number, rows: number, focus: PaneId, insecure = false): Layout {
  const cols = Math.max(20, columns || 80);
  const height = Math.max(6, (rows || 24) - 1);
  const headerLines = (height >= 14 && insecure ? 2 : 1);
  const footerLines = height >= 20 ? 3 : height >= 12 ? 2 : 1;
  if (cols >= WIDE_MIN_COLUMNS) {
    const body = Math.max(4, height - headerLines - footerLines);
    const g = Math.max(20, Math.floor(cols * 0.24));
    const r = Math.max(28, Math.floor(cols * 0.3));
    return {
      mode: 'wide', columns: cols, height, headerLines, footerLines, tabsLine: false,
      panes: [
        { pane: 'groups', width: g, height: body },
        { pane: 'resources', width: r, height: body },
        { pane: 'detail', width: cols - g - r, height: body },
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
