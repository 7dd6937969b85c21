// The only place that talks HTTP. TLS material and credentials come from client-node's
// KubeConfig (`applyToHTTPSOptions`, so exec plugins, tokens, OIDC and certificates all work);
// the request itself is made with node:http(s) so we control streaming, timeouts, byte counts and abort.
//
// Exec credential plugins: client-node 1.4 (`exec_auth.js`) runs them with child_process.spawn and
// default stdio ('pipe' for stdin/stdout/stderr) and buffers their stderr into the error it throws,
// so a plugin cannot write onto the TUI's screen. client-node ignores `interactiveMode`; a plugin
// that needs a terminal (interactiveMode: Always) fails instead of prompting, which is what we want.
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { createSecureContext } from 'node:tls';
import type { IncomingMessage } from 'node:http';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import {
  KubeError,
  bodyTooLargeError,
  cancelledError,
  classifyNetworkError,
  httpError,
  readOnlyRefusal,
  responseCutError,
  timeoutError,
  type ErrorContext,
} from './errors.js';
import type { ResolvedConnection } from './connection.js';
import { pathOnly } from '../model/paths.js';
import type { RawResponse } from '../model/types.js';
import { proxyFor } from './proxy-env.js';
import {
  SELF_SUBJECT_ACCESS_REVIEW_PATH,
  SELF_SUBJECT_REVIEW_PATH,
  SELF_SUBJECT_RULES_REVIEW_PATH,
} from './review-paths.js';

export type HttpMethod = 'GET' | 'POST';

/** Buffered responses larger than this are refused (a 20 MB /metrics is fine; a runaway body is not). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;
/** What is kept of an error answer's body: a Status is a few hundred bytes; the rest is not read. */
export const ERROR_BODY_MAX_BYTES = 64 * 1024;
/** How long a stream's error body may take when the request has no timeout. */
export const ERROR_BODY_TIMEOUT_MS = 15_000;

/** The longest delay a Node timer keeps: longer ones (`--request-timeout 1000h`) fire after 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A timeout a timer can hold: anything longer waits ~24.8 days, which is as good as never. */
export function timerMs(ms: number): number {
  return Math.min(ms, MAX_TIMER_MS);
}

/** When and how often a safe request is sent again. */
export interface RetryPolicy {
  /** Total attempts, first one included (1 = no retries). */
  attempts: number;
  /** Backoff before the second attempt; doubled for each further one, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Honour Retry-After up to this; a server asking for longer gets no automatic retry. */
  maxRetryAfterMs: number;
  /** For tests: the jitter source (default Math.random). */
  random?: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 4000,
  maxRetryAfterMs: 10_000,
};

/** HTTP statuses worth another try for an idempotent request (500 is not: it is usually a bug, not load). */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);
/** Connection failures after the connection was made (reset, dropped, cut mid-response). Not refused,
 *  not DNS, not TLS, not timeouts: another try would fail the same way, or wait just as long. */
const RETRY_NETWORK_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'KAPI_RESPONSE_CUT']);

/**
 * How long to wait before attempt `attempt + 1` of a safe GET that failed with `err`, or undefined
 * when it must not be retried. Exponential backoff with jitter; Retry-After (seconds) wins when given.
 */
export function retryDelayMs(
  err: unknown,
  attempt: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number | undefined {
  if (attempt >= policy.attempts || !(err instanceof KubeError)) return undefined;
  const retryable =
    err.kind === 'http'
      ? err.status !== undefined && RETRY_STATUSES.has(err.status)
      : err.kind === 'network' && err.code !== undefined && RETRY_NETWORK_CODES.has(err.code);
  if (!retryable) return undefined;
  const random = policy.random ?? Math.random;
  if (err.retryAfterSeconds !== undefined) {
    const ms = Math.max(0, err.retryAfterSeconds) * 1000;
    if (ms > policy.maxRetryAfterMs) return undefined;
    // A little jitter on top, so that clients told the same thing do not come back in lockstep.
    return Math.round(ms + random() * Math.min(policy.baseDelayMs, 250));
  }
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(backoff / 2 + random() * (backoff / 2));
}

/** Resolves after `ms`, or rejects with a 'cancelled' KubeError as soon as `signal` aborts. */
export function abortableDelay(ms: number, signal: AbortSignal | undefined, ctx: ErrorContext = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError(ctx));
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError(ctx));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** POST is allowed only for these review endpoints (they create nothing persistent). */
export const READ_ONLY_POST_PATHS: ReadonlySet<string> = new Set([
  SELF_SUBJECT_REVIEW_PATH,
  SELF_SUBJECT_ACCESS_REVIEW_PATH,
  SELF_SUBJECT_RULES_REVIEW_PATH,
]);

/** Throws a 'read-only' KubeError unless the request is a GET, or a POST to a self-review endpoint. */
export function assertReadOnly(method: string, path: string): asserts method is HttpMethod {
  const m = method.toUpperCase();
  if (m === 'GET' && method === 'GET') return;
  if (m === 'POST' && method === 'POST' && READ_ONLY_POST_PATHS.has(pathOnly(path).replace(/\/+$/, ''))) return;
  throw readOnlyRefusal(method, path);
}

/** Response headers the request log keeps (and explains: src/model/response-headers.ts). An allow
 *  list, so that nothing like a credential or a cookie is ever kept or shown. */
export const LOGGED_HEADERS = [
  'content-type',
  'audit-id',
  'warning',
  'retry-after',
  'x-kubernetes-pf-flowschema-uid',
  'x-kubernetes-pf-prioritylevel-uid',
  'etag',
  'cache-control',
] as const;

export interface HttpRequest {
  method: HttpMethod;
  /** Path with query. */
  path: string;
  accept: string;
  body?: string;
  signal?: AbortSignal;
  /** Overrides the connection's timeout; 0 disables. */
  timeoutMs?: number;
  /** Buffered requests only: refuse bodies larger than this (default DEFAULT_MAX_BODY_BYTES; 0 = no limit). */
  maxBodyBytes?: number;
  /** Send without credentials (server CA only): the server sees system:anonymous. */
  anonymous?: boolean;
  /** Buffered requests with a 2xx status: called once with the body's first BODY_HEAD_BYTES as
   *  soon as they have arrived, while the rest is still on its way (a list page's continue token
   *  is there: the next page can be asked for at once). Not called for a shorter body. */
  onBodyStart?: (head: string) => void;
}

/** How much of a body `onBodyStart` sees (kube-apiserver writes a list's metadata first). */
export const BODY_HEAD_BYTES = 1024;

/** A buffered response as the transport has it: the client's RawResponse before it parses the
 *  JSON and names the request event. */
export type HttpResult = Omit<RawResponse, 'json' | 'requestId'>;

export interface HttpStream {
  status: number;
  headers: Record<string, string>;
  contentType: string;
  /** The response body; read it, then it ends. */
  response: IncomingMessage;
  /** Headers arrived after this many ms. */
  durationMs: number;
  /** Ends the stream (no error is raised). */
  abort(): void;
}

/** Thrown errors carry what the request log needs. */
export interface FailedRequestInfo {
  status?: number;
  headers?: Record<string, string>;
  bytes: number;
  durationMs: number;
}

export const failureInfo = new WeakMap<object, FailedRequestInfo>();

function flattenHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}

/** The TLS and HTTP options that say who the client is (an anonymous request goes without them). */
const NO_CREDENTIALS = { cert: undefined, key: undefined, pfx: undefined, passphrase: undefined, auth: undefined };

interface Prepared {
  url: URL;
  agent: http.Agent;
  /** An array is sent as one header line per value (Impersonate-Group). */
  headers: Record<string, string | string[]>;
  auth?: string;
}

/** The secure context `tls` describes, or undefined (each socket then makes its own, as before)
 *  when Node cannot build it up front; the connection then reports the problem itself. */
function sharedSecureContext(tls: https.AgentOptions): ReturnType<typeof createSecureContext> | undefined {
  try {
    return createSecureContext(tls);
  } catch {
    return undefined;
  }
}

/** A Buffer's sha256, once per Buffer: the kubeconfig hands the same one over while it is fresh. */
const digests = new WeakMap<Buffer, string>();
function digestOf(b: Buffer): string {
  let d = digests.get(b);
  if (d === undefined) digests.set(b, (d = createHash('sha256').update(b).digest('hex')));
  return d;
}

export class HttpTransport {
  private readonly agents = new Map<string, http.Agent>();
  private readonly base: URL;
  private readonly ctx: ErrorContext;

  constructor(readonly conn: ResolvedConnection) {
    this.base = new URL(conn.server);
    this.ctx = { server: conn.server, proxy: conn.mode === 'proxy' };
  }

  /** Error context for one request: a client certificate outside its validity explains a 401. */
  private context(req: HttpRequest): ErrorContext {
    const ctx: ErrorContext = { ...this.ctx, method: req.method, path: req.path };
    const cert = this.conn.clientCertificate;
    if (cert) {
      const now = Date.now();
      if (now > cert.notAfter.getTime())
        ctx.clientCertProblem = `The client certificate (CN=${cert.commonName ?? '?'}) expired on ${cert.notAfter.toISOString()}.`;
      else if (now < cert.notBefore.getTime())
        ctx.clientCertProblem = `The client certificate (CN=${cert.commonName ?? '?'}) is not valid before ${cert.notBefore.toISOString()} (check this machine's clock).`;
    }
    return ctx;
  }

  /** Apply credentials per request (exec-plugin tokens expire; client-node caches them until then). */
  private async prepare(path: string, anonymous = false): Promise<Prepared> {
    const opts: https.RequestOptions = { headers: {} };
    try {
      await this.conn.kubeConfig.applyToHTTPSOptions(opts);
      // Anonymous: keep what verifies the server (CA, server name, proxy), drop who we are.
      if (anonymous) Object.assign(opts, NO_CREDENTIALS, { headers: {} });
    } catch (e) {
      throw new KubeError({
        kind: 'config',
        message: `Cannot get credentials for this connection: ${(e as Error).message}`,
        hint: 'Check the kubeconfig user (client certificate/key files, token, exec plugin). `kubectl config view --minify` shows it.',
        path,
        cause: e,
      });
    }
    const proxy = proxyFor(this.base, this.conn.kubeConfig.getCurrentCluster()?.proxyUrl);
    const isHttp = this.base.protocol === 'http:';
    let agent: http.Agent;
    if (proxy?.startsWith('socks')) {
      // A SOCKS proxy in the kubeconfig: client-node's agent as built.
      agent = opts.agent as http.Agent;
    } else {
      // One kept-alive agent per TLS identity and proxy: a proxy's CONNECT and the TLS handshake
      // happen once per connection, not per request.
      const h = createHash('sha256');
      for (const part of [opts.ca, opts.cert, opts.key, opts.pfx]) {
        h.update(part === undefined ? '-' : Buffer.isBuffer(part) ? digestOf(part) : String(part));
        h.update('\0');
      }
      h.update(`${opts.rejectUnauthorized}|${opts.servername ?? ''}|${isHttp}|${proxy ?? ''}`);
      const key = h.digest('hex');
      let cached = this.agents.get(key);
      if (!cached) {
        const tls = {
          ca: opts.ca,
          cert: opts.cert,
          key: opts.key,
          pfx: opts.pfx,
          passphrase: opts.passphrase,
          servername: opts.servername,
          ...(opts.rejectUnauthorized !== undefined ? { rejectUnauthorized: opts.rejectUnauthorized } : {}),
        };
        if (proxy) {
          cached = isHttp
            ? new HttpProxyAgent({ keepAlive: true, proxy })
            : new HttpsProxyAgent({ keepAlive: true, proxy, ...tls });
        } else if (isHttp) {
          cached = new http.Agent({ keepAlive: true });
        } else {
          // One secure context for all of the agent's connections: without it each new socket parses
          // the CA, certificate and key again (discovery opens several sockets at once).
          cached = new https.Agent({ keepAlive: true, ...tls, secureContext: sharedSecureContext(tls) });
        }
        this.agents.set(key, cached);
      }
      agent = cached;
    }
    const headers: Prepared['headers'] = {};
    for (const [k, v] of Object.entries(opts.headers ?? {})) {
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
    }
    const impersonate = anonymous ? undefined : this.conn.impersonate;
    if (impersonate) {
      headers['Impersonate-User'] = impersonate.user;
      if (impersonate.groups.length) headers['Impersonate-Group'] = impersonate.groups;
    }
    const basePath = this.base.pathname.replace(/\/+$/, '');
    // Never let a path like '//host/x' escape to another origin.
    const url = new URL(basePath + '/' + path.replace(/^\/+/, ''), this.base);
    return { url, agent, headers, auth: typeof opts.auth === 'string' ? opts.auth : undefined };
  }

  private boundedPrepare(req: HttpRequest, timeoutMs: number, started: number, ctx: ErrorContext): Promise<Prepared> {
    const left = timeoutMs > 0 ? Math.max(1, timeoutMs - (Date.now() - started)) : 0;
    return new Promise<Prepared>((resolvePrepared, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => finish(() => reject(cancelledError(ctx)));
      const finish = (then: () => void) => {
        if (timer) clearTimeout(timer);
        req.signal?.removeEventListener('abort', onAbort);
        then();
      };
      if (left > 0) {
        timer = setTimeout(
          () =>
            finish(() =>
              reject(
                new KubeError({
                  kind: 'timeout',
                  message: `Getting credentials took longer than ${(timeoutMs / 1000).toFixed(timeoutMs % 1000 ? 1 : 0)} s (${ctx.method ?? 'GET'} ${ctx.path ?? ''})`,
                  hint: "The kubeconfig user's exec credential plugin (or token refresh) did not finish. Run it by hand to see why (`kubectl config view --minify` shows the command).",
                  path: ctx.path,
                  method: ctx.method,
                }),
              ),
            ),
          left,
        );
      }
      req.signal?.addEventListener('abort', onAbort, { once: true });
      this.prepare(req.path, req.anonymous).then(
        (p) => finish(() => resolvePrepared(p)),
        (e) => finish(() => reject(e)),
      );
    });
  }

  /** Start a request; resolves when the response headers arrive. */
  private async start(
    req: HttpRequest,
    timeoutMs: number,
    started: number,
    onTimeoutArm: (cancel: () => void) => void,
    retried = false,
  ): Promise<{ res: IncomingMessage; clientReq: http.ClientRequest }> {
    assertReadOnly(req.method, req.path);
    const ctx = this.context(req);
    if (req.signal?.aborted) throw cancelledError(ctx);
    // Credentials may come from an exec plugin or a token refresh: the deadline and abort cover that too.
    const p = await this.boundedPrepare(req, timeoutMs, started, ctx);
    if (req.signal?.aborted) throw cancelledError(ctx);
    const mod = p.url.protocol === 'http:' ? http : https;
    const headers: Prepared['headers'] = {
      ...p.headers,
      Accept: req.accept,
      'User-Agent': 'kapi-tui',
    };
    if (req.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(req.body));
    }
    return new Promise((resolvePromise, reject) => {
      let settled = false;
      const clientReq = mod.request(p.url, { method: req.method, agent: p.agent, headers, auth: p.auth });
      const fail = (err: KubeError) => {
        if (settled) return;
        settled = true;
        cleanup();
        failureInfo.set(err, { bytes: 0, durationMs: Date.now() - started });
        clientReq.destroy();
        reject(err);
      };
      const onAbort = () => fail(cancelledError(ctx));
      req.signal?.addEventListener('abort', onAbort, { once: true });
      let timer: NodeJS.Timeout | undefined;
      if (timeoutMs > 0) timer = setTimeout(() => fail(timeoutError(timeoutMs, ctx)), timeoutMs);
      const cleanup = () => {
        if (timer) clearTimeout(timer);
        req.signal?.removeEventListener('abort', onAbort);
      };
      onTimeoutArm(cleanup);
      clientReq.on('error', (e: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed while idle: retry once on a fresh connection.
        if (!settled && !retried && clientReq.reusedSocket && e.code === 'ECONNRESET') {
          settled = true;
          cleanup();
          const left = timeoutMs > 0 ? Math.max(1, timeoutMs - (Date.now() - started)) : 0;
          resolvePromise(this.start(req, left, started, onTimeoutArm, true));
          return;
        }
        fail(classifyNetworkError(e, ctx));
      });
      clientReq.on('response', (res) => {
        if (settled) {
          res.destroy();
          return;
        }
        settled = true;
        // A plugin credential the server no longer takes: run the plugin again, once, like client-go.
        if (res.statusCode === 401 && !retried && this.conn.kubeConfig.forgetCredentials?.()) {
          res.resume();
          cleanup();
          const left = timeoutMs > 0 ? Math.max(1, timeoutMs - (Date.now() - started)) : 0;
          resolvePromise(this.start(req, left, started, onTimeoutArm, true));
          return;
        }
        resolvePromise({ res, clientReq });
      });
      if (req.body !== undefined) clientReq.write(req.body);
      clientReq.end();
    });
  }

  /** A buffered request. Throws KubeError for network/TLS failures, timeouts, aborts, bodies over the
   *  size limit, a connection cut mid-body, and HTTP status >= 400. */
  async send(req: HttpRequest): Promise<HttpResult> {
    const started = Date.now();
    const timeoutMs = timerMs(req.timeoutMs ?? this.conn.timeoutMs);
    const ctx = this.context(req);
    let cleanup: () => void = () => {};
    try {
      const { res, clientReq } = await this.start(req, timeoutMs, started, (c) => (cleanup = c));
      // Headers are in; the same deadline keeps covering the body.
      cleanup();
      const headers = flattenHeaders(res.headers);
      const status = res.statusCode ?? 0;
      const remaining = timeoutMs > 0 ? Math.max(1, timeoutMs - (Date.now() - started)) : 0;
      const { body, bytes } = await readBody(res, clientReq, {
        signal: req.signal,
        onBodyStart: status < 300 ? req.onBodyStart : undefined,
        maxBody: req.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
        deadlineMs: remaining,
        timeoutMs,
        status,
        headers,
        started,
        ctx,
      });
      const durationMs = Date.now() - started;
      if (status >= 400) {
        const err = httpError(status, headers, body, ctx);
        failureInfo.set(err, { status, headers, bytes, durationMs });
        throw err;
      }
      return { status, headers, contentType: headers['content-type'] ?? '', body, bytes, durationMs };
    } catch (e) {
      cleanup();
      const err = e instanceof KubeError ? e : classifyNetworkError(e, ctx);
      if (!failureInfo.has(err)) failureInfo.set(err, { bytes: 0, durationMs: Date.now() - started });
      throw err;
    }
  }

  /**
   * A streaming request (watch). The timeout covers only the wait for the response headers.
   * A status >= 400 is an error: its body (a Status) is read up to ERROR_BODY_MAX_BYTES, within
   * the request timeout (ERROR_BODY_TIMEOUT_MS when there is none), and thrown as KubeError.
   */
  async open(req: HttpRequest): Promise<HttpStream> {
    const started = Date.now();
    const timeoutMs = timerMs(req.timeoutMs ?? this.conn.timeoutMs);
    const ctx = this.context(req);
    let cleanup: () => void = () => {};
    const { res, clientReq } = await this.start(req, timeoutMs, started, (c) => (cleanup = c));
    cleanup();
    const headers = flattenHeaders(res.headers);
    const status = res.statusCode ?? 0;
    const durationMs = Date.now() - started;
    if (status >= 400) {
      const deadlineMs = timeoutMs > 0 ? Math.max(1, timeoutMs - durationMs) : ERROR_BODY_TIMEOUT_MS;
      const { body, bytes } = await readBody(res, clientReq, {
        signal: req.signal,
        maxBody: ERROR_BODY_MAX_BYTES,
        deadlineMs,
        timeoutMs: deadlineMs,
        status,
        headers,
        started,
        ctx,
      });
      const err = httpError(status, headers, body, ctx);
      failureInfo.set(err, { status, headers, bytes, durationMs: Date.now() - started });
      throw err;
    }
    return {
      status,
      headers,
      contentType: headers['content-type'] ?? '',
      response: res,
      durationMs,
      abort() {
        res.destroy();
        clientReq.destroy();
      },
    };
  }

  /** Close idle keep-alive sockets. */
  close(): void {
    for (const a of this.agents.values()) a.destroy();
    this.agents.clear();
  }
}

interface BodyLimits {
  signal?: AbortSignal;
  onBodyStart?: (head: string) => void;
  /** 0 = no limit. A success body over it is an error; an error body is cut to it. */
  maxBody: number;
  /** Give up after this many ms (0 = never); `timeoutMs` is what the message says. */
  deadlineMs: number;
  timeoutMs: number;
  status: number;
  headers: Record<string, string>;
  started: number;
  ctx: ErrorContext;
}

/**
 * Reads a whole response body within its limits. An error status keeps at most ERROR_BODY_MAX_BYTES
 * (a Status is a few hundred bytes): past that the connection is closed and the prefix explains the
 * error, so a server answering 500 with an endless body cannot fill memory.
 */
function readBody(
  res: IncomingMessage,
  clientReq: http.ClientRequest,
  o: BodyLimits,
): Promise<{ body: string; bytes: number }> {
  const { signal, status, headers, started, ctx } = o;
  let { onBodyStart } = o;
  const errorCap = status >= 400 ? ERROR_BODY_MAX_BYTES : 0;
  const maxBody = errorCap && (o.maxBody === 0 || o.maxBody > errorCap) ? errorCap : o.maxBody;
  const declaredRaw = headers['content-length'];
  const declared = declaredRaw !== undefined && /^\d+$/.test(declaredRaw) ? Number(declaredRaw) : undefined;
  const chunks: Buffer[] = [];
  let bytes = 0;
  // With a Content-Length, copy into one buffer as data arrives (no second copy at the end).
  let whole =
    declared !== undefined && declared > 0 && (maxBody === 0 || declared <= maxBody)
      ? Buffer.allocUnsafe(declared)
      : undefined;
  const text = () => (whole ? whole.toString('utf8', 0, bytes) : Buffer.concat(chunks).toString('utf8'));
  return new Promise((resolveBody, reject) => {
    let done = false;
    let deadline: NodeJS.Timeout | undefined;
    const settle = () => {
      done = true;
      if (deadline) clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (err: KubeError) => {
      if (done) return;
      settle();
      failureInfo.set(err, { status, headers, bytes, durationMs: Date.now() - started });
      chunks.length = 0;
      whole = undefined;
      clientReq.destroy();
      res.destroy();
      reject(err);
    };
    /** An error body cut to its cap: what arrived is the explanation; the rest is not read. */
    const keepPrefix = () => {
      if (done) return;
      settle();
      resolveBody({ body: text(), bytes });
      clientReq.destroy();
      res.destroy();
    };
    const onAbort = () => fail(cancelledError(ctx));
    signal?.addEventListener('abort', onAbort, { once: true });
    if (maxBody > 0 && declared !== undefined && declared > maxBody && !errorCap) {
      // Announced too large: do not read a byte of it.
      fail(bodyTooLargeError(maxBody, { bytes: 0, declared }, ctx));
      return;
    }
    if (o.deadlineMs > 0)
      deadline = setTimeout(() => (errorCap ? keepPrefix() : fail(timeoutError(o.timeoutMs, ctx))), o.deadlineMs);
    const cut = (cause: unknown) =>
      errorCap ? keepPrefix() : fail(responseCutError({ bytes, declared, status, cause }, ctx));
    res.on('data', (c: Buffer) => {
      if (done) return;
      if (maxBody > 0 && bytes + c.length > maxBody) {
        if (errorCap) {
          const room = maxBody - bytes;
          if (whole) whole = Buffer.concat([whole.subarray(0, bytes), c.subarray(0, room)]);
          else chunks.push(c.subarray(0, room));
          bytes = maxBody;
          keepPrefix();
          return;
        }
        bytes += c.length;
        fail(bodyTooLargeError(maxBody, { bytes: maxBody }, ctx));
        return;
      }
      if (whole && bytes + c.length <= whole.length) c.copy(whole, bytes);
      else {
        // More than announced (Node would reject that) or no Content-Length: keep the chunks.
        if (whole) chunks.push(Buffer.from(whole.subarray(0, bytes)));
        whole = undefined;
        chunks.push(c);
      }
      bytes += c.length;
      if (onBodyStart && bytes >= BODY_HEAD_BYTES) {
        const tell = onBodyStart;
        onBodyStart = undefined;
        tell((whole ?? Buffer.concat(chunks)).toString('utf8', 0, BODY_HEAD_BYTES));
      }
    });
    res.on('error', (e: NodeJS.ErrnoException) =>
      e.code === 'ECONNRESET' || /aborted/i.test(e.message) ? cut(e) : fail(classifyNetworkError(e, ctx)),
    );
    res.on('aborted', () => cut(Object.assign(new Error('response aborted'), { code: 'ECONNRESET' })));
    // A socket that closes without 'end' and without an error must not leave us waiting for the deadline.
    res.on('close', () => {
      if (!done && !res.complete) cut(Object.assign(new Error('connection closed'), { code: 'ECONNRESET' }));
    });
    res.on('end', () => {
      if (done) return;
      settle();
      resolveBody({ body: text(), bytes });
      chunks.length = 0;
      whole = undefined;
    });
  });
}
