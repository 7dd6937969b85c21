// What a tour step does to the panes: the navigation actions that select its group, resource,
// namespace, path or object, so the learner sees the real request in the real views.
import type { TourTarget } from './tour.js';
import type { NavAction } from './navigation.js';
import type { DiscoveredGroupVersion, Discovery } from './types.js';
import { refOf } from './tree.js';
import { gvPath, parseGroupVersion } from './paths.js';
import { openGroupActions, selectResourceActions } from './goto.js';

export interface TourDrive {
  actions: NavAction[];
  /** The step wants "the first object of the list": open it once the table has rows. */
  openFirstObject: boolean;
}

function findGv(d: Discovery | undefined, groupVersion: string): DiscoveredGroupVersion | undefined {
  for (const g of d?.groups ?? []) for (const v of g.versions) if (v.groupVersion === groupVersion) return v;
  return undefined;
}

export function tourDrive(target: TourTarget, d: Discovery | undefined): TourDrive {
  const none = { actions: [], openFirstObject: false };
  if (target.kind === 'whoami') return none;
  if (target.kind === 'path') {
    return {
      actions: [
        { type: 'selectKey', list: 'groups', key: target.path },
        { type: 'openPath', path: target.path },
      ],
      openFirstObject: false,
    };
  }
  const gv = findGv(d, target.groupVersion);
  if (!gv) return none;
  if (target.kind === 'groupVersion') {
    // The Resources pane lists the verbs; the detail shows the APIResourceList the step talks about.
    const path = gvPath(parseGroupVersion(target.groupVersion));
    return {
      actions: [...openGroupActions(gv), { type: 'openPath', path }, { type: 'focus', pane: 'resources' }],
      openFirstObject: false,
    };
  }
  const resource = gv.resources.find((r) => r.name === target.resource);
  if (!resource) return { actions: openGroupActions(gv), openFirstObject: false };
  const actions = selectResourceActions(gv, target.resource);
  if (target.kind === 'resource') return { actions, openFirstObject: false };
  const ref = refOf(resource);
  actions.push({ type: 'setNamespace', namespace: target.namespace }, { type: 'openObjects', ref });
  if (target.kind === 'object' && target.name) {
    actions.push({
      type: 'openObject',
      ref,
      namespace: ref.namespaced ? target.namespace : undefined,
      name: target.name,
    });
  }
  return { actions, openFirstObject: target.kind === 'object' && !target.name };
}
