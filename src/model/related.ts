// Objects related to an opened one, each one key away: its owner (ownerReferences, the controller
// first), what it owns (the children its selector picks: a Deployment's ReplicaSets, a ReplicaSet's
// or a workload's Pods), and its Events (fieldSelector=involvedObject.uid=…, like kubectl describe).
// Pure: found in the object and discovery, opened as navigation actions.
import type { NavAction } from './navigation.js';
import type { DiscoveredGroup, DiscoveredResource } from './types.js';
import { parseGroupVersion } from './paths.js';
import { refOf } from './tree.js';

export interface Related {
  owner?: { label: string; action: NavAction };
  children?: { label: string; action: NavAction };
  events?: { label: string; action: NavAction };
}

interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  ownerReferences?: { apiVersion?: string; kind?: string; name?: string; controller?: boolean }[];
}

/** What a workload's selector picks, by the kind that owns them. */
const CHILD_KIND: Record<string, { group: string; kind: string }> = {
  'apps/Deployment': { group: 'apps', kind: 'ReplicaSet' },
  'apps/ReplicaSet': { group: '', kind: 'Pod' },
  'apps/StatefulSet': { group: '', kind: 'Pod' },
  'apps/DaemonSet': { group: '', kind: 'Pod' },
  'batch/Job': { group: '', kind: 'Pod' },
  '/ReplicationController': { group: '', kind: 'Pod' },
  '/Service': { group: '', kind: 'Pod' },
};

/** The resource serving `kind` in `group`, preferred version first. */
function resourceOf(
  groups: readonly DiscoveredGroup[],
  group: string,
  kind: string,
  version?: string,
): DiscoveredResource | undefined {
  const g = groups.find((x) => x.name === group);
  const versions = version ? (g?.versions.filter((v) => v.version === version) ?? []) : (g?.versions ?? []);
  for (const v of versions) {
    const r = v.resources.find((x) => x.kind === kind);
    if (r) return r;
  }
  return undefined;
}

/** `spec.selector` as a label selector string: matchLabels (and a Service's plain map) as k=v,
 *  matchExpressions as `k in (a,b)`, `k notin (…)`, `k`, `!k`. */
export function selectorString(selector: unknown): string | undefined {
  if (!selector || typeof selector !== 'object') return undefined;
  const s = selector as {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  };
  const plain =
    s.matchLabels === undefined && s.matchExpressions === undefined
      ? (selector as Record<string, string>)
      : (s.matchLabels ?? {});
  const parts = Object.entries(plain)
    .filter(([, v]) => typeof v === 'string')
    .map(([k, v]) => `${k}=${v}`);
  for (const e of s.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.length ? parts.join(',') : undefined;
}

export function relatedOf(object: unknown, groups: readonly DiscoveredGroup[]): Related {
  const o = (object ?? {}) as {
    apiVersion?: string;
    kind?: string;
    metadata?: ObjectMeta;
    spec?: { selector?: unknown };
  };
  const meta = o.metadata ?? {};
  if (!o.apiVersion || !o.kind || !meta.name) return {};
  const out: Related = {};

  const refs = meta.ownerReferences ?? [];
  const owner = refs.find((r) => r.controller) ?? refs[0];
  if (owner?.apiVersion && owner.kind && owner.name) {
    const gv = parseGroupVersion(owner.apiVersion);
    const r = resourceOf(groups, gv.group, owner.kind, gv.version);
    if (r) {
      const ref = refOf(r);
      out.owner = {
        label: `${owner.kind} ${owner.name}`,
        action: { type: 'openObject', ref, namespace: ref.namespaced ? meta.namespace : undefined, name: owner.name },
      };
    }
  }

  const gv = parseGroupVersion(o.apiVersion);
  const child = CHILD_KIND[`${gv.group}/${o.kind}`];
  const selector = selectorString(o.spec?.selector);
  const childResource = child && resourceOf(groups, child.group, child.kind);
  if (childResource && selector) {
    out.children = {
      label: `${childResource.name} -l ${selector}`,
      action: { type: 'openRelated', ref: refOf(childResource), namespace: meta.namespace, labelSelector: selector },
    };
  }

  const events = resourceOf(groups, '', 'Event');
  if (events && meta.uid) {
    out.events = {
      label: `events of ${o.kind} ${meta.name}`,
      action: {
        type: 'openRelated',
        ref: refOf(events),
        namespace: meta.namespace,
        fieldSelector: `involvedObject.uid=${meta.uid}`,
      },
    };
  }
  return out;
}
