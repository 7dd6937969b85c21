// Issue 3: content-aware layout, the view's request in the footer, cached discovery, live object
// tables (watch), cancelling with Esc, kubectl's empty-namespace wording.
import React from 'react';
import { expect, test, vi } from 'vitest';
import { App } from '../src/ui/App.js';
import type { Discovery } from '../src/model/types.js';
import { DISCOVERY, FakeApi, obj } from './helpers/fake-api.js';
import { DOWN, ENTER, ESC, TAB, hasText, useTui } from './helpers/ui.js';

const tui = useTui();
const { frame, keys, wait } = tui;

async function start(
  api = new FakeApi(),
  size = { columns: 120, rows: 40 },
  props: Partial<React.ComponentProps<typeof App>> = {},
) {
  tui.render(<App api={api} color={false} version="0.1.0" {...props} />, size);
  await wait(hasText('Groups  1/15'));
  return tui.r;
}
/** Width of the box whose title line contains `title` (from its top border, in this frame). */
function boxWidth(f: string, title: string): number {
  const lines = f.split('\n');
  const row = lines.findIndex((l) => l.includes(title));
  const col = lines[row].indexOf(title);
  const top = lines[row - 1];
  let start = col;
  while (start > 0 && !'╭╔'.includes(top[start])) start--;
  let end = col;
  while (end < top.length && !'╮╗'.includes(top[end])) end++;
  return end - start + 1;
}

async function openPods() {
  keys(ENTER, 'j', 'j');
  await wait(hasText('› pods'));
  keys(ENTER);
  await wait((f) => f.includes('› web-0') && f.includes('● live'));
}

test('120x40: focused lists get room for their content; an opened table gets most of the width', async () => {
  await start();
  // Groups focused: full group names.
  expect(frame()).toContain('stable.example.com/v1 *');
  keys(TAB);
  await wait(hasText('▶ Resources v1'));
  // Resources focused: name, kind, scope, short names, verbs all visible.
  await wait(
    (f) => /NAME\s+KIND\s+SCOPE\s+SHORT\s+VERBS/.test(f) && /configmaps\s+ConfigMap\s+Namespaced\s+cm\s+\S+/.test(f),
  );
  expect(frame()).toMatch(/namespaces\s+Namespace\s+Cluster\s+ns/);
  keys('j', 'j', ENTER);
  await wait((f) => f.includes('› web-0') && /NAME\s+READY\s+STATUS/.test(f));
  const f = frame();
  expect(boxWidth(f, 'Detail: pods.v1 in default')).toBeGreaterThanOrEqual(80);
  expect(f).toContain('Groups');
  expect(f).toContain('Resources');
});

test('footer: the request behind the view, with curl and kubectl, not a later background request', async () => {
  const api = new FakeApi();
  await start(api);
  await openPods();
  await api.getRaw('/version'); // unrelated request after the list
  await wait((f) => f.includes('$ kubectl --kubeconfig /tmp/kubeconfig get pods'));
  const lines = frame().split('\n');
  const req = lines.findIndex((l) => l.startsWith('GET '));
  expect(lines[req]).toMatch(/^GET \/api\/v1\/namespaces\/default\/pods\?limit=500 200 2 ms/);
  expect(lines[req + 1]).toBe(
    "$ curl --cacert /tmp/ca.crt -H 'Accept: application/json;as=Table;v=v1;g=meta.k8s.io,application/json' 'https://127.0.0…",
  );
  expect(lines[req + 2]).toBe('$ kubectl --kubeconfig /tmp/kubeconfig get pods -n default');
});

test('cached discovery shows at once, marked, then the fresh one replaces it keeping the cursor', async () => {
  // The cache predates the autoscaling groups: fresh discovery inserts rows above the cursor.
  const cached: Discovery = { ...DISCOVERY, groups: DISCOVERY.groups.filter((g) => g.name !== 'autoscaling') };
  const api = new FakeApi({ cachedDiscovery: cached, discoverDelayMs: 400 });
  tui.render(<App api={api} color={false} />, { columns: 120, rows: 40 });
  await wait(hasText('Groups  1/13 ⚠1 (cached)'));
  keys(DOWN, DOWN);
  await wait(hasText('› metrics.k8s.io/v1beta1'));
  await wait((f) => f.includes('Groups  5/15') && !f.includes('(cached)'));
  expect(frame()).toContain('› metrics.k8s.io/v1beta1');
});

test('a cached tree whose server does not answer says so instead of looking healthy', async () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { kind: 'network' });
  const api = new FakeApi({ cachedDiscovery: DISCOVERY, failDiscovery: refused, discoverDelayMs: 50 });
  tui.render(<App api={api} color={false} />, { columns: 120, rows: 40 });
  await wait(hasText('(offline)'));
  expect(frame()).toContain('Server not reachable');
  expect(frame()).toContain('ECONNREFUSED');
  expect(frame()).toContain('The tree is the cached copy');
});

test('object tables are live: watch events refresh rows (cursor kept by key); the watch stops on leaving', async () => {
  // Events without Table rows: the table is listed again (throttled) instead of patched.
  const api = new FakeApi({ plainWatchEvents: true });
  await start(api);
  await openPods();
  expect(api.calls).toContain('watch v1/pods ns=default rv=100');
  keys('j');
  await wait(hasText('› web-1'));
  api.change('ADDED', 'v1/pods', obj('Pod', 'v1', 'default', 'web-new'));
  api.change('DELETED', 'v1/pods', obj('Pod', 'v1', 'default', 'web-0'));
  await wait((f) => f.includes('web-new') && !f.includes('web-0') && f.includes('2 change(s)'));
  expect(frame()).toContain('› web-1');
  // One re-list for both events (throttled).
  expect(api.calls.filter((c) => c.startsWith('list v1/pods'))).toHaveLength(2);
  keys(ESC);
  await wait(hasText('▶ Resources v1'));
  await vi.waitFor(() => expect(api.watches).toHaveLength(0));
  keys(ENTER); // pods is still selected
  await wait((f) => f.includes('› web-1') && f.includes('● live'));
  expect(api.watches).toHaveLength(1);
  tui.unmount();
  await vi.waitFor(() => expect(api.watches).toHaveLength(0));
});

test('a slow request shows a spinner with seconds; Esc cancels it, r sends it again', async () => {
  const api = new FakeApi({ getDelayMs: 60_000 });
  await start(api);
  keys('G', 'k', 'k', 'k', 'k', 'k', 'k', 'k');
  await wait(hasText('› /version'));
  keys(ENTER);
  await wait(hasText('loading… 1s  (Esc cancels)'), 4000);
  keys(ESC);
  await wait((f) => f.includes('✖ cancelled') && f.includes('hint: press r to send it again'));
  expect(frame()).toContain('Detail: GET /version'); // still on the view
  keys('r');
  await wait(hasText('loading…'));
  await vi.waitFor(() => expect(api.calls.filter((c) => c === 'getRaw /version')).toHaveLength(2));
  keys(ESC);
  await wait(hasText('✖ cancelled'));
  keys(ESC);
  await wait(hasText('▶ Groups'));
});

test('Esc while discovering cancels discovery; r retries', async () => {
  const api = new FakeApi({ discoverDelayMs: 60_000 });
  tui.render(<App api={api} color={false} />, { columns: 120, rows: 40 });
  await wait(hasText('discovering'));
  keys(ESC);
  await wait((f) => f.includes('✖ cancelled') && !f.includes('discovering…'));
  keys('r');
  await wait(hasText('discovering'));
  await vi.waitFor(() => expect(api.calls.filter((c) => c === 'discover')).toHaveLength(2));
});

test('an empty namespace says so like kubectl, and how to pick another', async () => {
  await start(new FakeApi(), { columns: 120, rows: 40 }, { initialNamespace: 'team-a' });
  keys(ENTER, 'j', 'j');
  await wait(hasText('› pods'));
  keys(ENTER);
  await wait(
    (f) =>
      f.includes('No resources found in team-a namespace.') &&
      f.includes('press n to pick a namespace (try all namespaces)'),
  );
  keys('n');
  await wait(hasText('› all namespaces'));
  keys(ENTER);
  await wait((f) => /NAMESPACE\s+NAME/.test(f) && f.includes('coredns-1'));
});
