// Launches the explorer: the first frame at once, the connection (and for --demo the sandbox) behind it.
import { mkdtemp } from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { ConnectOptions, KubeApi } from '../client/types.js';
import type { ContextSwitcher } from '../ui/App.js';
import type { CliArgs } from './args.js';
import { fileURLToPath } from 'node:url';
import { startTarget } from './cache-server.js';
import { loadWithCodeCache } from './code-cache.js';
import { startupMark, writeStartupMarksAtExit } from './startup-marks.js';
import { firstPaint } from './first-paint.js';
import { DiscoveryCache } from '../client/discovery-cache.js';
import { DeferredApi } from './deferred-api.js';
import { provisionalConnection } from './provisional-connection.js';
import { killDescendants } from './children.js';
import { guardHeap } from './heap-guard.js';
import {
  enterFullScreen,
  exitOnSignals,
  installCrashHandlers,
  ownTerminalWith,
  reportCrash,
  restoreTerminal,
} from './terminal.js';

/** Connection warnings (TLS verification off, a remote kubectl proxy, ...) as stderr lines. */
export function warningLines(api: { connection: object } | undefined): string {
  const warnings = (api?.connection as { warnings?: unknown } | undefined)?.warnings;
  if (!Array.isArray(warnings)) return '';
  return warnings.map((w) => `kapi-tui: warning: ${String(w)}\n`).join('');
}

export async function runTui(args: CliArgs, version: string): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      'kapi-tui: the explorer needs an interactive terminal (stdin and stdout must be a TTY); ' +
        'for scripts use `kapi-tui api-resources` or `kapi-tui --help`\n',
    );
    return 2;
  }
  if (args.tour && !args.demo && wantsSandboxForTour(args)) args = { ...args, demo: true };
  const cleanups: (() => Promise<void> | void)[] = [];
  // Every cleanup starts at once, so the synchronous ones (removing the demo's keys) are done before
  // anything is awaited: a closed terminal's write error may end the process at the next tick.
  const cleanup = async () => {
    await Promise.all(
      cleanups
        .splice(0)
        .reverse()
        .map((c) => c()),
    );
  };
  // On a crash there is no time to wait: start every cleanup (the synchronous ones finish).
  const cleanupNow = () => {
    for (const c of cleanups.splice(0).reverse()) void c();
  };
  installCrashHandlers(cleanupNow);
  exitOnSignals(cleanup);
  guardHeap(({ usedMb, limitMb }) =>
    reportCrash(
      new Error(
        `out of memory: ${usedMb} MB of the ${limitMb} MB heap in use; stopped before Node's fatal error ` +
          '(ask for less: a namespace, or raise the limit with NODE_OPTIONS=--max-old-space-size=MB)',
      ),
      cleanupNow,
    ),
  );
  // Whatever ends the process (but SIGKILL): the demo folder goes, and no exec plugin outlives us.
  process.once('exit', () => {
    cleanupNow();
    killDescendants();
  });

  // The first frame must not wait for the network, the client library or the sandbox: render
  // with a stand-in API at once and connect in the background.
  // Ink switches live drawing off when CI or CONTINUOUS_INTEGRATION is set (is-in-ci, read when
  // Ink loads). We only get here with a real terminal on both ends, so draw.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  startupMark('tui: start');
  writeStartupMarksAtExit();
  // Where we connect (a small memo on a warm start, the kubeconfig otherwise): the header goes on
  // screen at once, before the explorer loads.
  const { api, cached } = await openApi(args, cleanups);
  const initialNamespace = args.allNamespaces ? null : args.namespace;
  enterFullScreen();
  // Keys typed from now on wait, unechoed, for the explorer (which would set raw mode only after its
  // first frame: the first frame may now already show the tree, and a quick key would be echoed).
  process.stdin.setRawMode(true);
  firstPaint(
    api.connection,
    initialNamespace === null ? undefined : (initialNamespace ?? api.connection.namespace),
    version,
  );
  startupMark('tui: header painted');
  const cachedTree = await cached?.catch(() => undefined);
  // No cached tree to draw: discovery is asked for now, and the explorer's first frame waits for the
  // answer (up to FIRST_TREE_WAIT_MS; the header is on screen meanwhile), so that it shows the tree
  // rather than spinners followed by a second full draw. (Not for --demo, whose connection starts
  // the sandbox in this process.)
  const prefetching = !cachedTree && !args.demo;
  if (prefetching) api.prefetchDiscovery();
  const { launchApp, saveCodeCache } = await loadExplorer();
  startupMark('tui: explorer loaded');
  const initialDiscovery = prefetching ? await api.prefetchedWithin(FIRST_TREE_WAIT_MS) : cachedTree;
  startupMark('tui: connection and cached tree ready');
  try {
    await launchApp(
      api,
      {
        version,
        initialNamespace,
        replacesFirstPaint: true,
        startTour: args.tour,
        initialDiscovery,
        contexts: usesKubeconfig(args) ? contextSwitcher(args, cleanups) : undefined,
      },
      ownTerminalWith,
    );
  } catch (err) {
    // A render error (Ink exits with it): same treatment as any crash, one line and a report file.
    reportCrash(err, cleanupNow);
  }
  restoreTerminal();
  // Now that the start-up's functions are compiled (and the terminal is the shell's again).
  saveCodeCache?.();
  // The header showed them; repeat them where they stay visible (the shell's scrollback).
  process.stderr.write(warningLines(api));
  await cleanup();
  // Quit with q, or ended by a signal (its handler set the code it exits with).
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  // Sockets of a watch or a slow request must not keep the process alive after `q`.
  setImmediate(() => process.exit(code)).unref();
  return code;
}

type Explorer = Pick<typeof import('../ui/launch.js'), 'launchApp'> & { saveCodeCache?: () => void };

/** The explorer: the built CLI's dist/launch.cjs through the V8 code cache (src/cli/code-cache.ts),
 *  else (running from src, as the tests do) the ES module. */
function loadExplorer(): Promise<Explorer> {
  const bundle = fileURLToPath(new URL('./launch.cjs', import.meta.url));
  if (!existsSync(bundle)) return import('../ui/launch.js');
  const loaded = loadWithCodeCache<Explorer>(bundle);
  return Promise.resolve({ launchApp: loaded.exports.launchApp, saveCodeCache: loaded.save });
}

/** A client standing in at once for the connection `args` describe (connecting behind it), and the
 *  cached discovery read meanwhile: a warm start draws the tree in its very first frame. The start
 *  target (a small memo on a warm start) comes first: the first frame must already show the
 *  kubeconfig context's namespace, which the explorer takes at mount. */
async function openApi(args: CliArgs, cleanups: (() => Promise<void> | void)[]) {
  const target = await startTarget(args).catch(() => ({ server: undefined, namespace: args.namespace }));
  const cached = args.noCache || !target.server ? undefined : new DiscoveryCache().load(target.server);
  const provisional = provisionalConnection(args, target.namespace);
  const api = new DeferredApi(provisional, () => connectFor(args, cleanups), cached && (() => cached));
  return { api, cached };
}

/** How long a cold start's first frame waits for the server's discovery (a local cluster answers
 *  well within it; a distant or slow one gets spinners first, as before). */
const FIRST_TREE_WAIT_MS = 250;

/** The connection comes from a kubeconfig context (not --server, --proxy or the sandbox). */
function usesKubeconfig(args: CliArgs): boolean {
  return !args.demo && !args.server && !args.proxy;
}

/** `:ctx`: the kubeconfig's contexts, and a client for another one (its own namespace, not -n). */
function contextSwitcher(args: CliArgs, cleanups: (() => Promise<void> | void)[]): ContextSwitcher {
  return {
    list: async () => (await import('../client/contexts.js')).listContexts(args),
    open: async (name) => {
      const next = await openApi({ ...args, context: name, namespace: undefined }, cleanups);
      return { api: next.api, initialDiscovery: await next.cached?.catch(() => undefined) };
    },
  };
}

/** Sets up the real client (starting the sandbox first for --demo). Rejects with the reason the
 *  connection cannot be made; the UI then explains it in place. */
async function connectFor(args: CliArgs, cleanups: (() => Promise<void> | void)[]): Promise<KubeApi> {
  const client = await import('../client/index.js');
  let opts: ConnectOptions = args;
  if (args.demo) {
    const { startSandbox } = await import('../sandbox/server.js');
    const { DEMO_TICK_MS } = await import('../sandbox/objects.js');
    const dir = await mkdtemp(join(tmpdir(), 'kapi-tui-demo-'));
    // Synchronous on purpose: the crash and signal paths exit right after calling the cleanups.
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const sb = await startSandbox({ dir, pods: args.pods, watchIntervalMs: DEMO_TICK_MS });
    cleanups.push(() => sb.close());
    opts = { ...args, kubeconfig: sb.files!.kubeconfig, demo: true };
  }
  // The demo's sandbox listens on a new port each run: a cache file per run would only pile up.
  const cache = args.noCache || args.demo ? undefined : new client.DiscoveryCache();
  return new client.ApiClient(await client.connect(opts), { discoveryCache: cache });
}

/** `kapi-tui --tour` for a learner with no cluster: no connection flag and no kubeconfig to fall
 *  back on means the tour runs on the embedded sandbox. */
function wantsSandboxForTour(args: CliArgs): boolean {
  if (args.server || args.proxy || args.kubeconfig || args.context) return false;
  const env = process.env.KUBECONFIG;
  if (env) return !env.split(delimiter).some((f) => f && existsSync(f));
  return !existsSync(join(homedir(), '.kube', 'config'));
}
