// Failures below HTTP: refused connections, TLS problems, timeouts, cancellation. Real sockets only.
import { createServer as createHttpServer, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import { explainError } from '../src/client/errors.js';
import type { RequestEvent } from '../src/model/types.js';
import type { WatchEventMessage } from '../src/client/types.js';
import { createCertificateAuthority, tempDir, rejection } from './helpers/client.js';

function listen(server: Server | HttpsServer | HttpServer): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function close(server: Server | HttpsServer | HttpServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A port nothing listens on (bound, then closed). */
async function freePort(): Promise<number> {
  const s = createTcpServer();
  const port = await listen(s);
  await close(s);
  return port;
}

describe('connection refused', () => {
  it('to an API server', async () => {
    const port = await freePort();
    const api = new ApiClient(await connect({ server: `https://127.0.0.1:${port}`, insecureSkipTlsVerify: true }));
    const events: RequestEvent[] = [];
    api.onRequest((e) => events.push(e));
    const e = await rejection(api.version());
    expect(e.kind).toBe('network');
    expect(e.code).toBe('ECONNREFUSED');
    expect(e.hint).toMatch(/API server running/);
    expect(events).toHaveLength(1);
    expect(events[0]!.status).toBeUndefined();
    expect(events[0]!.error).toMatch(/refused/);
  });

  it('to a kubectl proxy URL', async () => {
    const port = await freePort();
    const api = new ApiClient(await connect({ proxy: `http://127.0.0.1:${port}` }));
    const e = await rejection(api.discover());
    expect(e.kind).toBe('network');
    expect(e.hint).toContain('kubectl proxy');
    expect(e.hint).toContain('127.0.0.1:8001');
    expect(explainError(e).title).toBe('Connection refused');
  });

  it('proxy: true means http://127.0.0.1:8001', async () => {
    const conn = await connect({ proxy: true });
    expect(conn.server).toBe('http://127.0.0.1:8001');
  });
});

describe('a server that never answers', () => {
  let server: Server;
  let port: number;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    server = createTcpServer((s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    port = await listen(server);
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await close(server);
  });

  it('times out with kind timeout', async () => {
    const api = new ApiClient(await connect({ proxy: `http://127.0.0.1:${port}`, timeoutMs: 200 }));
    const e = await rejection(api.version());
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(/0\.2 s/);
  });

  it('abort gives kind cancelled', async () => {
    const api = new ApiClient(await connect({ proxy: `http://127.0.0.1:${port}` }));
    const ac = new AbortController();
    const events: RequestEvent[] = [];
    api.onRequest((ev) => {
      events.push(ev);
    });
    const p = api.getRaw('/version', { signal: ac.signal });
    // Abort once the server has the connection (no timing guess).
    await new Promise<void>((resolve) => {
      const check = () => (sockets.size > 0 ? resolve() : server.once('connection', () => resolve()));
      check();
    });
    ac.abort();
    const e = await rejection(p);
    expect(e.kind).toBe('cancelled');
    expect(events).toHaveLength(1);
  });
});

describe('TLS problems', () => {
  let tmp: ReturnType<typeof tempDir>;
  let caFile: string;
  const servers: HttpsServer[] = [];

  beforeAll(async () => {
    tmp = tempDir();
  });
  afterAll(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await close(s);
    }
    tmp.remove();
  });

  async function serve(opts: {
    dnsNames?: string[];
    ips?: string[];
    notAfter?: Date;
    notBefore?: Date;
  }): Promise<number> {
    const ca = await createCertificateAuthority('test-ca');
    caFile = join(tmp.dir, `ca-${servers.length}.crt`);
    writeFileSync(caFile, ca.certPem);
    const cert = await ca.issue({ commonName: 'server', usage: 'server', ...opts });
    const s = createHttpsServer({ key: cert.keyPem, cert: cert.certPem }, (_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"major":"1","minor":"0","gitVersion":"v1.0.0"}');
    });
    servers.push(s);
    return listen(s);
  }

  it('hostname mismatch', async () => {
    const port = await serve({ dnsNames: ['other.example'], ips: [] });
    const api = new ApiClient(await connect({ server: `https://127.0.0.1:${port}`, cacert: caFile }));
    const e = await rejection(api.version());
    expect(e.kind).toBe('tls');
    expect(e.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(e.hint).toMatch(/subjectAltName|tls-server-name/);
  });

  it('expired server certificate', async () => {
    const day = 24 * 3600 * 1000;
    const port = await serve({
      ips: ['127.0.0.1'],
      notBefore: new Date(Date.now() - 10 * day),
      notAfter: new Date(Date.now() - day),
    });
    const api = new ApiClient(await connect({ server: `https://127.0.0.1:${port}`, cacert: caFile }));
    const e = await rejection(api.version());
    expect(e.kind).toBe('tls');
    expect(e.code).toBe('CERT_HAS_EXPIRED');
    expect(e.message).toMatch(/expired/);
  });

  it('unknown CA, then trusted with --cacert', async () => {
    const port = await serve({ ips: ['127.0.0.1'] });
    const bad = new ApiClient(await connect({ server: `https://127.0.0.1:${port}` }));
    const e = await rejection(bad.version());
    expect(e.kind).toBe('tls');
    expect(e.hint).toContain('--cacert');
    const good = new ApiClient(await connect({ server: `https://127.0.0.1:${port}`, cacert: caFile }));
    expect((await good.version()).gitVersion).toBe('v1.0.0');
    good.close();
  });
});

describe('read-only guard', () => {
  it('refuses DELETE without sending anything', async () => {
    const api = new ApiClient(await connect({ proxy: `http://127.0.0.1:${await freePort()}` }));
    const events: RequestEvent[] = [];
    api.onRequest((e) => events.push(e));
    const e = await rejection(api.request('DELETE', '/api/v1/namespaces/default/pods/x'));
    expect(e.kind).toBe('read-only');
    expect(e.message).toMatch(/read-only/);
    await rejection(api.request('POST', '/api/v1/namespaces/default/pods', { body: {} }));
    expect(events).toHaveLength(0);
  });
});

describe('watch stream parsing (a plain HTTP server streaming like kube-apiserver)', () => {
  let server: HttpServer;
  let port: number;
  const open = new Set<ServerResponse>();
  beforeAll(async () => {
    server = createHttpServer((req, res) => {
      open.add(res);
      res.on('close', () => open.delete(res));
      res.writeHead(200, { 'content-type': 'application/json', 'audit-id': 'a1' });
      const added =
        JSON.stringify({
          type: 'ADDED',
          object: { kind: 'Pod', metadata: { name: 'pödchen', resourceVersion: '5' } },
        }) + '\n';
      const bytes = Buffer.from(added);
      const cut = bytes.indexOf(Buffer.from('ö')) + 1; // split inside the UTF-8 sequence
      res.write(bytes.subarray(0, cut));
      setImmediate(() => {
        res.write(bytes.subarray(cut));
        if (req.url?.includes('resourceVersion=1')) {
          res.write(
            JSON.stringify({
              type: 'ERROR',
              object: {
                kind: 'Status',
                apiVersion: 'v1',
                metadata: {},
                status: 'Failure',
                message: 'too old resource version: 1 (5)',
                reason: 'Expired',
                code: 410,
              },
            }) + '\n',
          );
          // kube-apiserver closes after ERROR; this server keeps it open to check the client ends it.
        }
      });
    });
    port = await listen(server);
  });
  afterAll(async () => {
    for (const r of open) r.destroy();
    await close(server);
  });

  it('delivers events split across chunks, and ends after an ERROR event', async () => {
    const api = new ApiClient(await connect({ proxy: `http://127.0.0.1:${port}` }));
    const events: RequestEvent[] = [];
    api.onRequest((e) => events.push(e));
    const got: WatchEventMessage[] = [];
    const h = api.watch(
      { group: '', version: 'v1', resource: 'pods', namespaced: true },
      { resourceVersion: '1' },
      (ev) => got.push(ev),
    );
    await h.done;
    expect(got.map((e) => e.type)).toEqual(['ADDED', 'ERROR']);
    expect(got[0]!.object.metadata.name).toBe('pödchen');
    expect(got[1]!.object).toMatchObject({ reason: 'Expired', code: 410 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      path: '/api/v1/pods?watch=1&resourceVersion=1',
      status: 200,
      responseHeaders: { 'audit-id': 'a1' },
    });
    expect(events[0]!.curl).toBe(`curl 'http://127.0.0.1:${port}/api/v1/pods?watch=1&resourceVersion=1'`);
  });

  it('stop() ends an open stream', async () => {
    const api = new ApiClient(await connect({ proxy: `http://127.0.0.1:${port}` }));
    let first!: () => void;
    const gotOne = new Promise<void>((r) => (first = r));
    const h = api.watch({ group: '', version: 'v1', resource: 'pods', namespaced: true }, { namespace: 'x' }, () =>
      first(),
    );
    await gotOne;
    h.stop();
    await h.done;
  });
});
