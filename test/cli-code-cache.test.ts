// The explorer's bundle is loaded with a V8 code cache (src/cli/code-cache.ts): the first load
// compiles and, once saved, the next one deserialises; a damaged or foreign cache never breaks the
// load, and stack frames keep the file's own lines.
import { lstatSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWithCodeCache } from '../src/cli/code-cache.js';

const MODULE = `'use strict';
const path = require('node:path');
function answer() { return 42; }
function fail() {
  throw new Error('from line 5');
}
module.exports = { answer, fail, base: path.basename(__filename), self: this === module.exports };
`;

async function fixture() {
  const dir = await mkdtemp(join(tmpdir(), 'kapi-code-cache-'));
  const file = join(dir, 'bundle.cjs');
  writeFileSync(file, MODULE);
  return { file, cache: join(dir, 'cache') };
}

type Exports = { answer(): number; fail(): never; base: string; self: boolean };

// V8 keeps compiled scripts per process: a second load in this process would never read the cache
// file. Each load below is therefore a fresh `node`, running code-cache.ts bundled by esbuild.
let lib: string;
beforeAll(async () => {
  const out = await mkdtemp(join(tmpdir(), 'kapi-code-cache-lib-'));
  lib = join(out, 'code-cache.mjs');
  await build({ entryPoints: ['src/cli/code-cache.ts'], bundle: true, platform: 'node', format: 'esm', outfile: lib });
});

/** Loads `file` with the cache in `cache` in a new process; `save` writes the cache after. */
function loadInChild(file: string, cache: string, save = false): { status: string; answer: number; base: string } {
  const script = `
    const { loadWithCodeCache } = await import(${JSON.stringify(pathToFileURL(lib).href)});
    const l = loadWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cache)});
    if (${save}) l.save();
    process.stdout.write(JSON.stringify({ status: l.status, answer: l.exports.answer(), base: l.exports.base }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

describe('loadWithCodeCache', () => {
  it('compiles first, writes the cache when asked, and uses it from then on', async () => {
    const { file, cache } = await fixture();
    const first = loadWithCodeCache<Exports>(file, cache);
    expect(first.status).toBe('miss');
    expect(first.exports.answer()).toBe(42);
    expect(first.exports).toMatchObject({ base: 'bundle.cjs', self: true });
    expect(readdirSync(cache)).toEqual([]);
    first.save();
    const files = readdirSync(cache);
    expect(files).toHaveLength(1);
    expect(lstatSync(join(cache, files[0])).mode & 0o777).toBe(0o600);
    expect(lstatSync(cache).mode & 0o777).toBe(0o700);
    expect(loadInChild(file, cache)).toEqual({ status: 'hit', answer: 42, base: 'bundle.cjs' });
  });

  it('a damaged cache is rejected by V8, the code still runs, and saving replaces it', async () => {
    const { file, cache } = await fixture();
    expect(loadInChild(file, cache, true).status).toBe('miss');
    const [name] = readdirSync(cache);
    writeFileSync(join(cache, name), Buffer.alloc(4096, 7));
    expect(loadInChild(file, cache, true)).toEqual({ status: 'rejected', answer: 42, base: 'bundle.cjs' });
    expect(loadInChild(file, cache).status).toBe('hit');
  });

  it('a cache folder that is not a real folder of ours is not used (the code runs without it)', async () => {
    const { file, cache } = await fixture();
    const elsewhere = `${cache}-elsewhere`;
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, cache);
    expect(loadInChild(file, cache, true)).toEqual({ status: 'off', answer: 42, base: 'bundle.cjs' });
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('the built explorer (dist/launch.cjs) loads through it and is cached', async () => {
    const cache = join(await mkdtemp(join(tmpdir(), 'kapi-code-cache-dist-')), 'cache');
    const launch = join(process.cwd(), 'dist', 'launch.cjs');
    const script = (save: boolean) => `
      const { loadWithCodeCache } = await import(${JSON.stringify(pathToFileURL(lib).href)});
      const l = loadWithCodeCache(${JSON.stringify(launch)}, ${JSON.stringify(cache)});
      if (${save}) l.save();
      process.stdout.write(l.status + ' ' + typeof l.exports.launchApp);`;
    const run = (save: boolean) =>
      execFileSync(process.execPath, ['--input-type=module', '-e', script(save)], { encoding: 'utf8' });
    expect(run(true)).toBe('miss function');
    expect(run(false)).toBe('hit function');
  });

  it("stack frames name the file's own lines (the wrapper adds none)", async () => {
    const { file, cache } = await fixture();
    const { exports } = loadWithCodeCache<Exports>(file, cache);
    let stack = '';
    try {
      exports.fail();
    } catch (e) {
      stack = (e as Error).stack ?? '';
    }
    expect(stack).toContain(`${file}:5:9`);
  });
});
