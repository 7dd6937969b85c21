// The watch timeline's controller: list once (one GET: its resourceVersion), then watch from it with
// bookmarks allowed, and put every raw event on the timeline (src/model/watch-timeline.ts), as a
// client-go reflector sees them. When the watch ends it does what the reflector does (the rules of
// src/session/reconnect.ts): the server closed it → watch again from the newest resourceVersion; an
// ERROR 410 (the version is too old) → list again and watch from the new one; a lost connection →
// back off and list again; a refusal (403) → stop, saying why. Each step is a line. No React here:
// useDetail starts one while the timeline is open and stops it when it closes.
import type { KubeApi, WatchEventMessage, WatchHandle } from '../client/types.js';
import type { ResourceRef } from '../model/types.js';
import {
  EMPTY_TIMELINE,
  type NewEntry,
  TIMELINE_MAX_ENTRIES,
  type TimelineData,
  type TimelineEventType,
  appendEntries,
  eventEntry,
} from '../model/watch-timeline.js';
import { failedRequestId } from '../model/loadable.js';
import { describeError } from './errors.js';
import { backoffMs, classifyFailure } from './reconnect.js';
import type { RequestLog } from './request-log.js';

export interface WatchTimelineOptions {
  labelSelector?: string;
  fieldSelector?: string;
  /** Receives the list page and every watch event (the request log shows them). */
  log?: RequestLog;
  /** Entries kept (default TIMELINE_MAX_ENTRIES). */
  maxEntries?: number;
  /** Hand-overs to the view at most this often while events pour in (default 50 ms). */
  flushMs?: number;
}

/** A watch the server ends sooner than this after it started is retried after a backoff. */
const QUICK_END_MS = 5000;
/** The objects a list page has at most: the lesson needs its resourceVersion, not every object. */
const LIST_LIMIT = 500;

const EVENT_TYPES: readonly string[] = ['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR'];

export class WatchTimeline {
  private data: TimelineData = EMPTY_TIMELINE;
  private stopped = false;
  private listing?: AbortController;
  private watch?: WatchHandle;
  private timer?: ReturnType<typeof setTimeout>;
  private flushTimer?: ReturnType<typeof setTimeout>;
  private dirty = false;
  /** Entries received since the last hand-over, appended together (one copy of the list per flush). */
  private pending: (NewEntry & { at: number })[] = [];
  private failures = 0;
  /** The Status of the ERROR event that ended the current watch. */
  private watchError?: unknown;

  constructor(
    private readonly api: KubeApi,
    private readonly ref: ResourceRef,
    private readonly namespace: string | undefined,
    private readonly onUpdate: (data: TimelineData) => void,
    private readonly opts: WatchTimelineOptions = {},
  ) {}

  start(): void {
    void this.list();
  }

  /** Aborts the list, closes the watch (idempotent); nothing is reported after it. */
  stop(): void {
    this.stopped = true;
    this.listing?.abort();
    this.watch?.stop();
    clearTimeout(this.timer);
    clearTimeout(this.flushTimer);
  }

  /** Changes the timeline; `now`: hand it over at once, else within flushMs (events pouring in). */
  private set(patch: Partial<TimelineData>, added: NewEntry[] = [], now = true): void {
    const at = Date.now();
    for (const e of added) this.pending.push({ ...e, at });
    this.data = { ...this.data, ...patch };
    this.dirty = true;
    if (now) this.flush();
    else if (!this.flushTimer) this.flushTimer = setTimeout(this.flush, this.opts.flushMs ?? 50);
  }

  private flush = (): void => {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.dirty || this.stopped) return;
    this.dirty = false;
    if (this.pending.length) {
      const max = this.opts.maxEntries ?? TIMELINE_MAX_ENTRIES;
      this.data = { ...this.data, ...appendEntries(this.data, this.pending, Date.now(), max) };
      this.pending = [];
    }
    this.onUpdate(this.data);
  };

  private requestIds(...ids: (number | undefined)[]): number[] {
    return ids.filter((id): id is number => id !== undefined);
  }

  private async list(): Promise<void> {
    this.listing?.abort();
    const ac = new AbortController();
    this.listing = ac;
    this.set({ state: 'listing', error: undefined, retryAt: undefined });
    try {
      const page = await this.api.list(this.ref, {
        namespace: this.namespace,
        table: false,
        limit: LIST_LIMIT,
        labelSelector: this.opts.labelSelector,
        fieldSelector: this.opts.fieldSelector,
        signal: ac.signal,
      });
      if (this.stopped || ac.signal.aborted) return;
      this.opts.log?.attachListPage(page, this.ref);
      const n = page.items.length;
      const more = page.remainingItemCount ?? (page.continueToken ? undefined : 0);
      const count = more === undefined ? `the first ${n} ${this.ref.resource}` : `${n + more} ${this.ref.resource}`;
      const rv = page.resourceVersion;
      this.set({ resourceVersion: rv, requestIds: this.requestIds(page.requestId) }, [
        { kind: 'list', resourceVersion: rv ?? '', count },
      ]);
      this.startWatch();
    } catch (err) {
      if (this.stopped || ac.signal.aborted) return;
      const ids = this.requestIds(failedRequestId(err) ?? this.data.requestIds[0]);
      if (classifyFailure(err).kind === 'fatal') {
        this.set({ state: 'stopped', error: describeError(err).title, requestIds: ids }, [
          { kind: 'note', text: `the list failed: ${describeError(err).title}` },
        ]);
      } else this.retry(err, () => void this.list(), 'the list failed');
    }
  }

  private startWatch(): void {
    const startedAt = Date.now();
    this.watchError = undefined;
    const onOpen = () => {
      if (!this.stopped && this.watch === handle) {
        this.failures = 0;
        this.set({ state: 'watching', requestIds: this.requestIds(this.data.requestIds[0], handle.requestId) });
      }
    };
    const { labelSelector, fieldSelector } = this.opts;
    const opts = {
      namespace: this.namespace,
      resourceVersion: this.data.resourceVersion,
      allowWatchBookmarks: true,
      labelSelector,
      fieldSelector,
      onOpen,
    };
    const handle = this.api.watch(this.ref, opts, (ev) => this.onEvent(handle, ev));
    this.watch = handle;
    this.set({ state: 'connecting' });
    handle.done.then(
      () => this.watchEnded(handle, startedAt),
      (err) => this.watchEnded(handle, startedAt, err),
    );
  }

  private onEvent(handle: WatchHandle, ev: WatchEventMessage): void {
    if (this.stopped || handle !== this.watch) return;
    if (handle.requestId !== undefined) this.opts.log?.recordWatchEvent(handle.requestId, ev);
    const type = EVENT_TYPES.includes(ev.type) ? (ev.type as TimelineEventType) : 'ERROR';
    const entry = eventEntry(type, ev.object);
    if (type === 'ERROR') this.watchError = ev.object ?? {};
    const rv = entry.kind === 'event' && type !== 'ERROR' ? entry.resourceVersion : undefined;
    this.set({ resourceVersion: rv ?? this.data.resourceVersion }, [entry], false);
  }

  /** As a reflector: resume, list again, back off, or stop, with a line saying which and why. */
  private watchEnded(handle: WatchHandle, startedAt: number, err?: unknown): void {
    if (this.stopped || handle !== this.watch) return;
    this.flush();
    const cause = err ?? this.watchError;
    const rv = this.data.resourceVersion;
    if (cause === undefined) {
      if (Date.now() - startedAt >= QUICK_END_MS) {
        this.set({}, [{ kind: 'note', text: `the server ended the watch; watching again from rv ${rv}` }]);
        this.startWatch();
      } else this.retry({ kind: 'network' }, () => this.startWatch(), 'the server closed the watch at once');
      return;
    }
    const failure = classifyFailure(cause);
    if (failure.kind === 'expired') {
      this.set({}, [{ kind: 'note', text: `410: rv ${rv} is too old to watch from; listing again` }]);
      void this.list();
    } else if (failure.kind === 'throttled') this.retry(cause, () => this.startWatch(), 'server busy (429)');
    else if (failure.kind === 'lost') this.retry(cause, () => void this.list(), describeError(cause).title);
    else {
      const why = describeError(cause).title;
      this.set(
        { state: 'stopped', error: why, requestIds: this.requestIds(failedRequestId(err), ...this.data.requestIds) },
        [{ kind: 'note', text: `the watch stopped: ${why}` }],
      );
    }
  }

  private retry(err: unknown, again: () => void, reason: string): void {
    const failure = classifyFailure(err);
    this.failures++;
    const waitMs = (failure.kind === 'throttled' ? failure.retryAfterMs : undefined) ?? backoffMs(this.failures);
    const retryAt = Date.now() + waitMs;
    this.set({ state: 'waiting', error: reason, retryAt }, [
      { kind: 'note', text: `${reason}; trying again in ${Math.ceil(waitMs / 1000)}s` },
    ]);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (!this.stopped) again();
    }, waitMs);
  }
}
