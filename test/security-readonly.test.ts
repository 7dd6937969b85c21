// kapi-tui is read-only: the client refuses every method but GET, and POST outside the self-subject
// review endpoints, before anything is sent. Checked against the sandbox's own request counters
// (/metrics: apiserver_request_total by verb), so "nothing reached the server" is observed, not assumed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import { KubeError } from '../src/client/errors.js';
import { HttpTransport, assertReadOnly } from '../src/client/http.js';
import type { RequestEvent } from '../src/model/types.js';
import { startSandbox, tempDir } from './helpers/client.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

let sb: Sandbox;
let tmp: ReturnType<typeof tempDir>;
let api: ApiClient;
beforeAll(async () => {
  tmp = tempDir('kapi-readonly-');
  sb = await startSandbox({ dir: tmp.dir, watchIntervalMs: 0 });
  api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
});
afterAll(async () => {
  api?.close();
  await sb?.close();
  tmp?.remove();
});

/** Requests the sandbox has answered, by verb (from its /metrics), minus the /metrics GETs themselves. */
async function requestsByVerb(): Promise<Record<string, number>> {
  const text = (await api.getRaw('/metrics', { accept: 'text/plain' })).body;
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^apiserver_request_total\{[^}]*verb="([^"]+)"[^}]*\} (\d+)$/gm))
    out[m[1]!] = (out[m[1]!] ?? 0) + Number(m[2]);
  return out;
}

const WRITES: [string, string][] = [
  ['DELETE', '/api/v1/namespaces/team-a/pods/web-0'],
  ['DELETE', '/api/v1/namespaces/team-a'],
  ['PUT', '/api/v1/namespaces/team-a/configmaps/web-config'],
  ['PATCH', '/apis/apps/v1/namespaces/team-a/deployments/web'],
  ['POST', '/api/v1/namespaces/team-a/pods'],
  ['POST', '/api/v1/namespaces'],
  ['POST', '/apis/authorization.k8s.io/v1/subjectaccessreviews'],
  ['POST', '/apis/authentication.k8s.io/v1/tokenreviews'],
  // Look-alikes of the allowed review paths.
  ['POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews/../../../../api/v1/namespaces'],
  ['POST', '/apis/authentication.k8s.io/v1/selfsubjectreviewsx'],
  ['POST', '//apis/authentication.k8s.io/v1/selfsubjectreviews'],
  ['POST', '/api/v1/namespaces/team-a/pods?x=/apis/authentication.k8s.io/v1/selfsubjectreviews'],
  // Methods in other spellings.
  ['post', '/apis/authentication.k8s.io/v1/selfsubjectreviews'],
  ['get', '/api/v1/pods'],
  ['GET ', '/api/v1/pods'],
  ['HEAD', '/api/v1/pods'],
  ['OPTIONS', '/api/v1/pods'],
  ['CONNECT', '/api/v1/namespaces/team-a/pods/web-0/exec'],
];

describe('read-only', () => {
  it('refuses writes before sending: no event, and the sandbox counted no request', async () => {
    const before = await requestsByVerb();
    const events: RequestEvent[] = [];
    const off = api.onRequest((e) => events.push(e));
    for (const [method, path] of WRITES) {
      const e = await api.request(method, path, { body: { kind: 'Pod', metadata: { name: 'x' } } }).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e, `${method} ${path}`).toBeInstanceOf(KubeError);
      expect((e as KubeError).kind).toBe('read-only');
      expect((e as KubeError).message).toMatch(/^Refusing .*: kapi-tui is read-only$/);
      expect((e as KubeError).hint).toMatch(/Use kubectl/);
    }
    // The transport guards too, for code that bypasses ApiClient.
    const transport = new HttpTransport(api.connection);
    for (const [method, path] of WRITES) {
      await expect(
        transport.send({ method: method as 'GET', path, accept: 'application/json', body: '{}' }),
      ).rejects.toThrow(/read-only/);
      await expect(transport.open({ method: method as 'GET', path, accept: 'application/json' })).rejects.toThrow(
        /read-only/,
      );
    }
    transport.close();
    off();
    expect(events).toEqual([]);
    const after = await requestsByVerb();
    // Only the /metrics GET that read `before` was added.
    expect(after).toEqual({ ...before, GET: (before.GET ?? 0) + 1 });
    for (const verb of ['DELETE', 'PUT', 'PATCH', 'HEAD', 'OPTIONS', 'CONNECT'])
      expect(after[verb], verb).toBeUndefined();
  });

  it('the allowed POSTs do reach the server (the counter sees them), and nothing else changed', async () => {
    const before = await requestsByVerb();
    const who = await api.selfSubjectReview();
    expect(who.username).toBe('kubernetes-admin');
    await api.request('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: { resourceAttributes: { verb: 'list', resource: 'pods', namespace: 'team-a' } },
      },
    });
    const after = await requestsByVerb();
    expect(after.POST).toBe((before.POST ?? 0) + 2);
    expect(after.GET).toBe((before.GET ?? 0) + 1);
  });

  it('assertReadOnly: exactly GET, and POST to the three review endpoints', () => {
    expect(() => assertReadOnly('GET', '/api/v1/pods?watch=1')).not.toThrow();
    for (const p of ['selfsubjectreviews', 'selfsubjectaccessreviews', 'selfsubjectrulesreviews']) {
      const group = p === 'selfsubjectreviews' ? 'authentication.k8s.io' : 'authorization.k8s.io';
      expect(() => assertReadOnly('POST', `/apis/${group}/v1/${p}`)).not.toThrow();
      expect(() => assertReadOnly('POST', `/apis/${group}/v1/${p}/`)).not.toThrow();
      expect(() => assertReadOnly('PUT', `/apis/${group}/v1/${p}`)).toThrow(/read-only/);
    }
    expect(() => assertReadOnly('POST', '/apis/authentication.k8s.io/v1beta1/selfsubjectreviews')).toThrow(/read-only/);
  });
});
