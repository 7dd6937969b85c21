// The light kubeconfig loader: kubectl's merge rules and path resolution, static credentials, and
// the hand-off to client-node for credential plugins.
import { KubeconfigSyntaxError } from '../src/client/yaml-error.js';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { RequestOptions } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LiteKubeConfig, needsClientNode } from '../src/client/kubeconfig-lite.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kapi-lite-'));
  await mkdir(join(dir, 'a'));
  await writeFile(join(dir, 'a', 'ca.crt'), 'CA-A');
  await writeFile(join(dir, 'a', 'token'), 'tok-from-file\n');
  await writeFile(
    join(dir, 'a', 'config'),
    `apiVersion: v1
kind: Config
current-context: one
clusters:
- name: c1
  cluster: { server: https://one:6443, certificate-authority: ca.crt, tls-server-name: kubernetes }
users:
- name: u1
  user: { tokenFile: token }
- name: plugin
  user: { exec: { command: get-token, apiVersion: client.authentication.k8s.io/v1 } }
contexts:
- name: one
  context: { cluster: c1, user: u1, namespace: team-a }
- name: via-plugin
  context: { cluster: c1, user: plugin }
`,
  );
  await writeFile(
    join(dir, 'second'),
    `current-context: two
clusters:
- name: c1
  cluster: { server: https://shadowed:6443 }
- name: c2
  cluster: { server: https://two:6443, insecure-skip-tls-verify: true }
users:
- name: u2
  user: { client-certificate-data: ${Buffer.from('CERT').toString('base64')}, client-key-data: ${Buffer.from('KEY').toString('base64')} }
contexts:
- name: two
  context: { cluster: c2, user: u2 }
`,
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('LiteKubeConfig', () => {
  it('merges like kubectl: first definition and first current-context win; paths resolve per file', () => {
    const kc = new LiteKubeConfig();
    kc.loadFromFiles([join(dir, 'a', 'config'), join(dir, 'second')]);
    expect(kc.getCurrentContext()).toBe('one');
    expect(kc.getCluster('c1')?.server).toBe('https://one:6443');
    expect(kc.getCluster('c1')?.caFile).toBe(join(dir, 'a', 'ca.crt'));
    expect(kc.getCluster('c2')?.skipTLSVerify).toBe(true);
    expect(kc.getContextObject('one')?.namespace).toBe('team-a');
  });

  it('applies CA, server name and a token read from tokenFile', async () => {
    const kc = new LiteKubeConfig();
    kc.loadFromFiles([join(dir, 'a', 'config')]);
    const opts: RequestOptions = {};
    await kc.applyToHTTPSOptions(opts);
    expect(String(opts.ca)).toBe('CA-A');
    expect(opts.servername).toBe('kubernetes');
    expect((opts.headers as Record<string, string>).Authorization).toBe('Bearer tok-from-file');
  });

  it('reads a credential file at most once a second: a rotated token or CA is used a second later', async () => {
    const sub = await mkdtemp(join(tmpdir(), 'kapi-lite-rotate-'));
    await writeFile(join(sub, 'ca.crt'), 'CA-1');
    await writeFile(join(sub, 'token'), 'one\n');
    await writeFile(
      join(sub, 'config'),
      'apiVersion: v1\nkind: Config\ncurrent-context: c\nclusters:\n- name: k\n  cluster: { server: https://h:6443, certificate-authority: ca.crt }\nusers:\n- name: u\n  user: { tokenFile: token }\ncontexts:\n- name: c\n  context: { cluster: k, user: u }\n',
    );
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const kc = new LiteKubeConfig();
      kc.loadFromFiles([join(sub, 'config')]);
      const apply = async () => {
        const opts: RequestOptions = {};
        await kc.applyToHTTPSOptions(opts);
        return { ca: opts.ca as Buffer, auth: (opts.headers as Record<string, string>).Authorization };
      };
      const first = await apply();
      expect(first.auth).toBe('Bearer one');
      await writeFile(join(sub, 'ca.crt'), 'CA-2');
      await writeFile(join(sub, 'token'), 'two\n');
      vi.advanceTimersByTime(500);
      const soon = await apply();
      expect(soon.auth).toBe('Bearer one');
      expect(soon.ca).toBe(first.ca); // the same Buffer: the transport keys its agent on it
      vi.advanceTimersByTime(600);
      const later = await apply();
      expect(later.auth).toBe('Bearer two');
      expect(String(later.ca)).toBe('CA-2');
      // Read again but unchanged: still the same Buffer.
      vi.advanceTimersByTime(1100);
      expect((await apply()).ca).toBe(later.ca);
    } finally {
      vi.useRealTimers();
      await rm(sub, { recursive: true, force: true });
    }
  });

  it('applies inline client certificate data and skips verification only when asked', async () => {
    const kc = new LiteKubeConfig();
    kc.loadFromFiles([join(dir, 'second')]);
    const opts: RequestOptions = {};
    await kc.applyToHTTPSOptions(opts);
    expect(String(opts.cert)).toBe('CERT');
    expect(String(opts.key)).toBe('KEY');
    expect(opts.rejectUnauthorized).toBe(false);
    expect(opts.ca).toBeUndefined();
  });

  it('hands auth providers and SOCKS proxies to client-node; runs exec plugins and HTTP proxies itself', () => {
    const kc = new LiteKubeConfig();
    kc.loadFromFiles([join(dir, 'a', 'config')]);
    const cluster = (proxyUrl: string) => ({ name: 'p', server: 'https://x', skipTLSVerify: false, proxyUrl });
    expect(needsClientNode(kc.getCluster('c1'), kc.getUser('u1'))).toBe(false);
    expect(needsClientNode(kc.getCluster('c1'), kc.getUser('plugin'))).toBe(false);
    expect(needsClientNode(cluster('http://proxy:3128'), null)).toBe(false);
    expect(needsClientNode(cluster('socks5://proxy:1080'), null)).toBe(true);
    expect(needsClientNode(null, { name: 'oidc', authProvider: { name: 'oidc' } })).toBe(true);
  });

  it('reports YAML errors with a position', async () => {
    await writeFile(join(dir, 'broken'), 'clusters:\n  - name: [unclosed\n');
    const kc = new LiteKubeConfig();
    let err: unknown;
    try {
      kc.loadFromFiles([join(dir, 'broken')]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KubeconfigSyntaxError);
    expect(err).toMatchObject({ file: join(dir, 'broken'), line: 3, column: 1 });
  });
});
