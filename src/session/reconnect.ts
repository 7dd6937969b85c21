// What a live table does when its list or watch fails, as client-go's reflector does it: a 410
// (the resourceVersion is too old) lists again at once; a 429 waits Retry-After and watches again
// from the last resourceVersion seen; a lost connection or a failing server retries with backoff,
// on its own, for as long as the table is open; anything else (403, 400) is for the user to fix.

export type Failure =
  { kind: 'expired' } | { kind: 'throttled'; retryAfterMs?: number } | { kind: 'lost' } | { kind: 'fatal' };

/** Waits before the next attempt after `failures` failures in a row: 1 s, 2 s, 4 s, … 30 s. */
export function backoffMs(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}

/** A KubeError (or a watch's ERROR event's Status: `code`) by what to do about it. */
export function classifyFailure(err: unknown): Failure {
  const e = (err ?? {}) as { kind?: string; status?: unknown; code?: unknown; retryAfterSeconds?: number };
  // A KubeError's `status` is the HTTP code; a Status object's is the word "Failure" (its code is `code`).
  const status = typeof e.status === 'number' ? e.status : typeof e.code === 'number' ? e.code : undefined;
  if (status === 410) return { kind: 'expired' };
  if (status === 429)
    return {
      kind: 'throttled',
      retryAfterMs: e.retryAfterSeconds === undefined ? undefined : e.retryAfterSeconds * 1000,
    };
  if (e.kind === 'network' || e.kind === 'timeout' || (status !== undefined && status >= 500)) return { kind: 'lost' };
  return { kind: 'fatal' };
}

/** The resourceVersion a watch event brings: a Table event's row's object, else the object's own. */
export function eventResourceVersion(object: unknown): string | undefined {
  const o = object as {
    metadata?: { resourceVersion?: unknown };
    rows?: { object?: { metadata?: { resourceVersion?: unknown } } }[];
  };
  const rv = o?.rows?.[0]?.object?.metadata?.resourceVersion ?? o?.metadata?.resourceVersion;
  return typeof rv === 'string' && rv ? rv : undefined;
}
