// The one way a hook loads something: start it in an effect, abort it when the inputs change or the
// component unmounts, and drop whatever a superseded load still delivers.
import { type DependencyList, useEffect } from 'react';

export interface AbortableLoad<T> {
  /** Starts the load; `signal` aborts when it is superseded. Not called while `start` is undefined. */
  start: ((signal: AbortSignal) => Promise<T>) | undefined;
  /** The result, unless the load was superseded. */
  done: (value: T) => void;
  /** The failure, unless the load was superseded; without it, failures are ignored. */
  failed?: (err: unknown) => void;
}

export function useAbortableLoad<T>(load: AbortableLoad<T>, deps: DependencyList): void {
  useEffect(() => {
    if (!load.start) return;
    const ac = new AbortController();
    load.start(ac.signal).then(
      (value) => {
        if (!ac.signal.aborted) load.done(value);
      },
      (err: unknown) => {
        if (!ac.signal.aborted) load.failed?.(err);
      },
    );
    return () => ac.abort();
    // The caller names the inputs; `load` is a new object every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts (a debounce inside a load). */
export function abortableWait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
