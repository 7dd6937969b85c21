// The three connection modes and the authentication outcomes, against the real sandbox over TLS.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import { curlAuthArgs } from '../src/client/equivalents.js';
import type { RequestEvent, ResourceRef } from '../src/model/types.js';
import {
  CURL,
  KUBECTL,
  createCertificateAuthority,
  startSandbox,
  startKubectlProxy,
  tempDir,
  toolMissing,
  type KubectlProxy,
  rejection,
} from './helpers/client.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const PODS: ResourceRef = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const NAMESPACES: ResourceRef = { group: '', version: 'v1', resource: 'namespaces', namespaced: false };
const sh = promisify(execFile);

function record(api: ApiClient): RequestEvent[] {
  const events: RequestEvent[] = [];
  api.onRequest((ev) => events.push(ev));
  return events;
}

describe('connection modes against the sandbox', () => {
  let sb: Sandbox;
  let tmp: ReturnType<typeof tempDir>;
  let files: NonNullable<Sandbox['files']>;

  beforeAll(async () => {
    tmp = tempDir();
    sb = await startSandbox({ dir: tmp.dir, watchIntervalMs: 0 });
    files = sb.files!;
  });
  afterAll(async () => {
    await sb?.close();
    tmp?.remove();
  });

  describe('kubeconfig mode', () => {
    it('loads the file and the context', async () => {
      const conn = await connect({ kubeconfig: files.kubeconfig, context: 'kapi-sandbox' });
      expect(conn.mode).toBe('kubeconfig');
      expect(conn.server).toBe(sb.url);
      expect(conn.context).toBe('kapi-sandbox');
      expect(conn.user).toBe('kubernetes-admin');
      expect(conn.namespace).toBe('default');
      expect(conn.insecure).toBe(false);
      expect(curlAuthArgs(conn)).toEqual(['--cert', files.adminCert, '--key', files.adminKey, '--cacert', files.ca]);
      expect(conn.kubectlArgs).toEqual(['--kubeconfig', files.kubeconfig, '--context', 'kapi-sandbox']);
      const api = new ApiClient(conn);
      const v = await api.version();
      expect(v.gitVersion).toMatch(/^v1\./);
      const page = await api.list(NAMESPACES);
      expect(page.format).toBe('table');
      expect(page.rows.map((r) => r.object?.metadata?.name)).toContain('team-a');
      api.close();
    });

    it('--namespace overrides the context namespace; demo label', async () => {
      const conn = await connect({ kubeconfig: files.kubeconfig, namespace: 'team-a', demo: true });
      expect(conn.mode).toBe('demo');
      expect(conn.namespace).toBe('team-a');
      expect(conn.kubectlArgs).toEqual(['--kubeconfig', files.kubeconfig]);
    });

    it('an unknown context is a config error listing the contexts', async () => {
      const e = await rejection(connect({ kubeconfig: files.kubeconfig, context: 'nope' }));
      expect(e.kind).toBe('config');
      expect(e.message).toContain('"nope"');
      expect(e.message).toContain('kapi-sandbox');
    });

    it('a missing kubeconfig file is a config error', async () => {
      const e = await rejection(connect({ kubeconfig: join(tmp.dir, 'missing') }));
      expect(e.kind).toBe('config');
      expect(e.message).toContain('--kubeconfig');
    });

    it('KUBECONFIG is used when --kubeconfig is absent', async () => {
      const saved = process.env.KUBECONFIG;
      process.env.KUBECONFIG = files.kubeconfigJane;
      try {
        const conn = await connect({});
        expect(conn.user).toBe('jane');
        // The one KUBECONFIG file is named: the commands run the same from a shell without the variable.
        expect(conn.kubectlArgs).toEqual(['--kubeconfig', files.kubeconfigJane, '--context', 'kapi-sandbox']);
      } finally {
        if (saved === undefined) delete process.env.KUBECONFIG;
        else process.env.KUBECONFIG = saved;
      }
    });
  });

  describe('certificates mode', () => {
    it('connects with --cert/--key/--cacert and reads the CN', async () => {
      const conn = await connect({ server: sb.url, cert: files.adminCert, key: files.adminKey, cacert: files.ca });
      expect(conn.mode).toBe('certificates');
      expect(conn.user).toBe('kubernetes-admin');
      expect(curlAuthArgs(conn)).toEqual(['--cert', files.adminCert, '--key', files.adminKey, '--cacert', files.ca]);
      expect(conn.kubectlArgs).toEqual([
        '--kubeconfig',
        '/dev/null',
        '--server',
        sb.url,
        '--client-certificate',
        files.adminCert,
        '--client-key',
        files.adminKey,
        '--certificate-authority',
        files.ca,
      ]);
      const api = new ApiClient(conn);
      const events = record(api);
      const page = await api.list(PODS, { namespace: 'team-a' });
      expect(page.rows.length).toBeGreaterThan(0);
      expect(events).toHaveLength(1);
      expect(events[0]!.status).toBe(200);
      expect(events[0]!.kubectl).toBe(
        `kubectl --kubeconfig /dev/null --server ${sb.url} --client-certificate ${files.adminCert} --client-key ${files.adminKey} --certificate-authority ${files.ca} get pods -n team-a`,
      );
      api.close();
    });

    it('a missing certificate file names the path and the flag', async () => {
      const missing = join(tmp.dir, 'nope.crt');
      const e = await rejection(connect({ server: sb.url, cert: missing, key: files.adminKey, cacert: files.ca }));
      expect(e.kind).toBe('config');
      expect(e.message).toContain(missing);
      expect(e.message).toContain('--cert');
    });

    it('without credentials the server answers 403 as system:anonymous', async () => {
      const conn = await connect({ server: sb.url, cacert: files.ca });
      expect(conn.user).toBeUndefined();
      const api = new ApiClient(conn);
      const e = await rejection(api.getRaw('/api'));
      expect(e.kind).toBe('http');
      expect(e.status).toBe(403);
      expect(e.serverMessage).toContain('system:anonymous');
      expect(e.hint).toMatch(/No credentials/);
      // /version is public.
      expect((await api.version()).major).toBe('1');
      api.close();
    });

    it('jane: 403 listing pods cluster-wide, 200 in team-a', async () => {
      const api = new ApiClient(await connect({ kubeconfig: files.kubeconfigJane }));
      const events = record(api);
      const e = await rejection(api.list(PODS));
      expect(e.status).toBe(403);
      expect(e.reason).toBe('Forbidden');
      expect(e.serverMessage).toContain('User "jane" cannot list resource "pods"');
      expect(e.hint).toContain('kubectl auth can-i list pods');
      expect(events[0]!.status).toBe(403);
      expect(events[0]!.error).toContain('403');
      const page = await api.list(PODS, { namespace: 'team-a' });
      expect(page.rows.length).toBeGreaterThan(0);
      const who = await api.selfSubjectReview();
      expect(who.username).toBe('jane');
      expect(who.groups).toContain('system:authenticated');
      api.close();
    });

    it('a certificate from an untrusted CA gets 401', async () => {
      const rogue = await createCertificateAuthority('rogue-ca');
      const cert = await rogue.issue({
        commonName: 'kubernetes-admin',
        organizations: ['system:masters'],
        usage: 'client',
      });
      const certFile = join(tmp.dir, 'rogue.crt');
      const keyFile = join(tmp.dir, 'rogue.key');
      writeFileSync(certFile, cert.certPem);
      writeFileSync(keyFile, cert.keyPem);
      const api = new ApiClient(await connect({ server: sb.url, cert: certFile, key: keyFile, cacert: files.ca }));
      const e = await rejection(api.getRaw('/api'));
      expect(e.status).toBe(401);
      expect(e.reason).toBe('Unauthorized');
      expect(e.hint).toMatch(/credentials/);
      api.close();
    });

    it('404 carries the server message', async () => {
      const api = new ApiClient(await connect({ kubeconfig: files.kubeconfig }));
      const e = await rejection(api.get(PODS, 'default', 'x'));
      expect(e.status).toBe(404);
      expect(e.reason).toBe('NotFound');
      expect(e.serverMessage).toBe('pods "x" not found');
      expect(e.message).toContain('pods "x" not found');
      api.close();
    });

    it('the server certificate is checked: no --cacert is a TLS error with a --cacert hint', async () => {
      const api = new ApiClient(await connect({ server: sb.url, cert: files.adminCert, key: files.adminKey }));
      const e = await rejection(api.version());
      expect(e.kind).toBe('tls');
      expect(e.hint).toContain('--cacert');
      api.close();
    });

    it('--insecure-skip-tls-verify only when asked', async () => {
      const conn = await connect({
        server: sb.url,
        cert: files.adminCert,
        key: files.adminKey,
        insecureSkipTlsVerify: true,
      });
      expect(conn.insecure).toBe(true);
      expect(curlAuthArgs(conn)).toContain('-k');
      const api = new ApiClient(conn);
      expect((await api.version()).major).toBe('1');
      api.close();
    });
  });

  describe('bearer tokens', () => {
    let tsb: Sandbox;
    beforeAll(async () => {
      tsb = await startSandbox({ token: 'sekret-token', watchIntervalMs: 0 });
    });
    afterAll(async () => {
      await tsb?.close();
    });

    it('--token authenticates; the curl command refers to $TOKEN and works with it', async () => {
      // The token sandbox has its own CA: write it out.
      const caFile = join(tmp.dir, 'token-ca.crt');
      writeFileSync(caFile, tsb.caPem);
      const c = await connect({ server: tsb.url, cacert: caFile, token: 'sekret-token' });
      expect(curlAuthArgs(c)).toEqual(['--cacert', caFile, '-H', 'Authorization: Bearer $TOKEN']);
      const api = new ApiClient(c);
      const events = record(api);
      const who = await api.selfSubjectReview();
      expect(who.username).not.toBe('system:anonymous');
      const raw = await api.getRaw('/apis/apps/v1');
      const ev = events.at(-1)!;
      expect(ev.curl).not.toContain('sekret-token');
      expect(ev.curl).toContain('"Authorization: Bearer $TOKEN"');
      if (!toolMissing(CURL)) {
        const r = await sh('sh', ['-c', `${ev.curl} -sS`], { env: { ...process.env, TOKEN: 'sekret-token' } });
        // The same document; curl gets it pretty-printed, as kube-apiserver does for curl.
        expect(JSON.parse(r.stdout)).toEqual(raw.json);
      }
      const bad = new ApiClient(await connect({ server: tsb.url, cacert: caFile, token: 'wrong' }));
      await expect(bad.getRaw('/api')).rejects.toMatchObject({ status: 401 });
      api.close();
      bad.close();
    });

    it('an exec credential plugin gets the token; its stderr does not reach ours', async () => {
      const caFile = join(tmp.dir, 'token-ca.crt');
      writeFileSync(caFile, tsb.caPem);
      const plugin = join(tmp.dir, 'plugin.sh');
      writeFileSync(
        plugin,
        `#!/bin/sh
echo "plugin noise on stderr" >&2
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"sekret-token","expirationTimestamp":"2999-01-01T00:00:00Z"}}'
`,
        { mode: 0o755 },
      );
      const kubeconfig = join(tmp.dir, 'kubeconfig-exec');
      writeFileSync(
        kubeconfig,
        JSON.stringify({
          apiVersion: 'v1',
          kind: 'Config',
          'current-context': 'exec',
          clusters: [{ name: 'c', cluster: { server: tsb.url, 'certificate-authority': caFile } }],
          users: [
            {
              name: 'exec-user',
              user: {
                exec: {
                  apiVersion: 'client.authentication.k8s.io/v1',
                  command: plugin,
                  args: [],
                  interactiveMode: 'Never',
                },
              },
            },
          ],
          contexts: [{ name: 'exec', context: { cluster: 'c', user: 'exec-user', namespace: 'team-a' } }],
        }),
      );
      const conn = await connect({ kubeconfig });
      expect(conn.user).toBe('exec-user');
      expect(conn.namespace).toBe('team-a');
      expect(curlAuthArgs(conn)).toEqual(['--cacert', caFile, '-H', 'Authorization: Bearer $TOKEN']);
      const api = new ApiClient(conn);
      const who = await api.selfSubjectReview();
      expect(who.username).not.toBe('system:anonymous');
      api.close();

      // client-node spawns the plugin with piped stdio: run it in a child process and look at its stderr.
      const script = `
        const { KubeConfig } = await import(${JSON.stringify(new URL('../node_modules/@kubernetes/client-node/dist/index.js', import.meta.url).href)});
        const kc = new KubeConfig(); kc.loadFromFile(${JSON.stringify(kubeconfig)});
        const o = { headers: {} }; await kc.applyToHTTPSOptions(o);
        process.stdout.write(String(o.headers.Authorization));`;
      const r = await sh(process.execPath, ['--input-type=module', '-e', script]);
      expect(r.stdout).toBe('Bearer sekret-token');
      expect(r.stderr).not.toContain('plugin noise');
    });
  });

  describe.skipIf(toolMissing(CURL))('curl equivalents', () => {
    it('the logged curl command returns the same body', async () => {
      const api = new ApiClient(
        await connect({ server: sb.url, cert: files.adminCert, key: files.adminKey, cacert: files.ca }),
      );
      const events = record(api);
      const raw = await api.getRaw('/apis/apps/v1');
      const accepted = await api.getRaw('/apis', {
        accept: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
      });
      expect(events).toHaveLength(2);
      expect(events[0]!.curl).toBe(
        `curl --cert ${files.adminCert} --key ${files.adminKey} --cacert ${files.ca} '${sb.url}/apis/apps/v1'`,
      );
      expect(events[0]!.kubectl).toContain(`get --raw '/apis/apps/v1'`);
      const a = await sh('sh', ['-c', `${events[0]!.curl} -sS -w '\\n%{http_code}'`]);
      const [body, code] = splitStatus(a.stdout);
      expect(code).toBe('200');
      // The same document; kube-apiserver (and so the sandbox) pretty-prints it for curl's User-Agent.
      expect(body).toBe(JSON.stringify(raw.json, null, 2));
      expect(events[1]!.curl).toContain(
        `-H 'Accept: application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json'`,
      );
      const b = await sh('sh', ['-c', `${events[1]!.curl} -sS -w '\\n%{http_code}'`]);
      const [body2, code2] = splitStatus(b.stdout);
      expect(code2).toBe('200');
      expect(JSON.parse(body2)).toEqual(accepted.json);
      api.close();
    });
  });

  describe.skipIf(toolMissing(KUBECTL))('proxy mode through a real kubectl proxy', () => {
    let proxy: KubectlProxy;
    beforeAll(async () => {
      proxy = await startKubectlProxy(files.kubeconfig);
    });
    afterAll(async () => {
      await proxy?.stop();
    });

    it('lists through the proxy with the kubeconfig identity', async () => {
      const conn = await connect({ proxy: proxy.url });
      expect(conn.mode).toBe('proxy');
      expect(conn.server).toBe(proxy.url);
      expect(conn.user).toBeUndefined();
      expect(curlAuthArgs(conn)).toEqual([]);
      expect(conn.kubectlArgs).toEqual(['--kubeconfig', '/dev/null', '--server', proxy.url]);
      const api = new ApiClient(conn);
      const events = record(api);
      const page = await api.list(PODS, { namespace: 'team-a' });
      expect(page.rows.length).toBeGreaterThan(0);
      const who = await api.selfSubjectReview();
      expect(who.username).toBe('kubernetes-admin');
      const raw = await api.getRaw('/apis/apps/v1');
      const ev = events.at(-1)!;
      expect(ev.curl).toBe(`curl '${proxy.url}/apis/apps/v1'`);
      if (!toolMissing(CURL)) {
        const r = await sh('sh', ['-c', `${ev.curl} -sS`]);
        expect(JSON.parse(r.stdout)).toEqual(raw.json);
      }
      api.close();
    });

    it('discovery works through the proxy', async () => {
      const api = new ApiClient(await connect({ proxy: proxy.url }));
      const d = await api.discover();
      expect(d.format).toBe('aggregated');
      expect(d.groups[0]!.name).toBe('');
      api.close();
    });
  });
});

function splitStatus(out: string): [string, string] {
  const i = out.lastIndexOf('\n');
  return [out.slice(0, i), out.slice(i + 1)];
}
