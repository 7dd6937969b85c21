import { describe, expect, it } from 'vitest';
import {
  formatGroupVersion,
  formatGvr,
  gvPath,
  openapiV3Key,
  openapiV3Path,
  parseGroupVersion,
  pathOnly,
  resourcePath,
  rootPath,
  withQuery,
} from '../src/model/paths.js';
import { targetRequest } from '../src/model/tour.js';
import { curlCommand } from '../src/client/equivalents.js';
import type { Connection } from '../src/client/types.js';

const PODS = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const DEPLOYMENTS = { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true };
const NODES = { group: '', version: 'v1', resource: 'nodes', namespaced: false };

describe('group-version-resource', () => {
  it('formats resource.version.group', () => {
    expect(formatGvr(DEPLOYMENTS)).toBe('deployments.v1.apps');
    expect(formatGvr(PODS)).toBe('pods.v1');
    expect(formatGvr({ group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'roles' })).toBe(
      'roles.v1.rbac.authorization.k8s.io',
    );
  });

  it('formats and parses apiVersion', () => {
    expect(formatGroupVersion({ group: '', version: 'v1' })).toBe('v1');
    expect(formatGroupVersion({ group: 'apps', version: 'v1' })).toBe('apps/v1');
    expect(parseGroupVersion('v1')).toEqual({ group: '', version: 'v1' });
    expect(parseGroupVersion('batch/v1')).toEqual({ group: 'batch', version: 'v1' });
  });
});

describe('paths', () => {
  it('gvPath and rootPath: core under /api, named groups under /apis', () => {
    expect(gvPath({ group: '', version: 'v1' })).toBe('/api/v1');
    expect(gvPath({ group: 'apps', version: 'v1' })).toBe('/apis/apps/v1');
    expect(rootPath({ group: '' })).toBe('/api');
    expect(rootPath({ group: 'apps' })).toBe('/apis');
  });

  it('resource paths: collection, namespaced or not, object and subresource', () => {
    expect(resourcePath(PODS)).toBe('/api/v1/pods');
    expect(resourcePath(PODS, 'default')).toBe('/api/v1/namespaces/default/pods');
    expect(resourcePath(DEPLOYMENTS, 'web', 'front')).toBe('/apis/apps/v1/namespaces/web/deployments/front');
    expect(resourcePath(PODS, 'default', 'web-1', 'log')).toBe('/api/v1/namespaces/default/pods/web-1/log');
    expect(resourcePath(NODES, 'default', 'n1')).toBe('/api/v1/nodes/n1'); // cluster-scoped: no namespace
  });

  it('percent-encodes every segment, names from discovery included', () => {
    const odd = { group: 'ex ample.io', version: 'v1', resource: 'wid?gets', namespaced: true };
    expect(resourcePath(odd, 'a/b', 'c d')).toBe('/apis/ex%20ample.io/v1/namespaces/a%2Fb/wid%3Fgets/c%20d');
    expect(openapiV3Path(odd)).toBe('/openapi/v3/apis/ex%20ample.io/v1');
  });

  it('the URL sent and the URL copied are the same string', () => {
    const odd = { group: '', version: 'v1', resource: 'pods', namespaced: true };
    const path = resourcePath(odd, 'default', "it's #1");
    const conn: Connection = {
      mode: 'proxy',
      server: 'http://127.0.0.1:8001',
      namespace: 'default',
      insecure: false,
      kubectlArgs: [],
    };
    expect(curlCommand(conn, { method: 'GET', path })).toBe(
      `curl 'http://127.0.0.1:8001/api/v1/namespaces/default/pods/it'\\''s%20%231'`,
    );
  });

  it('OpenAPI v3 keys and paths', () => {
    expect(openapiV3Key({ group: '', version: 'v1' })).toBe('api/v1');
    expect(openapiV3Path({ group: 'apps', version: 'v1' })).toBe('/openapi/v3/apis/apps/v1');
  });

  it('queries keep their order and leave out undefined values', () => {
    expect(withQuery('/api/v1/pods', { limit: '500', continue: undefined })).toBe('/api/v1/pods?limit=500');
    expect(withQuery('/api/v1/pods', { watch: '1', resourceVersion: '12' })).toBe(
      '/api/v1/pods?watch=1&resourceVersion=12',
    );
    expect(withQuery('/version', {})).toBe('/version');
    expect(pathOnly('/api/v1/pods?limit=1')).toBe('/api/v1/pods');
  });

  it('the tour builds its requests with the same builder', () => {
    expect(targetRequest({ kind: 'groupVersion', groupVersion: 'apps/v1' }).path).toBe('/apis/apps/v1');
    expect(
      targetRequest({ kind: 'object', groupVersion: 'v1', resource: 'pods', namespace: 'kube-system', name: 'a b' })
        .path,
    ).toBe('/api/v1/namespaces/kube-system/pods/a%20b');
    expect(targetRequest({ kind: 'object', groupVersion: 'v1', resource: 'pods', namespace: 'kube-system' }).path).toBe(
      '/api/v1/namespaces/kube-system/pods',
    );
  });
});
