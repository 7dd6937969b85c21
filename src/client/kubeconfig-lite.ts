// A small stand-in for @kubernetes/client-node's KubeConfig, for the connections that need nothing
// but files and static credentials: kubectl proxy, --server/--cert/--key/--cacert/--token, and
// kubeconfig users with client certificates, a token or an exec credential plugin, clusters behind
// an HTTP(S) proxy.
//
// Why: importing and compiling client-node costs 150-450 ms on a 2-core machine (measured by
// `npm run bench`), which sat between the first frame and the group tree. Users with an
// auth-provider (OIDC, cloud) or a cluster behind a SOCKS proxy still go through client-node
// (`needsClientNode`), built from this merged kubeconfig, so everything it supports keeps working.
import { existsSync, readFileSync } from 'node:fs';
import type { RequestOptions } from 'node:https';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import { type ExecConfig, ExecCredentialPlugin } from './exec-credential.js';
import { kubeconfigSyntaxError } from './yaml-error.js';

/** The shapes client-node uses after loading (the fields connection.ts and http.ts read). */
export interface LiteCluster {
  name: string;
  server: string;
  caFile?: string;
  caData?: string;
  skipTLSVerify: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
  /** extensions[client.authentication.k8s.io/exec]: handed to exec plugins with provideClusterInfo. */
  execConfig?: unknown;
}

export interface LiteUser {
  name: string;
  certFile?: string;
  certData?: string;
  keyFile?: string;
  keyData?: string;
  token?: string;
  tokenFile?: string;
  exec?: ExecConfig;
  /** The folder of the kubeconfig that defined this user: a relative exec command is resolved there. */
  execDir?: string;
  authProvider?: unknown;
  username?: string;
  password?: string;
  /** `as` / `as-groups`: sent as Impersonate-User / Impersonate-Group. */
  impersonate?: string;
  impersonateGroups?: string[];
}

export interface LiteContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

/** What the HTTP layer asks of a credentials source; client-node's KubeConfig has the same. */
export interface CredentialSource {
  applyToHTTPSOptions(opts: RequestOptions): Promise<void>;
  getCurrentCluster(): { proxyUrl?: string } | null;
  /** The server answered 401: drop a cached plugin credential; true when a retry may succeed. */
  forgetCredentials?(): boolean;
}

type Yaml = Record<string, any>;

/** How long a credential file read is reused (see LiteKubeConfig.fileNow). */
const FILE_FRESH_MS = 1000;

function absolute(root: string, file: unknown): string | undefined {
  if (typeof file !== 'string' || file === '') return undefined;
  return isAbsolute(file) ? file : resolve(root, file);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export class LiteKubeConfig implements CredentialSource {
  clusters: LiteCluster[] = [];
  users: LiteUser[] = [];
  contexts: LiteContext[] = [];
  currentContext = '';
  /** How long an exec plugin may take (the request timeout; 0: the plugin runner's own cap). */
  execTimeoutMs = 0;
  /** One plugin runner per user: it keeps the credential between requests. */
  private readonly plugins = new Map<string, ExecCredentialPlugin>();
  /** Credential files as read lately, and embedded data decoded: see fileNow(). */
  private readonly files = new Map<string, { at: number; content: Buffer }>();
  private readonly decodedData = new Map<string, Buffer>();

  /** A credential file's content, read again when the last read is more than FILE_FRESH_MS old: a
   *  rotated certificate or token is picked up within a second (client-go rereads them too), and a
   *  table of 100 pages does not read three files per page. The same Buffer while it is fresh. */
  private fileNow(file: string): Buffer {
    const now = Date.now();
    const hit = this.files.get(file);
    if (hit && now - hit.at < FILE_FRESH_MS) return hit.content;
    const content = readFileSync(file);
    // Unchanged content keeps its Buffer (the transport keys its agent on it).
    this.files.set(file, { at: now, content: hit?.content.equals(content) ? hit.content : content });
    return this.files.get(file)!.content;
  }

  private decoded(data: string): Buffer {
    let b = this.decodedData.get(data);
    if (!b) this.decodedData.set(data, (b = Buffer.from(data, 'base64')));
    return b;
  }

  /** Merges files like kubectl (the first definition of a name wins; the first current-context
   *  wins; a listed file that does not exist is skipped); relative paths resolve against the file
   *  that names them. Throws a KubeconfigSyntaxError (file:line:column) on YAML errors. */
  loadFromFiles(files: string[]): void {
    for (const file of files) {
      if (!existsSync(file)) continue;
      const text = readFileSync(file, 'utf8');
      let doc: Yaml;
      try {
        doc = (parse(text) ?? {}) as Yaml;
      } catch (e) {
        throw kubeconfigSyntaxError(file, text, e);
      }
      if (typeof doc !== 'object') throw new Error(`${file} is not a YAML mapping`);
      const root = dirname(resolve(file));
      if (!this.currentContext && str(doc['current-context'])) this.currentContext = doc['current-context'];
      for (const c of (doc.clusters ?? []) as Yaml[]) {
        if (!c?.name || this.getCluster(c.name)) continue;
        const cl = (c.cluster ?? {}) as Yaml;
        this.clusters.push({
          name: String(c.name),
          server: String(cl.server ?? ''),
          caFile: absolute(root, cl['certificate-authority']),
          caData: str(cl['certificate-authority-data']),
          skipTLSVerify: cl['insecure-skip-tls-verify'] === true,
          tlsServerName: str(cl['tls-server-name']),
          proxyUrl: str(cl['proxy-url']),
          execConfig: namedExtension(cl.extensions, 'client.authentication.k8s.io/exec'),
        });
      }
      for (const u of (doc.users ?? []) as Yaml[]) {
        if (!u?.name || this.getUser(u.name)) continue;
        const us = (u.user ?? {}) as Yaml;
        this.users.push({
          name: String(u.name),
          certFile: absolute(root, us['client-certificate']),
          certData: str(us['client-certificate-data']),
          keyFile: absolute(root, us['client-key']),
          keyData: str(us['client-key-data']),
          token: str(us.token),
          tokenFile: absolute(root, us.tokenFile),
          exec: us.exec?.command ? (us.exec as ExecConfig) : undefined,
          execDir: root,
          authProvider: us['auth-provider'],
          username: str(us.username),
          password: str(us.password),
          impersonate: str(us.as),
          impersonateGroups: Array.isArray(us['as-groups']) ? us['as-groups'].map(String) : undefined,
        });
      }
      for (const c of (doc.contexts ?? []) as Yaml[]) {
        if (!c?.name || this.getContextObject(c.name)) continue;
        const cx = (c.context ?? {}) as Yaml;
        this.contexts.push({
          name: String(c.name),
          cluster: String(cx.cluster ?? ''),
          user: String(cx.user ?? ''),
          namespace: str(cx.namespace),
        });
      }
    }
  }

  /** The merged entries, as given (the in-cluster configuration, a user's --token added to a context). */
  loadFromEntries(clusters: LiteCluster[], users: LiteUser[], contexts: LiteContext[], currentContext: string): void {
    this.clusters = clusters;
    this.users = users;
    this.contexts = contexts;
    this.currentContext = currentContext;
  }

  loadFromClusterAndUser(
    cluster: Partial<LiteCluster> & { name: string; server: string },
    user: Partial<LiteUser> & { name: string },
  ): void {
    this.clusters = [{ skipTLSVerify: false, ...cluster }];
    this.users = [{ ...user }];
    this.contexts = [{ name: 'loaded-context', cluster: cluster.name, user: user.name }];
    this.currentContext = 'loaded-context';
  }

  getContexts(): LiteContext[] {
    return this.contexts;
  }
  getClusters(): LiteCluster[] {
    return this.clusters;
  }
  getCurrentContext(): string {
    return this.currentContext;
  }
  setCurrentContext(name: string): void {
    this.currentContext = name;
  }
  getContextObject(name: string): LiteContext | null {
    return this.contexts.find((c) => c.name === name) ?? null;
  }
  getCluster(name: string): LiteCluster | null {
    return this.clusters.find((c) => c.name === name) ?? null;
  }
  getUser(name: string): LiteUser | null {
    return this.users.find((u) => u.name === name) ?? null;
  }
  getCurrentCluster(): LiteCluster | null {
    const ctx = this.getContextObject(this.currentContext);
    return ctx ? this.getCluster(ctx.cluster) : null;
  }
  getCurrentUser(): LiteUser | null {
    const ctx = this.getContextObject(this.currentContext);
    return ctx ? this.getUser(ctx.user) : null;
  }

  /** Files are read per call, like client-node does, so rotated certificates and tokens are picked up. */
  async applyToHTTPSOptions(opts: RequestOptions): Promise<void> {
    const cluster = this.getCurrentCluster();
    const user = this.getCurrentUser();
    const read = (file?: string, data?: string) => (data ? this.decoded(data) : file ? this.fileNow(file) : undefined);
    if (cluster) {
      if (cluster.skipTLSVerify) opts.rejectUnauthorized = false;
      else opts.ca = read(cluster.caFile, cluster.caData);
      if (cluster.tlsServerName) opts.servername = cluster.tlsServerName;
    }
    if (!user) return;
    opts.cert = read(user.certFile, user.certData);
    opts.key = read(user.keyFile, user.keyData);
    // A token file written with a final newline (most are) must not end up in the header. It wins
    // over a token (kubectl's --token included), as in client-go.
    let token = user.tokenFile ? this.fileNow(user.tokenFile).toString('utf8').trim() : user.token;
    if (user.exec && cluster) {
      const credential = await this.plugin(cluster, user, user.exec).credential();
      token = credential.token;
      if (credential.clientCertificateData) opts.cert = Buffer.from(credential.clientCertificateData);
      if (credential.clientKeyData) opts.key = Buffer.from(credential.clientKeyData);
    }
    const headers = (opts.headers ??= {}) as Record<string, string>;
    if (token) headers.Authorization = `Bearer ${token}`;
    else if (user.username && user.password)
      headers.Authorization = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
  }

  forgetCredentials(): boolean {
    const user = this.getCurrentUser();
    return !!user && !!this.plugins.get(user.name)?.forget();
  }

  private plugin(cluster: LiteCluster, user: LiteUser, exec: ExecConfig): ExecCredentialPlugin {
    let plugin = this.plugins.get(user.name);
    if (!plugin) {
      plugin = new ExecCredentialPlugin(
        exec,
        user.execDir ?? process.cwd(),
        () => ({
          server: cluster.server,
          'tls-server-name': cluster.tlsServerName,
          'insecure-skip-tls-verify': cluster.skipTLSVerify || undefined,
          'certificate-authority-data':
            cluster.caData ?? (cluster.caFile ? readFileSync(cluster.caFile).toString('base64') : undefined),
          'proxy-url': cluster.proxyUrl,
          // client-go sends `config: null` when the cluster has no exec extension.
          config: cluster.execConfig ?? null,
        }),
        this.execTimeoutMs,
      );
      this.plugins.set(user.name, plugin);
    }
    return plugin;
  }
}

/** kubeconfig `extensions` are a list of {name, extension}. */
function namedExtension(list: unknown, name: string): unknown {
  return Array.isArray(list) ? (list as Yaml[]).find((e) => e?.name === name)?.extension : undefined;
}

/** Users and clusters only client-node can serve: auth providers and SOCKS proxies. */
export function needsClientNode(cluster: LiteCluster | null, user: LiteUser | null): boolean {
  return !!(user?.authProvider || cluster?.proxyUrl?.startsWith('socks'));
}
