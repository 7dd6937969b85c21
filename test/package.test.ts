// What a user gets from `npm install kapi-tui`: the packed tarball installed into an empty folder.
// dist/ is a self-contained bundle, so the install adds the package alone (no runtime dependencies,
// hence --offline: no registry is needed), stays small, carries its licences, and both bins run —
// kubectl-kapi also as a kubectl plugin. Run `npm run build` first: the test packs the current dist/
// (with --ignore-scripts, so that prepack does not rebuild dist/ under the other tests' feet).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };

const ROOT = resolve(import.meta.dirname, '..');
const MAX_PACKAGES = 5;
const MAX_INSTALLED_BYTES = 10 * 1024 * 1024;

function run(file: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((res, rej) => {
    execFile(file, args, { ...opts, timeout: 60_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) rej(new Error(`${file} ${args.join(' ')}: ${err.message}\n${stderr}`));
      else res(String(stdout));
    });
  });
}

/** Bytes of every file under `dir` (what the install put on disk, before block rounding). */
function sizeOf(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

let dir: string;
let modules: string;
let bin: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kapi-package-'));
  const npmCache = join(dir, 'npm-cache'); // an empty cache: nothing can come from an earlier install
  const [packed] = JSON.parse(
    await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT }),
  );
  const project = join(dir, 'project');
  await mkdir(project);
  await writeFile(join(project, 'package.json'), '{ "name": "empty", "private": true }\n');
  await run(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--cache', npmCache, join(dir, packed.filename)],
    {
      cwd: project,
    },
  );
  modules = join(project, 'node_modules');
  bin = join(modules, '.bin');
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the packed package, installed into an empty folder', () => {
  it(`adds at most ${MAX_PACKAGES} packages and ${MAX_INSTALLED_BYTES >> 20} MB`, () => {
    const lock = JSON.parse(readFileSync(join(modules, '.package-lock.json'), 'utf8'));
    const installed = Object.keys(lock.packages);
    expect(installed).toContain('node_modules/kapi-tui');
    expect(installed.length).toBeLessThanOrEqual(MAX_PACKAGES);
    expect(sizeOf(modules)).toBeLessThanOrEqual(MAX_INSTALLED_BYTES);
  });

  it('ships LICENSE and THIRD_PARTY_NOTICES naming the bundled libraries', () => {
    const root = join(modules, 'kapi-tui');
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    const notices = readFileSync(join(root, 'THIRD_PARTY_NOTICES'), 'utf8');
    for (const name of ['ink', 'react', '@kubernetes/client-node', '@peculiar/x509', 'yaml']) {
      expect(notices).toMatch(new RegExp(`^${name.replace('/', '\\/')} \\d+\\.\\d+\\.\\d+ — \\S+$`, 'm'));
    }
    expect(existsSync(join(root, 'src')), 'sources are not shipped').toBe(false);
  });

  it('runs as kapi-tui and as kubectl-kapi', async () => {
    expect(await run(join(bin, 'kapi-tui'), ['--version'])).toBe(`kapi-tui ${pkg.version}\n`);
    expect(await run(join(bin, 'kubectl-kapi'), ['--version'])).toBe(`kapi-tui ${pkg.version}\n`);
  });

  it('is a kubectl plugin once its bin folder is on PATH: kubectl kapi --version', async () => {
    const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` };
    expect(await run('kubectl', ['kapi', '--version'], { env })).toBe(`kapi-tui ${pkg.version}\n`);
  });
});
