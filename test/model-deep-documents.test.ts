// Depth and size from a hostile server: a custom resource nested thousands of levels deep, or one
// huge body, must not crash the JSON and YAML views or the request log.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { TOO_DEEP_FOR_YAML, YAML_OPTIONS, deepJsonLines, toJsonLines, toYamlLines } from '../src/model/highlight.js';
import { MAX_BODY_CHARS, RequestLog, displayBody } from '../src/session/request-log.js';
import type { ListPage, RequestEvent } from '../src/model/types.js';

/** {"a":{"a":…{"a":1}…}} nested `levels` deep, parsed the way the client parses a body. */
function nested(levels: number): unknown {
  return JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);
}
const yaml = (v: unknown) => stringify(v, YAML_OPTIONS);

describe('toJsonLines', () => {
  it('without recursion, prints what JSON.stringify(value, null, 2) prints', () => {
    const doc = {
      kind: 'Pod',
      metadata: { name: 'web', labels: {}, skip: undefined },
      spec: { containers: [{ name: 'a', ports: [] }, 1, null, true, 'x"y'] },
    };
    expect(deepJsonLines(doc)).toEqual(JSON.stringify(doc, null, 2).split('\n'));
    expect(deepJsonLines([])).toEqual(['[]']);
    expect(deepJsonLines('s')).toEqual(['"s"']);
    expect(deepJsonLines(undefined)).toEqual(['undefined']);
  });

  it('an object 5,000 levels deep: every line, the indentation capped at 100 levels', () => {
    expect(() => JSON.stringify(nested(5000), null, 2)).toThrow(RangeError);
    const lines = toJsonLines(nested(5000));
    expect(lines.length).toBe(10001);
    expect(lines[5000]).toBe(`${' '.repeat(200)}"a": 1`);
    expect(lines.at(-1)).toBe('}');
  });
});

describe('toYamlLines', () => {
  it('a document too deep for the YAML printer is shown in JSON form with a note', () => {
    expect(() => yaml(nested(1000))).toThrow(RangeError);
    const lines = toYamlLines(nested(1000), yaml);
    expect(lines[0]).toBe(TOO_DEEP_FOR_YAML);
    expect(lines.length).toBe(2002);
  });

  it('a shallow document prints as block YAML', () => {
    expect(toYamlLines({ a: { b: 1 } }, yaml)).toEqual(['a:', '  b: 1']);
  });
});

describe('the request log', () => {
  const event = (id: number): RequestEvent => ({
    id,
    method: 'GET',
    path: '/x',
    accept: 'application/json',
    durationMs: 1,
    bytes: 1,
    curl: 'curl',
    kubectl: 'kubectl',
    startedAt: 0,
  });

  it('a deep body is kept, not thrown over', () => {
    expect(displayBody({ body: '', json: nested(5000) }).split('\n').length).toBe(10001);
    const log = new RequestLog();
    log.record(event(1));
    const page: ListPage = { format: 'objects', columns: [], rows: [], items: [nested(5000)], bytes: 1, requestId: 1 };
    log.attachListPage(page, { group: '', version: 'v1', resource: 'configmaps', namespaced: true });
    expect(log.snapshot()[0]!.body!.startsWith('{\n  "kind": "List",')).toBe(true);
  });

  it('a body over MAX_BODY_CHARS keeps its beginning and says how much was left out', () => {
    const log = new RequestLog();
    log.record(event(1));
    log.attachBody(1, { body: 'x'.repeat(MAX_BODY_CHARS + 5) });
    const body = log.snapshot()[0]!.body!;
    expect(MAX_BODY_CHARS).toBe(2097152);
    expect(body.length).toBe(2097152 + 65);
    expect(body.endsWith('\n… 5 more characters not kept (the curl command fetches it whole)')).toBe(true);
  });
});
