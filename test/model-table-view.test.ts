// The objects table as text: display widths (CJK takes two columns), widths that only grow while a
// view is open, and AGE computed from creationTimestamp when a row is drawn.
import { expect, it, vi } from 'vitest';
import stringWidth from 'string-width';
import type { TableData } from '../src/model/loadable.js';
import type { TableColumn, TableRow } from '../src/model/types.js';
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
  // Index 3 is past the rows: no identity.
  const names = (sort?: { column: number; desc: boolean }) => {
    const text = tableText(t, false, 80, undefined, sort);
    return [0, 1, 2, 3].map((i) => text.idAt(i)?.name);
  };
  expect(names()).toEqual(['web-b', 'web-c', 'web-a', undefined]);
  expect(names(sortStep(undefined, false))).toEqual(['web-a', 'web-b', 'web-c', undefined]);
  expect(names({ column: 1, desc: true })).toEqual(['web-c', 'web-b', 'web-a', undefined]);
  expect(names({ column: 2, desc: false })).toEqual(['web-c', 'web-a', 'web-b', undefined]);
  expect(names({ column: 3, desc: false })).toEqual(['web-c', 'web-b', 'web-a', undefined]);
  expect(names({ column: 4, desc: false })).toEqual(['web-b', 'web-c', 'web-a', undefined]);
  expect(names({ column: 0, desc: true })).toEqual(['web-a', 'web-c', 'web-b', undefined]);
  expect(tableText(t, false, 80, undefined, { column: 3, desc: true }).header).toBe('NAME   STATUS   AGE↓');
  expect(sortStep({ column: 2, desc: false }, false)).toEqual({ column: 3, desc: false });
  expect(sortStep({ column: 2, desc: false }, true)).toEqual({ column: 2, desc: true });
});

/** Everything a table text shows, at NOW: header, keys, ids and every row. */
const shown = (t: ReturnType<typeof tableText>, n: number) => ({
  header: t.header,
  keys: t.keys,
  ids: Array.from({ length: n }, (_, i) => t.idAt(i)).map((id) => ({ name: id?.name, namespace: id?.namespace })),
  rows: Array.from({ length: n }, (_, i) => t.row(i, NOW)),
  ticking: t.ticking,
});

it('a table that grows page by page and is patched by watch events reads as one built from scratch', () => {
  const row = (name: string, status: string, created?: string): TableRow => ({
    cells: [name, status, '5d'],
    object: { metadata: { name, namespace: 'demo', ...(created ? { creationTimestamp: created } : {}) } },
  });
  const page1 = [row('web-0', 'Running', '2026-11-01T09:00:00Z'), row('web-1', 'Pending')];
  const page2 = [row('web-2', 'CrashLoopBackOff', '2026-11-01T09:59:00Z'), row('ウェブ-3', 'Running')];
  const steps: TableRow[][] = [page1, [...page1, ...page2]];
  const all = steps[1];
  // MODIFIED: the widest status clears; ADDED in the middle; DELETED at the start.
  steps.push(all.map((r, i) => (i === 2 ? row('web-2', 'Running', '2026-11-01T09:59:00Z') : r)));
  steps.push([...steps[2].slice(0, 2), row('web-15', 'Pending'), ...steps[2].slice(2)]);
  steps.push(steps[3].slice(1));
  // MODIFIED again, a row that is not the widest anywhere: what was gathered stands.
  steps.push(steps[4].map((r) => (r.cells[0] === 'web-15' ? row('web-15', 'Ok', '2026-11-01T09:30:00Z') : r)));
  const data = (rows: TableRow[]): TableData => ({ ...table([]), rows });
  // What each step shows when every row is new to the view (copies: nothing can be reused).
  const expected = steps.map((rows) => shown(tableText(data(rows.map((r) => ({ ...r }))), true, 80), rows.length));
  const sorted = shown(tableText(data(all.map((r) => ({ ...r }))), true, 80, undefined, { column: 3, desc: true }), 4);
  // The same steps one after the other, as a listing and its watch hand them over.
  const got = steps.map((rows) => shown(tableText(data(rows), true, 80), rows.length));
  expect(got).toEqual(expected);
  expect(got[2].header).toBe('NAMESPACE  NAME      STATUS   AGE');
  expect(got[4].keys).toEqual(['demo/web-1', 'demo/web-15', 'demo/web-2', 'demo/ウェブ-3']);
  // Sorting the rows the view already has.
  expect(shown(tableText(data(all), true, 80, undefined, { column: 3, desc: true }), 4)).toEqual(sorted);
});

it('a MODIFIED row keeps the keys array (filter matches are cached per array); an added row or a sort makes new keys', () => {
  const rows = table([
    ['web-a', 'Running'],
    ['web-b', 'Running'],
    ['web-c', 'Running'],
  ]).rows;
  const first = tableText({ ...table([]), rows }, false, 80);
  const modified = rows.map((r, i) => (i === 1 ? { ...r, cells: ['web-b', 'Error', '5d'] } : r));
  const second = tableText({ ...table([]), rows: modified }, false, 80);
  expect(second.row(1, NOW)).toContain('Error');
  expect(second.keys).toBe(first.keys);
  const added = [
    ...modified,
    { ...rows[0], cells: ['web-d', 'Running', '5d'], object: { metadata: { name: 'web-d', namespace: 'demo' } } },
  ];
  const third = tableText({ ...table([]), rows: added }, false, 80);
  expect(third.keys).not.toBe(first.keys);
  expect(third.keys).toEqual(['demo/web-a', 'demo/web-b', 'demo/web-c', 'demo/web-d']);
  expect(first.keys).toEqual(['demo/web-a', 'demo/web-b', 'demo/web-c']);
  const sorted = tableText({ ...table([]), rows: added }, false, 80, undefined, { column: 1, desc: true });
  expect(sorted.keys).toEqual(['demo/web-d', 'demo/web-c', 'demo/web-b', 'demo/web-a']);
  expect(sorted.idAt(0)?.name).toBe('web-d');
  // No rows after some: no keys (not the last table's).
  expect(tableText(table([]), false, 80).keys).toEqual([]);
});

it('AGE is as wide as its widest age: a creation time years ago or in the future is not cut short', () => {
  // Widths are worked out with the time of the build: the clock reads NOW then.
  vi.useFakeTimers({ now: NOW });
  try {
    const t = (created: string) =>
      tableText(
        table([
          ['web-0', 'Running', '2026-11-01T09:00:00Z'],
          ['web-1', 'Running', created],
        ]),
        false,
        80,
      );
    expect(t('2026-10-01T09:00:00Z').row(1, NOW)).toBe('web-1  Running  31d');
    expect(t('2023-06-01T09:00:00Z').row(1, NOW)).toBe('web-1  Running  3y154d');
    expect(t('2026-11-02T09:00:00Z').row(1, NOW)).toBe('web-1  Running  <invalid>');
    expect(t('yesterday').row(1, NOW)).toBe('web-1  Running  <invalid>');
    expect(t('yesterday').row(0, NOW)).toBe('web-0  Running  60m');
  } finally {
    vi.useRealTimers();
  }
});
