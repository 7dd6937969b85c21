// Errors raised by the client, classified so the UI can say what went wrong and what to try next.
// No I/O here: classification is a pure function of a Node error / an HTTP response.

/** 'read-only': a request kapi-tui refused to send because it would change something. */
export type KubeErrorKind = 'http' | 'network' | 'tls' | 'timeout' | 'config' | 'parse' | 'cancelled' | 'read-only';

export interface KubeErrorInit {
  kind: KubeErrorKind;
  message: string;
  hint: string;
  status?: number;
  reason?: string;
  serverMessage?: string;
  path?: string;
  method?: string;
  /** The response body (parsed Status when JSON, else text). */
  body?: unknown;
  /** Node error code (ECONNREFUSED, CERT_HAS_EXPIRED, ...). */
  code?: string;
  /** Seconds from Retry-After / details.retryAfterSeconds. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** KubeError.code values the client sets itself (not Node error codes). */
export const ERR_BODY_TOO_LARGE = 'KAPI_BODY_TOO_LARGE';
export const ERR_RESPONSE_CUT = 'KAPI_RESPONSE_CUT';
export const ERR_HTML_BODY = 'KAPI_HTML_BODY';
export const ERR_WATCH_CUT = 'KAPI_WATCH_CUT';

/** Marks KubeErrors across copies of this module: the explorer's bundle (dist/launch.cjs, see
 *  src/cli/code-cache.ts) has its own copy, and the errors it sees come from the CLI's. */
const KUBE_ERROR = Symbol.for('kapi-tui.KubeError');

export class KubeError extends Error {
  /** `instanceof` holds for a KubeError made by any copy of this class. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[KUBE_ERROR] === true;
  }
  readonly [KUBE_ERROR] = true;
  readonly kind: KubeErrorKind;
  readonly status?: number;
  readonly reason?: string;
  readonly serverMessage?: string;
  readonly path?: string;
  readonly method?: string;
  /** The next step for the user. */
  readonly hint: string;
  readonly body?: unknown;
  readonly code?: string;
  readonly retryAfterSeconds?: number;
  /** How many times the request was sent (safe GETs are retried on 429/502/503/504 and dropped connections). */
  attempts = 1;
  /** The id of the request event of the (last) attempt, when the request was sent. */
  requestId?: number;

  constructor(init: KubeErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'KubeError';
    this.kind = init.kind;
    this.hint = init.hint;
    this.status = init.status;
    this.reason = init.reason;
    this.serverMessage = init.serverMessage;
    this.path = init.path;
    this.method = init.method;
    this.body = init.body;
    this.code = init.code;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export function isKubeError(e: unknown): e is KubeError {
  return e instanceof KubeError;
}

/** Context the classifiers use to word messages and hints. */
export interface ErrorContext {
  method?: string;
  path?: string;
  /** Base URL of the server (or proxy). */
  server?: string;
  /** True when the server is a `kubectl proxy`. */
  proxy?: boolean;
  /** Set when the client certificate is outside its validity window (why a 401 happened). */
  clientCertProblem?: string;
}

const UNKNOWN_CA = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

const CLIENT_CERT_REJECTED = new Set([
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED',
  'ERR_SSL_TLSV1_ALERT_DECRYPT_ERROR',
  'ERR_SSL_TLSV1_ALERT_ACCESS_DENIED',
]);

function where(ctx: ErrorContext): string {
  return ctx.server ?? 'the API server';
}

function hostOf(server: string | undefined): string {
  if (!server) return 'the server';
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}

/** Classify an error from node:http(s) / node:tls / dns (anything thrown before an HTTP status). */
export function classifyNetworkError(err: unknown, ctx: ErrorContext = {}): KubeError {
  if (err instanceof KubeError) return err;
  const e = err as NodeJS.ErrnoException & { reason?: string; host?: string; hostname?: string };
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const raw = e instanceof Error ? e.message : String(err);
  const base = { code, path: ctx.path, method: ctx.method, cause: err };
  const server = where(ctx);
  const host = hostOf(ctx.server);

  if (code === 'ECONNREFUSED') {
    return new KubeError({
      ...base,
      kind: 'network',
      message: `Connection refused by ${host}`,
      hint: ctx.proxy
        ? 'Is `kubectl proxy` running? It listens on 127.0.0.1:8001 by default; start it with `kubectl proxy` or pass its URL to --proxy.'
        : `Nothing is listening at ${server}. Is the API server running, and is the server address (kubeconfig or --server) right?`,
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA' || code === 'EAI_NONAME') {
    return new KubeError({
      ...base,
      kind: 'network',
      message: `Cannot resolve host name ${e.hostname ?? host} (DNS ${code})`,
      hint: 'Check the server address for typos, your DNS/VPN, or use the IP address the certificate is issued for.',
    });
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') {
    const hangUp = /socket hang up/i.test(raw);
    return new KubeError({
      ...base,
      kind: 'network',
      message: hangUp
        ? `${host} closed the connection without answering (${ctx.method ?? 'GET'} ${ctx.path ?? ''}; ${code})`
        : `Connection to ${host} was reset (${code})`,
      hint: hangUp
        ? 'The server or something in between (load balancer, proxy, firewall) dropped the connection. Retry; if it keeps happening, check what sits between you and the API server.'
        : 'The server or something in between closed the connection. If it happens at TLS setup, the server may have rejected the client certificate; otherwise retry.',
    });
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT' || code === 'EADDRNOTAVAIL') {
    return new KubeError({
      ...base,
      kind: 'network',
      message: `Cannot reach ${host} (${code})`,
      hint: 'The host is not reachable from here: check VPN, firewall, or the server address.',
    });
  }
  if (code && UNKNOWN_CA.has(code)) {
    return new KubeError({
      ...base,
      kind: 'tls',
      message: `TLS: the server certificate of ${host} is not signed by a trusted CA (${code})`,
      hint: 'Pass --cacert with the cluster CA certificate (or set certificate-authority in the kubeconfig). Only if you accept the risk: --insecure-skip-tls-verify.',
    });
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new KubeError({
      ...base,
      kind: 'tls',
      message: `TLS: the server certificate is not valid for ${host}: ${e.reason ?? raw}`,
      hint: 'Connect with a host name or IP the certificate lists in its subjectAltName, or set tls-server-name in the kubeconfig cluster.',
    });
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return new KubeError({
      ...base,
      kind: 'tls',
      message:
        code === 'CERT_HAS_EXPIRED'
          ? `TLS: the server certificate of ${host} has expired`
          : `TLS: the server certificate of ${host} is not yet valid`,
      hint: "Renew the API server certificate, or check this machine's clock.",
    });
  }
  if (code && CLIENT_CERT_REJECTED.has(code)) {
    return new KubeError({
      ...base,
      kind: 'tls',
      message: `TLS: ${host} rejected the client certificate (${code})`,
      hint: 'The client certificate is not signed by a CA the server trusts, has expired, or does not match the key. Check --cert/--key (or the kubeconfig user).',
    });
  }
  if (code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH' || /key values mismatch/i.test(raw)) {
    return new KubeError({
      ...base,
      kind: 'config',
      message: 'The client certificate and key do not belong together',
      hint: 'Pass the key that matches the certificate (--cert/--key, or client-certificate/client-key in the kubeconfig).',
    });
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO' || /wrong version number/i.test(raw)) {
    return new KubeError({
      ...base,
      kind: 'tls',
      message: `TLS handshake with ${host} failed: ${raw}`,
      hint: ctx.server?.startsWith('https:')
        ? 'The server does not seem to speak TLS on this port. A `kubectl proxy` is plain HTTP: use --proxy http://HOST:PORT.'
        : 'Check that the URL scheme (http/https) matches the server.',
    });
  }
  if (code?.startsWith('ERR_SSL') || code?.startsWith('ERR_TLS') || code?.startsWith('ERR_OSSL')) {
    return new KubeError({
      ...base,
      kind: 'tls',
      message: `TLS error talking to ${host}: ${raw}`,
      hint: 'Check the CA (--cacert), the client certificate and key, and that the server speaks TLS.',
    });
  }
  if (code === 'ERR_INVALID_URL' || code === 'ERR_INVALID_PROTOCOL') {
    return new KubeError({
      ...base,
      kind: 'config',
      message: `Invalid server URL ${ctx.server ?? ''}: ${raw}`,
      hint: 'Use a full URL such as https://127.0.0.1:6443.',
    });
  }
  return new KubeError({
    ...base,
    kind: 'network',
    message: `Request to ${host} failed: ${raw}`,
    hint: 'Check that the API server is reachable.',
  });
}

export interface KubeStatus {
  kind: 'Status';
  apiVersion?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; group?: string; kind?: string; retryAfterSeconds?: number; causes?: unknown[] };
}

export function isStatus(v: unknown): v is KubeStatus {
  return !!v && typeof v === 'object' && (v as { kind?: unknown }).kind === 'Status';
}

const REASON_BY_CODE: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** True when a body is an HTML page (a middlebox, a login portal, a web server's error page). */
export function looksLikeHtml(body: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?<(!doctype\s+html|html|head|body|title)\b/i.test(body.slice(0, 1024));
}

/** The page's <title>, else its first line of visible text (at most 120 characters). */
export function htmlSummary(body: string): string | undefined {
  const head = body.slice(0, 64 * 1024);
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(head)?.[1]?.replace(/\s+/g, ' ').trim();
  if (title) return title;
  const text = head.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, '\n');
  const line = text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .find(Boolean);
  if (!line) return undefined;
  return line.length > 120 ? `${line.slice(0, 120)}…` : line;
}

function textSnippet(body: string): string {
  const t = body.trim();
  if (looksLikeHtml(t)) {
    const s = htmlSummary(t);
    return s ? `HTML page "${s}"` : 'an HTML page';
  }
  return t.length > 300 ? `${t.slice(0, 300)}…` : t;
}

const HTML_HINT =
  'Something between you and the API server (a proxy, load balancer, VPN or login portal) answered instead of Kubernetes. Check the server URL and HTTPS_PROXY/proxy settings, or log in to the network first.';

/** `kubectl auth can-i` suggestion from a kube-apiserver Forbidden message. */
export function canIHint(message: string): string | undefined {
  const res =
    /cannot (\S+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]+)"| at the cluster scope)?/.exec(
      message,
    );
  if (res) {
    const [, verb, resource, group, ns] = res;
    const [plural, sub] = resource!.split('/');
    const r = group ? `${plural}.${group}` : plural!;
    const scope = ns ? ` -n ${ns}` : resource && message.includes('at the cluster scope') ? ' -A' : '';
    return `kubectl auth can-i ${verb} ${r}${sub ? ` --subresource=${sub}` : ''}${scope}`;
  }
  const p = /cannot (\S+) path "([^"]+)"/.exec(message);
  if (p) return `kubectl auth can-i ${p[1]} ${p[2]}`;
  return undefined;
}

/** Build the error for an HTTP response with a status >= 400. */
export function httpError(
  status: number,
  headers: Record<string, string>,
  bodyText: string,
  ctx: ErrorContext = {},
): KubeError {
  let parsed: unknown;
  const ct = headers['content-type'] ?? '';
  if (ct.includes('json') || /^\s*\{/.test(bodyText)) {
    try {
      parsed = JSON.parse(bodyText);
    } catch {
      parsed = undefined;
    }
  }
  const st = isStatus(parsed) ? parsed : undefined;
  const reason = st?.reason || REASON_BY_CODE[status] || (status >= 500 ? 'ServerError' : 'Error');
  const serverMessage = st?.message ?? (bodyText ? textSnippet(bodyText) : undefined);
  const ra = headers['retry-after'];
  const retryAfterSeconds = st?.details?.retryAfterSeconds ?? (ra && /^\d+$/.test(ra) ? Number(ra) : undefined);
  const what = `${ctx.method ?? 'GET'} ${ctx.path ?? ''}`.trim();
  const base = {
    kind: 'http' as const,
    status,
    reason,
    serverMessage,
    path: ctx.path,
    method: ctx.method,
    body: parsed ?? bodyText,
    retryAfterSeconds,
  };
  if (!st && bodyText && looksLikeHtml(bodyText)) {
    const s = htmlSummary(bodyText);
    return new KubeError({
      ...base,
      code: ERR_HTML_BODY,
      message: `${status} ${humanReason(reason)}: the server answered an HTML page, not JSON${s ? ` ("${s}")` : ''}`,
      hint: `${HTML_HINT}${retryAfterSeconds !== undefined ? ` (Retry-After: ${retryAfterSeconds}s)` : ''}`,
    });
  }
  const msg = (short: string) =>
    `${status} ${short}${serverMessage && serverMessage !== short ? `: ${serverMessage}` : ''}`;

  switch (status) {
    case 401:
      if (ctx.clientCertProblem) {
        return new KubeError({
          ...base,
          message: msg('Unauthorized'),
          hint: `${ctx.clientCertProblem} Renew it (or get a fresh kubeconfig), then reconnect.`,
        });
      }
      return new KubeError({
        ...base,
        message: msg('Unauthorized'),
        hint: 'The server did not accept the credentials: the client certificate is not signed by a CA it trusts, or the token is invalid or expired. Check --cert/--key/--token or refresh the kubeconfig credentials.',
      });
    case 403: {
      const m = serverMessage ?? '';
      if (!st && ctx.proxy && /^forbidden$/i.test(m.trim())) {
        return new KubeError({
          ...base,
          message: `403 Forbidden by kubectl proxy (${what})`,
          hint: 'kubectl proxy filtered the request (--reject-paths, --reject-methods or --accept-hosts). Restart it with different filter flags if you need this path.',
        });
      }
      if (m.includes('"system:anonymous"')) {
        return new KubeError({
          ...base,
          message: msg('Forbidden'),
          hint: 'No credentials were sent, so the server treated you as system:anonymous. Connect with a client certificate (--cert/--key), a kubeconfig user, or through `kubectl proxy`.',
        });
      }
      const canI = canIHint(m);
      return new KubeError({
        ...base,
        message: msg('Forbidden'),
        hint: canI
          ? `RBAC does not allow this. Check with \`${canI}\`, or ask an admin for a Role/RoleBinding.`
          : 'RBAC does not allow this request for your user. Check with `kubectl auth can-i`.',
      });
    }
    case 404:
      return new KubeError({
        ...base,
        message: msg('Not Found'),
        hint: st?.details?.name
          ? 'The object does not exist (any more). Refresh the list.'
          : 'This path is not served by the server. The resource type may not exist in this cluster or version — check discovery.',
      });
    case 405:
      return new KubeError({
        ...base,
        message: msg('Method Not Allowed'),
        hint: 'The resource does not support this verb (see its verbs in discovery).',
      });
    case 406:
      return new KubeError({
        ...base,
        message: msg('Not Acceptable'),
        hint: 'The server cannot produce the requested format; retry with plain application/json.',
      });
    case 410:
      return new KubeError({
        ...base,
        message: msg('Gone'),
        hint: 'The continue token or resourceVersion is too old. Start the list again from the beginning (or re-list and re-watch).',
      });
    case 429:
      return new KubeError({
        ...base,
        message: msg('Too Many Requests'),
        hint: `The server is throttling requests (API Priority and Fairness / max-in-flight). Retry${retryAfterSeconds !== undefined ? ` after ${retryAfterSeconds}s` : ' in a moment'}.`,
      });
    default:
      if (status >= 500) {
        const hint =
          status === 503
            ? 'The API (or an aggregated API service behind it) is unavailable. Check `kubectl get apiservices` and retry.'
            : status === 504
              ? 'The server timed out handling the request. Retry, or ask for less (use limit, a namespace).'
              : 'The server failed handling the request. Retry; if it persists, check the API server logs.';
        return new KubeError({
          ...base,
          message: msg(reason),
          hint: `${hint}${retryAfterSeconds !== undefined ? ` (Retry-After: ${retryAfterSeconds}s)` : ''}`,
        });
      }
      return new KubeError({ ...base, message: msg(reason), hint: 'The server refused the request; see the message.' });
  }
}

export function timeoutError(ms: number, ctx: ErrorContext = {}): KubeError {
  return new KubeError({
    kind: 'timeout',
    message: `No answer from ${hostOf(ctx.server)} within ${(ms / 1000).toFixed(ms % 1000 ? 1 : 0)} s (${ctx.method ?? 'GET'} ${ctx.path ?? ''})`,
    hint: ctx.proxy
      ? "kubectl proxy is up but the cluster behind it does not answer. Check the proxy's terminal and its kubeconfig."
      : 'The server is slow or unreachable (firewall dropping packets?). Retry, ask for less (a namespace, a smaller page), or raise the limit with --request-timeout.',
    path: ctx.path,
    method: ctx.method,
  });
}

function mb(bytes: number): string {
  return bytes >= 1 << 20
    ? `${(bytes / (1 << 20)).toFixed(1)} MB`
    : bytes >= 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${bytes} bytes`;
}

/** A buffered response larger than the client keeps in memory. */
export function bodyTooLargeError(
  limit: number,
  info: { bytes: number; declared?: number },
  ctx: ErrorContext = {},
): KubeError {
  const size = info.declared !== undefined ? `${mb(info.declared)} (Content-Length)` : `more than ${mb(info.bytes)}`;
  return new KubeError({
    kind: 'parse',
    code: ERR_BODY_TOO_LARGE,
    message: `The response to ${ctx.method ?? 'GET'} ${ctx.path ?? ''} is too large: ${size}, the limit is ${mb(limit)}; stopped reading`,
    hint: 'Ask for less (a namespace, a smaller page with limit), or fetch it outside kapi-tui with the curl command from the request log.',
    path: ctx.path,
    method: ctx.method,
  });
}

/** The connection closed after the headers, before the whole body arrived. */
export function responseCutError(
  info: { bytes: number; declared?: number; status?: number; cause?: unknown },
  ctx: ErrorContext = {},
): KubeError {
  const got = info.declared !== undefined ? `${info.bytes} of ${info.declared} bytes` : `${info.bytes} bytes`;
  return new KubeError({
    kind: 'network',
    code: ERR_RESPONSE_CUT,
    message: `${hostOf(ctx.server)} closed the connection in the middle of the response to ${ctx.method ?? 'GET'} ${ctx.path ?? ''} (got ${got})`,
    hint: 'The server or something in between (load balancer, proxy idle timeout) cut the connection. Retry; if it keeps happening, ask for less (a namespace, a smaller page) or check what sits between you and the API server.',
    path: ctx.path,
    method: ctx.method,
    status: info.status,
    cause: info.cause,
  });
}

/** A 2xx answer whose body is not the JSON the request expects. */
export function notJsonError(body: string, contentType: string, ctx: ErrorContext = {}): KubeError {
  const what = `${ctx.method ?? 'GET'} ${ctx.path ?? ''}`;
  if (looksLikeHtml(body)) {
    const s = htmlSummary(body);
    return new KubeError({
      kind: 'parse',
      code: ERR_HTML_BODY,
      message: `The server answered HTML, not JSON, to ${what}${s ? `: "${s}"` : ''}`,
      hint: HTML_HINT,
      path: ctx.path,
      method: ctx.method,
      body,
    });
  }
  const first = body.trim().split('\n')[0] ?? '';
  return new KubeError({
    kind: 'parse',
    message: `${what} did not answer JSON (content-type ${contentType || 'none'})${first ? `: "${first.length > 120 ? `${first.slice(0, 120)}…` : first}"` : ''}`,
    hint: 'Is this a Kubernetes API server? Check the server URL (and any proxy in between).',
    path: ctx.path,
    method: ctx.method,
    body,
  });
}

/** A body announced as JSON that does not parse (truncated, or something else entirely). */
export function invalidJsonError(body: string, contentType: string, cause: unknown, ctx: ErrorContext = {}): KubeError {
  if (looksLikeHtml(body)) return notJsonError(body, contentType, ctx);
  const reason = cause instanceof Error ? cause.message : String(cause);
  const truncated = /unexpected end|unterminated|end of (json )?input/i.test(reason);
  const what = `${ctx.method ?? 'GET'} ${ctx.path ?? ''}`;
  return new KubeError({
    kind: 'parse',
    message: truncated
      ? `The JSON answer to ${what} is truncated: it stops after ${Buffer.byteLength(body)} bytes (${reason})`
      : `The answer to ${what} is not valid JSON (${contentType || 'no content-type'}): ${reason}`,
    hint: truncated
      ? 'The server or a proxy in between cut the document short. Retry; if it keeps happening, ask for less (a namespace, a smaller page).'
      : 'The server (or a proxy in between) sent a broken document. Look at the raw body with the curl command from the request log.',
    path: ctx.path,
    method: ctx.method,
    body,
    cause,
  });
}

/** A watch stream that broke (as opposed to one the server ended cleanly). */
export function watchCutError(events: number, cause: unknown, ctx: ErrorContext = {}): KubeError {
  return new KubeError({
    kind: 'network',
    code: ERR_WATCH_CUT,
    message: `The watch on ${ctx.path ?? ''} was cut after ${events} event(s): ${cause instanceof Error ? cause.message : String(cause)}`,
    hint: "Watches break when the API server restarts or a proxy closes long connections. List again and start a new watch from the list's resourceVersion.",
    path: ctx.path,
    method: ctx.method ?? 'GET',
    cause,
  });
}

/** A stream line (one watch event) longer than the client holds: the stream is ended, not grown. */
export function streamLineTooLongError(limitChars: number, ctx: ErrorContext = {}): KubeError {
  return new KubeError({
    kind: 'parse',
    code: ERR_BODY_TOO_LARGE,
    message: `The stream of ${ctx.path ?? ''} sent a line longer than ${mb(limitChars)} without a newline; stopped reading`,
    hint: 'A watch event is one JSON line of one object; this server sends something else. Check what sits between you and the API server (the curl command from the request log shows the raw stream).',
    path: ctx.path,
    method: ctx.method ?? 'GET',
  });
}

export function cancelledError(ctx: ErrorContext = {}): KubeError {
  return new KubeError({
    kind: 'cancelled',
    message: `Request cancelled (${ctx.method ?? 'GET'} ${ctx.path ?? ''})`,
    hint: 'Cancelled on request; nothing to do.',
    path: ctx.path,
    method: ctx.method,
  });
}

/** A request that is not a GET nor a self-review POST: refused before anything is sent. */
export function readOnlyRefusal(method: string, path: string): KubeError {
  return new KubeError({
    kind: 'read-only',
    message: `Refusing ${method} ${path}: kapi-tui is read-only`,
    hint: 'kapi-tui only reads (GET, plus POST to the self-subject review endpoints). Use kubectl to change things.',
    method,
    path,
  });
}

export function configError(message: string, hint: string, cause?: unknown): KubeError {
  return new KubeError({ kind: 'config', message, hint, cause });
}

/** Title / detail / hint for any error, for the UI's error panel. */
export function explainError(err: unknown): { title: string; detail: string; hint: string } {
  if (err instanceof KubeError) {
    let title: string;
    switch (err.kind) {
      case 'http':
        title = `${err.status ?? ''} ${humanReason(err.reason)}`.trim();
        break;
      case 'network':
        title =
          err.code === 'ECONNREFUSED'
            ? 'Connection refused'
            : err.code === 'ENOTFOUND' || err.code?.startsWith('EAI_')
              ? 'Host not found'
              : err.code === ERR_RESPONSE_CUT || err.code === ERR_WATCH_CUT || err.code === 'ECONNRESET'
                ? 'Connection dropped'
                : 'Network error';
        break;
      case 'tls':
        title = 'TLS error';
        break;
      case 'timeout':
        title = 'Timed out';
        break;
      case 'config':
        title = 'Configuration problem';
        break;
      case 'parse':
        title =
          err.code === ERR_BODY_TOO_LARGE
            ? 'Response too large'
            : err.code === ERR_HTML_BODY
              ? 'Not a Kubernetes answer (HTML)'
              : 'Unreadable response';
        break;
      case 'cancelled':
        title = 'Cancelled';
        break;
      case 'read-only':
        title = 'Refused: read-only';
        break;
    }
    let detail =
      err.kind === 'http'
        ? `${err.code === ERR_HTML_BODY ? err.message.replace(/^\d+ [^:]*: /, '') : (err.serverMessage ?? err.message)}${err.method || err.path ? `\n${err.method ?? 'GET'} ${err.path ?? ''}` : ''}`
        : err.message;
    if (err.attempts > 1) detail += `\n(tried ${err.attempts} times)`;
    return { title, detail, hint: err.hint };
  }
  if (err instanceof Error) {
    return { title: 'Error', detail: err.message, hint: 'Unexpected error; see the message.' };
  }
  return { title: 'Error', detail: String(err), hint: 'Unexpected error.' };
}

function humanReason(reason: string | undefined): string {
  if (!reason) return 'Error';
  return reason.replace(/([a-z])([A-Z])/g, '$1 $2');
}
