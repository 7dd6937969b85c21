// A flood the client does not bound yet must end in a message, not in V8's fatal "heap out of
// memory" (exit 134, the terminal left raw, no word of why). The heap is checked a few times a
// second; nearly full on two checks in a row (garbage is collected before the limit, so one high
// reading can be garbage), the caller ends the session cleanly.
import { getHeapStatistics } from 'node:v8';

const CHECK_MS = 200;
/** The share of the heap limit in use that counts as nearly full. */
const NEAR_LIMIT = 0.85;
/** heap_size_limit counts the young generation's reserve (48 MiB in Node 20 on 64 bits), which a
 *  growing pile of kept objects never uses: it dies with this much of the limit still unused. */
const YOUNG_RESERVE = 48 * 2 ** 20;

export interface HeapUse {
  usedMb: number;
  limitMb: number;
}

/** Calls `onNearLimit` once when the heap stays nearly full; returns a stop function. */
export function guardHeap(onNearLimit: (use: HeapUse) => void): () => void {
  let highBefore = false;
  const timer = setInterval(() => {
    const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
    const high = used > (limit - YOUNG_RESERVE) * NEAR_LIMIT;
    if (high && highBefore) {
      clearInterval(timer);
      onNearLimit({ usedMb: Math.round(used / 2 ** 20), limitMb: Math.round(limit / 2 ** 20) });
    }
    highBefore = high;
  }, CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
