// On-disk discovery cache, one file per API server, like kubectl's ~/.kube/cache/discovery/<host_port>.
// The explorer shows the cached tree at once and revalidates it in the background; a changed
// discovery (a CRD installed, an upgrade) replaces the file.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Discovery } from '../model/types.js';

const FORMAT_VERSION = 1;

interface CacheFile {
  formatVersion: number;
  server: string;
  savedAt: string;
  discovery: Discovery;
}

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(base, 'kapi-tui', 'discovery');
}

/** kubectl's scheme: host and port with anything unsafe for a file name replaced. */
export function cacheKey(server: string): string {
  const u = new URL(server);
  const path = u.pathname.replace(/\/+$/, '');
  return `${u.protocol.replace(':', '')}_${u.host}${path}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

export class DiscoveryCache {
  constructor(private readonly dir: string = defaultCacheDir()) {}

  private file(server: string): string {
    return join(this.dir, `${cacheKey(server)}.json`);
  }

  /** The cached discovery, or undefined when there is none or it cannot be read. */
  async load(server: string): Promise<Discovery | undefined> {
    try {
      const parsed = JSON.parse(await readFile(this.file(server), 'utf8')) as CacheFile;
      if (parsed.formatVersion !== FORMAT_VERSION || parsed.server !== server) return undefined;
      return parsed.discovery;
    } catch {
      return undefined; // missing or corrupt: discovery simply runs cold
    }
  }

  /** Replaces the server's file (atomically, best effort: see writeCacheFile). */
  async save(server: string, discovery: Discovery): Promise<void> {
    if (discovery.failures.length > 0) return; // never cache a partial view
    const body: CacheFile = { formatVersion: FORMAT_VERSION, server, savedAt: new Date().toISOString(), discovery };
    await writeCacheFile(this.file(server), JSON.stringify(body));
  }
}

/** Writes a cache file atomically (temp file + rename), so a crash never leaves half a file.
 *  Errors are ignored: a read-only home must not stop the explorer. */
export async function writeCacheFile(path: string, data: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, data, { mode: 0o600 });
    await rename(tmp, path);
  } catch {
    /* best effort */
  }
}

/** Whether two discoveries describe the same API (ignoring how many requests each took). */
export function sameDiscovery(a: Discovery, b: Discovery): boolean {
  return JSON.stringify(a.groups) === JSON.stringify(b.groups) && a.format === b.format;
}
