// The `:` command line in the App against the sandbox over TLS: a resource's table in one line, the
// tree following it, jane switching namespace by name (she may not list namespaces), errors in place.
import { expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { ENTER, ESC, TAB, hasText, useTui } from './helpers/ui.js';
import { useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
useSandbox('kapi-ui-cmd-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));

const tui = useTui({ timeoutMs: 10_000 });
const { frame, wait } = tui;

async function startApp(kubeconfig: string, size = { columns: 120, rows: 40 }) {
  const api = new ApiClient(await connect({ kubeconfig }));
  tui.render(<App api={api} color={false} version="test" />, size);
  await wait((f) => f.includes('core/v1 *') && f.includes('apps/v1'));
  return tui.r;
}

test(':deploy Enter: the deployments table, the tree on apps/v1 deployments, the request shown', async () => {
  const { stdin } = await startApp(sb.files!.kubeconfig);
  for (const k of [':', 'd', 'e', 'p', 'l', 'o', 'y']) stdin.write(k);
  await wait((f) => /:deploy\S?\s+deploy\s+deployment\s+deployments/.test(f));
  stdin.write(ENTER);
  await wait((f) => f.includes('Detail: deployments.v1.apps in default') && /NAME\s+READY\s+UP-TO-DATE/.test(f));
  expect(frame()).toMatch(/GET \/apis\/apps\/v1\/namespaces\/default\/deployments\?limit=\d+ 200/);
  // Back: the tree is where the command went.
  stdin.write(ESC);
  await wait((f) => f.includes('▶ Resources apps/v1') && /› deployments\s+Deployment/.test(f));
});

test('Tab completes, -A lists every namespace, a typo says what was meant and the line stays open', async () => {
  const { stdin } = await startApp(sb.files!.kubeconfig);
  for (const k of [':', 's', 'e', 'c', 'r', TAB]) stdin.write(k);
  await wait(hasText(':secret'));
  for (const k of ['s', ' ', '-', 'A', ENTER]) stdin.write(k);
  await wait((f) => f.includes('Detail: secrets.v1 in all namespaces') && /NAMESPACE\s+NAME\s+TYPE/.test(f));
  for (const k of [':', 'p', 'd', 'o', ENTER]) stdin.write(k);
  await wait(hasText(':pdo'));
  await wait(hasText('no resource "pdo": did you mean po?'));
  stdin.write(ESC);
  await wait((f) => !f.includes(':pdo') && f.includes('Detail: secrets.v1 in all namespaces'));
  // Esc and the next key in one read (typed fast, over SSH): the Esc closes, the key opens anew.
  for (const k of ':pdo') stdin.write(k);
  stdin.write(ENTER);
  await wait(hasText('did you mean po?'));
  stdin.write(`${ESC}:`);
  await wait((f) => /:█|: {2}Tab complete/.test(f) && !f.includes('pdo'));
});

test('jane, who may not list namespaces, switches with :ns team-a and sees its pods', async () => {
  const { stdin } = await startApp(sb.files!.kubeconfigJane);
  for (const k of ':ns team-a') stdin.write(k);
  stdin.write(ENTER);
  await wait(hasText('ns team-a'));
  for (const k of ':po') stdin.write(k);
  stdin.write(ENTER);
  await wait((f) => f.includes('Detail: pods.v1 in team-a') && /› \S+\s+\d+\/\d+\s+Running/.test(f));
  expect(frame()).toMatch(/GET \/api\/v1\/namespaces\/team-a\/pods\?limit=\d+ 200/);
});
