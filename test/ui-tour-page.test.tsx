// The tour's step page on the FakeApi at 80x24, 60x20 and 120x40: every step's whole text can be
// read (scrolled with the keys where it is longer than its room), each step shows the requests it
// talks about with their live answers, and leaving the tour gives back the view it found.
import { expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { TOUR, tourStepById } from '../src/model/tour.js';
import type { Connection } from '../src/client/types.js';
import { FakeApi } from './helpers/fake-api.js';
import { ENTER, ESC, PAGE_DOWN, RIGHT, hasText, useTui } from './helpers/ui.js';

const tui = useTui({ timeoutMs: 8000 });
const { frame, keys, wait } = tui;

/** The page's key line, in its long or narrow form. */
const KEY_LINE = /→(\/Enter)? next {2}← back {2}Esc ends/;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The page's lines on screen (between its title and its key line, borders cut) and where they are. */
function pageOf(f: string, step: number): { lines: string[]; from: number; to: number; of: number } | undefined {
  const rows = f.split('\n');
  const top = rows.findIndex((l) => l.includes(`Tour ${step + 1}/${TOUR.length}: `));
  const bottom = rows.findIndex((l, i) => i > top && KEY_LINE.test(l));
  if (top < 0 || bottom < 0) return undefined;
  const col = rows[top].indexOf('│');
  const lines = rows.slice(top + 1, bottom).map((l) => l.slice(col + 2, l.lastIndexOf('│')).trimEnd());
  const pos = /j\/k (?:↑↓ scroll )?(\d+)-(\d+)\/(\d+)/.exec(rows[bottom]);
  return pos
    ? { lines, from: +pos[1], to: +pos[2], of: +pos[3] }
    : { lines, from: 1, to: lines.length, of: lines.length };
}

/** Reads step `step`'s whole page, scrolling down with PgDn where it is longer than the room. */
async function readStep(step: number): Promise<{ text: string; scrolled: boolean }> {
  // The answers are in (nothing waits any more) before reading.
  let f = await wait((fr) => !!pageOf(fr, step) && !fr.includes('waiting for the answer'));
  const all: string[] = [];
  let page = pageOf(f, step)!;
  const scrolled = page.of > page.to;
  for (;;) {
    page.lines.forEach((l, i) => (all[page.from - 1 + i] = l));
    if (page.to >= page.of) break;
    const before = page.to;
    keys(PAGE_DOWN);
    f = await wait((fr) => (pageOf(fr, step)?.to ?? 0) > before);
    page = pageOf(f, step)!;
  }
  return { text: all.join('\n'), scrolled };
}

test.each([
  [80, 24],
  [60, 20],
  [120, 40],
])('at %ix%i every step can be read whole, with the requests it talks about', async (columns, rows) => {
  tui.render(<App api={new FakeApi()} color={false} startTour />, { columns, rows });
  const scrolledSteps: string[] = [];
  for (let i = 0; i < TOUR.length; i++) {
    if (i > 0) keys(RIGHT);
    const { text, scrolled } = await readStep(i);
    if (scrolled) scrolledSteps.push(TOUR[i].id);
    // The explanation whole (wrapping only moved words to the next line).
    expect(squash(text)).toContain(squash(TOUR[i].explanation));
    // (A narrow page puts the address on lines of its own.)
    expect(text.replace(/\n/g, '').replace('Read more: ', 'Read more:')).toContain(`Read more:${TOUR[i].docs}`);
    const id = TOUR[i].id;
    if (id === 'version') expect(squash(text)).toContain('GET /version → 200 OK');
    if (id === 'core-group') {
      expect(squash(text)).toContain('GET /api → 200 OK — aggregated discovery (APIGroupDiscoveryList)');
      expect(squash(text)).toContain('GET /api/v1 → 200 OK — legacy discovery of the core group (APIResourceList)');
      expect(text).toContain('"kind": "APIResourceList"');
    }
    if (id === 'group-version') {
      expect(squash(text)).toContain('GET /apis/apps/v1 → 200 OK — legacy discovery (APIResourceList)');
      expect(text).toContain('"groupVersion": "apps/v1"');
    }
    if (id === 'anonymous') {
      // The live refusal beside the authenticated answer.
      expect(squash(text)).toContain('GET /api → 403 Forbidden — without credentials (system:anonymous)');
      expect(squash(text)).toContain('code 403: "forbidden: User "system:anonymous" cannot get path "/api""');
      expect(squash(text)).toContain('GET /api → 200 OK — with your credentials');
    }
    if (id === 'client-certificates') {
      expect(squash(text)).toContain('POST /apis/authentication.k8s.io/v1/selfsubjectreviews → 201 Created');
      expect(text).toContain('"username":"jane"');
    }
    if (id === 'list-objects' && columns !== 120) expect(text).toMatch(/its answer:\n\s+NAME\s+READY\s+STATUS/);
    if (id === 'get-object') {
      // Covered panes (80x24, 60x20): the object's start is on the page; beside the panes, in the Detail pane.
      if (columns === 120) expect(squash(text)).toContain('the answer is in the Detail pane');
      else expect(text).toMatch(/its answer:\n\s+\{\n\s+"kind": "Pod",/);
    }
    // The curl: one line, cut where it does not fit, saying where to read it whole.
    const curl = text.split('\n').find((l) => l.startsWith('$ curl'));
    expect(curl).toBeDefined();
    expect(curl!.length).toBeLessThanOrEqual(columns - 4);
    if (curl!.includes('…')) expect(curl).toMatch(/… \(see the full command: \$\)$/);
  }
  // Small terminals scroll some steps; at 120x40 every step fits whole under the panes.
  if (columns === 120) expect(scrolledSteps).toEqual([]);
  else expect(scrolledSteps.length).toBeGreaterThan(0);
  keys(RIGHT);
  await wait((f) => !f.includes('Tour ') && f.includes('Groups'));
});

test('small terminals: the page covers the panes; j/k scroll it line by line', async () => {
  tui.render(<App api={new FakeApi()} color={false} startTour />, { columns: 60, rows: 20 });
  const first = await wait((f) => !!pageOf(f, 0) && f.includes('GET /version → 200 OK'));
  expect(first).not.toContain('Groups  1/');
  expect(pageOf(first, 0)!.from).toBe(1);
  keys('j', 'j');
  await wait((f) => pageOf(f, 0)?.from === 3);
  keys('k');
  await wait((f) => pageOf(f, 0)?.from === 2);
  expect(frame()).toContain('j/k scroll');
  // Another step starts at its top.
  keys(ENTER);
  await wait((f) => pageOf(f, 1)?.from === 1);
});

test('120x40: the page under the panes, which show the step; the namespace and view come back after', async () => {
  tui.render(<App api={new FakeApi()} color={false} />, { columns: 120, rows: 40 });
  await wait(hasText('Groups  1/15'));
  // The learner's own place: apps/v1, its resources focused.
  keys('j', ENTER);
  await wait((f) => f.includes('▶ Resources apps/v1'));
  keys('t');
  await wait(hasText(`Tour 1/${TOUR.length}`));
  expect(frame()).toContain('Groups');
  const gvStep = TOUR.indexOf(tourStepById('group-version')!);
  for (let i = 0; i < gvStep; i++) keys(RIGHT);
  // The detail shows the APIResourceList the step talks about, not /apis.
  await wait((f) => f.includes(`Tour ${gvStep + 1}/`) && f.includes('Detail: GET /apis/apps/v1'));
  const objects = TOUR.findIndex((s) => s.target.kind === 'objects');
  for (let i = gvStep; i < objects; i++) keys(RIGHT);
  await wait((f) => f.includes(`Tour ${objects + 1}/`) && f.includes('ns kube-system'));
  await wait(hasText('GET /api/v1/namespaces/kube-system/pods?limit=500 → 200 OK'));
  keys(ESC);
  await wait((f) => !f.includes('Tour ') && f.includes('ns default') && f.includes('▶ Resources apps/v1'));
  expect(frame()).not.toContain('kube-system');
});

test('through a kubectl proxy the anonymous step says why it cannot be shown live, and how to run it', async () => {
  const api = new FakeApi();
  // A proxy connection: the proxy adds its credentials to every request.
  (api as { connection: Connection }).connection = {
    ...api.connection,
    mode: 'proxy',
    server: 'http://127.0.0.1:8001',
  };
  tui.render(<App api={api} color={false} startTour />, { columns: 120, rows: 40 });
  const anonymous = TOUR.indexOf(tourStepById('anonymous')!);
  for (let i = 0; i < anonymous; i++) keys(RIGHT);
  const { text } = await readStep(anonymous);
  expect(squash(text)).toContain('connected through a kubectl proxy, which adds its own credentials');
  expect(squash(text)).toContain('GET /api → 200 OK — with your credentials');
  expect(text).not.toContain('→ 403');
  // No made-up server or CA file: the command is named in words, the curl line says why there is none.
  expect(squash(text)).toContain('run `curl --cacert CA-FILE https://API-SERVER/api` yourself');
  expect(text).toMatch(/\$ # Without credentials: system:anonymous: cannot be shown/);
  expect(api.calls.filter((c) => c.startsWith('getRaw /api'))).not.toHaveLength(0);
});
