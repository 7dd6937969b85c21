// Crash reports name our source lines although dist/ is minified: the build ships source maps for
// the chunks holding our code, and the crash handler (src/cli/crash-stack.ts) reads them only after
// a crash, so start-up never pays for them. Run `npm run build` first (for the dist/ checks).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');

// The throw is on line 5 of this fixture (line 1 is the empty line after the backtick).
const FIXTURE = `
import { enterFullScreen, installCrashHandlers } from './src/cli/terminal.ts';
enterFullScreen();
installCrashHandlers(() => {});
setImmediate(() => { throw new TypeError('boom'); });
setTimeout(() => {}, 10_000);
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kapi-crash-map-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function runNode(script: string): Promise<{ code: number; stderr: string }> {
  return new Promise((res) => {
    execFile(process.execPath, [script], { env: { ...process.env, TMPDIR: dir } }, (err, _stdout, stderr) => {
      res({ code: err ? Number(err.code) : 0, stderr: String(stderr) });
    });
  });
}

describe('crash report stack', () => {
  it('names the source file and line of a minified bundle, like the shipped build', async () => {
    const script = join(dir, 'crash.mjs');
    await build({
      stdin: { contents: FIXTURE, resolveDir: ROOT, sourcefile: 'crash-fixture.ts', loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: script,
      logLevel: 'silent',
      minify: true,
      sourcemap: true,
      sourcesContent: false,
    });
    const r = await runNode(script);
    expect(r.code).toBe(1);
    const file = /full report: (\S+)\)/.exec(r.stderr)?.[1];
    expect(file, r.stderr).toBeDefined();
    const report = readFileSync(file!, 'utf8');
    rmSync(file!, { force: true });
    expect(report).toMatch(/TypeError: boom\n\s+at .*crash-fixture\.ts:5:\d+/);
    expect(report).not.toMatch(/crash\.mjs:\d+:\d+/);
  });

  it('leaves a frame without a source map as it is', async () => {
    const { remapStack } = await import('../src/cli/crash-stack.js');
    const stack = `Error: x\n    at f (file://${dir}/no-map.js:1:2)\n    at node:internal/timers:3:4`;
    expect(remapStack(stack)).toBe(stack);
  });
});

describe('dist/ source maps', () => {
  const chunks = () => readdirSync(DIST).filter((f) => f.endsWith('.js'));
  const mapped = (f: string) => readFileSync(join(DIST, f), 'utf8').includes('//# sourceMappingURL=');

  it('every chunk that points at a map has it, and the maps hold no source text', () => {
    const withMaps = chunks().filter(mapped);
    expect(withMaps).toContain('cli.js');
    for (const f of withMaps) {
      const map = JSON.parse(readFileSync(join(DIST, `${f}.map`), 'utf8'));
      expect(
        map.sources.some((s: string) => s.includes('/src/')),
        f,
      ).toBe(true);
      expect(map.sourcesContent, f).toBeUndefined();
    }
  });

  it('the largest chunk (libraries only: client-node) ships no map', () => {
    const largest = chunks().sort((a, b) => statSync(join(DIST, b)).size - statSync(join(DIST, a)).size)[0]!;
    expect(mapped(largest)).toBe(false);
    expect(existsSync(join(DIST, `${largest}.map`))).toBe(false);
  });
});
