// A KubeApi whose connection is still being set up. The explorer renders its first frame at once
// with this stand-in (header from the command line, spinner in the panes) instead of waiting for
// the kubeconfig, the client library and — for --demo — the sandbox to be ready.
import type { Connection, KubeApi, WatchHandle } from '../client/types.js';
import type { Discovery, RequestEvent } from '../model/types.js';
import { startupMark } from './startup-marks.js';

/** The provisional header's server text while a kubeconfig connection is being set up. */
export const CONNECTING = 'connecting…';

type RequestListener = Parameters<KubeApi['onRequest']>[0];

/** A discovery under way before the UI asked for it. */
interface Prefetch {
  promise: Promise<Discovery>;
  /** The latest partial tree (legacy discovery), and who wants the next ones. */
  last?: Discovery;
  listeners: Set<(d: Discovery) => void>;
}

/** At most this many early requests are kept for the first listener (a start makes a handful). */
const BACKLOG_MAX = 100;

/** Ink paints at most every ~32 ms: wait that long so the cached tree is on screen before the
 *  client's import and the TLS set-up (~25 ms of OpenSSL's root store, once per process) block the
 *  event loop. */
const PAINT_MS = 40;
/** If nothing asks for discovery, connect anyway after this long. */
const GATE_FALLBACK_MS = 300;

export class DeferredApi implements KubeApi {
  private resolved?: KubeApi;
  /** Listeners registered before the connection existed, with their unsubscribe once moved over. */
  private readonly early = new Map<RequestListener, (() => void) | undefined>();
  private readonly cached: Promise<Discovery | undefined>;
  private readonly gate: Promise<void>;
  private openGate!: () => void;
  private pending?: Promise<KubeApi>;
  /** Set when the connection could not be made: the header must not keep saying "connecting…". */
  private failed = false;
  /** A discovery started before the UI asked (prefetchDiscovery), for its first discover() to take. */
  private prefetched?: Prefetch;
  /** Requests made before any listener subscribed (the prefetch's), replayed to the first one: the
   *  request log must show the discovery it was shown. Undefined once handed over. */
  private backlog?: RequestEvent[] = [];

  /**
   * @param connect sets up the real client; called once, after a cached discovery (if any) was shown
   * @param loadCached reads the on-disk discovery cache without the client, so a warm start shows
   *   the tree at once
   */
  constructor(
    private readonly provisional: Connection,
    private readonly connect: () => Promise<KubeApi>,
    loadCached?: () => Promise<Discovery | undefined>,
  ) {
    this.cached = loadCached ? loadCached().catch(() => undefined) : Promise.resolve(undefined);
    this.gate = new Promise<void>((open) => (this.openGate = open));
    void this.cached.then((c) => (c ? setTimeout(this.openGate, GATE_FALLBACK_MS).unref() : this.openGate()));
  }

  private ready(): Promise<KubeApi> {
    if (!this.pending) {
      this.pending = this.gate.then(this.connect).then((api) => {
        this.resolved = api;
        for (const l of this.early.keys()) this.early.set(l, api.onRequest(l));
        if (this.early.size > 0) this.backlog = undefined;
        else {
          const off = api.onRequest((ev) => {
            if (this.backlog && this.backlog.length < BACKLOG_MAX) this.backlog.push(ev);
            else off();
          });
        }
        return api;
      });
      // Surfaced through the calls below (the UI explains it), not as an unhandled rejection.
      this.pending.catch(() => {
        this.failed = true;
      });
    }
    return this.pending;
  }

  get connection(): Connection {
    if (this.resolved) return this.resolved.connection;
    if (!this.failed) return this.provisional;
    const p = this.provisional;
    return { ...p, server: p.server === CONNECTING ? 'not connected' : p.server, user: p.user ?? 'unknown' };
  }

  /**
   * A cold start (no cached tree): connects and asks for discovery now, while the UI is still
   * loading, so that the server's answer overlaps Ink's start-up instead of following it. The UI's
   * first discover() takes this one over (its onPartial gets what arrived so far and what follows).
   */
  prefetchDiscovery(): void {
    if (this.prefetched || this.pending) return;
    const prefetch: Prefetch = { listeners: new Set(), promise: Promise.resolve(undefined as never) };
    this.openGate();
    startupMark('prefetch: start');
    prefetch.promise = this.ready().then((api) => {
      startupMark('prefetch: connected');
      return api.discover({
        onPartial: (d) => {
          prefetch.last = d;
          for (const l of prefetch.listeners) l(d);
        },
      });
    });
    // A failure is surfaced through the discover() that takes it over, not as an unhandled rejection.
    prefetch.promise.then(
      () => startupMark('prefetch: discovered'),
      () => undefined,
    );
    this.prefetched = prefetch;
  }

  /** The prefetched discovery if it arrives within `ms` (marked fresh: fromCache false; the same
   *  object the first discover() then resolves with), else undefined. */
  async prefetchedWithin(ms: number): Promise<Discovery | undefined> {
    const prefetch = this.prefetched;
    if (!prefetch) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), ms)));
    try {
      const d = await Promise.race([prefetch.promise.catch(() => undefined), late]);
      if (d) d.fromCache = false;
      return d;
    } finally {
      clearTimeout(timer);
    }
  }

  getRaw: KubeApi['getRaw'] = async (...a) => (await this.ready()).getRaw(...a);
  discover: KubeApi['discover'] = async (opts = {}) => {
    const prefetch = this.prefetched;
    if (prefetch) {
      // Only the first call takes it: a refresh asks the server again.
      this.prefetched = undefined;
      return adopt(prefetch, opts);
    }
    if (this.resolved) return this.resolved.discover(opts);
    const { onCached, ...rest } = opts;
    const cached = onCached ? await this.cached : undefined;
    if (cached && onCached) {
      onCached({ ...cached, fromCache: true });
      await new Promise((r) => setTimeout(r, PAINT_MS));
    }
    this.openGate();
    // The cache was handed over already; the real client revalidates (and rewrites) it.
    return (await this.ready()).discover(cached ? rest : opts);
  };
  version: KubeApi['version'] = async (...a) => (await this.ready()).version(...a);
  list: KubeApi['list'] = async (...a) => (await this.ready()).list(...a);
  get: KubeApi['get'] = async (...a) => (await this.ready()).get(...a);
  selfSubjectReview: KubeApi['selfSubjectReview'] = async (...a) => (await this.ready()).selfSubjectReview(...a);
  selfSubjectRulesReview: KubeApi['selfSubjectRulesReview'] = async (...a) =>
    (await this.ready()).selfSubjectRulesReview(...a);
  selfSubjectAccessReview: KubeApi['selfSubjectAccessReview'] = async (...a) =>
    (await this.ready()).selfSubjectAccessReview(...a);

  watch(...a: Parameters<KubeApi['watch']>): WatchHandle {
    return this.deferStream((api) => api.watch(...a));
  }

  streamText(...a: Parameters<KubeApi['streamText']>): WatchHandle {
    return this.deferStream((api) => api.streamText(...a));
  }

  /** A stream opened on the real client once it exists; stop() before then means never opened. */
  private deferStream(open: (api: KubeApi) => WatchHandle): WatchHandle {
    if (this.resolved) return open(this.resolved);
    let inner: WatchHandle | undefined;
    let stopped = false;
    const done = this.ready().then((api) => {
      if (stopped) return;
      inner = open(api);
      return inner.done;
    });
    return {
      stop: () => {
        stopped = true;
        inner?.stop();
      },
      done,
      get requestId() {
        return inner?.requestId;
      },
    };
  }

  onRequest(listener: RequestListener): () => void {
    const backlog = this.backlog;
    this.backlog = undefined;
    for (const ev of backlog ?? []) listener(ev);
    if (this.resolved) return this.resolved.onRequest(listener);
    this.early.set(listener, undefined);
    return () => {
      const off = this.early.get(listener);
      this.early.delete(listener);
      off?.();
    };
  }
}

/** The prefetched discovery as the answer to `opts`: partial trees so far and to come, and an abort
 *  of `opts.signal` rejecting this caller only (the request itself is shared and left to finish). */
function adopt(prefetch: Prefetch, opts: Parameters<KubeApi['discover']>[0] = {}): Promise<Discovery> {
  const { signal, onPartial } = opts;
  if (onPartial) {
    if (prefetch.last) onPartial(prefetch.last);
    prefetch.listeners.add(onPartial);
  }
  return new Promise<Discovery>((resolve, reject) => {
    const aborted = () => reject(signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
    if (signal?.aborted) return aborted();
    signal?.addEventListener('abort', aborted, { once: true });
    prefetch.promise.then(resolve, reject).finally(() => {
      signal?.removeEventListener('abort', aborted);
      if (onPartial) prefetch.listeners.delete(onPartial);
    });
  });
}
