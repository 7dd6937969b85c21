// End to end: the built CLI's guided tour (`dist/cli.js --demo --tour`) in tmux at 80x24, where the
// step page covers the panes. A learner reads the anonymous step whole by scrolling it (the live 403
// of the anonymous GET /api beside the authenticated 200), and leaving the tour gives back the
// namespace the tour changed. Every step waits for the screen. Run `npm run build` first.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { TOUR, tourStepById } from '../src/model/tour.js';
import { CLI, shellQuote, Term } from './helpers/tmux.js';

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'kapi-e2e-tour-'));
});
afterEach(() => Term.killAll());
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const POSITION = /j\/k (?:↑↓ scroll )?(\d+)-(\d+)\/(\d+)/;

/** The page's lines on screen: between the step's title line and the key line, borders cut. */
function pageLines(screen: string, title: string): string[] {
  const rows = screen.split('\n');
  const top = rows.findIndex((l) => l.includes(title));
  const bottom = rows.findIndex((l, i) => i > top && /→(\/Enter)? next {2}← back/.test(l));
  return rows.slice(top + 1, bottom).map((l) => l.replace(/^\s*│ ?/, '').replace(/\s*│\s*$/, ''));
}

it('80x24: a step read whole by scrolling its page; the namespace is back after the tour', async () => {
  const t = await Term.start(`node ${shellQuote(CLI)} --demo --tour`, {
    cols: 80,
    rows: 24,
    env: { XDG_CACHE_HOME: cacheDir },
  });
  await t.waitFor((s) => s.includes(`Tour 1/${TOUR.length}`) && s.includes('GET /version → 200 OK'));
  const anonymous = TOUR.indexOf(tourStepById('anonymous')!);
  const title = `Tour ${anonymous + 1}/${TOUR.length}: ${TOUR[anonymous].title}`;
  for (let i = 0; i < anonymous; i++) {
    await t.keys('Right');
    await t.waitFor(`Tour ${i + 2}/${TOUR.length}`);
  }
  // The step changed the namespace on its way (the pods of kube-system).
  let screen = await t.waitFor((s) => s.includes(title) && s.includes('403 Forbidden') && POSITION.test(s));
  expect(screen).toContain('ns kube-system');
  // Read it all: j until the last line is on screen.
  const lines: string[] = [];
  for (;;) {
    const [, from, to, of] = POSITION.exec(screen)!.map(Number);
    pageLines(screen, title).forEach((l, i) => (lines[from - 1 + i] = l));
    if (to >= of) break;
    await t.keys('j');
    screen = await t.waitFor((s) => Number(POSITION.exec(s)?.[1]) === from + 1);
  }
  const text = squash(lines.join('\n'));
  expect(text).toContain(squash(TOUR[anonymous].explanation));
  expect(text).toContain('GET /api → 403 Forbidden — without credentials (system:anonymous)');
  expect(text).toContain('forbidden: User "system:anonymous" cannot get path "/api"');
  expect(text).toContain('GET /api → 200 OK — with your credentials');
  expect(text).toMatch(/\$ curl --cacert \S+ca\.crt/);
  // Esc ends the tour: the panes again, in the namespace it started in.
  await t.keys('Escape');
  screen = await t.waitFor((s) => !s.includes('Tour ') && s.includes('ns default'));
  expect(screen).not.toContain('kube-system');
  await t.keys('q');
  expect(await t.waitForExit()).toMatchObject({ status: 0 });
});
