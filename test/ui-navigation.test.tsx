// The App against the in-memory FakeApi: main flow, filter, namespace picker, help, secrets,
// non-resource paths, errors, paging, quitting.
import { expect, test, vi } from 'vitest';
import { App } from '../src/ui/App.js';
import { httpError } from '../src/client/errors.js';
import { statusBody } from '../src/sandbox/respond.js';
import { FakeApi } from './helpers/fake-api.js';
import { DOWN, ENTER, ESC, BACKSPACE, TAB, SHIFT_TAB, hasText, useTui } from './helpers/ui.js';

const tui = useTui();
const { frame, keys, wait } = tui;

async function start(api = new FakeApi(), size = { columns: 140, rows: 40 }, onExit?: () => void) {
  tui.render(<App api={api} color={false} version="0.1.0" onExit={onExit} />, size);
  // Input written before the first full frame (and the key handler) exists would be lost.
  await wait(hasText('Groups  1/15'));
  return tui.r;
}

test('main flow: group → resource → objects → object JSON → back', async () => {
  const api = new FakeApi();
  await start(api);
  keys(DOWN);
  await wait(hasText('› apps/v1 *'));
  keys(ENTER);
  await wait(hasText('▶ Resources apps/v1'));
  await wait(hasText('"resource": "deployments"')); // discovery entry in the detail
  expect(frame()).toContain('deployments/scale');
  keys(ENTER);
  await wait(hasText('▶ Detail: deployments.v1.apps in default'));
  await wait((f) => /NAME\s+AGE/.test(f) && f.includes('› web'));
  expect(api.calls).toContain('list apps/v1/deployments ns=default continue=');
  expect(frame()).toContain('GET /apis/apps/v1/namespaces/default/deployments?limit=500 200');
  keys(ENTER);
  await wait(hasText('"replicas": 3'));
  expect(frame()).toContain('deployments.v1.apps default/web [JSON]');
  expect(frame()).not.toContain('managedFields');
  keys(ESC);
  await wait((f) => f.includes('› web') && f.includes('in default'));
  keys(ESC);
  await wait(hasText('▶ Resources apps/v1'));
  keys(ESC);
  await wait(hasText('▶ Groups'));
});

test('Tab / arrows / h l switch panes; j k move', async () => {
  await start();
  keys(TAB);
  await wait(hasText('▶ Resources v1'));
  keys('l');
  await wait(hasText('▶ Detail'));
  keys(TAB);
  await wait(hasText('▶ Groups'));
  keys('\u001B[Z'); // Shift-Tab
  await wait(hasText('▶ Detail'));
  keys('h', 'h');
  await wait(hasText('▶ Groups'));
  keys('j', 'j', 'k');
  await wait(hasText('› apps/v1'));
});

test('filter the focused list with /', async () => {
  await start();
  keys(ENTER);
  await wait(hasText('▶ Resources v1'));
  keys('/');
  await wait(hasText('/▌'));
  keys('s', 'e', 'c');
  await wait(hasText('1/1 /sec▌'));
  expect(frame()).not.toContain('configmaps');
  expect(frame()).toContain('› secrets');
  keys(BACKSPACE, BACKSPACE, BACKSPACE, 'p', 'o');
  await wait(hasText('/po▌'));
  // short name 'po' and the pods/* subresources match
  expect(frame()).toContain('› pods');
  keys(ENTER);
  await wait((f) => f.includes('/po') && !f.includes('/po▌'));
  // Esc clears the filter before it goes anywhere (issue 12), then goes back.
  keys(ESC);
  await wait((f) => f.includes('▶ Resources v1') && f.includes('configmaps') && !f.includes('/po'));
  keys(ESC);
  await wait(hasText('▶ Groups'));
  keys(TAB, '/', 'x', ESC);
  await wait((f) => f.includes('▶ Resources') && f.includes('configmaps'));
});

test('/ starts a new filter (Enter on nothing keeps the old one); another group starts unfiltered', async () => {
  await start();
  keys(ENTER);
  await wait(hasText('▶ Resources v1'));
  keys('/', 'p', 'o', 'd', ENTER);
  await wait((f) => f.includes('/pod') && !f.includes('/pod▌'));
  keys('/');
  await wait(hasText('/▌ (Enter keeps /pod)'));
  keys('s', 'e', 'c');
  await wait((f) => f.includes('/sec▌') && f.includes('› secrets'));
  expect(frame()).not.toContain('/podsec');
  keys(BACKSPACE, BACKSPACE, BACKSPACE, ENTER);
  await wait((f) => f.includes('/pod') && !f.includes('▌') && f.includes('› pods'));
  // Another group: its resources are not filtered by what was typed for core/v1.
  keys(SHIFT_TAB, 'j');
  await wait((f) => /Resources \S+\/v1/.test(f) && !f.includes('/pod'));
});

test('namespace picker: n lists namespaces; all namespaces adds a NAMESPACE column', async () => {
  const api = new FakeApi();
  await start(api);
  keys(ENTER);
  await wait(hasText('▶ Resources v1'));
  keys('j', 'j'); // pods
  await wait(hasText('› pods'));
  keys(ENTER);
  await wait((f) => f.includes('web-0') && f.includes('in default'));
  expect(frame()).not.toContain('coredns-1');
  keys('n');
  await wait((f) => f.includes('Namespace (now: default)') && f.includes('kube-system'));
  expect(frame()).toContain('› all namespaces');
  expect(frame()).toContain('team-a');
  keys(ENTER);
  await wait((f) => f.includes('coredns-1') && f.includes('in all namespaces'));
  expect(frame()).toMatch(/NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
  expect(frame()).not.toMatch(/\bIP\b/); // priority-1 column hidden, like kubectl without -o wide
  expect(frame()).toContain('ns all');
  keys('n');
  // Not just 'kube-system': the all-namespaces table shows it too, before the picker opens.
  await wait(hasText('Namespace (now: all namespaces)'));
  keys('j', 'j'); // default, kube-system (sorted)
  await wait(hasText('› kube-system'));
  keys(ENTER);
  await wait((f) => f.includes('in kube-system') && f.includes('coredns-1') && !f.includes('web-0'));
  expect(api.calls).toContain('list v1/pods ns=kube-system continue=');
});

test('help overlay shows the keymap; ? or Esc closes it', async () => {
  await start();
  keys('?');
  await wait(hasText('Help'));
  for (const s of [
    'move down',
    'half page down',
    'filter the focused list',
    'pick namespace',
    'toggle JSON / YAML',
    'quit',
    'PgDn',
    'Shift-Tab',
  ]) {
    expect(frame()).toContain(s);
  }
  keys('?');
  await wait((f) => !f.includes('half page down') && f.includes('▶ Groups'));
  keys('?');
  await wait(hasText('half page down'));
  keys(ESC);
  await wait((f) => !f.includes('half page down'));
});

test('Secret values masked by default; x reveals; y toggles YAML', async () => {
  await start();
  keys(ENTER, 'G');
  await wait(hasText('› secrets'));
  keys(ENTER);
  await wait(hasText('› db-creds'));
  keys(ENTER);
  await wait(hasText('"password": "••••••"'));
  expect(frame()).toContain('[masked]');
  expect(frame()).not.toContain('aHVudGVyMg==');
  keys('x');
  await wait(hasText('"password": "aHVudGVyMg=="'));
  expect(frame()).toContain('[revealed]');
  keys('y');
  await wait(hasText('password: aHVudGVyMg=='));
  expect(frame()).toContain('[YAML]');
  keys('x');
  await wait(hasText('password: ••••••'));
  // Reveal is per object: going back and in again masks again.
  keys(ESC);
  await wait(hasText('› db-creds'));
  keys('x', ENTER);
  await wait(hasText('password: ••••••'));
});

test('non-resource paths: text shown as is, 403 explained', async () => {
  await start();
  keys('/', 'h', 'e', 'a', 'l', ENTER);
  await wait(hasText('› /healthz'));
  keys(ENTER);
  await wait((f) => f.includes('▶ Detail: GET /healthz') && f.includes('200 text/plain'));
  expect(frame()).toMatch(/║ ok\s/);
  keys(ESC);
  await wait(hasText('▶ Groups'));
  keys('/', BACKSPACE, BACKSPACE, BACKSPACE, BACKSPACE, '/', 'm', 'e', 't', 'r', ENTER);
  await wait(hasText('› /metrics'));
  keys(ENTER);
  await wait(hasText('HTTP 403 Forbidden'));
  expect(frame()).toContain('cannot get path "/metrics"');
  expect(frame()).toContain('hint: RBAC does not allow this. Check with `kubectl auth can-i get /metrics`');
  expect(frame()).toContain('GET /metrics 403');
});

test('a failing list shows status, reason, message and hint, and stays navigable', async () => {
  await start();
  keys('/', 's', 't', 'a', 'b', ENTER);
  await wait(hasText('› stable.example.com/v1'));
  keys(ENTER);
  await wait(hasText('› crontabs'));
  keys(ENTER);
  await wait(hasText('HTTP 403 Forbidden'));
  expect(frame()).toContain('crontabs.stable.example.com is forbidden: User "jane"');
  expect(frame()).toContain(
    'hint: RBAC does not allow this. Check with `kubectl auth can-i list crontabs.stable.example.com -n',
  );
  keys(ESC);
  await wait(hasText('▶ Resources stable.example.com/v1'));
});

test('discovery failure still renders the UI with the error explained', async () => {
  // What the client throws when the server rejects the credentials.
  const body = JSON.stringify(statusBody(401, 'Unauthorized', 'Unauthorized'));
  const api = new FakeApi({
    failDiscovery: httpError(401, { 'content-type': 'application/json' }, body, { method: 'GET', path: '/api' }),
  });
  tui.render(<App api={api} color={false} />, { columns: 120, rows: 30 });
  await wait(hasText('Discovery failed'));
  expect(frame()).toContain('HTTP 401 Unauthorized');
  expect(frame()).toContain('hint: The server did not accept the credentials');
  expect(frame()).toContain('/healthz'); // non-resource paths still browsable
  keys('j');
  await wait(hasText('› /version'));
  keys(ENTER);
  await wait(hasText('"gitVersion": "v1.31.0"'));
});

test('objects appear page by page (continue tokens); long tables window and scroll', async () => {
  const api = new FakeApi({ pods: 60, pageSize: 25 });
  await start(api);
  keys(ENTER, 'j', 'j');
  await wait(hasText('› pods'));
  keys(ENTER);
  await wait(hasText('60 object(s), 3 page(s)'));
  expect(api.calls.filter((c) => c.startsWith('list v1/pods'))).toEqual([
    'list v1/pods ns=default continue=',
    'list v1/pods ns=default continue=25',
    'list v1/pods ns=default continue=50',
  ]);
  expect(frame()).toContain('web-0 ');
  expect(frame()).not.toContain('web-59');
  keys('G');
  await wait(hasText('› web-59'));
  expect(frame()).not.toContain('web-0 ');
  keys('g');
  await wait(hasText('› web-0 '));
  keys('\u001B[6~'); // PgDn
  await wait((f) => !f.includes('› web-0 ') && /› web-\d\d/.test(f));
});

test('long detail text scrolls with j, Ctrl-D, G, g', async () => {
  await start(new FakeApi(), { columns: 120, rows: 16 });
  keys(ENTER, 'j', 'j');
  await wait(hasText('› pods'));
  keys('l'); // detail shows the pods discovery entry
  await wait(hasText('▶ Detail: pods.v1'));
  const first = frame().match(/(\d+)-(\d+)\/(\d+)/)!;
  expect(first[1]).toBe('1');
  keys('j');
  await wait(hasText(`2-${Number(first[2]) + 1}/${first[3]}`));
  keys('\u0004'); // Ctrl-D
  await wait((f) => !f.includes(`2-${Number(first[2]) + 1}/`));
  keys('G');
  await wait(hasText(`/${first[3]}`) && ((f: string) => f.includes(`-${first[3]}/${first[3]}`)));
  keys('g');
  await wait(hasText(`1-${first[2]}/${first[3]}`));
});

test('q quits: onExit is called', async () => {
  const onExit = vi.fn();
  await start(new FakeApi(), undefined, onExit);
  keys('q');
  await vi.waitFor(() => expect(onExit).toHaveBeenCalledTimes(1));
});

test('Esc then q typed fast (one read, as over SSH: "\\x1bq") is Esc, then q: the help closes and the app quits', async () => {
  const onExit = vi.fn();
  await start(new FakeApi(), undefined, onExit);
  keys('?');
  await wait(hasText('Help (? or Esc closes)'));
  tui.r.stdin.write('\u001bq');
  await vi.waitFor(() => expect(onExit).toHaveBeenCalledTimes(1));
  expect(frame()).not.toContain('Help (? or Esc closes)');
});

test('Ctrl-C quits too', async () => {
  const onExit = vi.fn();
  await start(new FakeApi(), undefined, onExit);
  keys('\u0003');
  await vi.waitFor(() => expect(onExit).toHaveBeenCalledTimes(1));
});

test('r refreshes the open view, or discovery when nothing is open', async () => {
  const api = new FakeApi();
  await start(api);
  keys('r');
  await vi.waitFor(() => expect(api.calls.filter((c) => c === 'discover')).toHaveLength(2));
  keys(ENTER, 'j', 'j');
  await wait(hasText('› pods'));
  keys(ENTER);
  await wait(hasText('› web-0'));
  keys('r');
  await vi.waitFor(() => expect(api.calls.filter((c) => c.startsWith('list v1/pods'))).toHaveLength(2));
  await wait(hasText('› web-0'));
  expect(api.calls.filter((c) => c === 'discover')).toHaveLength(2);
});

test('several characters in one read (paste, tmux) are handled key by key', async () => {
  await start();
  keys(ENTER);
  await wait(hasText('▶ Resources v1'));
  keys('/secr\r');
  await wait((f) => f.includes('› secrets') && f.includes('1/1 /secr') && !f.includes('/secr▌'));
});
