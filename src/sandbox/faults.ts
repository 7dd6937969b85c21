// Fault injection for the sandbox: the network and server failures a client meets in the wild
// (slow answers, dropped connections, 5xx, 429 with Retry-After, an HTML page from a middlebox,
// truncated JSON, huge bodies). Tests switch faults on per path with `sandbox.setFaults(...)`.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Fault {
  /** Path prefix (matched against the path without query) or a regular expression over path+query. */
  match: string | RegExp;
  /** Apply to this many requests, then stop (default: every request). */
  times?: number;
  /** Wait this long before answering (or before the other effects). */
  delayMs?: number;
  /** Answer with this status and body instead of the real response. */
  status?: number;
  body?: string;
  contentType?: string;
  retryAfterSeconds?: number;
  /** Close the connection without an answer. */
  drop?: boolean;
  /** Send the real response's headers and half its body, then close the connection. */
  truncate?: boolean;
  /** Answer 200 with this many bytes of Prometheus-like text. */
  hugeBytes?: number;
  /** A hostile server: answer `status` (default 200) with this text repeated until the client
   *  hangs up (as fast as it reads). With no newline in it, one endless line. */
  endless?: string;
}

interface ActiveFault extends Fault {
  used: number;
}

export class FaultInjector {
  private faults: ActiveFault[] = [];

  set(faults: Fault[]): void {
    this.faults = faults.map((f) => ({ ...f, used: 0 }));
  }

  private take(req: IncomingMessage): Fault | undefined {
    const url = req.url ?? '/';
    const path = url.split('?')[0];
    const f = this.faults.find(
      (x) =>
        (x.times === undefined || x.used < x.times) &&
        (typeof x.match === 'string' ? path.startsWith(x.match) : x.match.test(url)),
    );
    if (f) f.used++;
    return f;
  }

  /**
   * Applies a matching fault. Calls `next` when the real handler should run (possibly after a
   * delay, possibly with a truncating response). Returns without calling it when the fault answered.
   */
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const fault = this.take(req);
    if (!fault) return next();
    const act = () => {
      if (res.destroyed) return;
      if (fault.drop) {
        req.socket.destroy();
        return;
      }
      if (fault.hugeBytes !== undefined) return sendHuge(res, fault.hugeBytes);
      if (fault.endless !== undefined) return sendEndless(res, fault.status ?? 200, fault.contentType, fault.endless);
      if (fault.status !== undefined) {
        const headers: Record<string, string> = { 'Content-Type': fault.contentType ?? 'text/plain; charset=utf-8' };
        if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
        res.writeHead(fault.status, headers);
        res.end(fault.body ?? '');
        return;
      }
      if (fault.truncate) truncateResponse(res);
      next();
    };
    if (fault.delayMs) {
      const timer = setTimeout(act, fault.delayMs);
      res.on('close', () => clearTimeout(timer));
    } else {
      act();
    }
  }
}

function sendHuge(res: ServerResponse, bytes: number): void {
  const line =
    'apiserver_request_duration_seconds_bucket{component="apiserver",le="0.005",resource="pods",verb="LIST"} 12345\n';
  res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Content-Length': String(bytes) });
  let left = bytes;
  const chunk = Buffer.from(line.repeat(Math.ceil(65536 / line.length)));
  const pump = () => {
    while (left > 0) {
      const n = Math.min(left, chunk.length);
      left -= n;
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return res.once('drain', pump);
    }
    res.end();
  };
  pump();
}

function sendEndless(res: ServerResponse, status: number, contentType: string | undefined, text: string): void {
  res.writeHead(status, { 'Content-Type': contentType ?? 'application/json' });
  const chunk = Buffer.from(text.repeat(Math.ceil(65536 / text.length)));
  const pump = () => {
    while (!res.destroyed) if (!res.write(chunk)) return res.once('drain', pump);
  };
  pump();
}

/** Buffers what the handler writes, then sends only the first half and cuts the connection. */
function truncateResponse(res: ServerResponse): void {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res);
  res.write = ((chunk: unknown) => {
    if (chunk) chunks.push(Buffer.from(chunk as Buffer | string));
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown) => {
    if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as Buffer | string));
    const all = Buffer.concat(chunks);
    write(all.subarray(0, Math.floor(all.length / 2)));
    setImmediate(() => res.socket?.destroy());
    return res;
  }) as typeof res.end;
}
