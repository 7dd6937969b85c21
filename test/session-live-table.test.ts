// LiveTable against the sandbox: watch events arrive as one-row Tables and patch the table in place,
// without listing again.
import { expect, it, vi } from 'vitest';
import { ApiClient, connect } from '../src/client/index.js';
import type { RequestEvent, TableRow } from '../src/model/types.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { LiveTable } from '../src/session/live-table.js';
import { eventRow, keptRow, patchRows, rowKey } from '../src/model/table-rows.js';
import type { TableData } from '../src/model/loadable.js';
import { useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
useSandbox('kapi-live-', { watchIntervalMs: 50 }, (s) => ({ sb } = s));

const row = (name: string, status: string): TableRow => ({
  cells: [name, status],
  object: { metadata: { name, namespace: 'ns' } },
});

/** The rows after one event, patched in place on a copy. */
const patched = (rows: TableRow[], type: 'ADDED' | 'MODIFIED' | 'DELETED', r: TableRow) => {
  const next = rows.slice();
  patchRows(next, type, r);
  return next;
};

it('patchRows replaces, inserts in key order and removes by namespace/name, in place', () => {
  const rows = [row('a', 'Running'), row('c', 'Running')];
  expect(patched(rows, 'MODIFIED', row('c', 'Error')).map((r) => r.cells[1])).toEqual(['Running', 'Error']);
  expect(patched(rows, 'ADDED', row('b', 'Pending')).map((r) => r.cells[0])).toEqual(['a', 'b', 'c']);
  expect(patched(rows, 'ADDED', row('0', 'Pending')).map((r) => r.cells[0])).toEqual(['0', 'a', 'c']);
  expect(patched(rows, 'ADDED', row('d', 'Pending')).map((r) => r.cells[0])).toEqual(['a', 'c', 'd']);
  expect(patched(rows, 'DELETED', row('a', '')).map((r) => r.cells[0])).toEqual(['c']);
  expect(patched(rows, 'DELETED', row('b', '')).map((r) => r.cells[0])).toEqual(['a', 'c']);
  patchRows(rows, 'MODIFIED', row('a', 'Error'));
  expect(rows.map((r) => r.cells[1])).toEqual(['Error', 'Running']);
});

it('patchRows orders by storage key: namespace "a-b" before "a" (\'-\' sorts before \'/\')', () => {
  const at = (namespace: string, name: string): TableRow => ({
    cells: [name],
    object: { metadata: { name, namespace } },
  });
  const rows = [at('a-b', 'x'), at('a', 'x')];
  expect(patched(rows, 'ADDED', at('a', 'w')).map((r) => `${r.object!.metadata!.namespace}/${r.cells[0]}`)).toEqual([
    'a-b/x',
    'a/w',
    'a/x',
  ]);
});

it('patchRows keeps 50k rows in order, looking at a few dozen rows per event (binary search, not a scan)', () => {
  let looked = 0;
  const counted = (name: string): TableRow => {
    const object = { metadata: { name, namespace: 'ns' } };
    return {
      cells: [name],
      get object() {
        looked++;
        return object;
      },
    };
  };
  const rows = Array.from({ length: 50_000 }, (_, i) => counted(`pod-${String(i * 2).padStart(6, '0')}`));
  looked = 0;
  for (let i = 0; i < 100; i++) patchRows(rows, 'ADDED', counted(`pod-${String(i * 1000 + 1).padStart(6, '0')}`));
  expect(looked / 100).toBeLessThan(40);
  const keys = rows.map((r) => String(r.cells[0]));
  expect(keys).toEqual([...keys].sort());
  expect(rows).toHaveLength(50_100);
});

it('eventRow keeps creationTimestamp (AGE is computed from it)', () => {
  const metadata = {
    name: 'web-1',
    namespace: 'demo',
    resourceVersion: '7',
    creationTimestamp: '2026-11-01T09:00:00Z',
    labels: { a: 'b' },
  };
  const table = {
    kind: 'Table',
    rows: [{ cells: ['web-1', '5s'], object: { kind: 'PartialObjectMetadata', metadata } }],
  };
  expect(eventRow(table)).toEqual({
    cells: ['web-1', '5s'],
    object: {
      metadata: { name: 'web-1', namespace: 'demo', resourceVersion: '7', creationTimestamp: '2026-11-01T09:00:00Z' },
    },
  });
});

it('a listed row keeps its cells and the metadata the view reads, nothing else', () => {
  const metadata = {
    name: 'web-1',
    namespace: 'demo',
    uid: 'u-1',
    resourceVersion: '7',
    creationTimestamp: '2026-11-01T09:00:00Z',
    labels: { a: 'b' },
  };
  const kept = keptRow({ cells: ['web-1', '5s'], object: { metadata } });
  expect(kept).toEqual({
    cells: ['web-1', '5s'],
    object: { metadata: { name: 'web-1', namespace: 'demo', creationTimestamp: '2026-11-01T09:00:00Z' } },
  });
  expect(rowKey(kept)).toBe('demo/web-1');
  expect(keptRow({ cells: ['x'] })).toEqual({ cells: ['x'] });
});

it('patches rows from Table watch events instead of listing again', async () => {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
  const requests: RequestEvent[] = [];
  api.onRequest((e) => requests.push(e));
  let table: TableData | undefined;
  const live = new LiveTable(
    api,
    { group: '', version: 'v1', resource: 'pods', namespaced: true },
    'demo',
    (t) => (table = t),
    (e) => {
      throw e;
    },
  );
  live.start();
  try {
    await vi.waitFor(() => expect(table?.changes).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    const watch = requests.find((e) => e.path.includes('watch=1'));
    expect(watch?.accept).toContain('as=Table');
    expect(requests.filter((e) => !e.path.includes('watch=1'))).toHaveLength(1); // the one list
    const crashy = table!.rows.find((r) => String(r.cells[0]).startsWith('crashy-'));
    expect(crashy?.cells.length).toBe(table!.columns.length);
  } finally {
    live.stop();
  }
});
