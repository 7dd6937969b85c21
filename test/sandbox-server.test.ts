// The sandbox over real TLS: authentication, authorization wording, endpoints, formats, and
// the reference clients (curl, kubectl) working against it exactly as the Kubernetes docs describe.
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCertificateAuthority } from '../src/sandbox/certs.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { httpsGet } from './helpers/https.js';
import { itWithKubectl, requireKubectl, run, startAndWaitFor } from './helpers/processes.js';
import { useSandbox } from './helpers/sandbox.js';

const AGGREGATED_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

let sb: Sandbox;
let dir: string;
const admin = () => ({ ca: sb.caPem, cert: sb.admin.certPem, key: sb.admin.keyPem });
const jane = () => ({ ca: sb.caPem, cert: sb.jane.certPem, key: sb.jane.keyPem });

useSandbox('kapi-sb-test-', { watchIntervalMs: 50, token: 's3cr3t-token' }, (s) => ({ sb, dir } = s));

describe('authentication', () => {
  it('lets anonymous read /version but not /', async () => {
    const v = await httpsGet(`${sb.url}/version`, { ca: sb.caPem });
    expect(v.status).toBe(200);
    expect(v.json().major).toBe('1');
    const root = await httpsGet(`${sb.url}/`, { ca: sb.caPem });
    expect(root.status).toBe(403);
    expect(root.json()).toMatchObject({
      kind: 'Status',
      reason: 'Forbidden',
      code: 403,
      message: 'forbidden: User "system:anonymous" cannot get path "/"',
    });
    expect((await httpsGet(`${sb.url}/api`, { ca: sb.caPem })).status).toBe(403);
    expect((await httpsGet(`${sb.url}/healthz`, { ca: sb.caPem })).body).toBe('ok');
  });

  it('answers 401 to a certificate from another CA and to a bad token', async () => {
    const rogueCa = await createCertificateAuthority('rogue');
    const rogue = await rogueCa.issue({
      commonName: 'kubernetes-admin',
      organizations: ['system:masters'],
      usage: 'client',
    });
    const r = await httpsGet(`${sb.url}/api`, { ca: sb.caPem, cert: rogue.certPem, key: rogue.keyPem });
    expect(r.status).toBe(401);
    expect(r.json()).toMatchObject({ reason: 'Unauthorized', message: 'Unauthorized', code: 401 });
    const bad = await httpsGet(`${sb.url}/api`, { ca: sb.caPem, headers: { Authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
    const good = await httpsGet(`${sb.url}/api`, { ca: sb.caPem, headers: { Authorization: 'Bearer s3cr3t-token' } });
    expect(good.status).toBe(200);
  });

  it('limits jane to pods in team-a with kube-apiserver wording', async () => {
    const ok = await httpsGet(`${sb.url}/api/v1/namespaces/team-a/pods`, jane());
    expect(ok.status).toBe(200);
    expect(ok.json().items.length).toBeGreaterThan(0);
    const all = await httpsGet(`${sb.url}/api/v1/pods`, jane());
    expect(all.status).toBe(403);
    expect(all.json().message).toBe(
      'pods is forbidden: User "jane" cannot list resource "pods" in API group "" at the cluster scope',
    );
    const deploy = await httpsGet(`${sb.url}/apis/apps/v1/namespaces/team-a/deployments`, jane());
    expect(deploy.json().message).toBe(
      'deployments.apps is forbidden: User "jane" cannot list resource "deployments" in API group "apps" in the namespace "team-a"',
    );
  });

  it('answers whoami (SelfSubjectReview) with the certificate identity', async () => {
    const r = await httpsGet(`${sb.url}/apis/authentication.k8s.io/v1/selfsubjectreviews`, {
      ...jane(),
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' }),
    });
    expect(r.status).toBe(201);
    // v1.34 also names the credential: the SHA-256 of the client certificate (checked against the real server in real-sandbox-parity).
    const credentialId = `X509SHA256=${new X509Certificate(sb.jane.certPem).fingerprint256.replace(/:/g, '').toLowerCase()}`;
    expect(r.json().status.userInfo).toEqual({
      username: 'jane',
      groups: ['dev', 'system:authenticated'],
      extra: { 'authentication.kubernetes.io/credential-id': [credentialId] },
    });
  });
});

describe('endpoints', () => {
  it('serves the sorted root path list', async () => {
    const r = await httpsGet(`${sb.url}/`, admin());
    const paths: string[] = r.json().paths;
    expect(paths).toContain('/apis/apps/v1');
    expect(paths).toContain('/openapi/v3');
    expect([...paths].sort()).toEqual(paths);
  });

  it('serves health checks like kube-apiserver', async () => {
    const verbose = await httpsGet(`${sb.url}/readyz?verbose`, admin());
    expect(verbose.body).toMatch(/^\[\+\]ping ok\n/);
    expect(verbose.body.endsWith('readyz check passed\n')).toBe(true);
    expect((await httpsGet(`${sb.url}/livez/etcd`, admin())).body).toBe('ok');
    expect((await httpsGet(`${sb.url}/livez/nope`, admin())).status).toBe(404);
  });

  it('serves metrics as Prometheus text and an unknown path as plain 404', async () => {
    const m = await httpsGet(`${sb.url}/metrics`, admin());
    expect(m.headers['content-type']).toMatch(/^text\/plain; version=0.0.4/);
    expect(m.body).toContain('# TYPE apiserver_request_total counter');
    const nf = await httpsGet(`${sb.url}/nope`, admin());
    expect(nf.status).toBe(404);
    expect(nf.body).toBe('404 page not found\n');
  });

  it('chooses aggregated discovery by the Accept header', async () => {
    const agg = await httpsGet(`${sb.url}/apis`, { ...admin(), headers: { Accept: AGGREGATED_ACCEPT } });
    expect(agg.headers['content-type']).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
    expect(agg.json().kind).toBe('APIGroupDiscoveryList');
    const again = await httpsGet(`${sb.url}/apis`, {
      ...admin(),
      headers: { Accept: AGGREGATED_ACCEPT, 'If-None-Match': String(agg.headers.etag) },
    });
    expect(again.status).toBe(304);
    const legacy = await httpsGet(`${sb.url}/apis`, { ...admin(), headers: { Accept: 'application/json' } });
    expect(legacy.json().kind).toBe('APIGroupList');
  });

  it('returns 404 Status for a missing object', async () => {
    const r = await httpsGet(`${sb.url}/api/v1/namespaces/default/pods/x`, admin());
    expect(r.status).toBe(404);
    expect(r.json()).toMatchObject({
      reason: 'NotFound',
      message: 'pods "x" not found',
      details: { name: 'x', kind: 'pods' },
    });
    const d = await httpsGet(`${sb.url}/apis/apps/v1/namespaces/default/deployments/x`, admin());
    expect(d.json().message).toBe('deployments.apps "x" not found');
  });

  it('paginates with limit and continue, one resourceVersion for all pages', async () => {
    // kube-system: the ticker (every 50 ms here) only changes namespace demo, so the list and the
    // pages see the same pods.
    const all = (await httpsGet(`${sb.url}/api/v1/namespaces/kube-system/pods`, admin()))
      .json()
      .items.map((p: any) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(all.length).toBeGreaterThan(4);
    const seen: string[] = [];
    let cont = '';
    const rvs = new Set<string>();
    do {
      const page = (
        await httpsGet(
          `${sb.url}/api/v1/namespaces/kube-system/pods?limit=3${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`,
          admin(),
        )
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((p: any) => `${p.metadata.namespace}/${p.metadata.name}`));
      rvs.add(page.metadata.resourceVersion);
      cont = page.metadata.continue ?? '';
    } while (cont);
    expect(seen).toEqual(all);
    expect(rvs.size).toBe(1);
  });

  it('serves lists as Table with kubectl columns', async () => {
    const r = await httpsGet(`${sb.url}/api/v1/namespaces/team-a/pods`, {
      ...admin(),
      headers: { Accept: TABLE_ACCEPT },
    });
    const t = r.json();
    expect(t.kind).toBe('Table');
    expect(t.columnDefinitions.filter((c: any) => c.priority === 0).map((c: any) => c.name)).toEqual([
      'Name',
      'Ready',
      'Status',
      'Restarts',
      'Age',
    ]);
    expect(t.rows[0].object.kind).toBe('PartialObjectMetadata');
  });

  it('a watch with nothing to report still answers 200 at once (headers flushed, like kube-apiserver)', async () => {
    const { request } = await import('node:https');
    const list = (await httpsGet(`${sb.url}/api/v1/namespaces/kube-public/configmaps`, admin())).json();
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        `${sb.url}/api/v1/namespaces/kube-public/configmaps?watch=1&resourceVersion=${list.metadata.resourceVersion}`,
        { ...admin() },
        (res) => {
          resolve(res.statusCode);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
  });

  it('streams watch events as newline-delimited JSON', async () => {
    const { request } = await import('node:https');
    const events: any[] = await new Promise((resolve, reject) => {
      const got: any[] = [];
      const req = request(`${sb.url}/api/v1/pods?watch=1`, { ...admin() }, (res) => {
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          let i;
          while ((i = buf.indexOf('\n')) >= 0) {
            got.push(JSON.parse(buf.slice(0, i)));
            buf = buf.slice(i + 1);
          }
          if (got.some((e) => e.type !== 'ADDED')) {
            req.destroy();
            resolve(got);
          }
        });
      });
      req.on('error', (e) => (got.length ? undefined : reject(e)));
      req.end();
    });
    expect(events[0].type).toBe('ADDED');
    expect(events.some((e) => e.type === 'MODIFIED' || e.type === 'DELETED')).toBe(true);
  });

  it('serves pods/log as text', async () => {
    const pods = (await httpsGet(`${sb.url}/api/v1/namespaces/team-a/pods`, admin())).json().items;
    const r = await httpsGet(`${sb.url}/api/v1/namespaces/team-a/pods/${pods[0].metadata.name}/log`, admin());
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    expect(r.body.length).toBeGreaterThan(0);
  });

  it('pods/log honours tailLines and checks container like kube-apiserver', async () => {
    const pods = (await httpsGet(`${sb.url}/api/v1/namespaces/team-a/pods`, admin())).json().items;
    const running = pods.find((p: any) => p.status?.phase === 'Running');
    const base = `${sb.url}/api/v1/namespaces/team-a/pods/${running.metadata.name}/log`;
    const all = (await httpsGet(base, admin())).body.split('\n').filter(Boolean);
    expect(all.length).toBeGreaterThan(2);
    expect((await httpsGet(`${base}?tailLines=2`, admin())).body).toBe(`${all.slice(-2).join('\n')}\n`);
    expect((await httpsGet(`${base}?tailLines=0`, admin())).body).toBe('');
    const container = running.spec.containers[0].name;
    expect((await httpsGet(`${base}?container=${container}&tailLines=1`, admin())).body).toBe(`${all.at(-1)}\n`);
    const wrong = await httpsGet(`${base}?container=nope`, admin());
    expect(wrong.status).toBe(400);
    expect(wrong.json().message).toBe(`container nope is not valid for pod ${running.metadata.name}`);
  });

  it('serves OpenAPI v3 documents at the index URLs', async () => {
    const index = (await httpsGet(`${sb.url}/openapi/v3`, admin())).json();
    const url: string = index.paths['api/v1'].serverRelativeURL;
    const doc = await httpsGet(`${sb.url}${url}`, admin());
    expect(doc.status).toBe(200);
    expect(doc.headers['cache-control']).toBe('public, immutable');
    expect(doc.json().components.schemas['io.k8s.api.core.v1.Pod']).toBeDefined();
  });
});

describe('files and reference clients', () => {
  it('writes credentials and kubeconfigs', async () => {
    const f = sb.files!;
    expect(await readFile(f.ca, 'utf8')).toBe(sb.caPem);
    expect(await readFile(f.kubeconfig, 'utf8')).toContain(`server: ${sb.url}`);
    expect(await readFile(f.kubeconfigJane, 'utf8')).toContain('jane.crt');
  });

  it('works with curl using the written certificate files', async () => {
    const f = sb.files!;
    const r = await run('curl', [
      '-sS',
      '--cert',
      f.adminCert,
      '--key',
      f.adminKey,
      '--cacert',
      f.ca,
      `${sb.url}/apis/apps/v1`,
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'APIResourceList', groupVersion: 'apps/v1' });
  });

  itWithKubectl('works with kubectl: api-resources, get pods -A, get --raw /, jane in team-a', async () => {
    const kubectl = requireKubectl();
    const f = sb.files!;
    const env = { ...process.env, HOME: dir, KUBECACHEDIR: join(dir, 'cache') };
    const ar = await run(kubectl, ['--kubeconfig', f.kubeconfig, 'api-resources'], env);
    expect(ar.stderr).toBe('');
    expect(ar.stdout).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND/);
    expect(ar.stdout).toMatch(/\ndeployments\s+deploy\s+apps\/v1\s+true\s+Deployment\n/);
    const pods = await run(kubectl, ['--kubeconfig', f.kubeconfig, 'get', 'pods', '-A'], env);
    expect(pods.code).toBe(0);
    expect(pods.stdout).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
    const raw = await run(kubectl, ['--kubeconfig', f.kubeconfig, 'get', '--raw', '/'], env);
    expect(JSON.parse(raw.stdout).paths).toContain('/api/v1');
    const janePods = await run(kubectl, ['--kubeconfig', f.kubeconfigJane, 'get', 'pods', '-n', 'team-a'], env);
    expect(janePods.code).toBe(0);
    const janeAll = await run(kubectl, ['--kubeconfig', f.kubeconfigJane, 'get', 'pods', '-A'], env);
    expect(janeAll.stderr).toContain(
      'pods is forbidden: User "jane" cannot list resource "pods" in API group "" at the cluster scope',
    );
  });

  itWithKubectl('works behind a real kubectl proxy', async () => {
    const kubectl = requireKubectl();
    const { child, match } = await startAndWaitFor(
      kubectl,
      ['--kubeconfig', sb.files!.kubeconfig, 'proxy', '--port=0'],
      /Starting to serve on 127\.0\.0\.1:(\d+)/,
    );
    try {
      const r = await run('curl', ['-sS', `http://127.0.0.1:${match[1]}/api/v1/namespaces/team-a/pods`]);
      expect(JSON.parse(r.stdout).kind).toBe('PodList');
    } finally {
      child.kill();
    }
  });
});
