// Which API server a run will talk to, known from the command line and the kubeconfig alone, so the
// discovery cache can be read before the Kubernetes client library has even loaded.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import type { CliArgs } from './args.js';

interface KubeconfigDoc {
  'current-context'?: string;
  contexts?: { name: string; context?: { cluster?: string } }[];
  clusters?: { name: string; cluster?: { server?: string } }[];
}

function readKubeconfigs(args: CliArgs, env: NodeJS.ProcessEnv): KubeconfigDoc[] {
  const files = args.kubeconfig
    ? [args.kubeconfig]
    : env.KUBECONFIG
      ? env.KUBECONFIG.split(delimiter).filter(Boolean)
      : [join(env.HOME || homedir(), '.kube', 'config')];
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

/** The server URL the discovery cache is keyed by, or undefined when it cannot be known cheaply
 *  (the demo's sandbox gets a new port each run). Merging follows kubectl: first match wins. */
export function cacheServer(args: CliArgs, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (args.demo) return undefined;
  if (args.proxy) return args.proxy;
  if (args.server) return args.server;
  const docs = readKubeconfigs(args, env);
  const contextName = args.context ?? docs.find((d) => d['current-context'])?.['current-context'];
  const clusterName = docs.flatMap((d) => d.contexts ?? []).find((c) => c.name === contextName)?.context?.cluster;
  return docs.flatMap((d) => d.clusters ?? []).find((c) => c.name === clusterName)?.cluster?.server;
}
