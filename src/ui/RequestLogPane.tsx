// `L`: every request, newest first; under the list, the selected one in full: request line and
// Accept, status/duration/size, response headers, then the body (or the watch stream's events).
// The request line stays put; the rest scrolls: Tab (or →) gives the cursor keys (↑↓ PgUp/PgDn
// Ctrl-U/D g/G) to it, Tab (or ←) back to the list.
import { Box } from 'ink';
import { Text } from './Text.js';
import type { ListState } from '../model/list.js';
import { formatBytes, formatRequest } from '../model/format.js';
import { textLines } from '../model/highlight.js';
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

const isWatch = (path: string) => /[?&]watch=(1|true)\b/.test(path);

/** Entries are immutable (a change makes a new one): their lines are split once. */
const detailCache = new WeakMap<LoggedRequest, string[]>();

/** The selected request as text lines (headers first, then the body). */
export function requestDetailLines(entry: LoggedRequest): string[] {
  let lines = detailCache.get(entry);
  if (!lines) detailCache.set(entry, (lines = detailLines(entry)));
  return lines;
}

function prettyJson(compact: string): string[] {
  try {
    return textLines(JSON.stringify(JSON.parse(compact), null, 2));
  } catch {
    return textLines(compact);
  }
}

function detailLines(entry: LoggedRequest): string[] {
  const ev = entry.event;
  const lines = [`${ev.method} ${ev.path}`, `Accept: ${ev.accept}`];
  lines.push(
    ev.status !== undefined
      ? `→ ${ev.status} · ${Math.round(ev.durationMs)} ms · ${formatBytes(ev.bytes)}${ev.error ? ` · ${ev.error}` : ''}`
      : `→ no response: ${ev.error ?? 'pending'}`,
  );
  for (const [k, v] of Object.entries(ev.responseHeaders ?? {}))
    lines.push(`${k.replace(/(^|-)\w/g, (c) => c.toUpperCase())}: ${v}`);
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
        <Text key={from + i} wrap="truncate-end">
          {l || ' '}
        </Text>
      ))}
    </Pane>
  );
}
