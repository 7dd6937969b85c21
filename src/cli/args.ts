// Command-line parsing with node:util parseArgs: no dependency, nothing to load at start-up.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ConnectOptions } from '../client/types.js';
import { namespaceNameProblem, quoteForMessage } from '../model/names.js';
import { DEFAULT_PROXY_URL } from '../model/proxy.js';

export const USAGE = `kapi-tui — explore the Kubernetes API from the terminal

Usage:
  kapi-tui [connection flags]            open the explorer
  kapi-tui --demo                        open the explorer on the embedded sandbox
  kapi-tui sandbox [--port N] [--dir DIR] [--pods N]
                                         run the sandbox API server in the foreground
  kapi-tui api-resources [--api-group G] [--namespaced=true|false] [-o wide|json]
                                         print the API resources like kubectl api-resources

Connection (pick one; default: the kubeconfig's current context, as kubectl connects):
  --kubeconfig FILE        kubeconfig file (else $KUBECONFIG's list, else ~/.kube/config)
  --context NAME           kubeconfig context
  --cluster NAME, --user NAME
                           kubeconfig cluster / user instead of the context's
  --server URL --cert FILE --key FILE --cacert FILE
                           explicit certificates, like curl (kubectl's names work too:
                           --client-certificate, --client-key, --certificate-authority;
                           with a kubeconfig they replace the context's)
  --token TOKEN            bearer token (with --server, or instead of the kubeconfig user's)
  --as USER, --as-group GROUP
                           impersonate a user (and groups; --as-group repeats), like kubectl
  --proxy [URL]            a running \`kubectl proxy\` (default ${DEFAULT_PROXY_URL})
  --demo                   start the embedded sandbox and connect as its admin
  --tour                   open the guided tour of the API (on the sandbox when no kubeconfig exists)
  --insecure-skip-tls-verify
                           do not verify the server's certificate (shown as a warning)
  --request-timeout DURATION
                           give up on a request after this long (e.g. 30s, 1m30s; 0 = never; default 15s)
  HTTPS_PROXY, NO_PROXY    honoured like kubectl (a kubeconfig cluster's proxy-url wins)

Other:
  -n, --namespace NS       namespace to start in (default: the kubeconfig context's, else default)
  -A, --all-namespaces     start in all namespaces
  --no-cache               do not use the on-disk discovery cache
  -h, --help               this help
  -v, --version            print the version
`;

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  demo: { type: 'boolean' },
  tour: { type: 'boolean' },
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  'all-namespaces': { type: 'boolean', short: 'A' },
  cluster: { type: 'string' },
  user: { type: 'string' },
  as: { type: 'string' },
  'as-group': { type: 'string', multiple: true },
  // kubectl's names for --cacert, --cert and --key.
  'certificate-authority': { type: 'string' },
  'client-certificate': { type: 'string' },
  'client-key': { type: 'string' },
  server: { type: 'string', short: 's' },
  cert: { type: 'string' },
  key: { type: 'string' },
  cacert: { type: 'string' },
  token: { type: 'string' },
  proxy: { type: 'string' },
  'insecure-skip-tls-verify': { type: 'boolean' },
  'request-timeout': { type: 'string' },
  'no-cache': { type: 'boolean' },
  // sandbox
  port: { type: 'string' },
  dir: { type: 'string' },
  pods: { type: 'string' },
  // api-resources
  'api-group': { type: 'string' },
  namespaced: { type: 'string' },
  output: { type: 'string', short: 'o' },
} as const satisfies ParseArgsConfig['options'];

export type Command = 'tui' | 'sandbox' | 'api-resources';

/** The connection flags are the client's ConnectOptions as they are (`timeoutMs`: --request-timeout,
 *  0 = none); the rest says what to run. */
export interface CliArgs extends ConnectOptions {
  command: Command;
  help: boolean;
  version: boolean;
  demo: boolean;
  tour: boolean;
  /** A bare --proxy is expanded to the default URL while parsing. */
  proxy?: string;
  insecureSkipTlsVerify: boolean;
  /** -A: start in all namespaces. */
  allNamespaces: boolean;
  noCache: boolean;
  port?: number;
  dir?: string;
  pods?: number;
  apiGroup?: string;
  namespaced?: boolean;
  output?: 'wide' | 'json' | 'name';
}

export class UsageError extends Error {
  /** False for a bad value whose one line says all: the usage text would only bury it. */
  readonly showUsage: boolean = true;
}

/** A flag's value the API server would refuse: one line, exit 2, no usage text. */
export class InvalidValueError extends UsageError {
  override readonly showUsage = false;
}

/** `--proxy` takes an optional URL: a bare `--proxy` means the kubectl proxy default. */
function expandOptionalProxy(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--proxy') {
      const next = argv[i + 1];
      if (next !== undefined && /^https?:\/\//.test(next)) {
        out.push(`--proxy=${next}`);
        i++;
      } else {
        out.push(`--proxy=${DEFAULT_PROXY_URL}`);
      }
    } else {
      out.push(a);
    }
  }
  return out;
}

function intOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a non-negative integer, got "${value}"`);
  return n;
}

const DURATION_UNITS_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** kubectl's --request-timeout: a Go duration ("30s", "1m30s", "1.5h", "500ms"), or a bare integer
 *  of seconds; "0" is no timeout. */
export function parseDuration(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const parts = [...text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    throw new UsageError(`--${flag} must be a duration such as 30s, 1m30s or 0, got "${value}"`);
  }
  return Math.round(parts.reduce((ms, p) => ms + Number(p[1]) * DURATION_UNITS_MS[p[2]!]!, 0));
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: expandOptionalProxy(argv), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0].replace(/\. To specify a positional argument.*$/, ''));
  }
  const { values, positionals } = parsed;
  const first = positionals[0];
  let command: Command = 'tui';
  if (first === 'sandbox' || first === 'api-resources') command = first;
  else if (first !== undefined) throw new UsageError(`unknown command "${first}"`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);

  let namespaced: boolean | undefined;
  if (values.namespaced !== undefined) {
    if (values.namespaced !== 'true' && values.namespaced !== 'false') {
      throw new UsageError(`--namespaced must be true or false, got "${values.namespaced}"`);
    }
    namespaced = values.namespaced === 'true';
  }
  const output = values.output;
  if (output !== undefined && !['wide', 'json', 'name'].includes(output)) {
    throw new UsageError(`-o must be wide, json or name, got "${output}"`);
  }
  const cert = values.cert ?? values['client-certificate'];
  const key = values.key ?? values['client-key'];
  const cacert = values.cacert ?? values['certificate-authority'];
  if (values.server && (cert === undefined) !== (key === undefined)) {
    throw new UsageError('--cert and --key go together');
  }
  if ((values.proxy || values.demo) && [cert, key, cacert, values.token].some((v) => v !== undefined)) {
    throw new UsageError('--cert, --key, --cacert and --token go with --server or a kubeconfig, not --proxy or --demo');
  }
  if (values['as-group'] && !values.as) throw new UsageError("--as-group needs --as USER (kubectl's rule too)");
  if (values.namespace !== undefined && values['all-namespaces']) throw new UsageError('-n and -A exclude each other');
  const namespaceProblem = values.namespace ? namespaceNameProblem(values.namespace) : undefined;
  if (namespaceProblem) {
    // Checked here: a 100 KB value otherwise reached the header and every path (~30 s to the first frame).
    throw new InvalidValueError(
      `-n ${quoteForMessage(values.namespace!)} is not a valid namespace name: a namespace ${namespaceProblem}`,
    );
  }
  const kubeconfigFlags = values.kubeconfig ?? values.context ?? values.cluster ?? values.user;
  const modes = [values.demo, values.server, values.proxy, kubeconfigFlags].filter(
    (v) => v !== undefined && v !== false,
  );
  if (modes.length > 1)
    throw new UsageError('choose one connection: --demo, --server, --proxy or a kubeconfig (--kubeconfig/--context)');

  return {
    command,
    help: values.help ?? false,
    version: values.version ?? false,
    demo: values.demo ?? false,
    tour: values.tour ?? false,
    kubeconfig: values.kubeconfig,
    context: values.context,
    cluster: values.cluster,
    user: values.user,
    // `-n ''` is no namespace flag at all (kubectl: the context's namespace), not a blank one.
    namespace: values.namespace || undefined,
    allNamespaces: values['all-namespaces'] ?? false,
    server: values.server,
    cert,
    key,
    cacert,
    token: values.token,
    as: values.as,
    asGroups: values['as-group'],
    proxy: values.proxy,
    insecureSkipTlsVerify: values['insecure-skip-tls-verify'] ?? false,
    timeoutMs: parseDuration('request-timeout', values['request-timeout']),
    noCache: values['no-cache'] ?? false,
    port: intOption('port', values.port),
    dir: values.dir,
    pods: intOption('pods', values.pods),
    apiGroup: values['api-group'],
    namespaced,
    output: output as CliArgs['output'],
  };
}
