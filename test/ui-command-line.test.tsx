// The `:` command line in the App against the sandbox over TLS: a resource's table in one line, the
// tree following it, jane switching namespace by name (she may not list namespaces), errors in place.
import { afterEach, expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { ENTER, ESC, type Rendered, TAB, hasText, renderTui, stripAnsi, waitForFrame } from './helpers/ui.js';
import { useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
let r: Rendered | undefined;

useSandbox('kapi-ui-cmd-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));
afterEach(() => {
  r?.unmount();
  r = undefined;
});

const T = 10_000;
const frame = () => stripAnsi(r?.lastFrame() ?? '');

async function startApp(kubeconfig: string, size = { columns: 120, rows: 40 }) {
  const api = new ApiClient(await connect({ kubeconfig }));
  r = renderTui(<App api={api} color={false} version="test" />, size);
  await waitForFrame(r.lastFrame, (f) => f.includes('core/v1 *') && f.includes('apps/v1'), T);
  return r;
}

test(':deploy Enter: the deployments table, the tree on apps/v1 deployments, the request shown', async () => {
  const { stdin, lastFrame } = await startApp(sb.files!.kubeconfig);
  for (const k of [':', 'd', 'e', 'p', 'l', 'o', 'y']) stdin.write(k);
  await waitForFrame(lastFrame, (f) => /:deploy\S?\s+deploy\s+deployment\s+deployments/.test(f), T);
  stdin.write(ENTER);
  await waitForFrame(lastFrame, (f) => f.includes('Detail: deployments.v1.apps in default') && /NAME\s+READY\s+UP-TO-DATE/.test(f), T);
  expect(frame()).toMatch(/GET \/apis\/apps\/v1\/namespaces\/default\/deployments\?limit=\d+ 200/);
  // Back: the tree is where the command went.
  stdin.write(ESC);
  await waitForFrame(lastFrame, (f) => f.includes('▶ Resources apps/v1') && /› deployments\s+Deployment/.test(f), T);
});

test('Tab completes, -A lists every namespace, a typo says what was meant and the line stays open', async () => {
  const { stdin, lastFrame } = await startApp(sb.files!.kubeconfig);
  for (const k of [':', 's', 'e', 'c', 'r', TAB]) stdin.write(k);
  await waitForFrame(lastFrame, hasText(':secret'), T);
  for (const k of ['s', ' ', '-', 'A', ENTER]) stdin.write(k);
  await waitForFrame(lastFrame, (f) => f.includes('Detail: secrets.v1 in all namespaces') && /NAMESPACE\s+NAME\s+TYPE/.test(f), T);
  for (const k of [':', 'p', 'd', 'o', ENTER]) stdin.write(k);
  await waitForFrame(lastFrame, hasText(':pdo'), T);
  await waitForFrame(lastFrame, hasText('no resource "pdo": did you mean po?'), T);
  stdin.write(ESC);
  await waitForFrame(lastFrame, (f) => !f.includes(':pdo') && f.includes('Detail: secrets.v1 in all namespaces'), T);
});

test('jane, who may not list namespaces, switches with :ns team-a and sees its pods', async () => {
  const { stdin, lastFrame } = await startApp(sb.files!.kubeconfigJane);
  for (const k of ':ns team-a') stdin.write(k);
  stdin.write(ENTER);
  await waitForFrame(lastFrame, hasText('ns team-a'), T);
  for (const k of ':po') stdin.write(k);
  stdin.write(ENTER);
  await waitForFrame(lastFrame, (f) => f.includes('Detail: pods.v1 in team-a') && /› \S+\s+\d+\/\d+\s+Running/.test(f), T);
  expect(frame()).toMatch(/GET \/api\/v1\/namespaces\/team-a\/pods\?limit=\d+ 200/);
});
