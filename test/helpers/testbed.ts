// The test bed: a real etcd and kube-apiserver (built from source by testbed-build.ts) on loopback,
// with certificates made like the sandbox's and the same files in --dir (ca.crt, admin/jane certs,
// kubeconfig, kubeconfig-jane). Used by the real-*.test.ts files and by `npm run testbed`.
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createCertificateAuthority, type KeyPairPem } from '../../src/sandbox/certs.js';
import { type SandboxFiles, writeSandboxFiles } from '../../src/sandbox/files.js';
import { ensureTestbedBuilt, TESTBED_BIN, TestbedError } from './testbed-build.js';
import { createBenchPods, seedTestbed } from './testbed-seed.js';

export { ensureTestbedBuilt, findGo, TestbedError } from './testbed-build.js';

export interface TestbedOptions {
  /** Where credentials, kubeconfigs, logs and etcd's data go (etcd's data is wiped at start). */
  dir: string;
  /** kube-apiserver's secure port; default a free one. */
  port?: number;
  /** Extra pods created in namespaces bench-0..9, like the sandbox's --pods. */
  pods?: number;
  /** Apply testbed/seed.yaml (default true). */
  seed?: boolean;
  /** More kube-apiserver flags, e.g. `--runtime-config=...`. */
  apiserverArgs?: string[];
  log?: (line: string) => void;
}

export interface Testbed {
  url: string;
  port: number;
  files: SandboxFiles;
  caPem: string;
  admin: KeyPairPem;
  jane: KeyPairPem;
  /** GET (or other method) as admin, or anonymously with `as: 'anonymous'`; the raw answer. */
  fetch(path: string, init?: FetchInit): Promise<RawResponse>;
  stop(): Promise<void>;
}

export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  as?: 'admin' | 'jane' | 'anonymous';
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A free loopback port (the kernel picks; closed again right away). */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((res, rej) => {
    const s = createServer();
    s.once('error', (e: NodeJS.ErrnoException) =>
      rej(
        e.code === 'EADDRINUSE'
          ? new TestbedError(`port ${port} is already in use; pick another with --port or omit it for a free one`)
          : e,
      ),
    );
    s.listen(port, '127.0.0.1', () => s.close(() => res()));
  });
}

export function httpsRequest(
  url: string,
  ca: string,
  client: KeyPairPem | undefined,
  init: Omit<FetchInit, 'as'> = {},
): Promise<RawResponse> {
  return new Promise((res, rej) => {
    const req = request(
      url,
      {
        method: init.method ?? 'GET',
        headers: init.headers,
        ca,
        cert: client?.certPem,
        key: client?.keyPem,
        agent: false,
        timeout: 10_000,
      },
      (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () =>
          res({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(chunks).toString() }),
        );
        r.on('error', rej);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', rej);
    req.end(init.body);
  });
}

/** A child in its own process group (so a stop reaches everything it started) whose stdin is a pipe
 *  from us: when this process dies, the pipe closes and the child stops itself. */
interface Proc {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  log: WriteStream;
}

function startProc(name: string, bin: string, args: string[], logFile: string, env: NodeJS.ProcessEnv = {}): Proc {
  const log = createWriteStream(logFile);
  const child = spawn(bin, args, { detached: true, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<number | null>((done) =>
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : null))),
  );
  LIVE.add(child);
  void exited.then(() => LIVE.delete(child));
  return { name, child, exited, log };
}

/** Children not stopped yet: killed (whole groups) if this process exits without stopping them. */
const LIVE = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of LIVE) killGroup(c, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function stopProc(p: Proc): Promise<void> {
  if (p.child.exitCode === null && p.child.signalCode === null) {
    killGroup(p.child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(p.child, 'SIGKILL'), 10_000);
    await p.exited;
    clearTimeout(timer);
  }
  await new Promise((r) => p.log.end(r));
}

async function logTail(file: string, lines = 8): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** Resolves when `line` appears on the child's stdout; rejects if it exits first or time runs out. */
function waitForLine(p: Proc, pattern: RegExp, timeoutMs: number, logFile: string): Promise<void> {
  return new Promise((res, rej) => {
    let seen = '';
    const timer = setTimeout(
      () => rej(new TestbedError(`${p.name} did not start within ${timeoutMs / 1000} s; see ${logFile}`)),
      timeoutMs,
    );
    p.child.stdout!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        res();
      }
    });
    void p.exited.then(async (code) => {
      clearTimeout(timer);
      rej(
        new TestbedError(
          `${p.name} exited (${code}) while starting; last lines of ${logFile}:\n${await logTail(logFile)}`,
        ),
      );
    });
  });
}

/** Polls /readyz (public to everyone) until it answers 200, kube-apiserver exits, or the deadline. */
async function waitReady(url: string, ca: string, apiserver: Proc, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let exited = false;
  void apiserver.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited)
      throw new TestbedError(
        `kube-apiserver exited while starting; last lines of ${logFile}:\n${await logTail(logFile)}`,
      );
    try {
      const r = await httpsRequest(`${url}/readyz`, ca, undefined);
      if (r.status === 200) return;
      last = `${r.status} ${r.body
        .split('\n')
        .filter((l) => l.startsWith('[-]'))
        .join(' ')}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250)); // a poll interval, with the deadline above
  }
  throw new TestbedError(
    `kube-apiserver was not ready within ${timeoutMs / 1000} s (last /readyz: ${last}); see ${logFile}`,
  );
}

export async function startTestbed(opts: TestbedOptions): Promise<Testbed> {
  const log = opts.log ?? (() => {});
  const dir = resolve(opts.dir);
  if (opts.port !== undefined) await assertPortFree(opts.port);
  await ensureTestbedBuilt(log);

  const pki = join(dir, 'pki');
  const etcdData = join(dir, 'etcd-data');
  await rm(etcdData, { recursive: true, force: true });
  await mkdir(pki, { recursive: true });

  const ca = await createCertificateAuthority('kapi-tui-testbed-ca');
  const [serving, admin, jane] = await Promise.all([
    ca.issue({
      commonName: 'kube-apiserver',
      usage: 'server',
      dnsNames: ['localhost', 'kubernetes', 'kubernetes.default'],
      ips: ['127.0.0.1'],
    }),
    ca.issue({ commonName: 'kubernetes-admin', organizations: ['system:masters'], usage: 'client' }),
    ca.issue({ commonName: 'jane', organizations: ['dev'], usage: 'client' }),
  ]);
  const sa = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const secret = { mode: 0o600 };
  await Promise.all([
    writeFile(join(pki, 'serving.crt'), serving.certPem),
    writeFile(join(pki, 'serving.key'), serving.keyPem, secret),
    writeFile(join(pki, 'sa.key'), sa.privateKey.export({ type: 'pkcs8', format: 'pem' }), secret),
    writeFile(join(pki, 'sa.pub'), sa.publicKey.export({ type: 'spki', format: 'pem' })),
  ]);

  const [port, etcdPort, etcdPeerPort] = await Promise.all([opts.port ?? freePort(), freePort(), freePort()]);
  const url = `https://127.0.0.1:${port}`;
  const files = await writeSandboxFiles(dir, { url, caPem: ca.certPem, admin, jane });

  const etcdLog = join(dir, 'etcd.log');
  const etcd = startProc(
    'etcd',
    join(TESTBED_BIN, 'etcd'),
    [
      `--data-dir=${etcdData}`,
      `--listen-client-url=http://127.0.0.1:${etcdPort}`,
      `--listen-peer-url=http://127.0.0.1:${etcdPeerPort}`,
      '--exit-on-stdin-eof',
    ],
    etcdLog,
  );
  const procs: Proc[] = [etcd];
  const stop = async () => {
    // kube-apiserver first: stopping etcd under it makes it log connection errors for nothing.
    for (const p of [...procs].reverse()) await stopProc(p);
  };
  try {
    await waitForLine(etcd, /etcd ready/, 30_000, etcdLog);
    const apiLog = join(dir, 'kube-apiserver.log');
    const apiserver = startProc(
      'kube-apiserver',
      join(TESTBED_BIN, 'kube-apiserver'),
      [
        `--etcd-servers=http://127.0.0.1:${etcdPort}`,
        '--bind-address=127.0.0.1',
        '--advertise-address=127.0.0.1',
        `--secure-port=${port}`,
        `--cert-dir=${pki}`,
        `--tls-cert-file=${join(pki, 'serving.crt')}`,
        `--tls-private-key-file=${join(pki, 'serving.key')}`,
        `--client-ca-file=${files.ca}`,
        '--authorization-mode=RBAC',
        '--anonymous-auth=true',
        `--service-account-key-file=${join(pki, 'sa.pub')}`,
        `--service-account-signing-key-file=${join(pki, 'sa.key')}`,
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        '--service-cluster-ip-range=10.96.0.0/16',
        // The `kubernetes` Service's endpoints cannot point at a loopback address (validation
        // rejects it), and nothing in a test bed routes to it: no reconciler.
        '--endpoint-reconciler-type=none',
        '--profiling=false',
        ...(opts.apiserverArgs ?? []),
      ],
      apiLog,
      { TESTBED_EXIT_ON_STDIN_EOF: '1' },
    );
    procs.push(apiserver);
    await waitReady(url, ca.certPem, apiserver, apiLog, 120_000);

    const tb: Testbed = {
      url,
      port,
      files,
      caPem: ca.certPem,
      admin,
      jane,
      fetch: (path, init = {}) => {
        const who = init.as ?? 'admin';
        return httpsRequest(url + path, ca.certPem, who === 'admin' ? admin : who === 'jane' ? jane : undefined, init);
      },
      stop,
    };
    if (opts.seed !== false) await seedTestbed(tb, log);
    if (opts.pods) await createBenchPods(tb, opts.pods, log);
    return tb;
  } catch (err) {
    await stop();
    throw err;
  }
}
