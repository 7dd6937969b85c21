// What the header can say about the connection before it is set up, from the command line alone.
import { basename } from 'node:path';
import type { Connection } from '../client/types.js';
import type { CliArgs } from './args.js';
import { CONNECTING } from './deferred-api.js';

/** `namespace`: the one to start in as far as known before connecting (-n, else the kubeconfig context's). */
export function provisionalConnection(args: CliArgs, namespace = args.namespace): Connection {
  return {
    mode: args.demo ? 'demo' : args.proxy ? 'proxy' : args.server ? 'certificates' : 'kubeconfig',
    server: args.proxy ?? args.server ?? (args.demo ? 'starting the sandbox…' : CONNECTING),
    context: args.context,
    user: args.cert ? `certificate ${basename(args.cert)}` : args.token ? 'bearer token' : undefined,
    namespace: namespace ?? 'default',
    insecure: args.insecureSkipTlsVerify,
    kubectlArgs: [],
  };
}
