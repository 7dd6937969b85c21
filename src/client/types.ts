// The client's public surface. The UI and CLI depend on these interfaces, not on the classes,
// so that components can be tested against the sandbox or a stub alike.
import type { Discovery, ListPage, RawResponse, RequestEvent, ResourceRef, VersionInfo } from '../model/types.js';

export type { RawResponse };

export type ConnectionMode = 'kubeconfig' | 'certificates' | 'proxy' | 'demo';

export interface ConnectOptions {
  /** kubeconfig mode: file path (else KUBECONFIG, else ~/.kube/config). */
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  /** certificates mode (curl-style). */
  server?: string;
  cert?: string;
  key?: string;
  cacert?: string;
  token?: string;
  /** proxy mode: URL of a running `kubectl proxy` (true = http://127.0.0.1:8001). */
  proxy?: string | true;
  insecureSkipTlsVerify?: boolean;
  /** kubectl's --user and --cluster: another kubeconfig entry than the context names. */
  user?: string;
  cluster?: string;
  /** kubectl's --as and --as-group (impersonation), over the kubeconfig user's `as` / `as-groups`. */
  as?: string;
  asGroups?: string[];
  /** Label the connection as the embedded demo sandbox (connects through `kubeconfig`). */
  demo?: boolean;
  /** Per-request timeout; watches are exempt. Default 15 s. */
  timeoutMs?: number;
}

export interface Connection {
  mode: ConnectionMode;
  /** API server base URL (for proxy mode, the proxy's URL). */
  server: string;
  /** kubeconfig context name, when there is one. */
  context?: string;
  /** User as configured (kubeconfig user name, cert CN, or undefined for proxy/anonymous). */
  user?: string;
  /** Namespace to start in ('default' unless configured). */
  namespace: string;
  /** TLS verification disabled by explicit request. */
  insecure: boolean;
  /** Things the user must know about this connection (TLS off, plain HTTP over the network,
   *  an expired client certificate), found without sending anything. */
  warnings?: string[];
  /** The files that authenticate like this connection, as a user can pass them to curl (paths as
   *  the user can type them; inline kubeconfig data has none). The curl equivalents are built from
   *  these (curlAuthArgs); secrets never appear. */
  caFile?: string;
  certFile?: string;
  keyFile?: string;
  /** Requests carry a bearer token (a token, an exec plugin or an auth provider): curl gets "$TOKEN". */
  bearerToken?: boolean;
  /** Where that token comes from, so that a shown command can set TOKEN (commandSetup); never the token. */
  tokenSource?: TokenSource;
  /** No credentials at all: requests are system:anonymous's. */
  anonymous?: boolean;
  /** kubectl flags selecting the same cluster/user, e.g. ['--kubeconfig', '/tmp/sb/kubeconfig']. */
  kubectlArgs: string[];
  /** Every request acts as this user (Impersonate-User and Impersonate-Group headers). */
  impersonate?: { user: string; groups: string[] };
}

/** Where a connection's bearer token comes from, as a shell can fetch it again. */
export type TokenSource =
  /** A kubeconfig user's `token` (or an auth provider's token), read with `kubectl config view --raw`;
   *  `kubeconfigArgs` selects the same file(s). */
  | { kind: 'kubeconfig'; user: string; jsonpath: string; kubeconfigArgs: string[] }
  /** A tokenFile (kubeconfig `tokenFile`, a pod's service account token). */
  | { kind: 'file'; path: string }
  /** An exec credential plugin: its command, arguments and environment (secret-looking values left out). */
  | { kind: 'exec'; command: string; args: string[]; env: { name: string; value: string }[] }
  /** --token on the command line: only the user has it. */
  | { kind: 'flag' }
  /** Something a shell cannot reproduce (an auth provider without a stored token). */
  | { kind: 'unknown'; what: string };

export interface RequestOptions {
  accept?: string;
  signal?: AbortSignal;
  /** getRaw only: send no credentials (no client certificate, token or impersonation; the server's
   *  CA still verifies it), so the server answers as to system:anonymous — the tour shows its 403.
   *  Through a kubectl proxy the proxy adds its own credentials, so it cannot be anonymous. */
  anonymous?: boolean;
}

export interface ListOptions {
  namespace?: string;
  /** Ask for the meta.k8s.io Table format (default true). */
  table?: boolean;
  /** Page size (default 500). */
  limit?: number;
  continueToken?: string;
  /** Server-side filter by labels (`labelSelector=`, kubectl's -l). */
  labelSelector?: string;
  /** Server-side filter by fields (`fieldSelector=`, kubectl's --field-selector), e.g. an
   *  object's Events: involvedObject.uid=… */
  fieldSelector?: string;
  signal?: AbortSignal;
  /** Called with the page's continue token as soon as the body has arrived, before it is parsed
   *  (read from its beginning: kube-apiserver writes a list's metadata first), so that the next
   *  page can be asked for while this one is parsed. Not called when the token cannot be read so
   *  early; the page's continueToken is the one that counts. */
  onContinue?: (token: string) => void;
}

export interface WatchOptions {
  namespace?: string;
  /** Stream changes after this one (unset: the existing objects first, as ADDED). */
  resourceVersion?: string;
  table?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  /** `allowWatchBookmarks=true`: the server may send BOOKMARK events (only a newer resourceVersion). */
  allowWatchBookmarks?: boolean;
  onOpen?: () => void;
}

export interface WatchHandle {
  stop(): void;
  /** Settles when the stream ends (stopped, closed by the server, or failed). */
  done: Promise<void>;
  /** The id of its request event, once there is one (the headers arrived or the request failed). */
  readonly requestId?: number;
}

/** A streamed text GET (a followed pod log): stop() closes its connection. */
export type StreamHandle = WatchHandle;

export interface WatchEventMessage {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: any;
}

/** The user as the server authenticated it (SelfSubjectReview status.userInfo). */
export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}

/** One RBAC resource rule of a SelfSubjectRulesReview. */
export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

/** A SelfSubjectRulesReview's status: what the user may do in one namespace. */
export interface SubjectRules {
  resourceRules: ResourceRule[];
  nonResourceRules: { verbs: string[]; nonResourceURLs?: string[] }[];
  /** True when an authorizer other than RBAC is involved: the rules may not be all there is. */
  incomplete: boolean;
  evaluationError?: string;
  /** The id of the review's request event (RequestEvent.id). */
  requestId?: number;
}

/** What a SelfSubjectAccessReview asks about (`kubectl auth can-i VERB RESOURCE [-n NS]`). */
export interface ResourceAttributes {
  verb: string;
  group: string;
  version: string;
  resource: string;
  subresource?: string;
  namespace?: string;
}

/** What the UI needs from a client; ApiClient implements it. */
export interface KubeApi {
  readonly connection: Connection;
  getRaw(path: string, opts?: RequestOptions): Promise<RawResponse>;
  /** Discovers the API. With `onCached`, a cached discovery (if any) is handed over first, before the
   *  network answers; with `onPartial`, legacy discovery's groups as they arrive (marked partial); the
   *  promise still resolves with the complete, fresh one. */
  discover(opts?: {
    signal?: AbortSignal;
    onCached?: (cached: Discovery) => void;
    onPartial?: (partial: Discovery) => void;
  }): Promise<Discovery>;
  version(opts?: { signal?: AbortSignal }): Promise<VersionInfo>;
  list(ref: ResourceRef, opts?: ListOptions): Promise<ListPage>;
  get(ref: ResourceRef, namespace: string | undefined, name: string, opts?: RequestOptions): Promise<RawResponse>;
  /** With `table`, events carry one-row meta.k8s.io Tables (as `kubectl get -w` asks for);
   *  `onOpen`: called once the server accepted the watch (its headers arrived). */
  watch(ref: ResourceRef, opts: WatchOptions, onEvent: (ev: WatchEventMessage) => void): WatchHandle;
  onRequest(listener: (ev: RequestEvent) => void): () => void;
  /** A text body as it arrives (`GET …/log?follow=true`); `onChunk` gets decoded UTF-8 text;
   *  aborting `signal` is stop(). */
  streamText(
    path: string,
    opts: { accept?: string; signal?: AbortSignal },
    onChunk: (text: string) => void,
  ): StreamHandle;
  // The self-review POSTs, the only requests that are not GETs (`kubectl auth whoami` and
  // `kubectl auth can-i`). They create nothing; a 403 or 404 is thrown as a KubeError.
  /** POST selfsubjectreviews (Kubernetes 1.28+): who the server thinks we are. */
  selfSubjectReview(opts?: { signal?: AbortSignal }): Promise<UserInfo>;
  /** POST selfsubjectrulesreviews: the user's rules in `namespace` (`kubectl auth can-i --list`). */
  selfSubjectRulesReview(namespace: string, opts?: { signal?: AbortSignal }): Promise<SubjectRules>;
  /** POST selfsubjectaccessreviews: whether one verb on one resource is allowed. */
  selfSubjectAccessReview(attributes: ResourceAttributes, opts?: { signal?: AbortSignal }): Promise<boolean>;
}
