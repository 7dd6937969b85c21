// Resolve command-line connection options into a Connection backed by a credentials source: our
// LiteKubeConfig for files and static credentials, @kubernetes/client-node's KubeConfig for exec
// plugins, auth providers and HTTP proxies. client-node is imported lazily, and only then, because
// importing it costs 150-450 ms (see kubeconfig-lite.ts).
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { accessSync, constants as fsConstants, existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import {
  type CredentialSource,
  type LiteCluster,
  LiteKubeConfig,
  type LiteUser,
  needsClientNode,
} from './kubeconfig-lite.js';
import { KubeError, configError } from './errors.js';
import { execCommandPath } from './exec-credential.js';
import { KubeconfigSyntaxError } from './yaml-error.js';
import { caDataProblem, caPemProblem } from './ca-check.js';
import { namespaceNameProblem, quoteForMessage } from '../model/names.js';
import type { ConnectOptions, Connection, TokenSource } from './types.js';
import { inlineCredentialFiles } from './credential-files.js';
import { kubeconfigFiles, resolveServer } from './server.js';
import { ANONYMOUS_KUBECTL, NO_KUBECONFIG } from './equivalents.js';

export const DEFAULT_TIMEOUT_MS = 15_000;

/** A Connection plus what the HTTP layer needs. The extra fields are for src/client only. */
export interface ResolvedConnection extends Connection {
  /** TLS material and credentials for every request (`applyToHTTPSOptions`). */
  readonly kubeConfig: CredentialSource;
  /** Per-request timeout (watches exempt once their headers arrived). */
  readonly timeoutMs: number;
  /**
   * Things the user should know about this connection, worded for display (the UI shows them in the
   * header, the CLI prints them to stderr): TLS verification off, a kubectl proxy on another machine
   * (unauthenticated, unencrypted), plain HTTP to a remote server, a client certificate that expired.
   * Found without any network traffic.
   */
  readonly warnings: string[];
  /** The client certificate's validity (to explain a 401), when there is one in a file or inline. */
  readonly clientCertificate?: { commonName?: string; notBefore: Date; notAfter: Date };
}

/** 127.0.0.0/8, ::1, localhost (and 0.0.0.0 / ::, which connect to this machine). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (h === '::1' || h === '::' || h === '0.0.0.0' || h === '0:0:0:0:0:0:0:1') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  const mapped = /^::ffff:(127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(h);
  return !!mapped;
}

const INSECURE_WARNING = (source: string) =>
  `TLS verification is off (${source}): the server's identity is not checked, so anyone on the network path can read and change the traffic, credentials included.`;

function proxyWarnings(server: string): string[] {
  const u = new URL(server);
  if (isLoopbackHost(u.hostname)) return [];
  return [
    u.protocol === 'http:'
      ? `The kubectl proxy at ${u.host} is not on this machine: traffic to it is unauthenticated and unencrypted (plain HTTP; the proxy adds its credentials for anyone who can reach it). Run kubectl proxy on 127.0.0.1, or reach it through an SSH tunnel.`
      : `The kubectl proxy at ${u.host} is not on this machine: traffic to it is unauthenticated (the proxy adds its credentials for anyone who can reach it). Run kubectl proxy on 127.0.0.1, or reach it through an SSH tunnel.`,
  ];
}

function plainHttpWarnings(server: string, sendsToken: boolean): string[] {
  const u = new URL(server);
  if (u.protocol !== 'http:' || isLoopbackHost(u.hostname)) return [];
  return [
    `The server ${u.host} is plain HTTP on another machine: traffic is unencrypted${sendsToken ? ' and the bearer token travels in clear text' : ''}. Use https://.`,
  ];
}

interface CertInfo {
  commonName?: string;
  notBefore: Date;
  notAfter: Date;
}

/** Validity of a PEM client certificate; throws a config error when it is not a certificate at all. */
function inspectClientCert(pem: Buffer | string, where: string): { cert: X509Certificate; info: CertInfo } {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch (e) {
    throw configError(
      `The client certificate ${where} is not a PEM certificate: ${(e as Error).message}`,
      'Point it at the certificate file (-----BEGIN CERTIFICATE-----), not the key or a directory.',
      e,
    );
  }
  return {
    cert,
    info: {
      commonName: certificateCommonName(pem),
      notBefore: new Date(cert.validFrom),
      notAfter: new Date(cert.validTo),
    },
  };
}

/** Throws when the key cannot be the certificate's (checked locally, before any TLS handshake). */
function assertKeyMatches(
  cert: X509Certificate,
  keyPem: Buffer | string,
  certWhere: string,
  keyWhere: string,
  hint: string,
): void {
  let key;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    // Unreadable here (e.g. an encrypted key): leave it to the TLS layer, which explains its own errors.
    return;
  }
  if (!cert.checkPrivateKey(key)) {
    throw configError(`The client certificate ${certWhere} and the key ${keyWhere} do not belong together`, hint);
  }
}

function certWarnings(info: CertInfo | undefined): string[] {
  if (!info) return [];
  const now = Date.now();
  if (now > info.notAfter.getTime())
    return [
      `The client certificate (CN=${info.commonName ?? '?'}) expired on ${info.notAfter.toISOString()}: the server will answer 401 Unauthorized. Renew it or get a fresh kubeconfig.`,
    ];
  if (now < info.notBefore.getTime())
    return [
      `The client certificate (CN=${info.commonName ?? '?'}) is not valid before ${info.notBefore.toISOString()}: check this machine's clock.`,
    ];
  return [];
}

/** A path as the user can type it in a shell here: kept relative when it resolves from the cwd. */
export function displayPath(p: string): string {
  if (isAbsolute(p)) return p;
  return existsSync(p) ? p : resolve(p);
}

function assertReadable(path: string, what: string, flag: string): void {
  try {
    accessSync(path, fsConstants.R_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw configError(
      `Cannot read the ${what} "${path}" (${flag}): ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(e)}`,
      code === 'EACCES'
        ? `Make the file readable for this user (e.g. \`chmod u+r ${path}\`), or check the path given to ${flag}.`
        : `Check the path given to ${flag}.`,
      e,
    );
  }
  if (statSync(path).isDirectory()) {
    throw configError(`The ${what} "${path}" (${flag}) is a directory, not a file`, `Pass the file itself to ${flag}.`);
  }
}

/** A cluster's CA that cannot be one, named by cluster and field (not a TLS error at the first request). */
function assertUsableCa(cluster: { name: string; caData?: string; caFile?: string }, source: string): void {
  const fix = `Fix cluster "${cluster.name}" in the kubeconfig ${source}: certificate-authority-data is the base64 of the CA's PEM certificate (\`base64 -w0 ca.crt\`), or point certificate-authority at the file.`;
  if (cluster.caData) {
    const problem = caDataProblem(cluster.caData);
    if (problem) throw configError(`The certificate-authority-data of cluster "${cluster.name}" ${problem}`, fix);
  } else if (cluster.caFile) {
    const problem = caPemProblem(readFileSync(cluster.caFile, 'latin1'));
    if (problem)
      throw configError(
        `The certificate-authority file ${cluster.caFile} of cluster "${cluster.name}" ${problem}`,
        `Fix cluster "${cluster.name}" in the kubeconfig ${source}: certificate-authority must be the CA's PEM certificate file.`,
      );
  }
}

/** A load error's text: a syntax error says file:line:column itself, anything else its first line. */
function loadProblem(e: unknown, fallbackSource: string): string {
  if (e instanceof KubeconfigSyntaxError) return e.message;
  return `${fallbackSource}: ${String((e as Error)?.message ?? e)
    .split('\n')[0]!
    .trim()}`;
}

/** The subject CN of a PEM certificate (the Kubernetes user name for X.509 auth). */
export function certificateCommonName(pem: string | Buffer): string | undefined {
  try {
    const cert = new X509Certificate(pem);
    for (const line of cert.subject.split('\n')) {
      const m = /^CN=(.*)$/.exec(line.trim());
      if (m) return m[1];
    }
  } catch {
    /* not a certificate we can read */
  }
  return undefined;
}

type ClientNode = typeof import('@kubernetes/client-node');

async function loadClientNode(): Promise<ClientNode> {
  return import('@kubernetes/client-node');
}

export async function connect(opts: ConnectOptions): Promise<ResolvedConnection> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (opts.proxy) return connectProxy(opts, timeoutMs);
  if (opts.server) return connectCertificates(opts, timeoutMs);
  return connectKubeconfig(opts, timeoutMs);
}

/** Secret-looking environment variables of an exec plugin are not shown (the shell's own apply). */
const SECRET_NAME = /secret|token|passw|key|credential/i;

function execSource(
  exec: { command: string; args?: string[]; env?: { name: string; value: string }[] },
  dir: string,
): TokenSource {
  return {
    kind: 'exec',
    command: execCommandPath(exec.command, dir),
    args: exec.args ?? [],
    env: (exec.env ?? []).filter((e) => !SECRET_NAME.test(e.name)),
  };
}

async function connectProxy(opts: ConnectOptions, timeoutMs: number): Promise<ResolvedConnection> {
  const server = resolveServer(opts)!;
  const kc = new LiteKubeConfig();
  const plainHttp = server.startsWith('http:');
  kc.loadFromClusterAndUser(
    {
      name: 'kubectl-proxy',
      server,
      // There is no TLS on this hop: kubectl proxy serves plain HTTP on loopback and adds the
      // kubeconfig credentials upstream. (client-node >= 1.1 would refuse an http:// server unless
      // skipTLSVerify is set — kubernetes-client/javascript #2348 — so the same is kept here.)
      skipTLSVerify: plainHttp || !!opts.insecureSkipTlsVerify,
    },
    // No credentials: the proxy authenticates for us.
    { name: 'kubectl-proxy' },
  );
  const insecure = !plainHttp && !!opts.insecureSkipTlsVerify;
  const warnings = [...proxyWarnings(server), ...(insecure ? [INSECURE_WARNING('--insecure-skip-tls-verify')] : [])];
  return {
    mode: 'proxy',
    server,
    context: undefined,
    user: undefined,
    namespace: opts.namespace || 'default',
    insecure,
    // --kubeconfig /dev/null: kubectl must not add the credentials of whatever KUBECONFIG names.
    kubectlArgs: [...NO_KUBECONFIG, '--server', server, ...(insecure ? ['--insecure-skip-tls-verify'] : [])],
    kubeConfig: kc,
    timeoutMs,
    warnings,
  };
}

async function connectCertificates(opts: ConnectOptions, timeoutMs: number): Promise<ResolvedConnection> {
  const server = resolveServer(opts)!;
  if (opts.cert && !opts.key) throw configError('--cert was given without --key', 'Pass the client key with --key.');
  if (opts.key && !opts.cert)
    throw configError('--key was given without --cert', 'Pass the client certificate with --cert.');
  if (opts.cert) assertReadable(opts.cert, 'client certificate', '--cert');
  if (opts.key) assertReadable(opts.key, 'client key', '--key');
  if (opts.cacert) assertReadable(opts.cacert, 'CA certificate', '--cacert');
  let clientCertificate: CertInfo | undefined;
  if (opts.cert && opts.key) {
    const { cert, info } = inspectClientCert(readFileSync(opts.cert), `"${opts.cert}" (--cert)`);
    assertKeyMatches(
      cert,
      readFileSync(opts.key),
      `"${opts.cert}" (--cert)`,
      `"${opts.key}" (--key)`,
      "Pass the key that was issued with this certificate to --key (the certificate's public key must match it).",
    );
    clientCertificate = info;
  }

  const kc = new LiteKubeConfig();
  const insecure = !!opts.insecureSkipTlsVerify;
  kc.loadFromClusterAndUser(
    {
      name: 'kapi-tui',
      server,
      caFile: opts.cacert ? resolve(opts.cacert) : undefined,
      skipTLSVerify: insecure,
    },
    {
      name: 'kapi-tui',
      certFile: opts.cert ? resolve(opts.cert) : undefined,
      keyFile: opts.key ? resolve(opts.key) : undefined,
      token: opts.token || undefined,
    },
  );
  const user = opts.cert ? certificateCommonName(readFileSync(opts.cert)) : undefined;

  const kubectlArgs: string[] = [...NO_KUBECONFIG, '--server', server];
  const pair = opts.cert && opts.key ? { certFile: displayPath(opts.cert), keyFile: displayPath(opts.key) } : undefined;
  const caFile = opts.cacert ? displayPath(opts.cacert) : undefined;
  if (pair) kubectlArgs.push('--client-certificate', pair.certFile, '--client-key', pair.keyFile);
  if (caFile) kubectlArgs.push('--certificate-authority', caFile);
  if (opts.token) kubectlArgs.push('--token', '$TOKEN');
  const anonymous = !pair && !opts.token;
  if (anonymous && server.startsWith('https:')) kubectlArgs.push(...ANONYMOUS_KUBECTL);
  if (opts.as) kubectlArgs.push('--as', opts.as);
  for (const g of opts.asGroups ?? []) kubectlArgs.push('--as-group', g);
  if (insecure) kubectlArgs.push('--insecure-skip-tls-verify');
  const warnings = [
    ...(insecure ? [INSECURE_WARNING('--insecure-skip-tls-verify')] : []),
    ...plainHttpWarnings(server, !!opts.token),
    ...certWarnings(clientCertificate),
  ];
  return {
    mode: 'certificates',
    server,
    context: undefined,
    user,
    namespace: opts.namespace || 'default',
    insecure,
    ...pair,
    caFile,
    bearerToken: !!opts.token,
    ...(opts.token ? { tokenSource: { kind: 'flag' as const } } : {}),
    ...(anonymous ? { anonymous } : {}),
    kubectlArgs,
    ...impersonation(opts.as, opts.asGroups),
    kubeConfig: kc,
    timeoutMs,
    warnings,
    clientCertificate,
  };
}

const IN_CLUSTER_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

async function connectKubeconfig(opts: ConnectOptions, timeoutMs: number): Promise<ResolvedConnection> {
  let source: string;
  let files: string[] = [];
  const explicit = opts.kubeconfig;
  const candidates = kubeconfigFiles(opts);
  if (explicit) {
    assertReadable(explicit, 'kubeconfig', '--kubeconfig');
    source = resolve(explicit);
    files = [source];
  } else if (process.env.KUBECONFIG) {
    source = candidates.join(delimiter);
    files = candidates.filter((f) => existsSync(f)); // kubectl skips listed files that do not exist
    if (files.length === 0) {
      throw configError(
        `None of the files in KUBECONFIG exists (${source})`,
        'Set KUBECONFIG to your kubeconfig file(s), or pass one with --kubeconfig.',
      );
    }
  } else {
    const file = candidates[0]!;
    if (existsSync(file)) {
      source = file;
      files = [file];
    } else if (existsSync(join(IN_CLUSTER_DIR, 'token'))) {
      source = 'in-cluster service account';
    } else {
      throw configError(
        `No kubeconfig found (looked at --kubeconfig, KUBECONFIG and ${file})`,
        'Pass --kubeconfig FILE, set KUBECONFIG, connect with --server/--cert/--key/--cacert, use --proxy with a running `kubectl proxy`, or try --demo.',
      );
    }
  }

  const lite = new LiteKubeConfig();
  lite.execTimeoutMs = timeoutMs;
  let kc: LiteKubeConfig | KubeConfig = lite;
  try {
    if (files.length) lite.loadFromFiles(files);
    else loadInCluster(lite);
    applyKubectlOverrides(lite, opts);
    const chosen = lite.getContextObject(lite.getCurrentContext());
    if (chosen && needsClientNode(lite.getCluster(chosen.cluster), lite.getUser(chosen.user))) {
      // Auth providers and SOCKS proxies: client-node, given the entries as merged here (its own
      // loader would merge several files by other rules and drop tokenFile).
      const { KubeConfig } = await loadClientNode();
      const full = new KubeConfig();
      full.loadFromOptions({
        clusters: lite.clusters,
        users: lite.users.map(({ tokenFile, ...u }) => ({
          ...u,
          token: tokenFile ? readFileSync(tokenFile, 'utf8').trim() : u.token,
        })),
        contexts: lite.contexts,
        currentContext: lite.currentContext,
      });
      kc = full;
    }
  } catch (e) {
    if (e instanceof KubeError) throw e;
    throw configError(
      `Cannot load the kubeconfig ${loadProblem(e, explicit ? displayPath(explicit) : (process.env.KUBECONFIG ?? '~/.kube/config'))}`,
      'Fix the file (`kubectl config view` shows what kubectl makes of it) or pass another with --kubeconfig.',
      e,
    );
  }

  if (kc.getContexts().length === 0 && kc.getClusters().length === 0) {
    throw configError(
      `The kubeconfig (${source}) defines no clusters and no contexts: is it a kubeconfig file?`,
      'Pass the kubeconfig your cluster gave you with --kubeconfig (`kubectl config view` shows what kubectl uses).',
    );
  }
  const contextNames = kc.getContexts().map((c) => c.name);
  const list = contextNames.length ? contextNames.join(', ') : '(none)';
  if (opts.context) {
    if (!kc.getContextObject(opts.context)) {
      throw configError(
        `Context "${opts.context}" is not in the kubeconfig (${source}). Available contexts: ${list}`,
        'Pick one of the available contexts with --context (`kubectl config get-contexts` lists them).',
      );
    }
    kc.setCurrentContext(opts.context);
  }
  const ctxName = kc.getCurrentContext();
  const ctx = ctxName ? kc.getContextObject(ctxName) : null;
  if (!ctx) {
    throw configError(
      ctxName
        ? `The current context "${ctxName}" is not defined in the kubeconfig (${source}). Available contexts: ${list}`
        : `The kubeconfig (${source}) has no current-context. Available contexts: ${list}`,
      'Choose one with --context NAME, or `kubectl config use-context NAME`.',
    );
  }
  const contextNamespaceProblem = ctx.namespace ? namespaceNameProblem(ctx.namespace) : undefined;
  if (contextNamespaceProblem && !opts.namespace) {
    // The API server would refuse every namespaced request; a huge value also stalled the UI.
    throw configError(
      `The namespace ${quoteForMessage(ctx.namespace!)} of context "${ctx.name}" in the kubeconfig (${source}) is not a valid namespace name: a namespace ${contextNamespaceProblem}`,
      'Fix the namespace of that context (`kubectl config set-context --current --namespace NS`), or pass -n NS.',
    );
  }
  let cluster = kc.getCluster(ctx.cluster);
  if (!cluster) {
    throw configError(
      `Context "${ctx.name}" refers to cluster "${ctx.cluster}", which is not in the kubeconfig (${source})`,
      'Fix the context entry or pick another context with --context.',
    );
  }
  if (!cluster.server) {
    // kubectl falls back to http://localhost:8080 here, a leftover of the insecure port; saying so
    // is more use than a request to a server nobody runs.
    throw configError(
      `Cluster "${ctx.cluster}" (context "${ctx.name}") has no server in the kubeconfig (${source})`,
      'Add `server: https://HOST:PORT` to that cluster entry, or pass --server.',
    );
  }
  if (ctx.user && !kc.getUser(ctx.user)) {
    throw configError(
      `Context "${ctx.name}" refers to user "${ctx.user}", which is not in the kubeconfig (${source})`,
      'Fix the context entry or pick another context with --context.',
    );
  }
  if (opts.insecureSkipTlsVerify && !cluster.skipTLSVerify) {
    cluster = replaceCluster(kc, { ...cluster, skipTLSVerify: true, caData: undefined, caFile: undefined });
  }
  if (cluster.server.startsWith('http:') && !cluster.skipTLSVerify) {
    // client-node >= 1.1 refuses plain http:// otherwise (kubernetes-client/javascript #2348);
    // there is no TLS to verify on such a hop (kubectl proxy or an insecure port).
    cluster = replaceCluster(kc, { ...cluster, skipTLSVerify: true });
  }
  if (cluster.server.startsWith('http:') && kc instanceof LiteKubeConfig) {
    // kubectl (client-go) sends a user's credentials only over TLS: a plain-HTTP server (kubectl
    // proxy, an insecure port) gets none, so a token never travels in clear text. Impersonation stays.
    const credentialless = ({ name, impersonate, impersonateGroups }: LiteUser) => ({
      name,
      impersonate,
      impersonateGroups,
    });
    kc.users = kc.users.map((u) => (u.name === ctx.user ? credentialless(u) : u));
  }
  const user = ctx.user ? kc.getUser(ctx.user) : null;
  const plainHttp = cluster.server.startsWith('http:');
  const insecure = !plainHttp && cluster.skipTLSVerify;

  // Files the kubeconfig points at: say which entry is wrong now, not at the first request.
  const inKc = (field: string, entry: string) => `${field} of ${entry} in the kubeconfig ${source}`;
  if (cluster.caFile && !insecure)
    assertReadable(cluster.caFile, 'CA certificate', inKc('certificate-authority', `cluster "${cluster.name}"`));
  if (!cluster.skipTLSVerify) assertUsableCa(cluster, source);
  if (user?.certFile)
    assertReadable(user.certFile, 'client certificate', inKc('client-certificate', `user "${user.name}"`));
  if (user?.keyFile) assertReadable(user.keyFile, 'client key', inKc('client-key', `user "${user.name}"`));
  let clientCertificate: CertInfo | undefined;
  const certPem = user?.certFile
    ? readFileSync(user.certFile)
    : user?.certData
      ? Buffer.from(user.certData, 'base64')
      : undefined;
  const keyPem = user?.keyFile
    ? readFileSync(user.keyFile)
    : user?.keyData
      ? Buffer.from(user.keyData, 'base64')
      : undefined;
  if (certPem && keyPem && user) {
    const certWhere = `of user "${user.name}" (${user.certFile ? `client-certificate ${user.certFile}` : 'client-certificate-data'})`;
    const keyWhere = user.keyFile ? `client-key ${user.keyFile}` : 'client-key-data';
    const { cert, info } = inspectClientCert(certPem, certWhere);
    assertKeyMatches(
      cert,
      keyPem,
      certWhere,
      keyWhere,
      `Fix user "${user.name}" in ${source}: client-key must be the key issued with client-certificate.`,
    );
    clientCertificate = info;
  }

  // The same file(s) whatever the shell's KUBECONFIG says: --kubeconfig unless it is kubectl's
  // default (several KUBECONFIG files cannot be named by one flag: those commands need the variable).
  const kubeconfigArgs = explicit
    ? ['--kubeconfig', displayPath(explicit)]
    : files.length === 1 && files[0] !== join(homedir(), '.kube', 'config')
      ? ['--kubeconfig', files[0]!]
      : [];
  const kubectlArgs: string[] = [...kubeconfigArgs];
  // The context always: the file's current-context may change after this run. Not for --demo, whose
  // kubeconfig is the sandbox's own, written for this run (and the demo's lines stay short).
  if (files.length && !opts.demo) kubectlArgs.push('--context', ctx.name);
  if (opts.cluster) kubectlArgs.push('--cluster', opts.cluster);
  if (opts.user) kubectlArgs.push('--user', opts.user);
  if (opts.cacert) kubectlArgs.push('--certificate-authority', displayPath(opts.cacert));
  if (opts.cert) kubectlArgs.push('--client-certificate', displayPath(opts.cert));
  if (opts.key) kubectlArgs.push('--client-key', displayPath(opts.key));
  if (opts.token) kubectlArgs.push('--token', '$TOKEN');
  if (opts.as) kubectlArgs.push('--as', opts.as);
  for (const g of opts.asGroups ?? []) kubectlArgs.push('--as-group', g);
  if (opts.insecureSkipTlsVerify) kubectlArgs.push('--insecure-skip-tls-verify');
  // From our merged entries (client-node's User has neither tokenFile nor impersonation groups).
  const liteUser = lite.getUser(ctx.user);
  const tokenSource = kubeconfigTokenSource(liteUser ?? undefined, !!opts.token, kubeconfigArgs);
  const anonymous = !certPem && !tokenSource;
  if (anonymous && !plainHttp) kubectlArgs.push(...ANONYMOUS_KUBECTL);
  // Inline *-data have no file curl could read: written to private files (credential-files.ts).
  const inline = inlineFilesOrNone({
    ca: insecure || cluster.caFile ? undefined : cluster.caData,
    cert: user?.certFile ? undefined : user?.certData,
    key: user?.keyFile ? undefined : user?.keyData,
  });

  return {
    mode: opts.demo ? 'demo' : 'kubeconfig',
    server: resolveServer(opts, kc) ?? '',
    context: ctx.name,
    user: ctx.user || undefined,
    namespace: opts.namespace || ctx.namespace || 'default',
    insecure,
    certFile: user?.certFile ?? inline.certFile,
    keyFile: user?.keyFile ?? inline.keyFile,
    caFile: insecure ? undefined : (cluster.caFile ?? inline.caFile),
    bearerToken: !!(user?.token || user?.exec || user?.authProvider || liteUser?.tokenFile),
    ...(tokenSource ? { tokenSource } : {}),
    ...(anonymous ? { anonymous } : {}),
    kubectlArgs,
    ...impersonation(liteUser?.impersonate, liteUser?.impersonateGroups),
    kubeConfig: kc,
    timeoutMs,
    warnings: [
      ...(insecure
        ? [
            INSECURE_WARNING(
              opts.insecureSkipTlsVerify
                ? '--insecure-skip-tls-verify'
                : `insecure-skip-tls-verify in the kubeconfig cluster "${cluster.name}"`,
            ),
          ]
        : []),
      ...plainHttpWarnings(cluster.server, !!(user?.token || user?.exec || user?.authProvider)),
      ...certWarnings(clientCertificate),
    ],
    clientCertificate,
  };
}

/** The files for inline kubeconfig data; none when they cannot be written (a read-only home, a
 *  folder that is not ours): the commands then lack them, the connection itself is unaffected. */
function inlineFilesOrNone(data: {
  ca?: string;
  cert?: string;
  key?: string;
}): ReturnType<typeof inlineCredentialFiles> {
  try {
    return inlineCredentialFiles(data);
  } catch {
    return { caFile: undefined, certFile: undefined, keyFile: undefined };
  }
}

/** Where a kubeconfig user's bearer token comes from, in client-go's order (tokenFile over token). */
function kubeconfigTokenSource(
  user: LiteUser | undefined,
  tokenFlag: boolean,
  kubeconfigArgs: string[],
): TokenSource | undefined {
  if (!user) return tokenFlag ? { kind: 'flag' } : undefined;
  if (user.tokenFile) return { kind: 'file', path: user.tokenFile };
  if (tokenFlag) return { kind: 'flag' };
  // A name a jsonpath string cannot hold as written.
  const viewable = !/["\\]/.test(user.name);
  const view = (field: string): TokenSource =>
    viewable
      ? {
          kind: 'kubeconfig',
          user: user.name,
          jsonpath: `{.users[?(@.name=="${user.name}")].user.${field}}`,
          kubeconfigArgs,
        }
      : { kind: 'unknown', what: `the token of user "${user.name}"` };
  if (user.token) return view('token');
  if (user.exec) return execSource(user.exec, user.execDir ?? process.cwd());
  if (user.authProvider) {
    const name = (user.authProvider as { name?: string }).name;
    return view(name === 'oidc' ? 'auth-provider.config.id-token' : 'auth-provider.config.access-token');
  }
  return undefined;
}

/** The Impersonate-* headers' values, when the user (or --as) asks for them. */
function impersonation(user: string | undefined, groups: string[] | undefined): Pick<Connection, 'impersonate'> {
  return user ? { impersonate: { user, groups: groups ?? [] } } : {};
}

/** A pod's service account, like client-go's in-cluster config; the namespace as kubectl finds it
 *  there (POD_NAMESPACE, else the service account's). */
function loadInCluster(lite: LiteKubeConfig): void {
  const host = process.env.KUBERNETES_SERVICE_HOST;
  const port = process.env.KUBERNETES_SERVICE_PORT;
  if (!host || !port) throw new Error('KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set');
  const namespaceFile = join(IN_CLUSTER_DIR, 'namespace');
  const namespace =
    process.env.POD_NAMESPACE || (existsSync(namespaceFile) ? readFileSync(namespaceFile, 'utf8').trim() : undefined);
  lite.loadFromEntries(
    [
      {
        name: 'in-cluster',
        server: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
        caFile: join(IN_CLUSTER_DIR, 'ca.crt'),
        skipTLSVerify: false,
      },
    ],
    [{ name: 'in-cluster', tokenFile: join(IN_CLUSTER_DIR, 'token') }],
    [{ name: 'in-cluster', cluster: 'in-cluster', user: 'in-cluster', namespace }],
    'in-cluster',
  );
}

/** kubectl's flags over the kubeconfig: --context, --cluster, --user, --token, --certificate-authority,
 *  --client-certificate, --client-key, --as, --as-group. The context and its entries are patched for this
 *  run only (other contexts naming the same user or cluster are not used by it). */
function applyKubectlOverrides(lite: LiteKubeConfig, opts: ConnectOptions): void {
  if (opts.context) lite.setCurrentContext(opts.context);
  const ctx = lite.getContextObject(lite.getCurrentContext());
  if (!ctx) return;
  const patchedCtx = { ...ctx, cluster: opts.cluster ?? ctx.cluster, user: opts.user ?? ctx.user };
  lite.contexts = lite.contexts.map((c) => (c === ctx ? patchedCtx : c));
  const cluster = lite.getCluster(patchedCtx.cluster);
  if (cluster && opts.cacert) {
    const patched = { ...cluster, caFile: resolve(opts.cacert), caData: undefined };
    lite.clusters = lite.clusters.map((c) => (c === cluster ? patched : c));
  }
  const user = lite.getUser(patchedCtx.user);
  if (!user) return;
  const patched = { ...user };
  // A tokenFile stays and wins over --token, as in kubectl (client-go reads the file for every request).
  if (opts.token) Object.assign(patched, { token: opts.token, exec: undefined, authProvider: undefined });
  if (opts.cert) Object.assign(patched, { certFile: resolve(opts.cert), certData: undefined });
  if (opts.key) Object.assign(patched, { keyFile: resolve(opts.key), keyData: undefined });
  if (opts.as) Object.assign(patched, { impersonate: opts.as, impersonateGroups: opts.asGroups });
  else if (opts.asGroups) patched.impersonateGroups = opts.asGroups;
  lite.users = lite.users.map((u) => (u === user ? patched : u));
}

type AnyCluster = NonNullable<ReturnType<KubeConfig['getCluster']>> | LiteCluster;

/** Swaps a cluster entry (for --insecure-skip-tls-verify, or plain http://) in either loader. */
function replaceCluster<T extends AnyCluster>(kc: LiteKubeConfig | KubeConfig, patched: T): T {
  const swap = <C extends { name: string }>(list: C[]) =>
    list.map((c) => (c.name === patched.name ? (patched as unknown as C) : c));
  if (kc instanceof LiteKubeConfig) kc.clusters = swap(kc.clusters);
  else kc.clusters = swap(kc.clusters);
  return patched;
}
