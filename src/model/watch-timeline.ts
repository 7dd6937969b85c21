// The watch timeline (`T` on an object table): what a client's list-then-watch sees, one line per
// step: the LIST that gives the starting resourceVersion, then each raw watch event (ADDED,
// MODIFIED, DELETED, BOOKMARK, ERROR) with the resourceVersion it brings, newest at the bottom.
// Pure: the entries, bounded to the newest ones, and their lines. The controller that fills them is
// src/session/watch-timeline.ts.

export type TimelineEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export type TimelineEntry =
  /** One GET of the collection: its resourceVersion is where the watch starts. */
  | { seq: number; at: number; kind: 'list'; resourceVersion: string; count: string }
  /** A raw watch event as the server sent it (`object` as received: shown on Enter). */
  | {
      seq: number;
      at: number;
      kind: 'event';
      type: TimelineEventType;
      resourceVersion?: string;
      /** namespace/name, or the ERROR Status's code and message. */
      name: string;
      object: unknown;
    }
  /** What the client does next (watch again, list again) and why. */
  | { seq: number; at: number; kind: 'note'; text: string };

/** Entries kept: the newest ones (older ones are dropped from the top, like a followed log). */
export const TIMELINE_MAX_ENTRIES = 2000;

export interface TimelineData {
  /** Oldest first; `entries[i].seq === dropped + i`. */
  entries: readonly TimelineEntry[];
  /** Entries dropped from the top so far (memory is bounded). */
  dropped: number;
  /** listing: the GET is out; connecting: the watch is sent, not yet accepted; watching: open;
   *  waiting: retried on its own at `retryAt`; stopped: for the user (a refusal, see `error`). */
  state: 'listing' | 'connecting' | 'watching' | 'waiting' | 'stopped';
  /** The newest resourceVersion seen (the list's, then each event's): a watch resumes from it. */
  resourceVersion?: string;
  retryAt?: number;
  error?: string;
  /** The newest list and watch requests (the footer shows the newest of them). */
  requestIds: number[];
}

export const EMPTY_TIMELINE: TimelineData = { entries: [], dropped: 0, state: 'listing', requestIds: [] };

/** What a timeline entry is made from (its seq and time are given when it is added). */
export type NewEntry =
  | { kind: 'list'; resourceVersion: string; count: string }
  | { kind: 'event'; type: TimelineEventType; resourceVersion?: string; name: string; object: unknown }
  | { kind: 'note'; text: string };

/** The entries with `added` appended (at their own time `at`, else at `at`), the oldest dropped
 *  beyond `max`. */
export function appendEntries(
  data: Pick<TimelineData, 'entries' | 'dropped'>,
  added: readonly (NewEntry & { at?: number })[],
  at: number,
  max = TIMELINE_MAX_ENTRIES,
): Pick<TimelineData, 'entries' | 'dropped'> {
  let seq = data.dropped + data.entries.length;
  const all = [...data.entries, ...added.map((e) => ({ at, ...e, seq: seq++ }) as TimelineEntry)];
  const over = Math.max(0, all.length - max);
  return { entries: over ? all.slice(over) : all, dropped: data.dropped + over };
}

/** A watch event as a timeline entry: its type, the object's resourceVersion and namespace/name; an
 *  ERROR's Status as its code, reason and message. */
export function eventEntry(type: TimelineEventType, object: unknown): NewEntry {
  const o = (object ?? {}) as {
    metadata?: { name?: unknown; namespace?: unknown; resourceVersion?: unknown };
    code?: unknown;
    reason?: unknown;
    message?: unknown;
  };
  if (type === 'ERROR') {
    const words = [o.code, o.reason].filter((w) => w !== undefined && w !== '').join(' ');
    return { kind: 'event', type, name: `${words}${words ? ': ' : ''}${String(o.message ?? '')}`, object };
  }
  const m = o.metadata ?? {};
  const rv = typeof m.resourceVersion === 'string' && m.resourceVersion ? m.resourceVersion : undefined;
  const name = typeof m.name === 'string' ? m.name : '';
  const ns = typeof m.namespace === 'string' && m.namespace ? `${m.namespace}/` : '';
  return { kind: 'event', type, resourceVersion: rv, name: name ? ns + name : '', object };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Local time of day with milliseconds: 23:41:05.123. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

/** One line of the timeline: time, what happened (padded so the columns line up), the
 *  resourceVersion, then the object (or the list's size, or the note). */
export function timelineLine(e: TimelineEntry): string {
  const time = clockTime(e.at);
  const col = (what: string, rv: string | undefined, rest: string) =>
    `${time}  ${what.padEnd(8)}  ${(rv ? `rv ${rv}` : '').padEnd(10)}  ${rest}`.trimEnd();
  if (e.kind === 'list')
    return col('LIST', e.resourceVersion, `GET: ${e.count}; watching from rv ${e.resourceVersion}`);
  if (e.kind === 'note') return col('', undefined, `→ ${e.text}`);
  return col(e.type, e.resourceVersion, e.name);
}

/** The lines of the timeline, oldest first. */
export function timelineLines(data: TimelineData): string[] {
  return data.entries.map(timelineLine);
}

/** The entry numbered `seq`, if it still is kept. */
export function entryBySeq(data: TimelineData, seq: number): TimelineEntry | undefined {
  const e = data.entries[seq - data.dropped];
  return e?.seq === seq ? e : undefined;
}

/** The lesson above the timeline: list-then-watch, and what a 410 means. */
export const TIMELINE_HEADER = [
  "List, then watch: one GET returns the objects and the list's resourceVersion (rv); a watch from that rv " +
    'streams every change after it (each event carries the new rv), so nothing is missed in between.',
  'ERROR 410 Gone ("too old resource version"): the server no longer has history back to that rv; ' +
    'the client lists again and watches from the new rv.',
];

/** The status line: where the watch is, how many events are kept. */
export function timelineNote(data: TimelineData): string {
  const kept = data.dropped ? `, the last ${data.entries.length} kept` : '';
  const state =
    data.state === 'listing'
      ? '○ listing…'
      : data.state === 'connecting'
        ? '○ starting the watch…'
        : data.state === 'watching'
          ? '● watching'
          : data.state === 'waiting'
            ? `${data.error ?? 'failed'}: trying again on its own`
            : `watch stopped: ${data.error ?? 'ended'}`;
  return `${state}${kept}  Enter: the event's object  Esc: back`;
}
