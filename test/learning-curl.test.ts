// "Every shown curl command runs": in each connection mode, browse with the App, collect
// every RequestEvent.curl (plus the tour's example curls) and run each with the real curl through
// `sh -c`, from process.cwd(), exactly as a learner would paste it. test/client-modes.test.ts checks
// single commands byte for byte; this file covers the whole set the UI shows.
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createElement } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/client/api.js';
import { connect, type ResolvedConnection } from '../src/client/connection.js';
import { tourCurl, tourStepById, type TourCurlContext } from '../src/model/tour.js';
import type { RequestEvent } from '../src/model/types.js';
import { App } from '../src/ui/App.js';
import {
  CURL,
  KUBECTL,
  startKubectlProxy,
  startSandbox,
  tempDir,
  toolMissing,
  type KubectlProxy,
} from './helpers/client.js';
import { ENTER, ESC, hasText, useTui } from './helpers/ui.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

const TOKEN = 'learning-curl-token';

interface CurlRun {
  code: number;
  http: string;
  stderr: string;
}

/** Run a shown command as-is in a shell from the cwd, appending only curl's own output options. */
function runCurl(
  cmd: string,
  extra = `-sS -o /dev/null -w '%{http_code}'`,
  env: Record<string, string> = {},
): Promise<CurlRun> {
  return new Promise((done) => {
    execFile(
      'sh',
      ['-c', `${cmd} ${extra}`],
      { cwd: process.cwd(), env: { ...process.env, ...env }, timeout: 20_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof (err as any).code === 'number' ? (err as any).code : -1) : 0;
        done({ code, http: String(stdout).trim(), stderr: String(stderr) });
      },
    );
  });
}

/** Every file a curl command refers to must exist as written, seen from the cwd. */
function expectFilesResolve(cmd: string): void {
  const re = /--(?:cert|key|cacert) ('(?:[^']|'\\'')*'|\S+)/g;
  for (const m of cmd.matchAll(re)) {
    const arg = m[1]!.startsWith("'") ? m[1]!.slice(1, -1).replace(/'\\''/g, "'") : m[1]!;
    expect(existsSync(resolve(process.cwd(), arg)), `${arg} in: ${cmd}`).toBe(true);
  }
}

const tui = useTui({ timeoutMs: 15_000 });

/** The requests the UI makes while a learner browses, captured from the App itself: the start
 *  (discovery, version, who am I), can-i on core resources (bindings in team-a: a rules review;
 *  componentstatuses, cluster-scoped: access reviews), pods in team-a (Table list, watch), pod
 *  db-0 (get), its schema (OpenAPI v3) and its log, and /healthz. Resolves once the last answer
 *  is on screen. */
async function browse(api: ApiClient): Promise<void> {
  const { keys, wait } = tui;
  const app = createElement(App, { api, color: false, version: 'test', initialNamespace: 'team-a' });
  tui.render(app, { columns: 160, rows: 40 });
  await wait((f) => f.includes('core/v1 *') && /server v\d/.test(f) && f.includes('user '));
  keys(ENTER);
  await wait((f) => f.includes('› bindings') && f.includes('can-i in team-a'));
  keys('j');
  await wait((f) => f.includes('› componentstatuses') && f.includes('can-i in cluster'));
  keys('/', 'p', 'o', 'd', 's', ENTER);
  await wait((f) => f.includes('› pods') && f.includes('can-i in team-a'));
  keys(ENTER);
  await wait((f) => f.includes('● live') && f.includes('db-0'));
  keys('/', 'd', 'b', '-', '0', ENTER);
  await wait(hasText('› db-0'));
  keys(ENTER);
  await wait((f) => f.includes('[JSON]') && f.includes('"name": "db-0"'));
  keys('e');
  await wait((f) => f.includes('Explain Pod') && f.includes('FIELD:'));
  keys(ESC);
  await wait((f) => !f.includes('Explain Pod') && f.includes('[JSON]'));
  keys('o');
  await wait((f) => f.includes('logs db-0') && / 200 text\/plain/.test(f));
  // One Esc at a time: two in one burst reach Ink as a single meta+escape key.
  // The table's /db-0 filter is cleared by an Esc of its own before the next goes back.
  const filtered = /\d+\/\d+ \/db-0/;
  for (const back of ['[JSON]', filtered, '● live', '▶ Resources v1']) {
    keys(ESC);
    await wait((f) => hasText(back)(f) && !f.includes('logs db-0') && (back === filtered || !filtered.test(f)));
  }
  keys('h');
  await wait(hasText('▶ Groups'));
  keys('/', 'h', 'e', 'a', 'l', ENTER, ENTER);
  await wait((f) => f.includes('▶ Detail: GET /healthz') && f.includes('200 text/plain'));
  tui.unmount();
}

describe.skipIf(toolMissing(CURL))('every curl command the UI shows runs as shown', () => {
  let sb: Sandbox;
  let tokenSb: Sandbox;
  let tmp: ReturnType<typeof tempDir>;
  let proxy: KubectlProxy | undefined;
  let rel: (p: string) => string;

  beforeAll(async () => {
    tmp = tempDir('kapi-curl-');
    sb = await startSandbox({ dir: tmp.dir, watchIntervalMs: 0 });
    tokenSb = await startSandbox({ token: TOKEN, watchIntervalMs: 0 });
    writeFileSync(join(tmp.dir, 'token-ca.crt'), tokenSb.caPem);
    rel = (p) => relative(process.cwd(), p);
    if (!toolMissing(KUBECTL)) proxy = await startKubectlProxy(sb.files!.kubeconfig);
  });
  afterAll(async () => {
    await proxy?.stop();
    await sb?.close();
    await tokenSb?.close();
    tmp?.remove();
  });

  async function check(
    conn: ResolvedConnection,
    opts: { legacy?: boolean; env?: Record<string, string> } = {},
  ): Promise<RequestEvent[]> {
    const api = new ApiClient(conn, { legacyDiscovery: opts.legacy });
    const events: RequestEvent[] = [];
    api.onRequest((ev) => events.push(ev));
    try {
      await browse(api);
    } finally {
      api.close();
    }
    expect(events.length).toBeGreaterThan(10);
    const failures: string[] = [];
    // A watch the UI stopped before its headers arrived (leaving the table) got no answer to compare.
    const answered = events.filter((e) => !(e.status === undefined && e.error?.startsWith('Request cancelled')));
    for (const ev of answered) {
      expect([200, 201], `${ev.method} ${ev.path}: ${ev.error ?? ''}`).toContain(ev.status);
      expectFilesResolve(ev.curl);
      const isWatch = ev.path.includes('watch=1');
      // A watch never ends by itself: give it a second, then curl exits 28 (timeout) after a 200.
      const r = await runCurl(ev.curl, `-sS -o /dev/null -w '%{http_code}'${isWatch ? ' -m 1' : ''}`, opts.env);
      const okExit = isWatch ? r.code === 28 || r.code === 0 : r.code === 0;
      if (!okExit || r.http !== String(ev.status))
        failures.push(`exit ${r.code}, HTTP ${r.http} (UI saw ${ev.status}): ${ev.curl}\n${r.stderr}`);
    }
    expect(failures).toEqual([]);
    // The reviews are POSTs with a JSON body; everything else is a GET.
    const posted = new Set(events.filter((e) => e.method === 'POST').map((e) => e.path.split('/').pop()));
    expect([...posted].sort()).toEqual(['selfsubjectaccessreviews', 'selfsubjectreviews', 'selfsubjectrulesreviews']);
    expect(events.filter((e) => e.method !== 'POST').every((e) => e.method === 'GET')).toBe(true);
    return events;
  }

  it('certificates mode with paths relative to the cwd (kept relative in the commands)', async () => {
    const f = sb.files!;
    const conn = await connect({ server: sb.url, cert: rel(f.adminCert), key: rel(f.adminKey), cacert: rel(f.ca) });
    const events = await check(conn);
    expect(events[0]!.curl).toContain(`--cert ${rel(f.adminCert)} `);
    // The negotiated formats are part of the commands: aggregated discovery, Table lists, watches.
    expect(events.find((e) => e.path === '/apis')!.curl).toContain('as=APIGroupDiscoveryList');
    expect(events.find((e) => e.path.startsWith('/api/v1/namespaces/team-a/pods?'))!.curl).toContain('as=Table');
    expect(events.some((e) => e.path.includes('watch=1'))).toBe(true);
  });

  it('certificates mode with absolute paths, legacy discovery', async () => {
    const f = sb.files!;
    const events = await check(await connect({ server: sb.url, cert: f.adminCert, key: f.adminKey, cacert: f.ca }), {
      legacy: true,
    });
    // Legacy discovery walks every group-version: those commands ran too.
    expect(events.filter((e) => /^\/apis\/[^/]+\/[^/?]+$/.test(e.path)).length).toBeGreaterThan(10);
  });

  it('kubeconfig mode (the sandbox kubeconfig, absolute paths)', async () => {
    const events = await check(await connect({ kubeconfig: sb.files!.kubeconfig }));
    expect(events[0]!.curl).toContain(`--cacert ${sb.files!.ca}`);
  });

  it('kubeconfig mode with paths relative to the kubeconfig (not the cwd): absolute in the commands', async () => {
    const kc = join(tmp.dir, 'kubeconfig-relative');
    writeFileSync(
      kc,
      [
        'apiVersion: v1',
        'kind: Config',
        'current-context: rel',
        `clusters: [{name: c, cluster: {server: "${sb.url}", certificate-authority: ca.crt}}]`,
        'users: [{name: u, user: {client-certificate: admin.crt, client-key: admin.key}}]',
        'contexts: [{name: rel, context: {cluster: c, user: u, namespace: team-a}}]',
        '',
      ].join('\n'),
    );
    const events = await check(await connect({ kubeconfig: kc }));
    expect(events[0]!.curl).toContain(`--cert ${sb.files!.adminCert}`);
  });

  it('bearer token mode: the commands say "$TOKEN" and run with TOKEN in the environment', async () => {
    const events = await check(
      await connect({ server: tokenSb.url, cacert: join(tmp.dir, 'token-ca.crt'), token: TOKEN }),
      { env: { TOKEN } },
    );
    for (const e of events) {
      expect(e.curl).not.toContain(TOKEN);
      expect(e.curl).toContain('"Authorization: Bearer $TOKEN"');
    }
    // Without TOKEN the same command is refused: the token really comes from the environment.
    const r = await runCurl(events.find((e) => e.path === '/version')!.curl, undefined, { TOKEN: 'wrong' });
    expect(r.http).toBe('401');
  });

  it('proxy mode through a real kubectl proxy', async (ctx) => {
    if (!proxy) return ctx.skip();
    const events = await check(await connect({ proxy: proxy.url }));
    for (const e of events) expect(e.curl).not.toMatch(/--cert|--key|--cacert|Authorization/);
  });

  it("the tour's example curls: anonymous 403, client certificate 200, kubectl proxy 200", async () => {
    const f = sb.files!;
    const ctx: TourCurlContext = {
      server: sb.url,
      caFile: rel(f.ca),
      certFile: rel(f.adminCert),
      keyFile: rel(f.adminKey),
      proxyUrl: proxy?.url,
    };
    const anon = tourCurl(tourStepById('anonymous')!, ctx)!;
    expectFilesResolve(anon);
    const a = await runCurl(anon, `-sS -w '\\n%{http_code}'`);
    expect(a.code).toBe(0);
    expect(a.http.split('\n').pop()).toBe('403');
    expect(a.http).toContain('forbidden: User \\"system:anonymous\\" cannot get path \\"/api\\"');
    const certs = tourCurl(tourStepById('client-certificates')!, ctx)!;
    expectFilesResolve(certs);
    expect(await runCurl(certs)).toMatchObject({ code: 0, http: '200' });
    // Absolute paths work as well (what the UI shows when the files are not below the cwd).
    const abs = tourCurl(tourStepById('client-certificates')!, {
      server: sb.url,
      caFile: f.ca,
      certFile: f.adminCert,
      keyFile: f.adminKey,
    })!;
    expect(await runCurl(abs)).toMatchObject({ code: 0, http: '200' });
    if (proxy) {
      const p = tourCurl(tourStepById('kubectl-proxy')!, ctx)!;
      expect(p).toBe(`curl ${proxy.url}/api`);
      expect(await runCurl(p)).toMatchObject({ code: 0, http: '200' });
    }
  });
});
