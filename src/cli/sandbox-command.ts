// `kapi-tui sandbox`: run the embedded API server in the foreground and print how to reach it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/server.js';
import type { CliArgs } from './args.js';

/** Signals that end the sandbox: Ctrl-C, kill, a closed terminal, Ctrl-\. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

export async function runSandboxCommand(args: CliArgs): Promise<number> {
  // Without --dir, a fresh private folder (0700) each run: a fixed /tmp path could be pre-created
  // by another user. It is removed when the sandbox stops, like its keys' usefulness.
  const temporary = args.dir === undefined;
  let dir: string | undefined;
  let sb;
  try {
    dir = args.dir ?? (await mkdtemp(join(tmpdir(), 'kapi-tui-sandbox-')));
    sb = await startSandbox({ port: args.port ?? 0, dir, pods: args.pods });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE')
      process.stderr.write(
        `kapi-tui sandbox: port ${args.port} is already in use; pick another with --port or omit it for a free one\n`,
      );
    else process.stderr.write(`kapi-tui sandbox: ${e.message}\n`);
    if (temporary && dir) await rm(dir, { recursive: true, force: true });
    return 1;
  }
  const f = sb.files!;
  // Listening for the stop signals before saying where the files are: whoever reads that line may
  // stop us at once (stdout to a pipe is written synchronously on Linux).
  const stopped = new Promise<void>((resolve) => {
    for (const signal of STOP_SIGNALS) process.once(signal, resolve);
  });
  process.stdout.write(`Sandbox Kubernetes API server listening on ${sb.url}
Credentials and kubeconfigs written to ${f.dir}

Try it:
  curl --cert ${f.adminCert} --key ${f.adminKey} --cacert ${f.ca} ${sb.url}/version
  curl --cert ${f.adminCert} --key ${f.adminKey} --cacert ${f.ca} ${sb.url}/apis/apps/v1
  curl --cacert ${f.ca} ${sb.url}/api            # anonymous: 403
  kubectl --kubeconfig ${f.kubeconfig} api-resources
  kubectl --kubeconfig ${f.kubeconfig} get pods -A
  kubectl --kubeconfig ${f.kubeconfig} get --raw /
  kubectl --kubeconfig ${f.kubeconfigJane} get pods -n team-a     # jane: only pods in team-a
  kubectl --kubeconfig ${f.kubeconfig} proxy --port 8001          # then: curl http://127.0.0.1:8001/api
  kapi-tui --kubeconfig ${f.kubeconfig}
  kapi-tui --server ${sb.url} --cert ${f.adminCert} --key ${f.adminKey} --cacert ${f.ca}

Press Ctrl-C to stop.
`);
  await stopped;
  await sb.close();
  if (temporary) await rm(f.dir, { recursive: true, force: true });
  return 0;
}
