// Whether the real-kube-apiserver tests run here, and the line that says why not (no vitest import:
// the global setup uses it too).
import { findGo } from './testbed-build.js';

export const REAL_SKIP_REASON =
  'real-*.test.ts skipped: Go is not installed, and they build kube-apiserver and etcd from source (testbed/). ' +
  'Install Go >= 1.24 (on PATH or at /usr/local/go/bin/go) to run them; `npm run testbed -- --build-only` builds ahead (first build: about 10 min).';

/** With CI=true they always run (and fail without Go): CI must never skip them. */
export const realEnabled = !!findGo() || process.env.CI === 'true';
