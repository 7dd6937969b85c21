// Small hooks: terminal size, request log.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useStdout } from 'ink';
import type { KubeApi } from '../client/types.js';
import { type LoggedRequest, RequestLog } from '../session/request-log.js';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** The one terminal-size source: stdout's columns/rows, updated on 'resize'. */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const read = (): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    onResize();
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}

/** Every request the client makes, recorded in a store the data hooks can add to. Call it before
 *  the hooks that start requests: effects run in order, so no early request is missed. */
export function useRequestLog(api: KubeApi): { log: RequestLog; entries: readonly LoggedRequest[] } {
  const [log] = useState(() => new RequestLog());
  useEffect(() => api.onRequest((ev) => log.record(ev)), [api, log]);
  const [subscribe] = useState(() => (onChange: () => void) => {
    const notify = throttled(onChange, LOG_RENDER_MS);
    const unsubscribe = log.subscribe(notify);
    return () => {
      unsubscribe();
      notify.cancel();
    };
  });
  const entries = useSyncExternalStore(subscribe, log.snapshot);
  return { log, entries };
}

/** The request log re-renders the App at most this often: a 50k-row listing logs ~3 changes per
 *  page (sent, answered, body), and each render draws a whole frame (measured: a frame per page
 *  cost more CPU than parsing the page). A render for another reason reads the newest entries, and
 *  the first change after a quiet while renders at once: only bursts wait. While 200k pods stream
 *  in, 100 ms here meant ~45 frames that showed nothing new (the table's own updates move its
 *  footer): 0.7-1 s of the UI's 3.8 s of CPU time. */
const LOG_RENDER_MS = 500;

/** `f` at once when it last ran more than `ms` ago, else once at the end of that window. */
export function throttled(f: () => void, ms: number): (() => void) & { cancel: () => void } {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = () => {
    if (timer) return;
    const wait = last + ms - performance.now();
    if (wait <= 0) {
      last = performance.now();
      f();
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      last = performance.now();
      f();
    }, wait);
  };
  return Object.assign(call, { cancel: () => clearTimeout(timer) });
}

/** Seconds since `since`, ticking once a second while `active`. */
export function useElapsedSeconds(since: number | undefined, active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active, since]);
  return since === undefined ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

/** The time, updated just after each whole second while `active` (ages computed from whole-second
 *  timestamps change then): one render a second, of the component that asks. */
export function useClock(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(Date.now());
      timer = setTimeout(tick, 1005 - (Date.now() % 1000));
    };
    tick();
    return () => clearTimeout(timer);
  }, [active]);
  return now;
}
