// `:ctx`: the kubeconfig's contexts in a pick list, and a switch in place — the explorer starts over
// on the new context's client (its namespace, its user), the old one's requests stop.
import { afterEach, expect, test } from 'vitest';
import { App, type ContextSwitcher } from '../src/ui/App.js';
import type { Connection } from '../src/client/types.js';
import { FakeApi } from './helpers/fake-api.js';
import { DOWN, ENTER, ESC, type Rendered, hasText, renderTui, waitForFrame } from './helpers/ui.js';

let r: Rendered | undefined;
afterEach(() => {
  r?.unmount();
  r = undefined;
});

function fakeFor(context: string, user: string, namespace: string): FakeApi {
  const api = new FakeApi();
  const connection: Connection = { ...api.connection, mode: 'kubeconfig', context, user, namespace };
  Object.defineProperty(api, 'connection', { value: connection });
  return api;
}

function switcher(): ContextSwitcher & { opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    list: async () => ({ names: ['admin@sb', 'jane@sb'], current: 'admin@sb' }),
    open: async (name) => {
      opened.push(name);
      return { api: fakeFor(name, name.split('@')[0], name === 'jane@sb' ? 'team-a' : 'default') };
    },
  };
}

const start = async (contexts?: ContextSwitcher) => {
  r = renderTui(<App api={fakeFor('admin@sb', 'admin', 'default')} color={false} contexts={contexts} />, {
    columns: 120,
    rows: 30,
  });
  await waitForFrame(r.lastFrame, (f) => f.includes('Groups  1/15') && f.includes('context admin@sb'));
  return r;
};

test(':ctx lists the contexts (the current one first); Enter switches: new user, namespace, tree', async () => {
  const s = switcher();
  const { stdin, lastFrame } = await start(s);
  for (const k of ':ctx') stdin.write(k);
  stdin.write(ENTER);
  await waitForFrame(
    lastFrame,
    (f) =>
      f.includes('Context (Enter switches, Esc closes)') &&
      /› admin@sb {2}\(current\)/.test(f) &&
      f.includes('jane@sb'),
  );
  stdin.write(DOWN);
  await waitForFrame(lastFrame, hasText('› jane@sb'));
  stdin.write(ENTER);
  await waitForFrame(
    lastFrame,
    (x) => x.includes('context jane@sb') && x.includes('user jane') && x.includes('ns team-a'),
  );
  await waitForFrame(lastFrame, hasText('Groups  1/15'));
  expect(s.opened).toEqual(['jane@sb']);
});

test(':ctx NAME switches directly; an unknown name says which exist; Esc closes the pick list', async () => {
  const s = switcher();
  const { stdin, lastFrame } = await start(s);
  // Typed before the kubeconfig is read: the pick list opens and says so, then fills.
  for (const k of ':ctx') stdin.write(k);
  stdin.write(ENTER);
  await waitForFrame(lastFrame, hasText('jane@sb'));
  stdin.write(ESC);
  await waitForFrame(lastFrame, (f) => !f.includes('Context (Enter') && f.includes('Groups  1/15'));
  for (const k of ':ctx nobody') stdin.write(k);
  stdin.write(ENTER);
  await waitForFrame(lastFrame, hasText('no context "nobody"; the kubeconfig has admin@sb, jane@sb'));
  stdin.write(ESC);
  await waitForFrame(lastFrame, (f) => !f.includes(':ctx nobody'));
  for (const k of ':ctx jane@sb') stdin.write(k);
  stdin.write(ENTER);
  await waitForFrame(lastFrame, (f) => f.includes('context jane@sb') && f.includes('ns team-a'));
  expect(s.opened).toEqual(['jane@sb']);
});

test('without a kubeconfig (--server, --proxy, the sandbox) :ctx says there is nothing to switch to', async () => {
  const { stdin, lastFrame } = await start();
  for (const k of ':ctx') stdin.write(k);
  stdin.write(ENTER);
  await waitForFrame(lastFrame, hasText('no kubeconfig contexts to switch to with this connection'));
});
