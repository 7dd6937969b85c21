// The buffered GETs behind the object and raw-path views, each body kept in the request log on
// the request it answered.
import type { KubeApi } from '../client/types.js';
import type { RawResponse, ResourceRef } from '../model/types.js';
import type { RequestLog } from './request-log.js';

/** One object (`name` in `namespace`) or a raw path such as '/healthz'. */
export type ResponseTarget = { ref: ResourceRef; namespace?: string; name: string } | { path: string };

/** Throws like the client (KubeError). A JSON answer comes back without its raw text (`body` is
 *  ''): the views show the parsed value (`json`), and a 5 MB /openapi/v2 need not stay in memory
 *  twice, as text and as objects. */
export async function loadResponse(
  api: KubeApi,
  target: ResponseTarget,
  signal: AbortSignal,
  log?: RequestLog,
): Promise<RawResponse> {
  const response = await ('path' in target
    ? api.getRaw(target.path, { signal })
    : api.get(target.ref, target.namespace, target.name, { signal }));
  log?.attachBody(response.requestId, response);
  return response.json === undefined ? response : { ...response, body: '' };
}
