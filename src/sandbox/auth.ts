// Authentication and authorization, modelled on kube-apiserver's defaults:
// - client certificates verified against the sandbox CA (CN = user, O = groups), or a static bearer token;
// - no credentials = system:anonymous (anonymous auth is on by default);
// - presented-but-invalid credentials = 401, never a fallback to anonymous (an Authorization
//   header of another scheme than Bearer is not a credential: ignored, as kube-apiserver does);
// - RBAC as the default bootstrap policy grants it, plus the sandbox's two users.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { allowsPath, allowsResource, rulesFor } from './rbac.js';

export interface UserInfo {
  username: string;
  groups: string[];
  /** kube-apiserver (>= 1.32) adds the credential's id for client certificates: X509SHA256=<hex>. */
  extra?: Record<string, string[]>;
}

export const ANONYMOUS: UserInfo = { username: 'system:anonymous', groups: ['system:unauthenticated'] };
export const TOKEN_USER = 'sandbox-token-admin';

export type AuthResult = { ok: true; user: UserInfo } | { ok: false };

export function authenticate(req: IncomingMessage, token?: string): AuthResult {
  const authz = req.headers.authorization;
  // Only a bearer token is a credential to kube-apiserver (basic auth is gone since 1.19): any
  // other scheme, such as the Basic header `kubectl --username` sends, is ignored, not refused.
  if (authz && /^Bearer\b/i.test(authz)) {
    const m = /^Bearer\s+(.+)$/i.exec(authz);
    if (!m || !token || m[1].trim() !== token) return { ok: false };
    return { ok: true, user: { username: TOKEN_USER, groups: ['system:masters', 'system:authenticated'] } };
  }
  const socket = req.socket as TLSSocket;
  const peer = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate() : undefined;
  if (peer && Object.keys(peer).length > 0) {
    // requestCert without rejectUnauthorized: we see every presented certificate and decide here,
    // so an untrusted one gets kube-apiserver's 401 instead of a TLS handshake failure.
    if (!socket.authorized) return { ok: false };
    const o = peer.subject.O;
    const orgs = o === undefined ? [] : Array.isArray(o) ? o : [o];
    const cnField: string | string[] | undefined = peer.subject.CN;
    const cn = (Array.isArray(cnField) ? cnField[0] : cnField) ?? '';
    const credentialId = `X509SHA256=${peer.fingerprint256.replace(/:/g, '').toLowerCase()}`;
    return {
      ok: true,
      user: {
        username: cn,
        groups: [...orgs, 'system:authenticated'],
        extra: { 'authentication.kubernetes.io/credential-id': [credentialId] },
      },
    };
  }
  return { ok: true, user: ANONYMOUS };
}

/** What is being asked, in the terms RBAC and kube-apiserver's messages use. */
export type Attributes =
  | { resourceRequest: false; verb: string; path: string }
  | {
      resourceRequest: true;
      verb: string;
      group: string;
      resource: string;
      subresource?: string;
      namespace?: string;
      name?: string;
    };

/** RBAC over the sandbox's bindings (rbac.ts): a resource request in a namespace is allowed by the
 *  cluster-wide bindings and that namespace's RoleBindings, anything else by the cluster-wide ones. */
export function authorize(user: UserInfo, a: Attributes): boolean {
  const rules = rulesFor(user, a.resourceRequest ? a.namespace : undefined);
  if (!a.resourceRequest) return rules.nonResourceRules.some((r) => allowsPath(r, a.verb, a.path));
  return rules.resourceRules.some((r) => allowsResource(r, a));
}

/** kube-apiserver's wording (responsewriters.forbiddenMessage + NewForbidden). */
export function forbiddenMessage(user: UserInfo, a: Attributes): string {
  if (!a.resourceRequest) {
    return `forbidden: User "${user.username}" cannot ${a.verb} path "${a.path}"`;
  }
  const qualified = a.group ? `${a.resource}.${a.group}` : a.resource;
  const named = a.name ? ` "${a.name}"` : '';
  const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return `${qualified}${named} is forbidden: User "${user.username}" cannot ${a.verb} resource "${res}" in API group "${a.group}" ${scope}`;
}
