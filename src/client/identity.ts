// Who am I, and what may I do? The answers come from the server's self-review endpoints — the only
// POSTs kapi-tui sends, routed through ApiClient.request so the read-only guard sees them:
//   POST /apis/authentication.k8s.io/v1/selfsubjectreviews       (kubectl auth whoami, 1.28+)
//   POST /apis/authorization.k8s.io/v1/selfsubjectrulesreviews   (kubectl auth can-i --list)
//   POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews  (kubectl auth can-i VERB RESOURCE)
import type { ResourceRef } from '../model/types.js';
import type { ApiClient } from './api.js';
import { KubeError, cancelledError } from './errors.js';
import type { KubeApi, RawResponse } from './types.js';

export const SELF_SUBJECT_REVIEW_PATH = '/apis/authentication.k8s.io/v1/selfsubjectreviews';
export const SELF_SUBJECT_RULES_REVIEW_PATH = '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews';
export const SELF_SUBJECT_ACCESS_REVIEW_PATH = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

/** A KubeApi that can send the review POSTs (ApiClient is one). Without `request`, only fallbacks are possible. */
export type ReviewApi = KubeApi & { request?: ApiClient['request'] };

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

function canRequest(api: ReviewApi): api is ReviewApi & { request: ApiClient['request'] } {
  return typeof api.request === 'function';
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
function userFromForbidden(e: unknown): string | undefined {
  const msg = e instanceof KubeError ? e.serverMessage ?? e.message : '';
  return /User "([^"]*)" cannot/.exec(msg ?? '')?.[1];
}

/**
 * Who the server thinks we are. SelfSubjectReview first; on 403 (RBAC refuses, e.g. anonymous) or
 * 404 (server older than 1.28) fall back to what the connection knows. Other errors (network, TLS,
 * 401 bad credentials) are thrown: they are not about identity.
 */
export async function whoAmI(api: ReviewApi | ApiClient, opts: { signal?: AbortSignal } = {}): Promise<Identity> {
  let failure: unknown;
  if (canRequest(api)) {
    try {
      const r = await api.request('POST', SELF_SUBJECT_REVIEW_PATH, {
        signal: opts.signal,
        body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
      });
      const ui = (r.json as any)?.status?.userInfo ?? {};
      return {
        username: String(ui.username ?? ''),
        groups: Array.isArray(ui.groups) ? ui.groups.map(String) : [],
        source: 'SelfSubjectReview',
      };
    } catch (e) {
      const st = status(e);
      if (st !== 403 && st !== 404) throw e;
      failure = e;
    }
  }
  const st = status(failure);
  const note = failure === undefined
    ? 'This client cannot send the SelfSubjectReview request.'
    : st === 404
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
    return { username: '', groups: [], source: 'unknown', note: `${note} kubectl proxy authenticates with its own kubeconfig user, which is not visible from here.` };
  }
  if (!sendsCredentials(api)) {
    return { username: 'system:anonymous', groups: ['system:unauthenticated'], source: 'anonymous', note };
  }
  return { username: '', groups: [], source: 'unknown', note };
}

// ---------------------------------------------------------------------------------------------
// can-i

export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

export interface RulesReview {
  namespace: string;
  resourceRules: ResourceRule[];
  nonResourceRules: { verbs: string[]; nonResourceURLs?: string[] }[];
  incomplete: boolean;
  evaluationError?: string;
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
export function evaluateRules(rules: ResourceRule[], group: string, resource: string, verbs: string[]): Record<string, boolean> {
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

function requireRequest(api: ReviewApi): asserts api is ReviewApi & { request: ApiClient['request'] } {
  if (!canRequest(api)) {
    throw new KubeError({
      kind: 'config',
      message: 'This client cannot send access reviews',
      hint: 'Use an ApiClient (it has request()).',
    });
  }
}

/** One SelfSubjectRulesReview for a namespace, cached for the session (shared by concurrent callers, so not abortable). */
export function rulesReview(api: ReviewApi, namespace: string): Promise<RulesReview> {
  requireRequest(api);
  const cache = cacheFor(api).rules;
  const hit = cache.get(namespace);
  if (hit) return hit;
  const p = api.request('POST', SELF_SUBJECT_RULES_REVIEW_PATH, {
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace } },
  }).then((r: RawResponse): RulesReview => {
    const st = (r.json as any)?.status ?? {};
    return {
      namespace,
      resourceRules: Array.isArray(st.resourceRules) ? st.resourceRules : [],
      nonResourceRules: Array.isArray(st.nonResourceRules) ? st.nonResourceRules : [],
      incomplete: st.incomplete === true,
      evaluationError: typeof st.evaluationError === 'string' ? st.evaluationError : undefined,
    };
  });
  cache.set(namespace, p);
  p.catch(() => cache.delete(namespace));
  return p;
}

function splitResource(resource: string): { resource: string; subresource?: string } {
  const i = resource.indexOf('/');
  return i > 0 ? { resource: resource.slice(0, i), subresource: resource.slice(i + 1) } : { resource };
}

/** One SelfSubjectAccessReview (kubectl auth can-i VERB RESOURCE [-n NS]), cached for the session (not abortable). */
export function accessReview(api: ReviewApi, ref: ResourceRef, namespace: string | undefined, verb: string): Promise<boolean> {
  requireRequest(api);
  const ns = ref.namespaced ? namespace : undefined;
  const key = `${ns ?? ''}|${ref.group}|${ref.resource}|${verb}`;
  const cache = cacheFor(api).access;
  const hit = cache.get(key);
  if (hit) return hit;
  const { resource, subresource } = splitResource(ref.resource);
  const resourceAttributes: Record<string, string> = { verb, group: ref.group, version: ref.version, resource };
  if (subresource) resourceAttributes.subresource = subresource;
  if (ns) resourceAttributes.namespace = ns;
  const p = api.request('POST', SELF_SUBJECT_ACCESS_REVIEW_PATH, {
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes } },
  }).then((r) => (r.json as any)?.status?.allowed === true);
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
export async function allowedVerbs(api: ReviewApi | ApiClient, ref: ResourceRef, namespace: string | undefined,
  verbs: string[], opts: AllowedVerbsOptions = {}): Promise<Record<string, boolean>> {
  requireRequest(api);
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
