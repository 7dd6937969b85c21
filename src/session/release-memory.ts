// Memory of a big view given back when it closes. A 50k-row table is ~80 MB of heap; once the view
// is left it is garbage, but V8 collects the old generation only when allocation reaches a limit set
// from the heap's size at its last full collection, so the next view (a 5 MB JSON document: ~20 MB)
// is allocated on top of it and the process stays ~40 MB larger than it needs to (measured with the
// bench: RSS 197 MB before the JSON opens, 159 MB after a full collection). One full collection
// right after such a view closes (~20-40 ms, once) lets V8 shrink the heap and hand the pages back;
// the same after a big document (a response of several MB) is replaced.
//
// Node exposes gc() only under --expose-gc; the flag is set for the moment a fresh context is made
// and that context's gc() kept (the way Jest's leak detector reaches it), then unset again.

/** Rows of a table from which closing it asks for a collection (a few MB of heap and more). */
export const BIG_TABLE_ROWS = 5000;
/** Bytes of a response (a document shown as JSON or YAML) from which replacing it does too. */
export const BIG_RESPONSE_BYTES = 4 * 1024 * 1024;
/** Just after the frame that follows the close (the caller waits until the data is unreachable). */
const DELAY_MS = 0;

let collect: (() => void) | null | undefined;

async function collector(): Promise<(() => void) | null> {
  if (collect !== undefined) return collect;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return (collect = exposed);
  try {
    const [{ setFlagsFromString }, { runInNewContext }] = await Promise.all([import('node:v8'), import('node:vm')]);
    setFlagsFromString('--expose-gc');
    try {
      collect = runInNewContext('gc') as () => void;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  } catch {
    collect = null;
  }
  return collect;
}

let pending: NodeJS.Timeout | undefined;

/** One full collection shortly after a big view closed (several closes in a row: one collection). */
export function releaseMemorySoon(): void {
  if (pending) return;
  pending = setTimeout(() => {
    void collector().then((gc) => {
      pending = undefined;
      gc?.();
    });
  }, DELAY_MS);
  pending.unref();
}
