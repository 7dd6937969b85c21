// The CLI outside a terminal and when things go wrong: non-TTY refusal, --help/--version/api-resources
// without a TTY, usage errors, one-line errors (never a stack trace), connection warnings on stderr,
// --request-timeout, and the crash handler restoring the terminal and writing a report.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/server.js';
import { run } from './helpers/processes.js';
import { CLI, STACK_TRACE, Term } from './helpers/tmux.js';
import { tempDir } from './helpers/client.js';

let sb: Sandbox;
let tmp: ReturnType<typeof tempDir>;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  tmp = tempDir('kapi-cli-term-');
  sb = await startSandbox({ dir: join(tmp.dir, 'sb'), watchIntervalMs: 0 });
  env = { ...process.env, HOME: tmp.dir, XDG_CACHE_HOME: join(tmp.dir, 'cache') };
});
afterAll(async () => {
  await sb?.close();
  tmp?.remove();
});
afterEach(async () => {
  sb.setFaults([]);
  await Term.killAll();
});

const cli = (...args: string[]) => run('node', [CLI, ...args], env);
const lines = (s: string) => s.split('\n').filter(Boolean);

describe('without a terminal', () => {
  it('the explorer refuses with one line and exit 2 when stdin and stdout are pipes', async () => {
    const r = await cli('--kubeconfig', sb.files!.kubeconfig);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([
      'kapi-tui: the explorer needs an interactive terminal (stdin and stdout must be a TTY); for scripts use `kapi-tui api-resources` or `kapi-tui --help`',
    ]);
  });

  it('…and when only stdout is redirected, or only stdin (run in a real terminal, tmux)', async () => {
    for (const redirect of ['> out.txt', '< /dev/null > /dev/tty']) {
      const dir = tempDir('kapi-cli-tty-');
      try {
        const term = await Term.start(`sh -c 'node ${CLI} --demo ${redirect} 2> err.txt; echo $? > rc.txt'`, {
          cwd: dir.dir,
          cols: 100,
          rows: 20,
        });
        // The shell creates rc.txt before echo writes into it: wait for the whole line, not the file.
        const rc = join(dir.dir, 'rc.txt');
        await vi.waitFor(() => expect(existsSync(rc) && readFileSync(rc, 'utf8')).toMatch(/\n$/), {
          timeout: 15_000,
          interval: 50,
        });
        expect(readFileSync(rc, 'utf8').trim(), redirect).toBe('2');
        expect(lines(readFileSync(join(dir.dir, 'err.txt'), 'utf8'))).toEqual([
          expect.stringMatching(/^kapi-tui: the explorer needs an interactive terminal/),
        ]);
        await term.kill();
      } finally {
        dir.remove();
      }
    }
  });

  it('--help and --version work without a TTY', async () => {
    const h = await cli('--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/^kapi-tui — explore the Kubernetes API/);
    expect(h.stdout).toContain('--request-timeout DURATION');
    expect(h.stderr).toBe('');
    const v = await cli('--version');
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^kapi-tui \d+\.\d+\.\d+\n$/);
  });

  it('api-resources works without a TTY', async () => {
    const r = await cli('api-resources', '--kubeconfig', sb.files!.kubeconfig, '--api-group', 'apps');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND\n/);
    expect(r.stdout).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
  });
});

describe('usage errors: one message, the usage, exit 2', () => {
  it.each([
    [['--bogus'], "kapi-tui: Unknown option '--bogus'"],
    [['frobnicate'], 'kapi-tui: unknown command "frobnicate"'],
    [
      ['--request-timeout', 'soon'],
      'kapi-tui: --request-timeout must be a duration such as 30s, 1m30s or 0, got "soon"',
    ],
    [
      ['--proxy', '--cert', 'x.crt'],
      'kapi-tui: --cert, --key, --cacert and --token go with --server or a kubeconfig, not --proxy or --demo',
    ],
    [
      ['--demo', '--proxy'],
      'kapi-tui: choose one connection: --demo, --server, --proxy or a kubeconfig (--kubeconfig/--context)',
    ],
  ])('%j', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [first, blank, usage] = r.stderr.split('\n');
    expect(first).toBe(message);
    expect(blank).toBe('');
    expect(usage).toBe('kapi-tui — explore the Kubernetes API from the terminal');
  });
});

describe('a namespace kube would refuse: one line, exit 2, at once', () => {
  it.each([
    [
      'a 100 KB -n',
      'x'.repeat(100_000),
      `"${'x'.repeat(40)}… (100000 characters)"`,
      'must be no more than 63 characters',
    ],
    ['an upper-case -n', 'Team_A', '"Team_A"', "must consist of lower case alphanumeric characters or '-'"],
  ])('%s', async (_what, value, shown, rule) => {
    const t0 = Date.now();
    const r = await cli('--kubeconfig', sb.files!.kubeconfig, '-n', value);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(`kapi-tui: -n ${shown} is not a valid namespace name: a namespace ${rule}`);
  });
});

describe('errors and warnings from api-resources: short, with the next step, no stack trace', () => {
  it.each([
    [
      ['--server', 'https://127.0.0.1:1'],
      /^kapi-tui: Connection refused: Connection refused by 127\.0\.0\.1:1$/,
      /^hint: Nothing is listening/,
    ],
    [
      ['--kubeconfig', '/nonexistent/kubeconfig'],
      /^kapi-tui: Configuration problem: Cannot read the kubeconfig "\/nonexistent\/kubeconfig" \(--kubeconfig\): no such file$/,
      /^hint: Check the path/,
    ],
    [
      ['--server', 'https://nonexistent.invalid:6443'],
      /^kapi-tui: Host not found: Cannot resolve host name nonexistent\.invalid/,
      /^hint: /,
    ],
    [['--proxy', 'http://127.0.0.1:1'], /^kapi-tui: Connection refused/, /kubectl proxy/],
  ])('%j', async (args, first, hint) => {
    const r = await cli('api-resources', ...args);
    expect(r.code).toBe(1);
    const l = lines(r.stderr);
    expect(l).toHaveLength(2);
    expect(l[0]).toMatch(first);
    expect(l[1]).toMatch(hint);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('malformed kubeconfig YAML: file:line:column and the offending line', async () => {
    const path = join(tmp.dir, 'broken-kubeconfig');
    writeFileSync(path, 'apiVersion: v1\nclusters: [\n  - {name: x\n');
    const r = await cli('api-resources', '--kubeconfig', path);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toMatch(
      /^kapi-tui: Configuration problem: Cannot load the kubeconfig \/.*broken-kubeconfig:\d+:\d+: [^:]+; line \d+ reads ".+"$/,
    );
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('--insecure-skip-tls-verify: the warning on stderr, the table on stdout', async () => {
    const r = await cli(
      'api-resources',
      '--server',
      sb.url,
      '--cert',
      sb.files!.adminCert,
      '--key',
      sb.files!.adminKey,
      '--insecure-skip-tls-verify',
      '--api-group',
      'apps',
    );
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual([
      expect.stringMatching(/^kapi-tui: warning: TLS verification is off \(--insecure-skip-tls-verify\)/),
    ]);
    expect(r.stdout).toMatch(/^NAME\s+SHORTNAMES/);
  });

  it('--request-timeout: a slow server times out after that long, and says so', async () => {
    sb.setFaults([{ match: '/api', delayMs: 20_000 }]);
    const t0 = Date.now();
    const r = await cli('api-resources', '--kubeconfig', sb.files!.kubeconfig, '--request-timeout', '400ms');
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toMatch(
      /^kapi-tui: Timed out: No answer from 127\.0\.0\.1:\d+ within 0\.4 s \(GET \/api[s]?\)$/,
    );
    expect(lines(r.stderr)[1]).toMatch(/--request-timeout/);
  });
});

describe('crash handler (src/cli/terminal.ts in a child process)', () => {
  let script: string;
  beforeAll(async () => {
    // A tiny program that owns the terminal like the TUI does, then crashes in the way argv[2] says.
    script = join(tmp.dir, 'crash.mjs');
    await build({
      stdin: {
        contents: `
          import { mkdirSync, symlinkSync } from 'node:fs';
          import { crashReportFolder, enterFullScreen, installCrashHandlers } from './src/cli/terminal.ts';
          enterFullScreen();
          installCrashHandlers(() => process.stdout.write('[cleanup ran]'));
          const mode = process.argv[2];
          if (mode === 'throw') setImmediate(() => { throw new TypeError("boom: cannot read properties of undefined (reading 'x')\\nsecond line"); });
          else if (mode === 'reject') void Promise.reject(new Error('boom: rejected'));
          else if (mode === 'string') setImmediate(() => { throw 'a string'; });
          else if (mode === 'planted') {
            mkdirSync(crashReportFolder(), { recursive: true });
            symlinkSync(process.argv[3], crashReportFolder() + '/kapi-tui-crash-' + process.pid + '.log');
            setImmediate(() => { throw new Error('boom'); });
          }
          setTimeout(() => {}, 10_000);
        `,
        resolveDir: resolve(import.meta.dirname, '..'),
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: script,
      logLevel: 'silent',
    });
  });

  it.each([
    ['throw', "boom: cannot read properties of undefined (reading 'x')", /TypeError: boom/],
    ['reject', 'boom: rejected', /Error: boom: rejected\n\s+at /],
    ['string', 'a string', /a string/],
  ])('%s: the terminal is restored, one line says where the report is, exit 1', async (mode, message, report) => {
    const r = await run('node', [script, mode], env);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('\u001B[?1049h')).toBe(true);
    expect(r.stdout).toContain('\u001B[?25h\u001B[?1049l');
    expect(r.stdout.endsWith('[cleanup ran]')).toBe(true);
    const l = lines(r.stderr);
    expect(l).toHaveLength(1);
    const m = /^kapi-tui crashed: (.*) \(full report: (\/.*kapi-tui-crash-\d+\.log)\)$/.exec(l[0]!);
    expect(m, l[0]).not.toBeNull();
    expect(m![1]).toBe(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const file = m![2]!;
    expect(file.startsWith(join(tmp.dir, '.local', 'state', 'kapi-tui', 'kapi-tui-crash-'))).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, 'utf8')).toMatch(report);
    rmSync(file, { force: true });
  });

  it('a link planted where the report goes is not followed: no report, the one line still', async () => {
    const victim = join(tmp.dir, 'victim');
    writeFileSync(victim, 'keep\n');
    const r = await run('node', [script, 'planted', victim], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('kapi-tui crashed: boom\n');
    expect(readFileSync(victim, 'utf8')).toBe('keep\n');
  });
});

describe('--request-timeout parsing', () => {
  it('kubectl-style durations', async () => {
    const { parseCliArgs } = await import('../src/cli/args.js');
    const t = (v: string) => parseCliArgs([`--request-timeout=${v}`]).timeoutMs;
    expect(t('30s')).toBe(30_000);
    expect(t('2m')).toBe(120_000);
    expect(t('1h')).toBe(3_600_000);
    expect(t('500ms')).toBe(500);
    expect(t('1.5s')).toBe(1500);
    expect(t('10')).toBe(10_000);
    expect(t('0')).toBe(0);
    // Go durations, as kubectl takes them.
    expect(t('1m30s')).toBe(90_000);
    expect(t('1h2m3.5s')).toBe(3_723_500);
    expect(t('.5s')).toBe(500);
    expect(t('1500us')).toBe(2);
    expect(parseCliArgs([]).timeoutMs).toBeUndefined();
    expect(() => t('1m30')).toThrow(/duration/);
    expect(() => t('-1s')).toThrow(/duration/);
    expect(() => t('5 minutes')).toThrow(/duration/);
  });
});
