// Who am I, and what may I do? The answers come from the server's self-review endpoints — the only
// POSTs kapi-tui sends (KubeApi's selfSubject*Review members), with fallbacks and a session cache:
//   POST /apis/authentication.k8s.io/v1/selfsubjectreviews       (kubectl auth whoami, 1.28+)
//   POST /apis/authorization.k8s.io/v1/selfsubjectrulesreviews   (kubectl auth can-i --list)
//   POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews  (kubectl auth can-i VERB RESOURCE)
import type { ResourceRef } from '../model/types.js';
import { KubeError, cancelledError } from './errors.js';
import { SELF_SUBJECT_ACCESS_REVIEW_PATH } from './review-paths.js';
import type { KubeApi, ResourceAttributes, ResourceRule, SubjectRules } from './types.js';

export type IdentitySource = 'SelfSubjectReview' | 'kubeconfig' | 'anonymous' | 'unknown';

export interface Identity {
  username: string;
  groups: string[];
  /**
   * SelfSubjectReview: the server said so (authoritative).
   * kubeconfig: the review was refused or is not served; the name is the kubeconfig user / certificate
   *   CN as configured, or the user named in the server's 403 message.
   * anonymous: no credentials were sent, so the server sees system:anonymous.
   * unknown: through `kubectl proxy` when the review failed — the proxy's kubeconfig user is not visible.
   */
  source: IdentitySource;
  /** Why the review was not used (for the learning panel), e.g. '404: this server has no SelfSubjectReview (before 1.28)'. */
  note?: string;
}

function status(e: unknown): number | undefined {
  return e instanceof KubeError && e.kind === 'http' ? e.status : undefined;
}

/** Whether this connection sends credentials of its own. Proxy mode sends none (the proxy adds them). */
function sendsCredentials(api: KubeApi): boolean {
  const c = api.connection;
  return !!(c.user || c.certFile || c.bearerToken);
}

/** `User "jane" cannot create resource …` → jane. */
function userFromForbidden(e: KubeError): string | undefined {
  return /User "([^"]*)" cannot/.exec(e.serverMessage ?? e.message)?.[1];
}

/**
 * Who the server thinks we are. SelfSubjectReview first; on 403 (RBAC refuses, e.g. anonymous) or
 * 404 (server older than 1.28) fall back to what the connection knows. Other errors (network, TLS,
 * 401 bad credentials) are thrown: they are not about identity.
 */
export async function whoAmI(api: KubeApi, opts: { signal?: AbortSignal } = {}): Promise<Identity> {
  let failure: KubeError;
  try {
    const user = await api.selfSubjectReview(opts);
    return { username: user.username, groups: user.groups, source: 'SelfSubjectReview' };
  } catch (e) {
    const st = status(e);
    if (st !== 403 && st !== 404) throw e;
    failure = e as KubeError;
  }
  const note =
    failure.status === 404
      ? '404: this server does not serve authentication.k8s.io/v1 SelfSubjectReview (Kubernetes before 1.28).'
      : '403: the server refused the SelfSubjectReview (RBAC grants it to system:authenticated only).';
  const named = userFromForbidden(failure);
  if (named === 'system:anonymous') {
    return { username: 'system:anonymous', groups: ['system:unauthenticated'], source: 'anonymous', note };
  }
  if (named) return { username: named, groups: [], source: 'kubeconfig', note };
  const conn = api.connection;
  if (conn.user) return { username: conn.user, groups: [], source: 'kubeconfig', note };
  if (conn.mode === 'proxy') {
    return {
      username: '',
      groups: [],
      source: 'unknown',
      note: `${note} kubectl proxy authenticates with its own kubeconfig user, which is not visible from here.`,
    };
  }
  if (!sendsCredentials(api)) {
    return { username: 'system:anonymous', groups: ['system:unauthenticated'], source: 'anonymous', note };
  }
  return { username: '', groups: [], source: 'unknown', note };
}

// ---------------------------------------------------------------------------------------------
// can-i

export interface RulesReview extends SubjectRules {
  namespace: string;
}

const has = (list: string[] | undefined, v: string) => !!list && (list.includes('*') || list.includes(v));

/**
 * Whether one rule grants `verb` on the resource (RBAC matching: '*' wildcards, 'resource/sub' and
 * '*\/sub' for subresources). Rules restricted to resourceNames do not grant the verb in general.
 */
export function ruleAllows(rule: ResourceRule, group: string, resource: string, verb: string): boolean {
  if (!has(rule.verbs, verb)) return false;
  if (!has(rule.apiGroups, group)) return false;
  if (rule.resourceNames && rule.resourceNames.length > 0) return false;
  const res = rule.resources ?? [];
  if (res.includes('*') || res.includes(resource)) return true;
  const slash = resource.indexOf('/');
  return slash > 0 && res.includes(`*/${resource.slice(slash + 1)}`);
}

/** Evaluate a rules review locally for each verb. */
export function evaluateRules(
  rules: ResourceRule[],
  group: string,
  resource: string,
  verbs: string[],
): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const v of verbs) out[v] = rules.some((r) => ruleAllows(r, group, resource, v));
  return out;
}

interface SessionCache {
  rules: Map<string, Promise<RulesReview>>;
  access: Map<string, Promise<boolean>>;
}

const caches = new WeakMap<object, SessionCache>();

function cacheFor(api: object): SessionCache {
  let c = caches.get(api);
  if (!c) {
    c = { rules: new Map(), access: new Map() };
    caches.set(api, c);
  }
  return c;
}

/** Forget the cached reviews for this client (after a reconnect, or when the learner asks to refresh). */
export function clearPermissionCache(api: object): void {
  caches.delete(api);
}

/** One SelfSubjectRulesReview for a namespace, cached for the session (shared by concurrent callers, so not abortable). */
export function rulesReview(api: KubeApi, namespace: string): Promise<RulesReview> {
  const cache = cacheFor(api).rules;
  const hit = cache.get(namespace);
  if (hit) return hit;
  const p = api.selfSubjectRulesReview(namespace).then((rules): RulesReview => ({ namespace, ...rules }));
  cache.set(namespace, p);
  p.catch(() => cache.delete(namespace));
  return p;
}

function splitResource(resource: string): { resource: string; subresource?: string } {
  const i = resource.indexOf('/');
  return i > 0 ? { resource: resource.slice(0, i), subresource: resource.slice(i + 1) } : { resource };
}

/** One SelfSubjectAccessReview (kubectl auth can-i VERB RESOURCE [-n NS]), cached for the session (not abortable). */
export function accessReview(
  api: KubeApi,
  ref: ResourceRef,
  namespace: string | undefined,
  verb: string,
): Promise<boolean> {
  const ns = ref.namespaced ? namespace : undefined;
  const key = `${ns ?? ''}|${ref.group}|${ref.resource}|${verb}`;
  const cache = cacheFor(api).access;
  const hit = cache.get(key);
  if (hit) return hit;
  const { resource, subresource } = splitResource(ref.resource);
  const attributes: ResourceAttributes = { verb, group: ref.group, version: ref.version, resource };
  if (subresource) attributes.subresource = subresource;
  if (ns) attributes.namespace = ns;
  const p = api.selfSubjectAccessReview(attributes);
  cache.set(key, p);
  p.catch(() => cache.delete(key));
  return p;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface AllowedVerbsOptions {
  /** Stops waiting (throws KubeError 'cancelled'); the shared cached requests themselves run on. */
  signal?: AbortSignal;
  /** Parallel SelfSubjectAccessReviews in the fallback (default 4). */
  concurrency?: number;
}

/**
 * Which of `verbs` the current user may use on `ref` (in `namespace` for namespaced resources).
 *
 * Namespaced resource with a namespace: one SelfSubjectRulesReview for that namespace (cached per
 * namespace for the session), evaluated locally; if the review fails or reports `incomplete`
 * (an authorizer other than RBAC is involved), one SelfSubjectAccessReview per verb instead.
 * Cluster-scoped resources and "all namespaces" always use SelfSubjectAccessReviews: a rules review
 * is per namespace and cannot tell cluster-wide permission from a namespace's RoleBindings.
 * Throws (KubeError) when the access reviews themselves are refused, e.g. for system:anonymous.
 */
export async function allowedVerbs(
  api: KubeApi,
  ref: ResourceRef,
  namespace: string | undefined,
  verbs: string[],
  opts: AllowedVerbsOptions = {},
): Promise<Record<string, boolean>> {
  const checkAbort = () => {
    if (opts.signal?.aborted) throw cancelledError({ method: 'POST', path: SELF_SUBJECT_ACCESS_REVIEW_PATH });
  };
  checkAbort();
  if (ref.namespaced && namespace) {
    try {
      const rules = await rulesReview(api, namespace);
      checkAbort();
      if (!rules.incomplete) return evaluateRules(rules.resourceRules, ref.group, ref.resource, verbs);
    } catch (e) {
      if (e instanceof KubeError && e.kind === 'cancelled') throw e;
      /* fall through to per-verb access reviews */
    }
  }
  const answers = await mapLimit(verbs, Math.max(1, opts.concurrency ?? 4), (v) => {
    checkAbort();
    return accessReview(api, ref, namespace, v);
  });
  checkAbort();
  const out: Record<string, boolean> = {};
  verbs.forEach((v, i) => (out[v] = answers[i]!));
  return out;
}
