// The on-disk discovery cache: handed over before the network answers, refreshed after.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, cacheKey, connect, DiscoveryCache } from '../src/client/index.js';
import type { Discovery } from '../src/model/types.js';
import { startSandbox, type Sandbox } from '../src/sandbox/server.js';

let sb: Sandbox;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kapi-cache-'));
  sb = await startSandbox({ dir: join(dir, 'sb'), watchIntervalMs: 0 });
});
afterAll(async () => {
  await sb?.close();
  await rm(dir, { recursive: true, force: true });
});

async function client(cacheDir: string) {
  return new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }), {
    discoveryCache: new DiscoveryCache(cacheDir),
  });
}

describe('discovery cache', () => {
  it('names files after host and port like kubectl', () => {
    expect(cacheKey('https://127.0.0.1:6443')).toBe('https_127.0.0.1_6443');
    expect(cacheKey('http://localhost:8001/')).toBe('http_localhost_8001');
  });

  it('is empty on the first run, then hands the cached tree over before the network answers', async () => {
    const cacheDir = join(dir, 'c1');
    const first = await client(cacheDir);
    const cachedFirst: Discovery[] = [];
    const fresh = await first.discover({ onCached: (d) => cachedFirst.push(d) });
    expect(cachedFirst).toEqual([]);
    expect(await readdir(cacheDir)).toHaveLength(1);

    const second = await client(cacheDir);
    const order: string[] = [];
    second.onRequest(() => order.push('request'));
    let cached: Discovery | undefined;
    const again = await second.discover({
      onCached: (d) => {
        order.push('cached');
        cached = d;
      },
    });
    expect(order[0]).toBe('cached');
    expect(cached?.fromCache).toBe(true);
    expect(cached?.groups).toEqual(fresh.groups);
    expect(again.fromCache).toBeUndefined();
  });

  it('ignores a corrupt cache file', async () => {
    const cacheDir = join(dir, 'c2');
    const c = await client(cacheDir);
    await c.discover();
    const [file] = await readdir(cacheDir);
    await writeFile(join(cacheDir, file), '{not json');
    const seen: Discovery[] = [];
    const d = await (await client(cacheDir)).discover({ onCached: (x) => seen.push(x) });
    expect(seen).toEqual([]);
    expect(d.groups.length).toBeGreaterThan(10);
  });
});
