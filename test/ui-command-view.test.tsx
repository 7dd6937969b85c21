// The command view (`$`) against the real sandbox at 80x24 and 60x20: the view's curl shown whole
// over several lines with ` \` continuations and nothing but shell on them (no border), and the
// lines as the frame shows them, pasted into bash, run: curl and kubectl answer from the sandbox.
// Also over the request log (the selected entry's commands), scrolling, copying curl and kubectl.
import { execFile } from 'node:child_process';
import { expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { RequestEvent } from '../src/model/types.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { DOWN, ESC, PAGE_DOWN, hasText, showPodsTable, stripAnsi, useTui } from './helpers/ui.js';
import { useSandbox } from './helpers/sandbox.js';
import { argvInBash } from './helpers/bash-argv.js';

let sb: Sandbox;
const T = 10_000;
const tui = useTui({ timeoutMs: T });
const { frame, keys, wait } = tui;

useSandbox('kapi-ui-cmdview-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));

async function startApp(columns: number, rows: number) {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig, demo: true }));
  const events: RequestEvent[] = [];
  api.onRequest((ev) => events.push(ev));
  tui.render(<App api={api} color={false} />, { columns, rows });
  await wait((f) => f.includes('core/v1'));
  return { events, r: tui.r };
}

const TITLE = 'Commands of ';

/** The view's lines under its rule, down to the footer (the key hints line). */
function viewLines(f: string): string[] {
  const lines = f.split('\n');
  const rule = lines.findIndex((l) => /^─{20,}$/.test(l));
  const footer = lines.findIndex((l, i) => i > rule && l.startsWith('↑↓ PgUp/PgDn scroll'));
  expect(rule).toBeGreaterThan(0);
  expect(footer).toBeGreaterThan(rule);
  return lines.slice(rule + 1, footer).map((l) => l.trimEnd());
}

/** All the view's lines: where it is taller than the screen, read a screenful at a time (PgDn),
 *  each placed by the title's "from-to/total". */
async function allViewLines(first: string): Promise<string[]> {
  const out = viewLines(first);
  let pos = /(\d+)-(\d+)\/(\d+) ↑↓/.exec(first);
  if (!pos) return out;
  const total = Number(pos[3]);
  const all: string[] = [];
  for (;;) {
    const [from, to] = [Number(pos[1]), Number(pos[2])];
    const shown = viewLines(frame()).slice(0, to - from + 1);
    shown.forEach((l, i) => (all[from - 1 + i] = l));
    if (to >= total) break;
    keys(PAGE_DOWN);
    const next = await wait((f) => !!/(\d+)-(\d+)\/\d+ ↑↓/.exec(f) && !f.includes(`${from}-${to}/${total}`));
    pos = /(\d+)-(\d+)\/(\d+) ↑↓/.exec(next)!;
  }
  expect(all.length).toBe(total);
  return all;
}

function bash(script: string): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    const child = execFile('bash', ['-c', script], { timeout: 20_000, maxBuffer: 1 << 24 }, (err, stdout, stderr) =>
      resolve({ stdout, stderr, code: err ? Number((err as { code?: number }).code ?? 1) : 0 }),
    );
    child.stdin?.end();
  });
}

test.each([
  [80, 24],
  [60, 20],
])('at %ix%i: $ shows the pods table request as pasteable lines; pasted into bash they run', async (cols, rows) => {
  const { events, r } = await startApp(cols, rows);
  await showPodsTable(r);
  keys('$');
  const f = await wait(hasText(TITLE + 'this view'));
  const lines = await allViewLines(stripAnsi(f));
  const curlAt = lines.findIndex((l) => l.startsWith('curl '));
  expect(curlAt).toBeGreaterThan(0);
  let end = curlAt;
  while (lines[end].endsWith('\\')) end++;
  const curl = lines.slice(curlAt, end + 1);
  // The whole curl, over several lines, each within the width, none with a border character.
  expect(curl.length).toBeGreaterThan(2);
  for (const l of lines) {
    expect(l.length, l).toBeLessThanOrEqual(cols);
    expect(l).not.toMatch(/[│║╔╗╚╝╭╮╰╯]/);
  }
  expect(curl.slice(0, -1).every((l) => l.endsWith('\\'))).toBe(true);
  // (a URL longer than the line is cut where '…'\⏎'…' joins it again)
  expect(curl.join('\n').replace(/'\\\n'/g, '')).toContain('/api/v1/namespaces/default/pods?limit=500');
  // The same argv as the request the table was loaded with.
  const sent = events.filter((e) => e.path.startsWith('/api/v1/namespaces/default/pods?limit=500')).pop()!;
  expect(argvInBash(curl.join('\n'))).toBe(argvInBash(sent.curl));
  // The whole block as the frame shows it, pasted into bash: comments, curl, kubectl all run.
  const run = await bash(lines.join('\n'));
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).not.toMatch(/error|unknown|not found/i); // (curl's progress meter goes there)
  expect(run.stdout).toMatch(/"kind":\s*"Table"/); // curl, with the table Accept header
  // kubectl get pods -n default: kubectl's own table (the view is a table; no -o json).
  expect(run.stdout).toMatch(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/); // (after curl's body, which has no final newline)

  keys(ESC);
  await wait((f2) => !f2.includes(TITLE) && f2.includes('NAME'));
});

test('over the request log: the selected entry’s commands; c and K copy them; j scrolls a tall view', async () => {
  const { r } = await startApp(60, 20);
  await showPodsTable(r);
  keys('L');
  await wait(hasText('Tab: scroll the body · $: its curl'));
  const newest = /› #(\d+) GET/.exec(await wait((f) => /› #\d+ GET \S+/.test(f)))![1];
  keys(DOWN);
  const selected = /› #(\d+) GET (\S+)/.exec(await wait((f) => /› #\d+ GET/.test(f) && !f.includes(`› #${newest} `)))!;
  keys('$');
  let f = await wait(hasText(`${TITLE}request #${selected[1]}`));
  const path = selected[2].replace(/…$/, '');
  expect(
    viewLines(f)
      .join('')
      .replace(/[\\' ]/g, ''),
  ).toContain(path.replace(/[\\' ]/g, ''));

  keys('c');
  f = await wait(hasText('curl command sent to the terminal clipboard (OSC 52)'));
  keys('K');
  await wait(hasText('kubectl command sent to the terminal clipboard (OSC 52)'));
  const osc = r.stdout.frames.filter((x) => x.startsWith('\u001B]52;c;'));
  const copied = osc.map((x) => Buffer.from(/52;c;([^\u0007]*)/.exec(x)![1], 'base64').toString('utf8'));
  expect(copied[0]).toMatch(/^curl /);
  expect(copied[1]).toMatch(/^kubectl /);

  // Scrolls when taller than the screen: the first line goes, the position moves.
  const before = /1-(\d+)\/(\d+) ↑↓/.exec(frame());
  expect(before).not.toBeNull();
  keys('j');
  await wait((x) => x.includes(`2-${Number(before![1]) + 1}/${before![2]}`));
  keys(ESC);
  await wait((x) => x.includes('Request log') && !x.includes(TITLE));
});
