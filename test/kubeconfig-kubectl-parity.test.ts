// kubectl is the oracle for how a kubeconfig connects: for each kubeconfig set-up below, kubectl and
// kapi-tui's connect() must reach the same server, as the same user (the sandbox's SelfSubjectReview
// answers who), in the same namespace (kubectl's request URL says which), through the same proxy,
// with the same auth headers (a recording server keeps them).
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, vi } from 'vitest';
import { ApiClient, connect } from '../src/client/index.js';
import type { ConnectOptions } from '../src/client/types.js';
import { itWithKubectl, requireKubectl, run } from './helpers/processes.js';
import {
  type RecordingApiServer,
  type RecordingProxy,
  startRecordingApiServer,
  startRecordingProxy,
} from './helpers/recorders.js';
import { useSandbox } from './helpers/sandbox.js';
import type { Sandbox } from '../src/sandbox/server.js';

const TOKEN = 'matrix-token-1234';
let sb: Sandbox;
let dir: string;
useSandbox('kapi-kc-matrix-', { token: TOKEN, watchIntervalMs: 0 }, (s) => ({ sb, dir } = s));
let recorder: RecordingApiServer;
let plainRecorder: RecordingApiServer;
let proxy: RecordingProxy;
beforeAll(async () => {
  recorder = await startRecordingApiServer();
  plainRecorder = await startRecordingApiServer('http');
  proxy = await startRecordingProxy(sb.port);
});
afterAll(async () => {
  await recorder?.close();
  await plainRecorder?.close();
  await proxy?.close();
});
afterEach(() => vi.unstubAllEnvs());

/** One kubeconfig set-up: its environment (KUBECONFIG, HTTPS_PROXY, ...) and flags for both tools. */
interface Setup {
  env?: Record<string, string>;
  /** kubectl's flags; `opts` are the same for connect(). */
  flags?: string[];
  opts?: ConnectOptions;
}

interface Outcome {
  server?: string;
  namespace?: string;
  user?: string;
  groups?: string[];
  error?: boolean;
}

let caseNo = 0;
/** A folder with these files (kubeconfigs, plugins) and an empty HOME. */
async function folder(files: Record<string, string>): Promise<string> {
  const d = join(dir, `case-${++caseNo}`);
  await mkdir(join(d, 'home'), { recursive: true });
  await mkdir(join(d, 'bin'), { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(d, name), text);
  return d;
}

function environment(d: string, setup: Setup): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: join(d, 'home'), ...setup.env };
  for (const k of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']) env[k] ??= '';
  return env;
}

/** kubectl: who (auth whoami) and where (the URL of a namespaced list, from -v=6). */
async function viaKubectl(d: string, setup: Setup): Promise<Outcome> {
  const env = environment(d, setup);
  const who = await run(requireKubectl(), ['auth', 'whoami', '-o', 'json', ...(setup.flags ?? [])], env);
  if (who.code !== 0) return { error: true };
  const { username, groups } = JSON.parse(who.stdout).status.userInfo;
  const list = await run(requireKubectl(), ['get', 'configmaps', '-v=6', ...(setup.flags ?? [])], env);
  const m = /verb="GET" url="(https?:\/\/[^/"]+)\/api\/v1\/namespaces\/([^/]+)\/configmaps/.exec(list.stderr);
  return { server: m?.[1], namespace: m?.[2], user: username, groups };
}

async function viaKapi(d: string, setup: Setup): Promise<Outcome> {
  for (const [k, v] of Object.entries(environment(d, setup))) vi.stubEnv(k, v);
  let client: ApiClient | undefined;
  try {
    const conn = await connect(setup.opts ?? {});
    client = new ApiClient(conn);
    const who = await client.selfSubjectReview();
    return { server: conn.server, namespace: conn.namespace, user: who.username, groups: who.groups };
  } catch {
    return { error: true };
  } finally {
    client?.close();
    vi.unstubAllEnvs();
  }
}

/** Both tools on one set-up: their outcomes must be equal, and equal to `expected`. */
async function expectSame(d: string, setup: Setup, expected: Outcome): Promise<void> {
  const kubectl = await viaKubectl(d, setup);
  const kapi = await viaKapi(d, setup);
  expect({ kubectl, kapi }).toEqual({ kubectl: expected, kapi: expected });
}

interface KubeconfigParts {
  server?: string;
  cluster?: Record<string, unknown>;
  user?: Record<string, unknown>;
  namespace?: string;
  name?: string;
}

/** A one-context kubeconfig for the sandbox: admin's client certificate unless `user` says otherwise. */
function kubeconfig(p: KubeconfigParts = {}): string {
  const f = sb.files!;
  const name = p.name ?? 'ctx';
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': name,
    clusters: [
      { name: `${name}-cluster`, cluster: { server: p.server ?? sb.url, 'certificate-authority': f.ca, ...p.cluster } },
    ],
    users: [{ name: `${name}-user`, user: p.user ?? { 'client-certificate': f.adminCert, 'client-key': f.adminKey } }],
    contexts: [
      {
        name,
        context: {
          cluster: `${name}-cluster`,
          user: `${name}-user`,
          ...(p.namespace ? { namespace: p.namespace } : {}),
        },
      },
    ],
  });
}

const ADMIN = { user: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] };
const TOKEN_ADMIN = { user: 'sandbox-token-admin', groups: ['system:masters', 'system:authenticated'] };

/** An exec plugin (bin/cred) that counts its runs (bin/runs) and keeps the KUBERNETES_EXEC_INFO it got
 *  (bin/exec-info.json). */
function plugin(expiration?: string): string {
  const status = { token: TOKEN, ...(expiration ? { expirationTimestamp: expiration } : {}) };
  return [
    '#!/bin/sh',
    'here=$(dirname "$0")',
    'echo run >> "$here/runs"',
    'printf "%s" "$KUBERNETES_EXEC_INFO" > "$here/exec-info.json"',
    `printf '%s' '${JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status })}'`,
    '',
  ].join('\n');
}

const EXEC_USER = {
  exec: {
    apiVersion: 'client.authentication.k8s.io/v1',
    command: './bin/cred',
    interactiveMode: 'Never',
    provideClusterInfo: true,
  },
};

describe('kubeconfig matrix: kubectl and kapi-tui connect alike', () => {
  itWithKubectl("the context's namespace; -n wins", async () => {
    const d = await folder({ config: kubeconfig({ namespace: 'kube-system' }) });
    const base = { env: { KUBECONFIG: join(d, 'config') } };
    await expectSame(d, base, { server: sb.url, namespace: 'kube-system', ...ADMIN });
    await expectSame(
      d,
      { ...base, flags: ['-n', 'team-a'], opts: { namespace: 'team-a' } },
      { server: sb.url, namespace: 'team-a', ...ADMIN },
    );
  });

  itWithKubectl(
    'several files with overlapping names: the first definition wins; a missing entry is skipped',
    async () => {
      // The second file names the same context, cluster and user differently: none of it may be used.
      // The first file's user is an exec plugin (that once sent kapi-tui through another loader).
      const d = await folder({
        first: kubeconfig({ namespace: 'demo', user: EXEC_USER }),
        second: kubeconfig({ server: 'https://127.0.0.2:1', namespace: 'kube-system' }),
        'bin/cred': plugin(),
      });
      await chmod(join(d, 'bin/cred'), 0o755);
      const env = { KUBECONFIG: [join(d, 'missing'), join(d, 'first'), join(d, 'second')].join(delimiter) };
      await expectSame(d, { env }, { server: sb.url, namespace: 'demo', ...TOKEN_ADMIN });
    },
  );

  itWithKubectl("an auth-provider user (client-node's path) in several files: the same merge as kubectl", async () => {
    // A duplicate cluster name across files once made client-node's own loader fail outright.
    const oidc = {
      'auth-provider': { name: 'oidc', config: { 'id-token': 'x', 'idp-issuer-url': 'https://idp.example' } },
    };
    const d = await folder({
      first: kubeconfig({ name: 'shared', namespace: 'demo', user: oidc }),
      second: kubeconfig({ name: 'shared', server: 'https://127.0.0.2:1', namespace: 'kube-system' }),
    });
    const env = { KUBECONFIG: [join(d, 'first'), join(d, 'second')].join(delimiter) };
    const view = await run(requireKubectl(), ['config', 'view', '--minify', '-o', 'json'], environment(d, { env }));
    const minified = JSON.parse(view.stdout);
    const kubectl = { server: minified.clusters[0].cluster.server, namespace: minified.contexts[0].context.namespace };
    for (const [k, v] of Object.entries(environment(d, { env }))) vi.stubEnv(k, v);
    const conn = await connect({});
    const kapi = { server: conn.server, namespace: conn.namespace };
    const expected = { server: sb.url, namespace: 'demo' };
    expect({ kubectl, kapi }).toEqual({ kubectl: expected, kapi: expected });
    expect(conn.kubeConfig.getCurrentCluster()).toMatchObject({ server: sb.url });
  });

  itWithKubectl(
    "an exec plugin with a relative command, run in the kubeconfig's folder; same KUBERNETES_EXEC_INFO",
    async () => {
      const d = await folder({ config: kubeconfig({ user: EXEC_USER }), 'bin/cred': plugin() });
      await chmod(join(d, 'bin/cred'), 0o755);
      await expectSame(
        d,
        { env: { KUBECONFIG: join(d, 'config') } },
        { server: sb.url, namespace: 'default', ...TOKEN_ADMIN },
      );
      const kapiInfo = JSON.parse(await readFile(join(d, 'bin', 'exec-info.json'), 'utf8'));
      await run(requireKubectl(), ['auth', 'whoami', '--kubeconfig', join(d, 'config')], environment(d, {}));
      const kubectlInfo = JSON.parse(await readFile(join(d, 'bin', 'exec-info.json'), 'utf8'));
      expect(kapiInfo).toEqual(kubectlInfo);
      expect(kapiInfo).toEqual({
        apiVersion: 'client.authentication.k8s.io/v1',
        kind: 'ExecCredential',
        spec: {
          interactive: false,
          cluster: {
            server: sb.url,
            'certificate-authority-data': Buffer.from(sb.caPem).toString('base64'),
            config: null,
          },
        },
      });
    },
  );

  itWithKubectl(
    'an exec credential without expiry runs once for many requests; an expired one runs per request',
    async () => {
      for (const [expiration, runs] of [
        [undefined, 1],
        ['2000-01-01T00:00:00Z', 3],
      ] as const) {
        const d = await folder({ config: kubeconfig({ user: EXEC_USER }), 'bin/cred': plugin(expiration) });
        await chmod(join(d, 'bin/cred'), 0o755);
        const client = new ApiClient(await connect({ kubeconfig: join(d, 'config') }));
        for (let i = 0; i < 3; i++) await client.selfSubjectReview();
        client.close();
        expect({
          expiration,
          runs: (await readFile(join(d, 'bin', 'runs'), 'utf8')).split('\n').filter(Boolean).length,
        }).toEqual({ expiration, runs });
      }
    },
  );

  itWithKubectl('a plugin credential the server rejects (401) is dropped and the plugin run again, once', async () => {
    // The first run prints a token the sandbox does not know, the second the right one.
    const first = plugin().replace(TOKEN, 'rejected-token');
    const script = [
      '#!/bin/sh',
      'here=$(dirname "$0")',
      'if [ -e "$here/ran-once" ]; then exec "$here/good"; fi',
      'touch "$here/ran-once"',
      'exec "$here/first"',
      '',
    ].join('\n');
    const d = await folder({
      config: kubeconfig({ user: EXEC_USER }),
      'bin/cred': script,
      'bin/first': first,
      'bin/good': plugin(),
    });
    for (const f of ['cred', 'first', 'good']) await chmod(join(d, 'bin', f), 0o755);
    const client = new ApiClient(await connect({ kubeconfig: join(d, 'config') }));
    const who = await client.selfSubjectReview();
    await client.selfSubjectReview();
    client.close();
    const runs = (await readFile(join(d, 'bin', 'runs'), 'utf8')).split('\n').filter(Boolean).length;
    expect({ user: who.username, runs }).toEqual({ user: 'sandbox-token-admin', runs: 2 });
  });

  itWithKubectl('impersonation from the kubeconfig (as, as-groups) and from --as/--as-group', async () => {
    const d = await folder({
      config: kubeconfig({
        user: {
          'client-certificate': sb.files!.adminCert,
          'client-key': sb.files!.adminKey,
          as: 'jane',
          'as-groups': ['team-a-devs'],
        },
      }),
      plain: kubeconfig(),
    });
    const jane = {
      server: sb.url,
      namespace: 'default',
      user: 'jane',
      groups: ['team-a-devs', 'system:authenticated'],
    };
    await expectSame(d, { env: { KUBECONFIG: join(d, 'config') } }, jane);
    await expectSame(
      d,
      {
        env: { KUBECONFIG: join(d, 'plain') },
        flags: ['--as', 'jane', '--as-group', 'team-a-devs'],
        opts: { as: 'jane', asGroups: ['team-a-devs'] },
      },
      jane,
    );
    // jane may not impersonate: kube-apiserver (and the sandbox) answer 403.
    const asAdmin = {
      flags: ['--as', 'kubernetes-admin'],
      opts: { kubeconfig: sb.files!.kubeconfigJane, as: 'kubernetes-admin' },
    };
    await expectSame(
      d,
      { ...asAdmin, flags: [...asAdmin.flags, '--kubeconfig', sb.files!.kubeconfigJane] },
      { error: true },
    );
  });

  itWithKubectl('embedded certificate data; tls-server-name right and wrong', async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const embedded = {
      cluster: { 'certificate-authority': undefined, 'certificate-authority-data': b64(sb.caPem) },
      user: { 'client-certificate-data': b64(sb.admin.certPem), 'client-key-data': b64(sb.admin.keyPem) },
    };
    const d = await folder({
      embedded: kubeconfig(embedded),
      named: kubeconfig({ server: `https://127.0.0.1:${sb.port}`, cluster: { 'tls-server-name': 'kubernetes' } }),
      misnamed: kubeconfig({ cluster: { 'tls-server-name': 'not-the-server.example' } }),
    });
    await expectSame(
      d,
      { env: { KUBECONFIG: join(d, 'embedded') } },
      { server: sb.url, namespace: 'default', ...ADMIN },
    );
    await expectSame(
      d,
      { env: { KUBECONFIG: join(d, 'named') } },
      { server: `https://127.0.0.1:${sb.port}`, namespace: 'default', ...ADMIN },
    );
    await expectSame(d, { env: { KUBECONFIG: join(d, 'misnamed') } }, { error: true });
  });

  itWithKubectl(
    'HTTPS_PROXY, NO_PROXY and proxy-url: through the proxy exactly when kubectl goes through it',
    async () => {
      // "kubernetes" resolves nowhere here: only the proxy (which tunnels to the sandbox) reaches it.
      const remote = `https://kubernetes:${sb.port}`;
      const d = await folder({
        remote: kubeconfig({ server: remote }),
        viaProxyUrl: kubeconfig({ server: remote, cluster: { 'proxy-url': proxy.url } }),
        local: kubeconfig(),
      });
      const through = { server: remote, namespace: 'default', ...ADMIN };
      await expectSame(d, { env: { KUBECONFIG: join(d, 'remote'), HTTPS_PROXY: proxy.url } }, through);
      await expectSame(d, { env: { KUBECONFIG: join(d, 'viaProxyUrl') } }, through);
      await expectSame(
        d,
        { env: { KUBECONFIG: join(d, 'remote'), HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com,kubernetes' } },
        { error: true },
      );
      // Loopback is never proxied (Go's rule): the proxy sees nothing.
      const before = proxy.connects.length;
      await expectSame(
        d,
        { env: { KUBECONFIG: join(d, 'local'), HTTPS_PROXY: proxy.url } },
        { server: sb.url, namespace: 'default', ...ADMIN },
      );
      expect(proxy.connects.length - before).toBe(0);
    },
  );

  itWithKubectl('proxy-url: one CONNECT (one TLS handshake) for many requests', async () => {
    const d = await folder({
      config: kubeconfig({ server: `https://kubernetes:${sb.port}`, cluster: { 'proxy-url': proxy.url } }),
    });
    const before = proxy.connects.length;
    const client = new ApiClient(await connect({ kubeconfig: join(d, 'config') }));
    for (let i = 0; i < 5; i++) await client.selfSubjectReview();
    client.close();
    expect(proxy.connects.slice(before)).toEqual([`kubernetes:${sb.port}`]);
  });
});

describe('kubeconfig matrix: the same auth headers as kubectl (recording server)', () => {
  /** The headers of kubectl's and kapi-tui's SelfSubjectReview, in that order. */
  async function headersOf(d: string, setup: Setup, server = recorder) {
    const from = server.reviews.length;
    await run(requireKubectl(), ['auth', 'whoami', ...(setup.flags ?? [])], environment(d, setup));
    await viaKapi(d, setup);
    return server.reviews.slice(from);
  }

  itWithKubectl('a plain-HTTP server gets no credentials from either (impersonation still goes)', async () => {
    const user = { token: 'x', as: 'jane', 'as-groups': ['g1'] };
    const d = await folder({
      config: kubeconfig({ server: plainRecorder.url, cluster: { 'certificate-authority': undefined }, user }),
    });
    const noToken = { authorization: undefined, impersonateUser: 'jane', impersonateGroups: ['g1'] };
    expect(await headersOf(d, { env: { KUBECONFIG: join(d, 'config') } }, plainRecorder)).toEqual([noToken, noToken]);
  });

  itWithKubectl(
    'a tokenFile ending in a newline, --token over the kubeconfig, an exec plugin, impersonation',
    async () => {
      const at = (user: Record<string, unknown>) =>
        kubeconfig({
          server: recorder.url,
          user,
          cluster: {
            'certificate-authority': undefined,
            'certificate-authority-data': Buffer.from(recorder.caPem).toString('base64'),
          },
        });
      const d = await folder({
        token: `${TOKEN}\n`,
        fileToken: at({ tokenFile: 'token' }),
        exec: at(EXEC_USER),
        as: at({ token: 'x', as: 'jane', 'as-groups': ['g1', 'g2'] }),
        'bin/cred': plugin(),
      });
      await chmod(join(d, 'bin/cred'), 0o755);
      const bearer = { authorization: `Bearer ${TOKEN}`, impersonateUser: undefined, impersonateGroups: [] };
      const cases: [string, Setup, object][] = [
        ['tokenFile', { env: { KUBECONFIG: join(d, 'fileToken') } }, bearer],
        // client-go's quirk, kept: the user's tokenFile wins over --token.
        [
          '--token over tokenFile',
          { env: { KUBECONFIG: join(d, 'fileToken') }, flags: ['--token', 'flag'], opts: { token: 'flag' } },
          bearer,
        ],
        [
          '--token',
          { env: { KUBECONFIG: join(d, 'as') }, flags: ['--token', 'flag'], opts: { token: 'flag' } },
          { authorization: 'Bearer flag', impersonateUser: 'jane', impersonateGroups: ['g1', 'g2'] },
        ],
        ['exec', { env: { KUBECONFIG: join(d, 'exec') } }, bearer],
        [
          'as',
          { env: { KUBECONFIG: join(d, 'as') } },
          { authorization: 'Bearer x', impersonateUser: 'jane', impersonateGroups: ['g1', 'g2'] },
        ],
      ];
      for (const [name, setup, expected] of cases) {
        expect({ name, headers: await headersOf(d, setup) }).toEqual({ name, headers: [expected, expected] });
      }
    },
  );
});
