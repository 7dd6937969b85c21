// Legacy discovery sends its group-version requests at once, all listening to the caller's one
// AbortSignal: Node must not take that for a listener leak and print a warning over the screen.
import { describe, expect, it } from 'vitest';
import { ApiClient, connect } from '../src/client/index.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
useSandbox('kapi-discovery-signal-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));

describe('legacy discovery with an AbortSignal', () => {
  it('no MaxListenersExceededWarning while its requests are in flight; abort still cancels them all', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
      const ctl = new AbortController();
      const d = await api.discover({ legacy: true, signal: ctl.signal });
      expect(d.groups.reduce((n, g) => n + g.versions.length, 0)).toBeGreaterThan(10);
      // Node emits warnings on the next tick.
      await new Promise((r) => setImmediate(r));
      expect(warnings.map((w) => w.name)).toEqual([]);

      sb.setFaults([{ match: '/apis/', delayMs: 2000 }]);
      const aborted = new AbortController();
      const slow = api.discover({ legacy: true, signal: aborted.signal });
      setTimeout(() => aborted.abort(), 50);
      await expect(slow).rejects.toThrow(/cancel/i);
      api.close();
    } finally {
      sb.setFaults([]);
      process.off('warning', onWarning);
    }
  });
});
