import { describe, expect, it } from 'vitest';
import { KubeError, canIHint, classifyNetworkError, explainError, httpError } from '../src/client/errors.js';

const status = (code: number, reason: string, message: string, details: object = {}) =>
  JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code });
const json = { 'content-type': 'application/json' };

describe('httpError', () => {
  it('401 says the credentials were not accepted', () => {
    const e = httpError(401, json, status(401, 'Unauthorized', 'Unauthorized'), { path: '/api' });
    expect(e).toBeInstanceOf(KubeError);
    expect(e.kind).toBe('http');
    expect(e.status).toBe(401);
    expect(e.reason).toBe('Unauthorized');
    expect(e.hint).toMatch(/credentials/);
  });
  it('403 for system:anonymous suggests sending credentials', () => {
    const e = httpError(
      403,
      json,
      status(403, 'Forbidden', 'forbidden: User "system:anonymous" cannot get path "/api"'),
    );
    expect(e.serverMessage).toContain('system:anonymous');
    expect(e.hint).toMatch(/No credentials/);
    expect(e.hint).toMatch(/kubectl proxy/);
  });
  it('403 by RBAC suggests kubectl auth can-i', () => {
    const msg = 'pods is forbidden: User "jane" cannot list resource "pods" in API group "" at the cluster scope';
    const e = httpError(403, json, status(403, 'Forbidden', msg, { kind: 'pods' }));
    expect(e.hint).toContain('kubectl auth can-i list pods -A');
    expect(
      canIHint(
        'deployments.apps "x" is forbidden: User "jane" cannot get resource "deployments" in API group "apps" in the namespace "team-a"',
      ),
    ).toBe('kubectl auth can-i get deployments.apps -n team-a');
    expect(canIHint('forbidden: User "jane" cannot get path "/metrics"')).toBe('kubectl auth can-i get /metrics');
  });
  it('404 with a Status and a plain-text 404', () => {
    const e = httpError(404, json, status(404, 'NotFound', 'pods "x" not found', { name: 'x', kind: 'pods' }));
    expect(e.message).toContain('pods "x" not found');
    expect(e.reason).toBe('NotFound');
    const t = httpError(404, { 'content-type': 'text/plain; charset=utf-8' }, '404 page not found\n');
    expect(t.reason).toBe('NotFound');
    expect(t.serverMessage).toBe('404 page not found');
  });
  it('429 plain text keeps Retry-After', () => {
    const e = httpError(
      429,
      { 'content-type': 'text/plain', 'retry-after': '1' },
      'Too many requests, please try again later.\n',
    );
    expect(e.retryAfterSeconds).toBe(1);
    expect(e.hint).toMatch(/after 1s/);
  });
  it('HTML bodies are summarised', () => {
    const e = httpError(
      502,
      { 'content-type': 'text/html' },
      '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
    );
    expect(e.serverMessage).toBe('HTML page "502 Bad Gateway"');
    expect(e.status).toBe(502);
  });
  it('503 from an aggregated API', () => {
    const e = httpError(503, json, status(503, 'ServiceUnavailable', 'service unavailable', { retryAfterSeconds: 5 }));
    expect(e.retryAfterSeconds).toBe(5);
    expect(e.hint).toMatch(/apiservices/);
  });
  it('kubectl proxy filter 403', () => {
    const e = httpError(403, { 'content-type': 'text/plain; charset=utf-8' }, 'Forbidden\n', { proxy: true });
    expect(e.hint).toMatch(/kubectl proxy/);
  });
});

describe('classifyNetworkError', () => {
  const err = (code: string, message = code) => Object.assign(new Error(message), { code });
  it('connection refused, with a proxy hint', () => {
    const e = classifyNetworkError(err('ECONNREFUSED'), { server: 'http://127.0.0.1:8001', proxy: true });
    expect(e.kind).toBe('network');
    expect(e.hint).toContain('kubectl proxy');
    expect(e.hint).toContain('127.0.0.1:8001');
    expect(classifyNetworkError(err('ECONNREFUSED'), { server: 'https://x:6443' }).hint).toMatch(/API server running/);
  });
  it('DNS', () => {
    expect(classifyNetworkError(err('ENOTFOUND'), { server: 'https://nope.invalid' }).message).toMatch(/resolve/);
  });
  it('TLS: unknown CA, hostname, expiry, client cert rejected', () => {
    for (const code of [
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'SELF_SIGNED_CERT_IN_CHAIN',
      'DEPTH_ZERO_SELF_SIGNED_CERT',
    ]) {
      const e = classifyNetworkError(err(code));
      expect(e.kind).toBe('tls');
      expect(e.hint).toContain('--cacert');
    }
    expect(classifyNetworkError(err('ERR_TLS_CERT_ALTNAME_INVALID')).hint).toMatch(/subjectAltName/);
    expect(classifyNetworkError(err('CERT_HAS_EXPIRED')).message).toMatch(/expired/);
    expect(classifyNetworkError(err('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED')).message).toMatch(
      /rejected the client certificate/,
    );
  });
});

describe('explainError', () => {
  it('gives title, detail and hint', () => {
    const e = httpError(404, json, status(404, 'NotFound', 'pods "x" not found'), {
      method: 'GET',
      path: '/api/v1/namespaces/default/pods/x',
    });
    const x = explainError(e);
    expect(x.title).toBe('404 Not Found');
    expect(x.detail).toContain('pods "x" not found');
    expect(x.detail).toContain('/api/v1/namespaces/default/pods/x');
    expect(x.hint).toBeTruthy();
    expect(explainError(new Error('boom')).detail).toBe('boom');
    expect(explainError(classifyNetworkError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).title).toBe(
      'Connection refused',
    );
  });
});
