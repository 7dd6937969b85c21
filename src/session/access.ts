// Who the user is and what they may do, asked of the server with the self-review POSTs (members of
// KubeApi: the CLI's connecting stand-in forwards them once the real client is there).
import type { KubeApi } from '../client/types.js';
import { type Identity, allowedVerbs, whoAmI } from '../client/identity.js';
import type { ResourceRef } from '../model/types.js';
import { type RulesMatrix, buildRulesMatrix } from '../model/rules-matrix.js';

/** The server's answer to "who am I" (SelfSubjectReview, with the identity module's fallbacks). */
export async function loadIdentity(api: KubeApi, signal: AbortSignal): Promise<Identity> {
  return whoAmI(api, { signal });
}

/** Which of `verbs` the user may use on the resource in `namespace` (SelfSubjectAccessReviews). */
export async function loadAllowedVerbs(
  api: KubeApi,
  ref: ResourceRef,
  namespace: string | undefined,
  verbs: string[],
  signal: AbortSignal,
): Promise<Record<string, boolean>> {
  return allowedVerbs(api, ref, namespace, verbs, { signal });
}

/** "What may I do here": a fresh SelfSubjectRulesReview for `namespace` as a resource × verb
 *  matrix. Throws like the client (403 for anonymous, 400 without a namespace). */
export async function loadRulesMatrix(
  api: KubeApi,
  namespace: string,
  signal: AbortSignal,
): Promise<{ matrix: RulesMatrix; requestId?: number }> {
  const rules = await api.selfSubjectRulesReview(namespace, { signal });
  return { matrix: buildRulesMatrix(rules), requestId: rules.requestId };
}
