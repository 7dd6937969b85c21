// Related objects without I/O: the owner from ownerReferences (the controller first), the children
// a workload's selector picks, the Events of an object; each as the navigation action that opens it.
import { expect, test } from 'vitest';
import { relatedOf, selectorString } from '../src/model/related.js';
import { DISCOVERY } from './helpers/fake-api.js';
import type { DiscoveredGroup } from '../src/model/types.js';

const res = (group: string, version: string, name: string, kind: string) => ({
  name,
  singularName: kind.toLowerCase(),
  kind,
  namespaced: true,
  verbs: ['get', 'list', 'watch'],
  shortNames: [],
  categories: [],
  subresources: [],
  group,
  version,
  raw: {},
});
const groups: DiscoveredGroup[] = [
  ...DISCOVERY.groups.filter((g) => g.name !== 'apps'),
  { name: '', preferredVersion: 'v1', versions: [] },
  {
    name: 'apps',
    preferredVersion: 'v1',
    versions: [
      {
        group: 'apps',
        version: 'v1',
        groupVersion: 'apps/v1',
        preferred: true,
        resources: [res('apps', 'v1', 'deployments', 'Deployment'), res('apps', 'v1', 'replicasets', 'ReplicaSet')],
      },
    ],
  },
];
const core = groups[0].versions[0];
core.resources = [...core.resources, res('', 'v1', 'events', 'Event')];

test('a Pod: its controller owner (a ReplicaSet) and its Events; a Pod owns nothing', () => {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'web-1',
      namespace: 'team-a',
      uid: 'u-1',
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Node', name: 'n1' },
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d9', controller: true },
      ],
    },
  };
  const r = relatedOf(pod, groups);
  expect(r.owner).toEqual({
    label: 'ReplicaSet web-7d9',
    action: {
      type: 'openObject',
      ref: { group: 'apps', version: 'v1', resource: 'replicasets', namespaced: true },
      namespace: 'team-a',
      name: 'web-7d9',
    },
  });
  expect(r.children).toBeUndefined();
  expect(r.events?.action).toEqual({
    type: 'openRelated',
    ref: { group: '', version: 'v1', resource: 'events', namespaced: true },
    namespace: 'team-a',
    fieldSelector: 'involvedObject.uid=u-1',
  });
});

test('a Deployment owns the ReplicaSets its selector picks (matchLabels and matchExpressions)', () => {
  const deploy = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'team-a', uid: 'u-2' },
    spec: {
      selector: {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }],
      },
    },
  };
  expect(relatedOf(deploy, groups).children).toEqual({
    label: 'replicasets -l app=web,tier in (a,b)',
    action: {
      type: 'openRelated',
      ref: { group: 'apps', version: 'v1', resource: 'replicasets', namespaced: true },
      namespace: 'team-a',
      labelSelector: 'app=web,tier in (a,b)',
    },
  });
  expect(relatedOf(deploy, groups).owner).toBeUndefined();
});

test('selector strings: a Service map, every operator; nothing for no selector', () => {
  expect(selectorString({ app: 'web', tier: 'fe' })).toBe('app=web,tier=fe');
  expect(
    selectorString({
      matchExpressions: [
        { key: 'a', operator: 'NotIn', values: ['x'] },
        { key: 'b', operator: 'Exists' },
        { key: 'c', operator: 'DoesNotExist' },
      ],
    }),
  ).toBe('a notin (x),b,!c');
  expect(selectorString(undefined)).toBeUndefined();
  expect(selectorString({ matchLabels: {} })).toBeUndefined();
});
