// TLS is verified unless the user turns it off, and every weakening of transport security is
// reported in Connection.warnings — found by connect() without sending a single packet.
import net from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../src/client/api.js';
import { connect, isLoopbackHost } from '../src/client/connection.js';
import { KubeError } from '../src/client/errors.js';
import { startSandbox, tempDir } from './helpers/client.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

let sb: Sandbox;
let tmp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  tmp = tempDir('kapi-tls-');
  sb = await startSandbox({ dir: tmp.dir, watchIntervalMs: 0 });
});
afterAll(async () => {
  await sb?.close();
  tmp?.remove();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('TLS verification', () => {
  it("is on by default: the sandbox's self-signed CA without --cacert is a TLS error", async () => {
    const conn = await connect({ server: sb.url, cert: sb.files!.adminCert, key: sb.files!.adminKey });
    expect(conn.insecure).toBe(false);
    expect(conn.warnings).toEqual([]);
    const api = new ApiClient(conn);
    const e = await api.version().then(
      () => undefined,
      (x: unknown) => x as KubeError,
    );
    expect(e).toBeInstanceOf(KubeError);
    expect(e!.kind).toBe('tls');
    expect(e!.message).toMatch(
      /not signed by a trusted CA \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\)/,
    );
    expect(e!.hint).toContain('--cacert');
    expect(e!.hint).toContain('--insecure-skip-tls-verify');
  });

  it('--insecure-skip-tls-verify connects, says so (insecure, warning, curl -k)', async () => {
    const conn = await connect({
      server: sb.url,
      cert: sb.files!.adminCert,
      key: sb.files!.adminKey,
      insecureSkipTlsVerify: true,
    });
    expect(conn.insecure).toBe(true);
    expect(conn.warnings).toEqual([
      expect.stringMatching(
        /^TLS verification is off \(--insecure-skip-tls-verify\): the server's identity is not checked/,
      ),
    ]);
    const api = new ApiClient(conn);
    const events: string[] = [];
    api.onRequest((e) => events.push(e.curl));
    expect((await api.version()).gitVersion).toMatch(/^v1/);
    expect(events[0]).toMatch(/^curl .* -k '/);
    api.close();
  });

  it('insecure-skip-tls-verify in the kubeconfig is reported too', async () => {
    const path = join(tmp.dir, 'insecure-kubeconfig');
    writeFileSync(
      path,
      stringify({
        apiVersion: 'v1',
        kind: 'Config',
        'current-context': 'x',
        clusters: [{ name: 'c', cluster: { server: sb.url, 'insecure-skip-tls-verify': true } }],
        users: [{ name: 'u', user: { 'client-certificate': sb.files!.adminCert, 'client-key': sb.files!.adminKey } }],
        contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
      }),
    );
    const conn = await connect({ kubeconfig: path });
    expect(conn.insecure).toBe(true);
    expect(conn.warnings).toEqual([
      expect.stringContaining('TLS verification is off (insecure-skip-tls-verify in the kubeconfig cluster "c")'),
    ]);
  });
});

describe('warnings found without network traffic', () => {
  /** connect() must not open a socket (or resolve a name) to find these. */
  function noTraffic() {
    const sockets = vi.spyOn(net.Socket.prototype, 'connect');
    return () => expect(sockets).not.toHaveBeenCalled();
  }

  it('--proxy on another machine: unauthenticated and unencrypted', async () => {
    const check = noTraffic();
    const conn = await connect({ proxy: 'http://10.0.0.1:8001' });
    check();
    expect(conn.mode).toBe('proxy');
    expect(conn.warnings).toHaveLength(1);
    expect(conn.warnings[0]).toMatch(
      /^The kubectl proxy at 10\.0\.0\.1:8001 is not on this machine: traffic to it is unauthenticated and unencrypted/,
    );
    expect(conn.warnings[0]).toMatch(/127\.0\.0\.1|SSH tunnel/);
  });

  it('--proxy https on another machine: unauthenticated (encrypted)', async () => {
    const check = noTraffic();
    const conn = await connect({ proxy: 'https://proxy.example.com:8443' });
    check();
    expect(conn.warnings).toEqual([expect.stringMatching(/traffic to it is unauthenticated \(/)]);
  });

  it('a kubectl proxy on loopback is not warned about', async () => {
    const check = noTraffic();
    for (const proxy of [
      'http://127.0.0.1:8001',
      'http://localhost:8001',
      'http://[::1]:8001',
      'http://127.0.0.2:9000',
    ] as const) {
      expect((await connect({ proxy })).warnings, proxy).toEqual([]);
    }
    expect((await connect({ proxy: true })).warnings).toEqual([]);
    check();
  });

  it('plain HTTP to a remote server with a token: the token travels in clear text', async () => {
    const check = noTraffic();
    const conn = await connect({ server: 'http://10.1.2.3:8080', token: 'abc' });
    check();
    expect(conn.warnings).toEqual([
      expect.stringMatching(
        /plain HTTP on another machine: traffic is unencrypted and the bearer token travels in clear text/,
      ),
    ]);
    expect(JSON.stringify(conn.warnings)).not.toContain('abc');
  });

  it('isLoopbackHost', () => {
    for (const h of ['127.0.0.1', '127.255.0.9', 'localhost', 'api.localhost', '::1', '[::1]', '::ffff:127.0.0.1'])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['10.0.0.1', '192.168.1.1', 'example.com', '128.0.0.1', 'localhost.example.com', '::2'])
      expect(isLoopbackHost(h), h).toBe(false);
  });
});
