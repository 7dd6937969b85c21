import { describe, expect, test } from 'vitest';
import { parseDocument, isMap, isScalar, isSeq, stringify, type Node } from 'yaml';
import { type NavAction, type NavState, activeList, initialNavState, navReducer, textCursor, topView } from '../src/model/navigation.js';
import { YAML_OPTIONS, fieldAtYamlLine, toJsonLines, toYamlLines } from '../src/model/highlight.js';

const printYaml = (v: unknown) => stringify(v, YAML_OPTIONS);
import { fieldAtJsonLine } from '../src/model/explain.js';
import { listPageValue } from '../src/session/request-log.js';
import { selectedIndex, visibleRange } from '../src/model/list.js';
import type { ResourceRef } from '../src/model/types.js';

const PODS: ResourceRef = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const run = (s: NavState, ...actions: NavAction[]) => actions.reduce(navReducer, s);
const keys = (n: number, prefix = 'item') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

function withLists(): NavState {
  return run(initialNavState('default'),
    { type: 'setItems', list: 'groups', keys: ['core/v1', 'apps/v1', '/healthz'] },
    { type: 'setItems', list: 'resources', keys: keys(50, 'res') },
    { type: 'setViewport', list: 'resources', height: 10 },
  );
}

describe('focus', () => {
  test('starts on groups; Tab wraps, arrows clamp', () => {
    let s = initialNavState();
    expect(s.focus).toBe('groups');
    s = run(s, { type: 'focusStep', delta: 1, wrap: true });
    expect(s.focus).toBe('resources');
    s = run(s, { type: 'focusStep', delta: 1, wrap: true }, { type: 'focusStep', delta: 1, wrap: true });
    expect(s.focus).toBe('groups');
    s = run(s, { type: 'focusStep', delta: -1, wrap: true });
    expect(s.focus).toBe('detail');
    s = run(s, { type: 'focusStep', delta: 1, wrap: false });
    expect(s.focus).toBe('detail');
    s = run(initialNavState(), { type: 'focusStep', delta: -1, wrap: false });
    expect(s.focus).toBe('groups');
  });

  test('the active list follows focus and the detail view', () => {
    let s = withLists();
    expect(activeList(s)).toBe('groups');
    s = run(s, { type: 'focus', pane: 'detail' });
    expect(activeList(s)).toBeNull(); // scrolls text
    s = run(s, { type: 'openObjects', ref: PODS });
    expect(activeList(s)).toBe('objects');
    s = run(s, { type: 'openPicker' });
    expect(activeList(s)).toBe('picker');
  });
});

describe('cursor and window', () => {
  test('moving keeps the cursor inside the visible window', () => {
    let s = run(withLists(), { type: 'focus', pane: 'resources' });
    expect(visibleRange(s.lists.resources)).toEqual({ visibleFrom: 0, visibleTo: 10 });
    s = run(s, ...Array.from({ length: 12 }, () => ({ type: 'move', delta: 1 }) as NavAction));
    expect(s.lists.resources.cursor).toBe(12);
    expect(visibleRange(s.lists.resources)).toEqual({ visibleFrom: 3, visibleTo: 13 });
    s = run(s, { type: 'moveTo', where: 'bottom' });
    expect(s.lists.resources.cursor).toBe(49);
    expect(visibleRange(s.lists.resources)).toEqual({ visibleFrom: 40, visibleTo: 50 });
    s = run(s, { type: 'move', delta: 5 });
    expect(s.lists.resources.cursor).toBe(49); // clamped
    s = run(s, { type: 'page', direction: -1 });
    expect(s.lists.resources.cursor).toBe(39);
    s = run(s, { type: 'page', direction: -1, half: true });
    expect(s.lists.resources.cursor).toBe(34);
    expect(s.lists.resources.from).toBe(34);
    s = run(s, { type: 'moveTo', where: 'top' }, { type: 'move', delta: -1 });
    expect(s.lists.resources.cursor).toBe(0);
    expect(s.lists.resources.from).toBe(0);
  });

  test('a smaller viewport re-clamps the window', () => {
    let s = run(withLists(), { type: 'focus', pane: 'resources' }, { type: 'move', delta: 9 });
    s = run(s, { type: 'setViewport', list: 'resources', height: 4 });
    const { visibleFrom, visibleTo } = visibleRange(s.lists.resources);
    expect(s.lists.resources.cursor).toBeGreaterThanOrEqual(visibleFrom);
    expect(s.lists.resources.cursor).toBeLessThan(visibleTo);
    expect(visibleTo - visibleFrom).toBe(4);
  });

  test('new items keep the cursor on the same key, or reset when it is gone', () => {
    let s = run(withLists(), { type: 'focus', pane: 'resources' }, { type: 'move', delta: 3 });
    s = run(s, { type: 'setItems', list: 'resources', keys: ['x', ...keys(50, 'res')] });
    expect(selectedIndex(s.lists.resources)).toBe(4);
    s = run(s, { type: 'setItems', list: 'resources', keys: ['a', 'b'] });
    expect(s.lists.resources.cursor).toBe(0);
  });

  test('text scrolling is clamped to the content', () => {
    let s = run(initialNavState(), { type: 'focus', pane: 'detail' }, { type: 'setScrollSize', lines: 100, height: 20 });
    s = run(s, { type: 'page', direction: 1 });
    expect(s.scroll).toBe(20);
    s = run(s, { type: 'moveTo', where: 'bottom' });
    expect(s.scroll).toBe(80);
    s = run(s, { type: 'move', delta: 3 });
    expect(s.scroll).toBe(80);
    s = run(s, { type: 'page', direction: -1, half: true });
    expect(s.scroll).toBe(70);
    s = run(s, { type: 'setScrollSize', lines: 30, height: 20 });
    expect(s.scroll).toBe(10);
  });
});

describe('detail stack', () => {
  test('resource → objects → object → back → back', () => {
    let s = run(withLists(), { type: 'openGroup' });
    expect(s.focus).toBe('resources');
    s = run(s, { type: 'openObjects', ref: PODS });
    expect(s.focus).toBe('detail');
    expect(topView(s)).toEqual({ kind: 'objects', ref: PODS });
    s = run(s, { type: 'setItems', list: 'objects', keys: ['default/web-0', 'default/web-1'] }, { type: 'move', delta: 1 });
    s = run(s, { type: 'openObject', ref: PODS, namespace: 'default', name: 'web-1' });
    expect(topView(s)).toEqual({ kind: 'object', ref: PODS, namespace: 'default', name: 'web-1' });
    expect(s.stack).toHaveLength(2);
    s = run(s, { type: 'toggleReveal' }, { type: 'back' });
    expect(topView(s)?.kind).toBe('objects');
    expect(s.reveal).toBe(false);
    expect(s.lists.objects.cursor).toBe(1); // the row we came from
    s = run(s, { type: 'back' });
    expect(s.stack).toHaveLength(0);
    expect(s.focus).toBe('resources');
    s = run(s, { type: 'back' });
    expect(s.focus).toBe('groups');
  });

  test('a non-resource path returns to the groups pane', () => {
    let s = run(withLists(), { type: 'openPath', path: '/healthz' });
    expect(topView(s)).toEqual({ kind: 'path', path: '/healthz' });
    s = run(s, { type: 'back' });
    expect(s.focus).toBe('groups');
  });

  test('refresh targets discovery or the open view', () => {
    let s = run(initialNavState(), { type: 'refresh' });
    expect([s.refreshDiscovery, s.refreshDetail]).toEqual([1, 0]);
    s = run(s, { type: 'openPath', path: '/version' }, { type: 'refresh' });
    expect([s.refreshDiscovery, s.refreshDetail]).toEqual([1, 1]);
  });
});

describe('filter', () => {
  test('typing narrows the focused list; Enter keeps, Esc clears', () => {
    let s = run(withLists(), { type: 'focus', pane: 'resources' }, { type: 'filterStart' });
    expect(s.filtering).toBe('resources');
    s = run(s, { type: 'filterInput', text: '4' }, { type: 'filterInput', text: '2' });
    expect(s.lists.resources.filter).toBe('42');
    expect(s.lists.resources.matches).toEqual([42]);
    s = run(s, { type: 'filterBackspace' });
    expect(s.lists.resources.matches).toEqual([4, 14, 24, 34, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
    s = run(s, { type: 'move', delta: 2 }, { type: 'filterEnd', keep: true });
    expect(s.filtering).toBeNull();
    expect(s.lists.resources.filter).toBe('4');
    expect(selectedIndex(s.lists.resources)).toBe(24);
    s = run(s, { type: 'filterStart' }, { type: 'filterEnd', keep: false });
    expect(s.lists.resources.filter).toBe('');
    expect(s.lists.resources.matches).toHaveLength(50);
  });

  test('filtering is case-insensitive and can match nothing', () => {
    let s = run(withLists(), { type: 'filterStart' }, { type: 'filterInput', text: 'APPS' });
    expect(s.lists.groups.matches).toEqual([1]);
    s = run(s, { type: 'filterInput', text: 'zzz' });
    expect(s.lists.groups.matches).toEqual([]);
    expect(selectedIndex(s.lists.groups)).toBeUndefined();
  });
});

describe('namespace', () => {
  test('picker opens, picks, closes; an open object falls back to its list', () => {
    let s = run(withLists(), { type: 'openObjects', ref: PODS }, { type: 'openObject', ref: PODS, namespace: 'default', name: 'web-0' });
    s = run(s, { type: 'openPicker' });
    expect(s.pickerOpen).toBe(true);
    s = run(s, { type: 'setNamespace', namespace: 'kube-system' });
    expect(s.pickerOpen).toBe(false);
    expect(s.namespace).toBe('kube-system');
    expect(topView(s)?.kind).toBe('objects');
    s = run(s, { type: 'openPicker' }, { type: 'setNamespace', namespace: undefined });
    expect(s.namespace).toBeUndefined();
    s = run(s, { type: 'openPicker' }, { type: 'back' });
    expect(s.pickerOpen).toBe(false);
    expect(topView(s)?.kind).toBe('objects');
  });
});

test('format, help toggles', () => {
  let s = run(initialNavState(), { type: 'toggleFormat' }, { type: 'toggleHelp' });
  expect(s.format).toBe('yaml');
  expect(s.helpOpen).toBe(true);
  s = run(s, { type: 'back' });
  expect(s.helpOpen).toBe(false);
});

test('cancel marks the waiting request; refresh or a new view clears it', () => {
  let s = run(initialNavState('default'), { type: 'cancel', target: 'discovery' });
  expect(s.discoveryCancelled).toBe(true);
  s = run(s, { type: 'refresh' });
  expect(s.discoveryCancelled).toBe(false);
  expect(s.refreshDiscovery).toBe(1);
  s = run(s, { type: 'openObjects', ref: PODS }, { type: 'cancel', target: 'detail' });
  expect(s.detailCancelled).toBe(true);
  expect(topView(s)?.kind).toBe('objects'); // still on the view
  s = run(s, { type: 'refresh' });
  expect(s.detailCancelled).toBe(false);
  s = run(s, { type: 'cancel', target: 'detail' }, { type: 'openObject', ref: PODS, namespace: 'default', name: 'web-0' });
  expect(s.detailCancelled).toBe(false);
  s = run(s, { type: 'cancel', target: 'detail' }, { type: 'back' });
  expect(s.detailCancelled).toBe(false);
  expect(topView(s)?.kind).toBe('objects');
});

test('learning mode: log and explain overlays, field toggles, raw discovery, tour steps, selectKey', () => {
  let s = run(initialNavState('default'), { type: 'toggleLog' });
  expect(activeList(s)).toBe('log');
  s = run(s, { type: 'back' });
  expect(s.logOpen).toBe(false);
  s = run(s, { type: 'openExplain', target: { ref: PODS, kind: 'Pod' } }, { type: 'toggleField', path: 'spec' }, { type: 'toggleField', path: 'status', open: true });
  expect(activeList(s)).toBe('explain');
  expect(s.explainExpanded).toEqual(['spec', 'status']);
  s = run(s, { type: 'toggleField', path: 'spec' });
  expect(s.explainExpanded).toEqual(['status']);
  s = run(s, { type: 'back' });
  expect(s.explain).toBeNull();
  s = run(s, { type: 'toggleRawDiscovery' });
  expect(s.rawDiscovery).toBe(true);
  s = run(s, { type: 'tourGo', step: 2 }, { type: 'toggleLog' }, { type: 'tourGo', step: 3 });
  expect(s.tourStep).toBe(3);
  expect(s.logOpen).toBe(false); // a tour step closes overlays
  // selectKey: exact or 'key ' prefix; with `keys`, the list is filled first.
  s = run(withLists(), { type: 'selectKey', list: 'groups', key: 'apps/v1' });
  expect(selectedIndex(s.lists.groups)).toBe(1);
  s = run(s, { type: 'selectKey', list: 'resources', key: 'pods', keys: ['configmaps cm ConfigMap', 'pods po Pod', 'pods/log Pod'] });
  expect(selectedIndex(s.lists.resources)).toBe(1);
  expect(run(s, { type: 'selectKey', list: 'resources', key: 'nope' }).lists.resources.cursor).toBe(1);
});

describe('object cursor (issue 4: explain the field under it)', () => {
  const opened = () => run(initialNavState('default'), { type: 'openObject', ref: PODS, namespace: 'default', name: 'web' },
    { type: 'setScrollSize', lines: 100, height: 10 });

  test('in an object view the cursor keys move a cursor line; the window follows it', () => {
    let s = opened();
    expect(textCursor(s)).toBe(true);
    s = run(s, { type: 'move', delta: 9 });
    expect([s.cursor, s.scroll]).toEqual([9, 0]);
    s = run(s, { type: 'move', delta: 1 });
    expect([s.cursor, s.scroll]).toEqual([10, 1]);
    s = run(s, { type: 'move', delta: -5 });
    expect([s.cursor, s.scroll]).toEqual([5, 1]);
    s = run(s, { type: 'page', direction: 1 }); // the page turns under the cursor
    expect([s.cursor, s.scroll]).toEqual([15, 11]);
    s = run(s, { type: 'page', direction: -1, half: true });
    expect([s.cursor, s.scroll]).toEqual([10, 6]);
    s = run(s, { type: 'moveTo', where: 'bottom' });
    expect([s.cursor, s.scroll]).toEqual([99, 90]);
    s = run(s, { type: 'page', direction: 1 });
    expect([s.cursor, s.scroll]).toEqual([99, 90]);
    s = run(s, { type: 'setScrollSize', lines: 100, height: 20 }); // taller: still on screen
    expect([s.cursor, s.scroll]).toEqual([99, 80]);
    s = run(s, { type: 'moveTo', where: 'top' });
    expect([s.cursor, s.scroll]).toEqual([0, 0]);
    s = run(s, { type: 'move', delta: 30 }, { type: 'toggleFormat' });
    expect([s.cursor, s.scroll]).toEqual([0, 0]);
  });

  test('other text (discovery, raw paths) only scrolls', () => {
    let s = run(initialNavState(), { type: 'focus', pane: 'detail' }, { type: 'setScrollSize', lines: 100, height: 10 });
    expect(textCursor(s)).toBe(false);
    s = run(s, { type: 'move', delta: 3 });
    expect([s.cursor, s.scroll]).toEqual([0, 3]);
  });

  test('e on a field: explain opens with the field pending; revealField opens the tree to it', () => {
    let s = run(opened(), { type: 'openExplain', target: { ref: PODS, kind: 'Pod' }, field: ['spec', 'containers', 0, 'image'] });
    expect(s.explainField).toEqual(['spec', 'containers', 0, 'image']);
    s = run(s, { type: 'revealField', expanded: ['spec', 'spec.containers'], keys: ['kind', 'spec', 'spec.containers', 'spec.containers.image', 'status'], key: 'spec.containers.image' });
    expect(s.explainField).toBeNull();
    expect(s.explainExpanded).toEqual(['spec', 'spec.containers']);
    expect(selectedIndex(s.lists.explain)).toBe(3);
  });

  test('fieldAtYamlLine gives the paths the yaml parser finds, and the same as fieldAtJsonLine for the same field', () => {
    const value = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'x', labels: { 'app.kubernetes.io/name': 'web', 'a: b': 'c' }, annotations: { script: 'line1\n- foo: x\nline3', k: '' } },
      spec: { containers: [{ name: 'web', image: 'nginx', args: ['a', 'b: c', '- d'], env: [{ name: 'A', value: 'multi\nline' }], ports: [] }, { name: 'side', image: 'busy' }],
        nested: [[1, 2], [{ a: 1 }]], empty: {}, n: null },
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
  const logOpen = () => run(initialNavState(), { type: 'setItems', list: 'log', keys: keys(5, '#') }, { type: 'toggleLog' },
    { type: 'setLogBodySize', lines: 50, height: 10 });

  test('Tab gives the cursor keys to the body: they scroll it, clamped; another entry starts at the top', () => {
    let s = run(logOpen(), { type: 'move', delta: 1 });
    expect([selectedIndex(s.lists.log), s.logScroll]).toEqual([1, 0]);
    s = run(s, { type: 'logFocus', part: 'body' }, { type: 'move', delta: 3 });
    expect([selectedIndex(s.lists.log), s.logScroll]).toEqual([1, 3]);
    s = run(s, { type: 'page', direction: 1 });
    expect(s.logScroll).toBe(13);
    s = run(s, { type: 'moveTo', where: 'bottom' });
    expect(s.logScroll).toBe(40);
    s = run(s, { type: 'setLogBodySize', lines: 20, height: 10 });
    expect(s.logScroll).toBe(10);
    s = run(s, { type: 'logFocus', part: 'list' }, { type: 'move', delta: 1 });
    expect([selectedIndex(s.lists.log), s.logScroll]).toEqual([2, 0]);
    s = run(s, { type: 'logFocus', part: 'body' }, { type: 'move', delta: 2 }, { type: 'filterStart' });
    expect(s.logFocus).toBe('list');
    expect(run(s, { type: 'toggleLog' }, { type: 'toggleLog' }).logFocus).toBe('list');
  });

  test('a list page is kept as JSON: a Table, Secrets in its rows masked (last-applied too)', () => {
    const applied = JSON.stringify({ kind: 'Secret', data: { password: 'aHVudGVyMg==' } });
    const value = listPageValue({
      format: 'table', columns: [], bytes: 1, items: [], resourceVersion: '7', continueToken: 'c1', requestId: 1,
      rows: [{ cells: ['db', 'Opaque', 1], object: { kind: 'PartialObjectMetadata', metadata: { name: 'db', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': applied } } } }],
    }, { group: '', version: 'v1', resource: 'secrets', namespaced: true });
    const text = JSON.stringify(value);
    expect(value).toMatchObject({ kind: 'Table', metadata: { resourceVersion: '7', continue: 'c1' }, rows: [{ object: { kind: 'PartialObjectMetadata' } }] });
    expect(text).not.toContain('aHVudGVyMg==');
    const items = JSON.stringify(listPageValue({ format: 'objects', columns: [], rows: [], bytes: 1, requestId: 1, items: [{ metadata: { name: 'db' }, data: { password: 'aHVudGVyMg==' } }] },
      { group: '', version: 'v1', resource: 'secrets', namespaced: true }));
    expect(items).toContain('"password":"••••••"');
  });
});
