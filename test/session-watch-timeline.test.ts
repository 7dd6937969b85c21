// The watch timeline's controller against the sandbox over real TLS: one list, then the raw watch
// events from its resourceVersion (bookmarks asked for), a 410 that makes it list again, bounded
// memory, and a closed connection when it stops. Also the sandbox's side of it: history kept for
// a watch from an older resourceVersion, 410 Expired beyond it, bookmarks.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, connect } from '../src/client/index.js';
import type { RequestEvent } from '../src/model/types.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { WatchTimeline } from '../src/session/watch-timeline.js';
import {
  EMPTY_TIMELINE,
  type TimelineData,
  appendEntries,
  entryBySeq,
  eventEntry,
  timelineLine,
} from '../src/model/watch-timeline.js';
import { classifyFailure } from '../src/session/reconnect.js';
import { useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
// No ticker: each test makes the changes it expects to see (sb.store.tick()).
useSandbox('kapi-timeline-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));

const PODS = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const T = 10_000;

let running: WatchTimeline[] = [];
afterEach(() => {
  for (const t of running) t.stop();
  running = [];
  sb.setFaults([]);
  sb.store.bookmarkIntervalMs = 10_000;
});

async function open(opts: { maxEntries?: number } = {}) {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
  const requests: RequestEvent[] = [];
  api.onRequest((e) => requests.push(e));
  let data: TimelineData = EMPTY_TIMELINE;
  const timeline = new WatchTimeline(api, PODS, 'demo', (d) => (data = d), { ...opts, flushMs: 5 });
  running.push(timeline);
  timeline.start();
  await vi.waitFor(() => expect(data.state).toBe('watching'), { timeout: T });
  return { timeline, requests, data: () => data };
}

describe('the timeline model', () => {
  it('keeps the newest entries; seq numbers go on, and old ones are no longer found', () => {
    let d: Pick<TimelineData, 'entries' | 'dropped'> = { entries: [], dropped: 0 };
    for (let i = 0; i < 25; i++) d = appendEntries(d, [{ kind: 'note', text: `n${i}` }], 0, 10);
    expect(d.entries).toHaveLength(10);
    expect(d.dropped).toBe(15);
    expect(d.entries.map((e) => e.seq)).toEqual([15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
    const full = { ...EMPTY_TIMELINE, ...d };
    expect(entryBySeq(full, 20)).toMatchObject({ kind: 'note', text: 'n20' });
    expect(entryBySeq(full, 3)).toBeUndefined();
  });

  it('lines: time, type, rv and namespace/name; an ERROR shows its code and message', () => {
    const at = new Date(2026, 11, 1, 23, 41, 5, 7).getTime();
    const pod = { metadata: { name: 'web-1', namespace: 'demo', resourceVersion: '1240' } };
    const [e] = appendEntries({ entries: [], dropped: 0 }, [eventEntry('MODIFIED', pod)], at).entries;
    expect(timelineLine(e!)).toBe('23:41:05.007  MODIFIED  rv 1240     demo/web-1');
    const status = { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 1 (1400)' };
    const [err] = appendEntries({ entries: [], dropped: 0 }, [eventEntry('ERROR', status)], at).entries;
    expect(timelineLine(err!)).toBe(
      '23:41:05.007  ERROR                 410 Expired: too old resource version: 1 (1400)',
    );
  });
});

it("a watch's ERROR Status (status: 'Failure', code: 410) means list again, as a KubeError's 410 does", () => {
  const status = { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Expired', code: 410 };
  expect(classifyFailure(status)).toEqual({ kind: 'expired' });
  expect(classifyFailure({ ...status, code: 403, reason: 'Forbidden' })).toEqual({ kind: 'fatal' });
});

describe('the sandbox watches like kube-apiserver', () => {
  it('a watch from an older resourceVersion replays what happened since; one older than the history gets ERROR 410', async () => {
    const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
    const list = await api.list(PODS, { namespace: 'demo', table: false });
    sb.store.tick(); // the crashy pod changes after the list
    const replayed: string[] = [];
    const h = api.watch(PODS, { namespace: 'demo', resourceVersion: list.resourceVersion }, (ev) =>
      replayed.push(`${ev.type} ${ev.object.metadata?.resourceVersion}`),
    );
    await vi.waitFor(() => expect(replayed.length).toBeGreaterThan(0), { timeout: T });
    h.stop();
    expect(replayed[0]).toMatch(/^MODIFIED \d+$/);
    expect(Number(replayed[0]!.split(' ')[1])).toBeGreaterThan(Number(list.resourceVersion));

    // Nothing dropped yet: even resourceVersion 1 is accepted (as on a fresh kube-apiserver).
    const fromOne: string[] = [];
    const one = api.watch(PODS, { namespace: 'demo', resourceVersion: '1' }, (ev) => fromOne.push(ev.type));
    await vi.waitFor(() => expect(fromOne.length).toBeGreaterThan(0), { timeout: T });
    one.stop();
    expect(fromOne).not.toContain('ERROR');

    sb.store.compactHistory();
    const got: { type: string; object: any }[] = [];
    const old = api.watch(PODS, { namespace: 'demo', resourceVersion: list.resourceVersion }, (ev) => got.push(ev));
    await old.done;
    expect(got).toEqual([
      {
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: `too old resource version: ${list.resourceVersion} (${sb.store.resourceVersion()})`,
          reason: 'Expired',
          code: 410,
        },
      },
    ]);
  });

  it('bookmarks only for a watch that asks for them: kind, apiVersion and metadata.resourceVersion', async () => {
    sb.store.bookmarkIntervalMs = 50;
    const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
    const rv = sb.store.resourceVersion();
    const asked: { type: string; object: any }[] = [];
    const plain: { type: string; object: any }[] = [];
    const a = api.watch(PODS, { namespace: 'demo', resourceVersion: rv, allowWatchBookmarks: true }, (ev) =>
      asked.push(ev),
    );
    const p = api.watch(PODS, { namespace: 'demo', resourceVersion: rv }, (ev) => plain.push(ev));
    await vi.waitFor(() => expect(asked.length).toBeGreaterThanOrEqual(2), { timeout: T });
    a.stop();
    p.stop();
    expect(asked[0]).toEqual({
      type: 'BOOKMARK',
      object: { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: sb.store.resourceVersion() } },
    });
    expect(plain).toEqual([]);
  });
});

describe('WatchTimeline', () => {
  it('one list, then the watch from its resourceVersion with bookmarks; each change is a line', async () => {
    const { requests, data } = await open();
    const list = data().entries[0]!;
    expect(list).toMatchObject({ kind: 'list' });
    const rv = list.kind === 'list' ? list.resourceVersion : '';
    expect(rv).toBe(sb.store.resourceVersion());
    const watch = requests.find((e) => e.path.includes('watch=1'))!;
    expect(watch.path).toBe(`/api/v1/namespaces/demo/pods?watch=1&resourceVersion=${rv}&allowWatchBookmarks=true`);
    expect(watch.kubectl).toContain('get pods -n demo --watch --output-watch-events -o json');
    expect(data().requestIds.at(-1)).toBe(watch.id);

    sb.store.tick();
    sb.store.tick(); // the 2nd tick replaces a frontend pod: DELETED and ADDED (--demo ticks every DEMO_TICK_MS, 1 s)
    await vi.waitFor(
      () => {
        const types = data().entries.flatMap((e) => (e.kind === 'event' ? [e.type] : []));
        expect(types).toEqual(expect.arrayContaining(['MODIFIED', 'DELETED', 'ADDED']));
      },
      { timeout: T },
    );
    const events = data().entries.filter((e) => e.kind === 'event');
    const rvs = events.map((e) => Number(e.kind === 'event' ? e.resourceVersion : 0));
    expect([...rvs].sort((a, b) => a - b)).toEqual(rvs);
    expect(rvs[0]).toBeGreaterThan(Number(rv));
    expect(data().resourceVersion).toBe(String(rvs.at(-1)));
    expect(requests.filter((e) => !e.path.includes('watch=1'))).toHaveLength(1);
  });

  it('ERROR 410 on the watch: shown, then a new list and a watch from its resourceVersion', async () => {
    const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
    const requests: RequestEvent[] = [];
    api.onRequest((e) => requests.push(e));
    let data: TimelineData = EMPTY_TIMELINE;
    // The list's version is forgotten before the watch is sent (etcd compacted it): the sandbox's
    // watch answers with ERROR 410, as kube-apiserver does.
    api.onRequest((e) => {
      if (!e.path.includes('watch=1') && requests.filter((r) => !r.path.includes('watch=1')).length === 1) {
        sb.store.tick();
        sb.store.compactHistory();
      }
    });
    const timeline = new WatchTimeline(api, PODS, 'demo', (d) => (data = d), { flushMs: 5 });
    running.push(timeline);
    timeline.start();
    await vi.waitFor(() => expect(data.entries.filter((e) => e.kind === 'list')).toHaveLength(2), { timeout: T });
    await vi.waitFor(() => expect(data.state).toBe('watching'), { timeout: T });
    const lines = data.entries.map((e) => e.kind + ' ' + timelineLine(e));
    expect(lines[0]).toMatch(/^list .* LIST {6}rv (\d+)/);
    expect(lines[1]).toMatch(/ERROR .*410 Expired: too old resource version: \d+ \(\d+\)$/);
    expect(lines[2]).toMatch(/→ 410: rv \d+ is too old to watch from; listing again$/);
    expect(lines[3]).toMatch(/^list .* LIST/);
    const second = data.entries[3]!;
    const newRv = second.kind === 'list' ? second.resourceVersion : '';
    expect(Number(newRv)).toBeGreaterThan(Number(/rv (\d+)/.exec(lines[0]!)![1]));
    const watches = requests.filter((e) => e.path.includes('watch=1'));
    expect(watches).toHaveLength(2);
    expect(watches[1]!.path).toContain(`resourceVersion=${newRv}&`);
  });

  it('BOOKMARK events are lines too: the resourceVersion moves on without a change', async () => {
    sb.store.bookmarkIntervalMs = 50;
    const { data } = await open();
    await vi.waitFor(() => expect(data().entries.some((e) => e.kind === 'event' && e.type === 'BOOKMARK')).toBe(true), {
      timeout: T,
    });
    const bookmark = data().entries.find((e) => e.kind === 'event' && e.type === 'BOOKMARK')!;
    expect(timelineLine(bookmark)).toMatch(new RegExp(`BOOKMARK  rv ${sb.store.resourceVersion()}\\s*$`));
  });

  it('memory is bounded: the newest maxEntries events are kept, the oldest dropped', async () => {
    const { data } = await open({ maxEntries: 20 });
    for (let i = 0; i < 30; i++) sb.store.tick();
    await vi.waitFor(() => expect(data().dropped).toBeGreaterThan(20), { timeout: T });
    const newest = sb.store.resourceVersion();
    await vi.waitFor(() => expect(data().resourceVersion).toBe(newest), { timeout: T });
    expect(data().entries).toHaveLength(20);
    expect(data().entries[0]!.seq).toBe(data().dropped);
    expect(data().entries.every((e) => e.kind === 'event')).toBe(true);
  });

  it('stop() closes the watch: the sandbox has no listener left, nothing is reported after it', async () => {
    const watchers = () => (sb.store as unknown as { listeners: Set<unknown> }).listeners.size;
    // The watches of earlier tests close as their sockets do.
    await vi.waitFor(() => expect(watchers()).toBe(0), { timeout: T });
    const before = watchers();
    const { timeline, data } = await open();
    await vi.waitFor(() => expect(watchers()).toBe(before + 1), { timeout: T });
    const shown = data();
    timeline.stop();
    await vi.waitFor(() => expect(watchers()).toBe(before), { timeout: T });
    sb.store.tick();
    await new Promise<void>((r) => setImmediate(r));
    expect(data()).toBe(shown);
  });
});
