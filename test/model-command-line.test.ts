// The `:` command line without rendering: names resolved like kubectl resolves them, completion,
// "did you mean", namespace flags, and the reducer's line (typing, history, Enter).
import { describe, expect, test } from 'vitest';
import { allNames, complete, completions, runCommand } from '../src/model/command-line.js';
import { topView } from '../src/model/nav-state.js';
import { keyToAction } from '../src/ui/commands.js';
import { DISCOVERY } from './helpers/fake-api.js';
import { keyContext, list, run, start } from './helpers/nav.js';
import { groupRows, resourceKey, resourceRows } from '../src/model/tree.js';

const groups = DISCOVERY.groups;
const resolved = (text: string) => {
  const r = runCommand(groups, text);
  return r.kind === 'resource' ? `${r.gv.groupVersion} ${r.resource.name} ${String(r.namespace)}` : r;
};

describe('resolving a resource', () => {
  test('by plural, singular, short name, kind or resource.group, as kubectl does', () => {
    expect(resolved('pods')).toBe('v1 pods undefined');
    expect(resolved('pod')).toBe('v1 pods undefined');
    expect(resolved('po')).toBe('v1 pods undefined');
    expect(resolved('Pod')).toBe('v1 pods undefined');
    expect(resolved('deploy')).toBe('apps/v1 deployments undefined');
    expect(resolved('deployments.apps')).toBe('apps/v1 deployments undefined');
    expect(resolved('deployments.v1.apps')).toBe('apps/v1 deployments undefined');
    expect(resolved('ct')).toBe('stable.example.com/v1 crontabs undefined');
  });

  test('the preferred version: hpa is autoscaling/v2, not v1', () => {
    expect(resolved('hpa')).toBe('autoscaling/v2 horizontalpodautoscalers undefined');
  });

  test('-A, -n NS, --namespace=NS; anything else is an error', () => {
    expect(resolved('po -A')).toBe('v1 pods null');
    expect(resolved('po --all-namespaces')).toBe('v1 pods null');
    expect(resolved('po -n team-a')).toBe('v1 pods team-a');
    expect(resolved('po --namespace=team-a')).toBe('v1 pods team-a');
    expect(runCommand(groups, 'po team-a')).toEqual({
      kind: 'error',
      message: 'unexpected "team-a": use -A or -n NAMESPACE',
    });
  });

  test('unknown names: did you mean the closest, or just no', () => {
    expect(runCommand(groups, 'deplyo')).toEqual({
      kind: 'error',
      message: 'no resource "deplyo": did you mean deploy?',
    });
    expect(runCommand(groups, 'zzzzzzzz')).toEqual({ kind: 'error', message: 'no resource "zzzzzzzz"' });
  });

  test('ns, ns NAME, q', () => {
    expect(runCommand(groups, 'ns')).toEqual({ kind: 'namespace', name: undefined });
    expect(runCommand(groups, 'ns team-a')).toEqual({ kind: 'namespace', name: 'team-a' });
    expect(runCommand(groups, 'q')).toEqual({ kind: 'quit' });
  });
});

describe('completion', () => {
  test('names starting with what is typed, shortest first; Tab extends as far as they agree', () => {
    expect(completions(groups, 'dep')).toEqual([
      'deploy',
      'deployment',
      'deployments',
      'deployments.apps',
      'deployments.v1.apps',
    ]);
    expect(complete(groups, 'dep')).toBe('deploy');
    expect(complete(groups, 'cron')).toBe('crontab');
    expect(complete(groups, 'secr')).toBe('secret');
    expect(complete(groups, 'xyz')).toBe('xyz');
    expect(completions(groups, 'po -A')).toEqual([]);
  });

  test('only listable resources are offered (a subresource or a review is not a table)', () => {
    expect(allNames(groups)).not.toContain('pods/log');
    expect(allNames(groups)).toContain('ns');
  });
});

describe('the line in the reducer and the keys', () => {
  const ctx = (sc: ReturnType<typeof start>) => keyContext(sc, { groups, groupRows: groupRows(DISCOVERY) });
  const type = (sc: ReturnType<typeof start>, text: string) => {
    let s = sc;
    for (const ch of text) s = run(s, keyToAction(ch, {}, ctx(s)) as never);
    return s;
  };
  const withTree = () =>
    run(start('default'), { type: 'rows', list: 'groups', keys: groupRows(DISCOVERY).map((r) => r.label.trim()) });

  test(': opens it, typing fills it, Enter on a resource opens its table and moves the tree there', () => {
    let s = type(withTree(), ':deploy');
    expect(s.state.command).toEqual({ text: 'deploy', recalled: null });
    s = run(s, keyToAction('', { return: true }, ctx(s)) as never);
    expect(s.state.command).toBeNull();
    expect(topView(s.state)).toEqual({
      kind: 'objects',
      ref: { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true },
    });
    expect(s.state.focus).toBe('detail');
    expect(list(s, 'groups').keys[list(s, 'groups').matches[list(s, 'groups').cursor]]).toBe('apps/v1 *');
    const apps = DISCOVERY.groups[1].versions[0];
    s = run(s, { type: 'rows', list: 'resources', keys: resourceRows(apps).map(resourceKey) });
    expect(list(s, 'resources').keys[list(s, 'resources').matches[list(s, 'resources').cursor]]).toMatch(
      /^deployments /,
    );
    expect(s.state.history).toEqual(['deploy']);
  });

  test('-A switches to all namespaces; an error keeps the line open with the message; Esc closes it', () => {
    let s = type(withTree(), ':po -A');
    s = run(s, keyToAction('', { return: true }, ctx(s)) as never);
    expect(s.state.namespace).toBeUndefined();
    s = type(s, ':deplyo');
    s = run(s, keyToAction('', { return: true }, ctx(s)) as never);
    expect(s.state.command).toEqual({
      text: 'deplyo',
      recalled: null,
      error: 'no resource "deplyo": did you mean deploy?',
    });
    s = run(s, keyToAction('', { escape: true }, ctx(s)) as never);
    expect(s.state.command).toBeNull();
  });

  test('Up recalls older commands, Down newer ones and then an empty line; Backspace on empty closes', () => {
    let s = run(
      start(),
      { type: 'commandStart' },
      { type: 'commandDone', text: 'po', then: [] },
      { type: 'commandStart' },
      { type: 'commandDone', text: 'deploy', then: [] },
      { type: 'commandStart' },
    );
    s = run(s, { type: 'commandRecall', direction: -1 });
    expect(s.state.command?.text).toBe('deploy');
    s = run(s, { type: 'commandRecall', direction: -1 }, { type: 'commandRecall', direction: -1 });
    expect(s.state.command?.text).toBe('po');
    s = run(s, { type: 'commandRecall', direction: 1 });
    expect(s.state.command?.text).toBe('deploy');
    s = run(s, { type: 'commandRecall', direction: 1 });
    expect(s.state.command?.text).toBe('');
    s = run(s, { type: 'commandBackspace' });
    expect(s.state.command).toBeNull();
  });

  test('Tab completes; ns NAME switches without listing namespaces; 0 is all namespaces', () => {
    let s = type(withTree(), ':cron');
    s = run(s, keyToAction('', { tab: true }, ctx(s)) as never);
    expect(s.state.command?.text).toBe('crontab');
    s = run(start('default'), { type: 'commandStart' });
    s = type(s, 'ns team-a');
    s = run(s, keyToAction('', { return: true }, ctx(s)) as never);
    expect(s.state.namespace).toBe('team-a');
    expect(keyToAction('0', {}, ctx(s))).toEqual({ type: 'setNamespace', namespace: undefined });
    expect(keyToAction('0', {}, ctx(run(s, { type: 'setNamespace', namespace: undefined })))).toBeNull();
  });
});
