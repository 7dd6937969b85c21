// Which API server a run will talk to, and in which namespace it starts, known from the command line
// and the kubeconfig alone: the discovery cache is read, and the first frame drawn in the right
// namespace, before the Kubernetes client library has even loaded.
//
// Parsing the kubeconfig needs the YAML parser (loading and first use cost ~15 ms, before the
// first frame). So the answer is remembered per kubeconfig file set, keyed by each file's size and
// modification time and the --context flag: a warm start reads one small JSON file instead. A stale
// answer could only show another server's cached tree for a moment: the real connection
// revalidates it at once.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultCacheDir, writeCacheFile } from '../client/discovery-cache.js';
import { kubeconfigFiles, resolveServer } from '../client/server.js';
import { namespaceNameProblem } from '../model/names.js';
import type { CliArgs } from './args.js';

/** Remembered answers; a few kubeconfig set-ups per user at most. */
const MEMO_ENTRIES = 16;

/** What the kubeconfig says before connecting: its context's server and namespace (either may be unset). */
export interface StartTarget {
  server?: string;
  namespace?: string;
}

/** What identifies the kubeconfig's content without reading it: each file's size and mtime. */
function memoKey(files: string[], selection: (string | undefined)[]): string {
  const stamps = files.map((f) => {
    try {
      const s = statSync(f);
      return `${f}@${s.size}:${s.mtimeMs}`;
    } catch {
      return `${f}@missing`;
    }
  });
  return JSON.stringify([stamps, ...selection.map((s) => s ?? null)]);
}

type Memo = Record<string, StartTarget>;

function readMemo(file: string): Memo {
  try {
    const memo = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return memo && typeof memo === 'object' && !Array.isArray(memo) ? (memo as Memo) : {};
  } catch {
    return {};
  }
}

/** The server URL the discovery cache is keyed by (the one the connection will use: resolveServer)
 *  and the namespace to start in (-n, else the context's). The server is undefined when it cannot be
 *  known cheaply (the demo's sandbox gets a new port each run) or the flags are unusable (the
 *  connection explains why). */
export async function startTarget(args: CliArgs, env: NodeJS.ProcessEnv = process.env): Promise<StartTarget> {
  const target = await kubeconfigTarget(args, env);
  // A context's namespace that kube would refuse (a 100 KB one stalled the first frame) is not shown:
  // the connection reports it.
  const contextNamespace =
    target.namespace !== undefined && !namespaceNameProblem(target.namespace) ? target.namespace : undefined;
  return { ...target, namespace: args.namespace ?? contextNamespace };
}

async function kubeconfigTarget(args: CliArgs, env: NodeJS.ProcessEnv): Promise<StartTarget> {
  if (args.demo) return {};
  if (args.proxy || args.server) return { server: flagServer(args) };
  const files = kubeconfigFiles(args, env);
  // Named for what it holds now: server and namespace (an older file held the server alone).
  const memoFile = join(dirname(defaultCacheDir(env)), 'kubeconfig-targets.json');
  const key = memoKey(files, [args.context, args.cluster]);
  const memo = readMemo(memoFile);
  if (key in memo) return memo[key]!;

  // Loaded only now: it brings the YAML parser, which a warm start does without.
  const { LiteKubeConfig } = await import('../client/kubeconfig-lite.js');
  const kubeconfig = new LiteKubeConfig();
  try {
    kubeconfig.loadFromFiles(files);
  } catch {
    /* malformed: the real connection reports it; what loaded before it still counts */
  }
  const context = kubeconfig.getContextObject(args.context ?? kubeconfig.getCurrentContext());
  const target: StartTarget = { server: resolveServer(args, kubeconfig), namespace: context?.namespace };
  // Newest last; the oldest answers make room.
  const entries = Object.entries(memo)
    .filter(([k]) => k !== key)
    .slice(-(MEMO_ENTRIES - 1));
  await writeCacheFile(memoFile, JSON.stringify(Object.fromEntries([...entries, [key, target]])));
  return target;
}

function flagServer(args: CliArgs): string | undefined {
  try {
    return resolveServer(args);
  } catch {
    return undefined;
  }
}
