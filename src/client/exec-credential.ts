// kubectl's client-go credential plugins (`users[].user.exec`), run the way client-go runs them:
// - a relative `command` with a path separator is resolved against the kubeconfig's folder (a bare
//   name is looked up on PATH);
// - KUBERNETES_EXEC_INFO carries the ExecCredential spec (interactive: false: the terminal is the
//   explorer's), with the cluster when `provideClusterInfo` is set;
// - the credential is kept until its `expirationTimestamp` (for ever without one), and dropped when
//   the server answers 401, so the next request runs the plugin again.
// client-node's own runner does none of these (it re-runs a plugin without an expiry per request).
import { spawn } from 'node:child_process';
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

/** A plugin's run takes at most this long when requests have no deadline (--request-timeout 0). */
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
    /** The request deadline (0: none): a plugin silent for longer is stopped, with what it started. */
    private readonly timeoutMs = PLUGIN_TIMEOUT_MS,
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

  private async run(): Promise<ExecCredentialStatus> {
    const apiVersion = this.exec.apiVersion ?? 'client.authentication.k8s.io/v1';
    const spec = { interactive: false, ...(this.exec.provideClusterInfo ? { cluster: this.cluster() } : {}) };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...Object.fromEntries((this.exec.env ?? []).map((e) => [e.name, e.value])),
      KUBERNETES_EXEC_INFO: JSON.stringify({ apiVersion, kind: 'ExecCredential', spec }),
    };
    const command = execCommandPath(this.exec.command, this.kubeconfigDir);
    const timeoutMs = this.timeoutMs > 0 ? this.timeoutMs : PLUGIN_TIMEOUT_MS;
    const stdout = await runPlugin(command, this.exec.args ?? [], env, timeoutMs);
    let status: ExecCredentialStatus | undefined;
    try {
      status = (JSON.parse(stdout) as { status?: ExecCredentialStatus }).status;
      if (!status?.token && !status?.clientCertificateData) throw new Error('no token and no client certificate');
    } catch (e) {
      throw new Error(`the exec plugin ${command} printed no usable ExecCredential: ${(e as Error).message}`);
    }
    return status;
  }
}

/** What a plugin may print (an ExecCredential is a few KiB). */
const OUTPUT_MAX = 1 << 20;

/** Runs a plugin to its end and gives its stdout. It leads its own process group (detached), so a
 *  timeout ends what it started too (a shell script's `sleep`, a browser helper), not the plugin alone
 *  as execFile's timeout did (execFile does not pass `detached` on). */
function runPlugin(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolveRun, reject) => {
    // Not interactive: the terminal belongs to the explorer (stdin closed).
    const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let stopped: string | undefined;
    const stop = (why: string) => {
      stopped ??= why;
      killGroup(child.pid);
    };
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > OUTPUT_MAX) return stop(`printed more than ${OUTPUT_MAX} bytes and was stopped`);
      into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    const timer = setTimeout(() => stop(`did not answer within ${seconds(timeoutMs)} s and was stopped`), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`the exec plugin ${command} failed: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (stopped) return reject(new Error(`the exec plugin ${command} ${stopped}`));
      if (code !== 0) {
        const why = Buffer.concat(err).toString('utf8').trim() || `exit ${code ?? signal}`;
        return reject(new Error(`the exec plugin ${command} failed: ${why}`));
      }
      resolveRun(Buffer.concat(out).toString('utf8'));
    });
  });
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(ms % 1000 ? 1 : 0);
}

/** SIGKILL to a plugin's process group (its pid, as it leads the group); a plugin that hangs may be
 *  ignoring SIGTERM too. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* the group is gone already */
  }
}
