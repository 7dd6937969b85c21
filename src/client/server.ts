// Which API server a connection talks to, decided in one place for the connection itself
// (connection.ts) and for the discovery cache read before the client library loads
// (src/cli/cache-server.ts): the --proxy or --server URL, else the server of the kubeconfig's
// chosen context. Both must agree: the cache is keyed by this URL.
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { DEFAULT_PROXY_URL } from '../model/proxy.js';
import { configError } from './errors.js';
import type { ConnectOptions } from './types.js';

/** The kubeconfig files kubectl would read: --kubeconfig, else $KUBECONFIG's list, else ~/.kube/config. */
export function kubeconfigFiles(opts: Pick<ConnectOptions, 'kubeconfig'>, env = process.env): string[] {
  if (opts.kubeconfig) return [opts.kubeconfig];
  if (env.KUBECONFIG) return env.KUBECONFIG.split(delimiter).filter(Boolean);
  return [join(env.HOME || homedir(), '.kube', 'config')];
}

/** A --server or --proxy URL as the client uses it: a scheme added when missing (https, or http for
 *  a proxy), no trailing slash. Throws a config error for anything but an http(s) URL. */
export function normaliseServer(raw: string, flag: '--server' | '--proxy'): string {
  let s = raw.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = `${flag === '--proxy' ? 'http' : 'https'}://${s}`;
  let u: URL;
  try {
    u = new URL(s);
  } catch (e) {
    throw configError(`Invalid URL "${raw}" (${flag})`, 'Use a full URL such as https://127.0.0.1:6443.', e);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw configError(`Unsupported URL scheme "${u.protocol}" (${flag})`, 'Use http:// or https://.');
  }
  return s.replace(/\/+$/, '');
}

/** What a loaded kubeconfig says about servers (our LiteKubeConfig and client-node's KubeConfig). */
export interface KubeconfigServers {
  getCurrentContext(): string;
  getContextObject(name: string): { cluster: string } | null;
  getCluster(name: string): { server: string } | null;
}

/** The server URL (no trailing slash): --proxy's, --server's, else the cluster's of the kubeconfig
 *  context (--context, else the current one; --cluster over the context's); undefined when the kubeconfig does not name one.
 *  Throws a config error for an unusable --proxy or --server URL. */
export function resolveServer(opts: ConnectOptions, kubeconfig?: KubeconfigServers): string | undefined {
  if (opts.proxy) return normaliseServer(opts.proxy === true ? DEFAULT_PROXY_URL : opts.proxy, '--proxy');
  if (opts.server) return normaliseServer(opts.server, '--server');
  const context = kubeconfig?.getContextObject(opts.context ?? kubeconfig.getCurrentContext());
  const server = context ? kubeconfig?.getCluster(opts.cluster ?? context.cluster)?.server : undefined;
  return server ? server.replace(/\/+$/, '') : undefined;
}
