// Command-line parsing with node:util parseArgs: no dependency, nothing to load at start-up.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ConnectOptions } from '../client/types.js';
import { DEFAULT_PROXY_URL } from '../model/proxy.js';

export const USAGE = `kapi-tui — explore the Kubernetes API from the terminal

Usage:
  kapi-tui [connection flags]            open the explorer
  kapi-tui --demo                        open the explorer on the embedded sandbox
  kapi-tui sandbox [--port N] [--dir DIR] [--pods N]
                                         run the sandbox API server in the foreground
  kapi-tui api-resources [--api-group G] [--namespaced=true|false] [-o wide|json]
                                         print the API resources like kubectl api-resources

Connection (pick one; default: the kubeconfig's current context):
  --kubeconfig FILE        kubeconfig file (else $KUBECONFIG, else ~/.kube/config)
  --context NAME           kubeconfig context
  --server URL --cert FILE --key FILE --cacert FILE
                           explicit certificates, like curl
  --token TOKEN            bearer token (with --server)
  --proxy [URL]            a running \`kubectl proxy\` (default ${DEFAULT_PROXY_URL})
  --demo                   start the embedded sandbox and connect as its admin
  --tour                   open the guided tour of the API (on the sandbox when no kubeconfig exists)
  --insecure-skip-tls-verify
                           do not verify the server's certificate (shown as a warning)
  --request-timeout DURATION
                           give up on a request after this long (e.g. 30s, 2m; 0 = never; default 15s)

Other:
  -n, --namespace NS       namespace to start in
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
  noCache: boolean;
  port?: number;
  dir?: string;
  pods?: number;
  apiGroup?: string;
  namespaced?: boolean;
  output?: 'wide' | 'json' | 'name';
}

export class UsageError extends Error {}

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

/** kubectl-style durations: "30s", "2m", "1h", "500ms"; a bare number is seconds; "0" is no timeout. */
export function parseDuration(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  if (!m) throw new UsageError(`--${flag} must be a duration such as 30s, 2m or 0, got "${value}"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number(m[1]) * unit);
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
  const certFlags = [values.cert, values.key, values.cacert, values.token].some((v) => v !== undefined);
  if (certFlags && !values.server) throw new UsageError('--cert, --key, --cacert and --token need --server URL');
  if (values.server && (values.cert === undefined) !== (values.key === undefined)) {
    throw new UsageError('--cert and --key go together');
  }
  const modes = [values.demo, values.server, values.proxy, values.kubeconfig ?? values.context].filter((v) => v !== undefined && v !== false);
  if (modes.length > 1) throw new UsageError('choose one connection: --demo, --server, --proxy or a kubeconfig (--kubeconfig/--context)');

  return {
    command,
    help: values.help ?? false,
    version: values.version ?? false,
    demo: values.demo ?? false,
    tour: values.tour ?? false,
    kubeconfig: values.kubeconfig,
    context: values.context,
    namespace: values.namespace,
    server: values.server,
    cert: values.cert,
    key: values.key,
    cacert: values.cacert,
    token: values.token,
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
