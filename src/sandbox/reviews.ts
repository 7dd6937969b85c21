// The self-review POSTs (whoami, can-i): the only writes a read-only client sends, and they change nothing.
import { type Attributes, authorize, type UserInfo } from './auth.js';
import { rulesFor } from './rbac.js';

/** RFC 3339 to the second, as Kubernetes writes times. */
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

export function selfSubjectReview(user: UserInfo) {
  return {
    kind: 'SelfSubjectReview',
    apiVersion: 'authentication.k8s.io/v1',
    // v1.34 stamps the review with the time it was made.
    metadata: { creationTimestamp: now() },
    status: {
      userInfo: { username: user.username, groups: user.groups, ...(user.extra ? { extra: user.extra } : {}) },
    },
  };
}

/** The managedFields entry kube-apiserver v1.34 puts on a SelfSubjectAccessReview it answers: the
 *  manager is the User-Agent up to its first '/', the fields are the spec's non-empty attributes. */
function reviewManagedFields(spec: any, userAgent: string) {
  const fields = (o: Record<string, unknown>) =>
    Object.fromEntries([
      ['.', {}],
      ...Object.keys(o)
        .filter((k) => o[k] !== '' && o[k] !== undefined)
        .sort()
        .map((k) => [`f:${k}`, {}]),
    ]);
  const attrs = spec.nonResourceAttributes
    ? { 'f:nonResourceAttributes': fields(spec.nonResourceAttributes) }
    : { 'f:resourceAttributes': fields(spec.resourceAttributes ?? {}) };
  return [
    {
      manager: userAgent.split('/')[0],
      operation: 'Update',
      apiVersion: 'authorization.k8s.io/v1',
      time: now(),
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:spec': attrs },
    },
  ];
}

export function selfSubjectAccessReview(user: UserInfo, body: any, userAgent = '') {
  const spec = body?.spec ?? {};
  let attrs: Attributes;
  if (spec.nonResourceAttributes) {
    attrs = {
      resourceRequest: false,
      verb: spec.nonResourceAttributes.verb ?? 'get',
      path: spec.nonResourceAttributes.path ?? '/',
    };
  } else {
    const r = spec.resourceAttributes ?? {};
    attrs = {
      resourceRequest: true,
      verb: r.verb ?? 'get',
      group: r.group ?? '',
      resource: r.resource ?? '',
      subresource: r.subresource || undefined,
      namespace: r.namespace || undefined,
      name: r.name || undefined,
    };
  }
  const allowed = authorize(user, attrs);
  return {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { managedFields: reviewManagedFields(spec, userAgent) },
    spec,
    status: allowed ? { allowed: true, reason: reasonFor(user) } : { allowed: false },
  };
}

function reasonFor(user: UserInfo): string {
  if (user.groups.includes('system:masters')) return '';
  if (user.username === 'jane')
    return 'RBAC: allowed by RoleBinding "read-pods/team-a" of Role "pod-reader" to User "jane"';
  return 'RBAC: allowed by ClusterRoleBinding "system:basic-user" of ClusterRole "system:basic-user" to Group "system:authenticated"';
}

/** A review kube-apiserver answers with 400 BadRequest (this message). */
export class BadReview extends Error {}

/** What `kubectl auth can-i --list -n NS` asks: the rules of every binding that applies to the user
 *  in that namespace. kube-apiserver v1.34 answers with empty metadata and spec (the namespace asked
 *  about is not echoed). */
export function selfSubjectRulesReview(user: UserInfo, body: any) {
  const namespace: string = body?.spec?.namespace ?? '';
  if (!namespace) throw new BadReview('no namespace on request');
  const { resourceRules, nonResourceRules } = rulesFor(user, namespace);
  return {
    kind: 'SelfSubjectRulesReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: {},
    spec: {},
    status: { resourceRules, nonResourceRules, incomplete: false },
  };
}
