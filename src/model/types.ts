// Types shared by the client (which produces them), the UI and the CLI (which consume them).
// Pure data: no I/O, no classes.

export interface DiscoveredSubresource {
  /** 'log', 'status', 'scale', ... (without the parent's name) */
  name: string;
  kind: string;
  /** Set only when the subresource's kind lives in another group/version (deployments/scale → autoscaling/v1). */
  group?: string;
  version?: string;
  verbs: string[];
}

export interface DiscoveredResource {
  /** Plural name used in URLs: 'pods', 'deployments'. */
  name: string;
  singularName: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames: string[];
  categories: string[];
  subresources: DiscoveredSubresource[];
  /** '' for the core group. */
  group: string;
  version: string;
  /** The entry exactly as the server sent it (APIResourceDiscovery or APIResource), for the raw view. */
  raw: unknown;
}

export interface DiscoveredGroupVersion {
  group: string;
  version: string;
  /** 'v1' for core, 'apps/v1' otherwise. */
  groupVersion: string;
  preferred: boolean;
  /** Aggregated discovery marks versions served by an unavailable aggregated API as 'Stale'. */
  freshness?: 'Current' | 'Stale';
  resources: DiscoveredResource[];
  /** Set when this group/version could not be discovered (the rest stays usable). */
  error?: string;
}

export interface DiscoveredGroup {
  /** '' for the core group. */
  name: string;
  preferredVersion: string;
  /** Preferred version first, as the server orders them. */
  versions: DiscoveredGroupVersion[];
}

export interface Discovery {
  format: 'aggregated' | 'legacy';
  /** HTTP requests discovery took. */
  requests: number;
  /** Core group first, then named groups in the server's order. */
  groups: DiscoveredGroup[];
  failures: { groupVersion: string; message: string }[];
  /** The documents as served, keyed by path ('/api', '/apis', '/apis/apps/v1', ...), for the raw view. */
  rawDocuments: Record<string, unknown>;
  /** Set on a discovery loaded from the on-disk cache (not yet revalidated). */
  fromCache?: boolean;
  /** Set on the snapshots legacy discovery hands over while group-versions are still arriving (their
   *  resources are empty until then); the final result never has it. */
  partial?: boolean;
  /** The id of the request event that fetched each document of rawDocuments, by path (this run's
   *  discovery only: never cached). */
  requestIds?: Record<string, number>;
}

/** Identifies a resource collection for list/get/watch. */
export interface ResourceRef {
  group: string;
  version: string;
  /** Plural resource name, 'pods'. */
  resource: string;
  namespaced: boolean;
}

export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  platform?: string;
  [key: string]: unknown;
}

/** Emitted once per HTTP request the client makes (including failed ones). */
export interface RequestEvent {
  id: number;
  method: 'GET' | 'POST';
  /** Path with query string, e.g. '/api/v1/pods?limit=500'. */
  path: string;
  accept: string;
  status?: number;
  durationMs: number;
  bytes: number;
  contentType?: string;
  responseHeaders?: Record<string, string>;
  /** Set when the request failed before or without an HTTP response, or with an error status. */
  error?: string;
  /** The same request as a shell command for the active connection mode (no secrets inlined). */
  curl: string;
  kubectl: string;
  /** Shell lines to run once before curl (setting $TOKEN); none when curl needs nothing first. */
  setup?: string[];
  startedAt: number;
}

/** A buffered response as the client received it. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  contentType: string;
  body: string;
  bytes: number;
  durationMs: number;
  /** Parsed body when it is JSON. */
  json?: unknown;
  /** The id of the request event this response answered (RequestEvent.id). */
  requestId: number;
}

export interface TableColumn {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableRow {
  cells: unknown[];
  object?: { metadata?: { name?: string; namespace?: string; [k: string]: unknown }; [k: string]: unknown };
}

export interface ListPage {
  /** 'table' when the server answered with meta.k8s.io Table, 'objects' for a plain list. */
  format: 'table' | 'objects';
  columns: TableColumn[];
  rows: TableRow[];
  /** Full objects (format 'objects'). */
  items: unknown[];
  resourceVersion?: string;
  continueToken?: string;
  remainingItemCount?: number;
  bytes: number;
  /** The id of the request event this page answered (RequestEvent.id). */
  requestId: number;
}
