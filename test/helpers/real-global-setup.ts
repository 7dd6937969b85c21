// Vitest global setup: says once, for the whole run, why the real-*.test.ts files are skipped.
import { REAL_SKIP_REASON, realEnabled } from './real-enabled.js';

export default function setup(): void {
  if (!realEnabled) console.log(REAL_SKIP_REASON);
}
