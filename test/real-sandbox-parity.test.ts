// The sandbox claims to answer like kube-apiserver. Each test asks the sandbox and the real server
// (test bed, v1.34) the same request and compares what a client can see: status, content type,
// headers, key order and JSON types, and the wording of messages. Where the two serve different
// data on purpose (versions, resources, objects), the test compares shapes, not values; those
// differences are listed in docs/TESTBED.md.
import { request } from 'node:https';
import { beforeAll, expect, it } from 'vitest';
import type { Sandbox } from '../src/sandbox/server.js';
import { describeReal, useTestbed } from './helpers/real.js';
import { useSandbox } from './helpers/sandbox.js';
import { httpsRequest, type FetchInit, type RawResponse, type Testbed } from './helpers/testbed.js';

let tb: Testbed;
let sb: Sandbox;
useTestbed('kapi-real-parity-', {}, (f) => (tb = f.tb));
useSandbox('kapi-real-parity-sb-', { watchIntervalMs: 0 }, (f) => (sb = f.sb));

const AGGREGATED =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const TABLE =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

function sbFetch(path: string, init: FetchInit = {}): Promise<RawResponse> {
  const who = init.as ?? 'admin';
  return httpsRequest(sb.url + path, sb.caPem, who === 'admin' ? sb.admin : who === 'jane' ? sb.jane : undefined, init);
}

/** The same request to both: [real, sandbox]. */
async function both(path: string, init: FetchInit = {}): Promise<[RawResponse, RawResponse]> {
  return Promise.all([tb.fetch(path, init), sbFetch(path, init)]);
}

/** The type skeleton of a JSON value: keys in wire order, arrays by their first element. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]));
  return v === null ? 'null' : typeof v;
}

const header = (r: RawResponse, name: string) => r.headers[name.toLowerCase()];

/** Objects written through the API carry metadata.managedFields; the sandbox's made-up objects do
 *  not (a difference kept on purpose, see docs/TESTBED.md), so object shapes are compared without. */
function withoutManagedFields(v: any): any {
  if (Array.isArray(v)) return v.map(withoutManagedFields);
  if (!v || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => k !== 'managedFields')
      .map(([k, x]) => [k, withoutManagedFields(x)]),
  );
}

/** What must be the same in two JSON answers that carry different data. */
function expectSameJsonShape(real: RawResponse, fake: RawResponse, pick: (doc: any) => unknown = (d) => d): void {
  expect(fake.status).toBe(real.status);
  expect(header(fake, 'content-type')).toBe(header(real, 'content-type'));
  expect(fake.body.endsWith('\n')).toBe(real.body.endsWith('\n'));
  // As text: key order is part of what a client sees (kube-apiserver writes Go struct order).
  expect(JSON.stringify(shape(pick(JSON.parse(fake.body))), null, 1)).toBe(
    JSON.stringify(shape(pick(JSON.parse(real.body))), null, 1),
  );
}

/** Resources the sandbox lists with the default columns (Name, Created At) although kube-apiserver
 *  has a printer for them: a simplification kept on purpose (docs/TESTBED.md). Any other resource
 *  must have exactly the real columns. */
const SANDBOX_DEFAULT_COLUMNS = [
  '/api/v1/componentstatuses',
  '/api/v1/podtemplates',
  '/api/v1/replicationcontrollers',
  '/api/v1/resourcequotas',
  '/apis/apiregistration.k8s.io/v1/apiservices',
  '/apis/apps/v1/controllerrevisions',
  '/apis/certificates.k8s.io/v1/certificatesigningrequests',
  '/apis/networking.k8s.io/v1/ipaddresses',
  '/apis/networking.k8s.io/v1/servicecidrs',
  '/apis/storage.k8s.io/v1/csidrivers',
  '/apis/storage.k8s.io/v1/csinodes',
  '/apis/storage.k8s.io/v1/volumeattachments',
  '/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations',
  '/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies',
  '/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings',
  '/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations',
  '/apis/node.k8s.io/v1/runtimeclasses',
  '/apis/flowcontrol.apiserver.k8s.io/v1/flowschemas',
  '/apis/flowcontrol.apiserver.k8s.io/v1/prioritylevelconfigurations',
];

/** A Table without its data: the first row's cells, and of its object the metadata every object
 *  has (the rest depends on how each object was made: owner references, annotations, ...). */
function tableHead(d: any): unknown {
  const row = d.rows[0];
  const m = row.object.metadata;
  const object = {
    ...row.object,
    metadata: {
      name: m.name,
      namespace: m.namespace,
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
  };
  return { ...d, rows: [{ ...row, object }] };
}

describeReal('sandbox answers like kube-apiserver v1.34', () => {
  beforeAll(() => {
    expect(tb, 'test bed started').toBeDefined();
  });

  it('/ lists paths, pretty-printed; the generic paths the sandbox lists are real ones', async () => {
    const [real, fake] = await both('/');
    expectSameJsonShape(real, fake);
    expect(fake.body).toMatch(/^\{\n {2}"paths": \[\n/);
    expect(real.body).toMatch(/^\{\n {2}"paths": \[\n/);
    const realPaths: string[] = JSON.parse(real.body).paths;
    const generic = (p: string) =>
      !/^\/apis?\//.test(p) && !p.startsWith('/healthz/') && !p.startsWith('/livez/') && !p.startsWith('/readyz/');
    // /logs: the sandbox serves a log index like older servers; v1.34 no longer does by default
    // (--enable-logs-handler). Kept on purpose, see docs/TESTBED.md.
    const fakeGeneric = JSON.parse(fake.body).paths.filter((p: string) => generic(p) && p !== '/logs');
    expect(fakeGeneric.filter((p: string) => !realPaths.includes(p))).toEqual([]);
    expect([...realPaths].sort()).toEqual(realPaths);
  });

  it('/version: the same fields in the same order, all strings, pretty-printed', async () => {
    const [real, fake] = await both('/version');
    expectSameJsonShape(real, fake);
    expect(Object.keys(JSON.parse(fake.body))).toEqual(Object.keys(JSON.parse(real.body)));
    expect(fake.body).toMatch(/^\{\n {2}"major": "1",\n/);
    expect(real.body).toMatch(/^\{\n {2}"major": "1",\n/);
  });

  it('/healthz?verbose: one [+]check ok line each, the closing line, text/plain', async () => {
    const [real, fake] = await both('/healthz?verbose');
    expect(fake.status).toBe(real.status);
    expect(header(fake, 'content-type')).toBe(header(real, 'content-type'));
    expect(header(fake, 'x-content-type-options')).toBe(header(real, 'x-content-type-options'));
    const lines = (b: string) => b.split('\n');
    expect(lines(real.body).at(-2)).toBe('healthz check passed');
    expect(lines(fake.body).at(-2)).toBe('healthz check passed');
    expect(real.body.endsWith('\n') && fake.body.endsWith('\n')).toBe(true);
    const checks = (b: string) =>
      lines(b)
        .filter((l) => l.startsWith('[+]'))
        .map((l) => l.replace(/^\[\+\](\S+) ok$/, '$1'));
    // The sandbox's checks are real ones (a real server may have more, e.g. feature-dependent hooks).
    expect(checks(fake.body).filter((c) => !checks(real.body).includes(c))).toEqual([]);
    const [realPlain, fakePlain] = await both('/healthz');
    expect([realPlain.body, fakePlain.body]).toEqual(['ok', 'ok']);
  });

  it('legacy discovery: /api, /apis, /apis/apps, /api/v1 and /apis/apps/v1 have the same shapes', async () => {
    for (const path of ['/api', '/apis', '/apis/apps', '/api/v1', '/apis/apps/v1']) {
      const [real, fake] = await both(path, { headers: { accept: 'application/json' } });
      expectSameJsonShape(real, fake, (d) => ({
        ...d,
        resources: d.resources?.filter((r: any) => r.name === 'pods' || r.name === 'deployments'),
      }));
    }
  });

  it('legacy discovery: the same pods and deployments entries, subresources included', async () => {
    for (const [path, names] of [
      ['/api/v1', /^pods(\/|$)/],
      ['/apis/apps/v1', /^deployments(\/|$)/],
    ] as const) {
      const [real, fake] = await both(path, { headers: { accept: 'application/json' } });
      const pick = (r: RawResponse) => JSON.parse(r.body).resources.filter((x: any) => names.test(x.name));
      expect(pick(fake)).toEqual(pick(real));
    }
  });

  it('aggregated discovery: content type, caching headers, shapes; the same pods and deployments entries', async () => {
    for (const [path, group, resource] of [
      ['/api', '', 'pods'],
      ['/apis', 'apps', 'deployments'],
    ] as const) {
      const [real, fake] = await both(path, { headers: { accept: AGGREGATED } });
      const pick = (d: any) => {
        const item = d.items.find((i: any) => (i.metadata?.name ?? '') === group);
        return {
          ...d,
          items: [
            {
              ...item,
              versions: [
                {
                  ...item.versions[0],
                  resources: item.versions[0].resources.filter((r: any) => r.resource === resource),
                },
              ],
            },
          ],
        };
      };
      expectSameJsonShape(real, fake, pick);
      for (const h of ['cache-control', 'vary']) expect(header(fake, h), h).toBe(header(real, h));
      expect(header(fake, 'etag')).toMatch(/^"[0-9A-F]{128}"$/);
      expect(header(real, 'etag')).toMatch(/^"[0-9A-F]{128}"$/);
      expect(pick(JSON.parse(fake.body)).items[0].versions[0].resources).toEqual(
        pick(JSON.parse(real.body)).items[0].versions[0].resources,
      );
      const [real304, fake304] = await Promise.all([
        tb.fetch(path, { headers: { accept: AGGREGATED, 'if-none-match': String(header(real, 'etag')) } }),
        sbFetch(path, { headers: { accept: AGGREGATED, 'if-none-match': String(header(fake, 'etag')) } }),
      ]);
      expect([real304.status, fake304.status]).toEqual([304, 304]);
    }
  });

  it('Table lists with limit and continue: same columns (names, types, descriptions), same metadata and row shapes', async () => {
    for (const path of ['/api/v1/namespaces?limit=2', '/api/v1/pods?limit=1']) {
      const [real, fake] = await both(path, { headers: { accept: TABLE } });
      expectSameJsonShape(real, fake, tableHead);
      expect(JSON.parse(fake.body).columnDefinitions).toEqual(JSON.parse(real.body).columnDefinitions);
      const next = (r: RawResponse) =>
        `${path.split('?')[0]}?limit=500&continue=${encodeURIComponent(JSON.parse(r.body).metadata.continue)}`;
      const [realNext, fakeNext] = await Promise.all([
        tb.fetch(next(real), { headers: { accept: TABLE } }),
        sbFetch(next(fake), { headers: { accept: TABLE } }),
      ]);
      expectSameJsonShape(realNext, fakeNext, tableHead);
      expect(JSON.parse(realNext.body).metadata.continue).toBeUndefined();
      expect(JSON.parse(fakeNext.body).metadata.continue).toBeUndefined();
    }
  });

  it('Table columns for every resource both serve: identical, or the default columns where the sandbox has no printer', async () => {
    const listable = async (get: (p: string, i: FetchInit) => Promise<RawResponse>) => {
      const out: string[] = [];
      for (const root of ['/api', '/apis']) {
        for (const item of JSON.parse((await get(root, { headers: { accept: AGGREGATED } })).body).items) {
          const v = item.versions[0];
          const base = item.metadata?.name ? `/apis/${item.metadata.name}/${v.version}` : '/api/v1';
          for (const r of v.resources) if (r.verbs.includes('list')) out.push(`${base}/${r.resource}`);
        }
      }
      return out;
    };
    const fakePaths = new Set(await listable(sbFetch));
    const common = (await listable((p, i) => tb.fetch(p, i))).filter((p) => fakePaths.has(p));
    expect(common.length).toBeGreaterThan(40);
    const mismatched: string[] = [];
    for (const path of common) {
      const [real, fake] = await both(`${path}?limit=1`, { headers: { accept: TABLE } });
      const [rc, fc] = [real, fake].map((r) => JSON.stringify(JSON.parse(r.body).columnDefinitions));
      const fakeNames = JSON.parse(fake.body)
        .columnDefinitions.map((c: { name: string }) => c.name)
        .join();
      if (rc === fc) continue;
      mismatched.push(path);
      // The sandbox's generic printer: what kube-apiserver prints for kinds without printer columns.
      expect(fakeNames, path).toBe('Name,Created At');
    }
    expect(mismatched.sort()).toEqual([...SANDBOX_DEFAULT_COLUMNS].sort());
  });

  it('watch: chunked JSON lines of {type, object}, ADDED for what exists', async () => {
    const [real, fake] = await Promise.all([
      firstWatchEvent(tb.url, tb.caPem, tb.admin, '/api/v1/namespaces?watch=1'),
      firstWatchEvent(sb.url, sb.caPem, sb.admin, '/api/v1/namespaces?watch=1'),
    ]);
    expect(fake.status).toBe(real.status);
    expect(fake.headers['content-type']).toBe(real.headers['content-type']);
    expect(fake.headers['transfer-encoding']).toBe(real.headers['transfer-encoding']);
    expect(JSON.parse(real.line).type).toBe('ADDED');
    expect(shape(withoutManagedFields(JSON.parse(fake.line)))).toEqual(
      shape(withoutManagedFields(JSON.parse(real.line))),
    );
  });

  it('OpenAPI v3: index and a document, with their caching headers', async () => {
    const [real, fake] = await both('/openapi/v3');
    expectSameJsonShape(real, fake, (d) => ({ paths: { 'api/v1': d.paths['api/v1'] } }));
    const url = (r: RawResponse) => JSON.parse(r.body).paths['api/v1'].serverRelativeURL as string;
    expect(url(real)).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/);
    expect(url(fake)).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/);
    const [realDoc, fakeDoc] = await Promise.all([tb.fetch(url(real)), sbFetch(url(fake))]);
    expectSameJsonShape(realDoc, fakeDoc, (d) => ({
      ...d,
      paths: {},
      components: { schemas: { 'io.k8s.api.core.v1.Pod': d.components.schemas['io.k8s.api.core.v1.Pod'] } },
    }));
    for (const h of ['cache-control', 'vary']) expect(header(fakeDoc, h), h).toBe(header(realDoc, h));
    for (const r of [realDoc, fakeDoc]) {
      expect(header(r, 'etag')).toMatch(/^"[0-9A-F]{128}"$/);
      expect(header(r, 'expires')).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} UTC$/);
    }
    expect(header(fake, 'etag')).toBe(header(real, 'etag')); // the index has none
    const [realOld, fakeOld] = await both('/openapi/v3/api/v1?hash=0000');
    expect([realOld.status, fakeOld.status]).toEqual([301, 301]);
    expect(header(fakeOld, 'location')).toBe(url(fake));
    expect(header(realOld, 'location')).toBe(url(real));
  });

  it('SelfSubjectReview: the same body for admin and for jane, the certificate as credential id', async () => {
    const body = JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' });
    for (const as of ['admin', 'jane'] as const) {
      const init = { method: 'POST', as, body, headers: { 'content-type': 'application/json' } };
      const [real, fake] = await both('/apis/authentication.k8s.io/v1/selfsubjectreviews', init);
      expectSameJsonShape(real, fake);
      // Same user, groups and extra, but each server has its own certificates: compare the id's form.
      const norm = (r: RawResponse) => {
        const d = JSON.parse(r.body);
        d.metadata.creationTimestamp = d.metadata.creationTimestamp.replace(
          /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
          'TIME',
        );
        const extra = d.status.userInfo.extra['authentication.kubernetes.io/credential-id'];
        d.status.userInfo.extra['authentication.kubernetes.io/credential-id'] = extra.map((x: string) =>
          x.replace(/^X509SHA256=[0-9a-f]{64}$/, 'X509SHA256=HEX'),
        );
        return d;
      };
      expect(norm(fake)).toEqual(norm(real));
    }
  });

  it('SelfSubjectAccessReview: same shapes and answers for jane (allowed in team-a, denied elsewhere)', async () => {
    const review = (namespace: string, resource: string) =>
      JSON.stringify({
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { namespace, verb: 'list', resource } },
      });
    for (const [ns, res, allowed] of [
      ['team-a', 'pods', true],
      ['team-a', 'secrets', false],
      ['demo', 'pods', false],
    ] as const) {
      const headers = { 'content-type': 'application/json', 'user-agent': 'kapi-parity/1.0 (test)' };
      const init = { method: 'POST', as: 'jane' as const, body: review(ns, res), headers };
      const [real, fake] = await both('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', init);
      expectSameJsonShape(real, fake);
      expect(JSON.parse(real.body).status.allowed).toBe(allowed);
      const norm = (r: RawResponse) => JSON.parse(r.body.replace(/"time":"[^"]+"/, '"time":"TIME"'));
      expect(norm(fake)).toEqual(norm(real));
      expect(norm(real).metadata.managedFields[0].manager).toBe('kapi-parity');
    }
  });

  it('401, 403 and 404 Status bodies say the same words', async () => {
    const cases: [string, FetchInit][] = [
      ['/api', { as: 'anonymous' }],
      ['/', { as: 'anonymous' }],
      ['/api/v1/namespaces/default/pods', { as: 'anonymous' }],
      ['/api/v1/namespaces/team-a/secrets', { as: 'jane' }],
      ['/apis/apps/v1/deployments', { as: 'jane' }],
      ['/api/v1/namespaces/team-a/pods/nope', {}],
      ['/apis/apps/v1/namespaces/team-a/deployments/nope', {}],
      ['/api/v1/foos', {}],
    ];
    for (const [path, init] of cases) {
      const [real, fake] = await both(path, init);
      expect(fake.status, path).toBe(real.status);
      expect(header(fake, 'content-type'), path).toBe(header(real, 'content-type'));
      expect(fake.body, path).toBe(real.body);
    }
    const [realNf, fakeNf] = await both('/foo');
    expect([fakeNf.status, fakeNf.body, header(fakeNf, 'content-type')]).toEqual([
      realNf.status,
      realNf.body,
      header(realNf, 'content-type'),
    ]);
  });

  it('curl, Wget and browsers (or ?pretty=true) get pretty JSON without a final newline; ?pretty=false wins', async () => {
    const cases: [string, Record<string, string>][] = [
      ['/api/v1/namespaces/team-a/pods/nope', { 'user-agent': 'curl/8.5.0' }],
      ['/apis/apps/v1', { 'user-agent': 'Wget/1.21' }],
      ['/api/v1/namespaces?limit=1', { 'user-agent': 'Mozilla/5.0 (X11)', accept: TABLE }],
      ['/api', { 'user-agent': 'curl/8.5.0', accept: AGGREGATED }],
      ['/apis/apps/v1?pretty=true', { 'user-agent': 'node' }],
      ['/apis/apps/v1?pretty=false', { 'user-agent': 'curl/8.5.0' }],
    ];
    for (const [path, headers] of cases) {
      const [real, fake] = await both(path, { headers });
      const form = (r: RawResponse) => ({
        pretty: r.body.startsWith('{\n  "'),
        newline: r.body.endsWith('\n'),
        type: header(r, 'content-type'),
      });
      expect(form(fake), path).toEqual(form(real));
    }
    expect((await tb.fetch('/apis/apps/v1', { headers: { 'user-agent': 'curl/8.5.0' } })).body).toMatch(
      /^\{\n {2}"kind"/,
    );
  });

  it('a client certificate from an unknown CA: 401 Unauthorized, the same body', async () => {
    const { createCertificateAuthority } = await import('../src/sandbox/certs.js');
    const stranger = await (
      await createCertificateAuthority('someone-else')
    ).issue({ commonName: 'mallory', usage: 'client' });
    const [real, fake] = await Promise.all([
      httpsRequest(`${tb.url}/api`, tb.caPem, stranger),
      httpsRequest(`${sb.url}/api`, sb.caPem, stranger),
    ]);
    expect(real.status).toBe(401);
    expect(fake.body).toBe(real.body);
    expect(header(fake, 'content-type')).toBe(header(real, 'content-type'));
  });
});

/** Opens a watch and returns the first event line (then hangs up). */
function firstWatchEvent(
  base: string,
  ca: string,
  client: { certPem: string; keyPem: string },
  path: string,
): Promise<{ status: number; headers: Record<string, unknown>; line: string }> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, { ca, cert: client.certPem, key: client.keyPem, agent: false }, (res) => {
      let buf = '';
      res.on('data', (d: Buffer) => {
        buf += d.toString();
        const nl = buf.indexOf('\n');
        if (nl < 0) return;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, line: buf.slice(0, nl) });
        req.destroy();
      });
    });
    req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
    req.end();
  });
}
