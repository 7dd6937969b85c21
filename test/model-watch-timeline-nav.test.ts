// The watch timeline's navigation, without I/O: T opens it over the table at its bottom; the cursor
// line follows the newest event, keeps its line when scrolled up (also as old entries are dropped);
// Enter on an event opens its object and Esc returns to the same place; a namespace change closes
// it; T only where the resource can be watched.
import { describe, expect, test } from 'vitest';
import type { DiscoveredGroup } from '../src/model/types.js';
import { keyToAction } from '../src/ui/commands.js';
import { EMPTY_TIMELINE, appendEntries, eventEntry } from '../src/model/watch-timeline.js';
import { type Screen, keyContext, run, start, text } from './helpers/nav.js';

const PODS = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const top = (s: Screen) => s.state.detail.stack[s.state.detail.stack.length - 1];
const lines = (s: Screen, n: number, dropped = 0) => run(s, { type: 'text', lines: n, height: 10, dropped });

function timeline(): Screen {
  let s = run(start('demo'), { type: 'openObjects', ref: PODS });
  s = run(s, { type: 'openWatch', ref: PODS, namespace: 'demo' });
  return lines(s, 30);
}

const groups = (verbs: string[]): DiscoveredGroup[] => [
  {
    name: '',
    preferredVersion: 'v1',
    versions: [
      {
        group: '',
        version: 'v1',
        groupVersion: 'v1',
        preferred: true,
        resources: [
          {
            name: 'pods',
            singularName: 'pod',
            kind: 'Pod',
            namespaced: true,
            verbs,
            shortNames: [],
            categories: [],
          } as never,
        ],
      },
    ],
  },
];

describe('the timeline follows like tail -f, with a cursor line', () => {
  test('opened at the bottom; new lines keep the cursor on the newest', () => {
    let s = timeline();
    expect(top(s)).toEqual({ kind: 'watch', ref: PODS, namespace: 'demo' });
    expect(text(s)).toMatchObject({ cursor: 29, scroll: 20, stick: true });
    s = lines(s, 35);
    expect(text(s)).toMatchObject({ cursor: 34, scroll: 25 });
  });

  test('scrolled up, the cursor keeps its entry (also when old entries are dropped); G follows again', () => {
    let s = run(timeline(), { type: 'move', delta: -5 });
    expect(text(s)).toMatchObject({ cursor: 24, stick: false });
    s = lines(s, 40);
    expect(text(s).cursor).toBe(24);
    s = lines(s, 40, 6); // six oldest dropped: the same entry is six lines higher
    expect(text(s).cursor).toBe(18);
    s = run(s, { type: 'moveTo', where: 'bottom' });
    s = lines(s, 45, 6);
    expect(text(s)).toMatchObject({ cursor: 44, stick: true });
  });

  test('Enter on an event line opens its object; Esc returns to the same line; the table is under it', () => {
    const data = {
      ...EMPTY_TIMELINE,
      ...appendEntries(
        { entries: [], dropped: 0 },
        [
          { kind: 'list', resourceVersion: '10', count: '3 pods' },
          eventEntry('MODIFIED', { metadata: { name: 'a', namespace: 'demo', resourceVersion: '11' } }),
        ],
        0,
      ),
    };
    let s = run(start('demo'), { type: 'openObjects', ref: PODS }, { type: 'openWatch', ref: PODS, namespace: 'demo' });
    s = run(s, { type: 'text', lines: 2, height: 10 });
    const enter = () => keyToAction('', { return: true }, keyContext(s, { timeline: data }));
    expect(enter()).toEqual({ type: 'openWatchEvent', seq: 1 });
    s = run(s, { type: 'move', delta: -1 });
    expect(enter()).toBeNull(); // the LIST line has no object
    s = run(s, { type: 'moveTo', where: 'bottom' }, { type: 'openWatchEvent', seq: 1 });
    expect(top(s)).toMatchObject({ kind: 'watch', event: 1 });
    s = run(s, { type: 'text', lines: 80, height: 10 }, { type: 'move', delta: 30 });
    s = run(s, { type: 'back' }, { type: 'text', lines: 2, height: 10 });
    expect(top(s)).toEqual({ kind: 'watch', ref: PODS, namespace: 'demo' });
    expect(text(s)).toMatchObject({ cursor: 1, stick: true });
    s = run(s, { type: 'back' });
    expect(top(s)).toMatchObject({ kind: 'objects', ref: PODS });
  });

  test('Esc from an event opened while scrolled up returns to its line, not following', () => {
    const pod = (rv: string) =>
      eventEntry('MODIFIED', { metadata: { name: 'a', namespace: 'demo', resourceVersion: rv } });
    const data = {
      ...EMPTY_TIMELINE,
      ...appendEntries({ entries: [], dropped: 0 }, [pod('1'), pod('2'), pod('3')], 0),
    };
    let s = run(start('demo'), { type: 'openObjects', ref: PODS }, { type: 'openWatch', ref: PODS, namespace: 'demo' });
    s = run(s, { type: 'text', lines: 3, height: 10 }, { type: 'move', delta: -1 });
    const action = keyToAction('', { return: true }, keyContext(s, { timeline: data }));
    expect(action).toEqual({ type: 'openWatchEvent', seq: 1 });
    s = run(s, action as { type: 'openWatchEvent'; seq: number }, { type: 'text', lines: 40, height: 10 });
    s = run(s, { type: 'back' }, { type: 'text', lines: 6, height: 10 }); // three more arrived meanwhile
    expect(text(s)).toMatchObject({ cursor: 1, stick: false });
  });

  test('a namespace change closes it', () => {
    expect(run(timeline(), { type: 'setNamespace', namespace: 'team-a' }).state.detail.stack).toEqual([
      { kind: 'objects', ref: PODS },
    ]);
  });

  test('T on an object table whose resource has the watch verb, with its namespace and selector', () => {
    let s = run(start('demo'), { type: 'openObjects', ref: PODS });
    s = run(s, { type: 'setLabelSelector', selector: 'app=web' });
    const t = (verbs: string[]) => keyToAction('T', {}, keyContext(s, { groups: groups(verbs) }));
    expect(t(['get', 'list', 'watch'])).toEqual({
      type: 'openWatch',
      ref: PODS,
      namespace: 'demo',
      labelSelector: 'app=web',
    });
    expect(t(['get', 'list'])).toBeNull();
    expect(keyToAction('T', {}, keyContext(start('demo'), { groups: groups(['watch']) }))).toBeNull();
  });
});
