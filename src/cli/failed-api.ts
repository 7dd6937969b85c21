// When the connection cannot even be set up (missing cert file, bad kubeconfig, unknown context),
// the explorer still opens: every call fails with that error, which the UI explains in place.
import type { Connection, KubeApi } from '../client/types.js';
import type { CliArgs } from './args.js';

export function failedApi(args: CliArgs, error: unknown): KubeApi {
  const connection: Connection = {
    mode: args.demo ? 'demo' : args.proxy ? 'proxy' : args.server ? 'certificates' : 'kubeconfig',
    server: args.proxy ?? args.server ?? '(not connected)',
    context: args.context,
    namespace: args.namespace ?? 'default',
    insecure: args.insecureSkipTlsVerify,
    curlAuthArgs: [],
    kubectlArgs: [],
  };
  const fail = () => Promise.reject(error);
  return {
    connection,
    getRaw: fail,
    discover: fail,
    version: fail,
    list: fail,
    get: fail,
    watch: () => ({ stop() {}, done: Promise.resolve() }),
    onRequest: () => () => {},
  };
}
