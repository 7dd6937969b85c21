// The rules matrix ("what may I do here", `A`) built from SelfSubjectRulesReview answers, and the
// response headers the request log explains. The rules below are kube-apiserver v1.34's answers
// for the test bed's jane (in team-a) and admin, as curl showed them.
import { describe, expect, it } from 'vitest';
import {
  type MatrixRow,
  type RulesInput,
  buildRulesMatrix,
  matrixColumns,
  matrixHeader,
  matrixKeys,
  matrixLine,
  rowName,
} from '../src/model/rules-matrix.js';
import { explainHeaders } from '../src/model/response-headers.js';
import { filterKeys } from '../src/model/list.js';
import { navReducer } from '../src/model/navigation.js';
import { activeList, activeOverlay, initialNavState } from '../src/model/nav-state.js';

const BASIC_USER = [
  {
    verbs: ['create'],
    apiGroups: ['authorization.k8s.io'],
    resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
  },
  { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
];
const DISCOVERY_URLS = [
  { verbs: ['get'], nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi'] },
  { verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'] },
];
const JANE: RulesInput = {
  resourceRules: [...BASIC_USER, { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] }],
  nonResourceRules: DISCOVERY_URLS,
  incomplete: false,
};
const ADMIN: RulesInput = {
  resourceRules: [...BASIC_USER, { verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
  nonResourceRules: [...DISCOVERY_URLS, { verbs: ['*'], nonResourceURLs: ['*'] }],
  incomplete: false,
};

const resourceRow = (rows: MatrixRow[], name: string) =>
  rows.find((r): r is Extract<MatrixRow, { kind: 'resource' }> => r.kind === 'resource' && rowName(r) === name);

describe('buildRulesMatrix', () => {
  it("jane: pods get/list/watch in core, the self-reviews' create, grouped by API group", () => {
    const m = buildRulesMatrix(JANE);
    expect(m.rows.map(rowName)).toEqual([
      'core',
      'pods',
      'authentication.k8s.io',
      'selfsubjectreviews.authentication.k8s.io',
      'authorization.k8s.io',
      'selfsubjectaccessreviews.authorization.k8s.io',
      'selfsubjectrulesreviews.authorization.k8s.io',
      'Non-resource URLs',
      '/api',
      '/api/*',
      '/apis',
      '/apis/*',
      '/healthz',
      '/livez',
      '/openapi',
      '/readyz',
      '/version',
      '/version/',
    ]);
    expect(resourceRow(m.rows, 'pods')!.cells).toEqual({
      get: '✓',
      list: '✓',
      watch: '✓',
      create: '',
      update: '',
      patch: '',
      delete: '',
      deletecollection: '',
    });
    expect(m).toMatchObject({ resources: 4, urls: 10, incomplete: false });
  });

  it('admin: the * wildcard stays a row of its own (as kubectl shows *.*), every verb marked *', () => {
    const m = buildRulesMatrix(ADMIN);
    expect(m.rows.slice(0, 2).map(rowName)).toEqual(['* (every group)', '*.*']);
    const star = resourceRow(m.rows, '*.*')!;
    expect(Object.values(star.cells)).toEqual(Array(8).fill('*'));
    expect(star.other).toEqual(['*']);
    expect(m.rows.find((r) => r.kind === 'url')).toEqual({ kind: 'url', url: '*', verbs: ['*'] });
  });

  it('merges rules naming the same resource, keeps resourceNames apart, lists other verbs', () => {
    const m = buildRulesMatrix({
      resourceRules: [
        { verbs: ['get'], apiGroups: ['apps'], resources: ['deployments'] },
        { verbs: ['list', 'escalate'], apiGroups: ['apps', ''], resources: ['deployments'] },
        { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['b', 'a'] },
      ],
      nonResourceRules: [],
      incomplete: true,
      evaluationError: 'webhook: timeout',
    });
    expect(m.rows.map(rowName)).toEqual(['core', 'configmaps [a b]', 'deployments', 'apps', 'deployments.apps']);
    const deploy = resourceRow(m.rows, 'deployments.apps')!;
    expect([deploy.cells.get, deploy.cells.list, deploy.cells.watch]).toEqual(['✓', '✓', '']);
    expect(deploy.other).toEqual(['escalate']);
    expect(m).toMatchObject({ incomplete: true, evaluationError: 'webhook: timeout', urls: 0 });
    expect(m.rows.some((r) => r.kind === 'urls')).toBe(false);
  });

  it('filter keys keep a group heading with its matching rows', () => {
    const m = buildRulesMatrix(JANE);
    const keys = matrixKeys(m);
    expect(filterKeys(keys, 'pods').map((i) => rowName(m.rows[i]))).toEqual(['core', 'pods']);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('matrix layout', () => {
  it('80 columns: every verb column fits, deletecollection headed delcol, names cut with …', () => {
    const cols = matrixColumns(74);
    const header = matrixHeader(cols);
    expect(header).toMatch(/^RESOURCE +get list watch create update patch delete delcol OTHER$/);
    expect(header.length).toBeLessThanOrEqual(74);
    const m = buildRulesMatrix(JANE);
    const lines = m.rows.map((r) => matrixLine(r, cols));
    expect(lines.every((l) => l.length <= 74)).toBe(true);
    const pods = lines[1];
    // The ✓ marks sit under their column's label.
    for (const verb of ['get', 'list', 'watch'])
      expect(pods[header.indexOf(verb) + Math.floor((verb.length - 1) / 2)]).toBe('✓');
    expect(pods.slice(header.indexOf('create'))).not.toContain('✓');
    expect(lines.find((l) => l.startsWith('selfsubjectaccess'))).toMatch(/^selfsubjectaccess\S*…/);
  });

  it('120 columns: the full deletecollection heading and whole names', () => {
    const cols = matrixColumns(114);
    expect(matrixHeader(cols)).toMatch(/ deletecollection OTHER$/);
    const lines = buildRulesMatrix(JANE).rows.map((r) => matrixLine(r, cols));
    expect(lines).toContain('── authorization.k8s.io');
    expect(lines.some((l) => l.startsWith('selfsubjectaccessreviews '))).toBe(true);
  });
});

describe('explainHeaders', () => {
  it('explains the kept headers in a fixed order, one sentence each; others are not shown', () => {
    const shown = explainHeaders(
      {
        'cache-control': 'no-cache, private',
        'audit-id': 'a1',
        'content-type': 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
        warning: '299 - "stable.example.com/v1beta1 CronTab is deprecated; use stable.example.com/v1 CronTab"',
        'x-kubernetes-pf-flowschema-uid': 'f1',
        'x-kubernetes-pf-prioritylevel-uid': 'p1',
        etag: '"ABC"',
        authorization: 'Bearer secret',
        'set-cookie': 'x=y',
      },
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
    );
    expect(shown.map((h) => h.name)).toEqual([
      'Content-Type',
      'Warning',
      'Audit-Id',
      'X-Kubernetes-Pf-Flowschema-Uid',
      'X-Kubernetes-Pf-Prioritylevel-Uid',
      'ETag',
      'Cache-Control',
    ]);
    expect(shown[0]!.note).toMatch(/^Aggregated discovery/);
    expect(shown[1]).toMatchObject({ warn: true, note: expect.stringMatching(/deprecated/) });
    expect(shown.every((h) => /^[A-Z].*[.)]$/.test(h.note))).toBe(true);
    expect(JSON.stringify(shown)).not.toMatch(/secret|cookie/i);
  });

  it('Content-Type is explained against what was asked for', () => {
    const note = (ct: string, accept: string) => explainHeaders({ 'content-type': ct }, accept)[0]!.note;
    expect(note('application/json', 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json')).toMatch(
      /asked for a Table/,
    );
    expect(note('application/json', 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList')).toMatch(
      /not aggregated discovery/,
    );
    expect(note('application/json', 'application/json')).toMatch(/^Plain JSON/);
    expect(note('application/vnd.kubernetes.protobuf', '')).toMatch(/Protobuf/);
    expect(note('text/plain; charset=utf-8', '*/*')).toMatch(/^Text/);
    expect(explainHeaders({ 'cache-control': 'public, immutable' })[0]!.note).toMatch(/never changes/);
  });
});

describe('the access overlay in the reducer', () => {
  it('A opens it over the panes, r asks again, a namespace change keeps it, A or Esc closes it', () => {
    let s = navReducer(initialNavState('team-a'), { type: 'toggleAccess' });
    expect(s.overlays).toEqual([{ kind: 'access', refresh: 0 }]);
    expect(activeList(s)).toBe('access');
    s = navReducer(s, { type: 'refresh' });
    expect(s.overlays).toEqual([{ kind: 'access', refresh: 1 }]);
    expect(s.discovery.refresh).toBe(0);
    s = navReducer(s, { type: 'setNamespace', namespace: 'default' });
    expect([s.namespace, activeOverlay(s)]).toEqual(['default', 'access']);
    expect(navReducer(s, { type: 'toggleAccess' }).overlays).toEqual([]);
    expect(navReducer(s, { type: 'back' }).overlays).toEqual([]);
  });
});
