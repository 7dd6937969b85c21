// Leaving a big table asks V8 for one full collection (src/session/release-memory.ts), once the
// table is unreachable; leaving a small one does not. gc() is the test's spy here (release-memory
// takes globalThis.gc when the process has one, as under --expose-gc).
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { App } from '../src/ui/App.js';
import { BIG_RESPONSE_BYTES, BIG_TABLE_ROWS } from '../src/session/release-memory.js';
import { FakeApi } from './helpers/fake-api.js';
import { DOWN, ENTER, ESC, hasText, useTui } from './helpers/ui.js';

const tui = useTui({ timeoutMs: 15_000 });
const { keys, wait } = tui;
const gc = vi.fn();
const global = globalThis as { gc?: () => void };

beforeAll(() => {
  global.gc = gc;
});
afterAll(() => {
  delete global.gc;
});
beforeEach(() => gc.mockClear());

test('Esc out of a big table: one full collection; out of a small one: none', async () => {
  // BIG_TABLE_ROWS pods in default, and coredns-1 in kube-system.
  const api = new FakeApi({ pods: BIG_TABLE_ROWS, pageSize: 2500 });
  tui.render(<App api={api} color={false} version="0.1.0" />, { columns: 140, rows: 40 });
  await wait(hasText('Groups  1/15'));
  // apps/v1 deployments: one row.
  keys(DOWN);
  await wait(hasText('› apps/v1 *'));
  keys(ENTER);
  await wait(hasText('▶ Resources apps/v1'));
  keys(ENTER);
  await wait((f) => /NAME\s+AGE/.test(f) && f.includes('› web'));
  keys(ESC);
  await wait(hasText('▶ Resources apps/v1'));
  keys(ESC);
  await wait(hasText('▶ Groups'));
  // core/v1 pods in default: BIG_TABLE_ROWS rows.
  keys('k', ENTER);
  await wait(hasText('Resources v1'));
  keys('j', 'j');
  await wait(hasText('› pods'));
  keys(ENTER);
  await wait(hasText(`${BIG_TABLE_ROWS} object(s), 2 page(s)`));
  expect(gc).not.toHaveBeenCalled();
  keys(ESC);
  await wait(hasText('▶ Resources'));
  await vi.waitFor(() => expect(gc).toHaveBeenCalledTimes(1), { timeout: 5000 });
});

test('Esc out of a document of BIG_RESPONSE_BYTES: one full collection; out of a small one: none', async () => {
  const api = new FakeApi();
  // /version answers as if it were that large (the size the client reports), /healthz as it is.
  const getRaw = api.getRaw.bind(api);
  api.getRaw = async (path, opts) => {
    const r = await getRaw(path, opts);
    return path === '/version' ? { ...r, bytes: BIG_RESPONSE_BYTES } : r;
  };
  tui.render(<App api={api} color={false} version="0.1.0" />, { columns: 140, rows: 40 });
  await wait(hasText('Groups  1/15'));
  keys('/', 'h', 'e', 'a', 'l', ENTER);
  await wait(hasText('› /healthz'));
  keys(ENTER);
  await wait((f) => f.includes('▶ Detail: GET /healthz') && f.includes('200 text/plain'));
  keys(ESC);
  await wait(hasText('▶ Groups'));
  keys(ESC, '/', 'v', 'e', 'r', 's', ENTER);
  await wait(hasText('› /version'));
  keys(ENTER);
  await wait(hasText('"gitVersion": "v1.31.0"'));
  expect(gc).not.toHaveBeenCalled();
  keys(ESC);
  await wait(hasText('▶ Groups'));
  await vi.waitFor(() => expect(gc).toHaveBeenCalledTimes(1), { timeout: 5000 });
});
