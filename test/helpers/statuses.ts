// Status bodies as kube-apiserver writes them for server-side failures, shared by the fault tests.

/** A `metav1.Status` failure body. */
export function statusBody(code: number, reason: string, message: string, details?: object): string {
  return JSON.stringify({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
    ...(details ? { details } : {}),
  });
}

export const status500 = statusBody(500, 'InternalError', 'Internal error occurred: etcdserver: request timed out');
export const status503 = statusBody(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
