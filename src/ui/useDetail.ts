// The data of the opened detail view: a live object table, one object, a pod's log, or a raw path.
import { useEffect, useMemo, useState } from 'react';
import type { KubeApi } from '../client/types.js';
import type { DetailView } from '../model/nav-state.js';
import { CANCELLED, type DetailData, type TableData, failedRequestId } from '../model/loadable.js';
import type { RawResponse } from '../model/types.js';
import { type FollowedLog, type LogContainer, podLogFollowPath } from '../model/pod-logs.js';
import { describeError } from '../session/errors.js';
import { LiveTable } from '../session/live-table.js';
import type { RequestLog } from '../session/request-log.js';
import { loadPodLogs } from '../session/pod-logs.js';
import { loadResponse } from '../session/responses.js';
import { BIG_RESPONSE_BYTES, BIG_TABLE_ROWS, releaseMemorySoon } from '../session/release-memory.js';
import { LogFollower } from '../session/log-follow.js';
import { WatchTimeline } from '../session/watch-timeline.js';
import { useAbortableLoad } from './useAbortableLoad.js';
import type { TimelineData as WatchTimelineData } from '../model/watch-timeline.js';

/** A view's response; `container`: the one a pod's log was read from. */
interface LoadedResponse {
  response: RawResponse;
  container?: LogContainer;
}

export interface DetailRequest {
  view: DetailView | undefined;
  namespace: string | undefined;
  refresh: number;
  /** The user cancelled this view's request (Esc while loading): abort it, send nothing. */
  cancelled: boolean;
}

/** Renders after a big table's view closed before its memory is collected (see `release`). */
const RENDERS_BEFORE_RELEASE = 2;

/** `log` receives what the client's request events lack: response bodies and watch events. */
export function useDetail(
  api: KubeApi,
  { view, namespace, refresh, cancelled }: DetailRequest,
  log?: RequestLog,
): DetailData {
  // Following a log (or not) does not read it again, nor does sorting a table: the key leaves
  // `follow` and `sort` out.
  const loaded =
    view?.kind === 'logs'
      ? {
          kind: view.kind,
          namespace: view.namespace,
          name: view.name,
          container: view.container,
          previous: view.previous,
        }
      : view?.kind === 'objects' || view?.kind === 'watch'
        ? {
            kind: view.kind,
            ref: view.ref,
            labelSelector: view.labelSelector,
            namespace: view.namespace,
            fieldSelector: view.fieldSelector,
          }
        : view;
  const key = loaded ? JSON.stringify([loaded, namespace, refresh, cancelled]) : '';
  // `key` names the view: each view opened (or refreshed) starts its own clock.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const since = useMemo(() => Date.now(), [key]);
  // Data is tagged with the request it answers, so a stale result never shows under a new view.
  const [tagged, setTagged] = useState<{ key: string; data: DetailData }>({ key: '', data: { state: 'idle' } });
  const setData = (data: DetailData) => setTagged({ key, data });
  const fail = (err: unknown, retryAt?: number) => {
    const error = describeError(err);
    // A table whose server could not be reached lists again on its own (src/session/live-table.ts).
    if (retryAt !== undefined) {
      const again = `(listing again on its own in ${Math.max(1, Math.round((retryAt - Date.now()) / 1000))} s)`;
      error.hint = error.hint ? `${error.hint} ${again}` : again;
    }
    setData({ state: 'error', error, requestId: failedRequestId(err) });
  };
  const show = ({ response, container }: LoadedResponse) => setData({ state: 'response', response, container });
  // Renders still to pass before a closed big table's memory is collected: React keeps the previous
  // render's state on the alternate fiber, so the table is unreachable only two renders after the
  // state that held it was replaced.
  const [release, setRelease] = useState(0);
  useEffect(() => {
    if (release === 0) return;
    if (release === 1) releaseMemorySoon();
    setRelease(release - 1);
  }, [release]);
  // The same when a big document (a 5 MB /openapi/v2: ~20 MB as objects and printed text) is replaced.
  const shownBytes = tagged.data.state === 'response' ? tagged.data.response.bytes : 0;
  useEffect(() => {
    if (shownBytes < BIG_RESPONSE_BYTES) return undefined;
    return () => setRelease(RENDERS_BEFORE_RELEASE);
  }, [tagged, shownBytes]);
  useEffect(() => {
    if (!view) {
      setData({ state: 'idle' });
      return;
    }
    if (cancelled) {
      setData({ state: 'error', error: CANCELLED });
      return;
    }
    setData({ state: 'loading', since });
    if (view.kind === 'watch') {
      const { ref, labelSelector, fieldSelector } = view;
      const show = (timeline: WatchTimelineData) => setData({ state: 'watch', timeline });
      const timeline = new WatchTimeline(api, ref, view.namespace, show, { log, labelSelector, fieldSelector });
      timeline.start();
      return () => timeline.stop();
    }
    if (view.kind !== 'objects') return;
    const ns = view.ref.namespaced ? (view.namespace ?? namespace) : undefined;
    const opts = { log, labelSelector: view.labelSelector, fieldSelector: view.fieldSelector };
    let rows = 0;
    const shown = (t: TableData) => {
      rows = t.rows.length;
      setData({ state: 'table', table: t });
    };
    const table = new LiveTable(api, view.ref, ns, shown, fail, opts);
    table.start();
    return () => {
      table.stop();
      // A big table left behind is garbage V8 would keep for a long while (src/session/release-memory.ts).
      if (rows >= BIG_TABLE_ROWS) setRelease(RENDERS_BEFORE_RELEASE);
    };
    // `key` stands for view, namespace, refresh and cancelled (the view is a new object on every
    // stack change); the log is one object for the App's lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  useAbortableLoad<LoadedResponse>(
    {
      start:
        !view || cancelled || view.kind === 'objects' || view.kind === 'watch'
          ? undefined
          : view.kind === 'logs'
            ? (signal) => loadPodLogs(api, view.namespace, view.name, signal, log, view)
            : async (signal) => ({ response: await loadResponse(api, view, signal, log) }),
      done: show,
      failed: fail,
    },
    [api, key],
  );
  const data: DetailData = !view ? { state: 'idle' } : tagged.key === key ? tagged.data : { state: 'loading', since };
  const followed = useFollowedLog(api, view, key, data, log);
  return followed && data.state === 'response' ? { ...data, followed } : data;
}

/** While the logs view follows (and its pod was read), a LogFollower streams the log; when it
 *  stops, what it received stays shown (as 'stopped') until the view is read again. */
function useFollowedLog(
  api: KubeApi,
  view: DetailView | undefined,
  key: string,
  data: DetailData,
  log?: RequestLog,
): FollowedLog | undefined {
  const follow = view?.kind === 'logs' && !!view.follow;
  const container = data.state === 'response' ? data.container : undefined;
  const path =
    view?.kind === 'logs' && container ? podLogFollowPath(view.namespace, view.name, container.name) : undefined;
  const [tagged, setTagged] = useState<{ key: string; followed: FollowedLog }>();
  useEffect(() => {
    if (!follow || !path) return;
    const follower = new LogFollower(api, path, (followed) => setTagged({ key, followed }), log);
    follower.start();
    return () => {
      follower.stop();
      const stopped: FollowedLog = { ...follower.followed, follow: { state: 'stopped' } };
      setTagged((t) => (t?.key === key && t.followed.follow.state === 'following' ? { key, followed: stopped } : t));
    };
    // The log is one object for the App's lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, follow, path]);
  return tagged?.key === key ? tagged.followed : undefined;
}
