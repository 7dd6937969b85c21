// The guided tour: every step's target exists on the sandbox, the anonymous step really is a 403,
// and what the explanations claim about access holds on the sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import { whoAmI } from '../src/client/identity.js';
import { TOUR, targetRequest, tourCurl, tourSetup, tourStepById, type TourStep } from '../src/model/tour.js';
import { startSandbox, tempDir } from './helpers/client.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

async function statusOf(p: Promise<{ status: number }>): Promise<number> {
  try {
    return (await p).status;
  } catch (e) {
    return (e as { status?: number }).status ?? -1;
  }
}

describe('tour content', () => {
  it('has the steps in teaching order', () => {
    expect(TOUR.map((s) => s.id)).toEqual([
      'version',
      'root',
      'core-group',
      'named-groups',
      'group-version',
      'list-objects',
      'get-object',
      'anonymous',
      'client-certificates',
      'kubectl-proxy',
    ]);
    expect(new Set(TOUR.map((s) => s.id)).size).toBe(TOUR.length);
    expect(tourStepById('anonymous')!.expectStatus).toBe(403);
    expect(tourStepById('nope')).toBeUndefined();
  });

  it('explanations are two or three plain sentences, titles short, curls shown', () => {
    for (const s of TOUR) {
      const sentences = s.explanation.split(/(?<=[.!?])\s+(?=\S)/).filter(Boolean);
      expect(sentences.length, `${s.id}: ${sentences.join(' | ')}`).toBeGreaterThanOrEqual(2);
      expect(sentences.length, s.id).toBeLessThanOrEqual(3);
      expect(s.explanation).toMatch(/[.)]$/);
      expect(s.title.length).toBeLessThanOrEqual(60);
      expect(s.showCurl).toBe(true);
      expect(s.docs).toMatch(/^https:\/\/kubernetes\.io\/docs\//);
      // Balanced code spans.
      expect((s.explanation.match(/`/g) ?? []).length % 2, s.id).toBe(0);
    }
  });

  it('maps targets to requests', () => {
    const paths = TOUR.map((s) => `${targetRequest(s.target).method} ${targetRequest(s.target).path}`);
    expect(paths).toEqual([
      'GET /version',
      'GET /',
      'GET /api',
      'GET /apis',
      'GET /apis/apps/v1',
      'GET /api/v1/namespaces/kube-system/pods',
      'GET /api/v1/namespaces/kube-system/pods',
      'GET /api',
      'POST /apis/authentication.k8s.io/v1/selfsubjectreviews',
      'GET /api',
    ]);
    expect(targetRequest({ kind: 'resource', groupVersion: 'v1', resource: 'pods' }).path).toBe('/api/v1');
    expect(
      targetRequest({ kind: 'object', groupVersion: 'apps/v1', resource: 'deployments', namespace: 'team-a' }).path,
    ).toBe('/apis/apps/v1/namespaces/team-a/deployments');
  });

  it('fills the example curls from the connection, never with files it does not have', () => {
    const ctx = {
      server: 'https://127.0.0.1:6443/',
      caFile: '/sb/ca.crt',
      certFile: '/sb/a.crt',
      keyFile: '/sb/a.key',
    };
    expect(tourCurl(tourStepById('anonymous')!, ctx)).toBe('curl --cacert /sb/ca.crt https://127.0.0.1:6443/api');
    expect(tourCurl(tourStepById('client-certificates')!, ctx)).toBe(
      'curl --cacert /sb/ca.crt --cert /sb/a.crt --key /sb/a.key https://127.0.0.1:6443/api',
    );
    // Not a proxy connection: the documented port, after the kubectl proxy the setup line starts.
    expect(tourCurl(tourStepById('kubectl-proxy')!, ctx)).toBe('curl http://127.0.0.1:8001/api');
    expect(tourSetup(tourStepById('kubectl-proxy')!, { ...ctx, kubectlArgs: ['--context', 'kind-kind'] })).toEqual([
      'kubectl --context kind-kind proxy --port=8001 &',
    ]);
    expect(tourSetup(tourStepById('anonymous')!, ctx)).toEqual([]);
    expect(tourCurl(tourStepById('anonymous')!, { ...ctx, caFile: '/tmp/my dir/ca.crt' })).toBe(
      `curl --cacert '/tmp/my dir/ca.crt' https://127.0.0.1:6443/api`,
    );
    // TLS verification off: -k; a CA from the system store: no option at all.
    expect(tourCurl(tourStepById('anonymous')!, { server: 'https://h:6443', insecure: true })).toBe(
      'curl -k https://h:6443/api',
    );
    expect(tourCurl(tourStepById('anonymous')!, { server: 'https://h:6443' })).toBe('curl https://h:6443/api');
    // A token connection has no certificate files: the step says so instead of inventing admin.crt.
    expect(tourCurl(tourStepById('client-certificates')!, { server: 'https://h:6443', caFile: '/ca' })).toMatch(
      /^# .*cannot be shown \(this connection has no client certificate/,
    );
    expect(tourCurl(tourStepById('version')!, ctx)).toBeUndefined();
  });

  it('in proxy mode: the real proxy URL, and no anonymous example (the API server is not known)', () => {
    const proxy = {
      server: 'http://127.0.0.1:39999',
      mode: 'proxy',
      kubectlArgs: ['--server', 'http://127.0.0.1:39999'],
    };
    expect(tourCurl(tourStepById('kubectl-proxy')!, proxy)).toBe('curl http://127.0.0.1:39999/api');
    expect(tourSetup(tourStepById('kubectl-proxy')!, proxy)).toEqual([]);
    for (const id of ['anonymous', 'client-certificates']) {
      const c = tourCurl(tourStepById(id)!, proxy)!;
      expect(c).toMatch(/^# .*cannot be shown \(kapi-tui reaches the cluster through kubectl proxy/);
      expect(c).not.toContain('ca.crt');
    }
  });
});

describe('tour targets on the sandbox', () => {
  let sb: Sandbox;
  let tmp: ReturnType<typeof tempDir>;
  let admin: ApiClient;
  let jane: ApiClient;
  let anonymous: ApiClient;

  beforeAll(async () => {
    tmp = tempDir('kapi-tour-');
    sb = await startSandbox({ dir: tmp.dir, watchIntervalMs: 0 });
    const f = sb.files!;
    admin = new ApiClient(await connect({ kubeconfig: f.kubeconfig }));
    jane = new ApiClient(await connect({ kubeconfig: f.kubeconfigJane }));
    anonymous = new ApiClient(await connect({ server: sb.url, cacert: f.ca }));
  });
  afterAll(async () => {
    for (const c of [admin, jane, anonymous]) c?.close();
    await sb?.close();
    tmp?.remove();
  });

  const request = (api: ApiClient, s: TourStep) => {
    const { method, path } = targetRequest(s.target);
    return method === 'GET'
      ? api.getRaw(path)
      : api.request(method, path, { body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } });
  };

  it.each(TOUR.map((s) => [s.id, s] as const))('%s: the target answers as an admin', async (_id, s) => {
    const r = await request(admin, s);
    expect(r.status).toBe(targetRequest(s.target).method === 'POST' ? 201 : 200);
    expect(r.json ?? r.body).toBeTruthy();
  });

  it('the anonymous step is a 403 without a client certificate; the next step fixes it', async () => {
    const s = tourStepById('anonymous')!;
    const e = await request(anonymous, s).then(
      () => undefined,
      (err) => err,
    );
    expect(e?.status).toBe(s.expectStatus);
    expect(e.serverMessage).toBe('forbidden: User "system:anonymous" cannot get path "/api"');
    expect(e.hint).toMatch(/No credentials/);
    const who = await whoAmI(admin);
    expect(who.username).toBe('kubernetes-admin');
    expect(who.groups).toContain('system:masters');
  });

  it('what the explanations claim about access holds', async () => {
    // "Anyone may read it, even without credentials."
    for (const p of ['/version', '/healthz', '/livez', '/readyz'])
      expect(await statusOf(anonymous.getRaw(p)), p).toBe(200);
    for (const p of ['/', '/api', '/apis', '/openapi/v3', '/metrics'])
      expect(await statusOf(anonymous.getRaw(p)), p).toBe(403);
    // "The default roles do not grant / itself": an ordinary user gets 403, discovery works.
    expect(await statusOf(jane.getRaw('/'))).toBe(403);
    expect(await statusOf(jane.getRaw('/api'))).toBe(200);
    expect(await statusOf(jane.getRaw('/apis/apps/v1'))).toBe(200);
  });

  it('the steps show what they describe', async () => {
    const version = (await admin.getRaw('/version')).json as any;
    expect(version).toMatchObject({
      major: expect.any(String),
      minor: expect.any(String),
      gitVersion: expect.any(String),
      platform: expect.any(String),
    });
    const root = (await admin.getRaw('/')).json as any;
    for (const p of ['/api', '/apis', '/healthz', '/livez', '/readyz', '/metrics', '/openapi/v3', '/version'])
      expect(root.paths).toContain(p);
    const api = (await admin.getRaw('/api')).json as any;
    expect(api.versions).toEqual(['v1']);
    const apis = (await admin.getRaw('/apis')).json as any;
    expect(apis.groups.map((g: any) => g.name)).toEqual(
      expect.arrayContaining(['apps', 'batch', 'rbac.authorization.k8s.io']),
    );
    const appsV1 = (await admin.getRaw('/apis/apps/v1')).json as any;
    const names = appsV1.resources.map((r: any) => r.name);
    expect(names).toContain('deployments');
    expect(names).toContain('deployments/scale');
    expect(appsV1.resources.find((r: any) => r.name === 'deployments').verbs).toEqual(
      expect.arrayContaining(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']),
    );
    const page = await admin.list(
      { group: '', version: 'v1', resource: 'pods', namespaced: true },
      { namespace: 'kube-system' },
    );
    expect(page.format).toBe('table');
    // The get-object step opens the first pod of that list.
    const first = page.rows[0]?.object?.metadata?.name;
    expect(first).toBeTruthy();
    const pod = (await admin.getRaw(`${targetRequest(tourStepById('get-object')!.target).path}/${first}`)).json as any;
    expect(Object.keys(pod)).toEqual(expect.arrayContaining(['apiVersion', 'kind', 'metadata', 'spec', 'status']));
    expect(pod.apiVersion).toBe('v1');
  });
});
