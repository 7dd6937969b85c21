import { describe, expect, it } from 'vitest';
import { curlCommand, kubectlCommand, parseResourcePath } from '../src/client/equivalents.js';
import { shellQuote } from '../src/model/shell.js';
import { assertReadOnly } from '../src/client/http.js';
import type { Connection } from '../src/client/types.js';

const certs: Connection = {
  mode: 'certificates',
  server: 'https://127.0.0.1:6443',
  namespace: 'default',
  insecure: false,
  certFile: '/tmp/sb/admin.crt',
  keyFile: '/tmp/sb/admin.key',
  caFile: '/tmp/sb/ca.crt',
  kubectlArgs: ['--server', 'https://127.0.0.1:6443', '--client-certificate', '/tmp/sb/admin.crt'],
};
const proxy: Connection = {
  mode: 'proxy',
  server: 'http://127.0.0.1:8001',
  namespace: 'default',
  insecure: false,
  kubectlArgs: ['--server', 'http://127.0.0.1:8001'],
};
const kubeconfig: Connection = {
  mode: 'kubeconfig',
  server: 'https://k8s.example:6443',
  context: 'prod',
  namespace: 'default',
  insecure: false,
  bearerToken: true,
  kubectlArgs: [],
};

describe('shellQuote', () => {
  it('leaves safe words bare and single-quotes the rest', () => {
    expect(shellQuote('/tmp/sb/ca.crt')).toBe('/tmp/sb/ca.crt');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('$HOME')).toBe("'$HOME'");
  });
  it('double-quotes a $TOKEN reference so the shell expands it', () => {
    expect(shellQuote('Authorization: Bearer $TOKEN')).toBe('"Authorization: Bearer $TOKEN"');
  });
});

describe('curlCommand', () => {
  it('adds the connection auth and quotes the URL; no Accept for plain JSON', () => {
    expect(curlCommand(certs, { method: 'GET', path: '/apis/apps/v1', accept: 'application/json' })).toBe(
      "curl --cert /tmp/sb/admin.crt --key /tmp/sb/admin.key --cacert /tmp/sb/ca.crt 'https://127.0.0.1:6443/apis/apps/v1'",
    );
  });
  it('keeps a non-default Accept', () => {
    const c = curlCommand(certs, {
      method: 'GET',
      path: '/api/v1/pods?limit=500',
      accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
    });
    expect(c).toContain("-H 'Accept: application/json;as=Table;v=v1;g=meta.k8s.io,application/json'");
    expect(c.endsWith("'https://127.0.0.1:6443/api/v1/pods?limit=500'")).toBe(true);
  });
  it('through the proxy has no auth', () => {
    expect(curlCommand(proxy, { method: 'GET', path: '/apis/apps/v1', accept: 'application/json' })).toBe(
      "curl 'http://127.0.0.1:8001/apis/apps/v1'",
    );
  });
  it('never inlines a token', () => {
    const c = curlCommand(kubeconfig, { method: 'GET', path: '/version', accept: 'application/json' });
    expect(c).toBe(`curl -H "Authorization: Bearer $TOKEN" 'https://k8s.example:6443/version'`);
  });
  it('POST carries the body', () => {
    const c = curlCommand(certs, {
      method: 'POST',
      path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      accept: 'application/json',
      body: '{"kind":"SelfSubjectReview"}',
    });
    expect(c).toContain(`-X POST -H 'Content-Type: application/json' --data-raw '{"kind":"SelfSubjectReview"}'`);
  });
  it('insecure adds -k', () => {
    expect(
      curlCommand(
        { ...proxy, mode: 'certificates', insecure: true },
        { method: 'GET', path: '/', accept: 'application/json' },
      ),
    ).toBe("curl -k 'http://127.0.0.1:8001/'");
  });
});

describe('kubectlCommand', () => {
  const k = (path: string, namespaced?: boolean, conn: Connection = kubeconfig) =>
    kubectlCommand(conn, { method: 'GET', path, accept: 'application/json' }, { namespaced });
  it('maps resource paths to kubectl get', () => {
    expect(k('/api/v1/namespaces/team-a/pods?limit=500')).toBe('kubectl get pods -n team-a -o json');
    expect(k('/apis/apps/v1/deployments?limit=500', true)).toBe('kubectl get deployments.apps -A -o json');
    expect(k('/api/v1/namespaces/ns1/pods/web-1')).toBe('kubectl get pods web-1 -n ns1 -o json');
    expect(k('/api/v1/nodes?limit=500', false)).toBe('kubectl get nodes -o json');
    expect(k('/api/v1/namespaces')).toBe('kubectl get namespaces -o json');
    expect(k('/api/v1/namespaces/team-a')).toBe('kubectl get namespaces team-a -o json');
    expect(k('/api/v1/namespaces/team-a/pods?watch=1')).toBe(
      'kubectl get pods -n team-a --watch --output-watch-events -o json',
    );
    expect(k('/api/v1/namespaces/team-a/pods/web-1/log')).toBe('kubectl logs web-1 -n team-a');
  });
  it('falls back to get --raw', () => {
    expect(k('/apis/apps/v1')).toBe("kubectl get --raw '/apis/apps/v1'");
    expect(k('/healthz?verbose')).toBe("kubectl get --raw '/healthz?verbose'");
    expect(k('/api/v1/pods?resourceVersion=5')).toBe("kubectl get --raw '/api/v1/pods?resourceVersion=5'");
  });
  it("a field selector is --field-selector (an object's Events)", () => {
    expect(k('/api/v1/pods?fieldSelector=a%3Db')).toBe('kubectl get pods -A --field-selector a=b -o json');
    expect(k('/api/v1/namespaces/team-a/events?fieldSelector=involvedObject.uid%3Du-1&limit=500')).toBe(
      'kubectl get events -n team-a --field-selector involvedObject.uid=u-1 -o json',
    );
  });
  it('a label selector is -l, on lists and watches', () => {
    expect(k('/api/v1/pods?labelSelector=a%3Db&limit=500')).toBe('kubectl get pods -A -l a=b -o json');
    expect(k('/api/v1/namespaces/demo/pods?labelSelector=app+in+%28a%2Cb%29&watch=1&resourceVersion=7')).toBe(
      "kubectl get pods -n demo -l 'app in (a,b)' --watch --output-watch-events -o json",
    );
  });
  it('prefixes the connection flags', () => {
    expect(k('/version', undefined, proxy)).toBe("kubectl --server http://127.0.0.1:8001 get --raw '/version'");
  });
  it('maps POST self-reviews', () => {
    expect(
      kubectlCommand(kubeconfig, {
        method: 'POST',
        path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
        body: '{}',
      }),
    ).toBe('kubectl auth whoami -o json');
    expect(
      kubectlCommand(kubeconfig, {
        method: 'POST',
        path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
        body: '{"a":1}',
      }),
    ).toBe(`printf '%s' '{"a":1}' | kubectl create --raw /apis/authorization.k8s.io/v1/selfsubjectaccessreviews -f -`);
  });
  it('parseResourcePath', () => {
    expect(parseResourcePath('/apis/apps/v1/namespaces/x/deployments/d/scale')).toEqual({
      group: 'apps',
      version: 'v1',
      namespace: 'x',
      resource: 'deployments',
      name: 'd',
      subresource: 'scale',
    });
    expect(parseResourcePath('/apis/apps')).toBeUndefined();
  });
});

describe('read-only guard', () => {
  it('allows GET and the self-review POSTs only', () => {
    expect(() => assertReadOnly('GET', '/api/v1/pods')).not.toThrow();
    expect(() => assertReadOnly('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews')).not.toThrow();
    expect(() => assertReadOnly('POST', '/api/v1/namespaces/default/pods')).toThrow(/read-only/);
    expect(() => assertReadOnly('DELETE', '/api/v1/namespaces/default/pods/x')).toThrow(/read-only/);
    expect(() => assertReadOnly('PATCH', '/api/v1/namespaces/default/pods/x')).toThrow(/read-only/);
    expect(() => assertReadOnly('get', '/api/v1/pods')).toThrow(/read-only/);
  });
});
