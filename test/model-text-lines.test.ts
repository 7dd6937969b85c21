// The line index the text views read a document through gives exactly the lines the old splitting
// gave (text.split('\n'), and for logs and YAML without the empty line after a final '\n').
import { describe, expect, test } from 'vitest';
import { LineIndex, joinLines, longestLine, textLineIndex } from '../src/model/text-lines.js';
import { jsonLineIndex, prettyJson, toJsonLines, yamlLineIndex } from '../src/model/highlight.js';
import { MAX_BODY_CHARS, RequestLog } from '../src/session/request-log.js';

const TEXTS = ['', '\n', '\n\n', 'a', 'a\n', 'a\n\n', '\na', 'one\ntwo\nthree', 'x\r\ny\r\n', ' \n \n', 'é\n𝄞 wide\n'];

describe('LineIndex', () => {
  test.each(TEXTS)('%j: the lines of split, at() and iteration agree', (text) => {
    const index = new LineIndex(text);
    const want = text.split('\n');
    expect(index.length).toBe(want.length);
    expect(Array.from(index)).toEqual(want);
    want.forEach((line, i) => expect(index.at(i)).toBe(line));
    expect(index.at(-1)).toBeUndefined();
    expect(index.at(want.length)).toBeUndefined();
    expect(index.joined()).toBe(text);
    expect(longestLine(index)).toBe(Math.max(...want.map((l) => l.length)));
  });

  test.each(TEXTS)('%j: with the final newline dropped, as replace(/\\n$/, "").split', (text) => {
    const index = new LineIndex(text, true);
    const want = text.replace(/\n$/, '').split('\n');
    expect(Array.from(index)).toEqual(want);
    expect(index.length).toBe(want.length);
    expect(joinLines(index)).toBe(want.join('\n'));
    want.forEach((_, i) => expect(index.lengthOf(i)).toBe(want[i]!.length));
  });

  test.each(TEXTS)('%j: textLineIndex is the old textLines split (\\r\\n as \\n, no line after the last)', (text) => {
    const want = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
    expect(Array.from(textLineIndex(text))).toEqual(want);
  });

  test('a pretty-printed document: the same lines as splitting JSON.stringify(value, null, 2)', () => {
    const value = {
      kind: 'List',
      items: Array.from({ length: 300 }, (_, i) => ({
        name: `pod-${i}`,
        labels: { app: 'web', n: i },
        list: [1, null],
      })),
      empty: {},
      none: [],
    };
    const want = JSON.stringify(value, null, 2).split('\n');
    const index = jsonLineIndex(value);
    expect(index.length).toBe(want.length);
    expect(Array.from(index)).toEqual(want);
    expect(toJsonLines(value)).toEqual(want);
    expect(joinLines(index)).toBe(want.join('\n'));
    expect(longestLine(index)).toBe(Math.max(...want.map((l) => l.length)));
  });

  test('YAML: the printed text less its final newline, as lines', () => {
    const index = yamlLineIndex({ a: 1 }, () => 'a: 1\nb:\n  - x\n');
    expect(Array.from(index)).toEqual(['a: 1', 'b:', '  - x']);
  });

  test('a value is pretty-printed once: the request log and the detail view share the text', () => {
    const value = { kind: 'ConfigMap', data: { a: 'b' } };
    expect(prettyJson(value)).toBe(JSON.stringify(value, null, 2));
    expect(prettyJson(value)).toBe(prettyJson(value));
    expect(prettyJson(undefined)).toBe('undefined');
    expect(prettyJson('x')).toBe('"x"');
  });
});

test("the request log keeps the first MAX_BODY_CHARS of a large JSON body's pretty-printed text (the detail view's)", () => {
  const value = { kind: 'Thing', data: Array.from({ length: 40_000 }, (_, i) => ({ name: `item-${i}`, n: i })) };
  const pretty = JSON.stringify(value, null, 2);
  expect(pretty.length).toBeGreaterThan(MAX_BODY_CHARS);
  const log = new RequestLog();
  log.record({
    id: 1,
    method: 'GET',
    path: '/x',
    accept: '',
    durationMs: 0,
    bytes: 0,
    curl: '',
    kubectl: '',
    startedAt: 0,
  });
  log.attachBody(1, { body: JSON.stringify(value), json: value });
  const cut = pretty.length - MAX_BODY_CHARS;
  const want = `${pretty.slice(0, MAX_BODY_CHARS)}\n… ${cut} more characters not kept (the curl command fetches it whole)`;
  // Compared as a boolean: a failing toBe would diff two 2 MB strings.
  expect(log.snapshot()[0]!.body === want).toBe(true);
  expect(prettyJson(value) === pretty).toBe(true);
});
