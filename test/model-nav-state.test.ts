// The navigation state's slices read against a frame: cursors placed on the rows a render shows
// (nothing copied into the state during render), the overlay stack, and the store that applies each
// action once, to the frame last shown.
import { describe, expect, test, vi } from 'vitest';
import { activeList, activeOverlay, helpOpen, initialNavState, overlayOf } from '../src/model/nav-state.js';
import { createNavStore } from '../src/model/nav-store.js';
import * as navigation from '../src/model/navigation.js';
import { keyToAction } from '../src/ui/commands.js';
import { list, run, start, text, keyContext } from './helpers/nav.js';

const rows = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const PODS = { group: '', version: 'v1', resource: 'pods', namespaced: true };

describe('a cursor on the rows of the frame', () => {
  test('rows arriving above the cursor: it stays on its row', () => {
    let s = run(start(), { type: 'rows', list: 'groups', keys: rows(5, 'g') }, { type: 'move', delta: 2 });
    expect(list(s, 'groups').cursor).toBe(2);
    s = run(s, { type: 'rows', list: 'groups', keys: ['new-a', 'new-b', ...rows(5, 'g')] });
    expect(list(s, 'groups').cursor).toBe(4);
    expect(list(s, 'groups').keys[list(s, 'groups').matches[4]]).toBe('g-2');
  });

  test('a cursor at the top stays at the top when rows arrive above it', () => {
    let s = run(start(), { type: 'rows', list: 'groups', keys: rows(5, 'g') });
    s = run(s, { type: 'rows', list: 'groups', keys: ['new-a', ...rows(5, 'g')] });
    expect(list(s, 'groups').cursor).toBe(0);
  });

  test('its row gone: the top; a smaller pane: the window follows the cursor', () => {
    let s = run(
      start(),
      { type: 'rows', list: 'groups', keys: rows(30, 'g') },
      { type: 'height', list: 'groups', height: 10 },
      { type: 'move', delta: 20 },
    );
    expect(list(s, 'groups')).toMatchObject({ cursor: 20, from: 11 });
    s = run(s, { type: 'height', list: 'groups', height: 4 });
    expect(list(s, 'groups')).toMatchObject({ cursor: 20, from: 17, height: 4 });
    s = run(s, { type: 'rows', list: 'groups', keys: rows(3, 'other') });
    expect(list(s, 'groups')).toMatchObject({ cursor: 0, from: 0 });
  });

  test('the state holds no rows: the same state shows on any frame', () => {
    const s = run(start(), { type: 'rows', list: 'groups', keys: rows(5, 'g') }, { type: 'move', delta: 3 });
    expect(s.state.lists.groups).toEqual({ filter: '', cursor: 3, from: 0, anchor: 'g-3' });
    expect(JSON.stringify(s.state)).not.toContain('g-0');
  });

  test('a text that shrinks under the cursor line: clamped when read, the stored place kept', () => {
    let s = run(
      start(),
      { type: 'openObject', ref: PODS, namespace: 'default', name: 'web' },
      { type: 'text', lines: 100, height: 10 },
      { type: 'moveTo', where: 'bottom' },
    );
    expect(text(s)).toMatchObject({ cursor: 99, scroll: 90 });
    s = run(s, { type: 'text', lines: 40, height: 10 });
    expect(text(s)).toMatchObject({ cursor: 39, scroll: 30 });
  });
});

describe('overlays: one stack, the last on top', () => {
  test('help over the request log: Esc closes help, then the log', () => {
    let s = run(start(), { type: 'toggleLog' }, { type: 'toggleHelp' });
    expect(s.state.overlays.map((o) => o.kind)).toEqual(['log', 'help']);
    expect(helpOpen(s.state)).toBe(true);
    expect(activeList(s.state)).toBe('log');
    s = run(s, { type: 'back' });
    expect(s.state.overlays.map((o) => o.kind)).toEqual(['log']);
    s = run(s, { type: 'back' });
    expect(s.state.overlays).toEqual([]);
  });

  test('the picker over the schema explorer owns the keys: Enter picks a namespace, not a field', () => {
    const s = run(
      start(),
      { type: 'openExplain', target: { ref: PODS, kind: 'Pod' } },
      { type: 'openPicker' },
      { type: 'rows', list: 'picker', keys: ['(all namespaces)', 'default', 'team-a'] },
      { type: 'move', delta: 2 },
    );
    expect(activeOverlay(s.state)).toBe('picker');
    const ctx = keyContext(s, {
      pickerItems: ['(all namespaces)', 'default', 'team-a'],
      explainRows: [{ path: 'spec', expandable: true }],
    });
    expect(keyToAction('', { return: true }, ctx)).toEqual({ type: 'setNamespace', namespace: 'team-a' });
    const picked = run(s, { type: 'setNamespace', namespace: 'team-a' });
    expect(picked.state.overlays.map((o) => o.kind)).toEqual(['explain']);
  });

  test('L and the tour close every overlay; e replaces them with the explorer', () => {
    const open = run(start(), { type: 'openExplain', target: { ref: PODS, kind: 'Pod' } }, { type: 'openPicker' });
    expect(run(open, { type: 'toggleLog' }).state.overlays.map((o) => o.kind)).toEqual(['log']);
    expect(run(open, { type: 'tourGo', step: 1 }).state.overlays).toEqual([]);
    const log = run(start(), { type: 'toggleLog' }, { type: 'toggleHelp' });
    expect(
      run(log, { type: 'openExplain', target: { ref: PODS, kind: 'Pod' } }).state.overlays.map((o) => o.kind),
    ).toEqual(['explain']);
    expect(overlayOf(run(log, { type: 'toggleLog' }).state, 'log')).toBeUndefined();
  });
});

describe('the store', () => {
  test('runs the reducer once per action, against the frame it was last given', () => {
    const spy = vi.spyOn(navigation, 'navReducer');
    const store = createNavStore(initialNavState('default'));
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.getState().lists.groups.cursor));
    store.setFrame(run(start(), { type: 'rows', list: 'groups', keys: rows(3, 'g') }).frame);
    store.dispatch({ type: 'move', delta: 1 });
    store.dispatch({ type: 'move', delta: 5 });
    expect(seen).toEqual([1, 2]);
    expect(spy).toHaveBeenCalledTimes(2);
    // Nothing changed, nobody told: the cursor is already at the bottom.
    store.dispatch({ type: 'move', delta: 1 });
    expect(seen).toEqual([1, 2]);
    spy.mockRestore();
  });
});

describe('filters that behave (issue 12)', () => {
  const resources = ['configmaps cm', 'pods po', 'secrets'];
  const filtered = () =>
    run(
      start(),
      { type: 'rows', list: 'groups', keys: ['core/v1 *', 'apps/v1 *'] },
      { type: 'rows', list: 'resources', keys: resources },
      { type: 'focus', pane: 'resources' },
      { type: 'filterStart' },
      { type: 'filterInput', text: 'po' },
      { type: 'filterEnd', keep: true },
    );

  test('/ starts from nothing, remembering the old filter; Enter on nothing keeps it, on text replaces it', () => {
    let s = run(filtered(), { type: 'filterStart' });
    expect(list(s, 'resources')).toMatchObject({ filter: '', before: 'po', matches: [0, 1, 2] });
    expect(run(s, { type: 'filterEnd', keep: true }).state.lists.resources).toMatchObject({ filter: 'po' });
    s = run(s, { type: 'filterInput', text: 'sec' }, { type: 'filterEnd', keep: true });
    expect(list(s, 'resources')).toMatchObject({ filter: 'sec', matches: [2] });
    expect(list(s, 'resources').before).toBeUndefined();
  });

  test('Esc clears a filter before it goes back; with no filter it goes back', () => {
    let s = run(filtered(), { type: 'back' });
    expect([s.state.focus, list(s, 'resources').filter]).toEqual(['resources', '']);
    s = run(s, { type: 'back' });
    expect(s.state.focus).toBe('groups');
  });

  test('another group selected: the resources filter is dropped', () => {
    let s = run(filtered(), { type: 'focus', pane: 'groups' });
    expect(list(s, 'resources').filter).toBe('po');
    s = run(s, { type: 'move', delta: 1 });
    expect(list(s, 'resources').filter).toBe('');
  });
});

describe('the detail follows the cursor (issue 12)', () => {
  const SECRETS = { group: '', version: 'v1', resource: 'secrets', namespaced: true };
  test('a revealed Secret is closed (and masked) when another resource is selected', () => {
    let s = run(
      start('team-a'),
      { type: 'rows', list: 'resources', keys: ['configmaps cm', 'secrets'] },
      { type: 'focus', pane: 'resources' },
      { type: 'move', delta: 1 },
      { type: 'openObjects', ref: SECRETS },
      { type: 'openObject', ref: SECRETS, namespace: 'team-a', name: 'db' },
      { type: 'toggleReveal' },
      { type: 'focus', pane: 'resources' },
    );
    expect([s.state.detail.stack.length, s.state.detail.reveal]).toEqual([2, true]);
    s = run(s, { type: 'move', delta: -1 });
    expect([s.state.detail.stack, s.state.detail.reveal]).toEqual([[], false]);
  });

  test('moving where the selection stays (the top of the list) keeps the open view', () => {
    const s = run(
      start('team-a'),
      { type: 'rows', list: 'resources', keys: ['configmaps cm', 'secrets'] },
      { type: 'focus', pane: 'resources' },
      { type: 'openObjects', ref: SECRETS },
      { type: 'focus', pane: 'resources' },
      { type: 'move', delta: -1 },
    );
    expect(s.state.detail.stack).toHaveLength(1);
  });
});

describe('search in a text (/, n, N)', () => {
  const PODS2 = { group: '', version: 'v1', resource: 'pods', namespaced: true };
  const obj = () =>
    run(
      start(),
      { type: 'openObject', ref: PODS2, namespace: 'default', name: 'web' },
      { type: 'text', lines: 100, height: 10 },
    );
  const typed = (q: string) =>
    run(obj(), { type: 'searchStart' }, ...[...q].map((ch) => ({ type: 'searchInput', text: ch }) as const));

  test('Enter goes to the first matching line from the cursor on; n and N go round the matches', () => {
    let s = run(typed('image'), { type: 'text', lines: 100, height: 10, matches: [12, 40, 77] });
    expect(s.state.detail.text.search).toEqual({ query: 'image', typing: true });
    s = run(s, { type: 'searchEnd', keep: true });
    expect(text(s)).toMatchObject({ cursor: 12, search: { query: 'image', typing: false } });
    s = run(s, { type: 'searchNext', direction: 1 }, { type: 'searchNext', direction: 1 });
    expect(text(s).cursor).toBe(77);
    s = run(s, { type: 'searchNext', direction: 1 });
    expect(text(s).cursor).toBe(12); // round the end
    s = run(s, { type: 'searchNext', direction: -1 });
    expect(text(s).cursor).toBe(77);
  });

  test('Esc while typing drops it; Esc after clears it before going back; a new view starts without', () => {
    expect(run(typed('x'), { type: 'searchEnd', keep: false }).state.detail.text.search).toBeUndefined();
    let s = run(
      typed('image'),
      { type: 'text', lines: 100, height: 10, matches: [12] },
      { type: 'searchEnd', keep: true },
    );
    s = run(s, { type: 'back' });
    expect([s.state.detail.text.search, s.state.detail.stack.length]).toEqual([undefined, 1]);
    s = run(typed('image'), { type: 'searchEnd', keep: true }, { type: 'openLogs', namespace: 'default', name: 'web' });
    expect(s.state.detail.text.search).toBeUndefined();
  });

  test('n is the next match only where a search is on; N needs one too', () => {
    const s = run(
      typed('image'),
      { type: 'text', lines: 100, height: 10, matches: [12] },
      { type: 'searchEnd', keep: true },
    );
    expect(keyToAction('n', {}, keyContext(s))).toEqual({ type: 'searchNext', direction: 1 });
    expect(keyToAction('N', {}, keyContext(s))).toEqual({ type: 'searchNext', direction: -1 });
    expect(keyToAction('n', {}, keyContext(obj()))).toEqual({ type: 'openPicker' });
    expect(keyToAction('N', {}, keyContext(obj()))).toBeNull();
    expect(keyToAction('/', {}, keyContext(obj()))).toEqual({ type: 'searchStart' });
  });
});
