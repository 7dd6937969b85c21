// LiveTable against the sandbox: watch events arrive as one-row Tables and patch the table in place,
// without listing again.
import { expect, it, vi } from 'vitest';
import { ApiClient, connect } from '../src/client/index.js';
import type { RequestEvent, TableRow } from '../src/model/types.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { LiveTable, patchRows } from '../src/session/live-table.js';
import type { TableData } from '../src/model/loadable.js';
import { useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
useSandbox('kapi-live-', { watchIntervalMs: 50 }, (s) => ({ sb } = s));

const row = (name: string, status: string): TableRow => ({ cells: [name, status], object: { metadata: { name, namespace: 'ns' } } });

it('patchRows replaces, appends and removes by namespace/name', () => {
  const rows = [row('a', 'Running'), row('b', 'Running')];
  expect(patchRows(rows, 'MODIFIED', row('b', 'Error')).map((r) => r.cells[1])).toEqual(['Running', 'Error']);
  expect(patchRows(rows, 'ADDED', row('c', 'Pending')).map((r) => r.cells[0])).toEqual(['a', 'b', 'c']);
  expect(patchRows(rows, 'DELETED', row('a', '')).map((r) => r.cells[0])).toEqual(['b']);
  expect(rows.map((r) => r.cells[1])).toEqual(['Running', 'Running']); // not mutated
});

it('patches rows from Table watch events instead of listing again', async () => {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
  const requests: RequestEvent[] = [];
  api.onRequest((e) => requests.push(e));
  let table: TableData | undefined;
  const live = new LiveTable(api, { group: '', version: 'v1', resource: 'pods', namespaced: true }, 'demo', (t) => (table = t), (e) => {
    throw e;
  });
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
