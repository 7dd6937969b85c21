// Impersonate-User / Impersonate-Group, as kube-apiserver's impersonation filter handles them: the
// requester needs the `impersonate` verb on users (and groups); the request then runs as the named
// user, in the named groups plus system:authenticated (kube-apiserver adds it for any user but
// system:anonymous). Only system:masters may impersonate in the sandbox (no RBAC grants it otherwise).
import type { IncomingMessage } from 'node:http';
import { type Attributes, authorize, forbiddenMessage, type UserInfo } from './auth.js';

export type ImpersonationResult = { ok: true; user: UserInfo } | { ok: false; status: 400 | 403; message: string };

export function impersonate(req: IncomingMessage, requester: UserInfo): ImpersonationResult {
  const name = req.headersDistinct['impersonate-user']?.[0];
  const groupHeader = req.headersDistinct['impersonate-group'] ?? [];
  if (name === undefined) {
    if (groupHeader.length === 0) return { ok: true, user: requester };
    return {
      ok: false,
      status: 400,
      message: `requested [${groupHeader.map((g) => `{Group  ${g}  }`).join(' ')}] without impersonating a user`,
    };
  }
  const asked = (resource: string, target: string): Attributes => ({
    resourceRequest: true,
    verb: 'impersonate',
    group: '',
    resource,
    name: target,
  });
  for (const [resource, target] of [['users', name], ...groupHeader.map((g) => ['groups', g])] as [string, string][]) {
    if (!authorize(requester, asked(resource, target))) {
      return { ok: false, status: 403, message: forbiddenMessage(requester, asked(resource, target)) };
    }
  }
  const groups =
    name === 'system:anonymous'
      ? groupHeader
      : [...groupHeader.filter((g) => g !== 'system:authenticated'), 'system:authenticated'];
  return { ok: true, user: { username: name, groups } };
}
