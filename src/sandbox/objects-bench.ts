// Cheap generated pods for benchmarks (StoreOptions.pods). Nothing is built until someone
// lists or gets them; then every pod is a small object whose spec, conditions and container
// statuses are shared with the other pods on the same node. Treat them as read-only.

import { NODES, imageID } from './objects-seed.js';
import { hexFor, ts, uidFor } from './objects-util.js';

export const BENCH_SHARDS = 10;

export function benchNamespaces(count: number): string[] {
  if (count <= 0) return [];
  return Array.from({ length: Math.min(BENCH_SHARDS, count) }, (_, i) => `bench-${i}`);
}

const BENCH_AGE = 3 * 3600 + 17 * 60; // the bench namespaces are ~3h old

interface Shared {
  spec: any;
  startTime: string;
  status: { conditions: any[]; hostIPs: any[]; containerStatuses: any[] };
}

export class BenchPods {
  private shards: any[][] | undefined;
  private flat: any[] | undefined;
  private readonly width: number;
  private shared: Shared[] | undefined;
  private readonly labels: Record<string, string>[];
  private readonly created: string[] = [];

  constructor(
    readonly count: number,
    /** resourceVersion of pod i is rvBase + 1 + i */
    private readonly rvBase: number,
  ) {
    this.width = Math.max(5, String(Math.max(0, count - 1)).length);
    this.labels = benchNamespaces(count).map((_, k) => ({ app: 'loadgen', shard: String(k) }));
  }

  namespaces(): string[] {
    return benchNamespaces(this.count);
  }

  isBenchNamespace(ns: string | undefined): boolean {
    if (!ns || !ns.startsWith('bench-')) return false;
    const k = Number(ns.slice(6));
    return Number.isInteger(k) && String(k) === ns.slice(6) && k >= 0 && k < Math.min(BENCH_SHARDS, this.count);
  }

  nameOf(i: number): string {
    return `loadgen-${String(i).padStart(this.width, '0')}`;
  }

  /** All bench pods, sorted by namespace then name. */
  all(): any[] {
    if (!this.flat) this.flat = this.materialize().flat();
    return this.flat;
  }

  inNamespace(ns: string): any[] {
    if (!this.isBenchNamespace(ns)) return [];
    return this.materialize()[Number(ns.slice(6))]!;
  }

  get(ns: string, name: string): any | undefined {
    if (!this.isBenchNamespace(ns) || !name.startsWith('loadgen-')) return undefined;
    const digits = name.slice(8);
    if (digits.length !== this.width || !/^\d+$/.test(digits)) return undefined;
    const i = Number(digits);
    if (i >= this.count || i % BENCH_SHARDS !== Number(ns.slice(6))) return undefined;
    const shard = this.materialize()[i % BENCH_SHARDS]!;
    return shard[Math.floor(i / BENCH_SHARDS)];
  }

  private materialize(): any[][] {
    if (this.shards) return this.shards;
    const shards: any[][] = benchNamespaces(this.count).map(() => []);
    for (let i = 0; i < this.count; i++) shards[i % BENCH_SHARDS]!.push(this.build(i));
    this.shards = shards;
    return shards;
  }

  private sharedFor(nodeIndex: number): Shared {
    if (!this.shared) {
      const image = 'ghcr.io/example/loadgen:1.0.0';
      this.shared = NODES.filter((n) => !n.controlPlane).map((n) => ({
        startTime: ts(BENCH_AGE - 30),
        spec: {
          containers: [
            {
              name: 'loadgen',
              image,
              resources: { requests: { cpu: '1m', memory: '8Mi' } },
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
              imagePullPolicy: 'IfNotPresent',
            },
          ],
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          serviceAccountName: 'default',
          serviceAccount: 'default',
          automountServiceAccountToken: false,
          nodeName: n.name,
          securityContext: {},
          schedulerName: 'default-scheduler',
          priority: 0,
          enableServiceLinks: true,
          preemptionPolicy: 'PreemptLowerPriority',
        },
        status: {
          conditions: [
            {
              type: 'PodReadyToStartContainers',
              status: 'True',
              lastProbeTime: null,
              lastTransitionTime: ts(BENCH_AGE - 40),
            },
            { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: ts(BENCH_AGE - 30) },
            { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: ts(BENCH_AGE - 50) },
            { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: ts(BENCH_AGE - 50) },
            { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: ts(BENCH_AGE - 30) },
          ],
          hostIPs: [{ ip: n.ip }],
          containerStatuses: [
            {
              name: 'loadgen',
              state: { running: { startedAt: ts(BENCH_AGE - 45) } },
              lastState: {},
              ready: true,
              restartCount: 0,
              image,
              imageID: imageID(image),
              containerID: `containerd://${hexFor('bench/' + n.name, 64)}`,
              started: true,
            },
          ],
        },
      }));
    }
    return this.shared[nodeIndex % this.shared.length]!;
  }

  private build(i: number): any {
    const k = i % BENCH_SHARDS;
    const ns = `bench-${k}`;
    const name = this.nameOf(i);
    const nodeIndex = i % 2;
    const sh = this.sharedFor(nodeIndex);
    const ip = `10.${100 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
    return {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: {
        name,
        namespace: ns,
        uid: uidFor(`Pod/${ns}/${name}`),
        resourceVersion: String(this.rvBase + 1 + i),
        creationTimestamp: (this.created[i % 600] ??= ts(BENCH_AGE - 30 - (i % 600))),
        labels: this.labels[k],
      },
      spec: sh.spec,
      status: {
        phase: 'Running',
        conditions: sh.status.conditions,
        hostIP: sh.status.hostIPs[0].ip,
        hostIPs: sh.status.hostIPs,
        podIP: ip,
        podIPs: [{ ip }],
        startTime: sh.startTime,
        containerStatuses: sh.status.containerStatuses,
        qosClass: 'Burstable',
      },
    };
  }
}
