// The rules matrix ("what may I do here", `A`): one SelfSubjectRulesReview per namespace while the
// view is open, sent again when the namespace changes or on r.
import { useEffect, useState } from 'react';
import type { KubeApi } from '../client/types.js';
import { type Loadable, failedRequestId } from '../model/loadable.js';
import type { RulesMatrix } from '../model/rules-matrix.js';
import { loadRulesMatrix } from '../session/access.js';
import { describeError } from '../session/errors.js';
import { useAbortableLoad } from './useAbortableLoad.js';

export interface RulesView {
  /** The namespace asked about. */
  namespace: string;
  matrix: Loadable<RulesMatrix>;
}

/** `open`: load the rules of `namespace`. */
export function useRulesMatrix(api: KubeApi, open: boolean, namespace: string, refresh: number): RulesView | undefined {
  const ns = namespace;
  const key = `${ns} ${refresh}`;
  const [loaded, setLoaded] = useState<{ key: string; matrix: Loadable<RulesMatrix> }>();
  useEffect(() => {
    if (!open) setLoaded(undefined);
  }, [open]);
  useAbortableLoad(
    {
      start: open ? (signal) => loadRulesMatrix(api, ns, signal) : undefined,
      done: ({ matrix, requestId }) => setLoaded({ key, matrix: { state: 'ok', value: matrix, requestId } }),
      failed: (err) =>
        setLoaded({ key, matrix: { state: 'error', error: describeError(err), requestId: failedRequestId(err) } }),
    },
    [api, open, key],
  );
  if (!open) return undefined;
  return { namespace: ns, matrix: loaded?.key === key ? loaded.matrix : { state: 'loading' } };
}
