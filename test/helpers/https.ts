// A tiny HTTPS client for sandbox tests that must not depend on src/client (it is under test too).
import { request } from 'node:https';

export interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json(): any;
}

export interface GetOptions {
  ca?: string;
  cert?: string;
  key?: string;
  headers?: Record<string, string>;
  method?: string;
  body?: string;
}

export function httpsGet(url: string, opts: GetOptions = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: opts.method ?? 'GET', ca: opts.ca, cert: opts.cert, key: opts.key, headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
