// A plain-HTTP server (reached as a kubectl proxy) that answers each path the way a hostile or broken
// API server would: endless error bodies, one endless line, endless logs. Each case counts what it
// wrote until the client closed the connection, so a test can tell a bounded read from an unbounded one.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostileServer {
  url: string;
  /** Bytes written per path (without query) up to when the client closed the connection. */
  written(path: string): number;
  /** The URL (path and query) of the newest request, as it arrived. */
  lastUrl(): string | undefined;
  /** Resolves when a request for `path` has arrived. */
  requested(path: string): Promise<void>;
  /** Resolves when the client has closed its connection for `path`. */
  closed(path: string): Promise<void>;
  close(): Promise<void>;
}

type Case = (res: ServerResponse) => (() => string) | undefined;

const filler = (text: string) => () => text;
const KIB = 'x'.repeat(1024);

/** What each path serves: a generator of endless body text (undefined: nothing more after the headers). */
const CASES: Record<string, Case> = {
  // A watch or followed log answered 500 with a body that never ends.
  '/api/v1/namespaces/ns/pods': (res) => {
    res.writeHead(500, { 'content-type': 'application/json' });
    return filler(`{"kind":"Status","message":"${KIB}`);
  },
  '/api/v1/namespaces/ns/pods/web/log': (res) => {
    res.writeHead(500, { 'content-type': 'text/plain' });
    return filler(KIB);
  },
  // A watch whose first event never ends (no newline).
  '/api/v1/namespaces/ns/configmaps': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    return filler(`{"type":"ADDED","object":{"kind":"ConfigMap","data":"${KIB}`);
  },
  // A followed log of one endless line.
  '/api/v1/namespaces/ns/pods/endless/log': (res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    return filler(KIB);
  },
  // An error whose body never comes: the headers, then silence.
  '/api/v1/namespaces/ns/secrets': (res) => {
    res.writeHead(500, { 'content-type': 'application/json' }).flushHeaders();
    return undefined;
  },
};

export async function startHostileServer(): Promise<HostileServer> {
  const written = new Map<string, number>();
  type Waiter = { promise: Promise<void>; resolve: () => void };
  const waiters = new Map<string, Waiter>();
  const waiter = (key: string) => {
    let w = waiters.get(key);
    if (!w) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      w = { promise, resolve };
      waiters.set(key, w);
    }
    return w;
  };
  let lastUrl: string | undefined;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    lastUrl = req.url;
    const path = (req.url ?? '/').split('?')[0]!;
    const serve = CASES[path];
    if (!serve) {
      res.writeHead(404).end();
      return;
    }
    written.set(path, 0);
    waiter(`requested ${path}`).resolve();
    res.on('close', () => waiter(`closed ${path}`).resolve());
    const next = serve(res);
    if (!next) return;
    // Write as fast as the client reads (honouring backpressure) until it hangs up.
    const pump = () => {
      while (!res.destroyed) {
        const text = next();
        written.set(path, written.get(path)! + text.length);
        if (!res.write(text)) {
          res.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    written: (path) => written.get(path) ?? 0,
    lastUrl: () => lastUrl,
    requested: (path) => waiter(`requested ${path}`).promise,
    closed: (path) => waiter(`closed ${path}`).promise,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
