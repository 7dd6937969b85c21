// The objects table as text: display widths (CJK takes two columns), widths that only grow while a
// view is open, and AGE computed from creationTimestamp when a row is drawn.
import { expect, it } from 'vitest';
import stringWidth from 'string-width';
import type { TableData } from '../src/model/loadable.js';
import type { TableColumn } from '../src/model/types.js';
import { WidthMemory, sortStep, tableText } from '../src/model/table-view.js';

const col = (name: string): TableColumn => ({ name, type: 'string', format: '', description: '', priority: 0 });
const table = (rows: [string, string, string?][]): TableData => ({
  columns: [col('Name'), col('Status'), col('Age')],
  rows: rows.map(([name, status, created]) => ({
    cells: [name, status, '5d'],
    object: { metadata: { name, namespace: 'demo', ...(created ? { creationTimestamp: created } : {}) } },
  })),
  pages: 1,
  done: true,
  changes: 0,
});
const NOW = Date.parse('2026-11-01T10:00:00Z');

it('columns are as wide as their text is on screen: a Japanese name keeps the next column aligned', () => {
  const t = tableText(
    table([
      ['ウェブ-サーバー', 'Running'],
      ['web-1', 'Pending'],
    ]),
    false,
    80,
  );
  const header = t.header;
  const rows = [t.row(0, NOW), t.row(1, NOW)];
  expect(header).toBe('NAME             STATUS   AGE');
  expect(rows).toEqual(['ウェブ-サーバー  Running  5d', 'web-1            Pending  5d']);
  // STATUS starts at the same terminal column in every line.
  const statusAt = (line: string) => stringWidth(line.slice(0, line.search(/STATUS|Running|Pending/)));
  expect(rows.map(statusAt)).toEqual([17, 17]);
  expect(statusAt(header)).toBe(17);
});

it('a Japanese name cut to fit its column is cut by width, not by characters', () => {
  const t = tableText(table([['とても長い名前のポッドとても長い名前のポッド', 'Running']]), false, 30);
  expect(stringWidth(t.row(0, NOW))).toBeLessThanOrEqual(30);
  expect(t.row(0, NOW)).toBe('とても長い名前…   Running  5d');
  expect(t.header).toBe('NAME              STATUS   AGE');
});

it('AGE ticks: computed from creationTimestamp with the time the row is drawn', () => {
  const t = tableText(table([['web-0', 'Running', '2026-11-01T09:59:00Z']]), false, 80);
  expect(t.ticking).toBe(true);
  expect(t.row(0, NOW)).toBe('web-0  Running  60s');
  expect(t.row(0, NOW + 61_000)).toBe('web-0  Running  2m1s');
  expect(t.row(0, NOW + 3 * 3600_000)).toBe('web-0  Running  3h1m');
  // Without creationTimestamp the server's cell stays, and nothing ticks.
  const still = tableText(table([['web-0', 'Running']]), false, 80);
  expect(still.ticking).toBe(false);
  expect(still.row(0, NOW)).toBe('web-0  Running  5d');
});

it('widths only grow while the same view is open: a CrashLoopBackOff that clears leaves the columns where they were', () => {
  const memory = new WidthMemory();
  const view = (status: string) =>
    tableText(table([['crashy-7d9f', status]]), false, 80, { memory, view: 'pods.v1 in demo' });
  const crashing = view('CrashLoopBackOff');
  const running = view('Running');
  expect(crashing.header).toBe('NAME         STATUS            AGE');
  expect(running.header).toBe(crashing.header);
  expect(running.row(0, NOW)).toBe('crashy-7d9f  Running           5d');
  // Another view starts from its own widths.
  const other = tableText(table([['crashy-7d9f', 'Running']]), false, 80, { memory, view: 'pods.v1 in team-a' });
  expect(other.header).toBe('NAME         STATUS   AGE');
});

it("sorting: s cycles the columns and back to the server's order, S reverses; AGE sorts by creationTimestamp", () => {
  const t = table([
    ['web-b', 'Running', '2026-11-01T09:00:00Z'],
    ['web-c', 'Error', '2026-11-01T09:59:00Z'],
    ['web-a', 'Pending', '2026-10-01T09:00:00Z'],
  ]);
  const names = (sort?: { column: number; desc: boolean }) =>
    tableText(t, false, 80, undefined, sort).ids.map((id) => id.name);
  expect(names()).toEqual(['web-b', 'web-c', 'web-a']);
  expect(names(sortStep(undefined, false))).toEqual(['web-a', 'web-b', 'web-c']);
  expect(names({ column: 1, desc: true })).toEqual(['web-c', 'web-b', 'web-a']);
  expect(names({ column: 2, desc: false })).toEqual(['web-c', 'web-a', 'web-b']);
  expect(names({ column: 3, desc: false })).toEqual(['web-c', 'web-b', 'web-a']);
  expect(names({ column: 4, desc: false })).toEqual(['web-b', 'web-c', 'web-a']);
  expect(names({ column: 0, desc: true })).toEqual(['web-a', 'web-c', 'web-b']);
  expect(tableText(t, false, 80, undefined, { column: 3, desc: true }).header).toBe('NAME   STATUS   AGE↓');
  expect(sortStep({ column: 2, desc: false }, false)).toEqual({ column: 3, desc: false });
  expect(sortStep({ column: 2, desc: false }, true)).toEqual({ column: 2, desc: true });
});
