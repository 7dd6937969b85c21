// Data hooks: every network effect of the UI lives here (the App wires them). Each one aborts its
// request when its inputs change or the component unmounts, and never blocks the first frame.
import { useEffect, useState } from 'react';
import type { KubeApi, RawResponse } from '../client/types.js';
import type { Discovery, ListPage, TableColumn, TableRow } from '../model/types.js';
import type { DetailView } from '../model/navigation.js';
import { type ExplainedError, describeError } from './errors.js';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ok'; value: T }
  | { state: 'error'; error: ExplainedError };

export function useDiscovery(api: KubeApi, refresh: number): Loadable<Discovery> {
  const [d, setD] = useState<Loadable<Discovery>>({ state: 'loading' });
  useEffect(() => {
    const ac = new AbortController();
    setD((prev) => (prev.state === 'ok' ? prev : { state: 'loading' }));
    api.discover({ signal: ac.signal }).then(
      (value) => { if (!ac.signal.aborted) setD({ state: 'ok', value }); },
      (err) => { if (!ac.signal.aborted) setD({ state: 'error', error: describeError(err) }); },
    );
    return () => ac.abort();
  }, [api, refresh]);
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

const HINTS: Record<number, string> = {
  401: 'the server did not accept the credentials (expired token or client certificate?)',
  403: 'the user is not allowed this request; non-resource paths need an RBAC rule with nonResourceURLs',
  404: 'the server does not serve this path',
  500: 'the server reported a failure (for health checks, see ?verbose)',
  503: 'the server or an aggregated API is unavailable',
};

/** A non-2xx response explained from its Status body. */
export function explainResponse(r: RawResponse): ExplainedError {
  const s = (r.json && typeof r.json === 'object' ? r.json : {}) as { reason?: string; message?: string };
  return {
    title: `HTTP ${r.status}${s.reason ? ' ' + s.reason : ''}`,
    detail: s.message ?? r.body.slice(0, 500),
    hint: HINTS[r.status],
  };
}

export interface TableData { columns: TableColumn[]; rows: TableRow[]; pages: number; done: boolean; error?: ExplainedError; format?: ListPage['format'] }

export type DetailData =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'error'; error: ExplainedError }
  | { state: 'table'; table: TableData }
  | { state: 'response'; response: RawResponse; error?: ExplainedError };

/** Objects of a plain list (server without Table support) as Table rows. */
function objectsAsTable(page: ListPage): { columns: TableColumn[]; rows: TableRow[] } {
  const col = (name: string): TableColumn => ({ name, type: 'string', format: '', description: '', priority: 0 });
  const rows = page.items.map((it) => {
    const meta = ((it as { metadata?: Record<string, unknown> }).metadata ?? {}) as { name?: string; namespace?: string; creationTimestamp?: string };
    return { cells: [meta.name ?? '', meta.creationTimestamp ?? ''], object: { metadata: meta } };
  });
  return { columns: [col('Name'), col('Created At')], rows };
}

export function useDetail(api: KubeApi, view: DetailView | undefined, namespace: string | undefined, refresh: number): DetailData {
  const key = view ? JSON.stringify([view, namespace, refresh]) : '';
  // Data is tagged with the request it answers, so a stale result never shows under a new view.
  const [tagged, setTagged] = useState<{ key: string; data: DetailData }>({ key: '', data: { state: 'idle' } });
  useEffect(() => {
    const setData = (data: DetailData) => setTagged({ key, data });
    if (!view) { setData({ state: 'idle' }); return; }
    const ac = new AbortController();
    const live = () => !ac.signal.aborted;
    const fail = (err: unknown) => { if (live()) setData({ state: 'error', error: describeError(err) }); };
    setData({ state: 'loading' });
    if (view.kind === 'objects') {
      const ns = view.ref.namespaced ? namespace : undefined;
      // Rows appear as pages arrive: each page is appended, then the next one is requested.
      void (async () => {
        let table: TableData = { columns: [], rows: [], pages: 0, done: false };
        let continueToken: string | undefined;
        try {
          do {
            const page = await api.list(view.ref, { namespace: ns, table: true, limit: 500, continueToken, signal: ac.signal });
            if (!live()) return;
            const t = page.format === 'table' ? { columns: page.columns, rows: page.rows } : objectsAsTable(page);
            continueToken = page.continueToken || undefined;
            table = { columns: table.columns.length ? table.columns : t.columns, rows: table.rows.concat(t.rows), pages: table.pages + 1, done: !continueToken, format: page.format };
            setData({ state: 'table', table });
          } while (continueToken);
        } catch (err) {
          if (!live()) return;
          if (table.pages === 0) fail(err);
          else setData({ state: 'table', table: { ...table, done: true, error: describeError(err) } });
        }
      })();
    } else {
      const p = view.kind === 'object'
        ? api.get(view.ref, view.namespace, view.name, { signal: ac.signal })
        : api.getRaw(view.path, { signal: ac.signal });
      p.then((response) => {
        if (live()) setData({ state: 'response', response, error: response.status >= 400 ? explainResponse(response) : undefined });
      }, fail);
    }
    return () => ac.abort();
    // `key` stands for view, namespace and refresh (the view is a new object on every stack change).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  if (!view) return { state: 'idle' };
  return tagged.key === key ? tagged.data : { state: 'loading' };
}

/** Namespaces for the picker, listed when it opens. */
export function useNamespaces(api: KubeApi, open: boolean): Loadable<string[]> {
  const [ns, setNs] = useState<Loadable<string[]>>({ state: 'loading' });
  useEffect(() => {
    if (!open) return;
    const ac = new AbortController();
    setNs({ state: 'loading' });
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
