// Secrets and credentials never reach the screen, the request log or error messages unless asked:
// Secret values stay masked in every view until the reveal key, bearer tokens and key contents never
// appear in curl/kubectl equivalents, frames or errors.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import { KubeError, explainError } from '../src/client/errors.js';
import type { RequestEvent } from '../src/model/types.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { ENTER, stripAnsi, useTui } from './helpers/ui.js';
import { DB_PASSWORD as PASSWORD, DB_PASSWORD_B64 as PASSWORD_B64, useSandbox } from './helpers/sandbox.js';

const TOKEN = 'kapi-T0ken-6f1c2e9a7b3d4c5e';
const T = 10_000;

let sb: Sandbox;
const tui = useTui({ timeoutMs: T });
const { keys, wait } = tui;
const clients: ApiClient[] = [];

useSandbox('kapi-sec-', { watchIntervalMs: 0, token: TOKEN }, (s) => ({ sb } = s));
afterEach(() => {
  sb.setFaults([]);
  for (const c of clients.splice(0)) c.close();
});

const allFrames = () => stripAnsi((tui.r.stdout.frames ?? []).join('\n'));

describe('Secret values in the explorer', () => {
  it('table, JSON, YAML and the request log never show the value until x; x reveals, x masks again', async () => {
    const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig, demo: true }));
    clients.push(api);
    const events: RequestEvent[] = [];
    api.onRequest((e) => events.push(e));
    tui.render(<App api={api} color={false} version="test" initialNamespace="team-a" />, { columns: 140, rows: 40 });
    await wait((f) => f.includes('core/v1 *') && /server v\d/.test(f));
    keys(ENTER);
    await wait((f) => f.includes('▶ Resources v1'));
    keys('/', 's', 'e', 'c', 'r', 'e', 't', 's', ENTER);
    await wait((f) => f.includes('› secrets'));
    keys(ENTER);
    // The table (all Secrets of team-a).
    await wait(
      (f) =>
        f.includes('▶ Detail: secrets.v1 in team-a') && f.includes('db-credentials') && /NAME\s+TYPE\s+DATA/.test(f),
    );
    keys('/', 'd', 'b', '-', 'c', ENTER);
    await wait((f) => f.includes('› db-credentials'));
    keys(ENTER);
    // JSON, masked.
    let f = stripAnsi(await wait((x) => x.includes('"kind": "Secret"') && x.includes('[JSON]')));
    expect(f).toContain('"password": "••••••"');
    expect(f).toContain('[masked] x reveals');
    keys('y');
    f = stripAnsi(await wait((x) => x.includes('kind: Secret') && x.includes('[YAML]')));
    expect(f).toMatch(/password: ["']?••••••/);
    // Nothing so far — table, JSON, YAML, header, footer with its curl/kubectl lines — showed it.
    const before = allFrames();
    expect(before).not.toContain(PASSWORD_B64);
    expect(before).not.toContain(PASSWORD);
    for (const e of events) expect(JSON.stringify(e)).not.toContain(PASSWORD_B64);

    // The explicit reveal.
    keys('x');
    f = stripAnsi(await wait((x) => x.includes('[revealed]')));
    expect(f.includes(PASSWORD) || f.includes(PASSWORD_B64)).toBe(true);
    keys('x');
    f = stripAnsi(await wait((x) => x.includes('[masked]')));
    expect(f).not.toContain(PASSWORD);
    expect(f).not.toContain(PASSWORD_B64);
  });
});

describe('bearer tokens', () => {
  it('never in curl/kubectl equivalents, events, error messages or frames', async () => {
    const conn = await connect({ server: sb.url, cacert: sb.files!.ca, token: TOKEN, timeoutMs: 1500 });
    expect(JSON.stringify({ ...conn, kubeConfig: undefined })).not.toContain(TOKEN);
    const api = new ApiClient(conn, { retry: { baseDelayMs: 1 } });
    clients.push(api);
    const events: RequestEvent[] = [];
    api.onRequest((e) => events.push(e));
    const errors: unknown[] = [];
    const attempt = async (p: Promise<unknown>) => p.catch((e) => errors.push(e));

    expect((await api.version()).gitVersion).toMatch(/^v1/);
    await attempt(api.getRaw('/api/v1/namespaces/team-a/pods/nope'));
    sb.setFaults([{ match: '/api/v1/namespaces', drop: true }]);
    await attempt(api.list({ group: '', version: 'v1', resource: 'pods', namespaced: true }, { namespace: 'team-a' }));
    sb.setFaults([{ match: '/api/v1/namespaces', delayMs: 5000 }]);
    await attempt(api.list({ group: '', version: 'v1', resource: 'pods', namespaced: true }, { namespace: 'team-a' }));
    sb.setFaults([{ match: '/apis', status: 500, body: 'internal error', times: 1 }]);
    await attempt(api.discover());
    sb.setFaults([]);
    // A wrong token: 401, and the message must not echo either token.
    const wrong = new ApiClient(await connect({ server: sb.url, cacert: sb.files!.ca, token: `${TOKEN}-wrong` }));
    clients.push(wrong);
    wrong.onRequest((e) => events.push(e));
    await attempt(wrong.version());

    expect(errors.length).toBeGreaterThanOrEqual(4);
    expect(events.length).toBeGreaterThanOrEqual(6);
    for (const e of events) {
      expect(e.curl).toContain('Authorization: Bearer $TOKEN');
      expect(e.kubectl).not.toContain(TOKEN);
      expect(JSON.stringify(e)).not.toContain(TOKEN);
    }
    for (const e of errors) {
      expect(e).toBeInstanceOf(KubeError);
      const k = e as KubeError;
      const x = explainError(k);
      expect(`${k.message} ${k.hint} ${x.title} ${x.detail} ${x.hint} ${JSON.stringify(k.body ?? '')}`).not.toContain(
        TOKEN,
      );
    }
    expect((errors.at(-1) as KubeError).status).toBe(401);
  });

  it('the explorer in token mode: no frame contains the token', async () => {
    const api = new ApiClient(await connect({ server: sb.url, cacert: sb.files!.ca, token: TOKEN }));
    clients.push(api);
    const onExit = vi.fn();
    tui.render(<App api={api} onExit={onExit} color={false} version="test" />, { columns: 200, rows: 40 });
    await wait((f) => f.includes('core/v1 *') && /server v\d/.test(f));
    keys(ENTER);
    await wait((f) => f.includes('▶ Resources v1'));
    keys('/', 'p', 'o', 'd', 's', ENTER);
    await wait((f) => f.includes('› pods'));
    sb.setFaults([
      {
        match: '/api/v1/namespaces/default/pods',
        status: 401,
        body: '{"kind":"Status","apiVersion":"v1","status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}',
        contentType: 'application/json',
      },
    ]);
    keys(ENTER);
    await wait((f) => f.includes('401 Unauthorized'));
    const frames = allFrames();
    expect(frames).toContain('Authorization: Bearer $TOKEN');
    expect(frames).not.toContain(TOKEN);
    keys('q');
    await vi.waitFor(() => expect(onExit).toHaveBeenCalled(), { timeout: T });
  });
});

describe('client keys', () => {
  it('key contents never appear in equivalents, events or errors; paths do', async () => {
    const keyPem = readFileSync(sb.files!.adminKey, 'utf8');
    const keyLine = keyPem.split('\n')[1]!;
    const certLine = readFileSync(sb.files!.adminCert, 'utf8').split('\n')[1]!;
    const api = new ApiClient(
      await connect({ server: sb.url, cert: sb.files!.adminCert, key: sb.files!.adminKey, cacert: sb.files!.ca }),
    );
    clients.push(api);
    const events: RequestEvent[] = [];
    api.onRequest((e) => events.push(e));
    await api.version();
    await api.getRaw('/api/v1/namespaces/team-a/pods/nope').catch(() => {});
    expect(events[0]!.curl).toContain(`--key ${sb.files!.adminKey}`);
    for (const e of events) expect(JSON.stringify(e)).not.toContain(keyLine);
    // A mismatching pair and a key given as the certificate: errors name files, never contents.
    for (const opts of [
      { cert: sb.files!.adminCert, key: sb.files!.janeKey },
      { cert: sb.files!.adminKey, key: sb.files!.adminKey },
    ]) {
      const e = await connect({ server: sb.url, cacert: sb.files!.ca, ...opts }).then(
        () => undefined,
        (x: unknown) => x as KubeError,
      );
      expect(e).toBeInstanceOf(KubeError);
      const text = `${e!.message} ${e!.hint}`;
      expect(text).not.toContain(keyLine);
      expect(text).not.toContain(certLine);
      expect(text).not.toContain('PRIVATE KEY');
    }
  });
});
