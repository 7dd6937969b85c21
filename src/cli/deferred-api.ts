// A KubeApi whose connection is still being set up. The explorer renders its first frame at once
// with this stand-in (header from the command line, spinner in the panes) instead of waiting for
// the kubeconfig, the client library and — for --demo — the sandbox to be ready.
import type { Connection, KubeApi, WatchHandle } from '../client/types.js';

type RequestListener = Parameters<KubeApi['onRequest']>[0];

export class DeferredApi implements KubeApi {
  private resolved?: KubeApi;
  /** Listeners registered before the connection existed, with their unsubscribe once moved over. */
  private readonly early = new Map<RequestListener, (() => void) | undefined>();
  private readonly ready: Promise<KubeApi>;

  constructor(
    private readonly provisional: Connection,
    pending: Promise<KubeApi>,
  ) {
    this.ready = pending.then((api) => {
      this.resolved = api;
      for (const l of this.early.keys()) this.early.set(l, api.onRequest(l));
      return api;
    });
    this.ready.catch(() => undefined); // surfaced through the calls below, not as an unhandled rejection
  }

  get connection(): Connection {
    return this.resolved?.connection ?? this.provisional;
  }

  /** Settles when the connection is set up (or failed). */
  whenReady(): Promise<KubeApi> {
    return this.ready;
  }

  getRaw: KubeApi['getRaw'] = async (...a) => (await this.ready).getRaw(...a);
  discover: KubeApi['discover'] = async (...a) => (await this.ready).discover(...a);
  version: KubeApi['version'] = async (...a) => (await this.ready).version(...a);
  list: KubeApi['list'] = async (...a) => (await this.ready).list(...a);
  get: KubeApi['get'] = async (...a) => (await this.ready).get(...a);

  watch(...a: Parameters<KubeApi['watch']>): WatchHandle {
    if (this.resolved) return this.resolved.watch(...a);
    let inner: WatchHandle | undefined;
    let stopped = false;
    const done = this.ready.then((api) => {
      if (stopped) return;
      inner = api.watch(...a);
      return inner.done;
    });
    return {
      stop: () => {
        stopped = true;
        inner?.stop();
      },
      done,
    };
  }

  onRequest(listener: RequestListener): () => void {
    if (this.resolved) return this.resolved.onRequest(listener);
    this.early.set(listener, undefined);
    return () => {
      const off = this.early.get(listener);
      this.early.delete(listener);
      off?.();
    };
  }
}
