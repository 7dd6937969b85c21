// The footer lists the keys that do something in the current view, from the keymap table: checked on
// pure navigation states, without rendering (test/ui-pod-logs.test.tsx checks the App's footer).
import { describe, expect, it } from 'vitest';
import { type Screen, run, start, keyContext } from './helpers/nav.js';
import type { ResourceRef } from '../src/model/types.js';
import { footerHints } from '../src/ui/footer-hints.js';

const PODS: ResourceRef = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const SECRETS: ResourceRef = { group: '', version: 'v1', resource: 'secrets', namespaced: true };

const ctx = (sc: Screen) => keyContext(sc, { objectIdAt: (i) => [{ name: 'web-1', namespace: 'team-a' }][i] });

const table = (ref: ResourceRef) =>
  run(
    start('team-a'),
    { type: 'openObjects', ref },
    { type: 'rows', list: 'objects', keys: ['team-a/web-1'] },
    { type: 'height', list: 'objects', height: 10 },
  );

describe('footer hints', () => {
  it('a pods table: open, back, filter, o logs; no Secret or YAML keys', () => {
    const h = footerHints(ctx(table(PODS)));
    // What this view adds comes first: a narrow footer is cut at the end.
    expect(h).toMatch(
      /^↑↓ move {2}←→\/Tab pane {2}Enter open {2}Esc back {2}o logs {2}s sort {2}\\ labels {2}\$ commands {2}\/ filter {2}: go to {2}n namespace/,
    );
    expect(h).not.toContain('x reveal');
    expect(h).not.toContain('y yaml/json');
    expect(h).not.toContain('d raw'); // raw discovery is for the resource views, not object tables
    expect(h).toMatch(/\? help {2}q quit$/);
  });

  it('a Secret opened: y and x; no o (not a pod), no Enter (nothing to open)', () => {
    const h = footerHints(
      ctx(run(table(SECRETS), { type: 'openObject', ref: SECRETS, namespace: 'team-a', name: 'db' })),
    );
    expect(h).toContain('y yaml/json');
    expect(h).toContain('x reveal');
    expect(h).not.toContain('o logs');
    expect(h).not.toContain('Enter open');
  });

  it('the start (groups pane, nothing discovered yet): d raw, no o, no x', () => {
    const h = footerHints(ctx(start('default')));
    expect(h).toContain('d raw');
    expect(h).not.toMatch(/o logs|x reveal|y yaml/);
  });

  it('the access matrix: no ←→/Tab pane (those keys do nothing there); a pods table keeps it', () => {
    expect(footerHints(ctx(run(table(PODS), { type: 'toggleAccess' })))).not.toContain('Tab pane');
    expect(footerHints(ctx(table(PODS)))).toContain('←→/Tab pane');
  });

  it('in the tour: how to step through it', () => {
    const h = footerHints(ctx(run(start('default'), { type: 'tourGo', step: 0 })));
    expect(h).toMatch(/^→\/Enter next step {2}← previous {2}Esc end the tour/);
  });

  it('while filtering and in the help overlay: what the keys do there', () => {
    const s = table(PODS);
    expect(footerHints(ctx(run(s, { type: 'filterStart' })))).toBe('type to filter  Enter keep  Esc clear  ↑↓ move');
    expect(footerHints(ctx(run(s, { type: 'toggleHelp' })))).toBe('? / Esc close  q quit');
  });
});
