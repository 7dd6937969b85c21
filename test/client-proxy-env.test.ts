// Which proxy a request takes, by Go's http.ProxyFromEnvironment rules (what kubectl does); the
// end-to-end comparison with kubectl is in kubeconfig-kubectl-parity.test.ts.
import { describe, expect, it } from 'vitest';
import { proxyFor } from '../src/client/proxy-env.js';

const PROXY = 'http://proxy.corp:3128';
const via = (server: string, env: NodeJS.ProcessEnv, clusterProxy?: string) =>
  proxyFor(new URL(server), clusterProxy, env);

describe('proxyFor', () => {
  it("the cluster's proxy-url first, even for loopback and NO_PROXY", () => {
    expect(via('https://127.0.0.1:6443', { NO_PROXY: '*' }, 'socks5://s:1080')).toBe('socks5://s:1080');
  });

  it('HTTPS_PROXY for https, HTTP_PROXY for http, either case; a proxy without scheme is http://', () => {
    expect(via('https://api.example:6443', { https_proxy: PROXY })).toBe(PROXY);
    expect(via('https://api.example:6443', { HTTP_PROXY: PROXY })).toBeUndefined();
    expect(via('http://api.example:8080', { HTTP_PROXY: 'proxy.corp:3128' })).toBe(PROXY);
  });

  it('never for localhost or loopback addresses', () => {
    for (const server of ['https://localhost:6443', 'https://127.0.0.2:6443', 'https://[::1]:6443']) {
      expect({ server, proxy: via(server, { HTTPS_PROXY: PROXY }) }).toEqual({ server, proxy: undefined });
    }
  });

  it('NO_PROXY: *, hosts, domains with or without a dot, ports, IPs and CIDR ranges', () => {
    const cases: [string, string, boolean][] = [
      ['https://api.example:6443', '*', false],
      ['https://api.example:6443', 'api.example', false],
      ['https://k8s.api.example:6443', '.api.example', false],
      ['https://k8s.api.example:6443', 'api.example', false],
      ['https://notapi.example:6443', 'api.example', true],
      ['https://api.example:6443', 'api.example:443', true],
      ['https://api.example:6443', 'api.example:6443', false],
      ['https://10.1.2.3:6443', '10.0.0.0/8', false],
      ['https://11.1.2.3:6443', '10.0.0.0/8', true],
      ['https://10.1.2.3:6443', '10.1.2.3', false],
      ['https://api.example:6443', ' other.example , API.EXAMPLE ', false],
    ];
    const result = cases.map(([server, noProxy]) => [
      server,
      noProxy,
      via(server, { HTTPS_PROXY: PROXY, no_proxy: noProxy }) === PROXY,
    ]);
    expect(result).toEqual(cases);
  });
});
