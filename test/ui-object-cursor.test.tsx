// Issue 4: in an object's JSON/YAML view a cursor line ('›') moves with ↑↓/j k (the window follows;
// PgUp/PgDn, g/G, Ctrl-U/D still work) and `e` explains the field under it — against the real
// sandbox, which serves the Pod and Secret schemas over OpenAPI v3. Secret values stay masked.
import { afterEach, expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { CTRL_D, CTRL_U, ENTER, ESC, PAGE_DOWN, PAGE_UP, hasText, stripAnsi, useTui } from './helpers/ui.js';
import { DB_PASSWORD as PASSWORD, DB_PASSWORD_B64 as PASSWORD_B64, useSandbox } from './helpers/sandbox.js';

const T = 10_000;

let sb: Sandbox;
const tui = useTui({ timeoutMs: T });
const { frame, keys, wait } = tui;
const clients: ApiClient[] = [];

useSandbox('kapi-ui-cursor-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

/** 'ln 12 · 3-30/188' from the detail pane's title: cursor line, window, total. */
const position = (f = frame()) => {
  const m = /ln (\d+) · (\d+)-(\d+)\/(\d+)/.exec(f);
  if (!m) throw new Error(`no cursor position in:\n${f}`);
  return { cursor: Number(m[1]), from: Number(m[2]), to: Number(m[3]), total: Number(m[4]) };
};
/** The text of the '›' line of the detail pane. */
const cursorLine = (f = frame()) =>
  f
    .split('\n')
    .find((l) => l.includes('║ › '))
    ?.replace(/^.*║ › /, '')
    .replace(/\s*║\s*$/, '')
    .trim() ?? '';

async function openObject(namespace: string, resource: string, name: string, size = { columns: 140, rows: 40 }) {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig, demo: true }));
  clients.push(api);
  tui.render(<App api={api} color={false} initialNamespace={namespace} />, size);
  // Discovery answered (at 120 columns the header has no room for the server version).
  await wait((f) => f.includes('core/v1 *') && /GET \/api\S* 200/.test(f));
  keys(ENTER);
  await wait(hasText('▶ Resources v1'));
  keys('/', ...resource, ENTER);
  await wait(hasText(`› ${resource}`));
  keys(ENTER);
  await wait((f) => f.includes(name));
  keys('/', ...name, ENTER);
  await wait(hasText(`› ${name}`));
  keys(ENTER);
  await wait((f) => /ln 1 · 1-\d+\/\d+/.test(f) && f.includes('[JSON]'));
}

/** Press j until the cursor line satisfies `p` (one key at a time, each answered by a frame). */
async function cursorTo(p: (line: string) => boolean, key = 'j') {
  for (let i = 0; i < 400 && !p(cursorLine()); i++) {
    const before = position().cursor;
    keys(key);
    await wait((f) => position(f).cursor !== before);
  }
  expect(p(cursorLine())).toBe(true);
}

test('the cursor moves with j/k, the window follows it; PgDn/PgUp, Ctrl-D/U, G and g still work', async () => {
  await openObject('default', 'pods', 'nginx', { columns: 120, rows: 24 });
  expect(cursorLine()).toBe('{');
  keys('j', 'j');
  await wait((f) => position(f).cursor === 3);
  expect(cursorLine()).toBe('"apiVersion": "v1",');
  const { to: last, total } = position();
  // Down past the window's last line: the window scrolls by one, the cursor stays on its bottom line.
  for (let i = 3; i <= last; i++) {
    const before = position().cursor;
    keys('j');
    await wait((f) => position(f).cursor === before + 1);
  }
  let p = position();
  expect(p.cursor).toBe(last + 1);
  expect(p.from).toBe(2);
  expect(p.to).toBe(p.cursor);
  keys('k');
  await wait((f) => position(f).cursor === p.cursor - 1);
  expect(position().from).toBe(2); // moving up inside the window does not scroll
  keys(PAGE_DOWN);
  await wait((f) => position(f).from > 2);
  p = position();
  expect(p.cursor).toBeGreaterThanOrEqual(p.from);
  expect(p.cursor).toBeLessThanOrEqual(p.to);
  keys(PAGE_UP);
  await wait((f) => position(f).from < p.from);
  keys(CTRL_D);
  await wait((f) => position(f).cursor > p.cursor - 1 - (p.to - p.from));
  keys('G');
  await wait((f) => position(f).cursor === total && position(f).to === total);
  expect(cursorLine()).toBe('}');
  keys(CTRL_U);
  await wait((f) => position(f).cursor < total);
  keys('g');
  await wait((f) => position(f).cursor === 1 && position(f).from === 1);
});

test('e on "image" inside spec.containers of a Pod opens explain at that field, from JSON and from YAML', async () => {
  await openObject('default', 'pods', 'nginx');
  expect(frame()).toContain('e: explain the field on the › line');
  await cursorTo((l) => l.startsWith('"image": '));
  keys('e');
  await wait((f) => f.includes('Explain Pod') && f.includes('FIELD: spec.containers.image <string>'));
  // The tree is open down to it, the cursor on it.
  let f = frame();
  expect(f).toMatch(/▾ spec {2}<PodSpec>/);
  expect(f).toMatch(/▾ containers {2}<\[\]Container> -required-/);
  expect(f).toMatch(/› +image {2}<string>/);
  expect(f).toContain('Container image name.');
  keys(ESC);
  await wait((f2) => !f2.includes('Explain Pod') && f2.includes('[JSON]'));
  expect(cursorLine()).toMatch(/^"image": /); // back where it was
  // The same in YAML (the schema is already loaded this time).
  keys('y');
  await wait((f2) => f2.includes('[YAML]') && position(f2).cursor === 1);
  await cursorTo((l) => /^(- )?image: /.test(l));
  keys('e');
  await wait((f2) => f2.includes('Explain Pod') && f2.includes('FIELD: spec.containers.image <string>'));
  f = frame();
  expect(f).toMatch(/› +image {2}<string>/);
  keys(ESC);
  await wait((f2) => f2.includes('[YAML]'));
  // A line of metadata.labels: the map's field (the key is the user's own).
  keys('g');
  await wait((f2) => position(f2).cursor === 1);
  await cursorTo((l) => l.startsWith('app: '));
  keys('e');
  await wait((f2) => f2.includes('FIELD: metadata.labels <map[string]string>'));
  expect(frame()).toMatch(/› +labels {2}<map\[string\]string>/);
});

test("a Secret's values stay masked in the cursor view; e on a data key explains data", async () => {
  await openObject('team-a', 'secrets', 'db-credentials');
  const all = () => stripAnsi((tui.r.stdout.frames ?? []).join('\n'));
  expect(frame()).toContain('[masked] x reveals');
  await cursorTo((l) => l.startsWith('"password": '));
  expect(cursorLine()).toMatch(/^"password": "••••••",?$/);
  keys('y');
  await wait((f) => f.includes('[YAML]') && position(f).cursor === 1);
  await cursorTo((l) => l.startsWith('password: '));
  expect(cursorLine()).toMatch(/^password: ["']?••••••/);
  expect(all()).not.toContain(PASSWORD_B64);
  expect(all()).not.toContain(PASSWORD);
  keys('e');
  await wait((f) => f.includes('Explain Secret') && f.includes('FIELD: data <map[string]string>'));
  expect(all()).not.toContain(PASSWORD_B64);
  expect(all()).not.toContain(PASSWORD);
});

test('/ searches the text: Enter puts the cursor on the first matching line, n and N go through the others', async () => {
  await openObject('default', 'pods', 'nginx');
  keys('/', ...'image', ENTER);
  await wait((f) => / \/image 1\/\d+ {2}n\/N/.test(f));
  expect(cursorLine()).toMatch(/^"image": "nginx/);
  const total = Number(/ \/image 1\/(\d+)/.exec(frame())![1]);
  const first = position().cursor;
  keys('n');
  await wait((f) => position(f).cursor !== first);
  expect(cursorLine().toLowerCase()).toContain('image');
  keys('N');
  await wait((f) => position(f).cursor === first);
  // A query nothing has says so; Esc clears the search before it goes back.
  keys('/', ...'zzqq', ENTER);
  await wait(hasText('/zzqq no match'));
  keys(ESC);
  await wait((f) => !f.includes('/zzqq') && f.includes('[JSON]'));
  expect(total).toBeGreaterThanOrEqual(2);
});
