// Which API server a run will talk to, known from the command line and the kubeconfig alone, so the
// discovery cache can be read before the Kubernetes client library has even loaded.
//
// Parsing the kubeconfig needs the YAML parser (loading and first use cost ~15 ms, before the
// first frame). So the answer is remembered per kubeconfig file set, keyed by each file's size and
// modification time and the --context flag: a warm start reads one small JSON file instead. A stale
// answer could only show another server's cached tree for a moment: the real connection
// revalidates it at once.
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { defaultCacheDir, writeCacheFile } from '../client/discovery-cache.js';
import { loadYaml } from '../client/load-yaml.js';
import type { CliArgs } from './args.js';

interface KubeconfigDoc {
  'current-context'?: string;
  contexts?: { name: string; context?: { cluster?: string } }[];
  clusters?: { name: string; cluster?: { server?: string } }[];
}

/** Remembered answers; a few kubeconfig set-ups per user at most. */
const MEMO_ENTRIES = 16;

function kubeconfigFiles(args: CliArgs, env: NodeJS.ProcessEnv): string[] {
  if (args.kubeconfig) return [args.kubeconfig];
  if (env.KUBECONFIG) return env.KUBECONFIG.split(delimiter).filter(Boolean);
  return [join(env.HOME || homedir(), '.kube', 'config')];
}

async function readKubeconfigs(files: string[]): Promise<KubeconfigDoc[]> {
  const { parse } = await loadYaml();
  const docs: KubeconfigDoc[] = [];
  for (const f of files) {
    try {
      const doc = parse(readFileSync(f, 'utf8')) as KubeconfigDoc | null;
      if (doc && typeof doc === 'object') docs.push(doc);
    } catch {
      /* unreadable or malformed: the real connection reports it */
    }
  }
  return docs;
}

/** What identifies the kubeconfig's content without reading it: each file's size and mtime. */
function memoKey(files: string[], context: string | undefined): string {
  const stamps = files.map((f) => {
    try {
      const s = statSync(f);
      return `${f}@${s.size}:${s.mtimeMs}`;
    } catch {
      return `${f}@missing`;
    }
  });
  return JSON.stringify([stamps, context ?? null]);
}

type Memo = Record<string, string | null>;

function readMemo(file: string): Memo {
  try {
    const memo = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return memo && typeof memo === 'object' && !Array.isArray(memo) ? (memo as Memo) : {};
  } catch {
    return {};
  }
}

/** The server URL the discovery cache is keyed by, or undefined when it cannot be known cheaply
 *  (the demo's sandbox gets a new port each run). Merging follows kubectl: first match wins. */
export async function cacheServer(args: CliArgs, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  if (args.demo) return undefined;
  if (args.proxy) return args.proxy;
  if (args.server) return args.server;
  const files = kubeconfigFiles(args, env);
  const memoFile = join(dirname(defaultCacheDir(env)), 'kubeconfig-servers.json');
  const key = memoKey(files, args.context);
  const memo = readMemo(memoFile);
  if (key in memo) return memo[key] ?? undefined;

  const docs = await readKubeconfigs(files);
  const contextName = args.context ?? docs.find((d) => d['current-context'])?.['current-context'];
  const clusterName = docs.flatMap((d) => d.contexts ?? []).find((c) => c.name === contextName)?.context?.cluster;
  const server = docs.flatMap((d) => d.clusters ?? []).find((c) => c.name === clusterName)?.cluster?.server;
  // Newest last; the oldest answers make room.
  const entries = Object.entries(memo).filter(([k]) => k !== key).slice(-(MEMO_ENTRIES - 1));
  await writeCacheFile(memoFile, JSON.stringify(Object.fromEntries([...entries, [key, server ?? null]])));
  return server;
}
