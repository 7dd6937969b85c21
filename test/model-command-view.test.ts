// The command view (`$`) in the reducer and the keys, without rendering: it opens over the view or
// the request log, its keys scroll it (clamped to its lines), copy from it and close it; what it
// shows (commandViewLines) is shell from top to bottom.
import { describe, expect, test } from 'vitest';
import {
  activeList,
  activeOverlay,
  commandViewOpen,
  resolveCommandScroll,
  textCursor,
} from '../src/model/nav-state.js';
import { keyToAction } from '../src/ui/commands.js';
import type { KeyInfo } from '../src/model/keymap.js';
import { type CommandViewLine, commandViewLines } from '../src/model/command-view.js';
import type { RequestEvent } from '../src/model/types.js';
import { footerHints } from '../src/ui/footer-hints.js';
import { type Screen, keyContext, run, start } from './helpers/nav.js';
import { argvInBash } from './helpers/bash-argv.js';

const press = (sc: Screen, input: string, key: KeyInfo = {}) => keyToAction(input, key, keyContext(sc));
/** Applies a key the way the App does: navigation actions to the store; effects returned. */
function key(sc: Screen, input: string, k: KeyInfo = {}): Screen {
  const out = press(sc, input, k);
  if (!out || ['quit', 'copyCurl', 'copyKubectl', 'switchContext'].includes(out.type)) return sc;
  return run(sc, out as never);
}
const scroll = (sc: Screen) => resolveCommandScroll(sc.state, sc.frame);

const opened = () => run(start('default'), { type: 'commandView', lines: 30, height: 10 }, { type: 'openCommandView' });

describe('command view in the reducer', () => {
  test('$ opens it over the view; the cursor keys scroll it, clamped to its lines', () => {
    let s = key(run(start('default'), { type: 'commandView', lines: 30, height: 10 }), '$');
    expect(activeOverlay(s.state)).toBe('command');
    expect(commandViewOpen(s.state)).toBe(true);
    expect(activeList(s.state)).toBeNull();
    expect(textCursor(s.state)).toBe(false);
    s = key(key(key(s, 'j'), 'j'), 'j');
    expect(scroll(s)).toBe(3);
    s = key(s, 'k');
    expect(scroll(s)).toBe(2);
    s = key(s, '', { pageDown: true });
    expect(scroll(s)).toBe(12);
    s = key(s, '', { pageDown: true });
    expect(scroll(s)).toBe(20); // 30 lines, 10 shown: the last screenful
    s = key(s, 'k');
    expect(scroll(s)).toBe(19); // no dead presses past the end
    s = key(s, 'g');
    expect(scroll(s)).toBe(0);
    s = key(s, 'G');
    expect(scroll(s)).toBe(20);
    s = key(s, '', { pageUp: true });
    expect(scroll(s)).toBe(10);
    // A wider screen has fewer lines: the scroll is clamped when read.
    s = run(s, { type: 'commandView', lines: 12, height: 10 });
    expect(scroll(s)).toBe(2);
  });

  test('Esc and $ close it; q quits; c and K copy; other keys wait', () => {
    const s = opened();
    expect(activeOverlay(key(s, '', { escape: true }).state)).toBeUndefined();
    expect(activeOverlay(key(s, '$').state)).toBeUndefined();
    expect(press(s, 'q')).toEqual({ type: 'quit' });
    expect(press(s, 'c')).toEqual({ type: 'copyCurl' });
    expect(press(s, 'K')).toEqual({ type: 'copyKubectl' });
    for (const k of ['L', 'n', 't', ':', '/', 'e', 'd', 'r']) expect(press(s, k), k).toBeNull();
    // Outside it, K does nothing.
    expect(press(start(), 'K')).toBeNull();
  });

  test('over the request log, Esc returns to the log; ? shows help over it', () => {
    let s = run(
      start(),
      { type: 'rows', list: 'log', keys: ['#2 GET /api', '#1 GET /version'] },
      { type: 'toggleLog' },
    );
    s = key(s, '$');
    expect(s.state.overlays.map((o) => o.kind)).toEqual(['log', 'command']);
    s = key(s, '?');
    expect(s.state.overlays.map((o) => o.kind)).toEqual(['log', 'command', 'help']);
    s = key(key(s, '', { escape: true }), '', { escape: true });
    expect(s.state.overlays.map((o) => o.kind)).toEqual(['log']);
  });

  test('not over the namespace picker or the schema explorer (they have their own request)', () => {
    expect(press(run(start(), { type: 'openPicker' }), '$')).toBeNull();
  });

  test('the footer offers $ and, inside the view, the copy keys and scrolling', () => {
    expect(footerHints(keyContext(start()))).toContain('$ commands');
    const inside = footerHints(keyContext(opened()));
    expect(inside).toContain('c copy curl');
    expect(inside).toContain('K copy kubectl');
    expect(inside).toContain('↑↓ PgUp/PgDn scroll');
    expect(inside).not.toContain('←→/Tab pane');
  });
});

const EVENT: RequestEvent = {
  id: 7,
  method: 'GET',
  path: '/api/v1/namespaces/default/pods?limit=500',
  accept: 'application/json',
  status: 200,
  durationMs: 12.3,
  bytes: 3200,
  curl: `curl --cert /tmp/kapi-tui-demo-abcdef/admin.crt --key /tmp/kapi-tui-demo-abcdef/admin.key --cacert /tmp/kapi-tui-demo-abcdef/ca.crt -H 'Accept: application/json;as=Table;v=v1;g=meta.k8s.io,application/json' 'https://127.0.0.1:45678/api/v1/namespaces/default/pods?limit=500'`,
  kubectl: `kubectl --kubeconfig /tmp/kapi-tui-demo-abcdef/kubeconfig get pods -n default -o json`,
  startedAt: 0,
};

/** The first note's text, its lines joined. */
const firstNote = (lines: CommandViewLine[]) =>
  lines
    .slice(
      0,
      lines.findIndex((l) => l.kind === 'blank'),
    )
    .map((l) => l.text.slice(2))
    .join(' ');

describe('commandViewLines', () => {
  test.each([80, 60, 40])('at %i columns: notes, then the commands wrapped, every line within the width', (w) => {
    const lines = commandViewLines(EVENT, w);
    for (const l of lines) expect(l.text.length, l.text).toBeLessThanOrEqual(w);
    // (A note is cut at spaces, or inside a word longer than the line.)
    expect(firstNote(lines).replace(/ /g, '')).toMatch(/^GET\/api\/v1\/namespaces\/default\/pods\?limit=500→200·12ms/);
    const curl = lines.findIndex((l) => l.text.startsWith('curl '));
    expect(lines[curl - 1].kind).toBe('note');
    expect(lines[curl].text.endsWith('\\')).toBe(true);
    for (const l of lines) expect(l.kind === 'note' ? l.text.startsWith('# ') : true).toBe(true);
  });

  test('the whole block pasted into bash runs curl then kubectl with the argv of the unwrapped commands', () => {
    const block = commandViewLines(EVENT, 60, ['export TOKEN=$(cat /dev/null)'])
      .map((l) => l.text)
      .join('\n');
    expect(block).toContain('# first, once per shell:\nexport TOKEN=$(cat /dev/null)');
    expect(argvInBash(block)).toBe(argvInBash(`${EVENT.curl}\n${EVENT.kubectl}`));
  });

  test("the tour's example comes first, wrapped like the others", () => {
    const example = `curl --cacert /tmp/kapi-tui-demo-abcdef/ca.crt 'https://127.0.0.1:45678/api/v1/namespaces/default/pods'`;
    const lines = commandViewLines(EVENT, 60, [], { note: "the tour's example (anonymous)", command: example });
    expect(lines[0]).toEqual({ kind: 'note', text: "# the tour's example (anonymous)" });
    expect(lines[1].text).toMatch(/^curl --cacert \S+ \\$/);
    expect(argvInBash(lines.map((l) => l.text).join('\n'))).toBe(
      argvInBash(`${example}\n${EVENT.curl}\n${EVENT.kubectl}`),
    );
  });

  test('a failed request says what the view got; no request: a note only', () => {
    const failed = commandViewLines({ ...EVENT, status: 403, error: 'Forbidden' }, 80);
    expect(firstNote(failed)).toContain('→ 403 · 12 ms · 3.2 kB · Forbidden');
    expect(commandViewLines(undefined, 80)).toEqual([
      { kind: 'note', text: '# No request yet: this view has not sent one.' },
    ]);
  });
});
