// `L`: every request, newest first; under the list, the selected one in full: request line and
// Accept, status/duration/size, response headers, then the body (or the watch stream's events).
// The request line stays put; the rest scrolls: Tab (or →) gives the cursor keys (↑↓ PgUp/PgDn
// Ctrl-U/D g/G) to it, Tab (or ←) back to the list.
import { Box } from 'ink';
import { Text } from './Text.js';
import type { ListState } from '../model/list.js';
import { formatBytes, formatRequest } from '../model/format.js';
import { textLines } from '../model/highlight.js';
import { explainHeaders } from '../model/response-headers.js';
import { logBodyRoom, logListHeight } from '../model/layout.js';
import type { LoggedRequest } from '../session/request-log.js';
import { Pane } from './Pane.js';
import { ListView, listInfo } from './ListView.js';
import { col, useColor } from './theme.js';

export interface RequestLogPaneProps {
  /** Newest first (the list's item order). */
  entries: readonly LoggedRequest[];
  list: ListState;
  /** The selected entry's lines (requestDetailLines) and the first shown line of its scrolled part. */
  detail: readonly string[];
  scroll: number;
  /** The cursor keys scroll the body (Tab / → / ←). */
  bodyFocused: boolean;
  filtering: boolean;
  width: number;
  height: number;
}

/** A header's explanation line starts with this (drawn dimmed). */
const NOTE_MARK = '  ↳ ';
const NOTE_MORE = '    ';
/** Header lines that need attention (drawn in yellow). */
const ATTENTION = /^(Warning|Retry-After): /;

const isWatch = (path: string) => /[?&]watch=(1|true)\b/.test(path);

/** Entries are immutable (a change makes a new one): their lines are split once per width. */
const detailCache = new WeakMap<LoggedRequest, { width: number; lines: string[] }>();

/** The selected request as text lines (headers first, each with its explanation wrapped to `width`,
 *  then the body). */
export function requestDetailLines(entry: LoggedRequest, width = Infinity): string[] {
  let cached = detailCache.get(entry);
  if (cached?.width !== width) detailCache.set(entry, (cached = { width, lines: detailLines(entry, width) }));
  return cached.lines;
}

/** A header's explanation in lines of at most `width` characters, broken between words. */
function noteLines(note: string, width: number): string[] {
  const room = Math.max(20, width - NOTE_MARK.length);
  const out: string[] = [];
  let line = '';
  for (const word of note.split(' ')) {
    if (line && line.length + 1 + word.length > room) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.map((l, i) => (i ? NOTE_MORE : NOTE_MARK) + l);
}

function prettyJson(compact: string): string[] {
  try {
    return textLines(JSON.stringify(JSON.parse(compact), null, 2));
  } catch {
    return textLines(compact);
  }
}

function detailLines(entry: LoggedRequest, width: number): string[] {
  const ev = entry.event;
  const lines = [`${ev.method} ${ev.path}`, `Accept: ${ev.accept}`];
  lines.push(
    ev.status !== undefined
      ? `→ ${ev.status} · ${Math.round(ev.durationMs)} ms · ${formatBytes(ev.bytes)}${ev.error ? ` · ${ev.error}` : ''}`
      : `→ no response: ${ev.error ?? 'pending'}`,
  );
  for (const h of explainHeaders(ev.responseHeaders, ev.accept))
    lines.push(`${h.name}: ${h.value}`, ...noteLines(h.note, width));
  if (isWatch(ev.path)) {
    const events = entry.watchEvents ?? [];
    lines.push(`── watch stream: ${events.length} event(s), newest last ──`);
    for (const w of events) lines.push(`${new Date(w.at).toISOString().slice(11, 19)}  ${w.type.padEnd(8)} ${w.name}`);
    return lines;
  }
  if (entry.body === undefined) lines.push('── body: (body not kept) ──');
  else if (entry.listPage)
    lines.push(
      '── body: the list page as parsed (JSON pretty-printed, Secret values masked) ──',
      ...prettyJson(entry.body),
    );
  else lines.push('── body (JSON pretty-printed, Secret values masked) ──', ...textLines(entry.body));
  return lines;
}

export function RequestLogPane({
  entries,
  list,
  detail,
  scroll,
  bodyFocused,
  filtering,
  width,
  height,
}: RequestLogPaneProps) {
  const color = useColor();
  const room = logBodyRoom(height);
  const rest = detail.slice(1);
  const from = Math.min(scroll, Math.max(0, rest.length - room));
  const shown = rest.slice(from, from + room);
  const inner = Math.max(1, width - 4);
  // The divider says where the keys go and where in the body the view is.
  // $ (the command view) shows the selected request as curl and kubectl, whole.
  const keysHint = bodyFocused ? '▶ body: ↑↓ PgUp/PgDn g/G scroll it, Tab: list' : 'Tab: scroll the body · $: its curl';
  const label = ` ${keysHint} `;
  const pos = rest.length ? ` ${from + 1}-${from + shown.length}/${rest.length} ` : ' ';
  const divider = `──${label}${'─'.repeat(Math.max(2, inner - label.length - pos.length - 4))}${pos}──`;
  return (
    <Pane title="Request log (L or Esc closes)" info={listInfo(list, filtering)} focused width={width} height={height}>
      <Box height={logListHeight(height)} flexDirection="column" overflowY="hidden">
        <ListView
          list={list}
          focused={!bodyFocused}
          width={inner}
          empty="no requests yet"
          render={(i) => `#${entries[i]?.event.id ?? ''} ${entries[i] ? formatRequest(entries[i].event) : ''}`}
        />
      </Box>
      <Text wrap="truncate-end" dimColor={color && !bodyFocused} color={col(color && bodyFocused, 'cyan')}>
        {divider}
      </Text>
      {detail.length ? (
        <Text wrap="truncate-end" color={col(color, 'cyan')}>
          {detail[0]}
        </Text>
      ) : null}
      {shown.map((l, i) => (
        <Text
          key={from + i}
          wrap="truncate-end"
          dimColor={color && (l.startsWith(NOTE_MARK) || l.startsWith(NOTE_MORE))}
          color={col(color && ATTENTION.test(l), 'yellow')}
        >
          {l || ' '}
        </Text>
      ))}
    </Pane>
  );
}
