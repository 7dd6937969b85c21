// Launches the explorer: resolve the connection (starting the sandbox for --demo), then render.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectOptions, KubeApi } from '../client/types.js';
import type { CliArgs } from './args.js';
import { failedApi } from './failed-api.js';
import { enterFullScreen, installCrashHandlers, restoreTerminal } from './terminal.js';

export function connectOptionsFrom(args: CliArgs): ConnectOptions {
  return {
    kubeconfig: args.kubeconfig,
    context: args.context,
    namespace: args.namespace,
    server: args.server,
    cert: args.cert,
    key: args.key,
    cacert: args.cacert,
    token: args.token,
    proxy: args.proxy,
    insecureSkipTlsVerify: args.insecureSkipTlsVerify,
  };
}

export async function runTui(args: CliArgs, version: string): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      'kapi-tui: the explorer needs an interactive terminal (stdin and stdout must be a TTY); ' +
        'for scripts use `kapi-tui api-resources` or `kapi-tui --help`\n',
    );
    return 2;
  }
  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  };
  installCrashHandlers(() => void cleanup());

  const [{ launchApp }, client] = await Promise.all([import('../ui/launch.js'), import('../client/index.js')]);

  let api: KubeApi;
  try {
    const opts = connectOptionsFrom(args);
    if (args.demo) {
      const { startSandbox } = await import('../sandbox/server.js');
      const dir = await mkdtemp(join(tmpdir(), 'kapi-tui-demo-'));
      const sb = await startSandbox({ dir, pods: args.pods });
      cleanups.push(() => sb.close(), () => rm(dir, { recursive: true, force: true }));
      Object.assign(opts, { kubeconfig: sb.files!.kubeconfig, demo: true });
    }
    api = new client.ApiClient(await client.connect(opts), { discoveryCache: args.noCache ? undefined : new client.DiscoveryCache() });
  } catch (err) {
    api = failedApi(args, err);
  }

  enterFullScreen();
  await launchApp(api, { version, initialNamespace: args.namespace });
  restoreTerminal();
  await cleanup();
  // Sockets of a watch or a slow request must not keep the process alive after `q`.
  setImmediate(() => process.exit(0)).unref();
  return 0;
}
