// test/commands-run.test.ts against the real kube-apiserver: every curl and kubectl command the UI
// shows runs as shown (after commandSetup's lines, through `bash -c`, with KUBECONFIG naming jane)
// and gets the status the view got — client certificate files, a kubeconfig with embedded *-data, a
// ServiceAccount token (kubeconfig token and --token), anonymous, and a real kubectl proxy.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from '../src/client/api.js';
import { connect, type ResolvedConnection } from '../src/client/connection.js';
import { commandSetup } from '../src/client/equivalents.js';
import { runBash, runShown, showableCommands, type ShownCommand } from './helpers/commands.js';
import { KUBECTL, startKubectlProxy, startSandbox, type KubectlProxy } from './helpers/client.js';
import { describeReal, useTestbed } from './helpers/real.js';
import type { Testbed } from './helpers/testbed.js';

let tb: Testbed;
let dir: string;
useTestbed('kapi-real-cmds-', {}, (f) => {
  tb = f.tb;
  dir = f.dir;
});

const b64 = (s: string) => Buffer.from(s).toString('base64');

describeReal('every shown command runs as shown (real kube-apiserver)', { timeout: 180_000 }, () => {
  let env: Record<string, string>;
  let token: string;
  let proxy: KubectlProxy;
  const shown: string[] = [];

  beforeAll(async () => {
    process.env.XDG_RUNTIME_DIR = join(dir, 'run');
    mkdirSync(process.env.XDG_RUNTIME_DIR, { mode: 0o700 });
    env = { KUBECONFIG: tb.files.kubeconfigJane, KUBECACHEDIR: join(dir, 'kubectl-cache') };
    // A ServiceAccount that may read (view) everywhere, and a token for it, made as the admin.
    const admin = (...args: string[]) =>
      execFileSync(KUBECTL, ['--kubeconfig', tb.files.kubeconfig, ...args], { encoding: 'utf8' }).trim();
    admin('create', 'serviceaccount', 'reader', '-n', 'team-a');
    admin('create', 'clusterrolebinding', 'reader-view', '--clusterrole=view', '--serviceaccount=team-a:reader');
    token = admin('create', 'token', 'reader', '-n', 'team-a');
    proxy = await startKubectlProxy(tb.files.kubeconfig);
  }, 60_000);
  afterAll(async () => {
    delete process.env.XDG_RUNTIME_DIR;
    await proxy?.stop();
  });

  function kubeconfig(name: string, user: Record<string, unknown>): string {
    const path = join(dir, name);
    writeFileSync(
      path,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        'current-context': 'real',
        clusters: [{ name: 'c', cluster: { server: tb.url, 'certificate-authority-data': b64(tb.caPem) } }],
        users: [{ name: 'u', user }],
        contexts: [{ name: 'real', context: { cluster: 'c', user: 'u', namespace: 'team-a' } }],
      }),
    );
    return path;
  }

  async function check(conn: ResolvedConnection, stdin?: string): Promise<ShownCommand[]> {
    const api = new ApiClient(conn);
    let commands: ShownCommand[];
    try {
      // No kubelet in the test bed: no pod logs.
      commands = await showableCommands(api, { namespace: 'team-a', pod: 'web-0', logs: false });
    } finally {
      api.close();
    }
    shown.push(...commandSetup(conn), ...commands.map((c) => c.command));
    expect(await runShown(conn, commands, { env, stdin })).toEqual([]);
    return commands;
  }

  it('client certificate files', async () => {
    const f = tb.files;
    const cs = await check(await connect({ server: tb.url, cert: f.adminCert, key: f.adminKey, cacert: f.ca }));
    expect(cs.every((c) => c.status < 300)).toBe(true);
  });

  it('a kubeconfig with embedded certificate-authority-data / client-certificate-data / client-key-data', async () => {
    const path = kubeconfig('kubeconfig-embedded', {
      'client-certificate-data': b64(tb.admin.certPem),
      'client-key-data': b64(tb.admin.keyPem),
    });
    const conn = await connect({ kubeconfig: path });
    expect(conn.caFile?.startsWith(join(dir, 'run', 'kapi-tui'))).toBe(true);
    const cs = await check(conn);
    expect(cs.every((c) => c.status < 300)).toBe(true);
  });

  it('a ServiceAccount token in a kubeconfig: TOKEN from kubectl config view', async () => {
    const conn = await connect({ kubeconfig: kubeconfig('kubeconfig-token', { token }) });
    expect(commandSetup(conn)[0]).toMatch(/^TOKEN=\$\(kubectl --kubeconfig \S+ config view --raw /);
    const cs = await check(conn);
    // view may list pods, not read `/` nor review access beyond itself: both kinds of status ran.
    expect(cs.some((c) => c.status === 200)).toBe(true);
  });

  it('the same token given to --token: typed in by the setup line', async () => {
    await check(await connect({ server: tb.url, cacert: tb.files.ca, token }), `${token}\n`);
  });

  it('anonymous: 403 for all but the public paths, from curl and kubectl alike', async () => {
    const conn = await connect({ server: tb.url, cacert: tb.files.ca });
    const cs = await check(conn);
    expect(new Set(cs.map((c) => c.status))).toEqual(new Set([200, 403]));
  });

  it('through a real kubectl proxy', async () => {
    const cs = await check(await connect({ proxy: proxy.url }));
    for (const c of cs) expect(c.command).toContain(proxy.url);
  });

  it("kubectl's --username for anonymous: a Basic header, ignored by kube-apiserver and the sandbox alike", async () => {
    const sb = await startSandbox({ dir: join(dir, 'sb'), watchIntervalMs: 0 });
    try {
      for (const [url, ca] of [
        [tb.url, tb.files.ca],
        [sb.url, sb.files!.ca],
      ] as const) {
        const r = await runBash([], `curl -sS --cacert ${ca} -u system:anonymous: ${url}/api -w '\\n%{http_code}'`, {
          env,
        });
        expect(r.stdout, url).toMatch(/User \\"system:anonymous\\" cannot get path \\"\/api\\"[^]*\n403$/);
      }
    } finally {
      await sb.close();
    }
  });

  it('no key material or token in any shown string', () => {
    expect(shown.length).toBeGreaterThan(100);
    for (const s of shown) {
      expect(s).not.toContain(token);
      expect(s).not.toContain(b64(tb.admin.keyPem).slice(0, 40));
      expect(s).not.toMatch(/-----BEGIN/);
    }
  });
});
