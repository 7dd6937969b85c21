// `w` in a text view: long lines wrapped over several rows instead of cut (and scrolled sideways
// with > <); search and position still count source lines.
import { expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import type { RawResponse, RequestOptions } from '../src/client/types.js';
import { FakeApi } from './helpers/fake-api.js';
import { ENTER, hasText, useTui } from './helpers/ui.js';

const tui = useTui();
const { frame, keys, wait } = tui;

const LONG = `${'word '.repeat(60)}END-OF-LONG`;

/** /version answers with a document that has one 311-character line among short ones. */
class LongLineApi extends FakeApi {
  override async getRaw(path: string, opts: RequestOptions = {}): Promise<RawResponse> {
    const raw = await super.getRaw(path, opts);
    if (path !== '/version') return raw;
    const json = { before: 'short', long: LONG, after: 'also short' };
    const body = JSON.stringify(json);
    return { ...raw, body, bytes: body.length, json };
  }
}

test('w wraps long lines and back; the match at the end of a long line shows when wrapped', async () => {
  tui.render(<App api={new LongLineApi()} color={false} version="0.1.0" />, { columns: 80, rows: 24 });
  await wait(hasText('Groups  1/15'));
  keys('/', 'v', 'e', 'r', ENTER);
  await wait(hasText('› /version'));
  keys(ENTER);
  await wait((f) => f.includes('"long": "word word') && f.includes('w wrap'));
  expect(frame()).not.toContain('END-OF-LONG');
  expect(frame()).toMatch(/1-5\/5/);
  keys('w');
  await wait((f) => f.includes('END-OF-LONG') && f.includes('wrap · 1-5/5'));
  // The long line's continuation rows, between the lines around it, nothing cut.
  const rows = frame().split('\n');
  const at = rows.findIndex((r) => r.includes('"long": "word'));
  expect(rows[at - 1]).toContain('"before": "short"');
  expect(rows.slice(at, at + 5).some((r) => r.includes('END-OF-LONG'))).toBe(true);
  expect(frame()).toContain('"after": "also short"');
  // Nothing to the side any more: > does nothing (no 'col' in the position).
  keys('>');
  keys('/', 'E', 'N', 'D', ENTER);
  await wait((f) => f.includes('/END 1/1'));
  expect(frame()).not.toMatch(/col \d+/);
  expect(frame()).toContain('END-OF-LONG');
  keys('w');
  await wait((f) => !f.includes('END-OF-LONG') && !f.includes('wrap ·'));
  keys('>');
  await wait((f) => /col \d+ · 1-5\/5/.test(f));
});
