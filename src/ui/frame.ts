// The frame of a render: the rows of each list and the room each viewport has, as the panes are
// about to draw them. The App hands it to the navigation store after the render is committed, so
// the next key is applied to what the user sees (model/nav-state.ts says why).
import type { Frame, ListId } from '../model/nav-state.js';
import { helpEntries } from '../model/help-entries.js';
import { COMMAND_VIEW_CHROME } from '../model/command-view.js';
import { rowsOf } from '../model/wrap.js';
import type { TextLines } from '../model/text-lines.js';
import {
  type DetailShape,
  type PaneBox,
  RESOURCES_HEADER_LINES,
  detailViewport,
  accessListHeight,
  explainListHeight,
  helpLayout,
  logBodyRoom,
  logListHeight,
  paneContentHeight,
  paneContentWidth,
} from '../model/layout.js';

export interface FrameInput {
  panes: PaneBox[];
  /** Height of the panes' area (what an overlay gets). */
  bodyHeight: number;
  detailBox: PaneBox;
  detail: DetailShape;
  keys: Record<ListId, readonly string[]>;
  /** Lines above the groups list (discovery spinner, failure line) and the picker's list. */
  groupsChrome: number;
  pickerChrome: number;
  text: {
    lines: number;
    longest: number;
    dropped: number;
    cursorLine: boolean;
    matches: readonly number[];
    /** The text's lines when they are wrapped (`w`). */
    wrapped?: TextLines;
  };
  /** The request log's selected entry: lines that scroll under its pinned first line. */
  logBodyLines: number;
  /** The command view's lines (commandViewLines). */
  commandViewLines: number;
  columns: number;
  tourPage: Frame['tourPage'];
}

/** The help's page count for a size (the wrapping behind it is done once per size, not per frame). */
let helpPagesFor = { key: '', pages: 1 };
function helpPages(columns: number, height: number): number {
  const key = `${columns}x${height}`;
  if (helpPagesFor.key !== key) helpPagesFor = { key, pages: helpLayout(helpEntries(), columns, height).pages };
  return helpPagesFor.pages;
}

export function buildFrame(i: FrameInput): Frame {
  const groupsBox = i.panes.find((p) => p.pane === 'groups');
  const resourcesBox = i.panes.find((p) => p.pane === 'resources');
  const overlayContent = Math.max(1, i.bodyHeight - 3);
  const listHeight = (box: PaneBox | undefined) => (box ? paneContentHeight(box) : overlayContent);
  const detailContent = paneContentHeight(i.detailBox);
  const detailWidth = paneContentWidth(i.detailBox);
  const viewport = detailViewport(i.detail, detailContent, detailWidth);
  const heights: Record<ListId, number> = {
    groups: listHeight(groupsBox) - i.groupsChrome,
    resources: listHeight(resourcesBox) - RESOURCES_HEADER_LINES,
    objects: viewport,
    picker: overlayContent - i.pickerChrome,
    contexts: overlayContent,
    containers: overlayContent,
    log: logListHeight(i.bodyHeight),
    explain: explainListHeight(i.bodyHeight),
    access: accessListHeight(i.bodyHeight),
  };
  const list = (id: ListId) => ({ keys: i.keys[id], height: Math.max(1, heights[id]) });
  return {
    lists: {
      groups: list('groups'),
      resources: list('resources'),
      objects: list('objects'),
      picker: list('picker'),
      contexts: list('contexts'),
      containers: list('containers'),
      log: list('log'),
      explain: list('explain'),
      access: list('access'),
    },
    text: {
      lines: i.text.lines,
      height: Math.max(1, viewport),
      // The room a line has: the pane's width minus the cursor line's gutter.
      width: Math.max(1, detailWidth - (i.text.cursorLine ? 2 : 0)),
      longest: i.text.longest,
      dropped: i.text.dropped,
      matches: i.text.matches,
      ...(i.text.wrapped
        ? { rowsAt: rowsAtFor(i.text.wrapped, Math.max(1, detailWidth - (i.text.cursorLine ? 2 : 0))) }
        : {}),
    },
    logBody: { lines: i.logBodyLines, height: Math.max(1, logBodyRoom(i.bodyHeight)) },
    commandView: { lines: i.commandViewLines, height: Math.max(1, i.bodyHeight - COMMAND_VIEW_CHROME) },
    helpPages: helpPages(i.columns, i.bodyHeight),
    tourPage: i.tourPage,
  };
}

/** The screen rows each line of wrapped text takes at `width` columns (as model/wrap.ts draws them). */
function rowsAtFor(lines: TextLines, width: number): (line: number) => number {
  return (line) => rowsOf(lines.at(line) ?? '', width);
}
