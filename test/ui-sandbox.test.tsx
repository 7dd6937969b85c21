// The App against the real sandbox over TLS (client certificates from the generated kubeconfig).
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { ENTER, ESC, hasText, useTui } from './helpers/ui.js';
import { useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
let dir: string;
const T = 10_000;
const tui = useTui({ timeoutMs: T });
const { frame, keys, wait } = tui;

useSandbox('kapi-ui-sb-', { watchIntervalMs: 0 }, (s) => ({ sb, dir } = s));

async function startApp(kubeconfig: string) {
  const api = new ApiClient(await connect({ kubeconfig, demo: true }));
  tui.render(<App api={api} color={false} version="test" />, { columns: 140, rows: 40 });
  await wait((f) => f.includes('core/v1 *') && f.includes('apps/v1') && /server v\d/.test(f));
  return tui.r;
}

test('main flow over TLS: core/v1 → pods → table → pod JSON → back', async () => {
  await startApp(sb.files!.kubeconfig);
  expect(frame()).toContain('demo');
  keys(ENTER);
  await wait(hasText('▶ Resources v1'));
  keys('/', 'p', 'o', 'd', ENTER);
  await wait((f) => f.includes('› pods') && f.includes('"pods"'));
  keys(ENTER);
  await wait(
    (f) =>
      f.includes('▶ Detail: pods.v1 in default') && /NAME\s+READY\s+STATUS/.test(f) && /object\(s\), \d+ page/.test(f),
  );
  expect(frame()).toMatch(/GET \/api\/v1\/namespaces\/default\/pods\?limit=\d+ 200/);
  expect(frame()).toContain('$ curl');
  // The sandbox's workloads live in team-a: pick it from the namespace picker.
  keys('n');
  await wait((f) => f.includes('Namespace (now: default)') && f.includes('team-a'));
  for (const k of ['/', 't', 'e', 'a', 'm', '-', 'a', ENTER]) keys(k);
  await wait(hasText('› team-a'));
  keys(ENTER);
  await wait(
    (f) => f.includes('▶ Detail: pods.v1 in team-a') && /› \S+\s+\d+\/\d+\s+Running/.test(f) && f.includes('web-'),
  );
  expect(frame()).toContain('ns team-a');
  keys(ENTER);
  await wait((f) => f.includes('"kind": "Pod"') && f.includes('[JSON]'));
  expect(frame()).not.toContain('managedFields');
  keys('y');
  await wait((f) => f.includes('kind: Pod') && f.includes('[YAML]'));
  keys(ESC);
  await wait((f) => /NAME\s+READY\s+STATUS/.test(f) && !f.includes('kind: Pod'));
  keys(ESC);
  await wait(hasText('▶ Resources v1'));
});

test('non-resource path over TLS: /healthz', async () => {
  await startApp(sb.files!.kubeconfig);
  for (const k of ['/', 'h', 'e', 'a', 'l', 't', 'h', ENTER]) keys(k);
  await wait(hasText('› /healthz'));
  keys(ENTER);
  await wait((f) => f.includes('GET /healthz 200') && /║ ok\s/.test(f));
});

test('a user without rights sees the 403 explained', async () => {
  await startApp(join(dir, 'kubeconfig-jane'));
  for (const k of ['/', '/', 'm', 'e', 't', 'r', 'i', 'c', 's', ENTER]) keys(k);
  await wait(hasText('› /metrics'));
  keys(ENTER);
  await wait(hasText('HTTP 403 Forbidden'));
  expect(frame()).toContain('cannot get path "/metrics"');
  expect(frame()).toContain('hint: RBAC does not allow this');
  expect(frame()).toContain('GET /metrics 403');
});
