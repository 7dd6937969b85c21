// The App against the real sandbox over TLS (client certificates from the generated kubeconfig).
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { ENTER, ESC, type Rendered, hasText, renderTui, stripAnsi, waitForFrame } from './helpers/ui.js';
import { useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
let dir: string;
let r: Rendered | undefined;

useSandbox('kapi-ui-sb-', { watchIntervalMs: 0 }, (s) => ({ sb, dir } = s));
afterEach(() => { r?.unmount(); r = undefined; });

const frame = () => stripAnsi(r?.lastFrame() ?? '');
const T = 10_000;

async function startApp(kubeconfig: string) {
  const api = new ApiClient(await connect({ kubeconfig, demo: true }));
  r = renderTui(<App api={api} color={false} version="test" />, { columns: 140, rows: 40 });
  await waitForFrame(r.lastFrame, (f) => f.includes('core/v1 *') && f.includes('apps/v1') && /server v\d/.test(f), T);
  return r;
}

test('main flow over TLS: core/v1 → pods → table → pod JSON → back', async () => {
  const { lastFrame, stdin } = await startApp(sb.files!.kubeconfig);
  expect(frame()).toContain('demo');
  stdin.write(ENTER);
  await waitForFrame(lastFrame, hasText('▶ Resources v1'), T);
  stdin.write('/'); stdin.write('p'); stdin.write('o'); stdin.write('d'); stdin.write(ENTER);
  await waitForFrame(lastFrame, (f) => f.includes('› pods') && f.includes('"pods"'), T);
  stdin.write(ENTER);
  await waitForFrame(lastFrame, (f) => f.includes('▶ Detail: pods.v1 in default') && /NAME\s+READY\s+STATUS/.test(f) && /object\(s\), \d+ page/.test(f), T);
  expect(frame()).toMatch(/GET \/api\/v1\/namespaces\/default\/pods\?limit=\d+ 200/);
  expect(frame()).toContain('$ curl');
  // The sandbox's workloads live in team-a: pick it from the namespace picker.
  stdin.write('n');
  await waitForFrame(lastFrame, (f) => f.includes('Namespace (now: default)') && f.includes('team-a'), T);
  for (const k of ['/', 't', 'e', 'a', 'm', '-', 'a', ENTER]) stdin.write(k);
  await waitForFrame(lastFrame, hasText('› team-a'), T);
  stdin.write(ENTER);
  await waitForFrame(lastFrame, (f) => f.includes('▶ Detail: pods.v1 in team-a') && /› \S+\s+\d+\/\d+\s+Running/.test(f) && f.includes("web-"), T);
  expect(frame()).toContain('ns team-a');
  stdin.write(ENTER);
  await waitForFrame(lastFrame, (f) => f.includes('"kind": "Pod"') && f.includes('[JSON]'), T);
  expect(frame()).not.toContain('managedFields');
  stdin.write('y');
  await waitForFrame(lastFrame, (f) => f.includes('kind: Pod') && f.includes('[YAML]'), T);
  stdin.write(ESC);
  await waitForFrame(lastFrame, (f) => /NAME\s+READY\s+STATUS/.test(f) && !f.includes('kind: Pod'), T);
  stdin.write(ESC);
  await waitForFrame(lastFrame, hasText('▶ Resources v1'), T);
});

test('non-resource path over TLS: /healthz', async () => {
  const { lastFrame, stdin } = await startApp(sb.files!.kubeconfig);
  for (const k of ['/', 'h', 'e', 'a', 'l', 't', 'h', ENTER]) stdin.write(k);
  await waitForFrame(lastFrame, hasText('› /healthz'), T);
  stdin.write(ENTER);
  await waitForFrame(lastFrame, (f) => f.includes('GET /healthz 200') && /║ ok\s/.test(f), T);
});

test('a user without rights sees the 403 explained', async () => {
  const { lastFrame, stdin } = await startApp(join(dir, 'kubeconfig-jane'));
  for (const k of ['/', '/', 'm', 'e', 't', 'r', 'i', 'c', 's', ENTER]) stdin.write(k);
  await waitForFrame(lastFrame, hasText('› /metrics'), T);
  stdin.write(ENTER);
  await waitForFrame(lastFrame, hasText('HTTP 403 Forbidden'), T);
  expect(frame()).toContain('cannot get path "/metrics"');
  expect(frame()).toContain('hint: RBAC does not allow this');
  expect(frame()).toContain('GET /metrics 403');
});
