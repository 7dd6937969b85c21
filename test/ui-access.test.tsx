// `A` ("what may I do here") and the request log's explained response headers, at 80x24 against
// the sandbox over TLS: jane's matrix against admin's, scrolling, a namespace change asking again,
// the review's request in the footer; a deprecated API's Warning and the APF headers explained.
import { expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import { KEYMAP } from '../src/model/keymap.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { ENTER, ESC, PAGE_DOWN, TAB, hasText, useTui } from './helpers/ui.js';
import { useSandbox } from './helpers/sandbox.js';
import { AccessPane } from '../src/ui/AccessPane.js';
import { buildRulesMatrix, matrixKeys } from '../src/model/rules-matrix.js';
import { TOP, resolveList } from '../src/model/nav-state.js';
import type { RequestEvent } from '../src/model/types.js';

let sb: Sandbox;
const T = 10_000;
const tui = useTui({ timeoutMs: T });
const { frame, keys, wait } = tui;

useSandbox('kapi-ui-access-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));

async function startApp(kubeconfig: string, namespace: string, size = { columns: 80, rows: 24 }) {
  const api = new ApiClient(await connect({ kubeconfig, demo: true }));
  tui.render(<App api={api} color={false} initialNamespace={namespace} />, size);
  await wait((f) => f.includes('core/v1') && f.includes(`ns ${namespace}`));
}

/** The matrix row of a resource: its name and the marks after it. */
const row = (f: string, name: string) => f.split('\n').find((l) => new RegExp(`║ [› ] ${name} `).test(l));

test('jane at 80x24: pods get/list/watch in team-a, nothing more; the POST in the footer; :ns asks again', async () => {
  await startApp(sb.files!.kubeconfigJane, 'team-a');
  await wait(hasText('user jane'));
  keys('A');
  const f = await wait((x) => x.includes('What may jane do in team-a') && x.includes('pods'));
  expect(f).toContain('RESOURCE');
  expect(f).toMatch(/get list watch create update patch delete delcol OTHER/);
  // ✓ under get, list and watch; nothing under create and after.
  const header = f.split('\n').find((l) => l.includes('RESOURCE'))!;
  const pods = row(f, 'pods')!;
  for (const verb of ['get', 'list', 'watch'])
    expect(pods[header.indexOf(verb) + Math.floor((verb.length - 1) / 2)]).toBe('✓');
  expect(pods.slice(header.indexOf('create'))).not.toContain('✓');
  expect(f).not.toMatch(/every group/);
  expect(f).toMatch(/complete \(RBAC\)/);
  expect(f).toMatch(/^POST \/apis\/authorization\.k8s\.io\/v1\/selfsubjectrulesreviews 201/m);
  expect(f).toMatch(/^\$ curl --cert \S*jane\.crt/m);
  expect(f.split('\n').every((l) => l.length <= 80)).toBe(true);

  // The rows scroll: the last URL comes into view, the first rows go.
  keys('G');
  const bottom = await wait(hasText('/version/'));
  expect(bottom).not.toContain('── core');

  // Another namespace: the review is sent again, and jane has no pods there.
  // (jane may not list namespaces, so the picker has none to offer: the command line names one.)
  keys(':', ...'ns default', ENTER);
  const other = await wait((x) => x.includes('What may jane do in default') && x.includes('selfsubjectreviews'));
  expect(row(other, 'pods')).toBeUndefined();
  keys(ESC);
  await wait((x) => !x.includes('What may jane'));
});

test('admin at 80x24: the * wildcard row, every verb marked *', async () => {
  await startApp(sb.files!.kubeconfig, 'team-a');
  await wait(hasText('user kubernetes-admin'));
  keys('A');
  const f = await wait((x) => x.includes('What may kubernetes-admin do in team-a') && x.includes('every group'));
  const star = row(f, '\\*')!;
  expect(star.replace(/[║ ›]/g, '')).toBe('*'.repeat(10));
  expect(row(f, 'pods')).toBeUndefined();
});

test('the kubectl equivalent of the review is auth can-i --list -n NS (120x40)', async () => {
  await startApp(sb.files!.kubeconfigJane, 'team-a', { columns: 120, rows: 40 });
  keys('A');
  const f = await wait(hasText('What may jane do in team-a'));
  await wait(hasText('auth can-i --list -n team-a'));
  expect(f).not.toMatch(/create --raw/);
});

test('help lists the key from the one keymap', async () => {
  const entry = KEYMAP.find((e) => e.command === 'access')!;
  expect(entry.bindings[0]!.input).toBe('A');
  await startApp(sb.files!.kubeconfigJane, 'team-a', { columns: 120, rows: 40 });
  keys('?');
  await wait((f) => f.includes('Help') && f.includes('what may I do here'));
});

test('request log at 80x24: a deprecated version answers with a Warning, each header explained, no credentials', async () => {
  await startApp(sb.files!.kubeconfig, 'team-a');
  keys(':', ...'crontabs.v1beta1.stable.example.com', ENTER);
  await wait(hasText('/apis/stable.example.com/v1beta1/namespaces/team-a/crontabs?limit=500 200'));
  keys('L');
  await wait(hasText('Request log'));
  // The list request: the entry before the watch.
  keys('/', 'l', 'i', 'm', 'i', 't', ENTER);
  await wait((f) => /› #\d+ GET \/apis\/stable\.example\.com\/v1beta1\/namespaces\/team-a\/crontabs\?limit=/.test(f));
  keys(TAB);
  const seen = [await wait(hasText('▶ body'))];
  expect(frame()).toContain('Warning: 299 - "stable.example.com/v1beta1 CronTab is deprecated');
  expect(frame()).toContain('↳ The request worked, but this API version is deprecated');
  // Page through the headers: the divider says which lines of the body are shown.
  const firstShown = (f: string) => Number(/ (\d+)-\d+\/\d+ ──/.exec(f)?.[1] ?? 0);
  while (!seen.join('\n').includes('Cache-Control') && seen.length < 6) {
    const from = firstShown(seen[seen.length - 1]!);
    keys(PAGE_DOWN);
    seen.push(await wait((f) => firstShown(f) > from));
  }
  const all = seen.join('\n');
  for (const name of [
    'Content-Type: application/json',
    'Audit-Id: ',
    'X-Kubernetes-Pf-Flowschema-Uid: ',
    'X-Kubernetes-Pf-Prioritylevel-Uid: ',
    'Cache-Control: no-cache, private',
  ])
    expect(all).toContain(name);
  expect(all).toContain('↳ API Priority and Fairness matched this FlowSchema');
  expect(all).not.toMatch(/authorization:|cookie|BEGIN [A-Z ]*PRIVATE KEY/i);
  expect(all.split('\n').every((l) => l.length <= 80)).toBe(true);
});

test('incomplete and evaluationError from the review are shown (80 columns)', async () => {
  const matrix = buildRulesMatrix({
    resourceRules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }],
    nonResourceRules: [],
    incomplete: true,
    evaluationError: 'webhook authorizer: timeout',
  });
  const props = { list: resolveList(TOP, { keys: matrixKeys(matrix), height: 10 }), filtering: false };
  tui.render(
    <AccessPane view={{ namespace: 'x', matrix: { state: 'ok', value: matrix } }} width={80} height={16} {...props} />,
  );
  await wait(hasText('evaluationError: webhook authorizer: timeout'));
  const { evaluationError: _e, ...incompleteOnly } = matrix;
  tui.render(
    <AccessPane
      view={{ namespace: 'x', matrix: { state: 'ok', value: incompleteOnly } }}
      width={80}
      height={16}
      {...props}
    />,
  );
  await wait(hasText('incomplete: another authorizer'));
});

test('the client keeps only the allow-listed response headers', async () => {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfigJane }));
  const events: RequestEvent[] = [];
  api.onRequest((e) => events.push(e));
  await api.getRaw('/healthz');
  expect(Object.keys(events[0]!.responseHeaders ?? {}).sort()).toEqual([
    'audit-id',
    'cache-control',
    'content-type',
    'x-kubernetes-pf-flowschema-uid',
    'x-kubernetes-pf-prioritylevel-uid',
  ]);
});
