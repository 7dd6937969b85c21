// `L`: every request, newest first; under the list, the selected one in full: request line and
// Accept, status/duration/size, response headers, then the body (or the watch stream's events)
// cut to the space left.
import React from 'react';
import { Box, Text } from 'ink';
import type { ListState } from '../model/list.js';
import { formatBytes, formatRequest } from '../model/format.js';
import { textLines } from '../model/highlight.js';
import type { LoggedRequest } from './request-log.js';
import { Pane } from './Pane.js';
import { ListView, listInfo } from './ListView.js';
import { col } from './theme.js';

export interface RequestLogPaneProps {
  /** Newest first (the list's item order). */
  entries: readonly LoggedRequest[];
  list: ListState;
  filtering: boolean;
  color: boolean;
  width: number;
  height: number;
}

/** Lines of the list part (the rest shows the selected request). */
export function logListHeight(height: number): number {
  return Math.max(1, Math.floor((height - 3) * 0.35));
}

const isWatch = (path: string) => /[?&]watch=(1|true)\b/.test(path);

/** The selected request as text lines (headers first; the body fills what is left). */
export function requestDetailLines(entry: LoggedRequest): string[] {
  const ev = entry.event;
  const lines = [`${ev.method} ${ev.path}`, `Accept: ${ev.accept}`];
  lines.push(ev.status !== undefined
    ? `→ ${ev.status} · ${Math.round(ev.durationMs)} ms · ${formatBytes(ev.bytes)}${ev.error ? ` · ${ev.error}` : ''}`
    : `→ no response: ${ev.error ?? 'pending'}`);
  for (const [k, v] of Object.entries(ev.responseHeaders ?? {})) lines.push(`${k.replace(/(^|-)\w/g, (c) => c.toUpperCase())}: ${v}`);
  if (isWatch(ev.path)) {
    const events = entry.watchEvents ?? [];
    lines.push(`── watch stream: ${events.length} event(s), newest last ──`);
    for (const w of events) lines.push(`${new Date(w.at).toISOString().slice(11, 19)}  ${w.type.padEnd(8)} ${w.name}`);
    return lines;
  }
  if (entry.body === undefined) lines.push('── body: (body not kept) ──');
  else lines.push('── body (JSON pretty-printed, Secret values masked) ──', ...textLines(entry.body));
  return lines;
}

export function RequestLogPane({ entries, list, filtering, color, width, height }: RequestLogPaneProps) {
  const selected = entries[list.matches[list.cursor] ?? -1];
  const detailRoom = Math.max(0, height - 3 - logListHeight(height) - 1);
  const detail = selected ? requestDetailLines(selected).slice(0, detailRoom) : [];
  return (
    <Pane title="Request log (L or Esc closes)" info={listInfo(list, filtering)} focused color={color} width={width} height={height}>
      <Box height={logListHeight(height)} flexDirection="column" overflow="hidden">
        <ListView list={list} focused color={color} width={width - 4} empty="no requests yet"
          render={(i) => `#${entries[i]?.event.id ?? ''} ${entries[i] ? formatRequest(entries[i].event) : ''}`} />
      </Box>
      <Text wrap="truncate-end" dimColor={color}>{'─'.repeat(Math.max(1, width - 4))}</Text>
      {detail.map((l, i) => (
        <Text key={i} wrap="truncate-end" color={i === 0 ? col(color, 'cyan') : undefined}>{l || ' '}</Text>
      ))}
    </Pane>
  );
}
