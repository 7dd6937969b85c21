// The guided tour of learning mode: a fixed sequence of steps from "what version are you?" to
// kubectl proxy. Each step names the view the UI drives to (`target`) and the text a learner reads.
// Pure data plus small helpers; the UI performs the requests and shows their curl commands.
// Explanations follow kubernetes.io: "The Kubernetes API", "Controlling Access to the Kubernetes
// API", "Authenticating" (X.509 client certificates, anonymous requests) and "Access clusters
// using the Kubernetes API" (kubectl proxy).
import { gvPath, parseGroupVersion, resourcePath } from './paths.js';
import { DEFAULT_PROXY_URL } from './proxy.js';
import { shellJoin, shellQuote } from './shell.js';

export type TourTarget =
  /** A non-resource path or a raw API path: show its response. */
  | { kind: 'path'; path: string }
  /** A group-version's discovery document (its resources and their verbs): 'v1' or 'apps/v1'. */
  | { kind: 'groupVersion'; groupVersion: string }
  /** One resource type within a group-version (select it in the resources pane). */
  | { kind: 'resource'; groupVersion: string; resource: string }
  /** The objects of a resource in a namespace (the list view). */
  | { kind: 'objects'; groupVersion: string; resource: string; namespace: string }
  /** One object. Without `name` (or when it does not exist), the first object of the list. */
  | { kind: 'object'; groupVersion: string; resource: string; namespace: string; name?: string }
  /** The identity panel: POST a SelfSubjectReview (whoAmI). */
  | { kind: 'whoami' };

/**
 * How the step's request is sent:
 * 'connection' — with the current connection (its curl is the RequestEvent's);
 * 'anonymous' — without credentials (server CA only), to show what system:anonymous gets;
 * 'proxy' — through `kubectl proxy`.
 * The last two have an `exampleCurl` to show (see tourCurl), as the current connection may differ.
 */
export type TourVia = 'connection' | 'anonymous' | 'proxy';

export interface TourStep {
  id: string;
  title: string;
  /** Two or three sentences in plain words. `code` spans are in backquotes. */
  explanation: string;
  target: TourTarget;
  via: TourVia;
  /** Show the curl (and kubectl) equivalent next to the explanation. */
  showCurl: boolean;
  /** The status the step expects (200 unless set); the anonymous step shows a 403. */
  expectStatus: number;
  /** A curl command to show instead of the connection's, with {server} {ca} {cert} {key} {proxy} placeholders. */
  exampleCurl?: string;
  /** Where to read more (kubernetes.io). */
  docs: string;
}

const DOCS_API = 'https://kubernetes.io/docs/concepts/overview/kubernetes-api/';
const DOCS_ACCESS = 'https://kubernetes.io/docs/concepts/security/controlling-access/';
const DOCS_AUTHN = 'https://kubernetes.io/docs/reference/access-authn-authz/authentication/';
const DOCS_PROXY = 'https://kubernetes.io/docs/tasks/administer-cluster/access-cluster-api/';
const DOCS_CONCEPTS = 'https://kubernetes.io/docs/reference/using-api/api-concepts/';

export const TOUR: readonly TourStep[] = [
  {
    id: 'version',
    title: 'Every tool talks HTTP to the API server',
    explanation:
      'kubectl, controllers and kapi-tui all work by sending HTTP requests to one place: the API server. ' +
      "The simplest request is `GET /version`, which answers with the server's build (major, minor, gitVersion, platform) — what `kubectl version` prints for the server. " +
      'Anyone may read it, even without credentials.',
    target: { kind: 'path', path: '/version' },
    via: 'connection',
    showCurl: true,
    expectStatus: 200,
    docs: DOCS_API,
  },
  {
    id: 'root',
    title: 'The paths the server serves',
    explanation:
      '`GET /` lists every path this server handles: the API groups under `/api` and `/apis`, the health checks `/healthz`, `/livez` and `/readyz`, `/metrics`, the OpenAPI documents and `/version`. ' +
      'Only the API groups hold Kubernetes objects; the rest describe the server itself. ' +
      'The default roles do not grant `/` itself, so an ordinary user gets 403 here while an administrator sees the list.',
    target: { kind: 'path', path: '/' },
    via: 'connection',
    showCurl: true,
    expectStatus: 200,
    docs: DOCS_API,
  },
  {
    id: 'core-group',
    title: 'The core group: /api',
    explanation:
      'The original resources — Pods, Services, ConfigMaps, Secrets, Namespaces, Nodes — form the core group, served at `/api/v1`. ' +
      "It has no group name, which is why a Pod's `apiVersion` is just `v1`. " +
      "`GET /api` lists its versions; kapi-tui asks for the aggregated discovery format in the Accept header, which returns the group's resources in the same answer.",
    target: { kind: 'path', path: '/api' },
    via: 'connection',
    showCurl: true,
    expectStatus: 200,
    docs: DOCS_API,
  },
  {
    id: 'named-groups',
    title: 'Named groups: /apis',
    explanation:
      'Every other resource belongs to a named API group, served at `/apis/<group>/<version>`: `apps/v1` for Deployments, `batch/v1` for Jobs, `rbac.authorization.k8s.io/v1` for RBAC, plus groups added by CustomResourceDefinitions. ' +
      '`GET /apis` lists the groups, their versions and the preferred version of each. ' +
      "An object's `apiVersion` is `<group>/<version>`, for example `apps/v1`.",
    target: { kind: 'path', path: '/apis' },
    via: 'connection',
    showCurl: true,
    expectStatus: 200,
    docs: DOCS_API,
  },
  {
    id: 'group-version',
    title: "A group's resources and their verbs",
    explanation:
      '`GET /apis/apps/v1` answers with an APIResourceList: for each resource its plural name (the one used in URLs), its kind, whether it lives in a namespace, and the verbs it supports (get, list, watch, create, update, patch, delete). ' +
      'Names with a slash, like `deployments/scale`, are subresources. ' +
      "This discovery information is how `kubectl api-resources` and kubectl's own completion know what the cluster offers.",
    target: { kind: 'groupVersion', groupVersion: 'apps/v1' },
    via: 'connection',
    showCurl: true,
    expectStatus: 200,
    docs: DOCS_CONCEPTS,
  },
  {
    id: 'list-objects',
    title: 'Listing objects in a namespace',
    explanation:
      "A resource's objects live at a collection URL: `/api/v1/namespaces/kube-system/pods` for the core group, `/apis/<group>/<version>/namespaces/<ns>/<resource>` for the others; without the namespace part, `/api/v1/pods` lists all namespaces. " +
      'kapi-tui adds `?limit=500` so big lists come in pages (the answer carries a `continue` token for the next one), and asks for the Table format in the Accept header to get the same columns `kubectl get` prints. ' +
      "Then a watch from the list's `resourceVersion` (`?watch=1`) keeps the table current; `T` shows its raw events, one line each.",
    // kube-system: every cluster has pods there (the sandbox too), so the tour works on real ones.
    target: { kind: 'objects', groupVersion: 'v1', resource: 'pods', namespace: 'kube-system' },
    via: 'connection',
    showCurl: true,
    expectStatus: 200,
    docs: DOCS_CONCEPTS,
  },
  {
    id: 'get-object',
    title: 'One object',
    explanation:
      'Adding a name to the collection URL reads one object: `GET /api/v1/namespaces/kube-system/pods/<name>`. ' +
      'Every object has `apiVersion` and `kind`, `metadata` (name, namespace, labels, uid, resourceVersion), the `spec` describing what should run, and the `status` the cluster reports. ' +
      'The schema of each field is published at `/openapi/v3`; that is what `kubectl explain` reads.',
    // No name: the first pod of the list is opened, whatever the cluster calls it.
    target: { kind: 'object', groupVersion: 'v1', resource: 'pods', namespace: 'kube-system' },
    via: 'connection',
    showCurl: true,
    expectStatus: 200,
    docs: DOCS_CONCEPTS,
  },
  {
    id: 'anonymous',
    title: 'Without credentials: system:anonymous',
    explanation:
      'Every request is first authenticated; one that carries no credentials at all becomes the user `system:anonymous` (group `system:unauthenticated`) rather than being rejected, and authorization then decides. ' +
      "By default that user may only read `/version`, `/healthz`, `/livez` and `/readyz`, so this curl gets 403 Forbidden — `--cacert` only lets curl verify the server's certificate, it says nothing about who you are. " +
      'Credentials that are sent but not valid get 401 Unauthorized instead.',
    target: { kind: 'path', path: '/api' },
    via: 'anonymous',
    showCurl: true,
    expectStatus: 403,
    exampleCurl: 'curl --cacert {ca} {server}/api',
    docs: DOCS_ACCESS,
  },
  {
    id: 'client-certificates',
    title: 'Client certificates: CN is the user, O the groups',
    explanation:
      "A client certificate signed by the cluster's certificate authority proves who you are: its Common Name (CN) is the user name and each Organization (O) is a group, for example `CN=kubernetes-admin, O=system:masters`. " +
      'curl presents it with `--cert` and `--key`, and the same request that was forbidden now succeeds; a SelfSubjectReview (`kubectl auth whoami`) shows the user and groups the server derived. ' +
      'What that user may do is decided next by authorization, usually RBAC Roles and RoleBindings.',
    target: { kind: 'whoami' },
    via: 'connection',
    showCurl: true,
    expectStatus: 200,
    exampleCurl: 'curl --cacert {ca} --cert {cert} --key {key} {server}/api',
    docs: DOCS_AUTHN,
  },
  {
    id: 'kubectl-proxy',
    title: 'kubectl proxy authenticates for you',
    explanation:
      '`kubectl proxy` listens on `127.0.0.1:8001` and forwards each request to the API server, adding the credentials from your kubeconfig. ' +
      'So a plain `curl http://127.0.0.1:8001/api` works without certificates or tokens, and the server sees your kubeconfig user. ' +
      'Anyone who can reach the proxy acts with your permissions, which is why it listens only on localhost by default.',
    target: { kind: 'path', path: '/api' },
    via: 'proxy',
    showCurl: true,
    expectStatus: 200,
    exampleCurl: 'curl {proxy}/api',
    docs: DOCS_PROXY,
  },
];

export function tourStepById(id: string): TourStep | undefined {
  return TOUR.find((s) => s.id === id);
}

/** The HTTP request behind a target. For `object` without a name: the collection (pick the first item). */
export function targetRequest(target: TourTarget): { method: 'GET' | 'POST'; path: string } {
  switch (target.kind) {
    case 'path':
      return { method: 'GET', path: target.path };
    case 'groupVersion':
    case 'resource':
      return { method: 'GET', path: gvPath(parseGroupVersion(target.groupVersion)) };
    case 'objects':
    case 'object': {
      const ref = { ...parseGroupVersion(target.groupVersion), resource: target.resource, namespaced: true };
      const name = target.kind === 'object' ? target.name || undefined : undefined;
      return { method: 'GET', path: resourcePath(ref, target.namespace, name) };
    }
    case 'whoami':
      return { method: 'POST', path: '/apis/authentication.k8s.io/v1/selfsubjectreviews' };
  }
}

export interface TourCurlContext {
  /** API server URL, e.g. https://127.0.0.1:6443 (in proxy mode, the kubectl proxy's URL). */
  server: string;
  /** The connection's mode: 'proxy' means `server` is a kubectl proxy, not the API server. */
  mode?: string;
  /** The connection's files (a Connection has them; inline kubeconfig data is written to files). */
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  /** TLS verification off: curl gets -k instead of --cacert. */
  insecure?: boolean;
  /** A running kubectl proxy's URL (proxy mode: `server`). */
  proxyUrl?: string;
  /** kubectl's flags for the connection (to start a kubectl proxy). */
  kubectlArgs?: string[];
}

/** Why a placeholder of the step has no value with this connection, or undefined when all have one. */
function unavailable(step: TourStep, ctx: TourCurlContext): string | undefined {
  const t = step.exampleCurl ?? '';
  const viaProxy = ctx.mode === 'proxy';
  if (viaProxy && /\{(server|ca|cert|key)\}/.test(t))
    return 'kapi-tui reaches the cluster through kubectl proxy here, so it knows neither the API server address nor its CA';
  if (/\{(cert|key)\}/.test(t) && !(ctx.certFile && ctx.keyFile))
    return 'this connection has no client certificate (it authenticates otherwise), so there are no files to show';
  return undefined;
}

/** The step's example curl with the placeholders filled in (shell-quoted) from the connection, or
 *  undefined if it has none. When a placeholder has no value here (no client certificate, a proxy
 *  connection), a shell comment saying so (harmless if pasted), never a file that does not exist.
 *  `--cacert {ca}` becomes -k when TLS verification is off, and goes when no CA file is needed. */
export function tourCurl(step: TourStep, ctx: TourCurlContext): string | undefined {
  if (!step.exampleCurl) return undefined;
  const why = unavailable(step, ctx);
  if (why) return `# ${step.title}: cannot be shown (${why})`;
  const server = ctx.server.replace(/\/+$/, '');
  const proxy = (ctx.proxyUrl ?? (ctx.mode === 'proxy' ? ctx.server : DEFAULT_PROXY_URL)).replace(/\/+$/, '');
  const tls = ctx.insecure ? '-k' : ctx.caFile ? `--cacert ${shellQuote(ctx.caFile)}` : '';
  return step.exampleCurl
    .replace(/--cacert \{ca\} ?/g, tls ? `${tls} ` : '')
    .replace(/\{server\}(\S*)/g, (_, rest: string) => shellQuote(server + rest))
    .replace(/\{proxy\}(\S*)/g, (_, rest: string) => shellQuote(proxy + rest))
    .replace(/\{(cert|key)\}/g, (_, k: string) => shellQuote((k === 'cert' ? ctx.certFile : ctx.keyFile)!));
}

/** The lines to run before the step's example: for the kubectl proxy step on a connection that is
 *  not one, the `kubectl proxy` (on the port the example uses) that it needs, in the background. */
export function tourSetup(step: TourStep, ctx: TourCurlContext): string[] {
  if (!step.exampleCurl?.includes('{proxy}') || ctx.mode === 'proxy' || ctx.proxyUrl) return [];
  const port = new URL(DEFAULT_PROXY_URL).port;
  return [`${shellJoin(['kubectl', ...(ctx.kubectlArgs ?? []), 'proxy', `--port=${port}`])} &`];
}
