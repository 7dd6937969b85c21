// What the detail pane shows, derived during the App's render: the content (text split into lines,
// the objects table as text, the opened object's fields) from navigation state and loaded data,
// then the body the pane draws once the frame has placed the cursor and scroll.
import { useMemo, useState } from 'react';
import { type ListState } from '../model/list.js';
import { type TextPosition, textCursor, topView, watchTimeline } from '../model/nav-state.js';
import { wrapLines } from '../model/format.js';
import type { DetailShape } from '../model/layout.js';
import { fieldAtJsonLine } from '../model/explain.js';
import { type YamlPrinter, fieldAtYamlLine } from '../model/highlight.js';
import type { ObjectFields } from './commands.js';
import { type DetailSource, type SelectionInput, detailSource, sourceLines, tableNote } from './detailContent.js';
import { type TableText, WidthMemory, tableText } from '../model/table-view.js';
import { useSlicedYaml, yamlPrintingLine } from './useSlicedYaml.js';
import { type TextLines, joinLines, longestLine } from '../model/text-lines.js';
import type { DetailBody } from './DetailPane.js';

export interface DetailContentInput extends SelectionInput {
  /** Characters a line of the detail pane has. */
  width: number;
  /** The YAML printer, once loaded (useYamlPrinter). */
  yaml: YamlPrinter | undefined;
}

export interface DetailContent {
  source: DetailSource;
  /** A value or text source split into lines (once per document, format and reveal). */
  text?: { lines: TextLines; syntax: 'json' | 'yaml' | 'none'; secret: boolean };
  /** The longest line of the text, in code units (close enough for where the edge is). */
  longest: number;
  /** The objects table as text (when one is open): its rows' keys and identities for Enter. */
  table?: TableText;
  /** An opened object: its kind and the field on each line, for `e`. */
  object?: ObjectFields;
  /** Whether the text has a cursor line (an opened object): it takes a two-column gutter. */
  cursorLine: boolean;
  /** What the viewport's height depends on. */
  shape: DetailShape;
  /** Long lines wrapped (`w`). */
  wrap: boolean;
}

const kindOf = (v: unknown) => {
  const o = (v ?? {}) as { apiVersion?: unknown; kind?: unknown };
  return typeof o.apiVersion === 'string' && typeof o.kind === 'string'
    ? { apiVersion: o.apiVersion, kind: o.kind }
    : undefined;
};

function textNote(source: DetailSource, secret: boolean, reveal: boolean, cursorLine: boolean): string | undefined {
  const notes = [
    secret ? (reveal ? '[revealed] x masks' : '[masked] x reveals') : '',
    source.kind === 'value' || source.kind === 'text' ? (source.note ?? '') : '',
    cursorLine ? 'e: explain the field on the › line' : '',
  ];
  return notes.filter(Boolean).join('  ') || undefined;
}

export function useDetailContent(input: DetailContentInput): DetailContent {
  const { nav, width, yaml } = input;
  const { format, reveal } = nav.detail;
  const source = detailSource(input);
  const textSource = source.kind === 'value' || source.kind === 'text' ? source : undefined;
  // Split once per document, format and reveal (a 5 MB object is not re-split per keystroke).
  const textKey =
    textSource?.kind === 'value' ? textSource.value : textSource?.kind === 'text' ? textSource.text : undefined;
  const lines = useMemo(
    () => (textSource ? sourceLines(textSource, format, reveal, yaml) : undefined),
    // The source object is new each render; what it carries (textKey) is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [textKey, format, reveal, yaml],
  );
  const sliced = useSlicedYaml(lines?.sliceYaml);
  const text = useMemo(() => {
    if (lines?.sliceYaml === undefined) return lines;
    return sliced.lines
      ? { lines: sliced.lines, syntax: 'yaml' as const, secret: lines.secret }
      : { lines: [yamlPrintingLine(sliced.printed)], syntax: 'none' as const, secret: lines.secret };
  }, [lines, sliced.lines, sliced.printed]);
  // Wrapped lines are never wider than the pane: nothing to scroll sideways.
  const wrap = !!nav.detail.wrap;
  const longest = useMemo(() => (text && !wrap ? longestLine(text.lines) : 0), [text, wrap]);
  const tableSrc = source.kind === 'table' ? source : undefined;
  const rowsWidth = width - 2;
  // Column widths only grow while one table (its title: resource, namespace) stays open.
  const [widthMemory] = useState(() => new WidthMemory());
  const tableView = tableSrc?.title;
  const top = topView(nav);
  const sort = top?.kind === 'objects' ? top.sort : undefined;
  const widths = { memory: widthMemory, view: tableView ?? '' };
  const table = useMemo(
    () => (tableSrc ? tableText(tableSrc.table, tableSrc.allNamespaces, rowsWidth, widths, sort) : undefined),
    // As above: the table data and the namespace mode, not the source object around them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tableSrc?.table, tableSrc?.allNamespaces, rowsWidth, tableView, sort],
  );

  const kind = source.kind === 'value' && source.object ? kindOf(source.value) : undefined;
  const apiVersion = kind?.apiVersion;
  const objectKind = kind?.kind;
  const object = useMemo<ObjectFields | undefined>(() => {
    if (!apiVersion || !objectKind || !text || text.syntax === 'none') return undefined;
    const { lines, syntax } = text;
    // Only when `e` is pressed: one pass over the text up to the line.
    const fieldAt =
      syntax === 'json'
        ? (line: number) => fieldAtJsonLine(joinLines(lines), line)
        : (line: number) => fieldAtYamlLine(lines, line);
    return { apiVersion, kind: objectKind, fieldAt };
  }, [apiVersion, objectKind, text]);

  const cursorLine = textCursor(nav) && (object !== undefined || watchTimeline(nav));
  let shape: DetailShape;
  if (source.kind === 'value' || source.kind === 'text') {
    const note = textNote(source, !!text?.secret, reveal, cursorLine && object !== undefined);
    const header = source.kind === 'text' ? source.header?.flatMap((p) => wrapLines(p, width)) : undefined;
    shape = { kind: 'text', note, ...(header ? { header } : {}) };
  } else if (source.kind === 'table') shape = { kind: 'table', error: source.table.error };
  else shape = { kind: source.kind };
  return { source, text, longest, table, object, cursorLine, shape, wrap };
}

/** The body the detail pane draws: the content placed by the resolved text position and list. */
export function detailBody(
  content: DetailContent,
  position: TextPosition,
  objects: ListState,
  matches: readonly number[],
): DetailBody {
  const { source, text, table, shape } = content;
  if (source.kind === 'value' || source.kind === 'text') {
    return {
      kind: 'text',
      lines: text?.lines ?? [],
      syntax: text?.syntax ?? 'none',
      scroll: position.scroll,
      cursor: content.cursorLine ? position.cursor : undefined,
      offset: position.hscroll,
      note: shape.note,
      header: shape.header,
      search: position.search && { ...position.search, matches },
      wrap: content.wrap,
    };
  }
  if (source.kind === 'table') {
    const t = source.table;
    return {
      kind: 'table',
      header: table?.header ?? '',
      row: table?.row ?? (() => ''),
      ticking: !!table?.ticking || t.reconnect !== undefined,
      list: objects,
      loading: !t.done,
      note: (now) => tableNote(t, now),
      error: t.error,
      empty: source.empty,
    };
  }
  if (source.kind === 'loading') return { kind: 'loading', message: source.message, since: source.since };
  if (source.kind === 'error') return { kind: 'error', error: source.error, context: source.context };
  return { kind: 'message', text: source.text };
}

/** Lines dropped from the top of the text so far (a followed log keeps only its newest lines). */
export function droppedLines(content: DetailContent): number {
  return content.source.kind === 'text' ? (content.source.dropped ?? 0) : 0;
}
