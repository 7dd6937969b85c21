// End to end: the built CLI against a sandbox started in this process, in each connection mode
// (explicit certificates, kubeconfig, a real `kubectl proxy`), the connection errors the explorer
// must explain in place (and still quit cleanly), and the command line without a terminal.
// Run `npm run build` first.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { createCertificateAuthority } from '../src/sandbox/certs.js';
import { type Sandbox, startSandbox } from '../src/sandbox/server.js';
import { itWithKubectl, requireKubectl, startAndWaitFor } from './helpers/processes.js';
import { CLI, shellQuote, Term } from './helpers/tmux.js';

let sb: Sandbox;
let dir: string;
let otherCa: string;
const children: { kill(): void }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kapi-e2e-modes-'));
  sb = await startSandbox({ dir, watchIntervalMs: 0 });
  // A CA that did not sign the sandbox's serving certificate.
  otherCa = join(dir, 'other-ca.crt');
  await writeFile(otherCa, (await createCertificateAuthority('some-other-ca')).certPem);
});
afterEach(async () => {
  await Term.killAll();
  for (const c of children.splice(0)) c.kill();
});
afterAll(async () => {
  await sb?.close();
  await rm(dir, { recursive: true, force: true });
});

const files = () => sb.files!;

/** Runs the CLI with these flags in tmux (120x40), with an empty discovery cache of its own: every
 *  test starts cold (a cache warmed by an earlier test would hide the connection errors below). */
async function startCli(flags: string[]): Promise<Term> {
  const home = await mkdtemp(join(dir, 'home-'));
  const cmd = ['node', CLI, ...flags].map(shellQuote).join(' ');
  return Term.start(cmd, { cols: 120, rows: 40, env: { XDG_CACHE_HOME: join(home, 'cache'), HOME: home } });
}

const headerOf = (screen: string) => screen.split('\n')[0];

async function quit(t: Term): Promise<void> {
  await t.keys('q');
  expect(await t.waitForExit()).toMatchObject({ status: 0, alternate: false });
  t.check(await t.screen());
}

/** Filter the focused list with `text`, keep the filter (Enter), wait until the prompt is gone. */
async function filterTo(t: Term, text: string, shown: (s: string) => boolean): Promise<void> {
  await t.keys('/');
  await t.type(text);
  await t.waitFor(shown);
  await t.keys('Enter');
  await t.waitFor((s) => !s.includes(`${text}▌`));
}

/** The tree is there; apps/v1 → deployments → Enter lists them (then in all namespaces). */
async function browseDeployments(t: Term, mode: RegExp): Promise<void> {
  let s = await t.waitFor((x) => x.includes('core/v1') && x.includes('apps/v1') && x.includes('Groups'));
  expect(headerOf(s)).toMatch(mode);

  await filterTo(t, 'apps/v1', (x) => x.includes('apps/v1') && !x.includes('core/v1'));
  await t.keys('Enter');
  await t.waitFor((x) => x.includes('deployments') && x.includes('daemonsets'));
  await filterTo(t, 'deployments', (x) => x.includes('deployments/scale') && !x.includes('daemonsets'));
  await t.keys('Enter');
  s = await t.waitFor(
    (x) => /NAME\s+READY\s+UP-TO-DATE/.test(x) && x.includes('GET /apis/apps/v1/namespaces/default/deployments'),
  );
  expect(s).toContain('Detail');

  await t.keys('n');
  await t.waitFor('all namespaces');
  await t.keys('Enter');
  s = await t.waitFor((x) => x.includes('GET /apis/apps/v1/deployments') && x.includes('coredns'));
  expect(s).toMatch(/NAMESPACE\s+NAME\s+READY\s+UP-TO-DATE/);
  expect(s).toContain('curl ');
}

describe('connection modes against the sandbox', () => {
  it('certificates: --server --cert --key --cacert', async () => {
    const f = files();
    const t = await startCli(['--server', sb.url, '--cert', f.adminCert, '--key', f.adminKey, '--cacert', f.ca]);
    await browseDeployments(t, /\bcertificates\b/);
    await quit(t);
  });

  it('kubeconfig: --kubeconfig FILE', async () => {
    const t = await startCli(['--kubeconfig', files().kubeconfig]);
    // A cold start asks for discovery while Ink loads; the request log still shows those requests.
    await t.waitFor((x) => x.includes('apps/v1') && x.includes('Groups'));
    await t.keys('L');
    await t.waitFor((x) => /#\d GET \/apis 200/.test(x) && /#\d GET \/api 200/.test(x));
    await t.keys('Escape');
    await browseDeployments(t, /\bkubeconfig\b/);
    await quit(t);
  });

  it('kubeconfig, second start: the cached tree is on screen while the server is still being asked', async () => {
    const home = await mkdtemp(join(dir, 'home-'));
    const env = { XDG_CACHE_HOME: join(home, 'cache'), HOME: home };
    const cmd = ['node', CLI, '--kubeconfig', files().kubeconfig].map(shellQuote).join(' ');
    const first = await Term.start(cmd, { cols: 120, rows: 40, env });
    await first.waitFor((x) => x.includes('apps/v1') && !x.includes('(cached)'));
    // The fresh discovery is written in the background: quit once it is on disk.
    await vi.waitFor(() => expect(readdirSync(join(home, 'cache', 'kapi-tui', 'discovery'))).toHaveLength(1), {
      timeout: 5000,
    });
    await quit(first);
    // Discovery now takes 3 s: whatever shows the tree before that came from the cache.
    sb.setFaults([{ match: '/api', delayMs: 3000 }]);
    try {
      const second = await Term.start(cmd, { cols: 120, rows: 40, env });
      const s = await second.waitFor((x) => x.includes('apps/v1') && x.includes('core/v1'), 2500);
      expect(s).toContain('(cached)');
      await quit(second);
    } finally {
      sb.setFaults([]);
    }
  });

  it("kubeconfig: the context's namespace in the first frame and the first table request, cold and warm", async () => {
    const kubeconfig = join(dir, 'kubeconfig-kube-system');
    const sandboxConfig = await readFile(files().kubeconfig, 'utf8');
    await writeFile(kubeconfig, sandboxConfig.replace('namespace: default', 'namespace: kube-system'));
    const home = await mkdtemp(join(dir, 'home-'));
    const cmd = ['node', CLI, '--kubeconfig', kubeconfig].map(shellQuote).join(' ');
    for (const start of ['cold', 'warm']) {
      const t = await Term.start(cmd, {
        cols: 120,
        rows: 40,
        env: { XDG_CACHE_HOME: join(home, 'cache'), HOME: home },
      });
      // The first frame with a header already says it (the explorer takes its namespace at mount).
      const first = await t.waitFor((x) => /\bns \S+/.test(headerOf(x)));
      expect({ start, ns: /\bns (\S+)/.exec(headerOf(first))![1] }).toEqual({ start, ns: 'kube-system' });
      await t.waitFor((x) => x.includes('core/v1') && x.includes('Groups'));
      await t.keys('Enter');
      await filterTo(t, 'pods', (x) => x.includes('pods/log') && !x.includes('services'));
      await t.keys('Enter');
      await t.waitFor((x) => x.includes('GET /api/v1/namespaces/kube-system/pods') && x.includes('coredns'));
      await quit(t);
    }
  });

  it('-A: starts in all namespaces (header and the first table request)', async () => {
    const t = await startCli(['--kubeconfig', files().kubeconfig, '-A']);
    const first = await t.waitFor((x) => /\bns \S+/.test(headerOf(x)));
    expect(/\bns (\S+)/.exec(headerOf(first))![1]).toBe('all');
    await t.waitFor((x) => x.includes('core/v1') && x.includes('Groups'));
    await t.keys('Enter');
    await filterTo(t, 'pods', (x) => x.includes('pods/log') && !x.includes('services'));
    await t.keys('Enter');
    await t.waitFor((x) => x.includes('GET /api/v1/pods') && x.includes('coredns'));
    await quit(t);
  });

  itWithKubectl('proxy: through a real `kubectl proxy --port=0`', async () => {
    const kubectl = requireKubectl();
    const { child, match } = await startAndWaitFor(
      kubectl,
      ['proxy', '--port=0', '--kubeconfig', files().kubeconfig],
      /Starting to serve on 127\.0\.0\.1:(\d+)/,
    );
    children.push(child);
    const t = await startCli(['--proxy', `http://127.0.0.1:${match[1]}`]);
    await browseDeployments(t, /\bproxy\b/);
    await quit(t);
  });
});

describe('connection errors: the explorer opens, explains, and q exits 0', () => {
  const cases: { name: string; flags: () => string[]; mode: RegExp; shows: RegExp[] }[] = [
    {
      name: 'a server that refuses connections',
      flags: () => ['--server', 'https://127.0.0.1:1', '--cacert', files().ca],
      mode: /\bcertificates\b/,
      shows: [/refused/i, /127\.0\.0\.1:1\b/, /running/], // the hint: is the API server running?
    },
    {
      name: 'a kubectl proxy that is not running',
      flags: () => ['--proxy', 'http://127.0.0.1:1'],
      mode: /\bproxy\b/,
      shows: [/refused/i, /kubectl proxy/], // the hint: is `kubectl proxy` running?
    },
    {
      name: 'a missing client certificate file',
      flags: () => ['--server', sb.url, '--cert', '/nope.crt', '--key', files().adminKey, '--cacert', files().ca],
      mode: /\bcertificates\b/,
      shows: [/\/nope\.crt/, /no such file|cannot read|not found/i],
    },
    {
      name: 'a server certificate from an untrusted CA',
      flags: () => ['--server', sb.url, '--cert', files().adminCert, '--key', files().adminKey, '--cacert', otherCa],
      mode: /\bcertificates\b/,
      shows: [/TLS/, /trusted|verify|self[- ]signed/i, /certificate-authority/], // the hint: --cacert or certificate-authority
    },
  ];

  it.each(cases)('$name', async ({ flags, mode, shows }) => {
    const t = await startCli(flags());
    const s = await t.waitFor((x) => shows.every((re) => re.test(x)));
    expect(headerOf(s)).toMatch(mode);
    expect(s).toContain('Groups');
    expect(s).toContain('Detail');
    // The non-resource paths stay listed: the explorer is usable enough to retry or look around.
    expect(s).toContain('/healthz');
    await quit(t);
  });
});

/** Runs the CLI with stdin from /dev/null and stdout/stderr as pipes: no terminal at all. */
function runWithoutTty(
  args: string[],
  timeoutMs = 10_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `kapi-tui ${args.join(' ')} did not exit within ${timeoutMs} ms; stdout: ${stdout}; stderr: ${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('without a terminal', () => {
  it('--demo < /dev/null exits 2 with a one-line explanation', async () => {
    const r = await runWithoutTty(['--demo']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/terminal|TTY/i);
  });

  it('--help prints the usage, exit 0', async () => {
    const r = await runWithoutTty(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^kapi-tui/);
    expect(r.stdout).toContain('Usage:');
    expect(r.stdout).toContain('--demo');
    expect(r.stdout).toContain('--proxy');
    expect(r.stderr).toBe('');
  });

  it('--version prints the version, exit 0', async () => {
    const r = await runWithoutTty(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`kapi-tui ${pkg.version}\n`);
    expect(r.stderr).toBe('');
  });

  it('an unknown flag exits 2 with the usage', async () => {
    const r = await runWithoutTty(['--bogus']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--bogus/);
    expect(r.stderr).toContain('Usage:');
  });
});
