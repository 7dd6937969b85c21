// Child processes for tests: run a command to completion, or start a long-running one and wait for
// a line on its output (an event, not a sleep).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { it } from 'vitest';

export function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env, maxBuffer: 64 << 20, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err
        ? typeof (err as NodeJS.ErrnoException).code === 'number'
          ? ((err as any).code as number)
          : 1
        : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Starts a process and resolves with the first match of `pattern` on stdout/stderr. */
export function startAndWaitFor(
  cmd: string,
  args: string[],
  pattern: RegExp,
  timeoutMs = 20_000,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let seen = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${cmd} did not print ${pattern} within ${timeoutMs} ms; output: ${seen}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      seen += d.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} exited with ${code} before printing ${pattern}; output: ${seen}`));
    });
  });
}

export const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));

/** kubectl is the reference client. Without it a test is skipped (reported as skipped, never as
 *  passed) — except in CI, where it runs and fails. */
export const itWithKubectl = it.skipIf(!KUBECTL && process.env.CI !== 'true');

export function requireKubectl(): string {
  if (!KUBECTL) throw new Error('kubectl is required (CI=true) but was not found on this machine');
  return KUBECTL;
}
