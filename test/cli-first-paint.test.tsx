// The header painted before the explorer loads (src/cli/first-paint.ts) is the explorer's own first
// header line, at 80 and 120 columns, for each connection kind.
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { Connection } from '../src/client/types.js';
import { firstPaintText } from '../src/cli/first-paint.js';
import { Header } from '../src/ui/Header.js';
import { renderTui } from './helpers/ui.js';

const connections: Connection[] = [
  { mode: 'kubeconfig', server: 'connecting…', namespace: 'team-a', insecure: false, kubectlArgs: [] },
  {
    mode: 'certificates',
    server: 'https://10.0.0.1:6443',
    user: 'certificate admin.crt',
    namespace: 'default',
    insecure: false,
    kubectlArgs: [],
  },
  { mode: 'proxy', server: 'http://127.0.0.1:8001', namespace: 'kube-system', insecure: false, kubectlArgs: [] },
];

describe('first paint', () => {
  it('never wider than a tiny terminal', () => {
    const painted = firstPaintText(connections[0], 'a-long-namespace-name', '0.1.0', 12);
    expect(painted.slice(3, -6)).toHaveLength(12);
  });

  for (const columns of [80, 120]) {
    for (const c of connections) {
      it(`at ${columns} columns, ${c.mode}: the explorer's first header line, cursor home before and after`, () => {
        const painted = firstPaintText(c, c.namespace, '0.1.0', columns);
        expect(painted.startsWith('\u001B[H')).toBe(true);
        expect(painted.endsWith('\u001B[K\u001B[H')).toBe(true);
        const line = painted.slice(3, -6);
        expect(line.length).toBeLessThanOrEqual(columns);
        const r = renderTui(
          createElement(Header, { connection: c, version: '0.1.0', namespace: c.namespace, width: columns, lines: 1 }),
          { columns, rows: 3 },
        );
        try {
          expect(r.lastFrame()!.split('\n')[0]!.trimEnd()).toBe(line);
        } finally {
          r.unmount();
        }
      });
    }
  }
});
