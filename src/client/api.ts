// ApiClient: the KubeApi the UI and CLI use. Every HTTP request goes through `exchange`, which
// emits exactly one RequestEvent (with curl/kubectl equivalents) per request.
import { StringDecoder } from 'node:string_decoder';
import type {
  Discovery,
  ListPage,
  RequestEvent,
  ResourceRef,
  TableColumn,
  TableRow,
  VersionInfo,
} from '../model/types.js';
import { resourcePath, withQuery } from '../model/paths.js';
import type { ResolvedConnection } from './connection.js';
import type { DiscoveryCache } from './discovery-cache.js';
import { discover as runDiscovery, type DiscoverOptions } from './discovery.js';
import { anonymousKubectlArgs, commandSetup, curlCommand, kubectlCommand } from './equivalents.js';
import {
  ERR_WATCH_CUT,
  KubeError,
  cancelledError,
  classifyNetworkError,
  invalidJsonError,
  notJsonError,
  streamLineTooLongError,
  watchCutError,
  type ErrorContext,
} from './errors.js';
import {
  BODY_HEAD_BYTES,
  DEFAULT_RETRY_POLICY,
  HttpTransport,
  LOGGED_HEADERS,
  abortableDelay,
  assertReadOnly,
  failureInfo,
  retryDelayMs,
  type HttpMethod,
  type HttpResult,
  type RetryPolicy,
} from './http.js';
import {
  SELF_SUBJECT_ACCESS_REVIEW_PATH,
  SELF_SUBJECT_REVIEW_PATH,
  SELF_SUBJECT_RULES_REVIEW_PATH,
} from './review-paths.js';
import type {
  Connection,
  KubeApi,
  ListOptions,
  RawResponse,
  RequestOptions,
  ResourceAttributes,
  StreamHandle,
  SubjectRules,
  UserInfo,
  WatchEventMessage,
  WatchHandle,
  WatchOptions,
} from './types.js';

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
export const JSON_ACCEPT = 'application/json';
export const DEFAULT_LIST_LIMIT = 500;
/** The longest watch event line kept while waiting for its newline (one object is far smaller). */
export const MAX_STREAM_LINE_CHARS = 8 * 1024 * 1024;

export interface ApiClientOptions {
  /** Always use legacy discovery (plain application/json on /api and /apis). */
  legacyDiscovery?: boolean;
  /** Keep discovery on disk between runs (the CLI passes one unless --no-cache). */
  discoveryCache?: DiscoveryCache;
  /** Retries of safe GETs (429/502/503/504, dropped connections); default 3 attempts with backoff.
   *  Watches and POSTs are never retried. `{ attempts: 1 }` turns retries off. */
  retry?: Partial<RetryPolicy>;
  /** Largest buffered response body (default 64 MiB; 0 = no limit). Watches are streamed, not limited. */
  maxBodyBytes?: number;
}

/** Ends a stream from inside its handler: with an error, `done` rejects with it. */
type StreamEnd = (err?: unknown) => void;

interface StreamHandlers {
  /** A decoded chunk of the body. */
  onText(text: string, end: StreamEnd): void;
  /** The server ended the body (for a last line without its newline). */
  onComplete?(end: StreamEnd): void;
  /** The error for a stream cut before its end. */
  cutError(cause: unknown, ctx: ErrorContext): KubeError;
  /** The server accepted the stream: its headers arrived with a 2xx. */
  onOpen?(): void;
  /** Read at most this many bytes a second (the socket is paused, so the server waits). */
  maxBytesPerSecond?: number;
}

/** A followed log is read at most this fast: far more than anyone can read, and a server sending
 *  as fast as it can (an endless line) then cannot outrun the garbage collector (RSS stays bounded). */
export const STREAM_TEXT_MAX_BYTES_PER_SECOND = 4 * 1024 * 1024;
/** The rate is kept per window of this length. */
const RATE_WINDOW_MS = 100;

function isJsonType(ct: string): boolean {
  const base = ct.split(';')[0]!.trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json');
}

function pickHeaders(h: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!h) return undefined;
  const out: Record<string, string> = {};
  for (const k of LOGGED_HEADERS) if (h[k] !== undefined) out[k] = h[k]!;
  return out;
}

function pickMetadata(m: Record<string, unknown>): NonNullable<TableRow['object']>['metadata'] {
  const out: Record<string, unknown> = {};
  for (const k of ['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp'])
    if (m[k] !== undefined) out[k] = m[k];
  return out;
}

/** A list's (or Table's) metadata as kube-apiserver writes it, first after kind and apiVersion, with
 *  a continue token: base64 (standard or URL alphabet), nothing that JSON would escape. */
const LIST_HEAD = /^\{"kind":"[A-Za-z]+","apiVersion":"[^"]*","metadata":\{[^{}]*?"continue":"([A-Za-z0-9+/_=-]+)"/;

/** The continue token of a list body, read from its first KiB (what onBodyStart sees) without
 *  parsing the body; undefined when it is not there in that form (then only the parsed page says). */
export function peekContinue(body: string): string | undefined {
  return LIST_HEAD.exec(body.slice(0, BODY_HEAD_BYTES))?.[1];
}

/** Turn a list response (Table or plain list) into a ListPage. */
export function parseListPage(doc: any, bytes: number, requestId: number): ListPage {
  const meta = doc?.metadata ?? {};
  const page: ListPage = {
    format: doc?.kind === 'Table' ? 'table' : 'objects',
    columns: [],
    rows: [],
    items: [],
    resourceVersion: meta.resourceVersion || undefined,
    continueToken: meta.continue || undefined,
    remainingItemCount: typeof meta.remainingItemCount === 'number' ? meta.remainingItemCount : undefined,
    bytes,
    requestId,
  };
  if (page.format === 'table') {
    page.columns = (Array.isArray(doc.columnDefinitions) ? doc.columnDefinitions : []).map((c: any): TableColumn => ({
      name: String(c?.name ?? ''),
      type: String(c?.type ?? ''),
      format: String(c?.format ?? ''),
      description: String(c?.description ?? ''),
      priority: Number(c?.priority ?? 0),
    }));
    page.rows = (Array.isArray(doc.rows) ? doc.rows : []).map((r: any): TableRow => {
      const row: TableRow = { cells: Array.isArray(r?.cells) ? r.cells : [] };
      // Only what identifies the row: with 50k rows the rest of the metadata (labels,
      // annotations, owner references) would cost ~1 KB a row, and it is fetched with the object.
      const m = r?.object?.metadata;
      if (m && typeof m === 'object') row.object = { metadata: pickMetadata(m) };
      return row;
    });
  } else {
    page.items = Array.isArray(doc?.items) ? doc.items : [];
  }
  return page;
}

/** The connection as an anonymous request sees it: no client certificate, token or impersonation. */
export function anonymousConnection<C extends Connection>(conn: C): C {
  return {
    ...conn,
    certFile: undefined,
    keyFile: undefined,
    bearerToken: false,
    impersonate: undefined,
    user: undefined,
    anonymous: true,
    kubectlArgs: anonymousKubectlArgs(conn),
  };
}

export class ApiClient implements KubeApi {
  readonly connection: ResolvedConnection;
  private readonly transport: HttpTransport;
  private readonly listeners = new Set<(ev: RequestEvent) => void>();
  private nextId = 1;
  private readonly retry: RetryPolicy;

  constructor(
    conn: ResolvedConnection,
    private readonly options: ApiClientOptions = {},
  ) {
    this.connection = conn;
    this.transport = new HttpTransport(conn);
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  }

  private errorContext(method: string, path: string): ErrorContext {
    return { method, path, server: this.connection.server, proxy: this.connection.mode === 'proxy' };
  }

  onRequest(listener: (ev: RequestEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(ev: RequestEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(ev);
      } catch {
        /* a listener's bug must not break the request */
      }
    }
  }

  private baseEvent(
    method: HttpMethod,
    path: string,
    accept: string,
    body: string | undefined,
    startedAt: number,
    namespaced?: boolean,
    anonymous?: boolean,
  ): RequestEvent {
    // An anonymous request's equivalents carry no credentials either.
    const conn = anonymous ? anonymousConnection(this.connection) : this.connection;
    return {
      id: this.nextId++,
      method,
      path,
      accept,
      durationMs: 0,
      bytes: 0,
      curl: curlCommand(conn, { method, path, accept, body }),
      kubectl: kubectlCommand(conn, { method, path, accept, body }, { namespaced }),
      setup: commandSetup(conn),
      startedAt,
    };
  }

  private failedEvent(ev: RequestEvent, e: unknown): RequestEvent {
    const info = e && typeof e === 'object' ? failureInfo.get(e) : undefined;
    ev.durationMs = info?.durationMs ?? Date.now() - ev.startedAt;
    ev.bytes = info?.bytes ?? 0;
    if (info?.status !== undefined) ev.status = info.status;
    if (info?.headers) {
      ev.responseHeaders = pickHeaders(info.headers);
      ev.contentType = info.headers['content-type'];
    }
    ev.error = e instanceof Error ? e.message : String(e);
    return ev;
  }

  /**
   * One buffered request and a RequestEvent per attempt. Throws KubeError. A GET that fails with
   * 429/502/503/504 or a dropped connection is sent again (up to `retry.attempts` in all) after an
   * exponential backoff with jitter, or after Retry-After when the server gives one; the wait ends
   * at once when `signal` aborts. The failed attempt's event says that a retry follows.
   */
  private async exchange(
    method: HttpMethod,
    path: string,
    accept: string,
    opts: {
      signal?: AbortSignal;
      body?: string;
      namespaced?: boolean;
      anonymous?: boolean;
      /** Sees a 2xx JSON body before it is parsed; when it returns true, the parse waits for the
       *  next turn of the event loop (a request it started goes out first). */
      beforeParse?: (body: string) => boolean;
      /** The transport's onBodyStart (a 2xx body's first bytes, before the rest has arrived). */
      onBodyStart?: (head: string) => void;
    } = {},
  ): Promise<RawResponse> {
    for (let attempt = 1; ; attempt++) {
      const startedAt = Date.now();
      let res: HttpResult;
      try {
        res = await this.transport.send({
          method,
          path,
          accept,
          body: opts.body,
          signal: opts.signal,
          maxBodyBytes: this.options.maxBodyBytes,
          anonymous: opts.anonymous,
          onBodyStart: opts.onBodyStart,
        });
      } catch (e) {
        // assertReadOnly refusals never become requests: no event.
        if (e instanceof KubeError && e.kind === 'read-only') throw e;
        const delay = method === 'GET' ? retryDelayMs(e, attempt, this.retry) : undefined;
        const ev = this.failedEvent(
          this.baseEvent(method, path, accept, opts.body, startedAt, opts.namespaced, opts.anonymous),
          e,
        );
        if (delay !== undefined)
          ev.error = `${ev.error} — retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt} of ${this.retry.attempts})`;
        this.emit(ev);
        if (e instanceof KubeError) Object.assign(e, { attempts: attempt, requestId: ev.id });
        if (delay === undefined) throw e;
        await abortableDelay(delay, opts.signal, this.errorContext(method, path));
        continue;
      }
      const ev = this.baseEvent(method, path, accept, opts.body, startedAt, opts.namespaced, opts.anonymous);
      ev.status = res.status;
      ev.durationMs = res.durationMs;
      ev.bytes = res.bytes;
      ev.contentType = res.contentType;
      ev.responseHeaders = pickHeaders(res.headers);
      const raw: RawResponse = { ...res, requestId: ev.id };
      if (isJsonType(res.contentType) && res.body.length > 0) {
        if (res.status < 300 && opts.beforeParse?.(res.body)) await new Promise((r) => setImmediate(r));
        try {
          raw.json = JSON.parse(res.body);
        } catch (e) {
          ev.error = `invalid JSON: ${(e as Error).message}`;
          this.emit(ev);
          const err = invalidJsonError(res.body, res.contentType, e, this.errorContext(method, path));
          Object.assign(err, { attempts: attempt, requestId: ev.id });
          throw err;
        }
      }
      this.emit(ev);
      return raw;
    }
  }

  /**
   * Any request the read-only guard allows: GET, or POST to the self-subject review endpoints.
   * Anything else throws KubeError kind 'config' without sending.
   */
  async request(method: string, path: string, opts: RequestOptions & { body?: unknown } = {}): Promise<RawResponse> {
    const body =
      opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    // The transport checks again; checking here keeps refused requests out of the request log.
    assertReadOnly(method, path);
    return this.exchange(method, path, opts.accept ?? JSON_ACCEPT, { signal: opts.signal, body });
  }

  getRaw(path: string, opts: RequestOptions = {}): Promise<RawResponse> {
    return this.exchange('GET', path, opts.accept ?? JSON_ACCEPT, { signal: opts.signal, anonymous: opts.anonymous });
  }

  private async getJson(
    path: string,
    accept: string,
    signal?: AbortSignal,
  ): Promise<{ json: unknown; requestId: number }> {
    const r = await this.exchange('GET', path, accept, { signal });
    if (r.json === undefined) throw this.notJson(r, path);
    return { json: r.json, requestId: r.requestId };
  }

  /** A 2xx answer that is not JSON, as an error naming its request. */
  private notJson(r: RawResponse, path: string): KubeError {
    const err = notJsonError(r.body, r.contentType, this.errorContext('GET', path));
    err.requestId = r.requestId;
    return err;
  }

  async discover(
    opts: Parameters<KubeApi['discover']>[0] & { legacy?: boolean; concurrency?: number } = {},
  ): Promise<Discovery> {
    const dopts: DiscoverOptions = {
      signal: opts.signal,
      legacy: opts.legacy ?? this.options.legacyDiscovery,
      concurrency: opts.concurrency,
      onPartial: opts.onPartial,
    };
    const cache = this.options.discoveryCache;
    const server = this.connection.server;
    if (cache && opts.onCached) {
      const cached = await cache.load(server);
      if (cached) opts.onCached({ ...cached, fromCache: true });
    }
    const requestIds: Record<string, number> = {};
    const fresh = await runDiscovery(async (path, accept, signal) => {
      const { json, requestId } = await this.getJson(path, accept, signal);
      requestIds[path] = requestId;
      return json;
    }, dopts);
    if (cache) await cache.save(server, fresh);
    return { ...fresh, requestIds };
  }

  async version(opts: { signal?: AbortSignal } = {}): Promise<VersionInfo> {
    return (await this.getJson('/version', JSON_ACCEPT, opts.signal)).json as VersionInfo;
  }

  async list(ref: ResourceRef, opts: ListOptions = {}): Promise<ListPage> {
    const table = opts.table ?? true;
    const query = {
      labelSelector: opts.labelSelector || undefined,
      fieldSelector: opts.fieldSelector || undefined,
      limit: String(opts.limit ?? DEFAULT_LIST_LIMIT),
      continue: opts.continueToken || undefined,
    };
    const path = withQuery(resourcePath(ref, opts.namespace), query);
    const { onContinue } = opts;
    // The token is told once: from the body's first bytes while the rest arrives (the server
    // starts on the next page meanwhile), else from the whole body before it is parsed.
    let told = false;
    const tell = (text: string): boolean => {
      const token = peekContinue(text);
      if (token === undefined || !onContinue) return false;
      told = true;
      onContinue(token);
      return true;
    };
    const r = await this.exchange('GET', path, table ? TABLE_ACCEPT : JSON_ACCEPT, {
      signal: opts.signal,
      namespaced: ref.namespaced,
      onBodyStart: onContinue
        ? (head) => {
            // Called from the socket's data event, where a throw would escape every handler: a
            // failing onContinue gets its turn again with the whole body, inside this request.
            try {
              tell(head);
            } catch {
              told = false;
            }
          }
        : undefined,
      beforeParse: onContinue ? (body) => !told && tell(body) : undefined,
    });
    if (r.json === undefined) throw this.notJson(r, path);
    return parseListPage(r.json, r.bytes, r.requestId);
  }

  get(ref: ResourceRef, namespace: string | undefined, name: string, opts: RequestOptions = {}): Promise<RawResponse> {
    return this.exchange('GET', resourcePath(ref, namespace, name), opts.accept ?? JSON_ACCEPT, {
      signal: opts.signal,
      namespaced: ref.namespaced,
    });
  }

  async selfSubjectReview(opts: { signal?: AbortSignal } = {}): Promise<UserInfo> {
    const r = await this.request('POST', SELF_SUBJECT_REVIEW_PATH, {
      signal: opts.signal,
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    });
    const ui = (r.json as any)?.status?.userInfo ?? {};
    return {
      username: String(ui.username ?? ''),
      uid: ui.uid,
      groups: Array.isArray(ui.groups) ? ui.groups.map(String) : [],
      extra: ui.extra,
    };
  }

  async selfSubjectRulesReview(namespace: string, opts: { signal?: AbortSignal } = {}): Promise<SubjectRules> {
    const r = await this.request('POST', SELF_SUBJECT_RULES_REVIEW_PATH, {
      signal: opts.signal,
      body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace } },
    });
    const st = (r.json as any)?.status ?? {};
    return {
      resourceRules: Array.isArray(st.resourceRules) ? st.resourceRules : [],
      nonResourceRules: Array.isArray(st.nonResourceRules) ? st.nonResourceRules : [],
      incomplete: st.incomplete === true,
      evaluationError: typeof st.evaluationError === 'string' ? st.evaluationError : undefined,
      requestId: r.requestId,
    };
  }

  async selfSubjectAccessReview(attributes: ResourceAttributes, opts: { signal?: AbortSignal } = {}): Promise<boolean> {
    const r = await this.request('POST', SELF_SUBJECT_ACCESS_REVIEW_PATH, {
      signal: opts.signal,
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: attributes },
      },
    });
    return (r.json as any)?.status?.allowed === true;
  }

  watch(ref: ResourceRef, opts: WatchOptions, onEvent: (ev: WatchEventMessage) => void): WatchHandle {
    const accept = opts.table ? TABLE_ACCEPT : JSON_ACCEPT;
    const query = {
      labelSelector: opts.labelSelector || undefined,
      fieldSelector: opts.fieldSelector || undefined,
      watch: '1',
      resourceVersion: opts.resourceVersion || undefined,
      allowWatchBookmarks: opts.allowWatchBookmarks ? 'true' : undefined,
    };
    const path = withQuery(resourcePath(ref, opts.namespace), query);
    // The line still waiting for its newline, in pieces: each chunk is searched once, so one
    // endless line costs O(n), not a rescan of everything so far per chunk.
    let pending: string[] = [];
    let pendingChars = 0;
    let delivered = 0;
    const deliver = (line: string, end: StreamEnd): boolean => {
      const t = line.trim();
      if (!t) return true;
      let msg: WatchEventMessage;
      try {
        msg = JSON.parse(t);
      } catch (e) {
        end(
          new KubeError({
            kind: 'parse',
            message: `Watch ${path}: cannot parse event: ${(e as Error).message}`,
            hint: 'The watch stream is corrupt; restart the watch.',
            path,
            method: 'GET',
            body: t.slice(0, 500),
          }),
        );
        return false;
      }
      delivered++;
      try {
        onEvent(msg);
      } catch {
        /* listener errors must not kill the stream */
      }
      // The server ends the stream after an ERROR event; don't wait for it.
      if (msg.type === 'ERROR') {
        end();
        return false;
      }
      return true;
    };
    return this.stream(path, accept, ref.namespaced, {
      onText: (text, end) => {
        let from = 0;
        let nl: number;
        while ((nl = text.indexOf('\n', from)) >= 0) {
          const piece = text.slice(from, nl);
          const line = pending.length ? pending.join('') + piece : piece;
          pending = [];
          pendingChars = 0;
          from = nl + 1;
          if (!deliver(line, end)) return;
        }
        if (from === text.length) return;
        pending.push(text.slice(from));
        pendingChars += text.length - from;
        if (pendingChars > MAX_STREAM_LINE_CHARS) {
          pending = [];
          end(streamLineTooLongError(MAX_STREAM_LINE_CHARS, this.errorContext('GET', path)));
        }
      },
      onComplete: (end) => {
        const rest = pending.join('');
        if (rest.trim()) deliver(rest, end);
      },
      cutError: (e, ctx) => watchCutError(delivered, e, ctx),
      onOpen: opts.onOpen,
    });
  }

  /**
   * A streamed text GET (a followed pod log): `onChunk` receives the body as it arrives, decoded
   * as UTF-8 (a character split across chunks is held back until complete). Read-only guard,
   * credentials, request event and error explanation as for every request; the request timeout
   * covers only the wait for the headers, like a watch. Never retried: a stream is not idempotent
   * for the one reading it (lines would repeat).
   */
  streamText(
    path: string,
    opts: { accept?: string; signal?: AbortSignal },
    onChunk: (text: string) => void,
  ): StreamHandle {
    let bytes = 0;
    const handle = this.stream(path, opts.accept ?? '*/*', undefined, {
      maxBytesPerSecond: STREAM_TEXT_MAX_BYTES_PER_SECOND,
      onText: (text) => {
        bytes += Buffer.byteLength(text);
        try {
          onChunk(text);
        } catch {
          /* listener errors must not kill the stream */
        }
      },
      cutError: (e, ctx) =>
        new KubeError({
          kind: 'network',
          code: ERR_WATCH_CUT,
          message: `The stream of ${ctx.path ?? path} was cut after ${bytes} byte(s): ${e instanceof Error ? e.message : String(e)}`,
          hint: 'Long-lived streams break when the API server restarts or a proxy closes long connections. Start the stream again.',
          path: ctx.path,
          method: 'GET',
          cause: e,
        }),
    });
    // Aborting the signal is stop(): `done` resolves, the connection is closed.
    if (opts.signal?.aborted) handle.stop();
    opts.signal?.addEventListener('abort', handle.stop, { once: true });
    return handle;
  }

  /**
   * One streaming GET (watches, followed logs). Its request event is emitted when the headers
   * arrive (or the request fails); then `onText` gets each decoded chunk. `done` resolves when the
   * stream ends cleanly (the server closed it, `end()` was called without an error, or stop()) and
   * rejects with a KubeError when it fails or is cut.
   */
  private stream(
    path: string,
    accept: string,
    namespaced: boolean | undefined,
    handlers: StreamHandlers,
  ): StreamHandle {
    const controller = new AbortController();
    let abortStream: (() => void) | undefined;
    let stopped = false;
    let requestId: number | undefined;

    const run = async (): Promise<void> => {
      const startedAt = Date.now();
      let stream;
      try {
        stream = await this.transport.open({ method: 'GET', path, accept, signal: controller.signal });
      } catch (e) {
        const failed = this.failedEvent(this.baseEvent('GET', path, accept, undefined, startedAt, namespaced), e);
        requestId = failed.id;
        if (e instanceof KubeError) e.requestId = failed.id;
        this.emit(failed);
        if (stopped && e instanceof KubeError && e.kind === 'cancelled') return;
        throw e;
      }
      const ev = this.baseEvent('GET', path, accept, undefined, startedAt, namespaced);
      requestId = ev.id;
      ev.status = stream.status;
      ev.durationMs = stream.durationMs;
      ev.contentType = stream.contentType;
      ev.responseHeaders = pickHeaders(stream.headers);
      this.emit(ev);
      abortStream = stream.abort;
      if (stopped) {
        stream.abort();
        return;
      }
      handlers.onOpen?.();
      const res = stream.response;
      const sctx = this.errorContext('GET', path);
      await new Promise<void>((resolve, reject) => {
        const decoder = new StringDecoder('utf8');
        let finished = false;
        const finish = (err?: unknown) => {
          if (finished) return;
          finished = true;
          if (err instanceof KubeError) err.requestId ??= requestId;
          if (err && !stopped) reject(err);
          else resolve();
        };
        const end: StreamEnd = (err) => {
          finish(err);
          stream.abort();
        };
        const limit = handlers.maxBytesPerSecond;
        let windowStart = Date.now();
        let windowBytes = 0;
        let resume: NodeJS.Timeout | undefined;
        res.on('close', () => clearTimeout(resume));
        res.on('data', (chunk: Buffer) => {
          if (finished || stopped) return;
          const text = decoder.write(chunk);
          if (text) handlers.onText(text, end);
          if (!limit) return;
          windowBytes += chunk.length;
          const elapsed = Date.now() - windowStart;
          if (elapsed >= RATE_WINDOW_MS) {
            windowStart = Date.now();
            windowBytes = 0;
          } else if (windowBytes >= (limit * RATE_WINDOW_MS) / 1000) {
            res.pause();
            resume = setTimeout(() => {
              windowStart = Date.now();
              windowBytes = 0;
              res.resume();
            }, RATE_WINDOW_MS - elapsed);
          }
        });
        res.on('end', () => {
          const rest = decoder.end();
          if (!finished && !stopped && rest) handlers.onText(rest, end);
          if (!finished && !stopped) handlers.onComplete?.(end);
          finish();
        });
        // A clean end (the server's timeout, or it closed the stream) resolves `done`; a stream cut
        // before its end (connection reset, server gone) rejects it with a 'network' KubeError.
        const cut = (e: unknown) => finish(stopped ? undefined : handlers.cutError(e, sctx));
        res.on('close', () =>
          res.complete || stopped
            ? finish()
            : cut(Object.assign(new Error('the connection closed before the stream ended'), { code: 'ECONNRESET' })),
        );
        res.on('aborted', () => cut(Object.assign(new Error('the connection was reset'), { code: 'ECONNRESET' })));
        res.on('error', (e: NodeJS.ErrnoException) =>
          e.code === 'ECONNRESET' || /aborted/i.test(e.message)
            ? cut(e)
            : finish(stopped ? undefined : classifyNetworkError(e, sctx)),
        );
      });
    };

    const done = run();
    // The promise is handed to the caller; a caller that ignores it must not crash the process.
    done.catch(() => {});
    return {
      stop: () => {
        if (stopped) return;
        stopped = true;
        controller.abort(cancelledError({ path, method: 'GET' }));
        abortStream?.();
      },
      done,
      get requestId() {
        return requestId;
      },
    };
  }

  /** Close idle keep-alive connections (the process can exit without it; sockets are unref'd). */
  close(): void {
    this.transport.close();
  }
}
