// The App against the in-memory FakeApi: main flow, filter, namespace picker, help, secrets,
// non-resource paths, errors, paging, quitting.
import { afterEach, expect, test, vi } from 'vitest';
import { App } from '../src/ui/App.js';
import { httpError } from '../src/client/errors.js';
import { statusBody } from '../src/sandbox/respond.js';
import { FakeApi } from './helpers/fake-api.js';
import { DOWN, ENTER, ESC, BACKSPACE, TAB, type Rendered, hasText, renderTui, stripAnsi, waitForFrame } from './helpers/ui.js';

let r: Rendered | undefined;
afterEach(() => { r?.unmount(); r = undefined; });

async function start(api = new FakeApi(), size = { columns: 140, rows: 40 }, onExit?: () => void) {
  r = renderTui(<App api={api} color={false} version="0.1.0" onExit={onExit} />, size);
  // Input written before the first full frame (and the key handler) exists would be lost.
  await waitForFrame(r.lastFrame, hasText('Groups  1/15'));
  return r;
}
const frame = () => stripAnsi(r?.lastFrame() ?? '');
async function keys(...ks: string[]) {
  for (const k of ks) r!.stdin.write(k);
}

test('main flow: group → resource → objects → object JSON → back', async () => {
  const api = new FakeApi();
  const { lastFrame } = await start(api);
  await keys(DOWN);
  await waitForFrame(lastFrame, hasText('› apps/v1 *'));
  await keys(ENTER);
  await waitForFrame(lastFrame, hasText('▶ Resources apps/v1'));
  await waitForFrame(lastFrame, hasText('"resource": "deployments"')); // discovery entry in the detail
  expect(frame()).toContain('deployments/scale');
  await keys(ENTER);
  await waitForFrame(lastFrame, hasText('▶ Detail: deployments.v1.apps in default'));
  await waitForFrame(lastFrame, (f) => /NAME\s+AGE/.test(f) && f.includes('› web'));
  expect(api.calls).toContain('list apps/v1/deployments ns=default continue=');
  expect(frame()).toContain('GET /apis/apps/v1/namespaces/default/deployments?limit=500 200');
  await keys(ENTER);
  await waitForFrame(lastFrame, hasText('"replicas": 3'));
  expect(frame()).toContain('deployments.v1.apps default/web [JSON]');
  expect(frame()).not.toContain('managedFields');
  await keys(ESC);
  await waitForFrame(lastFrame, (f) => f.includes('› web') && f.includes('in default'));
  await keys(ESC);
  await waitForFrame(lastFrame, hasText('▶ Resources apps/v1'));
  await keys(ESC);
  await waitForFrame(lastFrame, hasText('▶ Groups'));
});

test('Tab / arrows / h l switch panes; j k move', async () => {
  const { lastFrame } = await start();
  await keys(TAB);
  await waitForFrame(lastFrame, hasText('▶ Resources v1'));
  await keys('l');
  await waitForFrame(lastFrame, hasText('▶ Detail'));
  await keys(TAB);
  await waitForFrame(lastFrame, hasText('▶ Groups'));
  await keys('\u001B[Z'); // Shift-Tab
  await waitForFrame(lastFrame, hasText('▶ Detail'));
  await keys('h', 'h');
  await waitForFrame(lastFrame, hasText('▶ Groups'));
  await keys('j', 'j', 'k');
  await waitForFrame(lastFrame, hasText('› apps/v1'));
});

test('filter the focused list with /', async () => {
  const { lastFrame } = await start();
  await keys(ENTER);
  await waitForFrame(lastFrame, hasText('▶ Resources v1'));
  await keys('/');
  await waitForFrame(lastFrame, hasText('/▌'));
  await keys('s', 'e', 'c');
  await waitForFrame(lastFrame, hasText('1/1 /sec▌'));
  expect(frame()).not.toContain('configmaps');
  expect(frame()).toContain('› secrets');
  await keys(BACKSPACE, BACKSPACE, BACKSPACE, 'p', 'o');
  await waitForFrame(lastFrame, hasText('/po▌'));
  // short name 'po' and the pods/* subresources match
  expect(frame()).toContain('› pods');
  await keys(ENTER);
  await waitForFrame(lastFrame, (f) => f.includes('/po') && !f.includes('/po▌'));
  await keys(ESC); // back to groups, filter kept
  await waitForFrame(lastFrame, hasText('▶ Groups'));
  await keys(TAB, '/', 'x', ESC);
  await waitForFrame(lastFrame, (f) => f.includes('▶ Resources') && f.includes('configmaps'));
});

test('namespace picker: n lists namespaces; all namespaces adds a NAMESPACE column', async () => {
  const api = new FakeApi();
  const { lastFrame } = await start(api);
  await keys(ENTER);
  await waitForFrame(lastFrame, hasText('▶ Resources v1'));
  await keys('j', 'j'); // pods
  await waitForFrame(lastFrame, hasText('› pods'));
  await keys(ENTER);
  await waitForFrame(lastFrame, (f) => f.includes('web-0') && f.includes('in default'));
  expect(frame()).not.toContain('coredns-1');
  await keys('n');
  await waitForFrame(lastFrame, (f) => f.includes('Namespace (now: default)') && f.includes('kube-system'));
  expect(frame()).toContain('› all namespaces');
  expect(frame()).toContain('team-a');
  await keys(ENTER);
  await waitForFrame(lastFrame, (f) => f.includes('coredns-1') && f.includes('in all namespaces'));
  expect(frame()).toMatch(/NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
  expect(frame()).not.toMatch(/\bIP\b/); // priority-1 column hidden, like kubectl without -o wide
  expect(frame()).toContain('ns all');
  await keys('n');
  // Not just 'kube-system': the all-namespaces table shows it too, before the picker opens.
  await waitForFrame(lastFrame, hasText('Namespace (now: all namespaces)'));
  await keys('j', 'j'); // default, kube-system (sorted)
  await waitForFrame(lastFrame, hasText('› kube-system'));
  await keys(ENTER);
  await waitForFrame(lastFrame, (f) => f.includes('in kube-system') && f.includes('coredns-1') && !f.includes('web-0'));
  expect(api.calls).toContain('list v1/pods ns=kube-system continue=');
});

test('help overlay shows the keymap; ? or Esc closes it', async () => {
  const { lastFrame } = await start();
  await keys('?');
  await waitForFrame(lastFrame, hasText('Help'));
  for (const s of ['move down', 'half page down', 'filter the focused list', 'pick namespace', 'toggle JSON / YAML', 'quit', 'PgDn', 'Shift-Tab']) {
    expect(frame()).toContain(s);
  }
  await keys('?');
  await waitForFrame(lastFrame, (f) => !f.includes('half page down') && f.includes('▶ Groups'));
  await keys('?');
  await waitForFrame(lastFrame, hasText('half page down'));
  await keys(ESC);
  await waitForFrame(lastFrame, (f) => !f.includes('half page down'));
});

test('Secret values masked by default; x reveals; y toggles YAML', async () => {
  const { lastFrame } = await start();
  await keys(ENTER, 'G');
  await waitForFrame(lastFrame, hasText('› secrets'));
  await keys(ENTER);
  await waitForFrame(lastFrame, hasText('› db-creds'));
  await keys(ENTER);
  await waitForFrame(lastFrame, hasText('"password": "••••••"'));
  expect(frame()).toContain('[masked]');
  expect(frame()).not.toContain('aHVudGVyMg==');
  await keys('x');
  await waitForFrame(lastFrame, hasText('"password": "aHVudGVyMg=="'));
  expect(frame()).toContain('[revealed]');
  await keys('y');
  await waitForFrame(lastFrame, hasText('password: aHVudGVyMg=='));
  expect(frame()).toContain('[YAML]');
  await keys('x');
  await waitForFrame(lastFrame, hasText('password: ••••••'));
  // Reveal is per object: going back and in again masks again.
  await keys(ESC);
  await waitForFrame(lastFrame, hasText('› db-creds'));
  await keys('x', ENTER);
  await waitForFrame(lastFrame, hasText('password: ••••••'));
});

test('non-resource paths: text shown as is, 403 explained', async () => {
  const { lastFrame } = await start();
  await keys('/', 'h', 'e', 'a', 'l', ENTER);
  await waitForFrame(lastFrame, hasText('› /healthz'));
  await keys(ENTER);
  await waitForFrame(lastFrame, (f) => f.includes('▶ Detail: GET /healthz') && f.includes('200 text/plain'));
  expect(frame()).toMatch(/║ ok\s/);
  await keys(ESC);
  await waitForFrame(lastFrame, hasText('▶ Groups'));
  await keys('/', BACKSPACE, BACKSPACE, BACKSPACE, BACKSPACE, '/', 'm', 'e', 't', 'r', ENTER);
  await waitForFrame(lastFrame, hasText('› /metrics'));
  await keys(ENTER);
  await waitForFrame(lastFrame, hasText('HTTP 403 Forbidden'));
  expect(frame()).toContain('cannot get path "/metrics"');
  expect(frame()).toContain('hint: RBAC does not allow this. Check with `kubectl auth can-i get /metrics`');
  expect(frame()).toContain('GET /metrics 403');
});

test('a failing list shows status, reason, message and hint, and stays navigable', async () => {
  const { lastFrame } = await start();
  await keys('/', 's', 't', 'a', 'b', ENTER);
  await waitForFrame(lastFrame, hasText('› stable.example.com/v1'));
  await keys(ENTER);
  await waitForFrame(lastFrame, hasText('› crontabs'));
  await keys(ENTER);
  await waitForFrame(lastFrame, hasText('HTTP 403 Forbidden'));
  expect(frame()).toContain('crontabs.stable.example.com is forbidden: User "jane"');
  expect(frame()).toContain('hint: RBAC does not allow this. Check with `kubectl auth can-i list crontabs.stable.example.com -n');
  await keys(ESC);
  await waitForFrame(lastFrame, hasText('▶ Resources stable.example.com/v1'));
});

test('discovery failure still renders the UI with the error explained', async () => {
  // What the client throws when the server rejects the credentials.
  const body = JSON.stringify(statusBody(401, 'Unauthorized', 'Unauthorized'));
  const api = new FakeApi({ failDiscovery: httpError(401, { 'content-type': 'application/json' }, body, { method: 'GET', path: '/api' }) });
  r = renderTui(<App api={api} color={false} />, { columns: 120, rows: 30 });
  const { lastFrame } = r;
  await waitForFrame(lastFrame, hasText('Discovery failed'));
  expect(frame()).toContain('HTTP 401 Unauthorized');
  expect(frame()).toContain('hint: The server did not accept the credentials');
  expect(frame()).toContain('/healthz'); // non-resource paths still browsable
  await keys('j');
  await waitForFrame(lastFrame, hasText('› /version'));
  await keys(ENTER);
  await waitForFrame(lastFrame, hasText('"gitVersion": "v1.31.0"'));
});

test('objects appear page by page (continue tokens); long tables window and scroll', async () => {
  const api = new FakeApi({ pods: 60, pageSize: 25 });
  const { lastFrame } = await start(api);
  await keys(ENTER, 'j', 'j');
  await waitForFrame(lastFrame, hasText('› pods'));
  await keys(ENTER);
  await waitForFrame(lastFrame, hasText('60 object(s), 3 page(s)'));
  expect(api.calls.filter((c) => c.startsWith('list v1/pods'))).toEqual([
    'list v1/pods ns=default continue=', 'list v1/pods ns=default continue=25', 'list v1/pods ns=default continue=50',
  ]);
  expect(frame()).toContain('web-0 ');
  expect(frame()).not.toContain('web-59');
  await keys('G');
  await waitForFrame(lastFrame, hasText('› web-59'));
  expect(frame()).not.toContain('web-0 ');
  await keys('g');
  await waitForFrame(lastFrame, hasText('› web-0 '));
  await keys('\u001B[6~'); // PgDn
  await waitForFrame(lastFrame, (f) => !f.includes('› web-0 ') && /› web-\d\d/.test(f));
});

test('long detail text scrolls with j, Ctrl-D, G, g', async () => {
  const { lastFrame } = await start(new FakeApi(), { columns: 120, rows: 16 });
  await keys(ENTER, 'j', 'j');
  await waitForFrame(lastFrame, hasText('› pods'));
  await keys('l'); // detail shows the pods discovery entry
  await waitForFrame(lastFrame, hasText('▶ Detail: pods.v1'));
  const first = frame().match(/(\d+)-(\d+)\/(\d+)/)!;
  expect(first[1]).toBe('1');
  await keys('j');
  await waitForFrame(lastFrame, hasText(`2-${Number(first[2]) + 1}/${first[3]}`));
  await keys('\u0004'); // Ctrl-D
  await waitForFrame(lastFrame, (f) => !f.includes(`2-${Number(first[2]) + 1}/`));
  await keys('G');
  await waitForFrame(lastFrame, hasText(`/${first[3]}`) && ((f: string) => f.includes(`-${first[3]}/${first[3]}`)));
  await keys('g');
  await waitForFrame(lastFrame, hasText(`1-${first[2]}/${first[3]}`));
});

test('q quits: onExit is called', async () => {
  const onExit = vi.fn();
  await start(new FakeApi(), undefined, onExit);
  await keys('q');
  await vi.waitFor(() => expect(onExit).toHaveBeenCalledTimes(1));
});

test('Esc then q typed fast (one read, as over SSH: "\\x1bq") is Esc, then q: the help closes and the app quits', async () => {
  const onExit = vi.fn();
  const { lastFrame } = await start(new FakeApi(), undefined, onExit);
  await keys('?');
  await waitForFrame(lastFrame, hasText('Help (? or Esc closes)'));
  r!.stdin.write('\u001bq');
  await vi.waitFor(() => expect(onExit).toHaveBeenCalledTimes(1));
  expect(frame()).not.toContain('Help (? or Esc closes)');
});

test('Ctrl-C quits too', async () => {
  const onExit = vi.fn();
  await start(new FakeApi(), undefined, onExit);
  await keys('\u0003');
  await vi.waitFor(() => expect(onExit).toHaveBeenCalledTimes(1));
});

test('r refreshes the open view, or discovery when nothing is open', async () => {
  const api = new FakeApi();
  const { lastFrame } = await start(api);
  await keys('r');
  await vi.waitFor(() => expect(api.calls.filter((c) => c === 'discover')).toHaveLength(2));
  await keys(ENTER, 'j', 'j');
  await waitForFrame(lastFrame, hasText('› pods'));
  await keys(ENTER);
  await waitForFrame(lastFrame, hasText('› web-0'));
  await keys('r');
  await vi.waitFor(() => expect(api.calls.filter((c) => c.startsWith('list v1/pods'))).toHaveLength(2));
  await waitForFrame(lastFrame, hasText('› web-0'));
  expect(api.calls.filter((c) => c === 'discover')).toHaveLength(2);
});

test('several characters in one read (paste, tmux) are handled key by key', async () => {
  const { lastFrame } = await start();
  await keys(ENTER);
  await waitForFrame(lastFrame, hasText('▶ Resources v1'));
  await keys('/secr\r');
  await waitForFrame(lastFrame, (f) => f.includes('› secrets') && f.includes('1/1 /secr') && !f.includes('/secr▌'));
});
