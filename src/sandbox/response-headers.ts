// Response headers kube-apiserver adds that teach something about the request (checked with curl -i
// against v1.34): API Priority and Fairness names the FlowSchema and PriorityLevel that admitted
// it (on every request that got past authentication and impersonation, refused ones included), and
// a deprecated API version answers with a `Warning: 299 - "..."`.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

interface Classified {
  flowSchema: string;
  priorityLevel: string;
}

const PROBE_PATHS = new Set(['/healthz', '/readyz', '/livez']);

/** The bootstrap FlowSchema that matches first (by precedence) for the sandbox's kinds of users:
 *  exempt (system:masters), probes (health checks), else global-default. */
export function classify(
  user: { groups: string[] },
  request: { resourceRequest: boolean; verb: string; path?: string },
): Classified {
  if (user.groups.includes('system:masters')) return { flowSchema: 'exempt', priorityLevel: 'exempt' };
  if (!request.resourceRequest && request.verb === 'get' && PROBE_PATHS.has(request.path ?? ''))
    return { flowSchema: 'probes', priorityLevel: 'exempt' };
  return { flowSchema: 'global-default', priorityLevel: 'global-default' };
}

/** The configuration objects' UIDs: made once per sandbox, like a cluster's bootstrap objects. */
export class PriorityAndFairness {
  private readonly uids = new Map<string, string>();

  private uid(kind: string, name: string): string {
    const key = `${kind}/${name}`;
    let uid = this.uids.get(key);
    if (!uid) this.uids.set(key, (uid = randomUUID()));
    return uid;
  }

  setHeaders(res: ServerResponse, c: Classified): void {
    res.setHeader('X-Kubernetes-Pf-Flowschema-Uid', this.uid('flowschema', c.flowSchema));
    res.setHeader('X-Kubernetes-Pf-Prioritylevel-Uid', this.uid('prioritylevel', c.priorityLevel));
  }
}

/** Deprecated versions the sandbox serves, with the version to use instead (the CRD's stable.example.com
 *  v1beta1 is marked `deprecated: true`, as in testbed/seed.yaml). */
const DEPRECATED: Record<string, string> = { 'stable.example.com/v1beta1': 'stable.example.com/v1' };

/** The Warning header for a request to a deprecated version (apiextensions-apiserver's default
 *  wording), or undefined. */
export function deprecationWarning(group: string, version: string, kind: string): string | undefined {
  const instead = DEPRECATED[`${group}/${version}`];
  if (!instead) return undefined;
  return `299 - "${group}/${version} ${kind} is deprecated; use ${instead} ${kind}"`;
}
