// The self-review POSTs (whoami, can-i): the only writes a read-only client sends, and they change nothing.
import { type Attributes, authorize, type UserInfo } from './auth.js';

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

export function selfSubjectRulesReview(user: UserInfo, body: any) {
  const namespace: string = body?.spec?.namespace ?? 'default';
  const resourceRules: object[] = [];
  const nonResourceRules: object[] = [];
  if (user.groups.includes('system:masters')) {
    resourceRules.push({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] });
    nonResourceRules.push({ verbs: ['*'], nonResourceURLs: ['*'] });
  } else {
    resourceRules.push({
      verbs: ['create'],
      apiGroups: ['authorization.k8s.io'],
      resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
    });
    resourceRules.push({ verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] });
    if (user.username === 'jane' && namespace === 'team-a') {
      resourceRules.push({ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] });
    }
    nonResourceRules.push({
      verbs: ['get'],
      nonResourceURLs: [
        '/api',
        '/api/*',
        '/apis',
        '/apis/*',
        '/healthz',
        '/livez',
        '/openapi',
        '/openapi/*',
        '/readyz',
        '/version',
        '/version/',
      ],
    });
  }
  return {
    kind: 'SelfSubjectRulesReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: { namespace },
    status: { resourceRules, nonResourceRules, incomplete: false },
  };
}
