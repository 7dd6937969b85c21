// The curl and kubectl commands that do the same request as the client, for the request log.
// Never inline secrets: a bearer token appears as "$TOKEN", and commandSetup gives the line that sets it.
// Each command names its server and credentials itself (or its kubeconfig and context), so it runs
// the same whatever the shell's KUBECONFIG says (test/commands-run.test.ts).
import type { Connection } from './types.js';
import { shellJoin, shellQuote, singleQuote } from '../model/shell.js';

/** The Accept value that needs no -H (what curl/kubectl would get anyway). */
function isPlainJson(accept: string | undefined): boolean {
  return !accept || accept === 'application/json' || accept === '*/*';
}

/** kubectl flags that keep the user's kubeconfig (KUBECONFIG, ~/.kube/config) out of a command that
 *  names its server and credentials itself: otherwise kubectl adds that file's current user. */
export const NO_KUBECONFIG = ['--kubeconfig', '/dev/null'];

/** kubectl with no credentials over TLS asks for a user name and password (client-go's basic-auth
 *  prompt, still in kubectl 1.32). A user name alone stops the prompt; kube-apiserver has no basic
 *  authentication (removed in 1.19) and ignores the header, so the request stays system:anonymous. */
export const ANONYMOUS_KUBECTL = ['--username', 'system:anonymous'];

/** kubectl flags for a request without credentials to the connection's server: no kubeconfig, the
 *  server and its CA, and the user name that stops the basic-auth prompt. */
export function anonymousKubectlArgs(conn: Pick<Connection, 'server' | 'caFile' | 'insecure'>): string[] {
  const args = [...NO_KUBECONFIG, '--server', conn.server];
  if (conn.caFile) args.push('--certificate-authority', conn.caFile);
  if (conn.insecure) args.push('--insecure-skip-tls-verify');
  if (conn.server.startsWith('https:')) args.push(...ANONYMOUS_KUBECTL);
  return args;
}

export interface EquivalentRequest {
  method: 'GET' | 'POST';
  /** Path with query. */
  path: string;
  accept?: string;
  body?: string;
}

export function joinUrl(server: string, path: string): string {
  return server.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
}

/** A pods/log request that streams (`follow=true`). */
function isFollow(path: string): boolean {
  const q = path.indexOf('?');
  return q >= 0 && new URLSearchParams(path.slice(q + 1)).get('follow') === 'true';
}

/** curl's arguments that authenticate like the connection: its files, "$TOKEN" for a bearer token,
 *  -k when TLS verification is off. A kubectl proxy authenticates for us: none but -k. */
export function curlAuthArgs(conn: Connection): string[] {
  const args: string[] = [];
  if (conn.mode !== 'proxy') {
    if (conn.certFile) args.push('--cert', conn.certFile);
    if (conn.keyFile) args.push('--key', conn.keyFile);
    if (conn.caFile) args.push('--cacert', conn.caFile);
    if (conn.bearerToken) args.push('-H', 'Authorization: Bearer $TOKEN');
  }
  if (conn.impersonate) {
    args.push('-H', `Impersonate-User: ${conn.impersonate.user}`);
    for (const g of conn.impersonate.groups) args.push('-H', `Impersonate-Group: ${g}`);
  }
  if (conn.insecure) args.push('-k');
  return args;
}

export function curlCommand(conn: Connection, req: EquivalentRequest): string {
  const args = ['curl', ...curlAuthArgs(conn)];
  // -N: print each chunk as it arrives (curl buffers its output otherwise).
  if (isFollow(req.path)) args.push('-N');
  if (req.method !== 'GET') args.push('-X', req.method);
  if (!isPlainJson(req.accept)) args.push('-H', `Accept: ${req.accept}`);
  if (req.body !== undefined) args.push('-H', 'Content-Type: application/json', '--data-raw', req.body);
  const url = joinUrl(conn.server, req.path);
  // The URL is always quoted: '?' and '&' are shell metacharacters.
  return `${shellJoin(args)} ${singleQuote(url)}`;
}

/** The shell lines to run before the commands: `TOKEN=…` for a connection with a bearer token, fetched
 *  the way the connection gets it (never the token itself). Empty when nothing is needed. */
export function commandSetup(conn: Connection): string[] {
  if (!conn.bearerToken || conn.mode === 'proxy') return [];
  const src = conn.tokenSource;
  switch (src?.kind) {
    case 'kubeconfig':
      return [
        `TOKEN=$(${shellJoin(['kubectl', ...src.kubeconfigArgs, 'config', 'view', '--raw', '-o', `jsonpath=${src.jsonpath}`])})`,
      ];
    case 'file':
      return [`TOKEN=$(cat ${shellQuote(src.path)})`];
    case 'exec': {
      // client-go also sets KUBERNETES_EXEC_INFO; plugins run without it from a shell (aws, gke, kubelogin).
      const env = src.env.map((e) => `${e.name}=${shellQuote(e.value)}`);
      return [`TOKEN=$(${[...env, shellJoin([src.command, ...src.args])].join(' ')} | jq -r .status.token)`];
    }
    case 'flag':
      // Typed in, not shown: the token given to --token is only the user's to paste.
      return [`printf 'Paste the token given to --token: ' >&2; read -rs TOKEN; echo >&2`];
    case 'unknown':
      return [`# Set TOKEN to ${src.what.replace(/[\r\n]/g, ' ')} (kapi-tui cannot show a command that gets it)`];
    default:
      return ['# Set TOKEN to the bearer token of this connection (kapi-tui cannot show a command that gets it)'];
  }
}

export interface KubectlHint {
  /** Whether the resource in the path is namespaced (when known). */
  namespaced?: boolean;
  /** The format the view shows an object in: `-o yaml` for the YAML view (default `-o json`; a
   *  Table request is kubectl's own table, without -o). */
  output?: 'json' | 'yaml';
  /** The schema explorer's view of this request (an /openapi/v3 document): `kubectl explain` with the
   *  resource, the field path shown (e.g. ['spec', 'containers']) and the group-version. */
  explain?: { resource: string; fieldPath?: string[]; apiVersion: string };
}

/** The Table format kubectl get prints (requested by the objects list). */
function isTableAccept(accept: string | undefined): boolean {
  return !!accept && /(^|[;,])\s*as=Table\b/.test(accept);
}

interface ParsedResourcePath {
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
}

/** Parse /api/v1/... and /apis/G/V/... resource paths. */
export function parseResourcePath(pathOnly: string): ParsedResourcePath | undefined {
  const seg = pathOnly.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (seg[0] === 'api' && seg.length >= 3) {
    group = '';
    version = seg[1]!;
    rest = seg.slice(2);
  } else if (seg[0] === 'apis' && seg.length >= 4) {
    group = seg[1]!;
    version = seg[2]!;
    rest = seg.slice(3);
  } else {
    return undefined;
  }
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  if (rest.length === 0 || rest.length > 3) return undefined;
  return { group, version, namespace, resource: rest[0]!, name: rest[1], subresource: rest[2] };
}

const PAGING_KEYS = new Set(['limit', 'continue', 'includeObject']);

/** `kubectl logs` for a pods/log request whose query it has flags for (tailLines, container,
 *  previous=true as `--previous`, follow=true as `-f`, put last as people type it); undefined for any other request (it then
 *  stays `get --raw`). */
function kubectlLogs(prefix: string[], pathOnly: string, query: URLSearchParams): string | undefined {
  const r = parseResourcePath(pathOnly);
  if (!r || r.subresource !== 'log' || r.group !== '' || r.resource !== 'pods' || !r.name || !r.namespace)
    return undefined;
  const args = [...prefix, 'logs', r.name, '-n', r.namespace];
  let follow = false;
  for (const [key, value] of query) {
    if (key === 'tailLines') args.push(`--tail=${value}`);
    else if (key === 'container') args.push('-c', value);
    else if (key === 'previous' && value === 'true') args.push('--previous');
    else if (key === 'follow' && value === 'true') follow = true;
    else return undefined;
  }
  if (follow) args.push('-f');
  return shellJoin(args);
}

export function kubectlCommand(conn: Connection, req: EquivalentRequest, hint: KubectlHint = {}): string {
  const prefix = ['kubectl', ...conn.kubectlArgs];
  if (hint.explain) {
    const { resource, fieldPath = [], apiVersion } = hint.explain;
    return shellJoin([...prefix, 'explain', [resource, ...fieldPath].join('.'), `--api-version=${apiVersion}`]);
  }
  const q = req.path.indexOf('?');
  const pathOnly = q >= 0 ? req.path.slice(0, q) : req.path;
  const query = new URLSearchParams(q >= 0 ? req.path.slice(q + 1) : '');

  if (req.method === 'POST') {
    if (pathOnly === '/apis/authentication.k8s.io/v1/selfsubjectreviews') {
      return shellJoin([...prefix, 'auth', 'whoami', '-o', 'json']);
    }
    if (pathOnly === '/apis/authorization.k8s.io/v1/selfsubjectrulesreviews') {
      // What the review asks is `kubectl auth can-i --list`; the empty namespace is -A's.
      const namespace = rulesReviewNamespace(req.body);
      if (namespace !== undefined)
        return shellJoin([...prefix, 'auth', 'can-i', '--list', ...(namespace ? ['-n', namespace] : ['-A'])]);
    }
    const body = req.body ?? '{}';
    return `printf '%s' ${shellQuote(body)} | ${shellJoin([...prefix, 'create', '--raw', pathOnly, '-f', '-'])}`;
  }

  const keys = [...query.keys()];
  const watch = query.get('watch') === '1' || query.get('watch') === 'true';
  const simpleQuery = keys.every(
    (k) =>
      PAGING_KEYS.has(k) ||
      k === 'watch' ||
      k === 'labelSelector' ||
      k === 'fieldSelector' ||
      (watch && (k === 'resourceVersion' || k === 'allowWatchBookmarks')),
  );
  const r = simpleQuery ? parseResourcePath(pathOnly) : undefined;
  if (r && !r.subresource && !(watch && r.name)) {
    const resArg = r.group ? `${r.resource}.${r.group}` : r.resource;
    const args = [...prefix, 'get', resArg];
    if (r.name) args.push(r.name);
    if (r.namespace) args.push('-n', r.namespace);
    else if (!r.name && hint.namespaced !== false && !(r.group === '' && r.resource === 'namespaces')) args.push('-A');
    const selector = query.get('labelSelector');
    if (selector) args.push('-l', selector);
    const fields = query.get('fieldSelector');
    if (fields) args.push('--field-selector', fields);
    if (watch) args.push('--watch', '--output-watch-events');
    if (!isTableAccept(req.accept)) args.push('-o', hint.output ?? 'json');
    return shellJoin(args);
  }
  const logs = kubectlLogs(prefix, pathOnly, query);
  if (logs) return logs;
  return `${shellJoin([...prefix, 'get', '--raw'])} ${singleQuote(req.path)}`;
}

/** spec.namespace of a SelfSubjectRulesReview body ('' when unset), or undefined when unreadable. */
function rulesReviewNamespace(body: string | undefined): string | undefined {
  try {
    const ns = (JSON.parse(body ?? '{}') as { spec?: { namespace?: unknown } }).spec?.namespace;
    return typeof ns === 'string' ? ns : ns === undefined ? '' : undefined;
  } catch {
    return undefined;
  }
}
