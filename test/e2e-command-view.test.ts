// End to end in a default tmux (fresh server, no configuration: set-clipboard external,
// allow-passthrough off, where OSC 52 reaches nobody): `c` puts the view's curl in tmux's paste
// buffer and says so; `$` shows the curl and kubectl whole, wrapped with ` \`, and the pane's text
// as tmux captures it (what a mouse selection copies), pasted into bash, runs against the demo
// sandbox. Run `npm run build` first.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { CLI, shellQuote, Term } from './helpers/tmux.js';

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'kapi-e2e-cmdview-'));
});
afterEach(() => Term.killAll());
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

function bash(script: string): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    const child = execFile('bash', ['-c', script], { timeout: 20_000, maxBuffer: 1 << 24 }, (err, stdout, stderr) =>
      resolve({ stdout, stderr, code: err ? Number((err as { code?: number }).code ?? 1) : 0 }),
    );
    child.stdin?.end();
  });
}

/** The command view's lines under its rule, down to the footer. */
function viewLines(screen: string): string[] {
  const lines = screen.split('\n').map((l) => l.trimEnd());
  const rule = lines.findIndex((l) => /^─{20,}$/.test(l));
  // The footer's first line: its key hints, or for a few seconds what a copy did.
  const footer = lines.findIndex((l, i) => i > rule && /^(↑↓ PgUp\/PgDn scroll|\w+ command (copied|sent) )/.test(l));
  expect(rule).toBeGreaterThan(0);
  expect(footer).toBeGreaterThan(rule);
  return lines.slice(rule + 1, footer);
}

it('at 80x24 in a default tmux: c fills the tmux buffer with a runnable curl; $ shows it wrapped, pasteable', async () => {
  const t = await Term.start(`node ${shellQuote(CLI)} --demo`, {
    cols: 80,
    rows: 24,
    env: { XDG_CACHE_HOME: cacheDir },
  });
  await t.waitFor((x) => x.includes('core/v1') && /^GET \/\S+ 200/m.test(x));
  expect(await t.showBuffer()).toBe('');

  // c: the curl of the view into tmux's buffer; the footer says where it went.
  await t.keys('c');
  await t.waitFor('curl command copied to the tmux buffer (paste with prefix ])');
  const curl = await t.showBuffer();
  expect(curl).toMatch(/^curl .*'https:\/\/127\.0\.0\.1:\d+\/\S*'$/);
  expect(curl).not.toContain('\n');
  const ran = await bash(curl);
  expect(ran.code, ran.stderr).toBe(0);
  expect(ran.stdout).toMatch(/"kind": "APIGroupDiscoveryList"/); // discovery, from the demo sandbox

  // $: the view's commands, whole, over several lines.
  await t.keys('$');
  const screen = await t.waitFor((x) => x.includes('Commands of this view') && x.includes('# kubectl: '));
  const lines = viewLines(screen);
  const curlAt = lines.findIndex((l) => l.startsWith('curl '));
  let end = curlAt;
  while (lines[end].endsWith('\\')) end++;
  expect(end - curlAt).toBeGreaterThanOrEqual(2); // three lines or more
  for (const l of lines) {
    expect(l.length).toBeLessThanOrEqual(80);
    expect(l).not.toMatch(/[│║]/);
  }
  // What a mouse selection of the view copies, pasted into bash: comments, curl and kubectl run.
  const pasted = await bash(lines.join('\n'));
  expect(pasted.code, pasted.stderr).toBe(0);
  expect(pasted.stdout.match(/"kind":\s*"/g)?.length ?? 0).toBeGreaterThanOrEqual(2);

  // K in the view: the kubectl command into the buffer.
  await t.keys('K');
  await t.waitFor('kubectl command copied to the tmux buffer');
  expect(await t.showBuffer()).toMatch(/^kubectl --kubeconfig \S+ /);

  // Esc closes it; q quits.
  await t.keys('Escape');
  await t.waitFor((x) => !x.includes('Commands of this view') && x.includes('core/v1'));
  await t.keys('q');
  expect(await t.waitForExit()).toMatchObject({ status: 0 });
});
