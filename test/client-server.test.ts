// One answer to "which server": the connection and the discovery-cache key agree, for flags written
// loosely (no scheme, a trailing slash) and for a kubeconfig context.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTarget } from '../src/cli/cache-server.js';
import { parseCliArgs } from '../src/cli/args.js';
import { connect } from '../src/client/connection.js';
import { defaultCacheDir, DiscoveryCache } from '../src/client/discovery-cache.js';
import { LiteKubeConfig } from '../src/client/kubeconfig-lite.js';
import { kubeconfigFiles, normaliseServer, resolveServer } from '../src/client/server.js';

let dir: string;
let kubeconfig: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kapi-server-'));
  kubeconfig = join(dir, 'config');
  await writeFile(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'current-context: a',
      'contexts:',
      '- name: a',
      '  context: {cluster: one, user: u, namespace: kube-system}',
      '- name: b',
      '  context: {cluster: two, user: u}',
      'clusters:',
      '- name: one',
      "  cluster: {server: 'https://one.example:6443/'}",
      '- name: two',
      "  cluster: {server: 'https://two.example:6443'}",
      'users:',
      '- name: u',
      '  user: {token: t}',
      '',
    ].join('\n'),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('resolveServer', () => {
  it('flags: a scheme added when missing, no trailing slash; --proxy alone is the kubectl default', () => {
    expect(resolveServer({ server: '127.0.0.1:6443/' })).toBe('https://127.0.0.1:6443');
    expect(resolveServer({ proxy: '127.0.0.1:8080' })).toBe('http://127.0.0.1:8080');
    expect(resolveServer({ proxy: true })).toBe('http://127.0.0.1:8001');
    expect(() => normaliseServer('ftp://x', '--server')).toThrow(/Unsupported URL scheme/);
  });

  it("a kubeconfig: the current context's cluster, or --context's; none for an unknown context", () => {
    const kc = new LiteKubeConfig();
    kc.loadFromFiles([kubeconfig]);
    expect(resolveServer({}, kc)).toBe('https://one.example:6443');
    expect(resolveServer({ context: 'b' }, kc)).toBe('https://two.example:6443');
    expect(resolveServer({ context: 'nope' }, kc)).toBeUndefined();
  });

  it("kubeconfigFiles: the flag, else $KUBECONFIG's list, else ~/.kube/config", () => {
    expect(kubeconfigFiles({ kubeconfig: 'k' }, { KUBECONFIG: 'x' })).toEqual(['k']);
    expect(kubeconfigFiles({}, { KUBECONFIG: `a${delimiter}${delimiter}b` })).toEqual(['a', 'b']);
    expect(kubeconfigFiles({}, { HOME: '/home/me' })).toEqual([join('/home/me', '.kube', 'config')]);
  });
});

describe("the discovery-cache key is the connection's server", () => {
  const envWith = async () => ({ XDG_CACHE_HOME: await mkdtemp(join(dir, 'cache-')) });

  for (const flags of [
    ['--server', '127.0.0.1:6443/'],
    ['--proxy', 'http://127.0.0.1:8080/'],
    ['--kubeconfig', 'KC'],
    ['--kubeconfig', 'KC', '--context', 'b'],
  ]) {
    it(flags.join(' '), async () => {
      const args = parseCliArgs(flags.map((f) => (f === 'KC' ? kubeconfig : f)));
      const conn = await connect(args);
      expect((await startTarget(args, await envWith())).server).toBe(conn.server);
    });
  }

  // Every way of writing one server reads the tree a connection to it saved (a warm start).
  const forms = [
    'localhost:6443',
    'localhost:6443/',
    'https://localhost:6443',
    'https://localhost:6443/',
    '127.0.0.1:6443',
    'https://127.0.0.1:6443/',
    '[::1]:6443',
    'https://[::1]:6443',
  ];
  for (const form of forms) {
    it(`--server ${form} hits the cache the connection wrote`, async () => {
      const env = await envWith();
      const args = parseCliArgs(['--server', form]);
      const conn = await connect(args);
      const discovery = { format: 'aggregated' as const, requests: 7, groups: [], failures: [], rawDocuments: {} };
      await new DiscoveryCache(defaultCacheDir(env)).save(conn.server, discovery);
      const target = await startTarget(args, env);
      expect(await new DiscoveryCache(defaultCacheDir(env)).load(target.server!)).toMatchObject({ requests: 7 });
    });
  }
});

describe('the namespace to start in, before connecting', () => {
  const env = async () => ({ XDG_CACHE_HOME: await mkdtemp(join(dir, 'cache-')) });

  it("the current context's namespace, from the kubeconfig and then from the memo, like the connection", async () => {
    const args = parseCliArgs(['--kubeconfig', kubeconfig]);
    const e = await env();
    expect(await startTarget(args, e)).toEqual({ server: 'https://one.example:6443', namespace: 'kube-system' });
    expect(await startTarget(args, e)).toEqual({ server: 'https://one.example:6443', namespace: 'kube-system' });
    expect((await connect(args)).namespace).toBe('kube-system');
  });

  it("-n wins over the context's; a context without one leaves it unset (the header says default)", async () => {
    const e = await env();
    expect((await startTarget(parseCliArgs(['--kubeconfig', kubeconfig, '-n', 'team-a']), e)).namespace).toBe('team-a');
    expect(
      (await startTarget(parseCliArgs(['--kubeconfig', kubeconfig, '--context', 'b']), e)).namespace,
    ).toBeUndefined();
  });

  it("a context's namespace kube would refuse (100 KB) is not taken for the first frame", async () => {
    const file = join(dir, 'long-namespace');
    await writeFile(
      file,
      `current-context: x\ncontexts:\n- name: x\n  context: {cluster: one, user: u, namespace: ${'a'.repeat(100_000)}}\n` +
        "clusters:\n- name: one\n  cluster: {server: 'https://one.example:6443/'}\nusers:\n- name: u\n  user: {}\n",
    );
    const e = await env();
    expect(await startTarget(parseCliArgs(['--kubeconfig', file]), e)).toEqual({ server: 'https://one.example:6443' });
    // From the memo too (a warm start).
    expect((await startTarget(parseCliArgs(['--kubeconfig', file]), e)).namespace).toBeUndefined();
  });

  it('KUBECONFIG entries that do not exist are skipped, like kubectl', async () => {
    const e = { ...(await env()), KUBECONFIG: [join(dir, 'missing'), kubeconfig].join(delimiter) };
    expect(await startTarget(parseCliArgs([]), e)).toEqual({
      server: 'https://one.example:6443',
      namespace: 'kube-system',
    });
  });
});
