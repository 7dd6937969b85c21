// Data hooks for discovery, server version and namespaces (the detail view's data is in
// useDetail.ts). Each aborts its request when its inputs change or the component unmounts, and
// never blocks the first frame.
import { useEffect, useState } from 'react';
import type { KubeApi } from '../client/types.js';
import type { Discovery } from '../model/types.js';
import { CANCELLED, type Loadable, failedRequestId } from '../model/loadable.js';
import { describeError } from '../session/errors.js';
import { listNamespaces } from '../session/namespaces.js';
import { useAbortableLoad } from './useAbortableLoad.js';

/** Discovery: the on-disk cached copy first (marked fromCache), then the server's answer replaces
 *  it. Without a cached copy, legacy discovery's groups show as they arrive (a slow cluster's tree
 *  fills in). `cancelled` (Esc while discovering) aborts the request. */
export function useDiscovery(
  api: KubeApi,
  refresh: number,
  cancelled: boolean,
  initial?: Discovery,
): Loadable<Discovery> {
  // `initial` is the on-disk copy, or (fromCache false) the server's answer that arrived while the
  // explorer loaded: the same object the first discover() resolves with, so that one changes nothing.
  const [d, setD] = useState<Loadable<Discovery>>(() =>
    initial
      ? { state: 'ok', value: initial.fromCache === false ? initial : { ...initial, fromCache: true } }
      : { state: 'loading' },
  );
  useEffect(() => {
    if (cancelled) setD((prev) => (prev.state === 'loading' ? { state: 'error', error: CANCELLED } : prev));
    else setD((prev) => (prev.state === 'ok' ? prev : { state: 'loading' }));
  }, [api, refresh, cancelled]);
  useAbortableLoad(
    {
      start: cancelled
        ? undefined
        : (signal) =>
            api.discover({
              signal,
              onCached: (value) => {
                if (!signal.aborted) setD({ state: 'ok', value });
              },
              // Never over a complete tree (the cached one, or the last one while refreshing).
              onPartial: (value) => {
                if (!signal.aborted)
                  setD((prev) => (prev.state === 'ok' && !prev.value.partial ? prev : { state: 'ok', value }));
              },
            }),
      done: (value) => setD((prev) => (prev.state === 'ok' && prev.value === value ? prev : { state: 'ok', value })),
      // A cached discovery stays on screen (still marked cached), carrying why it could not be
      // refreshed: the server may be gone, and that must not hide behind a good-looking tree.
      failed: (err) =>
        setD((prev) =>
          prev.state === 'ok' && prev.value.fromCache
            ? { ...prev, stale: describeError(err) }
            : { state: 'error', error: describeError(err) },
        ),
    },
    [api, refresh, cancelled],
  );
  return d;
}

export function useServerVersion(api: KubeApi): string | undefined {
  const [v, setV] = useState<string>();
  useAbortableLoad(
    {
      start: (signal) => api.version({ signal }),
      done: (info) => setV(info.gitVersion || `${info.major}.${info.minor}`),
      failed: () => setV('unknown'),
    },
    [api],
  );
  return v;
}

/** Namespaces for the picker, listed when it opens. */
export function useNamespaces(api: KubeApi, open: boolean): Loadable<string[]> {
  const [ns, setNs] = useState<Loadable<string[]>>({ state: 'loading' });
  // Reopening keeps the last list while it is fetched again: emptying it would snap the cursor
  // back to the top under keys typed right after `n`.
  useEffect(() => {
    if (open) setNs((prev) => (prev.state === 'ok' ? prev : { state: 'loading' }));
  }, [api, open]);
  useAbortableLoad(
    {
      start: open ? (signal) => listNamespaces(api, signal) : undefined,
      done: ({ names, requestId }) => setNs({ state: 'ok', value: names, requestId }),
      failed: (err) => setNs({ state: 'error', error: describeError(err), requestId: failedRequestId(err) }),
    },
    [api, open],
  );
  return ns;
}
