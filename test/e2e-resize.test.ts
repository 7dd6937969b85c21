// End to end: resizing the terminal, also while discovery and a listing are still loading, never
// crashes the explorer or shows a stack trace (every screen read is checked against STACK_TRACE),
// and it still quits with status 0. Run `npm run build` first.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CLI, shellQuote, STACK_TRACE, Term } from './helpers/tmux.js';

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'kapi-e2e-resize-'));
});
afterEach(() => Term.killAll());
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

/** A frame drawn for this width: a pane's right border sits in the last column. (Content drawn for
 *  a wider terminal is only cropped by tmux, so its borders are gone from the last column.) */
const drawnAt = (screen: string, cols: number) =>
  screen.split('\n').some((l) => [...l].length === cols && /[│║╮╯╗╝┐┘]$/.test(l));

/** Resizes, then waits for the program to have drawn at the new size and for `shows`. */
async function resizeTo(t: Term, cols: number, rows: number, shows: (s: string) => boolean): Promise<string> {
  await t.resize(cols, rows);
  expect(await t.size()).toEqual({ cols, rows });
  return t.waitFor((s) => drawnAt(s, cols) && shows(s));
}

it('survives 120x40 → 80x24 → 40x12 (while loading) → 120x40, then quits with 0', async () => {
  const t = await Term.start(`node ${shellQuote(CLI)} --demo`, {
    cols: 120,
    rows: 40,
    env: { XDG_CACHE_HOME: cacheDir },
  });

  // Resize at once, while the sandbox starts and discovery loads.
  await t.resize(80, 24);
  await t.resize(40, 12);
  let s = await resizeTo(t, 40, 12, (x) => x.includes('Groups') && x.includes('core/v1'));
  expect(s).not.toMatch(STACK_TRACE);

  // Wide again: the three panes side by side (Resources and the discovery JSON shown next to Groups).
  s = await resizeTo(
    t,
    120,
    40,
    (x) => x.includes('core/v1') && x.includes('bindings') && x.includes('"groupVersion"'),
  );
  expect(s).toContain('Resources');
  expect(s).toContain('Detail');

  // Open the pods listing and resize while it loads.
  await t.keys('Tab');
  await t.keys('/');
  await t.type('pods');
  await t.waitFor((x) => x.includes('pods/log') && !x.includes('configmaps'));
  await t.keys('Enter');
  await t.waitFor((x) => !x.includes('pods▌'));
  await t.keys('n');
  await t.waitFor('all namespaces');
  await t.keys('Enter');
  await t.keys('Enter');
  await t.resize(80, 24);
  await t.resize(40, 12);
  await resizeTo(t, 40, 12, (x) => x.includes('Detail'));
  await t.resize(80, 24);
  s = await resizeTo(t, 80, 24, (x) => /NAME\s+READY\s+STATUS/.test(x) && x.includes('Running'));
  s = await resizeTo(
    t,
    120,
    40,
    (x) => /NAME\s+READY\s+STATUS/.test(x) && x.includes('Running') && x.includes('core/v1'),
  );

  // A tiny terminal, then a normal one: still alive and drawing.
  await t.resize(20, 6);
  await resizeTo(t, 20, 6, () => true);
  await resizeTo(t, 120, 40, (x) => x.includes('Running') && x.includes('Groups'));

  await t.keys('q');
  expect(await t.waitForExit()).toMatchObject({ status: 0, alternate: false });
  t.check(await t.screen());
});

it('the guard itself: a stack trace on screen fails the next wait at once', async () => {
  const crash = `node -e "console.error(new TypeError('boom').stack); setTimeout(() => {}, 5000)"`;
  const t = await Term.start(crash, { cols: 80, rows: 12 });
  await expect(t.waitFor('never shown', 5000)).rejects.toThrow(/screen shows/);
});
