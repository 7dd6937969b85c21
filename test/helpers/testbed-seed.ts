// Fills the test bed with objects: testbed/seed.yaml through kubectl as admin (the way a person
// would), and optionally N bulk pods through direct POSTs (thousands of kubectl calls would be slow).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { TESTBED_ROOT, TestbedError } from './testbed-build.js';
import type { Testbed } from './testbed.js';

export function findKubectl(): string | undefined {
  for (const dir of [...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/bin', '/usr/local/bin']) {
    const p = join(dir, 'kubectl');
    if (existsSync(p)) return p;
  }
  return undefined;
}

function kubectl(kubeconfig: string, args: string[], input?: string): Promise<string> {
  const bin = findKubectl();
  if (!bin) throw new TestbedError('kubectl is not installed: the test bed seeds its objects with `kubectl apply`');
  return new Promise((res, rej) => {
    const child = spawn(bin, ['--kubeconfig', kubeconfig, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) =>
      code === 0 ? res(out) : rej(new TestbedError(`kubectl ${args.join(' ')} failed (${code}): ${out.trim()}`)),
    );
    child.stdin.end(input);
  });
}

/** Applies testbed/seed.yaml: CustomResourceDefinitions first, then (once they are Established, so
 *  that their kinds resolve) everything else in file order. */
export async function seedTestbed(tb: Testbed, log: (line: string) => void): Promise<void> {
  const docs = parseAllDocuments(await readFile(join(TESTBED_ROOT, 'seed.yaml'), 'utf8')).map((d) => d.toJS());
  const isCrd = (d: { kind?: string }) => d.kind === 'CustomResourceDefinition';
  const crds = docs.filter(isCrd);
  const asList = (list: unknown[]) => JSON.stringify({ apiVersion: 'v1', kind: 'List', items: list });
  const kc = tb.files.kubeconfig;
  if (crds.length) {
    await kubectl(kc, ['apply', '-f', '-'], asList(crds));
    await kubectl(kc, [
      'wait',
      '--for=condition=Established',
      '--timeout=60s',
      ...crds.map((c) => `crd/${c.metadata.name}`),
    ]);
  }
  await kubectl(kc, ['apply', '-f', '-'], asList(docs.filter((d) => !isCrd(d))));
  log(`applied the ${docs.length} objects of testbed/seed.yaml`);
}

const BENCH_SHARDS = 10; // like the sandbox's --pods: bench-0 .. bench-9

/** Creates `count` Pending pods named loadgen-NNNNN across namespaces bench-0..9, in parallel. */
export async function createBenchPods(tb: Testbed, count: number, log: (line: string) => void): Promise<void> {
  const shards = Math.min(BENCH_SHARDS, count);
  const post = async (path: string, obj: object) => {
    const r = await tb.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(obj),
    });
    if (r.status !== 201) throw new TestbedError(`POST ${path}: ${r.status} ${r.body}`);
  };
  for (let k = 0; k < shards; k++) {
    await post('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `bench-${k}` } });
    await post(`/api/v1/namespaces/bench-${k}/serviceaccounts`, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default' },
    });
  }
  const width = Math.max(5, String(count - 1).length);
  let next = 0;
  const started = Date.now();
  // 16 requests in flight: enough to keep kube-apiserver busy on two cores without queueing in APF.
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const ns = `bench-${i % shards}`;
      await post(`/api/v1/namespaces/${ns}/pods`, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `loadgen-${String(i).padStart(width, '0')}`,
          labels: { app: 'loadgen', shard: String(i % shards) },
        },
        spec: {
          automountServiceAccountToken: false,
          containers: [{ name: 'loadgen', image: 'registry.k8s.io/pause:3.10' }],
        },
      });
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  log(`created ${count} pods in ${shards} bench namespaces in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
