// A small in-memory KubeApi with realistic data: core v1 (pods with log/exec/status subresources,
// namespaces, secrets, configmaps), apps/v1 (deployments with scale/status), a CRD group, a group
// whose discovery failed, and non-resource paths. It behaves like ApiClient where the UI can tell:
// failures are the KubeErrors the client builds (httpError, with the sandbox's Status bodies and
// RBAC wording), request events carry the client's paths, Accept headers, curl and kubectl, and
// test/contract-kubeapi.test.ts runs the same cases against both. The server-side user is jane,
// who may read everything but the CronTabs and /metrics.
import { JSON_ACCEPT, TABLE_ACCEPT, anonymousConnection } from '../../src/client/api.js';
import { resourcePath } from '../../src/model/paths.js';
import { AGGREGATED_DISCOVERY_ACCEPT } from '../../src/client/discovery.js';
import { commandSetup, curlCommand, kubectlCommand } from '../../src/client/equivalents.js';
import { cancelledError, httpError } from '../../src/client/errors.js';
import type {
  Connection,
  KubeApi,
  ListOptions,
  RawResponse,
  RequestOptions,
  ResourceAttributes,
  ResourceRule,
  SubjectRules,
  UserInfo,
  WatchEventMessage,
  WatchHandle,
  WatchOptions,
} from '../../src/client/types.js';
import {
  SELF_SUBJECT_ACCESS_REVIEW_PATH,
  SELF_SUBJECT_REVIEW_PATH,
  SELF_SUBJECT_RULES_REVIEW_PATH,
} from '../../src/client/review-paths.js';
import type {
  DiscoveredGroupVersion,
  DiscoveredResource,
  Discovery,
  ListPage,
  RequestEvent,
  ResourceRef,
  TableColumn,
  TableRow,
  VersionInfo,
} from '../../src/model/types.js';
import { forbiddenMessage } from '../../src/sandbox/auth.js';
import { statusBody } from '../../src/sandbox/respond.js';

function res(
  group: string,
  version: string,
  name: string,
  kind: string,
  namespaced: boolean,
  extra: Partial<DiscoveredResource> = {},
): DiscoveredResource {
  const verbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
  const r: DiscoveredResource = {
    name,
    singularName: kind.toLowerCase(),
    kind,
    namespaced,
    verbs,
    shortNames: [],
    categories: [],
    subresources: [],
    group,
    version,
    raw: undefined,
    ...extra,
  };
  r.raw = {
    resource: name,
    responseKind: { group, version, kind },
    scope: namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singularName,
    verbs: r.verbs,
    shortNames: r.shortNames,
  };
  return r;
}

function gv(
  group: string,
  version: string,
  resources: DiscoveredResource[],
  extra: Partial<DiscoveredGroupVersion> = {},
): DiscoveredGroupVersion {
  return {
    group,
    version,
    groupVersion: group ? `${group}/${version}` : version,
    preferred: true,
    freshness: 'Current',
    resources,
    ...extra,
  };
}

export const DISCOVERY: Discovery = {
  format: 'aggregated',
  requests: 2,
  groups: [
    {
      name: '',
      preferredVersion: 'v1',
      versions: [
        gv('', 'v1', [
          res('', 'v1', 'configmaps', 'ConfigMap', true, { shortNames: ['cm'] }),
          res('', 'v1', 'namespaces', 'Namespace', false, { shortNames: ['ns'] }),
          res('', 'v1', 'pods', 'Pod', true, {
            shortNames: ['po'],
            categories: ['all'],
            subresources: [
              { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
              { name: 'log', kind: 'Pod', verbs: ['get'] },
              { name: 'status', kind: 'Pod', verbs: ['get', 'patch', 'update'] },
            ],
          }),
          res('', 'v1', 'secrets', 'Secret', true),
        ]),
      ],
    },
    {
      name: 'apps',
      preferredVersion: 'v1',
      versions: [
        gv('apps', 'v1', [
          res('apps', 'v1', 'deployments', 'Deployment', true, {
            shortNames: ['deploy'],
            subresources: [
              { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
              { name: 'status', kind: 'Deployment', verbs: ['get', 'patch', 'update'] },
            ],
          }),
        ]),
      ],
    },
    {
      name: 'autoscaling',
      preferredVersion: 'v2',
      versions: [
        gv('autoscaling', 'v2', [
          res('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, {
            shortNames: ['hpa'],
          }),
        ]),
        gv(
          'autoscaling',
          'v1',
          [
            res('autoscaling', 'v1', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, {
              shortNames: ['hpa'],
            }),
          ],
          { preferred: false },
        ),
      ],
    },
    {
      name: 'metrics.k8s.io',
      preferredVersion: 'v1beta1',
      versions: [
        gv('metrics.k8s.io', 'v1beta1', [], {
          freshness: 'Stale',
          error: '503 ServiceUnavailable: the server is currently unable to handle the request',
        }),
      ],
    },
    {
      name: 'stable.example.com',
      preferredVersion: 'v1',
      versions: [
        gv('stable.example.com', 'v1', [
          res('stable.example.com', 'v1', 'crontabs', 'CronTab', true, { shortNames: ['ct'] }),
        ]),
      ],
    },
  ],
  failures: [{ groupVersion: 'metrics.k8s.io/v1beta1', message: '503 ServiceUnavailable' }],
  rawDocuments: {
    '/apis': {
      kind: 'APIGroupDiscoveryList',
      apiVersion: 'apidiscovery.k8s.io/v2',
      items: [
        {
          metadata: { name: 'apps' },
          versions: [{ version: 'v1', resources: [{ resource: 'deployments', scope: 'Namespaced' }] }],
        },
      ],
    },
  },
};

const CREATED = '2024-01-01T00:00:00Z';
const NAME_COL: TableColumn = { name: 'Name', type: 'string', format: 'name', description: 'Name', priority: 0 };
const AGE_COL: TableColumn = { name: 'Age', type: 'string', format: '', description: 'Age', priority: 0 };
const POD_COLUMNS: TableColumn[] = [
  NAME_COL,
  { name: 'Ready', type: 'string', format: '', description: '', priority: 0 },
  { name: 'Status', type: 'string', format: '', description: '', priority: 0 },
  { name: 'Restarts', type: 'string', format: '', description: '', priority: 0 },
  AGE_COL,
  { name: 'IP', type: 'string', format: '', description: '', priority: 1 },
];
const RESOURCE_VERSION = '100';
const VERSION: VersionInfo = { major: '1', minor: '31', gitVersion: 'v1.31.0', platform: 'linux/amd64' };

export function obj(
  kind: string,
  apiVersion: string,
  namespace: string | undefined,
  name: string,
  extra: Record<string, unknown> = {},
) {
  return {
    kind,
    apiVersion,
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      uid: `uid-${name}`,
      creationTimestamp: CREATED,
      managedFields: [{ manager: 'kubectl', operation: 'Update' }],
    },
    ...extra,
  };
}

type FakeObject = ReturnType<typeof obj>;

export function makeObjects(pods = 3) {
  const store: Record<string, FakeObject[]> = {
    'v1/namespaces': ['default', 'kube-system', 'team-a'].map((n) => obj('Namespace', 'v1', undefined, n)),
    'v1/pods': [
      ...Array.from({ length: pods }, (_, i) =>
        obj('Pod', 'v1', 'default', `web-${i}`, {
          spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
          status: { phase: 'Running' },
        }),
      ),
      obj('Pod', 'v1', 'kube-system', 'coredns-1', { status: { phase: 'Running' } }),
    ],
    'v1/secrets': [
      obj('Secret', 'v1', 'default', 'db-creds', {
        type: 'Opaque',
        data: { password: 'aHVudGVyMg==', user: 'YWRtaW4=' },
      }),
    ],
    'v1/configmaps': [obj('ConfigMap', 'v1', 'default', 'settings', { data: { mode: 'fast' } })],
    'apps/v1/deployments': [obj('Deployment', 'apps/v1', 'default', 'web', { spec: { replicas: 3 } })],
  };
  return store;
}

const CONNECTION: Connection = {
  mode: 'demo',
  server: 'https://127.0.0.1:6443',
  context: 'kapi-sandbox',
  user: 'admin',
  namespace: 'default',
  insecure: false,
  caFile: '/tmp/ca.crt',
  kubectlArgs: ['--kubeconfig', '/tmp/kubeconfig'],
};

/** Who the fake's server says the user is, and what RBAC lets her do (read all but CronTabs). */
export const FAKE_USER: UserInfo = { username: 'jane', groups: ['dev', 'system:authenticated'] };
const FAKE_RULES: SubjectRules = {
  resourceRules: [{ verbs: ['get', 'list', 'watch'], apiGroups: ['', 'apps', 'autoscaling'], resources: ['*'] }],
  nonResourceRules: [
    {
      verbs: ['get'],
      nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/readyz', '/version'],
    },
  ],
  incomplete: false,
};

function allows(rule: ResourceRule, a: ResourceAttributes): boolean {
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  return (
    rule.verbs.includes(a.verb) &&
    !!rule.apiGroups?.includes(a.group) &&
    !!rule.resources?.some((r) => r === '*' || r === resource)
  );
}

/** The pod log the fake serves for every pod (its last line has the pod's name). */
export function fakePodLog(name: string): string {
  return `starting\nlistening on :8080\n${name} ready\n`;
}

export interface FakeOptions {
  pods?: number;
  /** Page size the fake uses regardless of the caller's limit (to exercise continue tokens). */
  pageSize?: number;
  failDiscovery?: Error;
  insecure?: boolean;
  warnings?: string[];
  /** Delay before answering list calls, ms. */
  listDelayMs?: number;
  /** Delay before answering get/getRaw calls, ms (aborted by the caller's signal). */
  getDelayMs?: number;
  /** Handed to discover's onCached before the (optionally delayed) fresh answer. */
  cachedDiscovery?: Discovery;
  discoverDelayMs?: number;
  /** Watch events carry the object even when a Table was asked for, like a server (an aggregated
   *  API) that cannot convert to Table. */
  plainWatchEvents?: boolean;
}

interface FakeWatch {
  key: string;
  namespace?: string;
  table: boolean;
  onEvent: (ev: WatchEventMessage) => void;
  end: () => void;
}

/** Resolves after `ms`, or rejects like the client (a 'cancelled' KubeError) when `signal` aborts
 *  (at once when it already has). */
function delay(ms: number | undefined, signal: AbortSignal | undefined, path: string): Promise<void> {
  const cancelled = () => cancelledError({ method: 'GET', path });
  if (signal?.aborted) return Promise.reject(cancelled());
  if (!ms) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(cancelled());
    });
  });
}

/** A response before it is sent (the request id comes with its event). */
type Unsent = Omit<RawResponse, 'requestId'>;

function json(status: number, body: unknown, pretty = false): Unsent {
  const text = pretty ? `${JSON.stringify(body, null, 2)}\n` : `${JSON.stringify(body)}\n`;
  const contentType = 'application/json';
  return {
    status,
    headers: { 'content-type': contentType },
    contentType,
    body: text,
    bytes: Buffer.byteLength(text),
    durationMs: 2,
    json: body,
  };
}

function text(body: string): Unsent {
  const contentType = 'text/plain; charset=utf-8';
  return {
    status: 200,
    headers: { 'content-type': contentType },
    contentType,
    body,
    bytes: Buffer.byteLength(body),
    durationMs: 2,
  };
}

/** What the fake's "server" answers: a response, or an HTTP error status with its body. */
type Answer = Unsent | { status: number; contentType: string; body: string };

function statusAnswer(code: number, reason: string, message: string, details?: object): Answer {
  return {
    status: code,
    contentType: 'application/json',
    body: `${JSON.stringify(statusBody(code, reason, message, details))}\n`,
  };
}

const ANONYMOUS: UserInfo = { username: 'system:anonymous', groups: ['system:unauthenticated'] };
const PUBLIC_PATHS = new Set(['/version', '/healthz', '/livez', '/readyz']);

/** Legacy discovery (Accept: application/json) built from DISCOVERY: APIVersions, APIGroupList,
 *  APIResourceList. */
function legacyDiscovery(path: string): object | undefined {
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] };
  const named = DISCOVERY.groups.filter((g) => g.name !== '');
  if (path === '/apis') {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: named.map((g) => ({
        name: g.name,
        versions: g.versions.map((v) => ({ groupVersion: v.groupVersion, version: v.version })),
        preferredVersion: { groupVersion: `${g.name}/${g.preferredVersion}`, version: g.preferredVersion },
      })),
    };
  }
  for (const g of DISCOVERY.groups) {
    for (const v of g.versions) {
      if (path !== (g.name ? `/apis/${v.groupVersion}` : `/api/${v.version}`)) continue;
      return {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: v.groupVersion,
        resources: v.resources.map((r) => ({
          name: r.name,
          singularName: r.singularName,
          namespaced: r.namespaced,
          kind: r.kind,
          verbs: r.verbs,
          ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
        })),
      };
    }
  }
  return undefined;
}

const PAGE_NOT_FOUND: Answer = { status: 404, contentType: 'text/plain; charset=utf-8', body: '404 page not found\n' };

export class FakeApi implements KubeApi {
  readonly connection: Connection;
  readonly calls: string[] = [];
  private listeners = new Set<(ev: RequestEvent) => void>();
  private store: ReturnType<typeof makeObjects>;
  private nextId = 1;
  /** Open watches (stopped ones are removed). */
  readonly watches: FakeWatch[] = [];

  constructor(private opts: FakeOptions = {}) {
    this.connection = { ...CONNECTION, insecure: opts.insecure ?? false, warnings: opts.warnings };
    this.store = makeObjects(opts.pods ?? 3);
  }

  onRequest(listener: (ev: RequestEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** One request as ApiClient makes it: its event, then the response, or the KubeError the client
   *  builds from an error status. */
  private answer(
    method: 'GET' | 'POST',
    path: string,
    accept: string,
    answer: Answer,
    opts: { namespaced?: boolean; body?: unknown; anonymous?: boolean } = {},
  ): RawResponse {
    const ev = this.event(
      method,
      path,
      accept,
      {
        status: answer.status,
        bytes: Buffer.byteLength(answer.body),
        contentType: answer.contentType,
        responseHeaders: { 'content-type': answer.contentType },
      },
      opts,
    );
    if (answer.status >= 400) {
      const err = httpError(answer.status, { 'content-type': answer.contentType }, answer.body, {
        method,
        path,
        server: this.connection.server,
        proxy: false,
      });
      ev.error = err.message;
      err.requestId = ev.id;
      this.emit(ev);
      throw err;
    }
    this.emit(ev);
    return { ...answer, requestId: ev.id } as RawResponse;
  }

  private event(
    method: 'GET' | 'POST',
    path: string,
    accept: string,
    outcome: Partial<RequestEvent>,
    opts: { namespaced?: boolean; body?: unknown; anonymous?: boolean } = {},
  ): RequestEvent {
    const req = { method, path, accept, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) };
    const conn = opts.anonymous ? anonymousConnection(this.connection) : this.connection;
    return {
      id: this.nextId++,
      method,
      path,
      accept,
      durationMs: 2,
      bytes: 0,
      startedAt: Date.now(),
      curl: curlCommand(conn, req),
      kubectl: kubectlCommand(conn, req, { namespaced: opts.namespaced }),
      setup: commandSetup(conn),
      ...outcome,
    };
  }

  /** Waits like a slow server; a cancelled wait is a failed request, with its event. */
  private async pause(
    ms: number | undefined,
    signal: AbortSignal | undefined,
    path: string,
    accept: string,
  ): Promise<void> {
    try {
      await delay(ms, signal, path);
    } catch (e) {
      this.emit(this.event('GET', path, accept, { error: (e as Error).message }));
      throw e;
    }
  }

  private emit(ev: RequestEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(ev);
      } catch {
        /* as in the client: a listener's bug must not break the request */
      }
    }
  }

  async discover(opts: { signal?: AbortSignal; onCached?: (cached: Discovery) => void } = {}): Promise<Discovery> {
    this.calls.push('discover');
    if (this.opts.cachedDiscovery) opts.onCached?.({ ...this.opts.cachedDiscovery, fromCache: true });
    await this.pause(this.opts.discoverDelayMs, opts.signal, '/api', AGGREGATED_DISCOVERY_ACCEPT);
    if (this.opts.failDiscovery) {
      this.emit(this.event('GET', '/api', AGGREGATED_DISCOVERY_ACCEPT, { error: this.opts.failDiscovery.message }));
      throw this.opts.failDiscovery;
    }
    const api = this.answer('GET', '/api', AGGREGATED_DISCOVERY_ACCEPT, json(200, { kind: 'APIGroupDiscoveryList' }));
    const apis = this.answer('GET', '/apis', AGGREGATED_DISCOVERY_ACCEPT, json(200, DISCOVERY.rawDocuments['/apis']));
    return { ...DISCOVERY, requestIds: { '/api': api.requestId, '/apis': apis.requestId } };
  }

  async version(): Promise<VersionInfo> {
    this.calls.push('version');
    return this.answer('GET', '/version', JSON_ACCEPT, json(200, VERSION, true)).json as VersionInfo;
  }

  private key(ref: ResourceRef) {
    return ref.group ? `${ref.group}/${ref.version}/${ref.resource}` : `${ref.version}/${ref.resource}`;
  }

  private objects(ref: ResourceRef, namespace: string | undefined): FakeObject[] {
    return (this.store[this.key(ref)] ?? []).filter((o) => !namespace || o.metadata.namespace === namespace);
  }

  /** The server's refusal when jane may not `verb` the resource, else undefined. */
  private forbidden(ref: ResourceRef, verb: string, namespace: string | undefined, name?: string): Answer | undefined {
    const attributes: ResourceAttributes = { verb, group: ref.group, version: ref.version, resource: ref.resource };
    if (FAKE_RULES.resourceRules.some((r) => allows(r, attributes))) return undefined;
    const message = forbiddenMessage(FAKE_USER, {
      resourceRequest: true,
      verb,
      group: ref.group,
      resource: ref.resource,
      namespace: ref.namespaced ? namespace : undefined,
      name,
    });
    return statusAnswer(403, 'Forbidden', message, { ...(name ? { name } : {}), group: ref.group, kind: ref.resource });
  }

  private tableRow(ref: ResourceRef, o: FakeObject): TableRow {
    return {
      cells:
        ref.resource === 'pods' ? [o.metadata.name, '1/1', 'Running', '0', '5d', '10.0.0.1'] : [o.metadata.name, '5d'],
      object: {
        metadata: {
          name: o.metadata.name,
          namespace: o.metadata.namespace,
          uid: o.metadata.uid,
          creationTimestamp: o.metadata.creationTimestamp,
        },
      },
    };
  }

  private columns(ref: ResourceRef): TableColumn[] {
    return ref.resource === 'pods' ? POD_COLUMNS : [NAME_COL, AGE_COL];
  }

  async list(ref: ResourceRef, opts: ListOptions = {}): Promise<ListPage> {
    this.calls.push(`list ${this.key(ref)} ns=${opts.namespace ?? ''} continue=${opts.continueToken ?? ''}`);
    const table = opts.table ?? true;
    const q = new URLSearchParams({ limit: String(opts.limit ?? 500) });
    if (opts.continueToken) q.set('continue', opts.continueToken);
    const path = `${resourcePath(ref, opts.namespace)}?${q}`;
    const accept = table ? TABLE_ACCEPT : JSON_ACCEPT;
    await this.pause(this.opts.listDelayMs, opts.signal, path, accept);
    const refused = this.forbidden(ref, 'list', opts.namespace);
    if (refused) this.answer('GET', path, accept, refused, { namespaced: ref.namespaced });
    const all = this.objects(ref, opts.namespace);
    const size = this.opts.pageSize ?? opts.limit ?? 500;
    const start = opts.continueToken ? Number(opts.continueToken) : 0;
    const items = all.slice(start, start + size);
    const next = start + size < all.length ? String(start + size) : undefined;
    const metadata = {
      resourceVersion: RESOURCE_VERSION,
      ...(next ? { continue: next, remainingItemCount: all.length - start - size } : {}),
    };
    const doc = table
      ? {
          kind: 'Table',
          apiVersion: 'meta.k8s.io/v1',
          metadata,
          columnDefinitions: this.columns(ref),
          rows: items.map((o) => this.tableRow(ref, o)),
        }
      : {
          kind: `${items[0]?.kind ?? 'Object'}List`,
          apiVersion: ref.group ? `${ref.group}/${ref.version}` : ref.version,
          metadata,
          items,
        };
    const r = this.answer('GET', path, accept, json(200, doc), { namespaced: ref.namespaced });
    // As the client: the token as soon as the body is there, before the page is handed over.
    if (next) opts.onContinue?.(next);
    return {
      format: table ? 'table' : 'objects',
      columns: table ? this.columns(ref) : [],
      rows: table ? (doc.rows as TableRow[]) : [],
      items: table ? [] : items,
      resourceVersion: RESOURCE_VERSION,
      continueToken: next,
      remainingItemCount: next ? all.length - start - size : undefined,
      bytes: r.bytes,
      requestId: r.requestId,
    };
  }

  async get(
    ref: ResourceRef,
    namespace: string | undefined,
    name: string,
    opts: RequestOptions = {},
  ): Promise<RawResponse> {
    this.calls.push(`get ${this.key(ref)} ${namespace ?? ''}/${name}`);
    const path = resourcePath(ref, namespace, name);
    const accept = opts.accept ?? JSON_ACCEPT;
    await this.pause(this.opts.getDelayMs, opts.signal, path, accept);
    const o = this.objects(ref, namespace).find((x) => x.metadata.name === name);
    const missing = statusAnswer(404, 'NotFound', `${ref.resource} "${name}" not found`, { name, kind: ref.resource });
    return this.answer(
      'GET',
      path,
      accept,
      this.forbidden(ref, 'get', namespace, name) ?? (o ? json(200, o) : missing),
      { namespaced: ref.namespaced },
    );
  }

  async getRaw(path: string, opts: RequestOptions = {}): Promise<RawResponse> {
    this.calls.push(`getRaw ${path}`);
    const accept = opts.accept ?? JSON_ACCEPT;
    await this.pause(this.opts.getDelayMs, opts.signal, path, accept);
    // Without credentials the server's default RBAC lets system:anonymous read only these.
    if (opts.anonymous && !PUBLIC_PATHS.has(path)) {
      const message = forbiddenMessage(ANONYMOUS, { resourceRequest: false, verb: 'get', path });
      return this.answer('GET', path, accept, statusAnswer(403, 'Forbidden', message, {}), { anonymous: true });
    }
    return this.answer('GET', path, accept, this.rawAnswer(path), { anonymous: opts.anonymous });
  }

  private rawAnswer(path: string): Answer {
    const log = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/?]+)\/log(\?|$)/.exec(path);
    if (log) {
      const pod = this.objects({ group: '', version: 'v1', resource: 'pods', namespaced: true }, log[1]).find(
        (o) => o.metadata.name === log[2],
      );
      return pod
        ? text(fakePodLog(log[2]!))
        : statusAnswer(404, 'NotFound', `pods "${log[2]}" not found`, { name: log[2], kind: 'pods' });
    }
    if (path === '/metrics') {
      return statusAnswer(
        403,
        'Forbidden',
        forbiddenMessage(FAKE_USER, { resourceRequest: false, verb: 'get', path }),
        {},
      );
    }
    if (path === '/healthz' || path === '/livez' || path === '/readyz') return text('ok');
    if (path === '/version') return json(200, VERSION, true);
    if (path === '/') return json(200, { paths: ['/api', '/api/v1', '/apis', '/healthz', '/version'] }, true);
    const legacy = legacyDiscovery(path);
    return legacy ? json(200, legacy) : PAGE_NOT_FOUND;
  }

  watch(ref: ResourceRef, opts: WatchOptions, onEvent: (ev: WatchEventMessage) => void): WatchHandle {
    const key = this.key(ref);
    this.calls.push(`watch ${key} ns=${opts.namespace ?? ''} rv=${opts.resourceVersion ?? ''}`);
    const q = new URLSearchParams({ watch: '1' });
    if (opts.resourceVersion) q.set('resourceVersion', opts.resourceVersion);
    if (opts.allowWatchBookmarks) q.set('allowWatchBookmarks', 'true');
    const path = `${resourcePath(ref, opts.namespace)}?${q}`;
    const table = !!opts.table && !this.opts.plainWatchEvents;
    const refused = this.forbidden(ref, 'watch', opts.namespace);
    if (refused) {
      const failed = Promise.resolve().then(() => {
        this.answer('GET', path, opts.table ? TABLE_ACCEPT : JSON_ACCEPT, refused);
      });
      failed.catch(() => {});
      return { stop: () => {}, done: failed };
    }
    const { requestId } = this.answer(
      'GET',
      path,
      opts.table ? TABLE_ACCEPT : JSON_ACCEPT,
      { ...json(200, {}), body: '' },
      { namespaced: ref.namespaced },
    );
    let end!: () => void;
    const done = new Promise<void>((resolve) => {
      end = resolve;
    });
    const w: FakeWatch = {
      key,
      namespace: opts.namespace,
      table,
      onEvent: (ev) => onEvent(this.watchEvent(ref, w, ev)),
      end,
    };
    this.watches.push(w);
    // Without a resourceVersion a watch starts with what exists, as kube-apiserver's does.
    if (!opts.resourceVersion) {
      const existing = this.objects(ref, opts.namespace);
      void Promise.resolve().then(() => {
        for (const o of existing) if (this.watches.includes(w)) w.onEvent({ type: 'ADDED', object: o });
      });
    }
    // The server accepted the watch (its headers are in), as the client reports it.
    queueMicrotask(() => opts.onOpen?.());
    const stop = () => {
      const i = this.watches.indexOf(w);
      if (i >= 0) this.watches.splice(i, 1);
      end();
    };
    return { stop, done, requestId };
  }

  /** What the event carries on the wire: a one-row Table when one was asked for (column definitions
   *  only in the first), as the sandbox and kube-apiserver send them. */
  private watchEvent(ref: ResourceRef, w: FakeWatch & { sent?: boolean }, ev: WatchEventMessage): WatchEventMessage {
    // ERROR (a Status) and BOOKMARK events are sent as they are, Table or not, as kube-apiserver
    // does; a test that plays the server sends the wire's Table itself.
    const asIs =
      ev.type === 'ERROR' || ev.type === 'BOOKMARK' || (ev.object as { kind?: string } | undefined)?.kind === 'Table';
    if (!w.table || asIs) return ev;
    const object = {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: RESOURCE_VERSION },
      columnDefinitions: w.sent ? [] : this.columns(ref),
      rows: [this.tableRow(ref, ev.object as FakeObject)],
    };
    w.sent = true;
    return { type: ev.type, object };
  }

  /** A followed pod log: its lines so far in one chunk, then nothing until stopped. Other paths
   *  fail like the client (the error status rejects `done`). */
  streamText(
    path: string,
    opts: { accept?: string; signal?: AbortSignal },
    onChunk: (text: string) => void,
  ): WatchHandle {
    this.calls.push(`stream ${path}`);
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const handle: { stop: () => void; done: Promise<void>; requestId?: number } = { stop: () => stop(), done: stopped };
    handle.done = Promise.resolve().then(() => {
      const r = this.answer('GET', path, opts.accept ?? '*/*', this.rawAnswer(path));
      handle.requestId = r.requestId;
      if (r.body) onChunk(r.body);
      return stopped;
    });
    handle.done.catch(() => {});
    if (opts.signal?.aborted) stop();
    opts.signal?.addEventListener('abort', () => stop(), { once: true });
    return handle;
  }

  async selfSubjectReview(): Promise<UserInfo> {
    const body = { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' };
    this.answer(
      'POST',
      SELF_SUBJECT_REVIEW_PATH,
      JSON_ACCEPT,
      json(201, { ...body, status: { userInfo: FAKE_USER } }),
      { body },
    );
    return { ...FAKE_USER, groups: [...FAKE_USER.groups] };
  }

  async selfSubjectRulesReview(namespace: string): Promise<SubjectRules> {
    const body = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace } };
    const r = this.answer(
      'POST',
      SELF_SUBJECT_RULES_REVIEW_PATH,
      JSON_ACCEPT,
      json(201, { ...body, status: FAKE_RULES }),
      { body },
    );
    return { ...structuredClone(FAKE_RULES), requestId: r.requestId };
  }

  async selfSubjectAccessReview(attributes: ResourceAttributes): Promise<boolean> {
    const allowed = FAKE_RULES.resourceRules.some((r) => allows(r, attributes));
    const body = {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: attributes },
    };
    this.answer('POST', SELF_SUBJECT_ACCESS_REVIEW_PATH, JSON_ACCEPT, json(201, { ...body, status: { allowed } }), {
      body,
    });
    return allowed;
  }

  /** Change the store the way a controller would, and tell the open watches. */
  change(type: 'ADDED' | 'MODIFIED' | 'DELETED', storeKey: string, object: FakeObject): void {
    const items = (this.store[storeKey] ??= []);
    const at = items.findIndex(
      (o) => o.metadata.name === object.metadata.name && o.metadata.namespace === object.metadata.namespace,
    );
    if (type === 'DELETED') {
      if (at >= 0) items.splice(at, 1);
    } else if (at >= 0) items[at] = object;
    else items.push(object);
    for (const w of this.watches) {
      if (w.key === storeKey && (!w.namespace || w.namespace === object.metadata.namespace))
        w.onEvent({ type, object });
    }
  }
}
