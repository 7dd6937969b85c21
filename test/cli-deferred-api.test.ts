// The stand-in API the first frame renders with: calls wait for the real client, listeners move
// over to it, and a failed connection surfaces as the error of every call.
import { describe, expect, it, vi } from 'vitest';
import { cacheServer } from '../src/cli/cache-server.js';
import { parseCliArgs } from '../src/cli/args.js';
import { DeferredApi } from '../src/cli/deferred-api.js';
import { provisionalConnection } from '../src/cli/provisional-connection.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { Connection, KubeApi } from '../src/client/types.js';
import type { Discovery, RequestEvent } from '../src/model/types.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { useSandbox } from './helpers/sandbox.js';

const provisional: Connection = { mode: 'demo', server: 'starting…', namespace: 'default', insecure: false, curlAuthArgs: [], kubectlArgs: [] };

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
    const api = new DeferredApi(provisional, () => (order.push('connect'), pending), async () => cached);
    const seen: Discovery[] = [];
    const fresh = api.discover({ onCached: (d) => (order.push('cached'), seen.push(d)) });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0].fromCache).toBe(true);
    resolve(new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig })));
    expect((await fresh).groups.length).toBeGreaterThan(10);
    expect(seen).toHaveLength(1);
    expect(order).toEqual(['cached', 'connect']); // the cached tree first, then the heavy client
  });

  it('fails every call with the connection error', async () => {
    const api = new DeferredApi(provisional, () => connect({ server: sb.url, cert: '/nonexistent/admin.crt', key: '/nonexistent/admin.key' }).then((c) => new ApiClient(c)));
    await expect(api.discover()).rejects.toThrow(/nonexistent\/admin\.crt/);
    await expect(api.getRaw('/version')).rejects.toThrow(/nonexistent\/admin\.crt/);
    expect(api.connection.server).toBe('starting…');
  });

  it('stops saying "connecting…" once a kubeconfig connection has failed', async () => {
    const api = new DeferredApi(provisionalConnection(parseCliArgs(['--kubeconfig', '/nonexistent/kc'])),
      () => connect({ kubeconfig: '/nonexistent/kc' }).then((c) => new ApiClient(c)));
    expect(api.connection.server).toBe('connecting…');
    await expect(api.discover()).rejects.toThrow(/nonexistent\/kc/);
    expect(api.connection).toMatchObject({ server: 'not connected', user: 'unknown', mode: 'kubeconfig' });
  });
});

describe('cacheServer', () => {
  it('finds the server without the client: flags first, then the kubeconfig context', () => {
    expect(cacheServer(parseCliArgs(['--proxy']))).toBe('http://127.0.0.1:8001');
    expect(cacheServer(parseCliArgs(['--server', 'https://h:6443']))).toBe('https://h:6443');
    expect(cacheServer(parseCliArgs(['--kubeconfig', sb.files!.kubeconfig]))).toBe(sb.url);
    expect(cacheServer(parseCliArgs(['--kubeconfig', sb.files!.kubeconfig, '--context', 'nope']))).toBeUndefined();
    expect(cacheServer(parseCliArgs(['--demo']))).toBeUndefined();
    expect(cacheServer(parseCliArgs([]), { KUBECONFIG: `/nonexistent:${sb.files!.kubeconfig}` })).toBe(sb.url);
  });
});
