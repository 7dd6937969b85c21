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

/** A container of the pod as the picker lists it: its kind and what it is doing. */
export interface PodContainer {
  name: string;
  init: boolean;
  /** 'running', 'waiting: CrashLoopBackOff', 'terminated: Completed (exit 0)', 'not started';
   *  with ', N restarts' after a restart. */
  state: string;
}

interface ContainerStatus {
  name?: unknown;
  restartCount?: unknown;
  state?: {
    running?: unknown;
    waiting?: { reason?: unknown };
    terminated?: { reason?: unknown; exitCode?: unknown };
  };
}

function stateOf(status: ContainerStatus | undefined): string {
  const st = status?.state;
  let state = 'not started';
  if (st?.running) state = 'running';
  else if (st?.waiting) state = typeof st.waiting.reason === 'string' ? `waiting: ${st.waiting.reason}` : 'waiting';
  else if (st?.terminated) {
    const reason = typeof st.terminated.reason === 'string' ? st.terminated.reason : 'terminated';
    state = `terminated: ${reason}${typeof st.terminated.exitCode === 'number' ? ` (exit ${st.terminated.exitCode})` : ''}`;
  }
  const restarts = typeof status?.restartCount === 'number' ? status.restartCount : 0;
  return restarts > 0 ? `${state}, ${restarts} restart${restarts === 1 ? '' : 's'}` : state;
}

/** The pod's containers, then its init containers (kubectl's order when it asks for one), each
 *  with its state from the pod's status. */
export function podContainers(pod: unknown): PodContainer[] {
  const p = pod as
    | {
        spec?: { containers?: { name?: unknown }[]; initContainers?: { name?: unknown }[] };
        status?: { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] };
      }
    | undefined;
  const list = (specs: unknown, statuses: unknown, init: boolean): PodContainer[] => {
    if (!Array.isArray(specs)) return [];
    const known = Array.isArray(statuses) ? (statuses as ContainerStatus[]) : [];
    return (specs as { name?: unknown }[])
      .map((c) => c?.name)
      .filter((n): n is string => typeof n === 'string')
      .map((name) => ({ name, init, state: stateOf(known.find((x) => x?.name === name)) }));
  };
  return [
    ...list(p?.spec?.containers, p?.status?.containerStatuses, false),
    ...list(p?.spec?.initContainers, p?.status?.initContainerStatuses, true),
  ];
}

/** The container whose log is read: the one picked (`C`, init containers too), else the first of
 *  spec.containers, like kubectl without -c. `name` is undefined when the server needs no
 *  `container=` (one container, no init container picked); `first` is the one shown, `names` the
 *  pod's containers and `all` every container the picker lists. */
export interface LogContainer {
  name?: string;
  first: string;
  count: number;
  names: string[];
  all: PodContainer[];
}

export function logContainer(pod: unknown, wanted?: string): LogContainer {
  const all = podContainers(pod);
  const names = all.filter((c) => !c.init).map((c) => c.name);
  const picked = all.find((c) => c.name === wanted);
  const shown = picked ? picked.name : (names[0] ?? '');
  // The API server refuses (400) a log request without `container` when there are several; an
  // init container is never its default.
  const name = names.length > 1 || picked?.init ? shown : undefined;
  return { name, first: shown, count: names.length, names, all };
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

/** 'logs web-1 (container nginx, 1 of 2, C: pick)'; just 'logs web-1' until the pod has been read;
 *  with ' ● following' while the log is followed. */
export function logsTitle(name: string, container?: LogContainer, following = false, previous = false): string {
  const mark = (previous ? ' (previous instance)' : '') + (following ? ' ● following' : '');
  if (!container?.first) return `logs ${name}${mark}`;
  const all = container.all;
  const at = all.findIndex((c) => c.name === container.first) + 1;
  const init = all[at - 1]?.init ? 'init container' : 'container';
  return `logs ${name} (${init} ${container.first}${all.length > 1 ? `, ${at} of ${all.length}, C: pick` : ''})${mark}`;
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
