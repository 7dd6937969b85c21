// The UI's record of requests: a bounded ring of RequestEvents (newest last), kept outside React so
// the data hooks can attach what only they see to the entry the client emitted: response bodies
// (the client's events carry none; list pages come back parsed, so a compact JSON of the parsed
// page stands in for theirs) and the events of watch streams.
import type { ListPage, RawResponse, RequestEvent, ResourceRef } from '../model/types.js';
import type { WatchEventMessage } from '../client/types.js';
import { maskSecret } from '../model/secrets.js';
import { formatGroupVersion } from '../model/paths.js';
import { prettyJson, toJsonLines } from '../model/highlight.js';

export const MAX_REQUESTS = 300;
/** Bodies are kept for the newest few requests only (a list of 5000 pods is megabytes). */
export const MAX_BODIES = 20;
/** …and at most this many characters of bodies in all (the newest body is always kept, its first
 *  MAX_BODY_CHARS characters). */
export const MAX_BODY_CHARS = 2 * 1024 * 1024;
export const MAX_WATCH_EVENTS = 100;

export interface LoggedWatchEvent {
  type: WatchEventMessage['type'];
  name: string;
  at: number;
}

export interface LoggedRequest {
  event: RequestEvent;
  /** The response body (Secret values masked, JSON pretty-printed), when the UI kept it. */
  body?: string;
  /** `body` is the compact JSON of a list page as the client parsed it (pretty-printed when shown). */
  listPage?: boolean;
  /** The body's size in characters (a list page's: its response's size until it is first read),
   *  what the log's bound on kept bodies counts. */
  bodyChars?: number;
  /** Watch streams: the events received so far, oldest first. */
  watchEvents?: LoggedWatchEvent[];
}

/** JSON bodies pretty-printed with Secret values masked; others as served. The printed text is the
 *  detail view's (prettyJson prints an object once). */
export function displayBody(r: Pick<RawResponse, 'body' | 'json'>): string {
  if (r.json === undefined) return r.body;
  return prettyJson(maskSecret(r.json));
}

/** A copy of `s` that holds no reference to a longer string: V8's slice() of a long string is a
 *  view into it, so a 2 MiB prefix would keep a 7 MB pretty-printed document alive after its view
 *  has closed. (Flattening the concatenation copies the characters; slice(1) then views that copy.) */
function detachedCopy(s: string): string {
  return (' ' + s).slice(1);
}

/** A list page as JSON again: a Table (rows with their metadata) or a plain list of items; the
 *  Secrets among them masked (also the last-applied annotation of the rows' metadata). */
export function listPageValue(page: ListPage, ref: ResourceRef): unknown {
  const metadata = Object.fromEntries(
    Object.entries({
      resourceVersion: page.resourceVersion,
      continue: page.continueToken,
      remainingItemCount: page.remainingItemCount,
    }).filter(([, v]) => v !== undefined && v !== ''),
  );
  const secrets = ref.group === '' && ref.resource === 'secrets';
  const mask = <T>(o: T): T => {
    if (!secrets || typeof o !== 'object' || o === null) return o;
    const kind = (o as { kind?: unknown }).kind;
    return { ...maskSecret({ ...o, kind: 'Secret' }), kind } as T;
  };
  if (page.format === 'table') {
    return {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata,
      columnDefinitions: page.columns,
      rows: page.rows.map((r) => (r.object ? { ...r, object: mask(r.object) } : r)),
    };
  }
  return { kind: 'List', apiVersion: formatGroupVersion(ref), metadata, items: page.items.map(mask) };
}

/** A body longer than MAX_BODY_CHARS keeps its beginning and says how much was left out. */
function boundedBody(b: Pick<LoggedRequest, 'body' | 'listPage'>): Pick<LoggedRequest, 'body' | 'listPage'> {
  if (b.body === undefined || b.body.length <= MAX_BODY_CHARS) return b;
  const cut = b.body.length - MAX_BODY_CHARS;
  return {
    ...b,
    body: `${detachedCopy(b.body.slice(0, MAX_BODY_CHARS))}\n… ${cut} more characters not kept (the curl command fetches it whole)`,
  };
}

/** JSON.stringify(value); pretty-printed without recursion when the value is too deep for it. */
function compactJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return toJsonLines(value).join('\n');
  }
}

/** 'ns/name' of a watch event's object; a Table event (what the live table asks for) names its
 *  one row's object. */
function objectName(obj: unknown): string {
  type Meta = { metadata?: { name?: string; namespace?: string } };
  const table = obj as { kind?: string; rows?: { object?: Meta }[] } | undefined;
  const meta = (table?.kind === 'Table' ? table.rows?.[0]?.object : (obj as Meta | undefined))?.metadata;
  return meta?.name ? `${meta.namespace ? meta.namespace + '/' : ''}${meta.name}` : '';
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private listeners = new Set<() => void>();

  record(event: RequestEvent): void {
    this.entries = [...this.entries.slice(-(MAX_REQUESTS - 1)), { event }];
    this.changed();
  }

  /** Attach a response to the request it answered (RawResponse.requestId). */
  attachBody(requestId: number, response: Pick<RawResponse, 'body' | 'json'>): void {
    this.attach(requestId, () => ({ body: displayBody(response) }));
  }

  /** Attach a list page (Table or items, as the client parsed it) to its request, as compact JSON
   *  made when the body is first read: a streaming table's pages are mostly forgotten unread, and
   *  printing each one cost ~6% of the UI's time while 50k rows came in. */
  attachListPage(page: ListPage, ref: ResourceRef): void {
    const i = this.indexOf(page.requestId);
    if (i < 0) return;
    let text: string | undefined;
    const entry: LoggedRequest = { ...this.entries[i], listPage: true, bodyChars: page.bytes };
    Object.defineProperty(entry, 'body', {
      enumerable: true,
      get: () => (text ??= boundedBody({ body: compactJson(listPageValue(page, ref)) }).body),
    });
    this.put(i, entry);
  }

  private attach(requestId: number, body: () => Pick<LoggedRequest, 'body' | 'listPage'>): void {
    const i = this.indexOf(requestId);
    if (i < 0) return;
    const b = boundedBody(body());
    this.put(i, { ...this.entries[i], ...b, bodyChars: b.body?.length });
  }

  /** Entry `i` replaced by `entry`, then the oldest bodies beyond the limits (count and size)
   *  forgotten, without reading them (a list page's body is made when read). */
  private put(i: number, entry: LoggedRequest): void {
    const next = this.entries.map((e, n) => (n === i ? entry : e));
    let kept = 0;
    let chars = 0;
    for (let n = next.length - 1; n >= 0; n--) {
      const e = next[n];
      if (e.bodyChars === undefined) continue;
      chars += e.bodyChars;
      if (++kept > MAX_BODIES || (kept > 1 && chars > MAX_BODY_CHARS))
        next[n] = { event: e.event, ...(e.watchEvents ? { watchEvents: e.watchEvents } : {}) };
    }
    this.entries = next;
    this.changed();
  }

  /** Append a watch event to its watch request (WatchHandle.requestId). */
  recordWatchEvent(requestId: number, ev: WatchEventMessage): void {
    const i = this.indexOf(requestId);
    if (i < 0) return;
    const entry = this.entries[i];
    const watchEvents = [
      ...(entry.watchEvents ?? []).slice(-(MAX_WATCH_EVENTS - 1)),
      { type: ev.type, name: objectName(ev.object), at: Date.now() },
    ];
    this.entries = this.entries.map((e, n) => (n === i ? { ...entry, watchEvents } : e));
    this.changed();
  }

  /** Entries, oldest first. A new array after every change (safe as a React snapshot). */
  snapshot = (): readonly LoggedRequest[] => this.entries;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Where the request is in the ring (newest first: the one looked for is usually recent). */
  private indexOf(requestId: number): number {
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i].event.id === requestId) return i;
    return -1;
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}

/** The request behind the current view: the newest of the requests its loads returned (`ids`);
 *  else, while it has none (loading, or a cached copy), the newest request of all. */
export function viewRequest(entries: readonly LoggedRequest[], ids: readonly number[]): RequestEvent | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (ids.includes(entries[i].event.id)) return entries[i].event;
  return entries[entries.length - 1]?.event;
}
