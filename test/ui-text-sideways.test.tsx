// Lines longer than the detail pane are cut at its edge; > and < scroll the text sideways (a pod's
// log here, with its real long lines), the title says from which column, and the footer offers the
// keys only when there is more to see that way. The reducer's rules are checked without rendering.
import { describe, expect, it } from 'vitest';
import { maxHscroll } from '../src/model/nav-state.js';
import { type Screen, type Step, run, start, text, keyContext } from './helpers/nav.js';
import type { ResourceRef } from '../src/model/types.js';
import { ApiClient } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { App } from '../src/ui/App.js';
import { keyToAction } from '../src/ui/commands.js';
import { showPodsTable, useTui } from './helpers/ui.js';
import { useSandbox } from './helpers/sandbox.js';

const PODS: ResourceRef = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const sized = (longest: number, width = 40) =>
  run(start('default'), { type: 'openPath', path: '/metrics' }, { type: 'text', lines: 10, height: 5, width, longest });

describe('reducer: sideways scroll', () => {
  it('steps half the width, stops where the longest line ends at the edge, and back to 0', () => {
    let s = sized(100);
    expect(maxHscroll(s.frame.text)).toBe(60);
    s = run(s, { type: 'hscroll', direction: 1 });
    expect(text(s).hscroll).toBe(20);
    s = run(s, { type: 'hscroll', direction: 1 }, { type: 'hscroll', direction: 1 }, { type: 'hscroll', direction: 1 });
    expect(text(s).hscroll).toBe(60);
    s = run(
      s,
      { type: 'hscroll', direction: -1 },
      { type: 'hscroll', direction: -1 },
      { type: 'hscroll', direction: -1 },
      { type: 'hscroll', direction: -1 },
    );
    expect(text(s).hscroll).toBe(0);
  });

  it('a text that fits does not move; a wider pane pulls the offset back; another view starts at column 1', () => {
    expect(text(run(sized(30), { type: 'hscroll', direction: 1 })).hscroll).toBe(0);
    const scrolled = run(sized(100), { type: 'hscroll', direction: 1 }, { type: 'hscroll', direction: 1 });
    expect(text(scrolled).hscroll).toBe(40);
    expect(text(run(scrolled, { type: 'text', lines: 10, height: 5, width: 90, longest: 100 })).hscroll).toBe(10);
    expect(text(run(scrolled, { type: 'back' })).hscroll).toBe(0);
    expect(text(run(scrolled, { type: 'openObjects', ref: PODS })).hscroll).toBe(0);
  });

  it('> and < only where there is more to see that way', () => {
    const ctx = (sc: Screen) => keyContext(sc);
    expect(keyToAction('>', {}, ctx(sized(100)))).toEqual({ type: 'hscroll', direction: 1 });
    expect(keyToAction('<', {}, ctx(sized(100)))).toBeNull();
    expect(keyToAction('>', {}, ctx(sized(30)))).toBeNull();
    const end = run(sized(100), ...Array.from({ length: 5 }, () => ({ type: 'hscroll', direction: 1 }) as Step));
    expect(keyToAction('>', {}, ctx(end))).toBeNull();
    expect(keyToAction('<', {}, ctx(end))).toEqual({ type: 'hscroll', direction: -1 });
  });
});

describe('the App', () => {
  let sb: Sandbox;
  useSandbox('kapi-sideways-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));
  const tui = useTui({ timeoutMs: 10_000 });
  const { frame, keys, wait } = tui;

  it("a pod's log with long lines: > shows their ends, < goes back; the footer offers what applies", async () => {
    const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
    const pods = (
      (await api.getRaw('/api/v1/namespaces/kube-system/pods')).json as { items: { metadata: { name: string } }[] }
    ).items;
    const coredns = pods.find((p) => p.metadata.name.startsWith('coredns-'))!.metadata.name;
    const log = (await api.getRaw(`/api/v1/namespaces/kube-system/pods/${coredns}/log`)).body;
    const long = log.split('\n').reduce((a, b) => (b.length > a.length ? b : a));
    expect(long.length).toBeGreaterThan(110); // cut in the detail pane of a 140-column terminal
    const tail = long.slice(-12);

    tui.render(<App api={api} color={false} version="test" initialNamespace="kube-system" />, {
      columns: 140,
      rows: 30,
    });
    await showPodsTable(tui.r);
    keys('/', 'c', 'o', 'r', 'e', '\r');
    await wait((f) => f.includes(`› ${coredns}`) && !f.includes('filter:'));
    keys('o');
    let f = await wait((x) => x.includes(`logs ${coredns}`) && x.includes('plugin/reload'));
    expect(f).not.toContain(tail);
    expect(f).toContain('> scroll right');
    expect(f).not.toContain('< scroll left');
    for (let i = 0; i < 6 && !frame().includes(tail); i++) {
      const before = frame();
      keys('>');
      await wait((x) => x !== before);
    }
    f = frame();
    expect(f).toContain(tail);
    expect(f).toMatch(/col \d+ · /);
    expect(f).toContain('< scroll left');
    keys('<');
    for (let i = 0; i < 6 && /col \d+ · /.test(frame()); i++) {
      const before = frame();
      keys('<');
      await wait((x) => x !== before);
    }
    f = await wait((x) => !/col \d+ · /.test(x));
    expect(f).toContain('[INFO] plugin/reload');
    api.close();
  });
});
