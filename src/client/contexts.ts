// The kubeconfig's contexts, for `:ctx`: read from the same files, merged the same way, as the
// connection reads them (kubeconfigFiles, LiteKubeConfig), so the list is kubectl's
// `config get-contexts`.
import { existsSync } from 'node:fs';
import type { ConnectOptions } from './types.js';
import { kubeconfigFiles } from './server.js';
import { LiteKubeConfig } from './kubeconfig-lite.js';

export interface KubeContexts {
  names: string[];
  /** The context in use: --context, else the kubeconfig's current-context. */
  current?: string;
}

/** Contexts of the kubeconfig (missing files are skipped, as kubectl does). Empty without a kubeconfig. */
export function listContexts(opts: Pick<ConnectOptions, 'kubeconfig' | 'context'>, env = process.env): KubeContexts {
  const files = kubeconfigFiles(opts, env).filter((f) => existsSync(f));
  if (!files.length) return { names: [] };
  const kc = new LiteKubeConfig();
  kc.loadFromFiles(files);
  const names = kc.getContexts().map((c) => c.name);
  return { names, current: opts.context ?? (kc.getCurrentContext() || undefined) };
}
