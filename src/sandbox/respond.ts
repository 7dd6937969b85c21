// Response helpers shared by the sandbox's handlers: kube-apiserver's Status bodies and encodings.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** kube-apiserver pretty-prints JSON for `?pretty=true` and, unless `?pretty=false`, for curl, Wget
 *  and browser User-Agents (isPrettyPrint in apiserver's negotiation; checked on v1.34). */
export function wantsPretty(req: IncomingMessage | undefined): boolean {
  if (!req) return false;
  const pretty = new URL(req.url ?? '/', 'https://x').searchParams.get('pretty');
  if (pretty) return ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(pretty);
  return /^(curl|Wget|Mozilla\/5\.0)/.test(req.headers['user-agent'] ?? '');
}

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  opts: { pretty?: boolean; contentType?: string } = {},
): void {
  // Objects and Status are compact JSON ending in a newline (Go's json.Encoder); pretty JSON (a few
  // endpoints such as /, /version always, anything for curl) has no newline at the end (v1.34).
  const text = opts.pretty || wantsPretty(res.req) ? JSON.stringify(body, null, 2) : JSON.stringify(body) + '\n';
  res.writeHead(code, {
    'Content-Type': opts.contentType ?? 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  code: number,
  text: string,
  contentType = 'text/plain; charset=utf-8',
): void {
  res.writeHead(code, {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: { message: string; reason?: string; field?: string }[];
  retryAfterSeconds?: number;
}

export function statusBody(code: number, reason: string, message: string, details?: StatusDetails) {
  // Field order as kube-apiserver writes it: kind, apiVersion, metadata, status, message, reason, details, code.
  const body: Record<string, unknown> = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
  };
  if (details) body.details = details;
  body.code = code;
  return body;
}

export function sendStatus(
  res: ServerResponse,
  code: number,
  reason: string,
  message: string,
  details?: StatusDetails,
): void {
  if (details?.retryAfterSeconds) res.setHeader('Retry-After', String(details.retryAfterSeconds));
  sendJson(res, code, statusBody(code, reason, message, details));
}

/** Go's http.NotFound, which kube-apiserver uses for paths no handler claims. */
export function sendPageNotFound(res: ServerResponse): void {
  sendText(res, 404, '404 page not found\n');
}

/** The request body, at most 1 MiB (more: the connection is dropped). */
export function readBody(req: IncomingMessage, then: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > 1 << 20) req.destroy();
    else chunks.push(c);
  });
  req.on('end', () => then(Buffer.concat(chunks)));
}
