// The App's table when its server goes away and comes back on the same port: without a key, the note
// counts down to the next attempt, then the table is live again with the restarted server's rows.
import { afterEach, expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import { type Sandbox, startSandbox } from '../src/sandbox/server.js';
import { type Rendered, renderTui, showPodsTable, stripAnsi, waitForFrame } from './helpers/ui.js';
import { useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
let restarted: Sandbox | undefined;
let r: Rendered | undefined;
useSandbox('kapi-ui-reconnect-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));
afterEach(async () => {
  r?.unmount();
  r = undefined;
  await restarted?.close();
});

test('lost server: "reconnecting in Ns…" counting down, then live again once it is back', async () => {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig, demo: true }));
  r = renderTui(<App api={api} color={false} version="test" initialNamespace="demo" />, { columns: 120, rows: 30 });
  await showPodsTable(r, 10_000);
  await sb.close();
  const waiting = await waitForFrame(
    r.lastFrame,
    (f) => /3 object\(s\), 1 page\(s\) · .+: reconnecting in \ds…/.test(f),
    10_000,
  );
  expect(stripAnsi(waiting)).toMatch(/crashy-\S+\s+\d\/1/); // the rows stay while it waits
  restarted = await startSandbox({ port: sb.port, certificates: sb.certificates, watchIntervalMs: 0 });
  await waitForFrame(
    r.lastFrame,
    (f) => f.includes('3 object(s), 1 page(s) · ● live') && !f.includes('reconnecting'),
    20_000,
  );
  restarted.store.tick();
  await waitForFrame(r.lastFrame, (f) => f.includes('● live, 1 change(s)'), 10_000);
});

test('a table opened (r) while the server is down says when it lists again, and shows up without a key', async () => {
  restarted = await startSandbox({ port: sb.port, certificates: sb.certificates, watchIntervalMs: 0 });
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig, demo: true }));
  r = renderTui(<App api={api} color={false} version="test" initialNamespace="demo" />, { columns: 120, rows: 30 });
  await showPodsTable(r, 10_000);
  await restarted.close();
  r.stdin.write('r');
  await waitForFrame(r.lastFrame, (f) => /\(listing again on its own in \d+ s\)/.test(f), 10_000);
  restarted = await startSandbox({ port: sb.port, certificates: sb.certificates, watchIntervalMs: 0 });
  await waitForFrame(r.lastFrame, (f) => f.includes('3 object(s), 1 page(s) · ● live'), 20_000);
});
