// `y` on a large JSON document: the YAML is printed in slices after the render, so keys keep
// working meanwhile (q quits before it is done), and the YAML appears when it is.
import { expect, test, vi } from 'vitest';
import { App } from '../src/ui/App.js';
import type { RawResponse, RequestOptions } from '../src/client/types.js';
import { FakeApi } from './helpers/fake-api.js';
import { ENTER, hasText, useTui } from './helpers/ui.js';

const tui = useTui();
const { frame, keys, wait } = tui;

/** /version answers with a ~10 MB object (100,000 items of three fields). */
class LargeVersionApi extends FakeApi {
  override async getRaw(path: string, opts: RequestOptions = {}): Promise<RawResponse> {
    const raw = await super.getRaw(path, opts);
    if (path !== '/version') return raw;
    const json = {
      kind: 'List',
      items: Array.from({ length: 100_000 }, (_, i) => ({ name: `item-${i}`, note: 'x'.repeat(60), n: i })),
    };
    const body = JSON.stringify(json);
    return { ...raw, body, bytes: body.length, json };
  }
}

async function openLargeYaml(onExit?: () => void) {
  tui.render(<App api={new LargeVersionApi()} color={false} version="0.1.0" onExit={onExit} />, {
    columns: 120,
    rows: 30,
  });
  await wait(hasText('Groups  1/15'));
  keys('/', 'v', 'e', 'r', ENTER);
  await wait(hasText('› /version'));
  keys(ENTER);
  await wait((f) => f.includes('"name": "item-0"'), 20_000);
  keys('y');
  await wait(hasText('(printing YAML…'), 10_000);
}

test('q quits while a large YAML view is still being printed', async () => {
  const onExit = vi.fn();
  await openLargeYaml(onExit);
  keys('q');
  await vi.waitFor(() => expect(onExit).toHaveBeenCalledTimes(1), { timeout: 5000 });
  // The key was handled between two slices: no frame ever showed the printed YAML (printed during
  // the render, as before, it was on screen before q could be read).
  expect(tui.r.stdout.frames.some((f) => f.includes('name: item-0') && !f.includes('"name"'))).toBe(false);
});

test('the YAML of a large document appears once printed, in the views style', async () => {
  await openLargeYaml();
  await wait((f) => f.includes('items:') && f.includes('    name: item-0') && f.includes('[YAML]'), 60_000);
  expect(frame()).toMatch(/1-\d+\/400002/);
}, 90_000);
