// Which HTTP proxy a request to the API server goes through, decided like kubectl (client-go): the
// cluster's `proxy-url` when set, else HTTPS_PROXY / HTTP_PROXY (by the server's scheme, upper or
// lower case) unless NO_PROXY matches, and never a proxy for localhost or a loopback address
// (Go's http.ProxyFromEnvironment).
import { isIP } from 'node:net';

/** The proxy URL for requests to `server`, or undefined to connect directly. */
export function proxyFor(
  server: URL,
  clusterProxyUrl: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (clusterProxyUrl) return clusterProxyUrl;
  const https = server.protocol === 'https:';
  const proxy = https ? env.HTTPS_PROXY || env.https_proxy : env.HTTP_PROXY || env.http_proxy;
  if (!proxy) return undefined;
  const host = server.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || isLoopbackIp(host)) return undefined;
  const port = server.port || (https ? '443' : '80');
  if (noProxyMatches(host, port, env.NO_PROXY || env.no_proxy || '')) return undefined;
  // Go accepts a proxy without a scheme ("proxy:3128") as http://.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

function isLoopbackIp(host: string): boolean {
  if (isIP(host) === 4) return host.startsWith('127.');
  return isIP(host) === 6 && (host === '::1' || /^::ffff:127\./.test(host));
}

/** NO_PROXY as Go reads it: "*", hosts and domains (".example.com" and "example.com" both match
 *  subdomains), optionally with a port, IP addresses and CIDR ranges. */
function noProxyMatches(host: string, port: string, noProxy: string): boolean {
  for (const raw of noProxy.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    if (entry.includes('/')) {
      if (inCidr(host, entry)) return true;
      continue;
    }
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[(.*)\](?=:\d+$|$)/, '$1'))!;
    const [name, entryPort] = [m[1]!.replace(/^\[|\]$/g, ''), m[2]];
    if (entryPort && entryPort !== port) continue;
    if (isIP(name)) {
      if (name === host) return true;
      continue;
    }
    const domain = name.replace(/^\*?\./, '');
    if (host === domain || host.endsWith(`.${domain}`)) return true;
  }
  return false;
}

function inCidr(host: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  if (isIP(host) !== 4 || isIP(base!) !== 4 || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const toInt = (ip: string) => ip.split('.').reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (toInt(host) & mask) >>> 0 === (toInt(base!) & mask) >>> 0;
}
