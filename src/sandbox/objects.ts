// The sandbox's object store: a small, deterministic sample cluster that lists, gets and
// watches like kube-apiserver's storage would. See objects-seed.ts for the data.
//
// Objects returned by list/get/watch are shared with the store (and, for bench pods, with each
// other): treat them as read-only. Changes replace objects instead of mutating them, so an
// object handed out earlier never changes under its holder.

import { BenchPods, benchNamespaces } from './objects-bench.js';
import { nextLogLine, podLogText } from './objects-logs.js';
import { buildSeed, endpointsFor, makeEvent, makePod, toEventsV1 } from './objects-seed.js';
import { BASE_TIME_MS, hexFor, rfc3339, suffixFor, uidFor } from './objects-util.js';

export interface StoreOptions {
  /** Number of extra generated pods for benchmarks, spread over namespaces bench-0..bench-9. Default 0. */
  pods?: number;
}

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK';
  object: any;
  /** MODIFIED: the object before the change (a watch with a label selector needs both). */
  previous?: any;
}

interface Listener {
  /** collection key of the stored data this listener follows (after view mapping) */
  source: string;
  group: string;
  version: string;
  resource: string;
  namespace: string | undefined;
  fn: (ev: WatchEvent) => void;
}

/** One change as the store keeps it for watches that start from an older resourceVersion. */
interface HistoryEntry {
  rv: number;
  source: string;
  type: WatchEvent['type'];
  obj: any;
  previous?: any;
}

/** How often `--demo`'s sandbox changes something (the `sandbox` command and tests keep the 2 s
 *  default): every second crashy flips (MODIFIED) and every 5th tick a frontend pod is replaced
 *  (DELETED, ADDED), so a watch timeline opened at any moment shows all three within ~5 s. */
export const DEMO_TICK_MS = 1000;

/** Changes kept for watches from an older resourceVersion (kube-apiserver's watch cache keeps a
 *  window of recent events too, and etcd compacts its history every 5 minutes). At the demo's pace
 *  (a few changes every 2 s) this is about ten minutes. */
const HISTORY_MAX = 1000;

interface Collection {
  /** key: namespace + '\u0000' + name ('' namespace for cluster-scoped) */
  items: Map<string, any>;
  sorted: any[] | undefined;
}

/** Resources served as a conversion of another stored collection. */
const VIEWS: Record<string, { source: string; convert: (o: any) => any }> = {
  'events.k8s.io/events': { source: '/events', convert: toEventsV1 },
};

const collKey = (group: string, resource: string) => `${group}/${resource}`;
const itemKey = (ns: string | undefined, name: string) => `${ns ?? ''}\u0000${name}`;
/** Lines a followed pod keeps beyond its seeded log. */
const MAX_PRINTED_LINES = 1000;

function byKey(a: any, b: any): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  const a1 = a.metadata.name;
  const b1 = b.metadata.name;
  return a1 < b1 ? -1 : a1 > b1 ? 1 : 0;
}

/** autoscaling/v1 shape of an autoscaling/v2 HorizontalPodAutoscaler. */
function hpaV1(o: any): any {
  const target = (o.spec.metrics ?? []).find((m: any) => m.type === 'Resource' && m.resource?.name === 'cpu');
  const current = (o.status?.currentMetrics ?? []).find(
    (m: any) => m.type === 'Resource' && m.resource?.name === 'cpu',
  );
  return {
    kind: o.kind,
    apiVersion: 'autoscaling/v1',
    metadata: o.metadata,
    spec: {
      scaleTargetRef: o.spec.scaleTargetRef,
      ...(o.spec.minReplicas !== undefined ? { minReplicas: o.spec.minReplicas } : {}),
      maxReplicas: o.spec.maxReplicas,
      ...(target?.resource?.target?.averageUtilization !== undefined
        ? { targetCPUUtilizationPercentage: target.resource.target.averageUtilization }
        : {}),
    },
    status: {
      ...(o.status?.lastScaleTime ? { lastScaleTime: o.status.lastScaleTime } : {}),
      currentReplicas: o.status?.currentReplicas ?? 0,
      desiredReplicas: o.status?.desiredReplicas ?? 0,
      ...(current?.resource?.current?.averageUtilization !== undefined
        ? { currentCPUUtilizationPercentage: current.resource.current.averageUtilization }
        : {}),
    },
  };
}

/** The object as served for group/version/resource: converted where needed, apiVersion set. */
function present(group: string, version: string, resource: string, obj: any): any {
  const view = VIEWS[collKey(group, resource)];
  let o = view ? view.convert(obj) : obj;
  if (group === 'autoscaling' && resource === 'horizontalpodautoscalers' && version === 'v1') o = hpaV1(o);
  const gv = group ? `${group}/${version}` : version;
  if (o.apiVersion !== gv) o = { ...o, apiVersion: gv };
  return o;
}

export class ObjectStore {
  private rv = 1000;
  private readonly colls = new Map<string, Collection>();
  private readonly listeners = new Set<Listener>();
  private readonly bench: BenchPods | undefined;
  private mergedPods: any[] | undefined;
  private ticks = 0;
  private replacements = 0;
  /** Recent changes, oldest first (at most HISTORY_MAX). */
  private history: HistoryEntry[] = [];
  /** The oldest resourceVersion a watch may start from while no kept change was dropped: until
   *  then every change since the start is kept, and a real kube-apiserver whose watch cache has
   *  dropped nothing accepts any older version too (checked: resourceVersion=1 on a fresh 1.34). */
  private compactedAt = 0;
  /** How often a watch that asked for bookmarks (allowWatchBookmarks=true) gets one. kube-apiserver
   *  sends one about every minute (its watch cache's bookmark frequency) and before it ends a watch;
   *  the sandbox every 10 s, so that a lesson shows one soon. Tests set it lower. */
  bookmarkIntervalMs = 10_000;
  /** Followed pod logs (pods/log?follow=true): the streams' line listeners, per pod. */
  private readonly logFollowers = new Map<string, Set<(line: string) => void>>();
  /** Lines printed since the seeded log, per pod: only followed pods print, so an unfollowed pod's
   *  log stays byte-for-byte the seeded one. */
  private readonly printedLines = new Map<string, { count: number; lines: string[] }>();

  constructor(opts: StoreOptions = {}) {
    const benchCount = Math.max(0, Math.floor(opts.pods ?? 0));
    for (const e of buildSeed(benchNamespaces(benchCount))) {
      e.obj.metadata.resourceVersion = String(++this.rv);
      this.coll(e.group, e.resource).items.set(itemKey(e.obj.metadata.namespace, e.obj.metadata.name), e.obj);
    }
    // The PV's claimRef and events' involvedObject carry resourceVersions of objects built before them.
    for (const pv of this.coll('', 'persistentvolumes').items.values()) {
      const ref = pv.spec.claimRef;
      const pvc = ref && this.coll('', 'persistentvolumeclaims').items.get(itemKey(ref.namespace, ref.name));
      if (pvc) ref.resourceVersion = pvc.metadata.resourceVersion;
    }
    if (benchCount > 0) {
      this.bench = new BenchPods(benchCount, this.rv);
      this.rv += benchCount;
    }
  }

  /** The oldest resourceVersion a watch can start from: older ones get 410 Expired ("too old
   *  resource version"), as from kube-apiserver's watch cache: the newest change no longer kept, or
   *  the version the history was compacted at; 0 while nothing was dropped. */
  oldestWatchableResourceVersion(): number {
    return this.compactedAt;
  }

  /** Forgets the changes kept so far, as etcd's compaction does: a watch from an older
   *  resourceVersion then gets 410 Expired. */
  compactHistory(): void {
    this.history = [];
    this.compactedAt = this.rv;
  }

  resourceVersion(): string {
    return String(this.rv);
  }

  list(group: string, version: string, resource: string, namespace?: string): any[] {
    const { items, shared } = this.served(group, version, resource, namespace);
    return shared ? items.slice() : items;
  }

  /** What list() returns, without list()'s copy of the store's own sorted array: a page of 500
   *  from 200k pods is sliced from it, as kube-apiserver serves pages from its watch cache, instead
   *  of copying all 200k for every page. The caller must not change it. */
  listView(group: string, version: string, resource: string, namespace?: string): readonly any[] {
    return this.served(group, version, resource, namespace).items;
  }

  /** The objects as served; `shared`: the store's own array (the stored objects are what is served). */
  private served(
    group: string,
    version: string,
    resource: string,
    namespace: string | undefined,
  ): { items: any[]; shared: boolean } {
    const source = VIEWS[collKey(group, resource)]?.source ?? collKey(group, resource);
    const items = this.sortedSource(source, namespace);
    const sample = items[0];
    if (!sample) return { items: [], shared: false };
    const gv = group ? `${group}/${version}` : version;
    // Fast path: stored objects already are what is served.
    if (
      source === collKey(group, resource) &&
      sample.apiVersion === gv &&
      !(group === 'autoscaling' && version === 'v1')
    ) {
      return { items, shared: true };
    }
    return { items: items.map((o) => present(group, version, resource, o)), shared: false };
  }

  get(group: string, version: string, resource: string, namespace: string | undefined, name: string): any | undefined {
    const source = VIEWS[collKey(group, resource)]?.source ?? collKey(group, resource);
    let obj = this.colls.get(source)?.items.get(itemKey(namespace, name));
    if (!obj && source === '/pods' && this.bench && namespace) obj = this.bench.get(namespace, name);
    return obj ? present(group, version, resource, obj) : undefined;
  }

  watch(
    group: string,
    version: string,
    resource: string,
    namespace: string | undefined,
    listener: (ev: WatchEvent) => void,
    /** Replay the kept changes after this resourceVersion first (the caller checked it is not
     *  older than oldestWatchableResourceVersion()). */
    since?: number,
  ): () => void {
    const l: Listener = {
      source: VIEWS[collKey(group, resource)]?.source ?? collKey(group, resource),
      group,
      version,
      resource,
      namespace,
      fn: listener,
    };
    if (since !== undefined) {
      for (const h of this.history) if (h.rv > since) this.deliver(l, h.source, h.type, h.obj, h.previous);
    }
    this.listeners.add(l);
    return () => {
      this.listeners.delete(l);
    };
  }

  /**
   * One periodic change in namespace demo:
   * - every tick the crash-looping pod flips between a short Running and CrashLoopBackOff
   *   (restartCount grows) — MODIFIED pods, and on back-off a MODIFIED BackOff event;
   * - every 3rd tick an event is ADDED;
   * - every 5th tick (the 2nd, 7th, 12th, …: the first within 5 s of the demo's start) the oldest
   *   frontend pod is DELETED and a replacement ADDED (plus its events and MODIFIED
   *   endpoints/endpointslices).
   */
  tick(): void {
    this.ticks++;
    const now = Date.now();
    const pods = this.coll('', 'pods');
    const demoPods = [...pods.items.values()].filter((p) => p.metadata.namespace === 'demo').sort(byKey);

    const crashy = demoPods.find((p) => p.metadata.labels?.app === 'crashy');
    if (crashy) {
      const next = structuredClone(crashy);
      const cs = next.status.containerStatuses[0];
      const ready = next.status.conditions.filter((c: any) => c.type === 'Ready' || c.type === 'ContainersReady');
      if (cs.state.waiting) {
        // back-off over: the container is started again
        cs.restartCount += 1;
        cs.state = { running: { startedAt: rfc3339(now) } };
        cs.ready = true;
        cs.started = true;
        for (const c of ready) {
          c.status = 'True';
          c.lastTransitionTime = rfc3339(now);
          delete c.reason;
          delete c.message;
        }
      } else {
        // it crashed again
        const startedAt = cs.state.running?.startedAt ?? rfc3339(now - 3000);
        cs.lastState = {
          terminated: {
            exitCode: 1,
            reason: 'Error',
            startedAt,
            finishedAt: rfc3339(now),
            containerID: cs.containerID,
          },
        };
        cs.state = {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off 5m0s restarting failed container=${cs.name} pod=${next.metadata.name}_demo(${next.metadata.uid})`,
          },
        };
        cs.ready = false;
        cs.started = false;
        for (const c of ready) {
          c.status = 'False';
          c.lastTransitionTime = rfc3339(now);
          c.reason = 'ContainersNotReady';
          c.message = `containers with unready status: [${cs.name}]`;
        }
        const backoff = [...this.coll('', 'events').items.values()].find(
          (e) =>
            e.metadata.namespace === 'demo' && e.reason === 'BackOff' && e.involvedObject.name === next.metadata.name,
        );
        if (backoff) {
          const ev = structuredClone(backoff);
          ev.count += 1;
          ev.lastTimestamp = rfc3339(now);
          this.put('', 'events', ev, 'MODIFIED');
        }
      }
      this.put('', 'pods', next, 'MODIFIED');

      if (this.ticks % 3 === 0) {
        const steps = [
          ['Pulled', 'Container image "ghcr.io/example/crashy:0.1.0" already present on machine'],
          ['Created', 'Created container: crashy'],
          ['Started', 'Started container crashy'],
        ] as const;
        const [reason, message] = steps[(this.ticks / 3) % steps.length]!;
        const ev = makeEvent(
          next,
          reason,
          message,
          'Normal',
          now,
          now,
          1,
          { component: 'kubelet', host: next.spec.nodeName },
          'spec.containers{crashy}',
        );
        ev.metadata.name = `${next.metadata.name}.${hexFor(`tick/${this.ticks}`, 16)}`;
        ev.metadata.uid = uidFor(`Event/demo/${ev.metadata.name}`);
        this.put('', 'events', ev, 'ADDED');
      }
    }

    if (this.ticks % 5 === 2) this.replaceFrontendPod(demoPods, now);
    this.printFollowedLogs(now);
  }

  /** Every tick, each followed running pod prints a line; the followers get it as it is printed. */
  private printFollowedLogs(now: number): void {
    for (const [key, followers] of this.logFollowers) {
      const [namespace, name] = key.split('\u0000') as [string, string];
      const pod = this.get('', 'v1', 'pods', namespace, name);
      const printed = this.printedLines.get(key) ?? { count: 0, lines: [] };
      const line = pod && nextLogLine(pod, printed.count, now);
      if (!line) continue;
      // Bounded like a container runtime's log rotation.
      this.printedLines.set(key, {
        count: printed.count + 1,
        lines: [...printed.lines.slice(-(MAX_PRINTED_LINES - 1)), line],
      });
      for (const f of [...followers]) f(line);
    }
  }

  /** Calls `onLine` with each line the pod prints from now on (one per tick while it runs).
   *  Returns the unsubscribe. */
  followLog(namespace: string, name: string, onLine: (line: string) => void): () => void {
    const key = itemKey(namespace, name);
    let followers = this.logFollowers.get(key);
    if (!followers) this.logFollowers.set(key, (followers = new Set()));
    followers.add(onLine);
    return () => {
      followers.delete(onLine);
      // Safe to call twice: a newer follower's set is never dropped.
      if (!followers.size && this.logFollowers.get(key) === followers) this.logFollowers.delete(key);
    };
  }

  /** Open log-follow streams (tests check that clients close theirs). */
  logFollowerCount(): number {
    let n = 0;
    for (const f of this.logFollowers.values()) n += f.size;
    return n;
  }

  podLog(namespace: string, name: string): string | undefined {
    const pod = this.get('', 'v1', 'pods', namespace, name);
    if (!pod) return undefined;
    const printed = this.printedLines.get(itemKey(namespace, name));
    return printed ? podLogText(pod) + printed.lines.map((l) => `${l}\n`).join('') : podLogText(pod);
  }

  // -------------------------------------------------------------------------------------------

  private coll(group: string, resource: string): Collection {
    const k = collKey(group, resource);
    let c = this.colls.get(k);
    if (!c) {
      c = { items: new Map(), sorted: undefined };
      this.colls.set(k, c);
    }
    return c;
  }

  private sortedSource(source: string, namespace: string | undefined): any[] {
    const c = this.colls.get(source);
    const isPods = source === '/pods';
    if (isPods && this.bench && namespace && this.bench.isBenchNamespace(namespace)) {
      // only bench pods live in bench namespaces
      return this.bench.inNamespace(namespace);
    }
    if (!c) return [];
    if (!c.sorted) c.sorted = [...c.items.values()].sort(byKey);
    if (namespace !== undefined) return c.sorted.filter((o) => o.metadata.namespace === namespace);
    if (isPods && this.bench) {
      if (!this.mergedPods) this.mergedPods = mergeSorted(c.sorted, this.bench.all());
      return this.mergedPods;
    }
    return c.sorted;
  }

  private put(group: string, resource: string, obj: any, type: 'ADDED' | 'MODIFIED'): void {
    obj.metadata.resourceVersion = String(++this.rv);
    const c = this.coll(group, resource);
    const key = itemKey(obj.metadata.namespace, obj.metadata.name);
    const previous = c.items.get(key);
    c.items.set(key, obj);
    c.sorted = undefined;
    if (group === '' && resource === 'pods') this.mergedPods = undefined;
    this.emit(collKey(group, resource), type, obj, previous);
  }

  private remove(group: string, resource: string, obj: any): void {
    const c = this.coll(group, resource);
    const key = itemKey(obj.metadata.namespace, obj.metadata.name);
    const old = c.items.get(key);
    if (!old) return;
    c.items.delete(key);
    c.sorted = undefined;
    if (group === '' && resource === 'pods') this.mergedPods = undefined;
    const gone = structuredClone(old);
    gone.metadata.resourceVersion = String(++this.rv);
    this.emit(collKey(group, resource), 'DELETED', gone);
  }

  private emit(source: string, type: WatchEvent['type'], obj: any, previous?: any): void {
    const rv = Number(obj.metadata.resourceVersion);
    this.history.push({ rv, source, type, obj, previous });
    if (this.history.length > HISTORY_MAX) {
      const dropped = this.history.splice(0, this.history.length - HISTORY_MAX);
      this.compactedAt = dropped[dropped.length - 1]!.rv;
    }
    for (const l of [...this.listeners]) {
      if (!this.listeners.has(l)) continue;
      this.deliver(l, source, type, obj, previous);
    }
  }

  private deliver(l: Listener, source: string, type: WatchEvent['type'], obj: any, previous?: any): void {
    if (l.source !== source) return;
    if (l.namespace !== undefined && l.namespace !== obj.metadata.namespace) return;
    const shown = (o: any) => present(l.group, l.version, l.resource, o);
    const before = type === 'MODIFIED' && previous ? { previous: shown(previous) } : {};
    l.fn({ type, object: present(l.group, l.version, l.resource, obj), ...before });
  }

  private replaceFrontendPod(demoPods: any[], now: number): void {
    const frontends = demoPods
      .filter((p) => p.metadata.labels?.app === 'frontend')
      .sort((a, b) =>
        a.metadata.creationTimestamp < b.metadata.creationTimestamp
          ? -1
          : a.metadata.creationTimestamp > b.metadata.creationTimestamp
            ? 1
            : byKey(a, b),
      );
    const victim = frontends[0];
    if (!victim) return;
    this.replacements++;
    const rsName: string = victim.metadata.ownerReferences[0].name;
    const name = `${rsName}-${suffixFor(`demo/${rsName}/replacement/${this.replacements}`, 5)}`;
    const ip = `10.244.${victim.spec.nodeName === 'sandbox-worker' ? 1 : 2}.${50 + (this.replacements % 200)}`;
    this.remove('', 'pods', victim);

    const ageNow = Math.round((BASE_TIME_MS - now) / 1000); // negative: "now" on the fixed clock
    const pod = makePod({
      ns: 'demo',
      name,
      generateName: `${rsName}-`,
      node: victim.spec.nodeName,
      ip,
      age: ageNow,
      labels: victim.metadata.labels,
      owner: victim.metadata.ownerReferences[0],
      containers: victim.spec.containers.map((c: any) => ({
        name: c.name,
        image: c.image,
        ports: c.ports,
        resources: c.resources,
      })),
    });
    // (a real replacement would go Pending → ContainerCreating → Running; here it starts Running)
    this.put('', 'pods', pod, 'ADDED');

    const rsRef = {
      kind: 'ReplicaSet',
      apiVersion: 'apps/v1',
      metadata: { namespace: 'demo', name: rsName, uid: victim.metadata.ownerReferences[0].uid, resourceVersion: '' },
    };
    const events: any[] = [
      makeEvent(
        victim,
        'Killing',
        `Stopping container ${victim.spec.containers[0].name}`,
        'Normal',
        now,
        now,
        1,
        { component: 'kubelet', host: victim.spec.nodeName },
        `spec.containers{${victim.spec.containers[0].name}}`,
      ),
      makeEvent(rsRef, 'SuccessfulCreate', `Created pod: ${name}`, 'Normal', now, now, 1, {
        component: 'replicaset-controller',
      }),
      makeEvent(pod, 'Scheduled', `Successfully assigned demo/${name} to ${pod.spec.nodeName}`, 'Normal', now, now, 1, {
        component: 'default-scheduler',
      }),
      makeEvent(
        pod,
        'Started',
        `Started container ${pod.spec.containers[0].name}`,
        'Normal',
        now,
        now,
        1,
        { component: 'kubelet', host: pod.spec.nodeName },
        `spec.containers{${pod.spec.containers[0].name}}`,
      ),
    ];
    for (const ev of events) this.put('', 'events', ev, 'ADDED');

    // endpoints follow the pods
    const svc = this.colls.get('/services')?.items.get(itemKey('demo', 'frontend'));
    if (svc) {
      const current = [...this.coll('', 'pods').items.values()];
      const { endpoints, slice } = endpointsFor(svc, current);
      const oldEp = this.coll('', 'endpoints').items.get(itemKey('demo', 'frontend'));
      if (oldEp) endpoints.metadata.creationTimestamp = oldEp.metadata.creationTimestamp;
      if (endpoints.metadata.annotations)
        endpoints.metadata.annotations['endpoints.kubernetes.io/last-change-trigger-time'] = rfc3339(now);
      this.put('', 'endpoints', endpoints, 'MODIFIED');
      const oldSlice = this.coll('discovery.k8s.io', 'endpointslices').items.get(itemKey('demo', slice.metadata.name));
      if (oldSlice) {
        slice.metadata.creationTimestamp = oldSlice.metadata.creationTimestamp;
        slice.metadata.generation = (oldSlice.metadata.generation ?? 1) + 1;
      }
      this.put('discovery.k8s.io', 'endpointslices', slice, 'MODIFIED');
    }
  }
}

function mergeSorted(a: any[], b: any[]): any[] {
  const out = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byKey(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
