// Builds the test bed's Go binaries (testbed/bin/kube-apiserver, testbed/bin/etcd) when they are
// missing or older than their sources. The first build compiles Kubernetes (minutes); later ones
// are skipped, or take seconds from Go's build cache.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const TESTBED_ROOT = resolve(import.meta.dirname, '../../testbed');
export const TESTBED_BIN = join(TESTBED_ROOT, 'bin');
export const BINARIES = ['kube-apiserver', 'etcd'] as const;

/** The Kubernetes version the test bed builds; /version reports it through these link flags
 *  (what Kubernetes' own build sets with hack/lib/version.sh). */
export const KUBE_VERSION = 'v1.34.4';
const LDFLAGS = [
  `-X k8s.io/component-base/version.gitVersion=${KUBE_VERSION}`,
  '-X k8s.io/component-base/version.gitMajor=1',
  '-X k8s.io/component-base/version.gitMinor=34',
  '-X k8s.io/component-base/version.gitTreeState=clean',
].join(' ');

/** A failure the harness explains in one line (Go missing, build failed, port in use, ...). */
export class TestbedError extends Error {}

/** `go` from PATH, else the machine image's /usr/local/go/bin/go; undefined if neither exists. */
export function findGo(): string | undefined {
  for (const dir of [...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/local/go/bin']) {
    const p = join(dir, 'go');
    if (existsSync(p)) return p;
  }
  return undefined;
}

function newestSource(): number {
  const files = [join(TESTBED_ROOT, 'go.mod'), join(TESTBED_ROOT, 'go.sum')];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.go')) files.push(join(dir, e.name));
    }
  };
  walk(join(TESTBED_ROOT, 'cmd'));
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

/** Whether both binaries exist and are newer than go.mod, go.sum and every .go file. */
export function testbedIsBuilt(): boolean {
  const src = newestSource();
  return BINARIES.every((b) => {
    const p = join(TESTBED_BIN, b);
    return existsSync(p) && statSync(p).mtimeMs > src;
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One build at a time: test files run in parallel workers and would otherwise each compile
 *  Kubernetes. The lock is a folder holding the builder's pid; a dead builder's lock is taken over. */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(TESTBED_BIN, { recursive: true });
  const lock = join(TESTBED_BIN, '.build-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      const owner = Number(readFileSync(join(lock, 'pid'), 'utf8').trim() || 0);
      if (owner && !pidAlive(owner)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 500)); // waiting on another process's build
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds what is not built yet. `log` receives progress lines and go's own output. */
export async function ensureTestbedBuilt(log: (line: string) => void = () => {}): Promise<void> {
  if (testbedIsBuilt()) return;
  const go = findGo();
  if (!go) {
    throw new TestbedError(
      'Go is not installed (no `go` on PATH nor /usr/local/go/bin/go): the test bed builds kube-apiserver and etcd from source with Go >= 1.24',
    );
  }
  await withBuildLock(async () => {
    if (testbedIsBuilt()) return; // another process built it while we waited
    log(
      `building kube-apiserver ${KUBE_VERSION} and etcd with ${go} (the first build takes several minutes; later ones use Go's cache)`,
    );
    const started = Date.now();
    const out: string[] = [];
    // nice: the build shares the machine with whatever else runs (tests, editors).
    const code = await new Promise<number>((done) => {
      const child = spawn(
        'nice',
        ['-n', '10', go, 'build', '-trimpath', '-o', TESTBED_BIN + '/', '-ldflags', LDFLAGS, './cmd/...'],
        {
          cwd: TESTBED_ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, GOFLAGS: [process.env.GOFLAGS, '-mod=readonly'].filter(Boolean).join(' ') },
        },
      );
      const take = (d: Buffer) => {
        for (const line of d.toString().split('\n').filter(Boolean)) {
          out.push(line);
          log(line);
        }
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.on('error', () => done(127));
      child.on('close', (c) => done(c ?? 1));
    });
    if (code !== 0) {
      throw new TestbedError(
        `go build of the test bed failed (exit ${code}) in ${TESTBED_ROOT}; last output: ${out.slice(-5).join(' | ') || '(none)'}`,
      );
    }
    // go build leaves an up-to-date binary untouched; its mtime must still say "newer than sources".
    const now = new Date();
    for (const b of BINARIES) utimesSync(join(TESTBED_BIN, b), now, now);
    log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
}
