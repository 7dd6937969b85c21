// kubectl's client-go credential plugins (`users[].user.exec`), run the way client-go runs them:
// - a relative `command` with a path separator is resolved against the kubeconfig's folder (a bare
//   name is looked up on PATH);
// - KUBERNETES_EXEC_INFO carries the ExecCredential spec (interactive: false: the terminal is the
//   explorer's), with the cluster when `provideClusterInfo` is set;
// - the credential is kept until its `expirationTimestamp` (for ever without one), and dropped when
//   the server answers 401, so the next request runs the plugin again.
// client-node's own runner does none of these (it re-runs a plugin without an expiry per request).
import { execFile } from 'node:child_process';
import { isAbsolute, resolve, sep } from 'node:path';

/** The kubeconfig's exec entry, as written. */
export interface ExecConfig {
  command: string;
  args?: string[];
  env?: { name: string; value: string }[];
  apiVersion?: string;
  provideClusterInfo?: boolean;
}

/** The cluster as client-go hands it to a plugin (ExecCredential spec.cluster). */
export interface ExecClusterInfo {
  server: string;
  'tls-server-name'?: string;
  'insecure-skip-tls-verify'?: boolean;
  'certificate-authority-data'?: string;
  'proxy-url'?: string;
  config?: unknown;
}

/** What a plugin answered (ExecCredential status). */
export interface ExecCredentialStatus {
  token?: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  expirationTimestamp?: string;
}

/** A plugin's run takes at most this long; the request's own deadline usually ends the wait first. */
const PLUGIN_TIMEOUT_MS = 60_000;

/** The command as client-go runs it: relative paths with a separator are the kubeconfig folder's. */
export function execCommandPath(command: string, kubeconfigDir: string): string {
  if (isAbsolute(command) || !command.includes(sep)) return command;
  return resolve(kubeconfigDir, command);
}

export class ExecCredentialPlugin {
  private cached?: ExecCredentialStatus;
  private running?: Promise<ExecCredentialStatus>;

  constructor(
    private readonly exec: ExecConfig,
    private readonly kubeconfigDir: string,
    private readonly cluster: () => ExecClusterInfo,
  ) {}

  /** The current credential: the cached one while it has not expired, else a fresh run (shared by
   *  the requests that ask meanwhile). */
  async credential(): Promise<ExecCredentialStatus> {
    const c = this.cached;
    if (c && (!c.expirationTimestamp || Date.parse(c.expirationTimestamp) > Date.now())) return c;
    this.running ??= this.run().finally(() => (this.running = undefined));
    this.cached = await this.running;
    return this.cached;
  }

  /** The server rejected the credential (401): the next request runs the plugin again. Says whether
   *  there was one to drop (then a retry can succeed). */
  forget(): boolean {
    const had = this.cached !== undefined;
    this.cached = undefined;
    return had;
  }

  private run(): Promise<ExecCredentialStatus> {
    const apiVersion = this.exec.apiVersion ?? 'client.authentication.k8s.io/v1';
    const spec = { interactive: false, ...(this.exec.provideClusterInfo ? { cluster: this.cluster() } : {}) };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...Object.fromEntries((this.exec.env ?? []).map((e) => [e.name, e.value])),
      KUBERNETES_EXEC_INFO: JSON.stringify({ apiVersion, kind: 'ExecCredential', spec }),
    };
    const command = execCommandPath(this.exec.command, this.kubeconfigDir);
    return new Promise((resolveRun, reject) => {
      const child = execFile(
        command,
        this.exec.args ?? [],
        { env, timeout: PLUGIN_TIMEOUT_MS, maxBuffer: 1 << 20 },
        (err, stdout, stderr) => {
          if (err) {
            const why = stderr.trim() || err.message;
            return reject(new Error(`the exec plugin ${command} failed: ${why}`));
          }
          try {
            const status = (JSON.parse(stdout) as { status?: ExecCredentialStatus }).status;
            if (!status?.token && !status?.clientCertificateData) throw new Error('no token and no client certificate');
            resolveRun(status);
          } catch (e) {
            reject(new Error(`the exec plugin ${command} printed no usable ExecCredential: ${(e as Error).message}`));
          }
        },
      );
      // Not interactive: the terminal belongs to the explorer.
      child.stdin?.end();
    });
  }
}
