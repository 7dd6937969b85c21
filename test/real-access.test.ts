// "What may I do here" and "response headers that teach" rest on the sandbox answering like
// kube-apiserver: the same SelfSubjectRulesReview (so the same matrix) for jane and admin, the same
// `kubectl auth can-i --list`, and the same response header names for the same requests (Audit-Id,
// API Priority and Fairness, Warning for a deprecated version, nosniff on refusals).
import { expect, it } from 'vitest';
import type { Sandbox } from '../src/sandbox/server.js';
import { SELF_SUBJECT_RULES_REVIEW_PATH } from '../src/client/review-paths.js';
import { buildRulesMatrix, rowName } from '../src/model/rules-matrix.js';
import { requireKubectl, run } from './helpers/processes.js';
import { describeReal, useTestbed } from './helpers/real.js';
import { useSandbox } from './helpers/sandbox.js';
import { httpsRequest, type FetchInit, type RawResponse, type Testbed } from './helpers/testbed.js';

let tb: Testbed;
let sb: Sandbox;
let home: string;
useTestbed('kapi-real-access-', {}, (f) => ((tb = f.tb), (home = f.dir)));
useSandbox('kapi-real-access-sb-', { watchIntervalMs: 0 }, (f) => (sb = f.sb));

function sbFetch(path: string, init: FetchInit = {}): Promise<RawResponse> {
  const who = init.as ?? 'admin';
  return httpsRequest(sb.url + path, sb.caPem, who === 'admin' ? sb.admin : who === 'jane' ? sb.jane : undefined, init);
}

/** The same request to both: [real, sandbox]. */
function both(path: string, init: FetchInit = {}): Promise<[RawResponse, RawResponse]> {
  return Promise.all([tb.fetch(path, init), sbFetch(path, init)]);
}

const review = (namespace: string, as: FetchInit['as']): FetchInit => ({
  as,
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace } }),
});

/** The review with its rule lists sorted. */
function canonical(doc: any): unknown {
  const sorted = (rules: unknown[]) => [...rules].map((x) => JSON.stringify(x)).sort();
  return {
    ...doc,
    status: {
      ...doc.status,
      resourceRules: sorted(doc.status.resourceRules),
      nonResourceRules: sorted(doc.status.nonResourceRules),
    },
  };
}

describeReal('SelfSubjectRulesReview: the sandbox answers like kube-apiserver v1.34', () => {
  it.each([
    ['jane', 'team-a'],
    ['jane', 'default'],
    ['admin', 'team-a'],
    ['admin', 'demo'],
  ] as const)('%s in "%s": the same review, so the same matrix', async (as, namespace) => {
    const [real, fake] = await both(SELF_SUBJECT_RULES_REVIEW_PATH, review(namespace, as));
    expect([fake.status, real.status]).toEqual([201, 201]);
    const [r, f] = [JSON.parse(real.body), JSON.parse(fake.body)];
    expect(buildRulesMatrix(f.status)).toEqual(buildRulesMatrix(r.status));
    // The JSON too, but for the order of the rules: kube-apiserver visits the ClusterRoleBindings
    // in its informer's (map) order, which changes from one start to the next.
    expect(canonical(f)).toEqual(canonical(r));
  });

  it('jane and admin differ as the matrix shows: pods only in team-a for jane, * for admin', async () => {
    const matrix = async (namespace: string, as: FetchInit['as']) => {
      const res = await tb.fetch(SELF_SUBJECT_RULES_REVIEW_PATH, review(namespace, as));
      return buildRulesMatrix(JSON.parse(res.body).status).rows.map(rowName);
    };
    expect(await matrix('team-a', 'jane')).toContain('pods');
    expect(await matrix('default', 'jane')).not.toContain('pods');
    expect(await matrix('default', 'jane')).not.toContain('*.*');
    expect(await matrix('default', 'admin')).toContain('*.*');
  });

  it('without a namespace: the same 400', async () => {
    const [real, fake] = await both(SELF_SUBJECT_RULES_REVIEW_PATH, review('', 'jane'));
    expect(fake.status).toBe(400);
    expect(JSON.parse(fake.body)).toEqual(JSON.parse(real.body));
  });

  it('anonymous may not ask: the same 403', async () => {
    const [real, fake] = await both(SELF_SUBJECT_RULES_REVIEW_PATH, review('default', 'anonymous'));
    expect([fake.status, JSON.parse(fake.body).message]).toEqual([real.status, JSON.parse(real.body).message]);
    expect(real.status).toBe(403);
  });

  it('kubectl auth can-i --list (a protobuf request) prints the same against both', async () => {
    const env = { ...process.env, HOME: home };
    const canI = (kubeconfig: string, ns: string) =>
      run(requireKubectl(), ['--kubeconfig', kubeconfig, 'auth', 'can-i', '--list', '-n', ns], env);
    for (const [files, ns] of [
      ['kubeconfigJane', 'team-a'],
      ['kubeconfigJane', 'default'],
      ['kubeconfig', 'team-a'],
    ] as const) {
      const [real, fake] = await Promise.all([canI(tb.files[files], ns), canI(sb.files![files], ns)]);
      expect(real.code).toBe(0);
      expect(fake).toEqual(real);
    }
  });
});

/** Names a client sees either way; the transport's own (date, length, keep-alive) left out. */
const TRANSPORT = new Set(['date', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);
const names = (r: RawResponse) =>
  Object.keys(r.headers)
    .map((k) => k.toLowerCase())
    .filter((k) => !TRANSPORT.has(k))
    .sort();
const header = (r: RawResponse, name: string) => r.headers[name] as string | undefined;

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
const CASES: [string, string, FetchInit][] = [
  ['a list (admin)', '/api/v1/namespaces/team-a/pods', {}],
  ['a Table list (jane)', '/api/v1/namespaces/team-a/pods', { as: 'jane', headers: { Accept: TABLE } }],
  ['an object that does not exist', '/api/v1/namespaces/team-a/pods/no-such-pod', {}],
  ['a refusal (403)', '/api/v1/namespaces/default/pods', { as: 'jane' }],
  ['a refused impersonation', '/api/v1/namespaces/team-a/pods', { as: 'jane', headers: { 'Impersonate-User': 'x' } }],
  ['/version as jane', '/version', { as: 'jane' }],
  ['/healthz as jane (a probe)', '/healthz', { as: 'jane' }],
  ['/healthz anonymously', '/healthz', { as: 'anonymous' }],
  ['the rules review', SELF_SUBJECT_RULES_REVIEW_PATH, review('team-a', 'jane')],
  ['a deprecated version', '/apis/stable.example.com/v1beta1/namespaces/team-a/crontabs', {}],
  ['its successor', '/apis/stable.example.com/v1/namespaces/team-a/crontabs', {}],
  ['a bad token (401)', '/version', { as: 'anonymous', headers: { Authorization: 'Bearer nope' } }],
];

describeReal('response headers: the sandbox sends the names kube-apiserver sends', () => {
  it.each(CASES)('%s', async (_name, path, init) => {
    const [real, fake] = await both(path, init);
    expect(fake.status).toBe(real.status);
    expect(names(fake)).toEqual(names(real));
  });

  it('Warning: the same text for the deprecated CRD version, none for its successor', async () => {
    const [real, fake] = await both('/apis/stable.example.com/v1beta1/namespaces/team-a/crontabs');
    expect(header(real, 'warning')).toBe(
      '299 - "stable.example.com/v1beta1 CronTab is deprecated; use stable.example.com/v1 CronTab"',
    );
    expect(header(fake, 'warning')).toBe(header(real, 'warning'));
  });

  it('APF: the same classes of request share FlowSchema and PriorityLevel UIDs on both servers', async () => {
    // admin (exempt), jane (global-default), jane's health check (probes, at the exempt level).
    const pattern = async (fetch: (path: string, init?: FetchInit) => Promise<RawResponse>) => {
      const [admin, admin2, jane, probe] = await Promise.all([
        fetch('/version'),
        fetch('/api/v1/namespaces/team-a/pods'),
        fetch('/version', { as: 'jane' }),
        fetch('/healthz', { as: 'jane' }),
      ]);
      const fs = (r: RawResponse) => header(r, 'x-kubernetes-pf-flowschema-uid');
      const pl = (r: RawResponse) => header(r, 'x-kubernetes-pf-prioritylevel-uid');
      expect(fs(admin)).toMatch(/^[0-9a-f-]{36}$/);
      return {
        adminSame: fs(admin) === fs(admin2) && pl(admin) === pl(admin2),
        janeOther: fs(jane) !== fs(admin) && pl(jane) !== pl(admin),
        probeOwnSchema: fs(probe) !== fs(jane) && fs(probe) !== fs(admin),
        probeExemptLevel: pl(probe) === pl(admin),
      };
    };
    const real = await pattern((p, i) => tb.fetch(p, i));
    expect(real).toEqual({ adminSame: true, janeOther: true, probeOwnSchema: true, probeExemptLevel: true });
    expect(await pattern(sbFetch)).toEqual(real);
  });
});
