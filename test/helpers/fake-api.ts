// A small in-memory KubeApi with realistic data: core v1 (pods with log/exec/status subresources,
// namespaces, secrets, configmaps), apps/v1 (deployments with scale/status), a CRD group, a group
// whose discovery failed, and non-resource paths (one of them answers 403).
import type { Connection, KubeApi, ListOptions, RawResponse, RequestOptions, WatchEventMessage, WatchHandle } from '../../src/client/types.js';
import type { DiscoveredGroupVersion, DiscoveredResource, Discovery, ListPage, RequestEvent, ResourceRef, TableColumn, VersionInfo } from '../../src/model/types.js';

export class FakeKubeError extends Error {
  kind = 'http';
  constructor(public status: number, public reason: string, public serverMessage: string, public hint?: string) {
    super(`${status} ${reason}: ${serverMessage}`);
  }
}

function res(group: string, version: string, name: string, kind: string, namespaced: boolean, extra: Partial<DiscoveredResource> = {}): DiscoveredResource {
  const verbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
  const r: DiscoveredResource = {
    name, singularName: kind.toLowerCase(), kind, namespaced, verbs, shortNames: [], categories: [], subresources: [], group, version, raw: undefined, ...extra,
  };
  r.raw = { resource: name, responseKind: { group, version, kind }, scope: namespaced ? 'Namespaced' : 'Cluster', singularResource: r.singularName, verbs: r.verbs, shortNames: r.shortNames };
  return r;
}

function gv(group: string, version: string, resources: DiscoveredResource[], extra: Partial<DiscoveredGroupVersion> = {}): DiscoveredGroupVersion {
  return { group, version, groupVersion: group ? `${group}/${version}` : version, preferred: true, freshness: 'Current', resources, ...extra };
}

export const DISCOVERY: Discovery = {
  format: 'aggregated',
  requests: 2,
  groups: [
    { name: '', preferredVersion: 'v1', versions: [gv('', 'v1', [
      res('', 'v1', 'configmaps', 'ConfigMap', true, { shortNames: ['cm'] }),
      res('', 'v1', 'namespaces', 'Namespace', false, { shortNames: ['ns'] }),
      res('', 'v1', 'pods', 'Pod', true, { shortNames: ['po'], categories: ['all'], subresources: [
        { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
        { name: 'log', kind: 'Pod', verbs: ['get'] },
        { name: 'status', kind: 'Pod', verbs: ['get', 'patch', 'update'] },
      ] }),
      res('', 'v1', 'secrets', 'Secret', true),
    ])] },
    { name: 'apps', preferredVersion: 'v1', versions: [gv('apps', 'v1', [
      res('apps', 'v1', 'deployments', 'Deployment', true, { shortNames: ['deploy'], subresources: [
        { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
        { name: 'status', kind: 'Deployment', verbs: ['get', 'patch', 'update'] },
      ] }),
    ])] },
    { name: 'autoscaling', preferredVersion: 'v2', versions: [
      gv('autoscaling', 'v2', [res('autoscaling', 'v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, { shortNames: ['hpa'] })]),
      gv('autoscaling', 'v1', [res('autoscaling', 'v1', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, { shortNames: ['hpa'] })], { preferred: false }),
    ] },
    { name: 'metrics.k8s.io', preferredVersion: 'v1beta1', versions: [gv('metrics.k8s.io', 'v1beta1', [], { freshness: 'Stale', error: '503 ServiceUnavailable: the server is currently unable to handle the request' })] },
    { name: 'stable.example.com', preferredVersion: 'v1', versions: [gv('stable.example.com', 'v1', [res('stable.example.com', 'v1', 'crontabs', 'CronTab', true, { shortNames: ['ct'] })])] },
  ],
  failures: [{ groupVersion: 'metrics.k8s.io/v1beta1', message: '503 ServiceUnavailable' }],
  rawDocuments: {
    '/apis': {
      kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2',
      items: [{ metadata: { name: 'apps' }, versions: [{ version: 'v1', resources: [{ resource: 'deployments', scope: 'Namespaced' }] }] }],
    },
  },
};

const CREATED = '2024-01-01T00:00:00Z';
const NAME_COL: TableColumn = { name: 'Name', type: 'string', format: 'name', description: 'Name', priority: 0 };
const AGE_COL: TableColumn = { name: 'Age', type: 'string', format: '', description: 'Age', priority: 0 };

export function obj(kind: string, apiVersion: string, namespace: string | undefined, name: string, extra: Record<string, unknown> = {}) {
  return {
    kind, apiVersion,
    metadata: { name, ...(namespace ? { namespace } : {}), uid: `uid-${name}`, creationTimestamp: CREATED,
      managedFields: [{ manager: 'kubectl', operation: 'Update' }] },
    ...extra,
  };
}

export function makeObjects(pods = 3) {
  const store: Record<string, ReturnType<typeof obj>[]> = {
    'v1/namespaces': ['default', 'kube-system', 'team-a'].map((n) => obj('Namespace', 'v1', undefined, n)),
    'v1/pods': [
      ...Array.from({ length: pods }, (_, i) => obj('Pod', 'v1', 'default', `web-${i}`, { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] }, status: { phase: 'Running' } })),
      obj('Pod', 'v1', 'kube-system', 'coredns-1', { status: { phase: 'Running' } }),
    ],
    'v1/secrets': [obj('Secret', 'v1', 'default', 'db-creds', { type: 'Opaque', data: { password: 'aHVudGVyMg==', user: 'YWRtaW4=' } })],
    'v1/configmaps': [obj('ConfigMap', 'v1', 'default', 'settings', { data: { mode: 'fast' } })],
    'apps/v1/deployments': [obj('Deployment', 'apps/v1', 'default', 'web', { spec: { replicas: 3 } })],
  };
  return store;
}

const CONNECTION: Connection = {
  mode: 'demo', server: 'https://127.0.0.1:6443', context: 'kapi-sandbox', user: 'admin', namespace: 'default',
  insecure: false, caFile: '/tmp/ca.crt', kubectlArgs: ['--kubeconfig', '/tmp/kubeconfig'],
};

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
}

interface FakeWatch { key: string; namespace?: string; onEvent: (ev: WatchEventMessage) => void; end: () => void }

/** Resolves after `ms`, or rejects like the client (a 'cancelled' error) when `signal` aborts. */
function delay(ms: number | undefined, signal?: AbortSignal): Promise<void> {
  if (!ms) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); reject(Object.assign(new Error('request cancelled'), { kind: 'cancelled' })); });
  });
}

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

  /** Returns the event's id (the client hands it back with the response). */
  private emit(path: string, status: number, bytes: number, error?: string): number {
    const ev: RequestEvent = {
      id: this.nextId++, method: 'GET', path, accept: 'application/json', status, durationMs: 12, bytes, error,
      curl: `curl --cacert /tmp/ca.crt 'https://127.0.0.1:6443${path}'`, kubectl: `kubectl get --raw '${path}'`, startedAt: Date.now(),
    };
    for (const l of this.listeners) l(ev);
    return ev.id;
  }

  onRequest(listener: (ev: RequestEvent) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  async discover(opts: { signal?: AbortSignal; onCached?: (cached: Discovery) => void } = {}): Promise<Discovery> {
    this.calls.push('discover');
    if (this.opts.cachedDiscovery) opts.onCached?.({ ...this.opts.cachedDiscovery, fromCache: true });
    await delay(this.opts.discoverDelayMs, opts.signal);
    if (this.opts.failDiscovery) { this.emit('/api', 0, 0, this.opts.failDiscovery.message); throw this.opts.failDiscovery; }
    return { ...DISCOVERY, requestIds: { '/apis': this.emit('/apis', 200, 3800) } };
  }

  async version(): Promise<VersionInfo> {
    this.calls.push('version');
    return { major: '1', minor: '31', gitVersion: 'v1.31.0', platform: 'linux/amd64' };
  }

  private key(ref: ResourceRef) { return ref.group ? `${ref.group}/${ref.version}/${ref.resource}` : `${ref.version}/${ref.resource}`; }

  private path(ref: ResourceRef, namespace?: string, name?: string) {
    const base = ref.group ? `/apis/${ref.group}/${ref.version}` : `/api/${ref.version}`;
    return `${base}${namespace ? `/namespaces/${namespace}` : ''}/${ref.resource}${name ? `/${name}` : ''}`;
  }

  async list(ref: ResourceRef, opts: ListOptions = {}): Promise<ListPage> {
    this.calls.push(`list ${this.key(ref)} ns=${opts.namespace ?? ''} continue=${opts.continueToken ?? ''}`);
    await delay(this.opts.listDelayMs, opts.signal);
    const path = this.path(ref, opts.namespace);
    if (ref.resource === 'crontabs') {
      const requestId = this.emit(path, 403, 300);
      throw Object.assign(new FakeKubeError(403, 'Forbidden', `crontabs.stable.example.com is forbidden: User "jane" cannot list resource "crontabs"`, 'ask for RBAC list permission'), { requestId });
    }
    const all = (this.store[this.key(ref)] ?? []).filter((o) => !opts.namespace || o.metadata.namespace === opts.namespace);
    const size = this.opts.pageSize ?? opts.limit ?? 500;
    const start = opts.continueToken ? Number(opts.continueToken) : 0;
    const items = all.slice(start, start + size);
    const next = start + size < all.length ? String(start + size) : undefined;
    const requestId = this.emit(path, 200, 1200 * items.length);
    const columns = ref.resource === 'pods'
      ? [NAME_COL, { name: 'Ready', type: 'string', format: '', description: '', priority: 0 }, { name: 'Status', type: 'string', format: '', description: '', priority: 0 }, AGE_COL, { name: 'IP', type: 'string', format: '', description: '', priority: 1 }]
      : [NAME_COL, AGE_COL];
    return {
      format: 'table', columns,
      rows: items.map((o) => ({
        cells: ref.resource === 'pods' ? [o.metadata.name, '1/1', 'Running', '5d', '10.0.0.1'] : [o.metadata.name, '5d'],
        object: { metadata: { name: o.metadata.name, namespace: o.metadata.namespace } },
      })),
      items: [], resourceVersion: '100', continueToken: next, remainingItemCount: next ? all.length - start - size : undefined, bytes: 1200 * items.length, requestId,
    };
  }

  async get(ref: ResourceRef, namespace: string | undefined, name: string, opts: RequestOptions = {}): Promise<RawResponse> {
    this.calls.push(`get ${this.key(ref)} ${namespace ?? ''}/${name}`);
    await delay(this.opts.getDelayMs, opts.signal);
    const path = this.path(ref, namespace, name);
    const o = (this.store[this.key(ref)] ?? []).find((x) => x.metadata.name === name && (!namespace || x.metadata.namespace === namespace));
    if (!o) {
      const requestId = this.emit(path, 404, 200);
      throw Object.assign(new FakeKubeError(404, 'NotFound', `${ref.resource} "${name}" not found`), { requestId });
    }
    const body = JSON.stringify(o);
    const requestId = this.emit(path, 200, body.length);
    return { status: 200, headers: {}, contentType: 'application/json', body, bytes: body.length, durationMs: 3, json: JSON.parse(body), requestId };
  }

  async getRaw(path: string, opts: RequestOptions = {}): Promise<RawResponse> {
    this.calls.push(`getRaw ${path}`);
    await delay(this.opts.getDelayMs, opts.signal);
    const respond = (status: number, contentType: string, body: string): RawResponse => {
      const requestId = this.emit(path, status, body.length);
      let json: unknown;
      if (contentType.startsWith('application/json')) json = JSON.parse(body);
      return { status, headers: { 'content-type': contentType }, contentType, body, bytes: body.length, durationMs: 2, json, requestId };
    };
    if (path === '/metrics') {
      return respond(403, 'application/json', JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'forbidden: User "system:anonymous" cannot get path "/metrics"', reason: 'Forbidden', details: {}, code: 403 }));
    }
    if (path === '/healthz' || path === '/livez' || path === '/readyz') return respond(200, 'text/plain; charset=utf-8', 'ok');
    if (path === '/version') return respond(200, 'application/json', JSON.stringify({ major: '1', minor: '31', gitVersion: 'v1.31.0' }, null, 2));
    if (path === '/') return respond(200, 'application/json', JSON.stringify({ paths: ['/api', '/api/v1', '/apis', '/healthz', '/version'] }, null, 2));
    return respond(404, 'text/plain; charset=utf-8', '404 page not found\n');
  }

  watch(ref: ResourceRef, opts: { namespace?: string; resourceVersion?: string; onOpen?: () => void },
    onEvent: (ev: WatchEventMessage) => void): WatchHandle {
    const key = this.key(ref);
    this.calls.push(`watch ${key} ns=${opts.namespace ?? ''} rv=${opts.resourceVersion ?? ''}`);
    const requestId = this.emit(`${this.path(ref, opts.namespace)}?watch=1&resourceVersion=${opts.resourceVersion ?? ''}`, 200, 0);
    let end!: () => void;
    const done = new Promise<void>((resolve) => { end = resolve; });
    const w: FakeWatch = { key, namespace: opts.namespace, onEvent, end };
    this.watches.push(w);
    queueMicrotask(() => opts.onOpen?.());
    const stop = () => {
      const i = this.watches.indexOf(w);
      if (i >= 0) this.watches.splice(i, 1);
      end();
    };
    return { stop, done, requestId };
  }

  /** A stream that stays open and says nothing until stopped (the fake has no pod logs to follow). */
  streamText(path: string): WatchHandle {
    this.calls.push(`stream ${path}`);
    const requestId = this.emit(path, 200, 0);
    let stop!: () => void;
    const done = new Promise<void>((resolve) => { stop = resolve; });
    return { stop, done, requestId };
  }

  /** Change the store the way a controller would, and tell the open watches. */
  change(type: 'ADDED' | 'MODIFIED' | 'DELETED', storeKey: string, object: ReturnType<typeof obj>): void {
    const items = (this.store[storeKey] ??= []);
    const at = items.findIndex((o) => o.metadata.name === object.metadata.name && o.metadata.namespace === object.metadata.namespace);
    if (type === 'DELETED') { if (at >= 0) items.splice(at, 1); }
    else if (at >= 0) items[at] = object;
    else items.push(object);
    for (const w of this.watches) {
      if (w.key === storeKey && (!w.namespace || w.namespace === object.metadata.namespace)) w.onEvent({ type, object });
    }
  }
}
