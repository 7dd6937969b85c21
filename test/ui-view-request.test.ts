// Which requests a view came from (the footer shows the newest of them): the ids its loads
// returned, never a path match.
import { expect, it } from 'vitest';
import { type DetailView, type NavState, initialNavState } from '../src/model/nav-state.js';
import type { DetailData, Loadable } from '../src/model/loadable.js';
import type { RawResponse } from '../src/model/types.js';
import { type ViewLoads, viewRequestIds } from '../src/ui/detailContent.js';
import { DISCOVERY } from './helpers/fake-api.js';

const nav = (patch: Partial<NavState> = {}): NavState => ({ ...initialNavState('default'), ...patch });
const withView = (view: DetailView) => {
  const s = nav();
  return { ...s, detail: { ...s.detail, stack: [view] } };
};
const response = (requestId: number): RawResponse => ({
  status: 200,
  headers: {},
  contentType: 'text/plain',
  body: '',
  bytes: 0,
  durationMs: 1,
  requestId,
});
const loads = (patch: Partial<ViewLoads> = {}): ViewLoads => ({
  discovery: { state: 'ok', value: { ...DISCOVERY, requestIds: { '/api': 1, '/apis': 2, '/apis/apps/v1': 3 } } },
  detail: { state: 'idle' },
  namespaces: { state: 'loading' },
  schema: undefined,
  ...patch,
});
const PODS = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const apps = DISCOVERY.groups[1].versions[0];

it("discovery views: the group-version's document, its root; both roots without a selection", () => {
  expect(viewRequestIds(nav(), apps, loads())).toEqual([3, 2]);
  expect(viewRequestIds(nav(), undefined, loads())).toEqual([1, 2]);
  expect(viewRequestIds(nav(), apps, loads({ discovery: { state: 'ok', value: DISCOVERY } }))).toEqual([]); // a cached copy
});

it('detail views: the response, the newest list page, the failed request, the followed stream', () => {
  const table: DetailData = {
    state: 'table',
    table: { columns: [], rows: [], pages: 2, done: true, changes: 0, requestId: 8 },
  };
  expect(viewRequestIds(withView({ kind: 'objects', ref: PODS }), apps, loads({ detail: table }))).toEqual([8]);
  const failed: DetailData = { state: 'error', error: { title: 'HTTP 403', detail: '' }, requestId: 9 };
  expect(viewRequestIds(withView({ kind: 'object', ref: PODS, name: 'a' }), apps, loads({ detail: failed }))).toEqual([
    9,
  ]);
  const logs = withView({ kind: 'logs', namespace: 'default', name: 'a', follow: true });
  const followed: DetailData = {
    state: 'response',
    response: response(10),
    followed: {
      follow: { state: 'following' },
      lines: { lines: [], partial: '', dropped: 0, bytes: 0 },
      requestId: 11,
    },
  };
  expect(viewRequestIds(logs, apps, loads({ detail: followed }))).toEqual([10, 11]);
  expect(
    viewRequestIds(
      withView({ kind: 'path', path: '/healthz' }),
      apps,
      loads({ detail: { state: 'loading', since: 0 } }),
    ),
  ).toEqual([]);
});

it('overlays: the namespaces list, the schema', () => {
  const names: Loadable<string[]> = { state: 'ok', value: ['default'], requestId: 12 };
  expect(viewRequestIds(nav({ overlays: [{ kind: 'picker' }] }), apps, loads({ namespaces: names }))).toEqual([12]);
  const schema: Loadable<unknown> = { state: 'error', error: { title: 'x', detail: '' }, requestId: 13 };
  expect(
    viewRequestIds(
      nav({ overlays: [{ kind: 'explain', target: { ref: PODS, kind: 'Pod' }, field: null, expanded: [] }] }),
      apps,
      loads({ schema }),
    ),
  ).toEqual([13]);
});
