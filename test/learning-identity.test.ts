// whoAmI and allowedVerbs against the real sandbox: admin (system:masters), jane (a Role in team-a),
// anonymous (server CA only), and through a real kubectl proxy. The review POSTs must be the only POSTs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import { allowedVerbs, clearPermissionCache, evaluateRules, ruleAllows, whoAmI } from '../src/client/identity.js';
import {
  SELF_SUBJECT_ACCESS_REVIEW_PATH,
  SELF_SUBJECT_REVIEW_PATH,
  SELF_SUBJECT_RULES_REVIEW_PATH,
} from '../src/client/review-paths.js';
import type { RequestEvent, ResourceRef } from '../src/model/types.js';
import { KUBECTL, startKubectlProxy, startSandbox, tempDir, toolMissing, type KubectlProxy } from './helpers/client.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const PODS: ResourceRef = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const POD_LOG: ResourceRef = { group: '', version: 'v1', resource: 'pods/log', namespaced: true };
const DEPLOYMENTS: ResourceRef = { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true };
const NODES: ResourceRef = { group: '', version: 'v1', resource: 'nodes', namespaced: false };
const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
const REVIEW_PATHS = new Set([
  SELF_SUBJECT_REVIEW_PATH,
  SELF_SUBJECT_RULES_REVIEW_PATH,
  SELF_SUBJECT_ACCESS_REVIEW_PATH,
]);

const all = (v: boolean) => Object.fromEntries(VERBS.map((x) => [x, v]));

describe('identity and permissions against the sandbox', () => {
  let sb: Sandbox;
  let tmp: ReturnType<typeof tempDir>;
  const events: RequestEvent[] = [];
  const clients: ApiClient[] = [];

  async function client(opts: Parameters<typeof connect>[0]): Promise<{ api: ApiClient; log: RequestEvent[] }> {
    const api = new ApiClient(await connect(opts));
    const log: RequestEvent[] = [];
    api.onRequest((ev) => {
      events.push(ev);
      log.push(ev);
    });
    clients.push(api);
    return { api, log };
  }

  beforeAll(async () => {
    tmp = tempDir('kapi-identity-');
    sb = await startSandbox({ dir: tmp.dir, watchIntervalMs: 0 });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await sb?.close();
    tmp?.remove();
  });

  describe('whoAmI', () => {
    it('admin: kubernetes-admin in system:masters, from the SelfSubjectReview', async () => {
      const { api, log } = await client({ kubeconfig: sb.files!.kubeconfig });
      const me = await whoAmI(api);
      expect(me).toEqual({
        username: 'kubernetes-admin',
        groups: expect.arrayContaining(['system:masters', 'system:authenticated']),
        source: 'SelfSubjectReview',
      });
      expect(log).toHaveLength(1);
      expect(log[0]!.method).toBe('POST');
      expect(log[0]!.path).toBe(SELF_SUBJECT_REVIEW_PATH);
      expect(log[0]!.status).toBe(201);
      expect(log[0]!.kubectl).toContain('auth whoami');
    });

    it('jane: her CN and O from the client certificate', async () => {
      const { api } = await client({ kubeconfig: sb.files!.kubeconfigJane });
      const me = await whoAmI(api);
      expect(me.username).toBe('jane');
      expect(me.groups).toEqual(expect.arrayContaining(['dev', 'system:authenticated']));
      expect(me.source).toBe('SelfSubjectReview');
    });

    it('certificates mode works the same', async () => {
      const f = sb.files!;
      const { api } = await client({ server: sb.url, cert: f.janeCert, key: f.janeKey, cacert: f.ca });
      expect((await whoAmI(api)).username).toBe('jane');
    });

    it('anonymous (server CA only): the review is forbidden, so system:anonymous', async () => {
      const { api, log } = await client({ server: sb.url, cacert: sb.files!.ca });
      expect(api.connection.user).toBeUndefined();
      const me = await whoAmI(api);
      expect(me.username).toBe('system:anonymous');
      expect(me.groups).toEqual(['system:unauthenticated']);
      expect(me.source).toBe('anonymous');
      expect(me.note).toMatch(/403/);
      expect(log[0]!.status).toBe(403);
    });

    it('an older server without SelfSubjectReview (404): the kubeconfig user', async () => {
      sb.setFaults([
        {
          match: SELF_SUBJECT_REVIEW_PATH,
          status: 404,
          body: '404 page not found\n',
          contentType: 'text/plain; charset=utf-8',
        },
      ]);
      try {
        const { api } = await client({ kubeconfig: sb.files!.kubeconfigJane });
        const me = await whoAmI(api);
        expect(me).toMatchObject({ username: 'jane', groups: [], source: 'kubeconfig' });
        expect(me.note).toMatch(/404/);
        // Anonymous on an old server: no credentials, so still system:anonymous.
        const anon = await client({ server: sb.url, cacert: sb.files!.ca });
        expect((await whoAmI(anon.api)).source).toBe('anonymous');
      } finally {
        sb.setFaults([]);
      }
    });

    it('other failures are not about identity: they are thrown', async () => {
      sb.setFaults([{ match: SELF_SUBJECT_REVIEW_PATH, status: 500 }]);
      try {
        const { api } = await client({ kubeconfig: sb.files!.kubeconfig });
        await expect(whoAmI(api)).rejects.toMatchObject({ status: 500 });
      } finally {
        sb.setFaults([]);
      }
    });
  });

  describe('allowedVerbs', () => {
    it('admin may do everything, everywhere: one rules review per namespace', async () => {
      const { api, log } = await client({ kubeconfig: sb.files!.kubeconfig });
      expect(await allowedVerbs(api, PODS, 'team-a', VERBS)).toEqual(all(true));
      expect(await allowedVerbs(api, DEPLOYMENTS, 'team-a', VERBS)).toEqual(all(true));
      expect(log.map((e) => `${e.method} ${e.path}`)).toEqual([`POST ${SELF_SUBJECT_RULES_REVIEW_PATH}`]);
      expect(JSON.parse(log[0]!.curl.match(/--data-raw '([^']*)'/)![1]!)).toMatchObject({
        spec: { namespace: 'team-a' },
      });
      expect(await allowedVerbs(api, NODES, undefined, ['list', 'delete'])).toEqual({ list: true, delete: true });
    });

    it('jane may get/list/watch pods in team-a, not delete them; nothing on deployments', async () => {
      const { api, log } = await client({ kubeconfig: sb.files!.kubeconfigJane });
      const pods = await allowedVerbs(api, PODS, 'team-a', VERBS);
      expect(pods).toEqual({
        get: true,
        list: true,
        watch: true,
        create: false,
        update: false,
        patch: false,
        delete: false,
      });
      expect(await allowedVerbs(api, DEPLOYMENTS, 'team-a', VERBS)).toEqual(all(false));
      expect(await allowedVerbs(api, POD_LOG, 'team-a', ['get'])).toEqual({ get: false });
      // Cached per namespace for the session: one rules review so far.
      expect(log.filter((e) => e.path === SELF_SUBJECT_RULES_REVIEW_PATH)).toHaveLength(1);
      // Another namespace is another review, and there jane has nothing.
      expect(await allowedVerbs(api, PODS, 'team-b', ['get', 'list'])).toEqual({ get: false, list: false });
      expect(log.filter((e) => e.path === SELF_SUBJECT_RULES_REVIEW_PATH)).toHaveLength(2);
      // The server agrees with the local evaluation: jane's list in team-a works.
      await api.list(PODS, { namespace: 'team-a' });
      // All namespaces and cluster-scoped resources go through SelfSubjectAccessReviews.
      expect(await allowedVerbs(api, PODS, undefined, ['list'])).toEqual({ list: false });
      expect(await allowedVerbs(api, NODES, undefined, ['get', 'list'])).toEqual({ get: false, list: false });
      expect(log.filter((e) => e.path === SELF_SUBJECT_ACCESS_REVIEW_PATH)).toHaveLength(3);
      clearPermissionCache(api);
      await allowedVerbs(api, PODS, 'team-a', ['get']);
      expect(log.filter((e) => e.path === SELF_SUBJECT_RULES_REVIEW_PATH)).toHaveLength(3);
    });

    it('falls back to one SelfSubjectAccessReview per verb when the rules review fails', async () => {
      sb.setFaults([{ match: SELF_SUBJECT_RULES_REVIEW_PATH, status: 500 }]);
      try {
        const { api, log } = await client({ kubeconfig: sb.files!.kubeconfigJane });
        const r = await allowedVerbs(api, PODS, 'team-a', VERBS, { concurrency: 2 });
        expect(r).toEqual({
          get: true,
          list: true,
          watch: true,
          create: false,
          update: false,
          patch: false,
          delete: false,
        });
        const sars = log.filter((e) => e.path === SELF_SUBJECT_ACCESS_REVIEW_PATH);
        expect(sars).toHaveLength(VERBS.length);
        expect(sars.every((e) => e.status === 201)).toBe(true);
        const bodies = sars.map((e) => JSON.parse(e.curl.match(/--data-raw '([^']*)'/)![1]!));
        expect(bodies.map((b) => b.spec.resourceAttributes.verb).sort()).toEqual([...VERBS].sort());
        expect(bodies[0].spec.resourceAttributes).toMatchObject({ namespace: 'team-a', group: '', resource: 'pods' });
        // The failed rules review is not cached; access answers are.
        sb.setFaults([]);
        await allowedVerbs(api, PODS, 'team-a', ['get']);
        expect(log.filter((e) => e.path === SELF_SUBJECT_RULES_REVIEW_PATH)).toHaveLength(2);
      } finally {
        sb.setFaults([]);
      }
    });

    it('falls back when the rules review is incomplete (a non-RBAC authorizer)', async () => {
      const incomplete = JSON.stringify({
        kind: 'SelfSubjectRulesReview',
        apiVersion: 'authorization.k8s.io/v1',
        metadata: {},
        spec: { namespace: 'team-a' },
        status: {
          resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
          nonResourceRules: [],
          incomplete: true,
          evaluationError: 'webhook authorizer does not support user rule resolution',
        },
      });
      sb.setFaults([
        { match: SELF_SUBJECT_RULES_REVIEW_PATH, status: 201, body: incomplete, contentType: 'application/json' },
      ]);
      try {
        const { api, log } = await client({ kubeconfig: sb.files!.kubeconfigJane });
        // The incomplete rules would allow everything; the access reviews say what is true.
        expect(await allowedVerbs(api, DEPLOYMENTS, 'team-a', ['get', 'delete'])).toEqual({
          get: false,
          delete: false,
        });
        expect(log.filter((e) => e.path === SELF_SUBJECT_ACCESS_REVIEW_PATH)).toHaveLength(2);
      } finally {
        sb.setFaults([]);
      }
    });

    it('anonymous: the reviews themselves are forbidden, so the answer is an error', async () => {
      const { api } = await client({ server: sb.url, cacert: sb.files!.ca });
      await expect(allowedVerbs(api, PODS, 'team-a', ['get'])).rejects.toMatchObject({ status: 403 });
    });

    it('evaluates RBAC rules locally: wildcards, subresources, resourceNames', () => {
      const rules = [
        { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods', 'pods/log'] },
        { verbs: ['*'], apiGroups: ['apps'], resources: ['*/scale'] },
        { verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['only-this-one'] },
      ];
      expect(evaluateRules(rules, '', 'pods', ['get', 'list', 'delete'])).toEqual({
        get: true,
        list: true,
        delete: false,
      });
      expect(evaluateRules(rules, '', 'pods/log', ['get'])).toEqual({ get: true });
      expect(evaluateRules(rules, 'apps', 'pods', ['get'])).toEqual({ get: false });
      expect(evaluateRules(rules, 'apps', 'deployments/scale', ['update'])).toEqual({ update: true });
      expect(evaluateRules(rules, 'apps', 'deployments', ['update'])).toEqual({ update: false });
      expect(evaluateRules(rules, '', 'secrets', ['get'])).toEqual({ get: false });
      expect(
        ruleAllows({ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }, 'x.example.com', 'things/status', 'patch'),
      ).toBe(true);
      expect(ruleAllows({ verbs: ['get'] }, '', 'pods', 'get')).toBe(false);
    });
  });

  describe.skipIf(toolMissing(KUBECTL))('through a real kubectl proxy', () => {
    let proxy: KubectlProxy;
    beforeAll(async () => {
      proxy = await startKubectlProxy(sb.files!.kubeconfigJane);
    });
    afterAll(async () => {
      await proxy?.stop();
    });

    it("the review works through the proxy: the proxy's kubeconfig user", async () => {
      const { api } = await client({ proxy: proxy.url });
      expect(api.connection.user).toBeUndefined();
      expect(await whoAmI(api)).toMatchObject({ username: 'jane', source: 'SelfSubjectReview' });
      expect(await allowedVerbs(api, PODS, 'team-a', ['list', 'delete'])).toEqual({ list: true, delete: false });
    });

    it('when it does not (old server), the identity is unknown, not anonymous', async () => {
      sb.setFaults([
        {
          match: SELF_SUBJECT_REVIEW_PATH,
          status: 404,
          body: '404 page not found\n',
          contentType: 'text/plain; charset=utf-8',
        },
      ]);
      try {
        const { api } = await client({ proxy: proxy.url });
        const me = await whoAmI(api);
        expect(me.source).toBe('unknown');
        expect(me.username).toBe('');
        expect(me.note).toMatch(/kubectl proxy/);
      } finally {
        sb.setFaults([]);
      }
    });
  });

  it('sent no POST other than the self-reviews (runs last)', () => {
    // Read-only: every POST any client above sent was a self-review.
    const posts = events.filter((e) => e.method === 'POST');
    expect(posts.length).toBeGreaterThan(10);
    for (const p of posts) expect(REVIEW_PATHS.has(p.path), p.path).toBe(true);
    expect(events.every((e) => e.method === 'GET' || e.method === 'POST')).toBe(true);
  });
});
