// The data vocabulary shared by the session controllers (which produce it) and the UI (which shows
// it): a value being loaded, a failure explained for display, an object table, a detail view's data.
import type { FollowedLog, LogContainer } from './pod-logs.js';
import type { ListPage, RawResponse, TableColumn, TableRow } from './types.js';
import type { TimelineData } from './watch-timeline.js';

/** A failure worded for display: what happened, the server's or system's detail, what to do next. */
export interface ExplainedError {
  title: string;
  detail: string;
  hint?: string;
}

/** `requestId`: the request event the value or failure came from (the view's request), when known. */
export type Loadable<T> =
  | { state: 'loading' }
  /** `stale`: the value is an older copy (the discovery cache) and refreshing it failed. */
  | { state: 'ok'; value: T; stale?: ExplainedError; requestId?: number }
  | { state: 'error'; error: ExplainedError; requestId?: number };

/** The id of the request event a failure came from, when the request was sent (KubeError.requestId). */
export function failedRequestId(err: unknown): number | undefined {
  const id = err && typeof err === 'object' ? (err as { requestId?: unknown }).requestId : undefined;
  return typeof id === 'number' ? id : undefined;
}

export const CANCELLED: ExplainedError = {
  title: 'cancelled',
  detail: 'The request was cancelled (Esc) before the server answered.',
  hint: 'press r to send it again',
};

/** An object table as listed (page by page) and kept current by a watch. */
export interface TableData {
  columns: TableColumn[];
  rows: TableRow[];
  pages: number;
  done: boolean;
  error?: ExplainedError;
  format?: ListPage['format'];
  /** 'connecting' from the watch request until the server accepts it, then 'watching';
   *  'stopped' when it ended for good (see liveError). */
  live?: 'connecting' | 'watching' | 'stopped';
  liveError?: string;
  /** The list or watch failed and is tried again on its own at `at` (ms); `reason`: why. */
  reconnect?: { at: number; reason: string };
  /** Watch events (ADDED/MODIFIED/DELETED) seen so far. */
  changes: number;
  /** The id of the request event of the newest list page (or of its failure): the table's request. */
  requestId?: number;
}

/** The data of the opened detail view. */
export type DetailData =
  | { state: 'idle' }
  | { state: 'loading'; since: number }
  /** `requestId`: the failed request, when it was sent. */
  | { state: 'error'; error: ExplainedError; requestId?: number }
  | { state: 'table'; table: TableData }
  /** A 2xx response (the client throws the others). `container`: a pod's log, read from that
   *  container; `followed`: what following it (`f`) received, which the view shows instead of the
   *  response once lines arrived. */
  | { state: 'response'; response: RawResponse; container?: LogContainer; followed?: FollowedLog }
  /** A watch timeline as it grows (src/session/watch-timeline.ts). */
  | { state: 'watch'; timeline: TimelineData };
