// Watch events on a big live table are applied in batches (eventInterval): the first after a quiet
// spell at once, those that follow it together, on one copy of the rows. A small table applies each
// event as it comes. A re-list drops the events queued before it (its rows are newer).
import { expect, it, vi } from 'vitest';
import type { TableData } from '../src/model/loadable.js';
import type { TableRow } from '../src/model/types.js';
import { eventInterval } from '../src/session/live-table.js';
import { FakeApi } from './helpers/fake-api.js';
import { useLiveTables } from './helpers/live-table.js';

const open = useLiveTables();

async function watched(pods: number): Promise<{ api: FakeApi; updates: TableData[] }> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const api = new FakeApi({ pods });
  const { updates } = open(api, 'default');
  await vi.waitFor(() => expect(api.watches).toHaveLength(1));
  return { api, updates };
}

/** A Table watch event that sets pod `name`'s STATUS. */
const modified = (name: string, status: string) => ({
  type: 'MODIFIED' as const,
  object: {
    kind: 'Table',
    rows: [{ cells: [name, '0/1', status, '0', '5d'], object: { metadata: { name, namespace: 'default' } } }],
  },
});

const statusOf = (rows: readonly TableRow[], name: string) => rows.find((r) => r.cells[0] === name)?.cells[2];

it('waits longer between batches the bigger the table: none below 2000 rows, 500 ms from 50k', () => {
  expect([10, 1999, 2000, 5000, 50_000, 200_000].map(eventInterval)).toEqual([0, 0, 20, 50, 500, 500]);
});

it('a small table applies every watch event as it comes', async () => {
  const { api, updates } = await watched(3);
  const before = updates.length;
  api.watches[0].onEvent(modified('web-1', 'Error'));
  api.watches[0].onEvent(modified('web-2', 'Pending'));
  expect(updates.length - before).toBe(2);
  expect(updates.at(-1)!.changes).toBe(2);
  expect(statusOf(updates.at(-2)!.rows, 'web-1')).toBe('Error');
  expect(statusOf(updates.at(-1)!.rows, 'web-2')).toBe('Pending');
});

it('a big table applies the first event at once and the ones after it in one batch, on a copy of the rows', async () => {
  const { api, updates } = await watched(5000);
  await vi.waitFor(() => expect(updates.at(-1)?.done).toBe(true));
  const listed = updates.at(-1)!;
  expect(listed.rows).toHaveLength(5000);
  const before = updates.length;
  for (let i = 0; i < 10; i++) api.watches[0].onEvent(modified(`web-${i}`, 'Error'));
  // The first: drawn at once.
  expect(updates.length - before).toBe(1);
  expect(updates.at(-1)!.changes).toBe(1);
  expect(statusOf(updates.at(-1)!.rows, 'web-0')).toBe('Error');
  expect(statusOf(updates.at(-1)!.rows, 'web-1')).toBe('Running');
  await vi.advanceTimersByTimeAsync(eventInterval(5000) - 1);
  expect(updates.length - before).toBe(1);
  await vi.advanceTimersByTimeAsync(1);
  // The other nine: one update.
  expect(updates.length - before).toBe(2);
  const batch = updates.at(-1)!;
  expect(batch.changes).toBe(10);
  expect([...Array(10).keys()].map((i) => statusOf(batch.rows, `web-${i}`))).toEqual(Array(10).fill('Error'));
  // The table each update handed out stays as it was.
  expect(statusOf(listed.rows, 'web-0')).toBe('Running');
  expect(statusOf(updates[before].rows, 'web-9')).toBe('Running');
  expect(batch.rows).toHaveLength(5000);
});

it('a re-list (410) drops the events queued before it: its rows are newer', async () => {
  const { api, updates } = await watched(5000);
  await vi.waitFor(() => expect(updates.at(-1)?.done).toBe(true));
  api.watches[0].onEvent(modified('web-0', 'Error'));
  api.watches[0].onEvent(modified('web-1', 'Error'));
  api.watches[0].onEvent({
    type: 'ERROR',
    object: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version' },
  });
  api.watches[0].end();
  // Not vi.waitFor: it moves the fake clock, and the queued batch would be applied before the list
  // is back. The listing moves on through real I/O turns (setImmediate is not faked).
  for (let turn = 0; turn < 10_000 && api.calls.filter((c) => c.startsWith('watch')).length < 2; turn++)
    await new Promise((resolve) => setImmediate(resolve));
  expect(api.calls.filter((c) => c.startsWith('list'))).toHaveLength(20); // 10 pages, twice
  await vi.advanceTimersByTimeAsync(1000);
  // web-0's event was drawn at once; web-1's was queued, and the list (the store says Running) won.
  const last = updates.at(-1)!;
  expect(statusOf(last.rows, 'web-1')).toBe('Running');
  expect(statusOf(last.rows, 'web-0')).toBe('Running');
  expect(updates.some((u) => statusOf(u.rows, 'web-1') === 'Error')).toBe(false);
});
