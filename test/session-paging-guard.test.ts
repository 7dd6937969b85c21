// A server that pages for ever: the same continue token again, or rows without end. The table keeps
// what came and stops with a message (kubectl would loop and fill memory).
import { expect, it } from 'vitest';
import { MAX_TABLE_ROWS, pagingStopped } from '../src/session/live-table.js';
import type { ListOptions } from '../src/client/types.js';
import type { ListPage, ResourceRef } from '../src/model/types.js';
import { FakeApi } from './helpers/fake-api.js';
import { useLiveTables } from './helpers/live-table.js';

const open = useLiveTables();

class LoopingApi extends FakeApi {
  lists = 0;
  override async list(ref: ResourceRef, opts: ListOptions = {}): Promise<ListPage> {
    this.lists++;
    const page = await super.list(ref, { ...opts, continueToken: undefined });
    return { ...page, continueToken: 'the-same-token' };
  }
}

it('the same continue token twice: the rows so far, done, and why', async () => {
  const api = new LoopingApi();
  const { updates: seen, live } = open(api, 'default');
  await expect.poll(() => seen.at(-1)?.done).toBe(true);
  live.stop();
  const last = seen.at(-1)!;
  expect(api.lists).toBe(2);
  expect(last.rows).toHaveLength(6);
  expect(last.error).toEqual({
    title: 'Listing stopped',
    detail: 'the server sent the same continue token twice (after 6 objects): it would page for ever',
  });
  expect(api.watches).toHaveLength(0);
});

it('rows without end stop at the cap; a last page or a new token goes on', () => {
  expect(pagingStopped('t', new Set(), MAX_TABLE_ROWS)).toBe(
    'more than 1000000 objects: narrow it with a label selector (\\) or a namespace',
  );
  expect(pagingStopped(undefined, new Set(['t']), MAX_TABLE_ROWS)).toBeUndefined();
  expect(pagingStopped('u', new Set(['t']), 10)).toBeUndefined();
});
