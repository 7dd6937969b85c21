import { describe, expect, test } from 'vitest';
import { parseDocument, isMap, isScalar, isSeq, stringify, type Node } from 'yaml';
import { activeList, activeOverlay, helpOpen, overlayOf, textCursor, topView } from '../src/model/nav-state.js';
import { type Screen, type Step, list, logScroll, run, start, text } from './helpers/nav.js';
import { YAML_OPTIONS, fieldAtYamlLine, toJsonLines, toYamlLines } from '../src/model/highlight.js';

const printYaml = (v: unknown) => stringify(v, YAML_OPTIONS);
import { fieldAtJsonLine } from '../src/model/explain.js';
import { listPageValue } from '../src/session/request-log.js';
import { selectedIndex, visibleRange } from '../src/model/list.js';
import type { ResourceRef } from '../src/model/types.js';

const PODS: ResourceRef = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const keys = (n: number, prefix = 'item') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

function withLists(): Screen {
  return run(
    start('default'),
    { type: 'rows', list: 'groups', keys: ['core/v1', 'apps/v1', '/healthz'] },
    { type: 'rows', list: 'resources', keys: keys(50, 'res') },
    { type: 'height', list: 'resources', height: 10 },
  );
}

describe('focus', () => {
  test('starts on groups; Tab wraps, arrows clamp', () => {
    let s = start();
    expect(s.state.focus).toBe('groups');
    s = run(s, { type: 'focusStep', delta: 1, wrap: true });
    expect(s.state.focus).toBe('resources');
    s = run(s, { type: 'focusStep', delta: 1, wrap: true }, { type: 'focusStep', delta: 1, wrap: true });
    expect(s.state.focus).toBe('groups');
    s = run(s, { type: 'focusStep', delta: -1, wrap: true });
    expect(s.state.focus).toBe('detail');
    s = run(s, { type: 'focusStep', delta: 1, wrap: false });
    expect(s.state.focus).toBe('detail');
    s = run(start(), { type: 'focusStep', delta: -1, wrap: false });
    expect(s.state.focus).toBe('groups');
  });

  test('the active list follows focus and the detail view', () => {
    let s = withLists();
    expect(activeList(s.state)).toBe('groups');
    s = run(s, { type: 'focus', pane: 'detail' });
    expect(activeList(s.state)).toBeNull(); // scrolls text
    s = run(s, { type: 'openObjects', ref: PODS });
    expect(activeList(s.state)).toBe('objects');
    s = run(s, { type: 'openPicker' });
    expect(activeList(s.state)).toBe('picker');
  });
});

describe('cursor and window', () => {
  test('moving keeps the cursor inside the visible window', () => {
    let s = run(withLists(), { type: 'focus', pane: 'resources' });
    expect(visibleRange(list(s, 'resources'))).toEqual({ visibleFrom: 0, visibleTo: 10 });
    s = run(s, ...Array.from({ length: 12 }, () => ({ type: 'move', delta: 1 }) as Step));
    expect(list(s, 'resources').cursor).toBe(12);
    expect(visibleRange(list(s, 'resources'))).toEqual({ visibleFrom: 3, visibleTo: 13 });
    s = run(s, { type: 'moveTo', where: 'bottom' });
    expect(list(s, 'resources').cursor).toBe(49);
    expect(visibleRange(list(s, 'resources'))).toEqual({ visibleFrom: 40, visibleTo: 50 });
    s = run(s, { type: 'move', delta: 5 });
    expect(list(s, 'resources').cursor).toBe(49); // clamped
    s = run(s, { type: 'page', direction: -1 });
    expect(list(s, 'resources').cursor).toBe(39);
    s = run(s, { type: 'page', direction: -1, half: true });
    expect(list(s, 'resources').cursor).toBe(34);
    expect(list(s, 'resources').from).toBe(34);
    s = run(s, { type: 'moveTo', where: 'top' }, { type: 'move', delta: -1 });
    expect(list(s, 'resources').cursor).toBe(0);
    expect(list(s, 'resources').from).toBe(0);
  });

  test('a smaller viewport re-clamps the window', () => {
    let s = run(withLists(), { type: 'focus', pane: 'resources' }, { type: 'move', delta: 9 });
    s = run(s, { type: 'height', list: 'resources', height: 4 });
    const { visibleFrom, visibleTo } = visibleRange(list(s, 'resources'));
    expect(list(s, 'resources').cursor).toBeGreaterThanOrEqual(visibleFrom);
    expect(list(s, 'resources').cursor).toBeLessThan(visibleTo);
    expect(visibleTo - visibleFrom).toBe(4);
  });

  test('new items keep the cursor on the same key, or reset when it is gone', () => {
    let s = run(withLists(), { type: 'focus', pane: 'resources' }, { type: 'move', delta: 3 });
    s = run(s, { type: 'rows', list: 'resources', keys: ['x', ...keys(50, 'res')] });
    expect(selectedIndex(list(s, 'resources'))).toBe(4);
    s = run(s, { type: 'rows', list: 'resources', keys: ['a', 'b'] });
    expect(list(s, 'resources').cursor).toBe(0);
  });

  test('wrapped text (w): a page turns by what was shown, no line skipped; a line taller than the page still moves on', () => {
    // Line 3 takes 4 rows, the others one: from the top, lines 0-6 fill the 10 rows.
    const rowsAt = (line: number) => (line === 3 ? 4 : 1);
    let s = run(start(), { type: 'focus', pane: 'detail' }, { type: 'text', lines: 100, height: 10, rowsAt });
    s = run(s, { type: 'page', direction: 1 });
    expect(text(s).scroll).toBe(7);
    s = run(s, { type: 'page', direction: 1 });
    expect(text(s).scroll).toBe(17);
    s = run(s, { type: 'page', direction: -1 });
    expect(text(s).scroll).toBe(7);
    s = run(s, { type: 'page', direction: -1 });
    expect(text(s).scroll).toBe(0);
    s = run(s, { type: 'page', direction: 1, half: true });
    expect(text(s).scroll).toBe(3);
    // One line of 30 rows: the next page starts at the next line.
    s = run(
      start(),
      { type: 'focus', pane: 'detail' },
      { type: 'text', lines: 5, height: 10, rowsAt: (l) => (l === 0 ? 30 : 1) },
    );
    s = run(s, { type: 'page', direction: 1 });
    expect(text(s).scroll).toBe(1);
  });

  test('text scrolling is clamped to the content', () => {
    let s = run(start(), { type: 'focus', pane: 'detail' }, { type: 'text', lines: 100, height: 20 });
    s = run(s, { type: 'page', direction: 1 });
    expect(text(s).scroll).toBe(20);
    s = run(s, { type: 'moveTo', where: 'bottom' });
    expect(text(s).scroll).toBe(80);
    s = run(s, { type: 'move', delta: 3 });
    expect(text(s).scroll).toBe(80);
    s = run(s, { type: 'page', direction: -1, half: true });
    expect(text(s).scroll).toBe(70);
    s = run(s, { type: 'text', lines: 30, height: 20 });
    expect(text(s).scroll).toBe(10);
  });
});

describe('detail stack', () => {
  test('resource → objects → object → back → back', () => {
    let s = run(withLists(), { type: 'openGroup' });
    expect(s.state.focus).toBe('resources');
    s = run(s, { type: 'openObjects', ref: PODS });
    expect(s.state.focus).toBe('detail');
    expect(topView(s.state)).toEqual({ kind: 'objects', ref: PODS });
    s = run(s, { type: 'rows', list: 'objects', keys: ['default/web-0', 'default/web-1'] }, { type: 'move', delta: 1 });
    s = run(s, { type: 'openObject', ref: PODS, namespace: 'default', name: 'web-1' });
    expect(topView(s.state)).toEqual({ kind: 'object', ref: PODS, namespace: 'default', name: 'web-1' });
    expect(s.state.detail.stack).toHaveLength(2);
    s = run(s, { type: 'toggleReveal' }, { type: 'back' });
    expect(topView(s.state)?.kind).toBe('objects');
    expect(s.state.detail.reveal).toBe(false);
    expect(list(s, 'objects').cursor).toBe(1); // the row we came from
    s = run(s, { type: 'back' });
    expect(s.state.detail.stack).toHaveLength(0);
    expect(s.state.focus).toBe('resources');
    s = run(s, { type: 'back' });
    expect(s.state.focus).toBe('groups');
  });

  test('a non-resource path returns to the groups pane', () => {
    let s = run(withLists(), { type: 'openPath', path: '/healthz' });
    expect(topView(s.state)).toEqual({ kind: 'path', path: '/healthz' });
    s = run(s, { type: 'back' });
    expect(s.state.focus).toBe('groups');
  });

  test('refresh targets discovery or the open view', () => {
    let s = run(start(), { type: 'refresh' });
    expect([s.state.discovery.refresh, s.state.detail.refresh]).toEqual([1, 0]);
    s = run(s, { type: 'openPath', path: '/version' }, { type: 'refresh' });
    expect([s.state.discovery.refresh, s.state.detail.refresh]).toEqual([1, 1]);
  });
});

describe('filter', () => {
  test('typing narrows the focused list; Enter keeps, Esc clears', () => {
    let s = run(withLists(), { type: 'focus', pane: 'resources' }, { type: 'filterStart' });
    expect(s.state.filtering).toBe('resources');
    s = run(s, { type: 'filterInput', text: '4' }, { type: 'filterInput', text: '2' });
    expect(list(s, 'resources').filter).toBe('42');
    expect(list(s, 'resources').matches).toEqual([42]);
    s = run(s, { type: 'filterBackspace' });
    expect(list(s, 'resources').matches).toEqual([4, 14, 24, 34, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
    s = run(s, { type: 'move', delta: 2 }, { type: 'filterEnd', keep: true });
    expect(s.state.filtering).toBeNull();
    expect(list(s, 'resources').filter).toBe('4');
    expect(selectedIndex(list(s, 'resources'))).toBe(24);
    s = run(s, { type: 'filterStart' }, { type: 'filterEnd', keep: false });
    expect(list(s, 'resources').filter).toBe('');
    expect(list(s, 'resources').matches).toHaveLength(50);
  });

  test('filtering is case-insensitive and can match nothing', () => {
    let s = run(withLists(), { type: 'filterStart' }, { type: 'filterInput', text: 'APPS' });
    expect(list(s, 'groups').matches).toEqual([1]);
    s = run(s, { type: 'filterInput', text: 'zzz' });
    expect(list(s, 'groups').matches).toEqual([]);
    expect(selectedIndex(list(s, 'groups'))).toBeUndefined();
  });
});

describe('namespace', () => {
  test('picker opens, picks, closes; an open object falls back to its list', () => {
    let s = run(
      withLists(),
      { type: 'openObjects', ref: PODS },
      { type: 'openObject', ref: PODS, namespace: 'default', name: 'web-0' },
    );
    s = run(s, { type: 'openPicker' });
    expect(activeOverlay(s.state) === 'picker').toBe(true);
    s = run(s, { type: 'setNamespace', namespace: 'kube-system' });
    expect(activeOverlay(s.state) === 'picker').toBe(false);
    expect(s.state.namespace).toBe('kube-system');
    expect(topView(s.state)?.kind).toBe('objects');
    s = run(s, { type: 'openPicker' }, { type: 'setNamespace', namespace: undefined });
    expect(s.state.namespace).toBeUndefined();
    s = run(s, { type: 'openPicker' }, { type: 'back' });
    expect(activeOverlay(s.state) === 'picker').toBe(false);
    expect(topView(s.state)?.kind).toBe('objects');
  });
});

test('format, help toggles', () => {
  let s = run(start(), { type: 'toggleFormat' }, { type: 'toggleHelp' });
  expect(s.state.detail.format).toBe('yaml');
  expect(helpOpen(s.state)).toBe(true);
  s = run(s, { type: 'back' });
  expect(helpOpen(s.state)).toBe(false);
});

test('cancel marks the waiting request; refresh or a new view clears it', () => {
  let s = run(start('default'), { type: 'cancel', target: 'discovery' });
  expect(s.state.discovery.cancelled).toBe(true);
  s = run(s, { type: 'refresh' });
  expect(s.state.discovery.cancelled).toBe(false);
  expect(s.state.discovery.refresh).toBe(1);
  s = run(s, { type: 'openObjects', ref: PODS }, { type: 'cancel', target: 'detail' });
  expect(s.state.detail.cancelled).toBe(true);
  expect(topView(s.state)?.kind).toBe('objects'); // still on the view
  s = run(s, { type: 'refresh' });
  expect(s.state.detail.cancelled).toBe(false);
  s = run(
    s,
    { type: 'cancel', target: 'detail' },
    { type: 'openObject', ref: PODS, namespace: 'default', name: 'web-0' },
  );
  expect(s.state.detail.cancelled).toBe(false);
  s = run(s, { type: 'cancel', target: 'detail' }, { type: 'back' });
  expect(s.state.detail.cancelled).toBe(false);
  expect(topView(s.state)?.kind).toBe('objects');
});

test('learning mode: log and explain overlays, field toggles, raw discovery, tour steps, selectKey', () => {
  let s = run(start('default'), { type: 'toggleLog' });
  expect(activeList(s.state)).toBe('log');
  s = run(s, { type: 'back' });
  expect(!!overlayOf(s.state, 'log')).toBe(false);
  s = run(
    s,
    { type: 'openExplain', target: { ref: PODS, kind: 'Pod' } },
    { type: 'toggleField', path: 'spec' },
    { type: 'toggleField', path: 'status', open: true },
  );
  expect(activeList(s.state)).toBe('explain');
  expect(overlayOf(s.state, 'explain')?.expanded).toEqual(['spec', 'status']);
  s = run(s, { type: 'toggleField', path: 'spec' });
  expect(overlayOf(s.state, 'explain')?.expanded).toEqual(['status']);
  s = run(s, { type: 'back' });
  expect(overlayOf(s.state, 'explain')).toBeUndefined();
  expect(s.state.overlays).toEqual([]);
  s = run(s, { type: 'toggleRawDiscovery' });
  expect(s.state.discovery.raw).toBe(true);
  s = run(s, { type: 'tourGo', step: 2 }, { type: 'toggleLog' }, { type: 'tourGo', step: 3 });
  expect(s.state.tourStep).toBe(3);
  expect(!!overlayOf(s.state, 'log')).toBe(false); // a tour step closes overlays
  // selectKey: exact or 'key ' prefix; with `keys`, the list is filled first.
  s = run(withLists(), { type: 'selectKey', list: 'groups', key: 'apps/v1' });
  expect(selectedIndex(list(s, 'groups'))).toBe(1);
  // The next render shows those rows: the cursor is on the key.
  s = run(
    s,
    {
      type: 'selectKey',
      list: 'resources',
      key: 'pods',
      keys: ['configmaps cm ConfigMap', 'pods po Pod', 'pods/log Pod'],
    },
    { type: 'rows', list: 'resources', keys: ['configmaps cm ConfigMap', 'pods po Pod', 'pods/log Pod'] },
  );
  expect(selectedIndex(list(s, 'resources'))).toBe(1);
  expect(list(run(s, { type: 'selectKey', list: 'resources', key: 'nope' }), 'resources').cursor).toBe(1);
});

describe('object cursor (issue 4: explain the field under it)', () => {
  const opened = () =>
    run(
      start('default'),
      { type: 'openObject', ref: PODS, namespace: 'default', name: 'web' },
      { type: 'text', lines: 100, height: 10 },
    );

  test('in an object view the cursor keys move a cursor line; the window follows it', () => {
    let s = opened();
    expect(textCursor(s.state)).toBe(true);
    s = run(s, { type: 'move', delta: 9 });
    expect([text(s).cursor, text(s).scroll]).toEqual([9, 0]);
    s = run(s, { type: 'move', delta: 1 });
    expect([text(s).cursor, text(s).scroll]).toEqual([10, 1]);
    s = run(s, { type: 'move', delta: -5 });
    expect([text(s).cursor, text(s).scroll]).toEqual([5, 1]);
    s = run(s, { type: 'page', direction: 1 }); // the page turns under the cursor
    expect([text(s).cursor, text(s).scroll]).toEqual([15, 11]);
    s = run(s, { type: 'page', direction: -1, half: true });
    expect([text(s).cursor, text(s).scroll]).toEqual([10, 6]);
    s = run(s, { type: 'moveTo', where: 'bottom' });
    expect([text(s).cursor, text(s).scroll]).toEqual([99, 90]);
    s = run(s, { type: 'page', direction: 1 });
    expect([text(s).cursor, text(s).scroll]).toEqual([99, 90]);
    s = run(s, { type: 'text', lines: 100, height: 20 }); // taller: still on screen
    expect([text(s).cursor, text(s).scroll]).toEqual([99, 80]);
    s = run(s, { type: 'moveTo', where: 'top' });
    expect([text(s).cursor, text(s).scroll]).toEqual([0, 0]);
    s = run(s, { type: 'move', delta: 30 }, { type: 'toggleFormat' });
    expect([text(s).cursor, text(s).scroll]).toEqual([0, 0]);
  });

  test('other text (discovery, raw paths) only scrolls', () => {
    let s = run(start(), { type: 'focus', pane: 'detail' }, { type: 'text', lines: 100, height: 10 });
    expect(textCursor(s.state)).toBe(false);
    s = run(s, { type: 'move', delta: 3 });
    expect([text(s).cursor, text(s).scroll]).toEqual([0, 3]);
  });

  test('e on a field: explain opens with the field pending; revealField opens the tree to it', () => {
    let s = run(opened(), {
      type: 'openExplain',
      target: { ref: PODS, kind: 'Pod' },
      field: ['spec', 'containers', 0, 'image'],
    });
    expect(overlayOf(s.state, 'explain')?.field).toEqual(['spec', 'containers', 0, 'image']);
    const rows = ['kind', 'spec', 'spec.containers', 'spec.containers.image', 'status'];
    s = run(
      s,
      { type: 'revealField', expanded: ['spec', 'spec.containers'], keys: rows, key: 'spec.containers.image' },
      { type: 'rows', list: 'explain', keys: rows },
    ); // the next render shows the opened tree
    expect(overlayOf(s.state, 'explain')?.field).toBeNull();
    expect(overlayOf(s.state, 'explain')?.expanded).toEqual(['spec', 'spec.containers']);
    expect(selectedIndex(list(s, 'explain'))).toBe(3);
  });

  test('fieldAtYamlLine gives the paths the yaml parser finds, and the same as fieldAtJsonLine for the same field', () => {
    const value = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'x',
        labels: { 'app.kubernetes.io/name': 'web', 'a: b': 'c' },
        annotations: { script: 'line1\n- foo: x\nline3', k: '' },
      },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx',
            args: ['a', 'b: c', '- d'],
            env: [{ name: 'A', value: 'multi\nline' }],
            ports: [],
          },
          { name: 'side', image: 'busy' },
        ],
        nested: [[1, 2], [{ a: 1 }]],
        empty: {},
        n: null,
      },
      status: { phase: 'Running' },
    };
    const lines = toYamlLines(value, printYaml);
    const text = lines.join('\n') + '\n';
    const doc = parseDocument(text, { keepSourceTokens: true });
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
    const expected = new Map<number, (string | number)[]>();
    const walk = (node: Node | null | undefined, path: (string | number)[]) => {
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = pair.key as Node & { value: string };
          const at = [...path, key.value];
          const keyLine = lineOf(key.range![0]);
          expected.set(keyLine, at);
          const v = pair.value as Node | null;
          if (isScalar(v) && v.range) for (let l = keyLine + 1; l <= lineOf(v.range[1] - 1); l++) expected.set(l, at); // block scalar lines
          walk(v, at);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => {
          const n = item as Node;
          if (!expected.has(lineOf(n.range![0])) || isScalar(n)) expected.set(lineOf(n.range![0]), [...path, i]);
          walk(n, [...path, i]);
        });
      }
    };
    walk(doc.contents as Node, []);
    lines.forEach((_, i) => expect([i, fieldAtYamlLine(lines, i)]).toEqual([i, expected.get(i)]));
    const json = toJsonLines(value);
    const imageJson = json.findIndex((l) => l.includes('"image": "nginx"'));
    const imageYaml = lines.findIndex((l) => l.includes('image: nginx'));
    expect(fieldAtYamlLine(lines, imageYaml)).toEqual(fieldAtJsonLine(json.join('\n'), imageJson));
    expect(fieldAtYamlLine(lines, lines.length)).toBeUndefined();
  });
});

describe('request log body (L)', () => {
  const logOpen = () =>
    run(
      start(),
      { type: 'rows', list: 'log', keys: keys(5, '#') },
      { type: 'toggleLog' },
      { type: 'logBody', lines: 50, height: 10 },
    );

  test('Tab gives the cursor keys to the body: they scroll it, clamped; another entry starts at the top', () => {
    let s = run(logOpen(), { type: 'move', delta: 1 });
    expect([selectedIndex(list(s, 'log')), logScroll(s)]).toEqual([1, 0]);
    s = run(s, { type: 'logFocus', part: 'body' }, { type: 'move', delta: 3 });
    expect([selectedIndex(list(s, 'log')), logScroll(s)]).toEqual([1, 3]);
    s = run(s, { type: 'page', direction: 1 });
    expect(logScroll(s)).toBe(13);
    s = run(s, { type: 'moveTo', where: 'bottom' });
    expect(logScroll(s)).toBe(40);
    s = run(s, { type: 'logBody', lines: 20, height: 10 });
    expect(logScroll(s)).toBe(10);
    s = run(s, { type: 'logFocus', part: 'list' }, { type: 'move', delta: 1 });
    expect([selectedIndex(list(s, 'log')), logScroll(s)]).toEqual([2, 0]);
    s = run(s, { type: 'logFocus', part: 'body' }, { type: 'move', delta: 2 }, { type: 'filterStart' });
    expect(overlayOf(s.state, 'log')?.focus).toBe('list');
    expect(overlayOf(run(s, { type: 'toggleLog' }, { type: 'toggleLog' }).state, 'log')?.focus).toBe('list');
  });

  test('a list page is kept as JSON: a Table, Secrets in its rows masked (last-applied too)', () => {
    const applied = JSON.stringify({ kind: 'Secret', data: { password: 'aHVudGVyMg==' } });
    const value = listPageValue(
      {
        format: 'table',
        columns: [],
        bytes: 1,
        items: [],
        resourceVersion: '7',
        continueToken: 'c1',
        requestId: 1,
        rows: [
          {
            cells: ['db', 'Opaque', 1],
            object: {
              kind: 'PartialObjectMetadata',
              metadata: { name: 'db', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': applied } },
            },
          },
        ],
      },
      { group: '', version: 'v1', resource: 'secrets', namespaced: true },
    );
    const text = JSON.stringify(value);
    expect(value).toMatchObject({
      kind: 'Table',
      metadata: { resourceVersion: '7', continue: 'c1' },
      rows: [{ object: { kind: 'PartialObjectMetadata' } }],
    });
    expect(text).not.toContain('aHVudGVyMg==');
    const items = JSON.stringify(
      listPageValue(
        {
          format: 'objects',
          columns: [],
          rows: [],
          bytes: 1,
          requestId: 1,
          items: [{ metadata: { name: 'db' }, data: { password: 'aHVudGVyMg==' } }],
        },
        { group: '', version: 'v1', resource: 'secrets', namespaced: true },
      ),
    );
    expect(items).toContain('"password":"••••••"');
  });
});

describe('object table: sort and label selector', () => {
  test('sortTable steps the column or reverses it; a label selector replaces the view and keeps its sort', () => {
    let s = run(start('default'), { type: 'openObjects', ref: PODS }, { type: 'rows', list: 'objects', keys: keys(5) });
    s = run(
      s,
      { type: 'sortTable', reverse: false },
      { type: 'sortTable', reverse: false },
      { type: 'sortTable', reverse: true },
    );
    expect(topView(s.state)).toEqual({ kind: 'objects', ref: PODS, sort: { column: 2, desc: true } });
    s = run(s, { type: 'move', delta: 3 }, { type: 'selectorEdit', text: 'app=web' });
    expect(s.state.selector).toBe('app=web');
    s = run(s, { type: 'setLabelSelector', selector: 'app=web' });
    expect(s.state.selector).toBeNull();
    expect(topView(s.state)).toEqual({
      kind: 'objects',
      ref: PODS,
      sort: { column: 2, desc: true },
      labelSelector: 'app=web',
    });
    expect(list(s, 'objects').cursor).toBe(0); // another listing starts at the top
    s = run(s, { type: 'setLabelSelector', selector: undefined });
    expect(topView(s.state)).toEqual({ kind: 'objects', ref: PODS, sort: { column: 2, desc: true } });
  });
});
