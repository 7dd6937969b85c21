// The test bed's own promises: `npm run testbed` stops etcd and kube-apiserver on Ctrl-C and when
// it is killed outright, and a busy port is one clear line.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeReal } from './helpers/real.js';

const SCRIPT = resolve(import.meta.dirname, '../scripts/testbed.mjs');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kapi-real-testbed-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `node scripts/testbed.mjs ARGS` until it prints `until` (or exits); returns it and its output. */
/** Scripts still running when a test ends (it failed half-way): SIGTERM, which stops their servers. */
const running = new Set<ReturnType<typeof spawn>>();
afterEach(async () => {
  for (const child of running) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  running.clear();
});

function startScript(args: string[], until: RegExp) {
  const child = spawn(process.execPath, [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let out = '';
  const exited = new Promise<number | null>((r) =>
    child.on('exit', (code, signal) => r(code ?? (signal ? 128 : null))),
  );
  const ready = new Promise<void>((res, rej) => {
    const on = (d: Buffer) => {
      out += d.toString();
      if (until.test(out)) res();
    };
    child.stdout.on('data', on);
    child.stderr.on('data', on);
    void exited.then((code) => rej(new Error(`testbed exited (${code}) before ${until}: ${out}`)));
  });
  ready.catch(() => undefined); // awaited by the tests that expect it; the others wait for the exit

  return { child, exited, ready, output: () => out };
}

/** The pids of the processes whose parent is `pid`. */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls until none of `pids` runs (the event is their exit; the deadline only bounds the wait). */
async function allGone(pids: number[], timeoutMs = 20_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!pids.some(alive)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describeReal('npm run testbed', () => {
  it('SIGINT (Ctrl-C) stops etcd and kube-apiserver; SIGKILL of the script stops them too', async () => {
    for (const signal of ['SIGINT', 'SIGKILL'] as const) {
      const run = startScript(['--dir', join(dir, signal)], /Press Ctrl-C to stop/);
      await run.ready;
      expect(run.output()).toMatch(/kubectl --kubeconfig \S+\/kubeconfig-jane get pods -n team-a/);
      const pids = childrenOf(run.child.pid!);
      const names = pids
        .map((p) => execFileSync('ps', ['-o', 'comm=', '-p', String(p)], { encoding: 'utf8' }).trim())
        .sort();
      expect(names).toEqual(['etcd', 'kube-apiserver']);
      run.child.kill(signal);
      expect(await run.exited).toBe(signal === 'SIGINT' ? 0 : 128);
      expect(await allGone(pids), `${signal}: still running: ${pids.filter(alive)}`).toBe(true);
    }
  }, 90_000);

  it('a port in use is one line that says so', async () => {
    const busy: Server = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    try {
      const run = startScript(['--dir', join(dir, 'busy'), '--port', String(port)], /$^/);
      expect(await run.exited).toBe(1);
      expect(run.output()).toBe(
        `testbed: port ${port} is already in use; pick another with --port or omit it for a free one\n`,
      );
    } finally {
      busy.close();
    }
  });
});
