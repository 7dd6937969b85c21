// Small servers that record what a client sent, for comparing kapi-tui's requests with kubectl's:
// an HTTPS (or plain HTTP: kubectl sends no credentials there) API server that answers
// SelfSubjectReviews and keeps the auth headers, and a CONNECT proxy that tunnels every target to
// one local port and keeps the targets asked for.
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createCertificateAuthority } from '../../src/sandbox/certs.js';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** The headers that say who a request acts as. */
export interface AuthHeaders {
  authorization?: string;
  impersonateUser?: string;
  impersonateGroups: string[];
}

export interface RecordingApiServer {
  url: string;
  /** The CA that signed its serving certificate (PEM). */
  caPem: string;
  /** The auth headers of each SelfSubjectReview, in order. */
  reviews: AuthHeaders[];
  close(): Promise<void>;
}

/** HTTPS (or plain HTTP) on 127.0.0.1; a SelfSubjectReview (any version) gets a 201 naming `recorded`. */
export async function startRecordingApiServer(scheme: 'https' | 'http' = 'https'): Promise<RecordingApiServer> {
  const reviews: AuthHeaders[] = [];
  const ca = await createCertificateAuthority('recorder-ca');
  const serving = await ca.issue({ commonName: 'recorder', usage: 'server', ips: ['127.0.0.1'] });
  const handler: Parameters<typeof createHttpServer>[1] = (req, res) => {
    req.resume();
    if (req.method !== 'POST' || !req.url?.includes('/selfsubjectreviews')) {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"kind":"Status","code":404}');
      return;
    }
    reviews.push({
      authorization: req.headers.authorization,
      impersonateUser: req.headersDistinct['impersonate-user']?.[0],
      impersonateGroups: req.headersDistinct['impersonate-group'] ?? [],
    });
    const apiVersion = req.url.split('/')[3] === 'v1' ? 'authentication.k8s.io/v1' : 'authentication.k8s.io/v1beta1';
    res
      .writeHead(201, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ kind: 'SelfSubjectReview', apiVersion, status: { userInfo: { username: 'recorded' } } }));
  };
  const server =
    scheme === 'https'
      ? createHttpsServer({ cert: serving.certPem, key: serving.keyPem }, handler)
      : createHttpServer(handler);
  return {
    url: `${scheme}://127.0.0.1:${await listen(server)}`,
    caPem: ca.certPem,
    reviews,
    close: () => closeServer(server),
  };
}

export interface RecordingProxy {
  url: string;
  /** The host:port of each CONNECT (one per tunnel, so per TCP+TLS connection to the server). */
  connects: string[];
  close(): Promise<void>;
}

/** An HTTP CONNECT proxy: every tunnel goes to 127.0.0.1:`targetPort`, whatever host it names (so a
 *  server named by a host that does not resolve here is reachable only through the proxy). */
export async function startRecordingProxy(targetPort: number): Promise<RecordingProxy> {
  const connects: string[] = [];
  // Tunnels leave the HTTP server's bookkeeping: closing must end them itself.
  const tunnels = new Set<Socket>();
  const server = createHttpServer();
  server.on('connect', (req, client: Socket, head) => {
    connects.push(req.url ?? '');
    tunnels.add(client);
    client.on('close', () => tunnels.delete(client));
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const end = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', end);
    client.on('error', end);
  });
  const close = () => {
    for (const t of tunnels) t.destroy();
    return closeServer(server);
  };
  return { url: `http://127.0.0.1:${await listen(server)}`, connects, close };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
