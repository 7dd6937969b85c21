// The stand-in API the first frame renders with: calls wait for the real client, listeners move
// over to it, and a failed connection surfaces as the error of every call.
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startTarget } from '../src/cli/cache-server.js';
import { parseCliArgs } from '../src/cli/args.js';
import { DeferredApi } from '../src/cli/deferred-api.js';
import { provisionalConnection } from '../src/cli/provisional-connection.js';
import { podLogFollowPath } from '../src/model/pod-logs.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { Connection, KubeApi } from '../src/client/types.js';
import type { Discovery, RequestEvent } from '../src/model/types.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { useSandbox } from './helpers/sandbox.js';

const provisional: Connection = {
  mode: 'demo',
  server: 'starting…',
  namespace: 'default',
  insecure: false,
  kubectlArgs: [],
};

let sb: Sandbox;
useSandbox('kapi-deferred-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));

describe('DeferredApi', () => {
  it('answers with the provisional connection, then the real one; early listeners see real requests', async () => {
    let resolve!: (api: KubeApi) => void;
    const pending = new Promise<KubeApi>((r) => (resolve = r));
    const api = new DeferredApi(provisional, () => pending);
    expect(api.connection.server).toBe('starting…');
    const seen: RequestEvent[] = [];
    api.onRequest((e) => seen.push(e));
    const version = api.version();
    resolve(new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig })));
    expect((await version).major).toBe('1');
    expect(api.connection.server).toBe(sb.url);
    expect(seen.map((e) => e.path)).toEqual(['/version']);
  });

  it('the self-reviews sent before the connection exists wait for it and go to the real client', async () => {
    let resolve!: (api: KubeApi) => void;
    const pending = new Promise<KubeApi>((r) => (resolve = r));
    const api = new DeferredApi(provisional, () => pending);
    const seen: RequestEvent[] = [];
    api.onRequest((e) => seen.push(e));
    const pods = { verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'team-a' };
    const answers = Promise.all([
      api.selfSubjectReview(),
      api.selfSubjectRulesReview('team-a'),
      api.selfSubjectAccessReview(pods),
      api.selfSubjectAccessReview({ ...pods, verb: 'delete' }),
    ]);
    resolve(new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfigJane })));
    const [user, rules, list, remove] = await answers;
    expect(user).toMatchObject({ username: 'jane', groups: ['dev', 'system:authenticated'] });
    expect(rules.incomplete).toBe(false);
    expect([list, remove]).toEqual([true, false]);
    expect(seen.map((e) => `${e.method} ${e.path.split('/').pop()} ${e.status}`).sort()).toEqual([
      'POST selfsubjectaccessreviews 201',
      'POST selfsubjectaccessreviews 201',
      'POST selfsubjectreviews 201',
      'POST selfsubjectrulesreviews 201',
    ]);
  });

  it('unsubscribes an early listener that left before the connection existed', async () => {
    let resolve!: (api: KubeApi) => void;
    const pending = new Promise<KubeApi>((r) => (resolve = r));
    const api = new DeferredApi(provisional, () => pending);
    const seen: RequestEvent[] = [];
    const off = api.onRequest((e) => seen.push(e));
    off();
    resolve(new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig })));
    await api.version();
    expect(seen).toEqual([]);
  });

  it('hands the cached discovery over before the client exists, then revalidates through it', async () => {
    let resolve!: (api: KubeApi) => void;
    const cached = { format: 'aggregated', requests: 2, groups: [], failures: [], rawDocuments: {} } as Discovery;
    const pending = new Promise<KubeApi>((r) => (resolve = r));
    const order: string[] = [];
    const api = new DeferredApi(
      provisional,
      () => (order.push('connect'), pending),
      async () => cached,
    );
    const seen: Discovery[] = [];
    const fresh = api.discover({ onCached: (d) => (order.push('cached'), seen.push(d)) });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0].fromCache).toBe(true);
    resolve(new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig })));
    expect((await fresh).groups.length).toBeGreaterThan(10);
    expect(seen).toHaveLength(1);
    expect(order).toEqual(['cached', 'connect']); // the cached tree first, then the heavy client
  });

  it('a prefetched discovery is taken over by the first discover(); its requests reach the first listener', async () => {
    let connects = 0;
    const sent: string[] = [];
    const api = new DeferredApi(provisional, async () => {
      connects++;
      const client = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
      client.onRequest((e) => sent.push(e.path));
      return client;
    });
    api.prefetchDiscovery();
    api.prefetchDiscovery(); // a second call changes nothing
    // Connected and asked without anyone calling: the UI is still loading.
    await vi.waitFor(() => expect(api.connection.server).toBe(sb.url));
    const seen: RequestEvent[] = [];
    const first = await api.discover();
    expect(first.groups.length).toBeGreaterThan(10);
    // The prefetch's /api and /apis, replayed to the listener that came after them.
    api.onRequest((e) => seen.push(e));
    expect(seen.map((e) => e.path).sort()).toEqual(['/api', '/apis']);
    expect(sent.sort()).toEqual(['/api', '/apis']); // the UI's call sent nothing more
    // A later discover() (a refresh) asks the server again.
    const again = await api.discover();
    expect(again.groups.map((g) => g.name)).toEqual(first.groups.map((g) => g.name));
    expect(
      seen
        .map((e) => e.path)
        .slice(2)
        .sort(),
    ).toEqual(['/api', '/apis']);
    expect(connects).toBe(1);
  });

  it("an aborted discover() rejects alone: the prefetch finishes and the UI's next call is a new request", async () => {
    const api = new DeferredApi(
      provisional,
      async () => new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig })),
    );
    api.prefetchDiscovery();
    const ctl = new AbortController();
    const taken = api.discover({ signal: ctl.signal });
    ctl.abort();
    await expect(taken).rejects.toThrow(/abort/i);
    expect((await api.discover()).groups.length).toBeGreaterThan(10);
  });

  it('prefetchedWithin: a quick answer is handed over fresh (the first discover() resolves with that object); a slow one is not waited for', async () => {
    const api = new DeferredApi(
      provisional,
      async () => new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig })),
    );
    api.prefetchDiscovery();
    const fresh = await api.prefetchedWithin(5000);
    expect(fresh?.fromCache).toBe(false);
    expect(fresh!.groups.length).toBeGreaterThan(10);
    expect(await api.discover()).toBe(fresh);

    sb.setFaults([{ match: '/api', delayMs: 1500 }]);
    try {
      const slow = new DeferredApi(
        provisional,
        async () => new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig })),
      );
      slow.prefetchDiscovery();
      expect(await slow.prefetchedWithin(50)).toBeUndefined();
      // Still taken over when it arrives.
      expect((await slow.discover()).groups.length).toBeGreaterThan(10);
    } finally {
      sb.setFaults([]);
    }
    // Nothing prefetched: nothing to wait for.
    expect(await new DeferredApi(provisional, async () => api).prefetchedWithin(1000)).toBeUndefined();
  });

  it('fails every call with the connection error', async () => {
    const api = new DeferredApi(provisional, () =>
      connect({ server: sb.url, cert: '/nonexistent/admin.crt', key: '/nonexistent/admin.key' }).then(
        (c) => new ApiClient(c),
      ),
    );
    await expect(api.discover()).rejects.toThrow(/nonexistent\/admin\.crt/);
    await expect(api.getRaw('/version')).rejects.toThrow(/nonexistent\/admin\.crt/);
    expect(api.connection.server).toBe('starting…');
  });

  it('a text stream asked for before the connection exists opens on the real client; stopped before, it never opens', async () => {
    let resolve!: (api: KubeApi) => void;
    const pending = new Promise<KubeApi>((r) => (resolve = r));
    const api = new DeferredApi(provisional, () => pending);
    const real = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
    const pods = (
      (await real.getRaw('/api/v1/namespaces/team-a/pods')).json as {
        items: { metadata: { name: string }; status: { phase: string } }[];
      }
    ).items;
    const running = pods.find((p) => p.status.phase === 'Running')!.metadata.name;
    const path = podLogFollowPath('team-a', running);
    const paths: string[] = [];
    api.onRequest((e) => paths.push(e.path));
    let received = '';
    const opened = api.streamText(path, {}, (t) => {
      received += t;
    });
    const never = api.streamText(path, {}, () => {
      throw new Error('a stopped stream delivered text');
    });
    never.stop();
    resolve(real);
    await vi.waitFor(() => expect(received.length).toBeGreaterThan(0));
    opened.stop();
    await opened.done;
    await never.done;
    expect(paths).toEqual([path]);
    real.close();
  });

  it('stops saying "connecting…" once a kubeconfig connection has failed', async () => {
    const api = new DeferredApi(provisionalConnection(parseCliArgs(['--kubeconfig', '/nonexistent/kc'])), () =>
      connect({ kubeconfig: '/nonexistent/kc' }).then((c) => new ApiClient(c)),
    );
    expect(api.connection.server).toBe('connecting…');
    await expect(api.discover()).rejects.toThrow(/nonexistent\/kc/);
    expect(api.connection).toMatchObject({ server: 'not connected', user: 'unknown', mode: 'kubeconfig' });
  });
});

describe('startTarget', () => {
  // Each test remembers its answers in a cache folder of its own, never the user's.
  const envWith = async (extra: NodeJS.ProcessEnv = {}) => ({
    XDG_CACHE_HOME: await mkdtemp(join(tmpdir(), 'kapi-memo-')),
    ...extra,
  });

  it('finds the server without the client: flags first, then the kubeconfig context', async () => {
    const env = await envWith();
    expect((await startTarget(parseCliArgs(['--proxy']), env)).server).toBe('http://127.0.0.1:8001');
    expect((await startTarget(parseCliArgs(['--server', 'https://h:6443']), env)).server).toBe('https://h:6443');
    expect((await startTarget(parseCliArgs(['--kubeconfig', sb.files!.kubeconfig]), env)).server).toBe(sb.url);
    expect(
      (await startTarget(parseCliArgs(['--kubeconfig', sb.files!.kubeconfig, '--context', 'nope']), env)).server,
    ).toBeUndefined();
    expect((await startTarget(parseCliArgs(['--demo']), env)).server).toBeUndefined();
    expect(
      (await startTarget(parseCliArgs([]), await envWith({ KUBECONFIG: `/nonexistent:${sb.files!.kubeconfig}` })))
        .server,
    ).toBe(sb.url);
  });

  it('remembers the answer per kubeconfig content (size, mtime) and context; an edited file is read again', async () => {
    const env = await envWith();
    const dir = await mkdtemp(join(tmpdir(), 'kapi-kc-'));
    const kc = join(dir, 'config');
    const doc = (server: string) =>
      `apiVersion: v1\nkind: Config\ncurrent-context: c\ncontexts:\n- name: c\n  context: {cluster: k}\nclusters:\n- name: k\n  cluster: {server: '${server}'}\n`;
    await writeFile(kc, doc('https://one.example:6443'));
    const args = parseCliArgs(['--kubeconfig', kc]);
    expect((await startTarget(args, env)).server).toBe('https://one.example:6443');
    const memoFile = join(env.XDG_CACHE_HOME, 'kapi-tui', 'kubeconfig-targets.json');
    expect(Object.values(JSON.parse(await readFile(memoFile, 'utf8')))).toEqual([
      { server: 'https://one.example:6443' },
    ]);
    // The memo is what answers now: a planted answer for the same key comes back.
    const memo = JSON.parse(await readFile(memoFile, 'utf8')) as Record<string, object>;
    const key = Object.keys(memo)[0];
    await writeFile(memoFile, JSON.stringify({ [key]: { server: 'https://from-memo.example', namespace: 'memo' } }));
    expect(await startTarget(args, env)).toEqual({ server: 'https://from-memo.example', namespace: 'memo' });
    // Another context is another key; an edited kubeconfig (new size and mtime) is parsed again.
    expect((await startTarget(parseCliArgs(['--kubeconfig', kc, '--context', 'nope']), env)).server).toBeUndefined();
    await writeFile(kc, doc('https://two.example:16443'));
    await utimes(kc, new Date(), new Date(Date.now() + 5000));
    expect((await startTarget(args, env)).server).toBe('https://two.example:16443');
    await rm(dir, { recursive: true, force: true });
  });

  it('a corrupt memo file is ignored and rewritten', async () => {
    const env = await envWith();
    const memoFile = join(env.XDG_CACHE_HOME, 'kapi-tui', 'kubeconfig-targets.json');
    await mkdir(join(env.XDG_CACHE_HOME, 'kapi-tui'), { recursive: true });
    await writeFile(memoFile, '{not json');
    expect((await startTarget(parseCliArgs(['--kubeconfig', sb.files!.kubeconfig]), env)).server).toBe(sb.url);
    expect(Object.values(JSON.parse(await readFile(memoFile, 'utf8')))).toEqual([
      { server: sb.url, namespace: 'default' },
    ]);
  });
});
