// The sandbox's RBAC policy as data: the bootstrap ClusterRoles kube-apiserver binds for everyone
// (system:basic-user, system:discovery, system:public-info-viewer), cluster-admin for
// system:masters, and the sample Role that lets jane read pods in team-a. Both the authorizer
// (auth.ts) and the SelfSubjectRulesReview (reviews.ts) read it, so `kubectl auth can-i` and
// `kubectl auth can-i --list` can never disagree. Rule order follows kube-apiserver v1.34's
// answer for the same users (checked against the test bed): cluster bindings, then the namespace's.

export interface ResourceRule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames?: string[];
}

export interface NonResourceRule {
  verbs: string[];
  nonResourceURLs: string[];
}

interface Subjects {
  users?: string[];
  groups?: string[];
}

interface Binding extends Subjects {
  /** A RoleBinding's namespace; absent: a ClusterRoleBinding. */
  namespace?: string;
  resourceRules: ResourceRule[];
  nonResourceRules: NonResourceRule[];
}

/** system:discovery's and system:public-info-viewer's URLs (kube-apiserver's bootstrap policy); the
 *  seeded ClusterRoles show the same lists. */
export const DISCOVERY_URLS = [
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
];
export const PUBLIC_INFO_URLS = ['/healthz', '/livez', '/readyz', '/version', '/version/'];

const BINDINGS: readonly Binding[] = [
  // system:basic-user: anyone authenticated may ask who they are and what they may do.
  {
    groups: ['system:authenticated'],
    resourceRules: [
      {
        verbs: ['create'],
        apiGroups: ['authorization.k8s.io'],
        resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
      },
      { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
    ],
    nonResourceRules: [],
  },
  // system:discovery (bound to system:authenticated only since 1.14).
  {
    groups: ['system:authenticated'],
    resourceRules: [],
    nonResourceRules: [{ verbs: ['get'], nonResourceURLs: DISCOVERY_URLS }],
  },
  // system:public-info-viewer: health and version, to everyone, even anonymous.
  {
    groups: ['system:authenticated', 'system:unauthenticated'],
    resourceRules: [],
    nonResourceRules: [{ verbs: ['get'], nonResourceURLs: PUBLIC_INFO_URLS }],
  },
  // cluster-admin.
  {
    groups: ['system:masters'],
    resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
    nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
  },
  // RoleBinding team-a/read-pods of Role pod-reader.
  {
    users: ['jane'],
    namespace: 'team-a',
    resourceRules: [{ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] }],
    nonResourceRules: [],
  },
];

function binds(b: Subjects, user: { username: string; groups: string[] }): boolean {
  return !!b.users?.includes(user.username) || !!b.groups?.some((g) => user.groups.includes(g));
}

/** The rules that apply to `user` in `namespace` (undefined: cluster scope, ClusterRoleBindings only). */
export function rulesFor(
  user: { username: string; groups: string[] },
  namespace: string | undefined,
): { resourceRules: ResourceRule[]; nonResourceRules: NonResourceRule[] } {
  const bound = BINDINGS.filter((b) => binds(b, user) && (b.namespace === undefined || b.namespace === namespace));
  return {
    resourceRules: bound.flatMap((b) => b.resourceRules),
    nonResourceRules: bound.flatMap((b) => b.nonResourceRules),
  };
}

const has = (list: readonly string[], v: string) => list.includes('*') || list.includes(v);

/** RBAC's ResourceMatches: '*', the exact 'resource/subresource', or 'resource/*'. */
function resourceMatches(rule: ResourceRule, resource: string, subresource: string | undefined): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return rule.resources.some((r) => r === '*' || r === combined || (!!subresource && r === `${resource}/*`));
}

export function allowsResource(
  rule: ResourceRule,
  a: { verb: string; group: string; resource: string; subresource?: string; name?: string },
): boolean {
  return (
    has(rule.verbs, a.verb) &&
    has(rule.apiGroups, a.group) &&
    resourceMatches(rule, a.resource, a.subresource) &&
    (!rule.resourceNames?.length || (!!a.name && rule.resourceNames.includes(a.name)))
  );
}

/** RBAC's NonResourceURLMatches: exact, '*', or a prefix ending in '*'. */
export function allowsPath(rule: NonResourceRule, verb: string, path: string): boolean {
  return (
    has(rule.verbs, verb) &&
    rule.nonResourceURLs.some((u) => u === '*' || u === path || (u.endsWith('*') && path.startsWith(u.slice(0, -1))))
  );
}
