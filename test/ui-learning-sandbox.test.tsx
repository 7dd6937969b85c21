// Learning mode against the real sandbox: who am I (SelfSubjectReview) in the header, can-i for the
// selected resource, `e` explain from OpenAPI v3, errors explained with a next step.
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { DOWN, ENTER, ESC, LEFT, type Rendered, hasText, renderTui, stripAnsi, waitForFrame } from './helpers/ui.js';
import { useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
let dir: string;
let r: Rendered | undefined;

useSandbox('kapi-ui-learn-', { watchIntervalMs: 0 }, (s) => ({ sb, dir } = s));
afterEach(() => { r?.unmount(); r = undefined; });

const T = 10_000;
const frame = () => stripAnsi(r?.lastFrame() ?? '');
const keys = (...ks: string[]) => { for (const k of ks) r!.stdin.write(k); };

async function startApp(kubeconfig: string) {
  const api = new ApiClient(await connect({ kubeconfig, demo: true }));
  r = renderTui(<App api={api} color={false} />, { columns: 160, rows: 50 });
  await waitForFrame(r.lastFrame, (f) => f.includes('core/v1 *') && /server v\d/.test(f), T);
  return r;
}

async function selectPods() {
  keys(ENTER);
  await waitForFrame(r!.lastFrame, hasText('▶ Resources v1'), T);
  keys('/', 'p', 'o', 'd', 's', ENTER);
  await waitForFrame(r!.lastFrame, hasText('› pods'), T);
}

test('header: who the server says I am; detail: what I may do with the selected resource', async () => {
  await startApp(sb.files!.kubeconfig);
  await waitForFrame(r!.lastFrame, hasText('user kubernetes-admin'), T);
  await selectPods();
  keys('\t'); // the detail pane, focused, gets the width to show every verb
  await waitForFrame(r!.lastFrame, hasText('can-i in default: ✓create ✓delete ✓deletecollection ✓get ✓list ✓patch ✓update ✓watch'), T);
});

test('a user with fewer rights sees ✗ for the verbs RBAC does not grant', async () => {
  await startApp(join(dir, 'kubeconfig-jane'));
  await waitForFrame(r!.lastFrame, hasText('user jane'), T);
  await selectPods();
  await waitForFrame(r!.lastFrame, (f) => /can-i in default: .*✗/.test(f), T);
});

test('e explains the schema from OpenAPI v3 as a navigable field tree', async () => {
  await startApp(sb.files!.kubeconfig);
  await selectPods();
  keys('e');
  await waitForFrame(r!.lastFrame, (f) => f.includes('Explain Pod') && f.includes('▸ spec  <PodSpec>'), T);
  expect(frame()).toMatch(/from \/openapi\/v3\/api\/v1\?hash=/);
  expect(frame()).toMatch(/^GET \/openapi\/v3\/api\/v1\?hash=[0-9A-F]+/m); // the footer follows the view
  keys(DOWN, DOWN, DOWN);
  await waitForFrame(r!.lastFrame, (f) => f.includes('› ▸ spec') && f.includes('FIELD: spec <PodSpec>'), T);
  keys(ENTER);
  await waitForFrame(r!.lastFrame, (f) => f.includes('› ▾ spec') && /▸ containers  <\[\]Container> -required-/.test(f), T);
  keys(DOWN);
  await waitForFrame(r!.lastFrame, (f) => /FIELD: spec\.\w+/.test(f), T);
  keys(LEFT); // to the parent
  await waitForFrame(r!.lastFrame, hasText('› ▾ spec'), T);
  keys(LEFT); // closes it
  await waitForFrame(r!.lastFrame, (f) => f.includes('› ▸ spec') && !f.includes('containers  <'), T);
  keys(ESC);
  await waitForFrame(r!.lastFrame, (f) => !f.includes('Explain Pod') && f.includes('▶ Resources v1'), T);
});
