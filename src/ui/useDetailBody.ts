// What the detail pane shows and how much room each list has, derived during the App's render:
// the detail body (text with its cursor, table, loading, error, message) from navigation state
// and loaded data, and the viewport sizes handed to the reducer. Sizes and keys are dispatched
// during render (React re-renders at once, before committing), never in an effect, so no frame
// ever shows rows and cursor out of step.
import { useMemo } from 'react';
import { type NavAction, type NavState, textCursor } from '../model/navigation.js';
import { type PaneBox, paneContentHeight, paneContentWidth } from '../model/layout.js';
import { fieldAtJsonLine } from '../model/explain.js';
import { type YamlPrinter, fieldAtYamlLine } from '../model/highlight.js';
import type { ObjectFields } from './commands.js';
import { type DetailSource, type SelectionInput, type TableText, detailSource, sourceLines, tableNote, tableText } from './detailContent.js';
import { type DetailBody, detailViewport } from './DetailPane.js';
import { RESOURCES_HEADER_LINES } from './ResourcesPane.js';
import { logBodyRoom, logListHeight } from './RequestLogPane.js';
import { explainListHeight } from './ExplainPane.js';

type Dispatch = (a: NavAction) => void;

export interface DetailBodyInput extends SelectionInput {
  /** The detail pane's box in the current layout. */
  box: PaneBox;
  /** The YAML printer, once loaded (useYamlPrinter). */
  yaml: YamlPrinter | undefined;
}

export interface DetailBodyResult {
  source: DetailSource;
  body: DetailBody;
  /** The objects table as text (when one is open): its rows' identities for Enter. */
  table?: TableText;
  /** An opened object: its kind and the field on each line, for `e`. */
  object?: ObjectFields;
}

/** Length of the longest line, in code units (close enough for where the edge is). */
function longestLine(lines: string[]): number {
  let n = 0;
  for (const l of lines) if (l.length > n) n = l.length;
  return n;
}

const kindOf = (v: unknown) => {
  const o = (v ?? {}) as { apiVersion?: unknown; kind?: unknown };
  return typeof o.apiVersion === 'string' && typeof o.kind === 'string' ? { apiVersion: o.apiVersion, kind: o.kind } : undefined;
};

/** The detail body; hands the objects table's keys and the text's size to the reducer. */
export function useDetailBody({ nav, discovery, groupRow, resourceRow, data, allowed, box, yaml }: DetailBodyInput, dispatch: Dispatch): DetailBodyResult {
  const source = detailSource({ nav, discovery, groupRow, resourceRow, data, allowed });
  const textSource = source.kind === 'value' || source.kind === 'text' ? source : undefined;
  // Split once per document, format and reveal (a 5 MB object is not re-split per keystroke).
  const textKey = textSource?.kind === 'value' ? textSource.value : textSource?.kind === 'text' ? textSource.text : undefined;
  const text = useMemo(() => (textSource ? sourceLines(textSource, nav.format, nav.reveal, yaml) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [textKey, nav.format, nav.reveal, yaml]);
  const width = paneContentWidth(box);
  const tableSrc = source.kind === 'table' ? source : undefined;
  const table = useMemo(() => (tableSrc ? tableText(tableSrc.table, tableSrc.allNamespaces, width - 2) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tableSrc?.table, tableSrc?.allNamespaces, width]);
  if (table && nav.lists.objects.keys !== table.keys) dispatch({ type: 'setItems', list: 'objects', keys: table.keys });

  const objectKind = source.kind === 'value' && source.object ? kindOf(source.value) : undefined;
  const object = useMemo<ObjectFields | undefined>(() => {
    if (!objectKind || !text || text.syntax === 'none') return undefined;
    const { lines, syntax } = text;
    // Only when `e` is pressed: one pass over the text up to the line.
    const fieldAt = syntax === 'json' ? (line: number) => fieldAtJsonLine(lines.join('\n'), line) : (line: number) => fieldAtYamlLine(lines, line);
    return { ...objectKind, fieldAt };
  }, [objectKind?.apiVersion, objectKind?.kind, text]);

  let body: DetailBody;
  if (source.kind === 'value' || source.kind === 'text') {
    const cursor = textCursor(nav) && object ? nav.cursor : undefined;
    const notes = [text?.secret ? (nav.reveal ? '[revealed] x masks' : '[masked] x reveals') : '', source.note ?? '',
      cursor !== undefined ? 'e: explain the field on the › line' : ''].filter(Boolean).join('  ');
    body = { kind: 'text', lines: text?.lines ?? [], syntax: text?.syntax ?? 'none', scroll: nav.scroll, cursor, offset: nav.hscroll, note: notes || undefined };
  } else if (source.kind === 'table') {
    const t = source.table;
    body = { kind: 'table', header: table?.header ?? '', rows: table?.rows ?? [], list: nav.lists.objects, loading: !t.done, note: tableNote(t), error: t.error, empty: source.empty };
  } else if (source.kind === 'loading') body = { kind: 'loading', message: source.message, since: source.since };
  else if (source.kind === 'error') body = { kind: 'error', error: source.error, context: source.context };
  else body = { kind: 'message', text: source.text };

  const textLines = body.kind === 'text' ? body.lines.length : 0;
  const textHeight = Math.max(1, detailViewport(body, paneContentHeight(box), width));
  const dropped = source.kind === 'text' ? source.dropped ?? 0 : 0;
  // Sideways: the room a line has (minus the cursor gutter) and the longest line (once per text).
  const textWidth = Math.max(1, width - (body.kind === 'text' && body.cursor !== undefined ? 2 : 0));
  const longest = useMemo(() => (text ? longestLine(text.lines) : 0), [text]);
  if (nav.scrollLines !== textLines || nav.scrollHeight !== textHeight || nav.scrollDropped !== dropped
    || nav.scrollWidth !== textWidth || nav.scrollLongest !== longest) {
    dispatch({ type: 'setScrollSize', lines: textLines, height: textHeight, dropped, width: textWidth, longest });
  }
  return { source, body, table, object };
}

export interface ViewportInput {
  nav: NavState;
  panes: PaneBox[];
  /** Height of the panes' area (what an overlay gets). */
  bodyHeight: number;
  detailBox: PaneBox;
  body: DetailBody;
  /** Lines above the groups list (discovery spinner, failure line). */
  groupsChrome: number;
  pickerChrome: number;
  /** The request log's selected entry: lines that scroll under its pinned first line. */
  logBodyLines: number;
}

/** Rows each list can show, handed to the reducer's windows. */
export function syncViewports({ nav, panes, bodyHeight, detailBox, body, groupsChrome, pickerChrome, logBodyLines }: ViewportInput, dispatch: Dispatch): void {
  const groupsBox = panes.find((p) => p.pane === 'groups');
  const resourcesBox = panes.find((p) => p.pane === 'resources');
  const overlayContent = Math.max(1, bodyHeight - 3);
  const listHeight = (box: PaneBox | undefined) => (box ? paneContentHeight(box) : overlayContent);
  const viewports = {
    groups: listHeight(groupsBox) - groupsChrome,
    resources: listHeight(resourcesBox) - RESOURCES_HEADER_LINES,
    objects: detailViewport(body, paneContentHeight(detailBox), paneContentWidth(detailBox)),
    picker: overlayContent - pickerChrome,
    log: logListHeight(bodyHeight),
    explain: explainListHeight(bodyHeight),
  };
  for (const list of ['groups', 'resources', 'objects', 'picker', 'log', 'explain'] as const) {
    const height = Math.max(1, viewports[list]);
    if (nav.lists[list].height !== height) dispatch({ type: 'setViewport', list, height });
  }
  const logRoom = Math.max(1, logBodyRoom(bodyHeight));
  if (nav.logLines !== logBodyLines || nav.logHeight !== logRoom) dispatch({ type: 'setLogBodySize', lines: logBodyLines, height: logRoom });
}
