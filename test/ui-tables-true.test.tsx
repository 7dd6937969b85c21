// Tables that stay true, on the sandbox: columns that hold still at 80 columns while a pod flips in
// and out of CrashLoopBackOff, ages that tick without watch events, and after a while of watching,
// the same rows in the same order with the same ages as `kubectl get pods`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { type Rendered, renderTui, showPodsTable, stripAnsi, waitForFrame } from './helpers/ui.js';
import { useSandbox } from './helpers/sandbox.js';
import { KUBECTL, toolMissing } from './helpers/client.js';

let sb: Sandbox;
let r: Rendered | undefined;
// No ticker: each test changes the pods itself (sb.store.tick()), so it knows what happened when.
useSandbox('kapi-ui-true-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));
afterEach(() => {
  r?.unmount();
  r = undefined;
});

const T = 10_000;
const frame = () => stripAnsi(r?.lastFrame() ?? '');

async function openDemoPods(columns: number, rows: number): Promise<Rendered> {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig, demo: true }));
  r = renderTui(<App api={api} color={false} version="test" initialNamespace="demo" />, { columns, rows });
  // '● live' once the server has the watch: the changes the tests make from then on are seen.
  await showPodsTable(r, T);
  return r;
}

/** The table's lines in a frame: its header and the rows under it (inside the pane's borders). */
function tableLines(f: string): { header: string; rows: string[] } {
  const lines = f.split('\n').map((l) =>
    l
      .replace(/^[│║] ?/, '')
      .replace(/ ?[│║]$/, '')
      .trimEnd(),
  );
  const at = lines.findIndex((l) => /NAME\s+READY\s+STATUS/.test(l));
  const rows: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!/^[›\s] \S/.test(l)) break;
    rows.push(l.slice(2));
  }
  return { header: lines[at] ?? '', rows };
}

/** One watch event's worth of change (the crashy pod flips; every 5th tick a frontend pod is
 *  replaced), then the frame that shows it. */
async function tick(changesBefore: number): Promise<number> {
  sb.store.tick();
  const changed = await waitForFrame(
    r!.lastFrame,
    (f) => Number(/(\d+) change\(s\)/.exec(f)?.[1] ?? 0) > changesBefore,
    T,
  );
  return Number(/(\d+) change\(s\)/.exec(stripAnsi(changed))![1]);
}

test('80 columns: the header holds still while crashy flips between CrashLoopBackOff and Running', async () => {
  await openDemoPods(80, 24);
  const first = tableLines(frame()).header;
  const statuses = new Set<string>();
  let changes = 0;
  for (let i = 0; i < 4; i++) {
    changes = await tick(changes);
    const { header, rows } = tableLines(frame());
    expect(header).toBe(first);
    const crashy = rows.find((row) => row.startsWith('crashy-'));
    statuses.add(/CrashLoopBackOff|Running/.exec(crashy ?? '')?.[0] ?? '');
  }
  expect([...statuses].sort()).toEqual(['CrashLoopBackOff', 'Running']);
});

test('AGE ticks with no watch event: a new pod counts up its seconds', async () => {
  await openDemoPods(120, 30);
  let changes = 0;
  // The 5th tick replaces the oldest frontend pod: the new one is 0s old.
  for (let i = 0; i < 5; i++) changes = await tick(changes);
  const young = () => tableLines(frame()).rows.find((row) => /\s(\d)s$/.test(row));
  await waitForFrame(r!.lastFrame, () => young() !== undefined, T);
  const name = young()!.split(/\s+/)[0];
  const ageNow = () =>
    Number(/(\d+)s$/.exec(tableLines(frame()).rows.find((row) => row.startsWith(name)) ?? '')?.[1] ?? -1);
  const from = ageNow();
  await waitForFrame(r!.lastFrame, () => ageNow() >= from + 2, 5000);
  expect(Number(/(\d+) change\(s\)/.exec(frame())![1])).toBe(changes);
});

test.skipIf(toolMissing(KUBECTL))(
  'watched for a while, the table matches kubectl get pods: names, order, ages within 1 s',
  async () => {
    await openDemoPods(120, 40);
    let changes = 0;
    // Three frontend replacements (ADDED rows sorted in, DELETED rows gone) and twelve flips of crashy.
    for (let i = 0; i < 15; i++) changes = await tick(changes);
    const { stdout } = await promisify(execFile)(KUBECTL, [
      '--kubeconfig',
      sb.files!.kubeconfig,
      'get',
      'pods',
      '-n',
      'demo',
    ]);
    const shown = tableLines(frame()).rows.map((row) => row.split(/\s{2,}/));
    const kubectl = stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(/\s{2,}/));
    expect(shown.map((c) => c[0])).toEqual(kubectl.map((c) => c[0]));
    const seconds = (age: string) => {
      const m = /^(\d+)s$/.exec(age);
      return m ? Number(m[1]) : age;
    };
    for (const [i, k] of kubectl.entries()) {
      const ours = seconds(shown[i].at(-1)!);
      const theirs = seconds(k.at(-1)!);
      if (typeof ours === 'number' && typeof theirs === 'number')
        expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(1);
      else expect(ours).toBe(theirs);
    }
    expect(shown).toHaveLength(3);
  },
);

test("\\ lists by labels on the server: the request, kubectl's -l, the title; a malformed one is the server's 400; Esc clears", async () => {
  await openDemoPods(140, 30);
  for (const k of ['\\', ...'app=frontend', '\r']) r!.stdin.write(k);
  const filtered = await waitForFrame(
    r!.lastFrame,
    (f) => f.includes('Detail: pods.v1 in demo -l app=frontend') && f.includes('2 object(s)'),
    T,
  );
  expect(tableLines(stripAnsi(filtered)).rows.map((row) => row.split(/\s+/)[0].replace(/-[a-z0-9]+$/, ''))).toEqual([
    'frontend-wdkhbs4lt7',
    'frontend-wdkhbs4lt7',
  ]);
  expect(frame()).toContain('GET /api/v1/namespaces/demo/pods?labelSelector=app%3Dfrontend&limit=500 200');
  expect(frame()).toMatch(/\$ kubectl --kubeconfig \S+ get pods -n demo -l app=frontend$/m);
  r!.stdin.write('\u001B');
  await waitForFrame(r!.lastFrame, (f) => f.includes('Detail: pods.v1 in demo  ') && f.includes('3 object(s)'), T);
  for (const k of ['\\', ...'a=b=c', '\r']) r!.stdin.write(k);
  await waitForFrame(
    r!.lastFrame,
    (f) => f.includes('✖ HTTP 400 Bad Request') && f.includes("found '=', expected: ',' or 'end of string'"),
    T,
  );
  r!.stdin.write('\u001B');
  await waitForFrame(r!.lastFrame, (f) => f.includes('Detail: pods.v1 in demo  ') && f.includes('3 object(s)'), T);
});
