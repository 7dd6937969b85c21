// Terminal sizes: narrow stack below 100 columns, tiny terminals, resize, frame height, NO_COLOR.
import { afterEach, expect, test } from 'vitest';
import chalk from 'chalk'; // Ink's colour library (a dependency of ink): forced on to prove NO_COLOR strips colour
import { App } from '../src/ui/App.js';
import { FakeApi } from './helpers/fake-api.js';
import { ANSI, DOWN, ENTER, ESC, TAB, hasText, stripAnsi, useTui } from './helpers/ui.js';

const tui = useTui();
const { frame, keys, wait } = tui;
afterEach(() => {
  delete process.env.NO_COLOR;
});

function checkFits(frame: string, columns: number, rows: number) {
  const lines = stripAnsi(frame).split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const l of lines) expect([...l].length).toBeLessThanOrEqual(columns);
}

test('80x24: one pane at a time, reachable with Tab / arrows, usable end to end', async () => {
  tui.render(<App api={new FakeApi()} color={false} />, { columns: 80, rows: 24 });
  const { lastFrame } = tui.r;
  await wait(hasText('Groups  1/15'));
  let f = frame();
  expect(f).toContain('▶[Groups]');
  expect(f).not.toContain('Resources v1  ');
  checkFits(lastFrame()!, 80, 24);
  keys(TAB);
  await wait(hasText('▶[Resources]'));
  f = frame();
  expect(f).toContain('▶ Resources v1');
  expect(f).not.toContain('core/v1 *');
  keys('j');
  keys('j');
  keys(ENTER);
  await wait((fr) => fr.includes('▶[Detail]') && fr.includes('web-0'));
  checkFits(lastFrame()!, 80, 24);
  keys(ENTER);
  await wait(hasText('"image": "nginx:1.27"'));
  checkFits(lastFrame()!, 80, 24);
  // Two ESC bytes in one burst reach Ink as a single (meta+escape) key: wait between them.
  keys(ESC);
  await wait((fr) => fr.includes('web-1') && !fr.includes('"image"'));
  keys(ESC);
  await wait(hasText('▶[Resources]'));
});

test('80x60: the focused list plus the detail', async () => {
  tui.render(<App api={new FakeApi()} color={false} />, { columns: 80, rows: 60 });
  await wait(hasText('Groups  1/15'));
  const f = stripAnsi(tui.r.lastFrame()!);
  expect(f).toContain('▶ Groups');
  expect(f).toContain('Detail: v1');
  checkFits(tui.r.lastFrame()!, 80, 60);
});

test('does not crash down to 40x12 and never draws taller than the terminal', async () => {
  const api = new FakeApi({ insecure: true });
  tui.render(<App api={api} color={false} />, { columns: 40, rows: 12 });
  const { lastFrame } = tui.r;
  await wait(hasText('Groups'));
  await wait(hasText('1/15'));
  expect(frame()).toContain('⚠ INSECURE');
  checkFits(lastFrame()!, 40, 12);
  keys(DOWN);
  await wait(hasText('› apps/v1'));
  keys(ENTER);
  await wait(hasText('▶[Resources]'));
  keys(ENTER);
  await wait((fr) => fr.includes('▶[Detail]') && fr.includes('web'));
  keys('?');
  await wait(hasText('Help'));
  keys('?');
  keys('n');
  await wait(hasText('team-a'));
  keys(ESC);
  await wait((fr) => !fr.includes('team-a'));
  // Learning-mode overlays fit too: request log, explain (the fake serves no OpenAPI: the client's
  // 404, whose title the 12 rows have no room for), tour.
  keys('L');
  await wait(hasText('Request log'));
  keys(ESC);
  await wait((fr) => !fr.includes('Request log'));
  keys('e');
  await wait((fr) => fr.includes('Explain Deployment') && fr.includes('hint: This path is not'));
  keys(ESC);
  await wait((fr) => !fr.includes('Explain'));
  keys('t');
  await wait(hasText('/version'));
  keys(ESC);
  for (const frame of tui.r.stdout.frames) checkFits(frame, 40, 12);
  for (const [c, rows] of [
    [30, 8],
    [20, 6],
  ] as const) {
    tui.r.stdout.resize(c, rows);
    await wait((fr) => fr.split('\n').length <= rows);
  }
});

test('reflows on resize: wide ↔ narrow', async () => {
  tui.render(<App api={new FakeApi()} color={false} />, { columns: 130, rows: 30 });
  const { lastFrame, stdout } = tui.r;
  await wait(hasText('Groups  1/15'));
  expect(frame()).toMatch(/Groups.*Resources.*Detail/);
  stdout.resize(90, 24);
  await wait(hasText('▶[Groups]'));
  checkFits(lastFrame()!, 90, 24);
  stdout.resize(110, 20);
  await wait((f) => !f.includes('▶[Groups]') && /Groups.*Resources.*Detail/.test(f));
  checkFits(lastFrame()!, 110, 20);
});

test('insecure connections carry a persistent red warning', async () => {
  tui.render(<App api={new FakeApi({ insecure: true })} color={false} />, { columns: 120, rows: 30 });
  await wait(hasText('TLS certificate verification is disabled'));
  await wait(hasText('Groups  1/15'));
  tui.r.stdin.write(ENTER);
  await wait(hasText('▶ Resources'));
  expect(stripAnsi(tui.r.lastFrame()!)).toContain('TLS certificate verification is disabled');
});

test('the insecure warning stays on the first line at tiny heights, the frame always a line shorter than the terminal', async () => {
  tui.render(<App api={new FakeApi({ insecure: true })} color={false} />, { columns: 80, rows: 24 });
  await wait(hasText('Groups  1/15'));
  for (const rows of [7, 6, 5, 4, 3, 2]) {
    tui.r.stdout.resize(80, rows);
    // A frame of `rows` lines would scroll its first line, the warning, off a real terminal.
    await wait((fr) => fr.split('\n').length <= rows - 1 && fr.split('\n')[0]!.startsWith('⚠ INSECURE '));
  }
  tui.r.stdout.resize(80, 24);
  await wait(hasText('⚠ INSECURE: TLS certificate verification is disabled'));
});

test('connection warnings (e.g. a kubectl proxy on another host) stay under the header', async () => {
  const warning =
    'The kubectl proxy at 10.0.0.1:8001 is not on this machine: traffic to it is unauthenticated and unencrypted';
  tui.render(<App api={new FakeApi({ warnings: [warning] })} color={false} />, { columns: 160, rows: 30 });
  await wait(hasText('Groups  1/15'));
  expect(stripAnsi(tui.r.lastFrame()!)).toContain(`⚠ ${warning}`);
  checkFits(tui.r.lastFrame()!, 160, 30);
});

test('NO_COLOR: no ANSI escapes at all; colour otherwise', async () => {
  const level = chalk.level;
  chalk.level = 3;
  try {
    tui.render(<App api={new FakeApi()} />, { columns: 120, rows: 30 });
    await wait(hasText('Groups  1/15'));
    tui.r.stdin.write(ENTER);
    await wait(hasText('"resource": "configmaps"'));
    expect(tui.r.lastFrame()).toMatch(ANSI);
    tui.r.unmount();

    process.env.NO_COLOR = '1';
    tui.render(<App api={new FakeApi()} />, { columns: 120, rows: 30 });
    await wait(hasText('Groups  1/15'));
    tui.r.stdin.write(ENTER);
    await wait(hasText('"resource": "configmaps"'));
    tui.r.stdin.write('?');
    await wait(hasText('half page down'));
    tui.r.stdin.write(ESC);
    await wait((f) => !f.includes('half page down'));
    for (const frame of tui.r.stdout.frames) expect(frame).not.toMatch(ANSI);
  } finally {
    chalk.level = level;
  }
});

test('an open table takes the whole width, the side panes a breadcrumb line; z brings them back', async () => {
  tui.render(<App api={new FakeApi()} color={false} />, { columns: 100, rows: 30 });
  await wait(hasText('Groups  1/15'));
  keys(ENTER);
  await wait(hasText('▶ Resources v1'));
  keys(DOWN);
  keys(DOWN);
  await wait(hasText('› pods'));
  keys(ENTER);
  const table = await wait((f) => f.includes('web-0') && f.includes('Groups: core/v1'));
  expect(stripAnsi(table)).toContain(' Groups: core/v1   Resources: pods  ▶[Detail]');
  // The table's box spans the terminal: no Groups or Resources box beside it.
  expect(stripAnsi(table)).not.toContain('Resources v1');
  expect(stripAnsi(table).split('\n')[2]).toMatch(/^╔═{98}╗$/);
  checkFits(table, 100, 30);
  keys('z');
  await wait((f) => f.includes('Resources v1') && f.includes('web-0') && !f.includes('▶[Detail]'));
  keys('z');
  await wait((f) => f.includes('▶[Detail]') && f.includes('web-0'));
  // ←: the resources pane is focused, so the panes are back.
  keys('h');
  await wait((f) => /▶ Resources v1/.test(f) && !f.includes('▶[Detail]'));
});

test('help at 80x24 pages through the keys with j/k', async () => {
  tui.render(<App api={new FakeApi()} color={false} />, { columns: 80, rows: 24 });
  await wait(hasText('Groups  1/15'));
  keys('?');
  const first = await wait((f) => /Help .*1\/2 {2}j\/k: more keys/.test(f));
  expect(stripAnsi(first)).toContain('move up');
  expect(stripAnsi(first)).toContain('j/k more keys  ? / Esc close  q quit');
  keys('j');
  const second = await wait(hasText('2/2'));
  expect(stripAnsi(second)).toContain('quit');
  expect(stripAnsi(second)).not.toContain('move up');
  keys(ESC);
  await wait((f) => !f.includes('Help') && f.includes('Groups  1/15'));
});
