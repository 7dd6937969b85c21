// The data of the opened detail view: a live object table, one object, a pod's log, or a raw path.
import { useEffect, useMemo, useState } from 'react';
import type { KubeApi, RawResponse } from '../client/types.js';
import type { DetailView } from '../model/navigation.js';
import { type ExplainedError, describeError } from './errors.js';
import { CANCELLED } from './data.js';
import { LiveTable, type TableData } from './live-table.js';
import type { RequestLog } from './request-log.js';
import { objectPath } from '../model/tree.js';
import { type LogContainer, podLogFollowPath } from '../model/pod-logs.js';
import { loadPodLogs } from './loadPodLogs.js';
import { type FollowedLog, LogFollower } from './log-follow.js';

export type DetailData =
  | { state: 'idle' }
  | { state: 'loading'; since: number }
  | { state: 'error'; error: ExplainedError }
  | { state: 'table'; table: TableData }
  /** A 2xx response (the client throws the others). `container`: a pod's log, read from that
   *  container; `followed`: what following it (`f`) received, which the view shows instead of the
   *  response once lines arrived. */
  | { state: 'response'; response: RawResponse; container?: LogContainer; followed?: FollowedLog };

export interface DetailRequest {
  view: DetailView | undefined;
  namespace: string | undefined;
  refresh: number;
  /** The user cancelled this view's request (Esc while loading): abort it, send nothing. */
  cancelled: boolean;
}

/** `log` receives what the client's request events lack: response bodies and watch events. */
export function useDetail(api: KubeApi, { view, namespace, refresh, cancelled }: DetailRequest, log?: RequestLog): DetailData {
  // Following a log (or not) does not read it again: the key leaves `follow` out.
  const loaded = view?.kind === 'logs' ? { kind: view.kind, namespace: view.namespace, name: view.name } : view;
  const key = loaded ? JSON.stringify([loaded, namespace, refresh, cancelled]) : '';
  const since = useMemo(() => Date.now(), [key]);
  // Data is tagged with the request it answers, so a stale result never shows under a new view.
  const [tagged, setTagged] = useState<{ key: string; data: DetailData }>({ key: '', data: { state: 'idle' } });
  useEffect(() => {
    const setData = (data: DetailData) => setTagged({ key, data });
    if (!view) { setData({ state: 'idle' }); return; }
    if (cancelled) { setData({ state: 'error', error: CANCELLED }); return; }
    const fail = (err: unknown) => setData({ state: 'error', error: describeError(err) });
    setData({ state: 'loading', since });
    if (view.kind === 'objects') {
      const ns = view.ref.namespaced ? namespace : undefined;
      const path = objectPath(view.ref, ns);
      const table = new LiveTable(api, view.ref, ns, (t) => setData({ state: 'table', table: t }), fail,
        { onWatchEvent: (ev) => log?.recordWatchEvent(path, ev), onPage: (page) => log?.attachListPage(path, page, view.ref) });
      table.start();
      return () => table.stop();
    }
    const ac = new AbortController();
    const show = (response: RawResponse, container?: LogContainer) => {
      if (!ac.signal.aborted) setData({ state: 'response', response, container });
    };
    const failed = (err: unknown) => { if (!ac.signal.aborted) fail(err); };
    if (view.kind === 'logs') {
      loadPodLogs(api, view.namespace, view.name, ac.signal, log).then(({ response, container }) => show(response, container), failed);
      return () => ac.abort();
    }
    const p = view.kind === 'object'
      ? api.get(view.ref, view.namespace, view.name, { signal: ac.signal })
      : api.getRaw(view.path, { signal: ac.signal });
    const path = view.kind === 'object' ? objectPath(view.ref, view.namespace, view.name) : view.path;
    p.then((response) => { log?.attachBody(path, response); show(response); }, failed);
    return () => ac.abort();
    // `key` stands for view, namespace, refresh and cancelled (the view is a new object on every
    // stack change); the log is one object for the App's lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  const data: DetailData = !view ? { state: 'idle' } : tagged.key === key ? tagged.data : { state: 'loading', since };
  const followed = useFollowedLog(api, view, key, data, log);
  return followed && data.state === 'response' ? { ...data, followed } : data;
}

/** While the logs view follows (and its pod was read), a LogFollower streams the log; when it
 *  stops, what it received stays shown (as 'stopped') until the view is read again. */
function useFollowedLog(api: KubeApi, view: DetailView | undefined, key: string, data: DetailData, log?: RequestLog): FollowedLog | undefined {
  const follow = view?.kind === 'logs' && !!view.follow;
  const container = data.state === 'response' ? data.container : undefined;
  const path = view?.kind === 'logs' && container ? podLogFollowPath(view.namespace, view.name, container.name) : undefined;
  const [tagged, setTagged] = useState<{ key: string; followed: FollowedLog }>();
  useEffect(() => {
    if (!follow || !path) return;
    const follower = new LogFollower(api, path, (followed) => setTagged({ key, followed }), log);
    follower.start();
    return () => {
      follower.stop();
      setTagged((t) => (t?.key === key && t.followed.follow.state === 'following' ? { key, followed: { follow: { state: 'stopped' }, lines: follower.lines } } : t));
    };
    // The log is one object for the App's lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, follow, path]);
  return tagged?.key === key ? tagged.followed : undefined;
}
