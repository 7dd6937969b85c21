// Who the user is and what they may do, asked of the server with the self-review POSTs.
import type { KubeApi } from '../client/types.js';
import { type Identity, allowedVerbs, whoAmI } from '../client/identity.js';
import type { ResourceRef } from '../model/types.js';

/** The client that can send review POSTs. The CLI may hand the App a stand-in that connects in the
 *  background (it has `whenReady()`); the reviews need the real client and its connection. */
async function reviewClient(api: KubeApi): Promise<KubeApi> {
  const deferred = api as KubeApi & { whenReady?: () => Promise<KubeApi> };
  return typeof deferred.whenReady === 'function' ? deferred.whenReady() : api;
}

/** The server's answer to "who am I" (SelfSubjectReview, with the identity module's fallbacks). */
export async function loadIdentity(api: KubeApi, signal: AbortSignal): Promise<Identity> {
  return whoAmI(await reviewClient(api), { signal });
}

/** Which of `verbs` the user may use on the resource in `namespace` (SelfSubjectAccessReviews). */
export async function loadAllowedVerbs(api: KubeApi, ref: ResourceRef, namespace: string | undefined, verbs: string[],
  signal: AbortSignal): Promise<Record<string, boolean>> {
  return allowedVerbs(await reviewClient(api), ref, namespace, verbs, { signal });
}
