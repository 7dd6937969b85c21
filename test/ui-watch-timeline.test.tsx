// The watch timeline in the App at 80x24 against the sandbox over TLS: T on the pods table shows the
// LIST with its resourceVersion, then each raw watch event as the sandbox changes pods (no ticker:
// the test changes them), newest at the bottom under the cursor; Enter shows an event's object,
// Esc goes back to the timeline; the footer's request is the watch (kubectl --watch
// --output-watch-events); a Secret in an event is masked.
import { afterEach, expect, test, vi } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { ENTER, ESC, showPodsTable, stripAnsi, useTui } from './helpers/ui.js';
import { DB_PASSWORD, DB_PASSWORD_B64, useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
const T = 10_000;
const tui = useTui({ timeoutMs: T });
const { frame, keys, wait } = tui;

useSandbox('kapi-ui-timeline-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));

const watchers = () => (sb.store as unknown as { listeners: Set<unknown> }).listeners.size;
afterEach(async () => {
  tui.unmount();
  // The App's watches close with it (the timeline's among them).
  await vi.waitFor(() => expect(watchers()).toBe(0), { timeout: T });
});

async function openApp(namespace: string) {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig, demo: true }));
  tui.render(<App api={api} color={false} version="test" initialNamespace={namespace} />, { columns: 80, rows: 24 });
  return api;
}

/** The timeline's event lines on screen: "MODIFIED rv 1234 demo/crashy-…" (time cut off). */
const eventLines = (f: string) =>
  stripAnsi(f)
    .split('\n')
    .map((l) => /\d\d:\d\d:\d\d\.\d{3}\s+(ADDED|MODIFIED|DELETED|BOOKMARK|ERROR|LIST)\s+(.*?)\s*[│║]?$/.exec(l))
    .filter((m) => m !== null)
    .map((m) => `${m[1]} ${m[2]}`.replace(/\s+/g, ' '));

test('80x24: T on pods shows LIST rv then ADDED/MODIFIED/DELETED as pods change; Enter shows the object', async () => {
  await openApp('demo');
  await showPodsTable(tui.r);
  expect(frame()).toContain('T watch');
  keys('T');
  const rv = sb.store.resourceVersion();
  const first = await wait((f) => f.includes('● watching') && f.includes(`LIST rv ${rv}`.replace(' ', '      ')));
  expect(first).toContain('watch pods.v1 in demo');
  expect(first).toContain('List, then watch');
  expect(first).toContain('410');
  // The footer's request is the watch (at 80x24: its path and curl; kubectl's at 120x40 below).
  expect(first).toContain(`GET /api/v1/namespaces/demo/pods?watch=1&resourceVersion=${rv}&allowWatchBookmar`);
  expect(first).toMatch(/\$ curl --cert /);

  sb.store.tick(); // crashy flips: MODIFIED
  await wait((f) => eventLines(f).some((l) => l.startsWith('MODIFIED ')));
  sb.store.tick(); // the 2nd tick replaces a frontend pod: DELETED, then ADDED
  const changed = await wait((f) => eventLines(f).some((l) => l.startsWith('ADDED ')));
  const lines = eventLines(changed);
  expect(lines[0]).toBe(`LIST rv ${rv} GET: 3 pods; watching from rv ${rv}`);
  expect(lines.some((l) => /^DELETED rv \d+ demo\/frontend-/.test(l))).toBe(true);
  // Newest at the bottom, under the cursor.
  const cursorLine = stripAnsi(changed)
    .split('\n')
    .find((l) => l.includes('› '))!;
  expect(cursorLine).toMatch(/ADDED\s+rv \d+\s+demo\/frontend-/);
  const added = /ADDED\s+rv (\d+)\s+demo\/(\S+)/.exec(cursorLine)!;
  expect(sb.store.get('', 'v1', 'pods', 'demo', added[2]!).metadata.resourceVersion).toBe(added[1]);

  keys(ENTER);
  const object = await wait((f) => f.includes(`› ADDED demo/${added[2]}`) && f.includes('"kind": "Pod"'));
  expect(object).toContain(`"resourceVersion": "${added[1]}"`);
  keys(ESC);
  await wait((f) => f.includes('● watching') && eventLines(f).some((l) => l.startsWith('ADDED ')));
});

test('scrolled up, the cursor keeps its line as events arrive; G follows the newest again', async () => {
  await openApp('demo');
  await showPodsTable(tui.r);
  keys('T');
  await wait((f) => f.includes('● watching'));
  sb.store.tick();
  await wait((f) => eventLines(f).some((l) => l.startsWith('MODIFIED ')));
  keys('k'); // up onto the LIST line: it stays there
  for (let i = 0; i < 3; i++) sb.store.tick();
  await wait((f) => eventLines(f).filter((l) => l.startsWith('MODIFIED ')).length >= 3);
  const cursor = () =>
    stripAnsi(frame())
      .split('\n')
      .find((l) => l.includes('› '));
  expect(cursor()).toMatch(/LIST/);
  keys(ENTER); // a LIST line has no object
  keys('G');
  await wait(() => /MODIFIED|ADDED|DELETED/.test(cursor() ?? ''));
  sb.store.tick();
  // The newest pod change (the tick also changes Events, whose versions a pods watch does not see).
  const rv = Math.max(...sb.store.list('', 'v1', 'pods', 'demo').map((p) => Number(p.metadata.resourceVersion)));
  await wait(() => (cursor() ?? '').includes(`rv ${rv} `));
});

test('120x40: the footer shows the watch as kubectl get --watch --output-watch-events', async () => {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig, demo: true }));
  tui.render(<App api={api} color={false} version="test" initialNamespace="demo" />, { columns: 120, rows: 40 });
  await showPodsTable(tui.r);
  keys('T');
  const shown = await wait((f) => f.includes('● watching') && f.includes('--output-watch-events'));
  expect(shown).toMatch(/\$ kubectl --kubeconfig \S+ get pods -n demo --watch --output-watch-events -o json/);
});

test("a Secret's values are masked in the event's object, as everywhere", async () => {
  await openApp('team-a');
  await wait((f) => f.includes('core/v1'));
  keys(':', 's', 'e', 'c', 'r', 'e', 't', 's', ENTER);
  await wait((f) => /NAME\s+TYPE\s+DATA/.test(f) && f.includes('● live'));
  keys('T');
  await wait((f) => f.includes('watch secrets.v1 in team-a') && f.includes('● watching'));
  // A change to the Secret as the API would send it (the sandbox's store has no writes over HTTP).
  const secret = structuredClone(sb.store.get('', 'v1', 'secrets', 'team-a', 'db-credentials'));
  (sb.store as unknown as { put: (g: string, r: string, o: unknown, t: string) => void }).put(
    '',
    'secrets',
    secret,
    'MODIFIED',
  );
  await wait((f) => eventLines(f).some((l) => /^MODIFIED rv \d+ team-a\/db-credentials/.test(l)));
  keys(ENTER);
  const shown = await wait((f) => f.includes('› MODIFIED team-a/db-credentials') && f.includes('[masked]'));
  expect(shown).not.toContain(DB_PASSWORD_B64);
  expect(shown).not.toContain(DB_PASSWORD);
});
