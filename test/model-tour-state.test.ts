// The tour's state: its page scrolls within the frame's room, a step starts at its top, and leaving
// the tour (Esc or past the last step) gives back the namespace and view it found.
import { describe, expect, test } from 'vitest';
import { initialNavState, topView } from '../src/model/nav-state.js';
import { resolveTourScroll, tourSnapshot } from '../src/model/tour-state.js';
import { keyToAction } from '../src/ui/commands.js';
import { type Screen, keyContext, list, run, start } from './helpers/nav.js';

const PODS = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const keys = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const page = (sc: Screen, lines: number, height: number, cover = false): Screen => ({
  ...sc,
  frame: { ...sc.frame, tourPage: { lines, height, cover } },
});

/** A learner in team-a, cursor on the 4th resource, a pods table open and focused. */
function working(): Screen {
  return run(
    start('team-a'),
    { type: 'rows', list: 'groups', keys: ['core/v1', 'apps/v1'] },
    { type: 'rows', list: 'resources', keys: keys(10, 'res') },
    { type: 'focus', pane: 'resources' },
    { type: 'move', delta: 3 },
    { type: 'openObjects', ref: PODS },
  );
}

describe('tour state', () => {
  test('the page scrolls within its room; a new step starts at its top', () => {
    let s = page(run(start('default'), { type: 'tourGo', step: 0 }), 30, 12);
    s = run(s, { type: 'tourScroll', delta: 5 });
    expect(s.state.tour?.scroll).toBe(5);
    s = run(s, { type: 'tourScroll', delta: 100 });
    expect(s.state.tour?.scroll).toBe(18); // 30 lines, 12 shown: the last screenful
    s = run(s, { type: 'tourScroll', to: 'top' });
    expect(s.state.tour?.scroll).toBe(0);
    s = run(s, { type: 'tourScroll', delta: -3 });
    expect(s.state.tour?.scroll).toBe(0);
    s = run(s, { type: 'tourScroll', to: 'bottom' }, { type: 'tourGo', step: 1 });
    expect(s.state.tour?.scroll).toBe(0);
    // A taller room later (a resize): drawn within the page.
    s = run(page(s, 30, 12), { type: 'tourScroll', to: 'bottom' });
    expect(resolveTourScroll(s.state, { lines: 30, height: 25 })).toBe(5);
  });

  test('leaving the tour restores the namespace, focus, selection and open view it found', () => {
    const before = working();
    let s = run(before, { type: 'tourGo', step: 0 });
    // What the steps do: another namespace, a path opened in the detail, focus on groups.
    s = run(
      s,
      { type: 'tourGo', step: 5 },
      { type: 'setNamespace', namespace: 'kube-system' },
      { type: 'focus', pane: 'groups' },
      { type: 'openPath', path: '/version' },
      { type: 'tourGo', step: 6 },
    );
    expect(s.state.namespace).toBe('kube-system');
    expect(topView(s.state)?.kind).toBe('path');
    s = run(s, { type: 'tourGo', step: null });
    expect(s.state.tourStep).toBeNull();
    expect(s.state.tour).toBeNull();
    expect(s.state.namespace).toBe('team-a');
    expect(s.state.focus).toBe(before.state.focus);
    expect(list(s, 'resources').cursor).toBe(3);
    expect(topView(s.state)).toEqual(topView(before.state));
    // The restored view is loaded again, not shown stale.
    expect(s.state.detail.refresh).toBeGreaterThan(before.state.detail.refresh);
  });

  test('started with the program (--tour): leaving it gives back the start', () => {
    const s0 = initialNavState('default', 0);
    expect(s0.tourStep).toBe(0);
    expect(s0.tour?.saved).toEqual(tourSnapshot(initialNavState('default')));
    let s: Screen = { state: s0, frame: start().frame };
    s = run(s, { type: 'setNamespace', namespace: 'kube-system' }, { type: 'tourGo', step: null });
    expect(s.state.namespace).toBe('default');
  });
});

describe('tour keys', () => {
  const tour = (lines: number, height: number, cover = false) =>
    page(run(start('default'), { type: 'tourGo', step: 1 }), lines, height, cover);
  const key = (sc: Screen, input: string, k = {}) => keyToAction(input, k, keyContext(sc, { tourLength: 10 }));

  test('j/k, the arrows, PgUp/PgDn and g/G scroll a page longer than its room', () => {
    const s = tour(40, 14);
    expect(key(s, 'j')).toEqual({ type: 'tourScroll', delta: 1 });
    expect(key(s, '', { upArrow: true })).toEqual({ type: 'tourScroll', delta: -1 });
    expect(key(s, '', { pageDown: true })).toEqual({ type: 'tourScroll', delta: 13 });
    expect(key(s, 'G')).toEqual({ type: 'tourScroll', to: 'bottom' });
    expect(key(s, '', { rightArrow: true })).toEqual({ type: 'tourGo', step: 2 });
    expect(key(s, '', { return: true })).toEqual({ type: 'tourGo', step: 2 });
    expect(key(s, '', { leftArrow: true })).toEqual({ type: 'tourGo', step: 0 });
    expect(key(s, '', { escape: true })).toEqual({ type: 'tourGo', step: null });
  });

  test('a page that fits: the arrows move in the panes under a box, nothing over the panes', () => {
    expect(key(tour(10, 14), 'j')).toEqual({ type: 'move', delta: 1 });
    expect(key(tour(10, 14, true), 'j')).toBeNull();
  });
});
