// Status bodies as kube-apiserver writes them for server-side failures, shared by the fault tests
// (built by the sandbox's own statusBody, so the field order is kube-apiserver's).
import { statusBody as statusObject, type StatusDetails } from '../../src/sandbox/respond.js';

/** A `metav1.Status` failure body, as sent. */
export function statusBody(code: number, reason: string, message: string, details?: StatusDetails): string {
  return JSON.stringify(statusObject(code, reason, message, details));
}

export const status500 = statusBody(500, 'InternalError', 'Internal error occurred: etcdserver: request timed out');
export const status503 = statusBody(503, 'ServiceUnavailable', 'the server is currently unable to handle the request');
