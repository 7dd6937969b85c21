// The pod logs view, without I/O: which pods it applies to, which container it reads, the URL of
// the log request and what the view says. The UI fetches; these decide.
import type { ResourceRef } from './types.js';
import { resourcePath, withQuery } from './paths.js';
import { formatBytes } from './format.js';

/** Lines asked for (`tailLines`): enough to see what a pod is doing, small enough to stay fast. */
export const TAIL_LINES = 500;

export const POD_REF: ResourceRef = { group: '', version: 'v1', resource: 'pods', namespaced: true };

/** What a log without lines means: a Pending pod, or a container that printed nothing yet. */
export const EMPTY_LOG = '(no log lines: the container has not started or printed nothing)';

export function isPodRef(ref: ResourceRef): boolean {
  return ref.group === '' && ref.resource === 'pods';
}

/** The container whose log is read: the one asked for (`C`), else the first of spec.containers,
 *  like kubectl without -c. `name` is undefined when the pod has one container (no `container=`
 *  needed then); `first` is the one shown, `names` all of them, in the pod's order. */
export interface LogContainer {
  name?: string;
  first: string;
  count: number;
  names: string[];
}

export function logContainer(pod: unknown, wanted?: string): LogContainer {
  const containers = (pod as { spec?: { containers?: { name?: unknown }[] } } | undefined)?.spec?.containers;
  const names = Array.isArray(containers)
    ? containers.map((c) => c?.name).filter((n): n is string => typeof n === 'string')
    : [];
  const shown = wanted !== undefined && names.includes(wanted) ? wanted : (names[0] ?? '');
  // The API server refuses (400) a log request without `container` when there are several.
  return { name: names.length > 1 ? shown : undefined, first: shown, count: names.length, names };
}

/** The container after `current` (round the end), for `C`. */
export function nextContainer(names: string[], current: string): string | undefined {
  if (names.length < 2) return undefined;
  return names[(names.indexOf(current) + 1) % names.length];
}

/** GET path of the log: /api/v1/namespaces/NS/pods/NAME/log?tailLines=500[&container=C][&previous=true]
 *  (previous: the last terminated instance of the container, `kubectl logs --previous`). */
export function podLogPath(namespace: string, name: string, container?: string, previous = false): string {
  return withQuery(podLogBasePath(namespace, name), {
    tailLines: String(TAIL_LINES),
    container,
    previous: previous ? 'true' : undefined,
  });
}

/** The log path without its query (how the request log and the footer match requests to views). */
export function podLogBasePath(namespace: string, name: string): string {
  return resourcePath(POD_REF, namespace, name, 'log');
}

/** 'logs web-1 (container nginx, 1 of 2)'; just 'logs web-1' until the pod has been read; with
 *  ' ● following' while the log is followed. */
export function logsTitle(name: string, container?: LogContainer, following = false, previous = false): string {
  const mark = (previous ? ' (previous instance)' : '') + (following ? ' ● following' : '');
  if (!container?.first) return `logs ${name}${mark}`;
  const at = container.names.indexOf(container.first) + 1;
  return `logs ${name} (container ${container.first}${container.count > 1 ? `, ${at} of ${container.count}, C: next` : ''})${mark}`;
}

/** Lines a followed log keeps (the oldest are dropped beyond): a chatty pod must not fill memory. */
export const FOLLOW_MAX_LINES = 5000;

/** GET path of a followed log (`kubectl logs -f`): /api/v1/namespaces/NS/pods/NAME/log?follow=true&tailLines=500[&container=C]. */
export function podLogFollowPath(namespace: string, name: string, container?: string): string {
  return withQuery(podLogBasePath(namespace, name), { follow: 'true', tailLines: String(TAIL_LINES), container });
}

/** A followed log so far: complete lines (the newest FOLLOW_MAX_LINES), the line still being
 *  written, how many were dropped from the top and how many bytes arrived. */
export interface FollowedLines {
  lines: string[];
  partial: string;
  dropped: number;
  bytes: number;
}

export const NO_FOLLOWED_LINES: FollowedLines = { lines: [], partial: '', dropped: 0, bytes: 0 };

/** A log line longer than this is shown as several lines of this length: one endless line (no
 *  newline ever) must not grow without bound, and with FOLLOW_MAX_LINES it bounds the whole buffer. */
export const FOLLOW_MAX_LINE_CHARS = 4 * 1024;

/** The buffer after one chunk of the stream (a new object; the old one is left as it was). Only the
 *  chunk is split, never what came before it. */
export function appendFollowed(buf: FollowedLines, chunk: string, max = FOLLOW_MAX_LINES): FollowedLines {
  const parts = chunk.split('\n');
  parts[0] = buf.partial + parts[0];
  let partial = parts.pop()!;
  // Lines ending in CRLF are shown without the CR (as textLines does for a whole body).
  const complete = parts.flatMap((l) => pieces(l.endsWith('\r') ? l.slice(0, -1) : l));
  if (partial.length > FOLLOW_MAX_LINE_CHARS) {
    const cut = pieces(partial);
    partial = cut.pop()!;
    complete.push(...cut);
  }
  const all = complete.length ? buf.lines.concat(complete) : buf.lines;
  const over = Math.max(0, all.length - max);
  return {
    lines: over ? all.slice(over) : all,
    partial,
    dropped: buf.dropped + over,
    bytes: buf.bytes + utf8Length(chunk),
  };
}

/** `line` in pieces of at most FOLLOW_MAX_LINE_CHARS (the last one may be shorter). */
function pieces(line: string): string[] {
  if (line.length <= FOLLOW_MAX_LINE_CHARS) return [line];
  const out: string[] = [];
  for (let i = 0; i < line.length; i += FOLLOW_MAX_LINE_CHARS) out.push(line.slice(i, i + FOLLOW_MAX_LINE_CHARS));
  return out;
}

/** The lines to show: the complete ones and the one being written. */
export function followedText(buf: FollowedLines): string[] {
  return buf.partial ? [...buf.lines, buf.partial] : buf.lines;
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Where a follow stands: waiting for the headers, streaming, stopped with f, or ended by the
 *  server or an error (`reason`). */
export type FollowState = { state: 'connecting' | 'following' | 'stopped' } | { state: 'ended'; reason: string };

/** A followed log as the view shows it: where the follow stands and what it received. */
export interface FollowedLog {
  follow: FollowState;
  lines: FollowedLines;
  /** The id of the stream's request event, once it was sent. */
  requestId?: number;
}

/** The note under a followed log: a visible marker, the counts, what was dropped, what f does. */
export function followNote(follow: FollowState, buf: FollowedLines): string {
  const count = `${buf.lines.length + (buf.partial ? 1 : 0)} lines, ${formatBytes(buf.bytes)} received`;
  const dropped = buf.dropped ? `  ${buf.dropped} oldest dropped (the newest ${FOLLOW_MAX_LINES} kept)` : '';
  switch (follow.state) {
    case 'connecting':
      return '● following: connecting…  f: stop  Esc: back';
    case 'following':
      return `● following: ${count}${dropped}  f: stop  Esc: back`;
    case 'stopped':
      return `○ follow stopped: ${count}${dropped}  f: follow again  r: refresh  Esc: back`;
    case 'ended':
      return `○ follow ended (${follow.reason}): ${count}${dropped}  f: follow again  Esc: back`;
  }
}
