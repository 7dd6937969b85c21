// End to end on the embedded sandbox: the built CLI (`dist/cli.js --demo`) in a real terminal (tmux),
// walked with the keyboard at a wide (120x40) and a narrow (80x24) size. Every step waits for what
// the screen must show next (the screen is the event; no sleeps). Run `npm run build` first.
//
// Assertions stick to texts that survive layout polish: pane titles ("Groups", "Resources",
// "Detail"), resource names, JSON/YAML keys, table headers, the footer request line and `curl `.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, shellQuote, Term } from './helpers/tmux.js';

let cacheDir: string;
beforeAll(async () => {
  // A private discovery cache: nothing is read from or left in the user's ~/.cache.
  cacheDir = await mkdtemp(join(tmpdir(), 'kapi-e2e-demo-'));
});
afterEach(() => Term.killAll());
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

function startDemo(cols: number, rows: number): Promise<Term> {
  return Term.start(`node ${shellQuote(CLI)} --demo`, { cols, rows, env: { XDG_CACHE_HOME: cacheDir } });
}

const lineOf = (screen: string, re: RegExp) => screen.split('\n').findIndex((l) => re.test(l));
/** A row of the leftmost pane (the Groups list) that starts with `re`, after borders/cursor. */
const row = (re: RegExp) => new RegExp(`^[^\\w/]*${re.source}`);
const lastLineOf = (screen: string, re: RegExp) => screen.split('\n').findLastIndex((l) => re.test(l));

/** `q`, then: the program ended with status 0 and left the alternate screen. */
async function quit(t: Term): Promise<void> {
  await t.keys('q');
  const end = await t.waitForExit();
  expect(end).toMatchObject({ status: 0, alternate: false });
  t.check(await t.screen()); // and the restored screen has no stack trace / crash line
}

/** Ends a filter with Enter (which keeps it) and waits until the filter prompt is gone. */
async function endFilter(t: Term, text: string): Promise<string> {
  await t.keys('Enter');
  // While typing, the filter shows a cursor block after the text; it disappears once kept.
  return t.waitFor((s) => s.includes(text) && !s.includes(`${text}▌`));
}

const SIZES = [
  [120, 40],
  [80, 24],
] as const;

describe.each(SIZES)('kapi-tui --demo at %dx%d', (cols, rows) => {
  it('walks groups → pods → all namespaces → a Pod as JSON and YAML → help → quit', async () => {
    const t = await startDemo(cols, rows);

    // Groups: core/v1 first, then the named groups (apps/v1 among them).
    let s = await t.waitFor((x) => x.includes('core/v1') && x.includes('apps/v1'));
    expect(s).toContain('Groups');
    expect(lineOf(s, row(/core\/v1/))).toBeGreaterThanOrEqual(0);
    expect(lineOf(s, row(/core\/v1/))).toBeLessThan(lineOf(s, row(/apps\/v1/)));
    expect(lineOf(s, row(/core\/v1/))).toBeLessThan(lineOf(s, row(/[\w.-]+\.k8s\.io\/v/)));
    // The footer shows the last request (discovery, /version) and its curl equivalent.
    s = await t.waitFor((x) => /GET \/\S*/.test(x) && x.includes('curl '));

    // The non-resource paths are at the end of the list: G jumps to the bottom.
    await t.keys('G');
    s = await t.waitFor((x) => x.includes('/openapi/v3') && x.includes('/healthz'));
    const lastGroup = lastLineOf(s, row(/[\w.-]+\.(?:io|com)\/v\d/));
    expect(lastGroup).toBeGreaterThanOrEqual(0);
    expect(lineOf(s, row(/\/healthz/))).toBeGreaterThan(lastGroup);
    expect(lineOf(s, row(/\/openapi\/v3/))).toBeGreaterThan(lineOf(s, row(/\/healthz/)));
    await t.keys('g');
    await t.waitFor('core/v1');

    // Tab: the Resources pane of core/v1 takes the focus (wide: the detail pane follows the
    // selected resource; narrow: the Resources pane replaces the Groups pane).
    await t.keys('Tab');
    s = await t.waitFor(
      (x) =>
        x.includes('Resources') &&
        x.includes('bindings') &&
        (x.includes('Detail: bindings') || !x.includes('apiregistration')),
    );

    // `/pods`: the resource list is filtered down to pods and its subresources.
    await t.keys('/');
    await t.type('pods');
    s = await t.waitFor((x) => x.includes('pods/log') && !x.includes('configmaps') && !x.includes('bindings'));
    await endFilter(t, '/pods');

    // Enter lists the pods of the current namespace (default).
    await t.keys('Enter');
    s = await t.waitFor((x) => /NAME\s+READY\s+STATUS/.test(x) && x.includes('GET /api/v1/namespaces/default/pods'));
    expect(s).toContain('Detail');

    // n: the namespace picker, "all namespaces" first.
    await t.keys('n');
    s = await t.waitFor((x) => x.includes('all namespaces') && x.includes('kube-system'));
    expect(lineOf(s, /all namespaces/)).toBeLessThan(lineOf(s, /kube-system/));
    await t.keys('Enter');
    s = await t.waitFor(
      (x) => /NAMESPACE\s+NAME\s+READY\s+STATUS/.test(x) && /Running/.test(x) && x.includes('GET /api/v1/pods'),
    );
    expect(s).toMatch(/kube-system/);

    // Enter on the first row: the Pod as JSON, fetched with a GET on its own path.
    await t.keys('Enter');
    s = await t.waitFor(
      (x) => x.includes('"kind": "Pod"') && /GET \/api\/v1\/namespaces\/[\w-]+\/pods\/[\w.-]+/.test(x),
    );
    expect(s).toContain('"apiVersion": "v1"');
    expect(s).toContain('curl ');

    // y: the same object as YAML.
    await t.keys('y');
    s = await t.waitFor((x) => x.includes('kind: Pod'));
    expect(s).not.toContain('"kind": "Pod"');
    expect(s).toContain('apiVersion: v1');

    // Esc: back to the table.
    await t.keys('Escape');
    s = await t.waitFor((x) => /NAMESPACE\s+NAME\s+READY\s+STATUS/.test(x) && x.includes('Running'));
    expect(s).not.toContain('kind: Pod');

    // ?: the help overlay, generated from the keymap.
    // Descriptions are wrapped, never cut, so a small terminal pages them: read every page (j).
    await t.keys('?');
    s = await t.waitFor((x) => x.includes('Help (? or Esc closes)'));
    const pages = Number(/Help \(\? or Esc closes\) +1\/(\d+)/.exec(s)?.[1] ?? 1);
    let help = s;
    for (let page = 2; page <= pages; page++) {
      await t.keys('j');
      help += await t.waitFor(`${page}/${pages}  j/k: more keys`);
    }
    expect(help).toMatch(/\bquit\b/);
    expect(help).toMatch(/pick namespace/);
    expect(help).toMatch(/JSON \/ YAML/);
    expect(help).toMatch(/filter/);
    expect(help).toMatch(/VERBS\s+the Resources pane's verb/);
    expect(help).not.toMatch(/NAMESPACE\s+NAME\s+READY/);

    await quit(t);
  });

  it('GETs the non-resource paths /healthz and /version', async () => {
    const t = await startDemo(cols, rows);
    await t.waitFor('core/v1');

    await t.keys('/');
    await t.type('/healthz');
    await t.waitFor((x) => x.includes('/healthz') && !x.includes('core/v1'));
    await endFilter(t, '/healthz');
    await t.keys('Enter');
    let s = await t.waitFor((x) => x.includes('GET /healthz 200') && /\bok\b/.test(x));
    expect(s).toContain('Detail');
    expect(s).toContain('curl ');

    // Esc back to the groups; `/` then Esc clears the filter.
    await t.keys('Escape');
    await t.waitFor((x) => !/\bok\b/.test(x));
    await t.keys('/');
    await t.keys('Escape');
    await t.waitFor((x) => x.includes('core/v1'));

    await t.keys('/');
    await t.type('/version');
    await t.waitFor((x) => x.includes('/version') && !x.includes('core/v1'));
    await endFilter(t, '/version');
    await t.keys('Enter');
    s = await t.waitFor((x) => x.includes('"gitVersion"'));
    expect(s).toMatch(/GET \/version 200/);
    expect(s).toContain('"platform"');

    await quit(t);
  });
});

it('q while the sandbox and discovery are still starting: exits 0 and restores the terminal', async () => {
  const t = await startDemo(100, 30);
  // The first frame (header) is drawn before the connection is up; quit right then.
  await t.waitFor('kapi-tui');
  await t.keys('q');
  expect(await t.waitForExit()).toMatchObject({ status: 0, alternate: false });
  t.check(await t.screen());
});
