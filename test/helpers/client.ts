// Shared helpers for the client tests: the sandbox, a real `kubectl proxy`, temp dirs, rejections.
import { spawn, type ChildProcess } from 'node:child_process';
import { expect } from 'vitest';
import { KUBECTL as FOUND_KUBECTL } from './processes.js';
import { KubeError } from '../../src/client/errors.js';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One place finds kubectl (processes.ts); a missing one is handled by toolMissing below.
export const KUBECTL = FOUND_KUBECTL ?? '/usr/bin/kubectl';
export const CURL = '/usr/bin/curl';

export function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Skip when a tool is missing, except in CI where it must be there. */
export function toolMissing(path: string): boolean {
  if (executable(path)) return false;
  if (process.env.CI === 'true') throw new Error(`${path} is required in CI`);
  return true;
}

export function tempDir(prefix = 'kapi-client-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface KubectlProxy {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Start `kubectl proxy --port=0` and resolve with its URL once it prints "Starting to serve on ...". */
export function startKubectlProxy(kubeconfig: string): Promise<KubectlProxy> {
  return new Promise((resolve, reject) => {
    const child = spawn(KUBECTL, ['proxy', '--port=0', '--kubeconfig', kubeconfig], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    };
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => (err += d));
    child.stdout!.on('data', (d: string) => {
      out += d;
      const m = /Starting to serve on ([^\s]+)/.exec(out);
      if (m) resolve({ url: `http://${m[1]}`, process: child, stop });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`kubectl proxy exited (${code}): ${err || out}`)));
  });
}

export { startSandbox } from '../../src/sandbox/server.js';
export { createCertificateAuthority } from '../../src/sandbox/certs.js';

/** The KubeError a promise rejects with (fails the test if it resolves or rejects otherwise). */
export async function rejection(p: Promise<unknown>): Promise<KubeError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(KubeError);
    return e as KubeError;
  }
  throw new Error('expected a rejection');
}
