// The client's public surface (see docs/ARCHITECTURE.md).
export type * from './types.js';
export { connect, certificateCommonName, displayPath, DEFAULT_TIMEOUT_MS } from './connection.js';
export type { ResolvedConnection } from './connection.js';
export { ApiClient, parseListPage, TABLE_ACCEPT, JSON_ACCEPT, DEFAULT_LIST_LIMIT } from './api.js';
export type { ApiClientOptions } from './api.js';
export {
  discover,
  parseAggregated,
  parseResourceList,
  isAggregatedDocument,
  AGGREGATED_DISCOVERY_ACCEPT,
  LEGACY_DISCOVERY_ACCEPT,
} from './discovery.js';
export type { DiscoverOptions, DiscoveryFetch } from './discovery.js';
export { KubeError, isKubeError, explainError, classifyNetworkError, httpError, canIHint, isStatus } from './errors.js';
export type { KubeErrorKind, KubeStatus } from './errors.js';
export { commandSetup, curlCommand, kubectlCommand, parseResourcePath, joinUrl } from './equivalents.js';
export { assertReadOnly, READ_ONLY_POST_PATHS, HttpTransport } from './http.js';
export { DiscoveryCache, defaultCacheDir, cacheKey, sameDiscovery } from './discovery-cache.js';
export { whoAmI, allowedVerbs, clearPermissionCache, type Identity } from './identity.js';
