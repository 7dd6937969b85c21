import React from 'react';
import { Box } from 'ink';
import { Text } from './Text.js';
import { Busy } from './Busy.js';
import type { ListState } from '../model/list.js';
import { type Token, highlightJsonLine, highlightYamlLine } from '../model/highlight.js';
import { Pane } from './Pane.js';
import { ListView, listInfo } from './ListView.js';
import type { ExplainedError } from '../model/loadable.js';
import { TOKEN_COLORS, col, useColor } from './theme.js';
import { detailViewport } from '../model/layout.js';
import { useClock, useElapsedSeconds } from './hooks.js';
import { codePointSlice } from '../model/terminal-text.js';
import { wrapWindow } from '../model/wrap.js';
import { WrappedTextView } from './WrappedTextView.js';
import type { TextLines } from '../model/text-lines.js';

export type DetailBody =
  /** `cursor`: the cursor line of an object view (marked '›'), undefined where the text only scrolls. */
  /** `offset`: the first column shown (long lines scrolled sideways with > and <). */
  /** `search`: `/` in the text: the query, whether it is being typed, the lines that have it. */
  | {
      kind: 'text';
      lines: TextLines;
      syntax: 'json' | 'yaml' | 'none';
      scroll: number;
      cursor?: number;
      offset?: number;
      note?: string;
      /** Lines above the text that do not scroll (already wrapped). */
      header?: readonly string[];
      search?: { query: string; typing: boolean; matches: readonly number[] };
      /** Long lines wrapped (`w`) instead of cut (then `offset` is 0). */
      wrap?: boolean;
    }
  /** `row` and `note`: their text at a time (ages, a reconnect countdown; redrawn each second while
   *  `ticking`); rows are made only when drawn. */
  | {
      kind: 'table';
      header: string;
      row: (index: number, now: number) => string;
      ticking: boolean;
      list: ListState;
      loading: boolean;
      note: (now: number) => string;
      error?: ExplainedError;
      empty?: string[];
    }
  | { kind: 'loading'; message: string; since?: number }
  | { kind: 'error'; error: ExplainedError; context?: string }
  | { kind: 'message'; text: string };

export interface DetailPaneProps {
  title: string;
  body: DetailBody;
  focused: boolean;
  filtering: boolean;
  width: number;
  height: number;
}

/** Binary search: is `line` among the ascending `marked` lines? */
function isMarked(marked: readonly number[], line: number): boolean {
  let lo = 0;
  let hi = marked.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (marked[mid] === line) return true;
    if (marked[mid]! < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function TokenLine({ tokens }: { tokens: Token[] }) {
  return (
    <Text wrap="truncate-end">
      {tokens.map((t, i) => (
        <Text key={i} color={TOKEN_COLORS[t.kind]}>
          {t.text}
        </Text>
      ))}
    </Text>
  );
}

interface TextViewProps {
  lines: TextLines;
  syntax: 'json' | 'yaml' | 'none';
  scroll: number;
  cursor?: number;
  offset: number;
  height: number;
  width: number;
  focused: boolean;
  /** Lines that have the searched text, ascending. */
  marked?: readonly number[];
}

/** No terminal is wider: a longer line is cut here, before Ink measures it on every render. */
const WIDEST_TERMINAL = 1000;

/** `line` from column `offset` on (by code point, so no character is cut in half), as much as fits. */
const fromColumn = (line: string, offset: number) => codePointSlice(line, offset, WIDEST_TERMINAL);

/** The tokens of a whole line (highlighting needs all of it) without their first `offset` characters. */
function dropColumns(tokens: Token[], offset: number): Token[] {
  if (offset <= 0) return tokens;
  const out: Token[] = [];
  let skip = offset;
  for (const t of tokens) {
    const chars = Array.from(t.text);
    if (skip >= chars.length) {
      skip -= chars.length;
      continue;
    }
    out.push(skip > 0 ? { ...t, text: chars.slice(skip).join('') } : t);
    skip = 0;
  }
  return out;
}

/** Only the visible slice of the (already split) lines is rendered and highlighted. With a cursor,
 *  every line gets a two-column gutter and the cursor line a '›' (visible without colour), drawn
 *  inverse when focused (bold when not) with colour on. */
/** ' /nginx 2/5' (the match at or after `line`, of how many), ' /ngi▌' while typed, ' /x no match'. */
function searchInfo(
  search: { query: string; typing: boolean; matches: readonly number[] } | undefined,
  line: number,
): string {
  if (!search) return '';
  if (search.typing) return ` /${search.query}▌`;
  const { matches } = search;
  if (!matches.length) return ` /${search.query} no match`;
  const at = matches.findIndex((m) => m >= line);
  return ` /${search.query} ${at < 0 ? matches.length : at + 1}/${matches.length}  n/N`;
}

function TextView({ lines, syntax, scroll, cursor, offset, height, width, focused, marked }: TextViewProps) {
  const color = useColor();
  // Only the lines on screen are cut out of the text (a line index holds one string).
  const visible: string[] = [];
  for (let at = scroll; at < Math.min(lines.length, scroll + height); at++) visible.push(lines.at(at)!);
  const gutter = cursor !== undefined;
  return (
    <Box flexDirection="column">
      {visible.map((line, i) => {
        const at = scroll + i;
        if (gutter && at === cursor) {
          const text = '› ' + fromColumn(line, offset);
          return (
            <Text key={at} wrap="truncate-end" inverse={color && focused} bold={color}>
              {text.length >= width ? text : text.padEnd(width)}
            </Text>
          );
        }
        // A line with the searched text: a '▸' in the gutter (visible without colour too).
        const hit = marked !== undefined && isMarked(marked, at);
        const prefix = gutter ? (hit ? '▸ ' : '  ') : hit ? '▸' : marked ? ' ' : '';
        if (!color || syntax === 'none' || line.length > 2000)
          return (
            <Text key={at} wrap="truncate-end">
              {prefix + fromColumn(line, offset) || ' '}
            </Text>
          );
        const tokens = dropColumns(syntax === 'json' ? highlightJsonLine(line) : highlightYamlLine(line), offset);
        return <TokenLine key={at} tokens={prefix ? [{ text: prefix, kind: 'plain' }, ...tokens] : tokens} />;
      })}
    </Box>
  );
}

export function ErrorView({ error, context }: { error: ExplainedError; context?: string }) {
  const color = useColor();
  return (
    <Box flexDirection="column">
      {context ? <Text wrap="truncate-end">{context}</Text> : null}
      <Text wrap="truncate-end" color={col(color, 'red')} bold={color}>
        ✖ {error.title}
      </Text>
      <Text wrap="wrap">{error.detail}</Text>
      {error.hint ? (
        <Text wrap="wrap" color={col(color, 'yellow')}>
          hint: {error.hint}
        </Text>
      ) : null}
    </Box>
  );
}

/** Spinner, message, and after a second the time waited and how to stop waiting. */
function LoadingLine({ message, since }: { message: string; since?: number }) {
  const seconds = useElapsedSeconds(since, true);
  return (
    <Text wrap="truncate-end">
      <Busy /> {message}
      {seconds >= 1 ? ` ${seconds}s  (Esc cancels)` : ''}
    </Text>
  );
}

/** An empty table: kubectl's sentence plus what to try next. */
function EmptyTable({ lines }: { lines: string[] }) {
  const color = useColor();
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate-end" color={i > 0 ? col(color, 'yellow') : undefined}>
          {l}
        </Text>
      ))}
    </Box>
  );
}

export function DetailPane({ title, body, focused, filtering, width, height }: DetailPaneProps) {
  const color = useColor();
  const content = Math.max(1, height - 3);
  const innerWidth = Math.max(1, width - 4);
  const view = detailViewport(body.kind === 'table' ? { kind: 'table', error: body.error } : body, content, innerWidth);
  const now = useClock(body.kind === 'table' && body.ticking);
  let info = '';
  let inner: React.ReactNode;
  switch (body.kind) {
    case 'text': {
      const offset = body.offset ?? 0;
      const marked = body.search?.query ? body.search.matches : undefined;
      // Wrapped: the rows of the lines from the scroll line on (model/wrap.ts), in the pane's width.
      const textWidth = innerWidth - (body.cursor !== undefined ? 2 : marked ? 1 : 0);
      const wrapped = body.wrap ? wrapWindow(body.lines, body.scroll, body.cursor, view, textWidth) : undefined;
      const from = wrapped ? wrapped.from : body.scroll;
      const to = wrapped ? wrapped.to : Math.min(body.lines.length, body.scroll + view);
      info =
        `${body.cursor !== undefined ? `ln ${body.cursor + 1} · ` : ''}${offset > 0 ? `col ${offset + 1} · ` : ''}${wrapped ? 'wrap · ' : ''}${from + 1}-${to}/${body.lines.length}` +
        searchInfo(body.search, body.cursor ?? from);
      inner = (
        <>
          {body.header?.map((line, i) => (
            <Text key={`h${i}`} wrap="truncate-end" dimColor={color}>
              {line}
            </Text>
          ))}
          {body.note ? (
            <Text wrap="truncate-end" color={col(color, 'yellow')}>
              {body.note}
            </Text>
          ) : null}
          {wrapped ? (
            <WrappedTextView
              lines={body.lines}
              rows={wrapped.rows}
              syntax={body.syntax}
              cursor={body.cursor}
              width={textWidth}
              focused={focused}
              marked={marked && ((line) => isMarked(marked, line))}
            />
          ) : (
            <TextView
              lines={body.lines}
              syntax={body.syntax}
              scroll={body.scroll}
              cursor={body.cursor}
              offset={offset}
              height={view}
              width={innerWidth}
              focused={focused}
              marked={marked}
            />
          )}
        </>
      );
      break;
    }
    case 'table':
      info = listInfo(body.list, filtering);
      inner = (
        <>
          <Text wrap="truncate-end" dimColor={color}>
            {body.loading ? <Busy /> : null}
            {body.loading ? ' ' : ''}
            {body.note(now)}
          </Text>
          {body.error ? (
            <Text wrap="truncate-end" color={col(color, 'red')}>
              ✖ {body.error.title}: {body.error.detail}
            </Text>
          ) : null}
          {body.error?.hint ? (
            <Text wrap="truncate-end" color={col(color, 'yellow')}>
              hint: {body.error.hint}
            </Text>
          ) : null}
          <Text wrap="truncate-end" bold={color}>
            {'  ' + body.header}
          </Text>
          {body.list.keys.length === 0 && !body.loading ? (
            <EmptyTable lines={body.empty ?? ['No resources found.']} />
          ) : (
            <ListView
              list={body.list}
              focused={focused}
              width={width - 4}
              render={(i) => body.row(i, now)}
              empty={body.loading ? '' : undefined}
            />
          )}
        </>
      );
      break;
    case 'loading':
      inner = <LoadingLine message={body.message} since={body.since} />;
      break;
    case 'error':
      inner = <ErrorView error={body.error} context={body.context} />;
      break;
    case 'message':
      inner = <Text wrap="wrap">{body.text}</Text>;
      break;
  }
  return (
    <Pane title={title} info={info} focused={focused} width={width} height={height}>
      {inner}
    </Pane>
  );
}
