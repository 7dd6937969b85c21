// Learning mode against the real sandbox: who am I (SelfSubjectReview) in the header, can-i for the
// selected resource, `e` explain from OpenAPI v3, errors explained with a next step.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { DOWN, ENTER, ESC, LEFT, hasText, useTui } from './helpers/ui.js';
import { useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
let dir: string;
const T = 10_000;
const tui = useTui({ timeoutMs: T });
const { frame, keys, wait } = tui;

useSandbox('kapi-ui-learn-', { watchIntervalMs: 0 }, (s) => ({ sb, dir } = s));

async function startApp(kubeconfig: string) {
  const api = new ApiClient(await connect({ kubeconfig, demo: true }));
  tui.render(<App api={api} color={false} />, { columns: 160, rows: 50 });
  await wait((f) => f.includes('core/v1 *') && /server v\d/.test(f));
  return tui.r;
}

async function selectPods() {
  keys(ENTER);
  await wait(hasText('▶ Resources v1'));
  keys('/', 'p', 'o', 'd', 's', ENTER);
  await wait(hasText('› pods'));
}

test('header: who the server says I am; detail: what I may do with the selected resource', async () => {
  await startApp(sb.files!.kubeconfig);
  await wait(hasText('user kubernetes-admin'));
  await selectPods();
  keys('\t'); // the detail pane, focused, gets the width to show every verb
  await wait(hasText('can-i in default: ✓create ✓delete ✓deletecollection ✓get ✓list ✓patch ✓update ✓watch'));
});

test('a user with fewer rights sees ✗ for the verbs RBAC does not grant', async () => {
  await startApp(join(dir, 'kubeconfig-jane'));
  await wait(hasText('user jane'));
  await selectPods();
  await wait((f) => /can-i in default: .*✗/.test(f));
});

test('e explains the schema from OpenAPI v3 as a navigable field tree', async () => {
  await startApp(sb.files!.kubeconfig);
  await selectPods();
  keys('e');
  await wait((f) => f.includes('Explain Pod') && f.includes('▸ spec  <PodSpec>'));
  expect(frame()).toMatch(/from \/openapi\/v3\/api\/v1\?hash=/);
  expect(frame()).toMatch(/^GET \/openapi\/v3\/api\/v1\?hash=[0-9A-F]+/m); // the footer follows the view
  keys(DOWN, DOWN, DOWN);
  await wait((f) => f.includes('› ▸ spec') && f.includes('FIELD: spec <PodSpec>'));
  keys(ENTER);
  await wait((f) => f.includes('› ▾ spec') && /▸ containers {2}<\[\]Container> -required-/.test(f));
  keys(DOWN);
  await wait((f) => /FIELD: spec\.\w+/.test(f));
  keys(LEFT); // to the parent
  await wait(hasText('› ▾ spec'));
  keys(LEFT); // closes it
  await wait((f) => f.includes('› ▸ spec') && !f.includes('containers  <'));
  keys(ESC);
  await wait((f) => !f.includes('Explain Pod') && f.includes('▶ Resources v1'));
});
