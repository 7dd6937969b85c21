// Issue 4, learning mode, against the FakeApi: request log (L), copying curl (c), discovery as
// served (d), the guided tour (t / startTour). Explain, identity and can-i run against the real
// sandbox in ui-learning-sandbox.test.tsx.
import React from 'react';
import { afterEach, expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { TOUR } from '../src/model/tour.js';
import { FakeApi, obj } from './helpers/fake-api.js';
import { DOWN, ENTER, ESC, LEFT, RIGHT, hasText, useTui } from './helpers/ui.js';

const tui = useTui();
const { frame, keys, wait } = tui;
afterEach(() => {
  delete process.env.TMUX;
});

async function start(api = new FakeApi(), props: Partial<React.ComponentProps<typeof App>> = {}) {
  tui.render(<App api={api} color={false} {...props} />, { columns: 120, rows: 40 });
  await wait(hasText('Groups  1/15'));
  return tui.r;
}

test('L: the request log lists requests; the selected one shows headers and its body, Secrets masked', async () => {
  tui.render(<App api={new FakeApi()} color={false} />, { columns: 120, rows: 60 });
  await wait(hasText('Groups  1/15'));
  keys(ENTER, 'G');
  await wait(hasText('› secrets'));
  keys(ENTER);
  await wait(hasText('› db-creds'));
  keys(ENTER);
  await wait(hasText('"kind": "Secret"'));
  keys('L');
  await wait(hasText('Request log (L or Esc closes)'));
  // Newest first: the GET of the Secret is selected, its body masked like the detail view.
  await wait((f) => /› #\d+ GET \/api\/v1\/namespaces\/default\/secrets\/db-creds 200/.test(f));
  const f = frame();
  expect(f).toContain('Accept: application/json');
  expect(f).toContain('── body (JSON pretty-printed, Secret values masked) ──');
  expect(f).toContain('"password": "••••••"');
  expect(f).not.toContain('aHVudGVyMg==');
  // Below it the watch that keeps the table live, then the list request: the page as parsed (a Table).
  keys(DOWN, DOWN);
  await wait(
    (f2) =>
      /› #\d+ GET \/api\/v1\/namespaces\/default\/secrets\?limit=500 200/.test(f2) &&
      f2.includes('── body: the list page as parsed') &&
      f2.includes('"kind": "Table"'),
  );
  expect(frame()).not.toContain('aHVudGVyMg==');
  keys(ESC);
  await wait((f2) => !f2.includes('Request log') && f2.includes('"kind": "Secret"'));
});

/** From the start: the pods table (live), then the request log over it. */
async function openPodsThenLog() {
  keys(ENTER, 'j', 'j');
  await wait(hasText('› pods'));
  keys(ENTER);
  await wait(hasText('● live'));
  keys('L');
  await wait(hasText('Request log'));
}

test('L: a watch stream shows its events as they arrive', async () => {
  const api = new FakeApi();
  await start(api);
  await openPodsThenLog();
  keys('/', 'w', 'a', 't', 'c', 'h', ENTER);
  await wait(
    (f) => /› #\d+ GET \/api\/v1\/namespaces\/default\/pods\?watch=1/.test(f) && f.includes('watch stream: 0 event(s)'),
  );
  api.change('ADDED', 'v1/pods', obj('Pod', 'v1', 'default', 'web-9'));
  api.change('DELETED', 'v1/pods', obj('Pod', 'v1', 'default', 'web-9'));
  await wait(
    (f) =>
      f.includes('watch stream: 2 event(s)') && /ADDED\s+default\/web-9/.test(f) && /DELETED\s+default\/web-9/.test(f),
  );
});

test('c copies the curl command of the view with OSC 52, bare and for tmux passthrough inside tmux', async () => {
  // A tmux socket that does not exist: the tmux buffer cannot be reached, so OSC 52 is all there is.
  process.env.TMUX = '/nonexistent-kapi-test/tmux-socket,1,0';
  const { stdout } = await start();
  keys('G', 'k', 'k', 'k', 'k', 'k', 'k', 'k', ENTER);
  await wait(hasText('"gitVersion": "v1.31.0"'));
  keys('c');
  await wait(hasText('curl command sent to the terminal clipboard (OSC 52); tmux did not take it'));
  const curl = "curl --cacert /tmp/ca.crt 'https://127.0.0.1:6443/version'";
  const b64 = Buffer.from(curl).toString('base64');
  // ESC P tmux; <OSC 52 with ESC doubled> ESC \
  expect(stdout.frames.some((f) => f.includes(`\u001BPtmux;\u001B\u001B]52;c;${b64}\u0007\u001B\\`))).toBe(true);
  // and bare, for a tmux with set-clipboard on (and terminals that are not tmux)
  expect(stdout.frames.some((f) => f.includes(`\u001B]52;c;${b64}\u0007`) && !f.includes('Ptmux;'))).toBe(true);
});

test('d shows the discovery document as served, with its format and cost', async () => {
  await start();
  keys(DOWN);
  await wait(hasText('› apps/v1 *'));
  keys('d');
  await wait(
    (f) =>
      f.includes('Detail: /apis as served (d: back)') && f.includes('"kind"') === false && f.includes('"name": "apps"'),
  );
  expect(frame()).toContain('as served: aggregated apidiscovery.k8s.io/v2');
  keys('d');
  await wait((f) => f.includes('apps/v1 (aggregated discovery)') && !f.includes('as served'));
});

test('the tour (startTour): steps drive the panes, show the request and curl; → ← move, Esc ends', async () => {
  const api = new FakeApi();
  tui.render(<App api={api} color={false} startTour />, { columns: 120, rows: 40 });
  await wait(
    (f) =>
      f.includes(`Tour 1/${TOUR.length}: ${TOUR[0].title}`) &&
      f.includes('Detail: GET /version') &&
      f.includes('"gitVersion"'),
  );
  expect(frame()).toContain("$ curl --cacert /tmp/ca.crt 'https://127.0.0.1:6443/version'");
  expect(frame()).toContain('→/Enter next  ← back  Esc ends the tour');
  const apps = TOUR.findIndex((s) => s.target.kind === 'groupVersion');
  for (let i = 0; i < apps; i++) keys(RIGHT);
  // The group-version step: its resources (and their verbs) beside the APIResourceList it talks about.
  await wait(
    (f) =>
      f.includes(`Tour ${apps + 1}/`) &&
      f.includes('Resources apps/v1') &&
      f.includes('Detail: GET /apis/apps/v1') &&
      f.includes('"kind": "APIResourceList"'),
  );
  const objects = TOUR.findIndex((s) => s.target.kind === 'objects');
  for (let i = apps; i < objects; i++) keys(ENTER);
  await wait((f) => f.includes(`Tour ${objects + 1}/`) && f.includes('Detail: pods.v1 in kube-system'));
  await wait(hasText('coredns-'));
  // The page shows the curl on one line, cut, and where to read it whole.
  expect(frame()).toMatch(
    /│ \$ curl --cacert \/tmp\/ca\.crt -H 'Accept: application\/json;as=Table.* … \(see the full command: \$\) │/,
  );
  keys(LEFT);
  await wait(hasText(`Tour ${objects}/`));
  keys(ESC);
  // Leaving the tour: the namespace it found (not kube-system) and the detail closed again.
  await wait((f) => !f.includes('Tour ') && f.includes('Groups') && f.includes('ns default'));
  expect(frame()).not.toContain('Detail: pods.v1');
  // t starts it again.
  keys('t');
  await wait(hasText('Tour 1/'));
});

test('help lists the learning-mode keys', async () => {
  await start();
  keys('?');
  await wait((f) =>
    [
      'request log',
      'copy the curl command',
      'discovery document as served',
      'explain the resource schema',
      'guided tour',
    ].every((t) => f.includes(t)),
  );
});

test('L: Tab puts the cursor keys on the selected body (↑↓ PgUp/PgDn g/G scroll it); list pages are kept, masked', async () => {
  tui.render(<App api={new FakeApi({ pods: 30 })} color={false} />, { columns: 120, rows: 30 });
  await wait(hasText('Groups  1/15'));
  await openPodsThenLog();
  keys('/', 'p', 'o', 'd', 's', ENTER, 'j'); // newest first: the watch, then the list request
  await wait(
    (f) => /› #\d+ GET \/api\/v1\/namespaces\/default\/pods\?limit=500 200/.test(f) && f.includes('"kind": "Table"'),
  );
  const pos = (f: string) => /── (\d+)-(\d+)\/(\d+) ──/.exec(f);
  const first = pos(frame())!;
  expect(first[1]).toBe('1');
  expect(frame()).toContain('Tab: scroll the body');
  keys('\t');
  await wait(hasText('▶ body: ↑↓ PgUp/PgDn g/G scroll it, Tab: list'));
  keys('j');
  await wait((f) => pos(f)?.[1] === '2');
  // The request line stays on top while the body scrolls.
  expect(frame()).toMatch(/── ║\n║ GET \/api\/v1\/namespaces\/default\/pods\?limit=500\s+║\n║ → 200/);
  keys('\u001B[6~'); // PgDn
  await wait((f) => Number(pos(f)?.[1]) > 2);
  keys('G');
  await wait((f) => pos(f)?.[2] === first[3]);
  keys('g');
  await wait((f) => pos(f)?.[1] === '1');
  // Tab again: the keys move the list; another entry's body starts at its top.
  keys('j', 'j', '\t');
  await wait((f) => f.includes('Tab: scroll the body') && pos(f)?.[1] === '3');
  keys('k');
  await wait((f) => /› #\d+ GET \/api\/v1\/namespaces\/default\/pods\?watch=1/.test(f) && pos(f)?.[1] === '1');
});
