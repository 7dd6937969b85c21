// Terminal sizes: narrow stack below 100 columns, tiny terminals, resize, frame height, NO_COLOR.
import { afterEach, expect, test } from 'vitest';
import chalk from 'chalk'; // Ink's colour library (a dependency of ink): forced on to prove NO_COLOR strips colour
import { App } from '../src/ui/App.js';
import { FakeApi } from './helpers/fake-api.js';
import { ANSI, DOWN, ENTER, ESC, TAB, type Rendered, hasText, renderTui, stripAnsi, waitForFrame } from './helpers/ui.js';

let r: Rendered | undefined;
afterEach(() => { r?.unmount(); r = undefined; delete process.env.NO_COLOR; });

function checkFits(frame: string, columns: number, rows: number) {
  const lines = stripAnsi(frame).split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows);
  for (const l of lines) expect([...l].length).toBeLessThanOrEqual(columns);
}

test('80x24: one pane at a time, reachable with Tab / arrows, usable end to end', async () => {
  r = renderTui(<App api={new FakeApi()} color={false} />, { columns: 80, rows: 24 });
  const { lastFrame, stdin } = r;
  await waitForFrame(lastFrame, hasText('Groups  1/15'));
  let f = stripAnsi(lastFrame()!);
  expect(f).toContain('▶[Groups]');
  expect(f).not.toContain('Resources v1  ');
  checkFits(lastFrame()!, 80, 24);
  stdin.write(TAB);
  await waitForFrame(lastFrame, hasText('▶[Resources]'));
  f = stripAnsi(lastFrame()!);
  expect(f).toContain('▶ Resources v1');
  expect(f).not.toContain('core/v1 *');
  stdin.write('j'); stdin.write('j'); stdin.write(ENTER);
  await waitForFrame(lastFrame, (fr) => fr.includes('▶[Detail]') && fr.includes('web-0'));
  checkFits(lastFrame()!, 80, 24);
  stdin.write(ENTER);
  await waitForFrame(lastFrame, hasText('"image": "nginx:1.27"'));
  checkFits(lastFrame()!, 80, 24);
  // Two ESC bytes in one burst reach Ink as a single (meta+escape) key: wait between them.
  stdin.write(ESC);
  await waitForFrame(lastFrame, (fr) => fr.includes('web-1') && !fr.includes('"image"'));
  stdin.write(ESC);
  await waitForFrame(lastFrame, hasText('▶[Resources]'));
});

test('80x60: the focused list plus the detail', async () => {
  r = renderTui(<App api={new FakeApi()} color={false} />, { columns: 80, rows: 60 });
  await waitForFrame(r.lastFrame, hasText('Groups  1/15'));
  const f = stripAnsi(r.lastFrame()!);
  expect(f).toContain('▶ Groups');
  expect(f).toContain('Detail: v1');
  checkFits(r.lastFrame()!, 80, 60);
});

test('does not crash down to 40x12 and never draws taller than the terminal', async () => {
  const api = new FakeApi({ insecure: true });
  r = renderTui(<App api={api} color={false} />, { columns: 40, rows: 12 });
  const { lastFrame, stdin } = r;
  await waitForFrame(lastFrame, hasText('Groups'));
  await waitForFrame(lastFrame, hasText('1/15'));
  expect(stripAnsi(lastFrame()!)).toContain('⚠ INSECURE');
  checkFits(lastFrame()!, 40, 12);
  stdin.write(DOWN);
  await waitForFrame(lastFrame, hasText('› apps/v1'));
  stdin.write(ENTER);
  await waitForFrame(lastFrame, hasText('▶[Resources]'));
  stdin.write(ENTER);
  await waitForFrame(lastFrame, (fr) => fr.includes('▶[Detail]') && fr.includes('web'));
  stdin.write('?');
  await waitForFrame(lastFrame, hasText('Help'));
  stdin.write('?');
  stdin.write('n');
  await waitForFrame(lastFrame, hasText('team-a'));
  stdin.write(ESC);
  await waitForFrame(lastFrame, (fr) => !fr.includes('team-a'));
  // Learning-mode overlays fit too: request log, explain (the fake serves no OpenAPI: the client's
  // 404, whose title the 12 rows have no room for), tour.
  stdin.write('L');
  await waitForFrame(lastFrame, hasText('Request log'));
  stdin.write(ESC);
  await waitForFrame(lastFrame, (fr) => !fr.includes('Request log'));
  stdin.write('e');
  await waitForFrame(lastFrame, (fr) => fr.includes('Explain Deployment') && fr.includes('hint: This path is not'));
  stdin.write(ESC);
  await waitForFrame(lastFrame, (fr) => !fr.includes('Explain'));
  stdin.write('t');
  await waitForFrame(lastFrame, hasText('/version'));
  stdin.write(ESC);
  for (const frame of r.stdout.frames) checkFits(frame, 40, 12);
  for (const [c, rows] of [[30, 8], [20, 6]] as const) {
    r.stdout.resize(c, rows);
    await waitForFrame(lastFrame, (fr) => fr.split('\n').length <= rows);
  }
});

test('reflows on resize: wide ↔ narrow', async () => {
  r = renderTui(<App api={new FakeApi()} color={false} />, { columns: 130, rows: 30 });
  const { lastFrame, stdout } = r;
  await waitForFrame(lastFrame, hasText('Groups  1/15'));
  expect(stripAnsi(lastFrame()!)).toMatch(/Groups.*Resources.*Detail/);
  stdout.resize(90, 24);
  await waitForFrame(lastFrame, hasText('▶[Groups]'));
  checkFits(lastFrame()!, 90, 24);
  stdout.resize(110, 20);
  await waitForFrame(lastFrame, (f) => !f.includes('▶[Groups]') && /Groups.*Resources.*Detail/.test(f));
  checkFits(lastFrame()!, 110, 20);
});

test('insecure connections carry a persistent red warning', async () => {
  r = renderTui(<App api={new FakeApi({ insecure: true })} color={false} />, { columns: 120, rows: 30 });
  await waitForFrame(r.lastFrame, hasText('TLS certificate verification is disabled'));
  await waitForFrame(r.lastFrame, hasText('Groups  1/15'));
  r.stdin.write(ENTER);
  await waitForFrame(r.lastFrame, hasText('▶ Resources'));
  expect(stripAnsi(r.lastFrame()!)).toContain('TLS certificate verification is disabled');
});

test('connection warnings (e.g. a kubectl proxy on another host) stay under the header', async () => {
  const warning = 'The kubectl proxy at 10.0.0.1:8001 is not on this machine: traffic to it is unauthenticated and unencrypted';
  r = renderTui(<App api={new FakeApi({ warnings: [warning] })} color={false} />, { columns: 160, rows: 30 });
  await waitForFrame(r.lastFrame, hasText('Groups  1/15'));
  expect(stripAnsi(r.lastFrame()!)).toContain(`⚠ ${warning}`);
  checkFits(r.lastFrame()!, 160, 30);
});

test('NO_COLOR: no ANSI escapes at all; colour otherwise', async () => {
  const level = chalk.level;
  chalk.level = 3;
  try {
    r = renderTui(<App api={new FakeApi()} />, { columns: 120, rows: 30 });
    await waitForFrame(r.lastFrame, hasText('Groups  1/15'));
    r.stdin.write(ENTER);
    await waitForFrame(r.lastFrame, hasText('"resource": "configmaps"'));
    expect(r.lastFrame()).toMatch(ANSI);
    r.unmount();

    process.env.NO_COLOR = '1';
    r = renderTui(<App api={new FakeApi()} />, { columns: 120, rows: 30 });
    await waitForFrame(r.lastFrame, hasText('Groups  1/15'));
    r.stdin.write(ENTER);
    await waitForFrame(r.lastFrame, hasText('"resource": "configmaps"'));
    r.stdin.write('?');
    await waitForFrame(r.lastFrame, hasText('half page down'));
    r.stdin.write(ESC);
    await waitForFrame(r.lastFrame, (f) => !f.includes('half page down'));
    for (const frame of r.stdout.frames) expect(frame).not.toMatch(ANSI);
  } finally {
    chalk.level = level;
  }
});
