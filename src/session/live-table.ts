// An object table that stays current: list all pages, then watch from the list's resourceVersion.
// The watch asks for Table events (as `kubectl get -w` does), so each change patches one row in
// place; a server that cannot send Table events gets a throttled re-list instead (very big tables
// only count the changes: re-listing 50k rows for every event would keep a core busy). No React
// here: the detail hook starts one per opened table and stops it when the view changes or unmounts.
import type { KubeApi, WatchEventMessage, WatchHandle } from '../client/types.js';
import { type TableData, failedRequestId } from '../model/loadable.js';
import type { ListPage, ResourceRef, TableColumn, TableRow } from '../model/types.js';
import { eventRow, keptRow, patchRows } from '../model/table-rows.js';
import { describeError } from './errors.js';
import { backoffMs, classifyFailure, eventResourceVersion } from './reconnect.js';
import type { RequestLog } from './request-log.js';

export interface LiveTableOptions {
  /** At most one re-list per this many ms while events arrive (default 500). */
  throttleMs?: number;
  /** Receives every list page (as the client parsed it) and every watch event. */
  log?: RequestLog;
  /** Only objects whose labels match (`labelSelector=` on the list and the watch). */
  labelSelector?: string;
  /** Only objects whose fields match (`fieldSelector=` on the list and the watch). */
  fieldSelector?: string;
}

/** Above this many rows a non-Table watch event does not trigger a re-list. */
const REFETCH_MAX_ROWS = 5000;

/** While the first listing streams in, the table is re-rendered at most this often (the first page
 *  at once): a frame costs 10-30 ms whatever the rows (Ink draws the whole screen), and while it is
 *  drawn the next page waits. Grows with the table, to once a second from 37.5k rows (measured at
 *  50k pods: 100 + rows/100 ms meant ~8 frames and 1.02-1.14 s of UI CPU against 1.35-1.61 s). */
function updateInterval(rows: number): number {
  return Math.min(1000, 250 + rows / 50);
}

/** Watch events on a table of this many rows are applied at most this often (ms), in batches: the
 *  first event after a quiet spell at once, the ones that follow it together. Each batch copies the
 *  rows once and redraws once, so a busy watch on 50k rows (a rollout: hundreds of events a second)
 *  neither copies 400 KB nor draws a frame per event. Below 2000 rows every event is applied as it
 *  comes; 500 ms from 50k rows. */
export function eventInterval(rows: number): number {
  return rows < 2000 ? 0 : Math.min(500, rows / 100);
}

/** A watch the server ends sooner than this after it started counts as a failure (backoff, so that
 *  a server that closes every watch at once is not asked again in a tight loop). */
const QUICK_END_MS = 5000;

/** Objects of a plain list (server without Table support) as Table rows. */
export function objectsAsTable(page: ListPage): { columns: TableColumn[]; rows: TableRow[] } {
  const col = (name: string): TableColumn => ({ name, type: 'string', format: '', description: '', priority: 0 });
  const rows = page.items.map((it) => {
    const meta = ((it as { metadata?: Record<string, unknown> }).metadata ?? {}) as {
      name?: string;
      namespace?: string;
      creationTimestamp?: string;
    };
    return { cells: [meta.name ?? '', meta.creationTimestamp ?? ''], object: { metadata: meta } };
  });
  return { columns: [col('Name'), col('Created At')], rows };
}

/** Rows a table holds at most: beyond, the listing stops (about 1.5 GB of rows in this process). */
export const MAX_TABLE_ROWS = 1_000_000;

/** Why paging must stop, if it must: a continue token seen before, or more rows than a table holds. */
export function pagingStopped(token: string | undefined, seen: ReadonlySet<string>, rows: number): string | undefined {
  if (token && seen.has(token)) {
    return `the server sent the same continue token twice (after ${rows} objects): it would page for ever`;
  }
  if (token && rows >= MAX_TABLE_ROWS)
    return `more than ${MAX_TABLE_ROWS} objects: narrow it with a label selector (\\) or a namespace`;
  return undefined;
}

export class LiveTable {
  private table: TableData = { columns: [], rows: [], pages: 0, done: false, changes: 0 };
  private stopped = false;
  private listing?: AbortController;
  private watch?: WatchHandle;
  private refetchTimer?: ReturnType<typeof setTimeout>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  /** Failed attempts in a row (list or watch): the backoff grows with them. */
  private failures = 0;
  /** The newest resourceVersion the list or a watch event brought: a watch resumes from it. */
  private resourceVersion?: string;
  /** The Status of the ERROR event that ended the current watch. */
  private watchError?: unknown;
  /** Row events not applied yet (eventInterval), and when the last batch was. */
  private queued: { type: 'ADDED' | 'MODIFIED' | 'DELETED'; row: TableRow }[] = [];
  private flushTimer?: ReturnType<typeof setTimeout>;
  private flushedAt = 0;

  constructor(
    private readonly api: KubeApi,
    private readonly ref: ResourceRef,
    private readonly namespace: string | undefined,
    private readonly onUpdate: (table: TableData) => void,
    /** The first page failed: there is no table to show. `retryAt`: when it is tried again on its
     *  own (the server could not be reached or failed), undefined when that is for the user (403). */
    private readonly onFail: (err: unknown, retryAt?: number) => void,
    private readonly opts: LiveTableOptions = {},
  ) {}

  start(): void {
    void this.load('first');
  }

  stop(): void {
    this.stopped = true;
    this.listing?.abort();
    this.watch?.stop();
    clearTimeout(this.refetchTimer);
    clearTimeout(this.retryTimer);
    this.dropQueued();
  }

  private update(patch: Partial<TableData>): void {
    this.table = { ...this.table, ...patch };
    if (!this.stopped) this.onUpdate(this.table);
  }

  /** 'first': rows appear page by page, then the watch starts. 'refresh': the table is swapped when
   *  complete (rows never vanish and come back). 'rewatch': a refresh that restarts the watch. */
  private async load(mode: 'first' | 'refresh' | 'rewatch'): Promise<void> {
    this.listing?.abort();
    const ac = new AbortController();
    this.listing = ac;
    const rows: TableRow[] = [];
    let acc: Pick<TableData, 'columns' | 'pages' | 'format' | 'requestId'> = { columns: [], pages: 0 };
    let continueToken: string | undefined;
    let resourceVersion: string | undefined;
    let shownAt = 0;
    // A server that never stops paging (the same continue token again, or rows without end) must
    // not fill memory: kubectl would loop; the table stops with the rows so far and says why.
    const tokens = new Set<string>();
    /** The next page, asked for as soon as this page's continue token could be read from its body,
     *  before the body is parsed: the server works on it meanwhile. Used when the parsed page has
     *  the same token (else cancelled). */
    let early: { token: string; page: Promise<ListPage>; cancel: AbortController } | undefined;
    const onContinue = (token: string) => {
      if (early || ac.signal.aborted || this.stopped) return;
      // A token seen before or a table at its limit: the parsed page decides (pagingStopped).
      if (tokens.has(token) || rows.length + 2000 >= MAX_TABLE_ROWS) return;
      const cancel = new AbortController();
      const onAbort = () => cancel.abort();
      ac.signal.addEventListener('abort', onAbort, { once: true });
      const page = listPage(token, cancel.signal);
      // Awaited once it is the next page; this only keeps a failure nobody waits for from being
      // unhandled (and the listing's signal from collecting a listener per page).
      page.then(
        () => ac.signal.removeEventListener('abort', onAbort),
        () => ac.signal.removeEventListener('abort', onAbort),
      );
      early = { token, page, cancel };
    };
    const listPage = (token: string | undefined, signal = ac.signal): Promise<ListPage> =>
      this.api.list(this.ref, {
        namespace: this.namespace,
        table: true,
        limit: 500,
        continueToken: token,
        labelSelector: this.opts.labelSelector,
        fieldSelector: this.opts.fieldSelector,
        signal,
        onContinue,
      });
    let pending: Promise<ListPage> | undefined = listPage(undefined);
    try {
      do {
        const page: ListPage = await pending!;
        pending = undefined;
        if (ac.signal.aborted || this.stopped) {
          this.opts.log?.attachListPage(page, this.ref);
          return;
        }
        continueToken = page.continueToken || undefined;
        resourceVersion = page.resourceVersion;
        const count = rows.length + (page.format === 'table' ? page.rows.length : page.items.length);
        const endless = pagingStopped(continueToken, tokens, count);
        if (continueToken && !endless) {
          tokens.add(continueToken);
          if (early?.token === continueToken) {
            pending = early.page;
            early = undefined;
          } else {
            early?.cancel.abort();
            early = undefined;
            // The next page is asked for before this one is logged, kept or drawn: the server works
            // on it meanwhile (asked after them, every page waited for them).
            pending = listPage(continueToken);
            // Awaited at the top of the loop; this only keeps a failure after a stop from being unhandled.
            pending.catch(() => {});
            // The request is sent from a microtask or the next tick: the work below (synchronous,
            // a render too with Ink's legacy root) waits until it is on its way.
            await new Promise<void>((resolve) => setImmediate(resolve));
          }
        }
        this.opts.log?.attachListPage(page, this.ref);
        if (ac.signal.aborted || this.stopped) return;
        const t = page.format === 'table' ? { columns: page.columns, rows: page.rows } : objectsAsTable(page);
        for (const r of t.rows) rows.push(keptRow(r));
        const columns = acc.columns.length ? acc.columns : t.columns;
        acc = { columns, pages: acc.pages + 1, format: page.format, requestId: page.requestId };
        if (endless) {
          this.update({ ...acc, rows, done: true, error: { title: 'Listing stopped', detail: endless } });
          return;
        }
        const last = !continueToken;
        // Rows the listing brings are newer than events queued before it ended (a re-list).
        if (last) this.dropQueued();
        const due = mode === 'first' && (acc.pages === 1 || Date.now() - shownAt >= updateInterval(rows.length));
        if (last || due) {
          shownAt = Date.now();
          this.update({ ...acc, rows: last ? rows : rows.slice(), done: last, error: undefined });
        }
      } while (continueToken);
    } catch (err) {
      if (ac.signal.aborted || this.stopped) return;
      if (mode === 'first' && acc.pages === 0) this.firstFailed(err);
      else if (classifyFailure(err).kind !== 'fatal') {
        // No watch runs yet after a first listing: the retry starts it.
        this.retry(err, () => void this.load(mode === 'first' ? 'rewatch' : mode));
      } else {
        // The failed page is the table's request now (the footer shows why it stopped).
        this.update({ done: true, error: describeError(err), requestId: failedRequestId(err) ?? this.table.requestId });
      }
      return;
    } finally {
      // A page asked for early that is not the next one after all (or no longer wanted).
      early?.cancel.abort();
    }
    this.failures = 0;
    if (mode !== 'refresh') this.startWatch(resourceVersion);
  }

  /** No table yet: the failure is the view; a lost server is listed again after a backoff. */
  private firstFailed(err: unknown): void {
    const failure = classifyFailure(err);
    if (failure.kind === 'fatal') return this.onFail(err);
    this.failures++;
    const waitMs = (failure.kind === 'throttled' ? failure.retryAfterMs : undefined) ?? backoffMs(this.failures);
    this.onFail(err, Date.now() + waitMs);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.stopped) void this.load('first');
    }, waitMs);
  }

  /** `again` after a wait: Retry-After for a 429, else a backoff that grows with each failure in a
   *  row. The table keeps its rows meanwhile and its note counts down (`reconnect`). */
  private retry(err: unknown, again: () => void, reason?: string): void {
    const failure = classifyFailure(err);
    this.failures++;
    const retryAfter = failure.kind === 'throttled' ? failure.retryAfterMs : undefined;
    const waitMs = retryAfter ?? backoffMs(this.failures);
    reason ??= failure.kind === 'throttled' ? 'server busy (429)' : describeError(err).title;
    this.update({ live: undefined, reconnect: { at: Date.now() + waitMs, reason } });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.stopped) again();
    }, waitMs);
  }

  private startWatch(resourceVersion: string | undefined): void {
    const startedAt = Date.now();
    this.resourceVersion = resourceVersion;
    this.watchError = undefined;
    // Live once the server has the watch: a change made before that would not be seen.
    const onOpen = () => {
      if (!this.stopped && this.watch === handle) this.update({ live: 'watching' });
    };
    const {
      namespace,
      opts: { labelSelector, fieldSelector },
    } = this;
    const opts = { namespace, resourceVersion, table: true, labelSelector, fieldSelector, onOpen };
    const handle = this.api.watch(this.ref, opts, (ev) => this.onEvent(handle, ev));
    this.watch = handle;
    this.update({ live: 'connecting', liveError: undefined, reconnect: undefined });
    handle.done.then(
      () => this.watchEnded(handle, startedAt),
      (err) => this.watchEnded(handle, startedAt, err),
    );
  }

  private onEvent(handle: WatchHandle, ev: WatchEventMessage): void {
    if (this.stopped) return;
    if (handle.requestId !== undefined) this.opts.log?.recordWatchEvent(handle.requestId, ev);
    if (ev.type === 'ERROR') this.watchError = ev.object;
    this.resourceVersion = (ev.type !== 'ERROR' && eventResourceVersion(ev.object)) || this.resourceVersion;
    if (ev.type !== 'ADDED' && ev.type !== 'MODIFIED' && ev.type !== 'DELETED') return;
    const row = eventRow(ev.object);
    if (row) {
      this.queued.push({ type: ev.type, row });
      if (this.flushTimer) return;
      const wait = this.flushedAt + eventInterval(this.table.rows.length) - Date.now();
      if (wait <= 0) this.flush();
      else this.flushTimer = setTimeout(() => this.flush(), wait);
      return;
    }
    this.flush();
    this.update({ changes: this.table.changes + 1 });
    if (this.table.rows.length <= REFETCH_MAX_ROWS) this.scheduleRefresh();
  }

  /** The queued row events on one copy of the rows (readers of the table keep theirs), one update. */
  private flush(): void {
    const { queued } = this;
    this.dropQueued();
    if (!queued.length || this.stopped) return;
    this.flushedAt = Date.now();
    const rows = this.table.rows.slice();
    for (const { type, row } of queued) patchRows(rows, type, row);
    this.update({ rows, changes: this.table.changes + queued.length });
  }

  private dropQueued(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.queued = [];
  }

  /** Throttled, not debounced: under a steady stream of events the table still refreshes. */
  private scheduleRefresh(): void {
    if (this.refetchTimer) return;
    this.refetchTimer = setTimeout(() => {
      this.refetchTimer = undefined;
      void this.load('refresh');
    }, this.opts.throttleMs ?? 500);
  }

  /** Servers end watches after a timeout: watch again from the last resourceVersion seen. An ERROR
   *  event or a failed request says why else: 410 lists again at once, 429 waits Retry-After and
   *  watches on from where it was, a lost connection retries with backoff (re-listing: events may have
   *  been missed), a refusal (403) stops the watch with its reason. */
  private watchEnded(handle: WatchHandle, startedAt: number, err?: unknown): void {
    if (this.stopped || handle !== this.watch) return;
    const cause = err ?? this.watchError;
    if (cause === undefined) {
      if (Date.now() - startedAt >= QUICK_END_MS) {
        this.failures = 0;
        this.startWatch(this.resourceVersion);
      } else {
        const again = () => this.startWatch(this.resourceVersion);
        this.retry({ kind: 'network' }, again, 'the server closed the watch at once');
      }
      return;
    }
    const failure = classifyFailure(cause);
    if (failure.kind === 'expired') void this.load('rewatch');
    else if (failure.kind === 'throttled') this.retry(cause, () => this.startWatch(this.resourceVersion));
    else if (failure.kind === 'lost') this.retry(cause, () => void this.load('rewatch'));
    else this.update({ live: 'stopped', liveError: describeError(cause).title });
  }
}
