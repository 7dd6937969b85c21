// From an object to its owner, what it owns and its Events, one key each, on the sandbox: a web pod
// → its ReplicaSet → its Deployment → the ReplicaSets it owns; the pod's Events. Esc walks back.
import { expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { ENTER, ESC, hasText, useTui } from './helpers/ui.js';
import { useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
useSandbox('kapi-ui-related-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));
const tui = useTui({ timeoutMs: 10_000 });
const { frame, keys, wait } = tui;

test('O the owner, again O its owner, W what it owns, E the Events; each request shown, Esc back', async () => {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
  tui.render(<App api={api} color={false} initialNamespace="team-a" />, { columns: 200, rows: 40 });
  await wait((f) => f.includes('core/v1 *') && f.includes('apps/v1'));
  keys(...':po', ENTER);
  await wait((f) => f.includes('Detail: pods.v1 in team-a') && f.includes('● live'));
  keys('/', ...'web-', ENTER);
  await wait(hasText('› web-'));
  const pod = /› (web-\S+)/.exec(frame())![1]!;
  keys(ENTER);
  await wait((f) => f.includes(`pods.v1 team-a/${pod} [JSON]`) && f.includes('O owner') && f.includes('E events'));
  expect(frame()).not.toContain('W owns'); // a pod owns nothing
  const rs = pod.replace(/-[^-]+$/, '');
  keys('O');
  await wait((f) => f.includes(`replicasets.v1.apps team-a/${rs} [JSON]`));
  expect(frame()).toContain(`GET /apis/apps/v1/namespaces/team-a/replicasets/${rs} 200`);
  keys('O');
  await wait((f) => f.includes('deployments.v1.apps team-a/web [JSON]'));
  keys('W');
  await wait((f) => f.includes('Detail: replicasets.v1.apps in team-a -l app=web') && f.includes(rs));
  expect(frame()).toMatch(
    /GET \/apis\/apps\/v1\/namespaces\/team-a\/replicasets\?labelSelector=app%3Dweb&limit=500 200/,
  );
  expect(frame()).toContain('get replicasets.apps -n team-a -l app=web');
  // Each view is read again when it comes back: the next Esc waits for it (an Esc while loading cancels).
  for (const back of ['deployments.v1.apps team-a/web', `replicasets.v1.apps team-a/${rs}`, `pods.v1 team-a/${pod}`]) {
    keys(ESC);
    await wait(hasText(`${back} [JSON]`));
  }
  keys('E');
  await wait(
    (f) => /Detail: events\.v1 in team-a --field-selector involvedObject\.uid=\S+/.test(f) && f.includes('● live'),
  );
  expect(frame()).toMatch(/get events -n team-a --field-selector involvedObject\.uid=[0-9a-f-]+(\s|$)/m);
});
