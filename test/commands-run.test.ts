// The curl and kubectl commands the UI shows run as shown, in every credential kind, and get the
// status the view got: client certificate files, a kubeconfig with embedded *-data (written to
// private files), bearer tokens (kubeconfig token, tokenFile, exec plugin, --token), anonymous and a
// real kubectl proxy. Every command runs through `bash -c` after commandSetup's lines, with KUBECONFIG
// pointing at ANOTHER user (jane), so none leans on the environment. test/real-commands-run.test.ts
// does the same against the real kube-apiserver.
import { chmodSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/client/api.js';
import { connect, type ResolvedConnection } from '../src/client/connection.js';
import { credentialDir, credentialFile, ensurePrivateDir } from '../src/client/credential-files.js';
import { commandSetup, curlCommand, kubectlCommand } from '../src/client/equivalents.js';
import { tourCurl, tourSetup, tourStepById } from '../src/model/tour.js';
import { runBash, runShown, showableCommands, type ShownCommand } from './helpers/commands.js';
import {
  CURL,
  KUBECTL,
  startKubectlProxy,
  startSandbox,
  tempDir,
  toolMissing,
  type KubectlProxy,
} from './helpers/client.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
const TOKEN = 'commands-run-token-9f3a';
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe.skipIf(toolMissing(CURL) || toolMissing(KUBECTL))(
  'every shown command runs as shown (sandbox)',
  { timeout: 120_000 },
  () => {
    let sb: Sandbox;
    let tokenSb: Sandbox;
    let tmp: ReturnType<typeof tempDir>;
    let proxy: KubectlProxy;
    /** The shell's environment: another user's kubeconfig, a private kubectl cache. */
    let env: Record<string, string>;
    const shownStrings: string[] = [];

    beforeAll(async () => {
      tmp = tempDir('kapi-cmds-');
      // Where kapi-tui writes inline credentials in this run (never the user's own folders).
      process.env.XDG_RUNTIME_DIR = join(tmp.dir, 'run');
      mkdirSync(process.env.XDG_RUNTIME_DIR, { mode: 0o700 });
      sb = await startSandbox({ dir: join(tmp.dir, 'sb'), watchIntervalMs: 0 });
      tokenSb = await startSandbox({ token: TOKEN, watchIntervalMs: 0 });
      writeFileSync(join(tmp.dir, 'token-ca.crt'), tokenSb.caPem);
      proxy = await startKubectlProxy(sb.files!.kubeconfig);
      env = { KUBECONFIG: sb.files!.kubeconfigJane, KUBECACHEDIR: join(tmp.dir, 'kubectl-cache') };
    });
    afterAll(async () => {
      delete process.env.XDG_RUNTIME_DIR;
      await proxy?.stop();
      await sb?.close();
      await tokenSb?.close();
      tmp?.remove();
    });

    function kubeconfig(name: string, server: string, user: Record<string, unknown>, cluster: Record<string, unknown>) {
      const path = join(tmp.dir, name);
      const doc = {
        apiVersion: 'v1',
        kind: 'Config',
        'current-context': 'ctx',
        clusters: [{ name: 'c', cluster: { server, ...cluster } }],
        users: [{ name: 'u', user }],
        contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u', namespace: 'team-a' } }],
      };
      writeFileSync(path, JSON.stringify(doc));
      return path;
    }
    const tokenCluster = () => ({ 'certificate-authority-data': b64(tokenSb.caPem) });

    async function check(conn: ResolvedConnection, opts: { stdin?: string } = {}): Promise<ShownCommand[]> {
      const api = new ApiClient(conn);
      let commands: ShownCommand[];
      try {
        commands = await showableCommands(api, { namespace: 'team-a', pod: 'db-0', logs: true });
      } finally {
        api.close();
      }
      shownStrings.push(...commandSetup(conn), ...commands.map((c) => c.command));
      expect(await runShown(conn, commands, { env, stdin: opts.stdin })).toEqual([]);
      return commands;
    }
    const statuses = (cs: ShownCommand[]) => new Set(cs.map((c) => c.status));

    it('client certificate files', async () => {
      const f = sb.files!;
      const conn = await connect({ server: sb.url, cert: f.adminCert, key: f.adminKey, cacert: f.ca });
      expect(conn.kubectlArgs.slice(0, 2)).toEqual(['--kubeconfig', '/dev/null']);
      expect(commandSetup(conn)).toEqual([]);
      const cs = await check(conn);
      // The admin gets 200s where jane (the shell's KUBECONFIG) would get 403s: all ran as admin.
      expect([...statuses(cs)].every((s) => s < 300)).toBe(true);
      expect(
        cs.find((c) => c.tool === 'kubectl' && c.label.includes('pods?limit=500') && !c.label.includes('namespaces'))!
          .command,
      ).toMatch(/ get pods -A$/);
    });

    it('a kubeconfig with embedded certificate-authority-data / client-certificate-data / client-key-data', async () => {
      const f = sb.files!;
      const path = kubeconfig(
        'kubeconfig-embedded',
        sb.url,
        { 'client-certificate-data': b64(sb.admin.certPem), 'client-key-data': b64(sb.admin.keyPem) },
        { 'certificate-authority-data': b64(sb.caPem) },
      );
      const conn = await connect({ kubeconfig: path });
      const dir = credentialDir();
      expect(dir).toBe(join(tmp.dir, 'run', 'kapi-tui'));
      for (const file of [conn.caFile!, conn.certFile!, conn.keyFile!]) {
        expect(file.startsWith(`${dir}/`)).toBe(true);
        expect(statSync(file).mode & 0o777).toBe(0o600);
      }
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(readFileSync(conn.caFile!, 'utf8')).toBe(readFileSync(f.ca, 'utf8'));
      expect(readFileSync(conn.keyFile!, 'utf8')).toBe(sb.admin.keyPem);
      expect(conn.kubectlArgs).toEqual(['--kubeconfig', path, '--context', 'ctx']);
      const cs = await check(conn);
      expect(cs[0]!.command).toContain(`--cacert ${conn.caFile}`);
      expect(cs[0]!.command).toContain(`--key ${conn.keyFile}`);
      // Connecting again reuses the very same files.
      const inode = statSync(conn.keyFile!).ino;
      const again = await connect({ kubeconfig: path });
      expect([again.caFile, again.certFile, again.keyFile]).toEqual([conn.caFile, conn.certFile, conn.keyFile]);
      expect(statSync(again.keyFile!).ino).toBe(inode);
    });

    it('a kubeconfig token: TOKEN from kubectl config view', async () => {
      const path = kubeconfig('kubeconfig-token', tokenSb.url, { token: TOKEN }, tokenCluster());
      const conn = await connect({ kubeconfig: path });
      expect(commandSetup(conn)).toEqual([
        `TOKEN=$(kubectl --kubeconfig ${path} config view --raw -o 'jsonpath={.users[?(@.name=="u")].user.token}')`,
      ]);
      await check(conn);
    });

    it('a tokenFile: TOKEN from cat', async () => {
      const tokenFile = join(tmp.dir, 'token');
      writeFileSync(tokenFile, `${TOKEN}\n`);
      const conn = await connect({
        kubeconfig: kubeconfig('kubeconfig-tokenfile', tokenSb.url, { tokenFile }, tokenCluster()),
      });
      expect(commandSetup(conn)).toEqual([`TOKEN=$(cat ${tokenFile})`]);
      await check(conn);
    });

    it('an exec plugin: TOKEN from the plugin itself, through jq', async () => {
      const plugin = join(tmp.dir, 'token plugin.sh');
      writeFileSync(
        plugin,
        `#!/bin/sh\n[ "$1" = --audience ] && [ "$PLUGIN_MODE" = test ] || exit 3\necho '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${TOKEN}"}}'\n`,
      );
      chmodSync(plugin, 0o755);
      const exec = {
        apiVersion: 'client.authentication.k8s.io/v1',
        command: plugin,
        args: ['--audience', 'sandbox'],
        env: [{ name: 'PLUGIN_MODE', value: 'test' }],
        interactiveMode: 'Never',
      };
      const conn = await connect({ kubeconfig: kubeconfig('kubeconfig-exec', tokenSb.url, { exec }, tokenCluster()) });
      expect(commandSetup(conn)).toEqual([
        `TOKEN=$(PLUGIN_MODE=test '${plugin}' --audience sandbox | jq -r .status.token)`,
      ]);
      await check(conn);
    });

    it('--token on the command line: the setup reads it from the terminal (here stdin), never shows it', async () => {
      const conn = await connect({ server: tokenSb.url, cacert: join(tmp.dir, 'token-ca.crt'), token: TOKEN });
      expect(commandSetup(conn)[0]).toContain('read -rs TOKEN');
      await check(conn, { stdin: `${TOKEN}\n` });
      // The token really comes from what the user types: another one is refused.
      const version = curlCommand(conn, { method: 'GET', path: '/version' });
      const r = await runBash(commandSetup(conn), `${version} -s -o /dev/null -w '%{http_code}'`, {
        env,
        stdin: 'wrong\n',
      });
      expect(r.stdout).toBe('401');
    });

    it('anonymous: curl with only --cacert, kubectl without a prompt and without the shell KUBECONFIG user', async () => {
      const conn = await connect({ server: sb.url, cacert: sb.files!.ca });
      expect(conn.anonymous).toBe(true);
      const cs = await check(conn);
      // system:anonymous may read /version and /healthz, nothing else here.
      expect(statuses(cs)).toEqual(new Set([200, 403]));
      expect(cs.find((c) => c.label === 'GET /version' && c.tool === 'curl')!.status).toBe(200);
      expect(
        cs.find((c) => c.label.startsWith('GET /api/v1/namespaces/team-a/pods?') && c.tool === 'kubectl')!.status,
      ).toBe(403);
      for (const c of cs.filter((c) => c.tool === 'curl'))
        expect(c.command).not.toMatch(/--cert|--key|Authorization|-k /);
      expect(conn.kubectlArgs).toEqual([
        '--kubeconfig',
        '/dev/null',
        '--server',
        sb.url,
        '--certificate-authority',
        sb.files!.ca,
        '--username',
        'system:anonymous',
      ]);
    });

    it('a kubeconfig user without credentials: anonymous, and kubectl does not prompt for a user name', async () => {
      const path = kubeconfig('kubeconfig-anonymous', sb.url, {}, { 'certificate-authority-data': b64(sb.caPem) });
      const conn = await connect({ kubeconfig: path });
      expect(conn.anonymous).toBe(true);
      expect(conn.kubectlArgs).toEqual(['--kubeconfig', path, '--context', 'ctx', '--username', 'system:anonymous']);
      const cs = await check(conn);
      expect(new Set(cs.map((c) => c.status))).toEqual(new Set([200, 403]));
    });

    it('through a real kubectl proxy: its real URL, no credentials', async () => {
      const conn = await connect({ proxy: proxy.url });
      const cs = await check(conn);
      for (const c of cs) {
        expect(c.command).toContain(proxy.url);
        expect(c.command).not.toMatch(/--cacert|--cert|--key|Authorization|--certificate-authority/);
      }
      // The tour's proxy step uses this proxy, with nothing to start first.
      const step = tourStepById('kubectl-proxy')!;
      expect(tourCurl(step, conn)).toBe(`curl ${proxy.url}/api`);
      expect(tourSetup(step, conn)).toEqual([]);
      const r = await runBash([], `${tourCurl(step, conn)} -sS -o /dev/null -w '%{http_code}'`, { env });
      expect(r.stdout).toBe('200');
    });

    it("the tour's anonymous example from an embedded-data kubeconfig: its CA file, 403 as system:anonymous", async () => {
      const path = kubeconfig(
        'kubeconfig-embedded-tour',
        sb.url,
        { 'client-certificate-data': b64(sb.admin.certPem), 'client-key-data': b64(sb.admin.keyPem) },
        { 'certificate-authority-data': b64(sb.caPem) },
      );
      const conn = await connect({ kubeconfig: path });
      for (const [id, status] of [
        ['anonymous', '403'],
        ['client-certificates', '200'],
      ] as const) {
        const curl = tourCurl(tourStepById(id)!, conn)!;
        expect(curl).toContain(`--cacert ${conn.caFile}`);
        shownStrings.push(curl);
        const r = await runBash([], `${curl} -sS -o /dev/null -w '%{http_code}'`, { env });
        expect(r.stdout, curl).toBe(status);
      }
    });

    it('Table views are kubectl get without -o; the explain view is kubectl explain', () => {
      const conn = {
        mode: 'kubeconfig' as const,
        server: 'https://h',
        namespace: 'default',
        insecure: false,
        kubectlArgs: ['--context', 'c'],
      };
      const table = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
      expect(kubectlCommand(conn, { method: 'GET', path: '/api/v1/namespaces/ns/pods?limit=500', accept: table })).toBe(
        'kubectl --context c get pods -n ns',
      );
      expect(
        kubectlCommand(conn, {
          method: 'GET',
          path: '/apis/apps/v1/deployments?limit=500',
          accept: 'application/json',
        }),
      ).toBe('kubectl --context c get deployments.apps -A -o json');
      expect(
        kubectlCommand(
          conn,
          { method: 'GET', path: '/apis/apps/v1/namespaces/ns/deployments/web' },
          { output: 'yaml' },
        ),
      ).toBe('kubectl --context c get deployments.apps web -n ns -o yaml');
      expect(
        kubectlCommand(
          conn,
          { method: 'GET', path: '/openapi/v3/apis/apps/v1?hash=AB' },
          { explain: { resource: 'deployments', fieldPath: ['spec', 'template'], apiVersion: 'apps/v1' } },
        ),
      ).toBe('kubectl --context c explain deployments.spec.template --api-version=apps/v1');
    });

    it('no key material, certificate data or token in any shown string', () => {
      expect(shownStrings.length).toBeGreaterThan(100);
      const secrets = [
        TOKEN,
        b64(sb.admin.keyPem).slice(0, 40),
        b64(sb.admin.certPem).slice(0, 40),
        b64(sb.caPem).slice(0, 40),
      ];
      for (const s of shownStrings) {
        expect(s).not.toMatch(/-----BEGIN|PRIVATE KEY/);
        for (const secret of secrets) expect(s).not.toContain(secret);
      }
    });
  },
);

describe('credential files', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeAll(() => {
    tmp = tempDir('kapi-credfiles-');
  });
  afterAll(() => tmp?.remove());

  it('the folder: XDG_RUNTIME_DIR, else the cache folder', () => {
    expect(credentialDir({ XDG_RUNTIME_DIR: '/run/user/7' })).toBe('/run/user/7/kapi-tui');
    expect(credentialDir({ XDG_CACHE_HOME: '/c' })).toBe('/c/kapi-tui/credentials');
    expect(credentialDir({ HOME: '/h' })).toMatch(/\/\.cache\/kapi-tui\/credentials$/);
  });

  it('0700 folder (re-narrowed), 0600 files named by content, reused, never overwritten', () => {
    const dir = join(tmp.dir, 'a', 'creds');
    const key = Buffer.from('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n');
    const first = credentialFile('key', key, dir);
    expect(lstatSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(first).mode & 0o777).toBe(0o600);
    chmodSync(dir, 0o755);
    chmodSync(first, 0o644);
    const ino = statSync(first).ino;
    expect(credentialFile('key', key, dir)).toBe(first);
    expect(statSync(first).ino).toBe(ino);
    expect(lstatSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(first).mode & 0o777).toBe(0o600);
    const other = credentialFile('key', Buffer.from('other'), dir);
    expect(other).not.toBe(first);
    // A file under the name with other content (tampering) is refused, not replaced.
    writeFileSync(first, 'tampered');
    expect(() => credentialFile('key', key, dir)).toThrow(/other content/);
    expect(readFileSync(first, 'utf8')).toBe('tampered');
  });

  it('refuses a symlinked folder', () => {
    const real = join(tmp.dir, 'real');
    mkdirSync(real, { mode: 0o700 });
    const link = join(tmp.dir, 'link');
    symlinkSync(real, link);
    expect(() => ensurePrivateDir(link)).toThrow(/not a folder/);
  });
});
