// Sorting an object table with s / S while watch events keep patching it.
import { afterEach, expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { FakeApi } from './helpers/fake-api.js';
import { ENTER, type Rendered, hasText, renderTui, stripAnsi, waitForFrame } from './helpers/ui.js';

let r: Rendered | undefined;
afterEach(() => {
  r?.unmount();
  r = undefined;
});

const frame = () => stripAnsi(r?.lastFrame() ?? '');
const keys = (...ks: string[]) => {
  for (const k of ks) r!.stdin.write(k);
};
/** Names of the table's rows, top to bottom. */
const names = () => [...frame().matchAll(/^║ [› ] (web-\d+)/gm)].map((m) => m[1]);

test('s sorts by NAME, S reverses; an ADDED row lands in its sorted place and the cursor keeps its row', async () => {
  const api = new FakeApi();
  r = renderTui(<App api={api} color={false} version="0.1.0" />, { columns: 120, rows: 30 });
  await waitForFrame(r.lastFrame, hasText('Groups  1/15'));
  keys(ENTER, 'j', 'j');
  await waitForFrame(r.lastFrame, hasText('› pods'));
  keys(ENTER);
  await waitForFrame(r.lastFrame, (f) => f.includes('› web-0') && f.includes('● live'));
  keys('s');
  await waitForFrame(r.lastFrame, (f) => /NAME↑\s+READY/.test(f));
  keys('S');
  await waitForFrame(r.lastFrame, (f) => /NAME↓\s+READY/.test(f));
  expect(names()).toEqual(['web-2', 'web-1', 'web-0']);
  keys('j');
  await waitForFrame(r.lastFrame, hasText('› web-1'));
  const metadata = { name: 'web-15', namespace: 'default', resourceVersion: '101' };
  api.watches[0].onEvent({
    type: 'ADDED',
    object: { kind: 'Table', rows: [{ cells: ['web-15', '0/1', 'Pending', '0', '0s', ''], object: { metadata } }] },
  });
  await waitForFrame(r.lastFrame, hasText('web-15'));
  expect(names()).toEqual(['web-2', 'web-15', 'web-1', 'web-0']);
  expect(frame()).toContain('› web-1');
  expect(api.calls.filter((c) => c.startsWith('list'))).toHaveLength(1); // patched, not listed again
  // READY, STATUS, RESTARTS, AGE, then the server's order again.
  keys('s', 's', 's', 's', 's');
  await waitForFrame(r.lastFrame, (f) => /NAME {4}READY {2}STATUS {3}RESTARTS {2}AGE {2}/.test(f));
  expect(names()).toEqual(['web-0', 'web-1', 'web-15', 'web-2']);
});
