// `w` in a text view: long lines wrapped over several rows instead of cut (and scrolled sideways
// with > <); search and position still count source lines.
import { expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import type { RawResponse, RequestOptions } from '../src/client/types.js';
import { FakeApi } from './helpers/fake-api.js';
import { ENTER, PAGE_DOWN, hasText, useTui } from './helpers/ui.js';

const tui = useTui();
const { frame, keys, wait } = tui;

const LONG = `${'word '.repeat(60)}END-OF-LONG`;

/** /version answers with a document that has one 311-character line among short ones. */
class LongLineApi extends FakeApi {
  constructor(private readonly doc: object = { before: 'short', long: LONG, after: 'also short' }) {
    super();
  }

  override async getRaw(path: string, opts: RequestOptions = {}): Promise<RawResponse> {
    const raw = await super.getRaw(path, opts);
    if (path !== '/version') return raw;
    const json = this.doc;
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

test('wrapped, Page Down starts at the first line not wholly shown: no line is skipped', async () => {
  // 60 keys; every fourth value takes three rows at 80 columns.
  const doc = Object.fromEntries(
    Array.from({ length: 60 }, (_, i) => [`k${String(i).padStart(2, '0')}`, i % 4 === 0 ? 'long '.repeat(40) : 'x']),
  );
  tui.render(<App api={new LongLineApi(doc)} color={false} version="0.1.0" />, { columns: 80, rows: 24 });
  await wait(hasText('Groups  1/15'));
  keys('/', 'v', 'e', 'r', ENTER);
  await wait(hasText('› /version'));
  keys(ENTER);
  await wait((f) => f.includes('"k00"') && f.includes('w wrap'));
  keys('w');
  await wait((f) => f.includes('wrap ·'));
  const shownKeys = (f: string) => [...f.matchAll(/"(k\d\d)": "(?:x|long)/g)].map((m) => m[1]);
  const before = shownKeys(frame());
  // The last key on screen may be cut (its rows run past the bottom): the page starts there or at
  // the next one, never further on.
  const last = Number(before.at(-1)!.slice(1));
  keys(PAGE_DOWN);
  await wait((f) => shownKeys(f)[0] !== before[0]);
  const first = Number(shownKeys(frame())[0].slice(1));
  expect(first).toBeGreaterThan(Number(before[0].slice(1)));
  expect(first).toBeLessThanOrEqual(last + 1);
});
