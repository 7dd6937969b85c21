// A kind's schema from OpenAPI v3, as `kubectl explain` reads it: GET the index (/openapi/v3) for
// the group-version's document URL (it carries a content hash), then that document, then the field
// tree. Documents are cached per API by URL: a schema opened twice is fetched once.
import type { KubeApi } from '../client/types.js';
import { type FieldNode, buildFieldTree } from '../model/explain.js';
import { type Loadable, failedRequestId } from '../model/loadable.js';
import { type GroupVersion, OPENAPI_V3_INDEX, openapiV3Key, openapiV3Path } from '../model/paths.js';
import { describeError } from './errors.js';

export interface Schema {
  root: FieldNode;
  document: unknown;
  path: string;
}

/** What `e` explains: a kind in a group-version. */
export interface SchemaTarget {
  ref: GroupVersion;
  kind: string;
}

/** Documents by URL, per API: a schema opened twice is fetched once. */
const documents = new WeakMap<KubeApi, Map<string, unknown>>();

/** The body as JSON (the client throws for error statuses). kube-apiserver serves the /openapi/v3
 *  index as text/plain (http.ServeContent sniffs it), so the client leaves it unparsed: it is JSON
 *  all the same. */
async function fetchJson(
  api: KubeApi,
  path: string,
  signal: AbortSignal,
): Promise<{ json: unknown; requestId: number }> {
  const r = await api.getRaw(path, { signal });
  return { json: r.json ?? (r.body ? JSON.parse(r.body) : undefined), requestId: r.requestId };
}

/** The schema, or why there is none (the request failed, or the document has no schema for the
 *  kind: custom resources without a structural schema). `requestId`: the last request it sent. */
export async function loadSchema(api: KubeApi, target: SchemaTarget, signal: AbortSignal): Promise<Loadable<Schema>> {
  const { group, version } = target.ref;
  let requestId: number | undefined;
  try {
    const index = await fetchJson(api, OPENAPI_V3_INDEX, signal);
    requestId = index.requestId;
    const paths = (index.json as { paths?: Record<string, { serverRelativeURL?: string }> } | undefined)?.paths;
    const url = paths?.[openapiV3Key(target.ref)]?.serverRelativeURL ?? openapiV3Path(target.ref);
    const cache = documents.get(api) ?? new Map<string, unknown>();
    documents.set(api, cache);
    if (!cache.has(url)) {
      const fetched = await fetchJson(api, url, signal);
      requestId = fetched.requestId;
      cache.set(url, fetched.json);
    }
    const document = cache.get(url);
    const root = buildFieldTree(document, { group, version, kind: target.kind });
    if (root) return { state: 'ok', value: { root, document, path: url }, requestId };
    return {
      state: 'error',
      requestId,
      error: {
        title: `No schema for ${target.kind}`,
        detail: `${url} has no schema for ${target.kind} (${group || 'core'}/${version}).`,
        hint: 'custom resources without a structural schema have none',
      },
    };
  } catch (err) {
    return { state: 'error', error: describeError(err), requestId: failedRequestId(err) ?? requestId };
  }
}
