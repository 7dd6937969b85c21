// What a tour step does to the panes: the navigation actions that select its group, resource,
// namespace, path or object, so the learner sees the real request in the real views.
import type { TourTarget } from './tour.js';
import type { NavAction } from './navigation.js';
import type { DiscoveredGroupVersion, Discovery } from './types.js';
import { refOf, resourceKey, resourceRows } from './tree.js';

export interface TourDrive {
  actions: NavAction[];
  /** The step wants "the first object of the list": open it once the table has rows. */
  openFirstObject: boolean;
}

function findGv(d: Discovery | undefined, groupVersion: string): DiscoveredGroupVersion | undefined {
  for (const g of d?.groups ?? []) for (const v of g.versions) if (v.groupVersion === groupVersion) return v;
  return undefined;
}

/** The Groups pane key of a group-version ('core/v1', 'apps/v1'; selectKey matches the ' *' suffix). */
function groupKey(gv: DiscoveredGroupVersion): string {
  return gv.group === '' ? `core/${gv.version}` : gv.groupVersion;
}

export function tourDrive(target: TourTarget, d: Discovery | undefined): TourDrive {
  const none = { actions: [], openFirstObject: false };
  if (target.kind === 'whoami') return none;
  if (target.kind === 'path') {
    return { actions: [{ type: 'selectKey', list: 'groups', key: target.path }, { type: 'openPath', path: target.path }], openFirstObject: false };
  }
  const gv = findGv(d, target.groupVersion);
  if (!gv) return none;
  const actions: NavAction[] = [{ type: 'selectKey', list: 'groups', key: groupKey(gv) }, { type: 'openGroup' }];
  if (target.kind === 'groupVersion') return { actions: [...actions, { type: 'focus', pane: 'groups' }], openFirstObject: false };
  const rows = resourceRows(gv);
  const row = rows.find((r) => r.kind === 'resource' && r.resource.name === target.resource);
  if (!row) return { actions, openFirstObject: false };
  actions.push({ type: 'selectKey', list: 'resources', key: target.resource, keys: rows.map(resourceKey) });
  if (target.kind === 'resource') return { actions, openFirstObject: false };
  const ref = refOf(row.resource);
  actions.push({ type: 'setNamespace', namespace: target.namespace }, { type: 'openObjects', ref });
  if (target.kind === 'object' && target.name) {
    actions.push({ type: 'openObject', ref, namespace: ref.namespaced ? target.namespace : undefined, name: target.name });
  }
  return { actions, openFirstObject: target.kind === 'object' && !target.name };
}
