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
import { useElapsedSeconds } from './hooks.js';
import { codePointSlice } from '../model/terminal-text.js';

export type DetailBody =
  /** `cursor`: the cursor line of an object view (marked '›'), undefined where the text only scrolls. */
  /** `offset`: the first column shown (long lines scrolled sideways with > and <). */
  | { kind: 'text'; lines: string[]; syntax: 'json' | 'yaml' | 'none'; scroll: number; cursor?: number; offset?: number; note?: string }
  | { kind: 'table'; header: string; rows: string[]; list: ListState; loading: boolean; note: string; error?: ExplainedError; empty?: string[] }
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


function TokenLine({ tokens }: { tokens: Token[] }) {
  return (
    <Text wrap="truncate-end">
      {tokens.map((t, i) => <Text key={i} color={TOKEN_COLORS[t.kind]}>{t.text}</Text>)}
    </Text>
  );
}

interface TextViewProps {
  lines: string[]; syntax: 'json' | 'yaml' | 'none'; scroll: number; cursor?: number; offset: number; height: number; width: number; focused: boolean;
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
    if (skip >= chars.length) { skip -= chars.length; continue; }
    out.push(skip > 0 ? { ...t, text: chars.slice(skip).join('') } : t);
    skip = 0;
  }
  return out;
}

/** Only the visible slice of the (already split) lines is rendered and highlighted. With a cursor,
 *  every line gets a two-column gutter and the cursor line a '›' (visible without colour), drawn
 *  inverse when focused (bold when not) with colour on. */
function TextView({ lines, syntax, scroll, cursor, offset, height, width, focused }: TextViewProps) {
  const color = useColor();
  const visible = lines.slice(scroll, scroll + height);
  const gutter = cursor !== undefined;
  return (
    <Box flexDirection="column">
      {visible.map((line, i) => {
        const at = scroll + i;
        if (gutter && at === cursor) {
          const text = '› ' + fromColumn(line, offset);
          return <Text key={at} wrap="truncate-end" inverse={color && focused} bold={color}>{text.length >= width ? text : text.padEnd(width)}</Text>;
        }
        const prefix = gutter ? '  ' : '';
        if (!color || syntax === 'none' || line.length > 2000) return <Text key={at} wrap="truncate-end">{prefix + fromColumn(line, offset) || ' '}</Text>;
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
      <Text wrap="truncate-end" color={col(color, 'red')} bold={color}>✖ {error.title}</Text>
      <Text wrap="wrap">{error.detail}</Text>
      {error.hint ? <Text wrap="wrap" color={col(color, 'yellow')}>hint: {error.hint}</Text> : null}
    </Box>
  );
}

/** Spinner, message, and after a second the time waited and how to stop waiting. */
function LoadingLine({ message, since }: { message: string; since?: number }) {
  const seconds = useElapsedSeconds(since, true);
  return <Text wrap="truncate-end"><Busy /> {message}{seconds >= 1 ? ` ${seconds}s  (Esc cancels)` : ''}</Text>;
}

/** An empty table: kubectl's sentence plus what to try next. */
function EmptyTable({ lines }: { lines: string[] }) {
  const color = useColor();
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => <Text key={i} wrap="truncate-end" color={i > 0 ? col(color, 'yellow') : undefined}>{l}</Text>)}
    </Box>
  );
}

export function DetailPane({ title, body, focused, filtering, width, height }: DetailPaneProps) {
  const color = useColor();
  const content = Math.max(1, height - 3);
  const innerWidth = Math.max(1, width - 4);
  const view = detailViewport(body, content, innerWidth);
  let info = '';
  let inner: React.ReactNode;
  switch (body.kind) {
    case 'text': {
      const to = Math.min(body.lines.length, body.scroll + view);
      const offset = body.offset ?? 0;
      info = `${body.cursor !== undefined ? `ln ${body.cursor + 1} · ` : ''}${offset > 0 ? `col ${offset + 1} · ` : ''}${body.scroll + 1}-${to}/${body.lines.length}`;
      inner = (
        <>
          {body.note ? <Text wrap="truncate-end" color={col(color, 'yellow')}>{body.note}</Text> : null}
          <TextView lines={body.lines} syntax={body.syntax} scroll={body.scroll} cursor={body.cursor} offset={offset} height={view} width={innerWidth}
            focused={focused} />
        </>
      );
      break;
    }
    case 'table':
      info = listInfo(body.list, filtering);
      inner = (
        <>
          <Text wrap="truncate-end" dimColor={color}>{body.loading ? <Busy /> : null}{body.loading ? ' ' : ''}{body.note}</Text>
          {body.error ? <Text wrap="truncate-end" color={col(color, 'red')}>✖ {body.error.title}: {body.error.detail}</Text> : null}
          {body.error?.hint ? <Text wrap="truncate-end" color={col(color, 'yellow')}>hint: {body.error.hint}</Text> : null}
          <Text wrap="truncate-end" bold={color}>{'  ' + body.header}</Text>
          {body.list.keys.length === 0 && !body.loading
            ? <EmptyTable lines={body.empty ?? ['No resources found.']} />
            : <ListView list={body.list} focused={focused} width={width - 4} render={(i) => body.rows[i] ?? ''} empty={body.loading ? '' : undefined} />}
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
  return <Pane title={title} info={info} focused={focused} width={width} height={height}>{inner}</Pane>;
}
