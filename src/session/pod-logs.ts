// Reading a pod's log the way `kubectl logs` does: GET the pod (a table row carries no spec, and
// the container must be named when there are several), then GET its pods/log subresource with
// tailLines. Both are plain GETs and both appear in the request log.
import type { KubeApi } from '../client/types.js';
import type { RawResponse } from '../model/types.js';
import { type LogContainer, POD_REF, logContainer, podLogPath } from '../model/pod-logs.js';
import type { RequestLog } from './request-log.js';

export interface PodLogs {
  response: RawResponse;
  container: LogContainer;
}

/** Throws like the client (KubeError): 403 without RBAC for pods or pods/log, 404 for a pod gone. */
export async function loadPodLogs(
  api: KubeApi,
  namespace: string,
  name: string,
  signal: AbortSignal,
  log?: RequestLog,
  source: { container?: string; previous?: boolean } = {},
): Promise<PodLogs> {
  const pod = await api.get(POD_REF, namespace, name, { signal });
  log?.attachBody(pod.requestId, pod);
  const container = logContainer(pod.json, source.container);
  const path = podLogPath(namespace, name, container.name, source.previous);
  // A log is text: `*/*` is what curl sends by default, so the curl equivalent needs no -H.
  const response = await api.getRaw(path, { accept: '*/*', signal });
  log?.attachBody(response.requestId, response);
  return { response, container };
}
