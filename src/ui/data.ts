// Data hooks for discovery, server version and namespaces (the detail view's data is in
// useDetail.ts). Each aborts its request when its inputs change or the component unmounts, and
// never blocks the first frame.
import { useEffect, useState } from 'react';
import type { KubeApi } from '../client/types.js';
import type { Discovery } from '../model/types.js';
import { type ExplainedError, describeError } from './errors.js';

export type Loadable<T> =
  | { state: 'loading' }
  /** `stale`: the value is an older copy (the discovery cache) and refreshing it failed. */
  | { state: 'ok'; value: T; stale?: ExplainedError }
  | { state: 'error'; error: ExplainedError };

export const CANCELLED: ExplainedError = {
  title: 'cancelled',
  detail: 'The request was cancelled (Esc) before the server answered.',
  hint: 'press r to send it again',
};

/** Discovery: the on-disk cached copy first (marked fromCache), then the server's answer replaces
 *  it. `cancelled` (Esc while discovering) aborts the request. */
export function useDiscovery(api: KubeApi, refresh: number, cancelled: boolean, initial?: Discovery): Loadable<Discovery> {
  const [d, setD] = useState<Loadable<Discovery>>(() => (initial ? { state: 'ok', value: { ...initial, fromCache: true } } : { state: 'loading' }));
  useEffect(() => {
    if (cancelled) {
      setD((prev) => (prev.state === 'loading' ? { state: 'error', error: CANCELLED } : prev));
      return;
    }
    const ac = new AbortController();
    setD((prev) => (prev.state === 'ok' ? prev : { state: 'loading' }));
    const onCached = (value: Discovery) => { if (!ac.signal.aborted) setD({ state: 'ok', value }); };
    api.discover({ signal: ac.signal, onCached }).then(
      (value) => { if (!ac.signal.aborted) setD({ state: 'ok', value }); },
      (err) => {
        // A cached discovery stays on screen (still marked cached), carrying why it could not be
        // refreshed: the server may be gone, and that must not hide behind a good-looking tree.
        if (!ac.signal.aborted) {
          setD((prev) => (prev.state === 'ok' && prev.value.fromCache ? { ...prev, stale: describeError(err) } : { state: 'error', error: describeError(err) }));
        }
      },
    );
    return () => ac.abort();
  }, [api, refresh, cancelled]);
  return d;
}

export function useServerVersion(api: KubeApi): string | undefined {
  const [v, setV] = useState<string>();
  useEffect(() => {
    const ac = new AbortController();
    api.version({ signal: ac.signal }).then(
      (info) => { if (!ac.signal.aborted) setV(info.gitVersion || `${info.major}.${info.minor}`); },
      () => { if (!ac.signal.aborted) setV('unknown'); },
    );
    return () => ac.abort();
  }, [api]);
  return v;
}

/** Namespaces for the picker, listed when it opens. */
export function useNamespaces(api: KubeApi, open: boolean): Loadable<string[]> {
  const [ns, setNs] = useState<Loadable<string[]>>({ state: 'loading' });
  useEffect(() => {
    if (!open) return;
    const ac = new AbortController();
    // Reopening keeps the last list while it is fetched again: emptying it would snap the cursor
    // back to the top under keys typed right after `n`.
    setNs((prev) => (prev.state === 'ok' ? prev : { state: 'loading' }));
    api.list({ group: '', version: 'v1', resource: 'namespaces', namespaced: false }, { table: true, signal: ac.signal }).then(
      (page) => {
        if (ac.signal.aborted) return;
        const names = page.format === 'table'
          ? page.rows.map((r) => r.object?.metadata?.name ?? String(r.cells[0]))
          : page.items.map((i) => String((i as { metadata?: { name?: string } }).metadata?.name ?? ''));
        setNs({ state: 'ok', value: names.filter(Boolean).sort() });
      },
      (err) => { if (!ac.signal.aborted) setNs({ state: 'error', error: describeError(err) }); },
    );
    return () => ac.abort();
  }, [api, open]);
  return ns;
}
