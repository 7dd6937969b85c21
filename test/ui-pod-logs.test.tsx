// The pod logs view (`o`) in the App against the real sandbox over TLS: real log lines, the request
// line and its kubectl equivalent (which runs as shown), scrolling, refresh, Esc back; an empty log;
// RBAC and missing pods explained; a pod with several containers (the sandbox has none: a FakeApi).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { KubeApi, RawResponse, RequestOptions } from '../src/client/types.js';
import type { RequestEvent, ResourceRef } from '../src/model/types.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { POD_REF } from '../src/model/pod-logs.js';
import { loadPodLogs } from '../src/session/pod-logs.js';
import { describeError } from '../src/session/errors.js';
import { ENTER, ESC, PAGE_DOWN, hasText, showPodsTable, useTui } from './helpers/ui.js';
import { useSandbox } from './helpers/sandbox.js';
import { FakeApi, obj } from './helpers/fake-api.js';
import { KUBECTL, toolMissing } from './helpers/client.js';

let sb: Sandbox;
let dir: string;
const T = 10_000;
const tui = useTui({ timeoutMs: T });
const { frame, keys, wait } = tui;

useSandbox('kapi-ui-logs-', { watchIntervalMs: 0 }, (s) => ({ sb, dir } = s));

async function client(kubeconfig: string) {
  return new ApiClient(await connect({ kubeconfig, demo: true }));
}

/** The App on `api`, wide enough for the whole kubectl line, showing the pods of `namespace`. */
async function podsTable(api: KubeApi, namespace: string, rows = 40) {
  tui.render(<App api={api} color={false} version="test" initialNamespace={namespace} />, { columns: 220, rows });
  expect(await showPodsTable(tui.r, T)).toContain(`▶ Detail: pods.v1 in ${namespace}`);
  expect(frame()).toContain('o logs'); // the footer offers the key where it applies
}

/** Put the table's cursor on the first pod whose name starts with `name`. */
async function select(name: string) {
  keys('/', ...name, ENTER);
  await wait((f) => new RegExp(`› ${name}`).test(f) && !f.includes('filter:'));
}

test('o on a running pod row: its log lines, the request line and kubectl logs (which runs as shown); scroll, r, Esc', async () => {
  const api = await client(sb.files!.kubeconfig);
  const events: RequestEvent[] = [];
  api.onRequest((ev) => events.push(ev));
  await podsTable(api, 'team-a', 30);
  await select('web-');
  const pod = /› (web-\S+)/.exec(frame())![1]!;
  keys('o');
  // nginx's entrypoint lines, as the sandbox's pods/log serves them.
  await wait(
    (f) =>
      f.includes(`▶ Detail: logs ${pod} (container nginx)`) &&
      f.includes('/docker-entrypoint.sh: Configuration complete; ready for start up'),
  );
  const logPath = `/api/v1/namespaces/team-a/pods/${pod}/log?tailLines=500`;
  expect(frame()).toMatch(new RegExp(`GET ${logPath.replace(/[?]/g, '\\?')} 200`));
  const kubectl = `kubectl --kubeconfig ${sb.files!.kubeconfig} logs ${pod} -n team-a --tail=500`;
  expect(frame()).toContain(`$ ${kubectl}`);
  expect(frame()).toContain(`$ curl --cert ${join(dir, 'admin.crt')}`);
  expect(frame()).toContain('the last 500 lines at most');
  // kubectl read the pod first, like the view: both GETs are in the log.
  expect(events.map((e) => e.path)).toEqual(expect.arrayContaining([`/api/v1/namespaces/team-a/pods/${pod}`, logPath]));
  const logEvent = events.find((e) => e.path === logPath)!;
  expect(logEvent.kubectl).toBe(kubectl);

  // The text scrolls like any body: the access log lines further down, then back to the top.
  keys(PAGE_DOWN);
  await wait((f) => !f.includes('Configuration complete') && f.includes('HTTP/1.1'));
  keys('G');
  await wait((f) => /kube-probe|Mozilla/.test(f) && !f.includes('Configuration complete'));
  keys('g');
  await wait(hasText('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty'));

  // r: the pod and its log read again.
  const before = events.filter((e) => e.path === logPath).length;
  keys('r');
  await wait(() => events.filter((e) => e.path === logPath).length === before + 1);
  await wait(hasText('Configuration complete'));

  keys(ESC);
  await wait((f) => /NAME\s+READY\s+STATUS/.test(f) && !f.includes('logs web-'));
  expect(frame()).toContain(`› ${pod}`);

  if (toolMissing(KUBECTL)) return;
  // Asynchronously: the sandbox answering kubectl runs in this process.
  const [, ...args] = kubectl.split(' ');
  const { stdout: out } = await promisify(execFile)(KUBECTL, args, { encoding: 'utf8' });
  const shown = (await api.getRaw(logPath, { accept: '*/*' })).body;
  expect(out).toBe(shown);
});

test('o in a pod opened as JSON: its log; Esc back to the JSON', async () => {
  await podsTable(await client(sb.files!.kubeconfig), 'team-a');
  await select('db-');
  keys(ENTER);
  await wait((f) => f.includes('"kind": "Pod"') && f.includes('[JSON]'));
  keys('o');
  await wait(
    (f) => f.includes('logs db-0 (container postgres)') && f.includes('database system is ready to accept connections'),
  );
  keys(ESC);
  await wait((f) => f.includes('"kind": "Pod"') && !f.includes('logs db-0'));
});

test('a Pending pod: the empty log says so', async () => {
  const api = await client(sb.files!.kubeconfig);
  const list = await api.list(POD_REF, { namespace: 'team-b', table: false });
  const pending = list.items.find((p: any) => p.status?.phase === 'Pending') as { metadata: { name: string } };
  await podsTable(api, 'team-b');
  await select(pending.metadata.name);
  keys('o');
  await wait(
    (f) =>
      f.includes(`logs ${pending.metadata.name}`) &&
      f.includes('(no log lines: the container has not started or printed nothing)'),
  );
});

test('o on other resources does nothing', async () => {
  tui.render(<App api={await client(sb.files!.kubeconfig)} color={false} initialNamespace="team-a" />, {
    columns: 220,
    rows: 40,
  });
  await wait((f) => f.includes('apps/v1'));
  keys('/', 'a', 'p', 'p', 's', ENTER);
  await wait(hasText('› apps/v1'));
  keys(ENTER);
  await wait(hasText('▶ Resources apps/v1'));
  keys('/', 'd', 'e', 'p', 'l', ENTER);
  await wait(hasText('› deployments'));
  keys(ENTER);
  await wait((f) => f.includes('deployments.v1.apps in team-a') && f.includes('● live'));
  keys('o', 'j');
  // The key after `o` is handled in the same view: `o` pushed nothing.
  await wait((f) => f.includes('› web') && f.includes('▶ Detail: deployments.v1.apps in team-a'));
  expect(frame()).not.toContain('logs ');
  expect(frame()).not.toContain('o logs');
});

test('the pods/log row in Resources says how to reach logs (its info kept)', async () => {
  tui.render(<App api={await client(sb.files!.kubeconfig)} color={false} />, { columns: 220, rows: 40 });
  await wait((f) => f.includes('core/v1') && f.includes('apps/v1'));
  keys(ENTER);
  await wait(hasText('▶ Resources v1'));
  keys('/', 'p', 'o', 'd', 's', '/', 'l', 'o', 'g', ENTER);
  await wait(hasText('pods/log (subresource)'));
  keys(ENTER);
  await wait(
    (f) =>
      f.includes('open pods, select one, press o for its logs') && f.includes('subresource of pods: reached through'),
  );
});

describe('errors, explained like other views', () => {
  test('jane may read pods in team-a but not their logs: the 403 with its can-i check', async () => {
    await podsTable(await client(join(dir, 'kubeconfig-jane')), 'team-a');
    await select('web-');
    keys('o');
    await wait(hasText('HTTP 403 Forbidden'));
    expect(frame()).toMatch(/cannot get resource "pods\/log" in API group "" in the namespace "team-a"/);
    expect(frame()).toContain('kubectl auth can-i get pods --subresource=log -n team-a');
    expect(frame()).toMatch(/GET \/api\/v1\/namespaces\/team-a\/pods\/web-\S+\/log\?tailLines=500 403/);
    keys(ESC);
    await wait((f) => /NAME\s+READY\s+STATUS/.test(f) && !f.includes('403'));
  });

  test('jane outside team-a: 403 on the pod itself; a pod that does not exist: 404', async () => {
    const signal = new AbortController().signal;
    const jane = await client(join(dir, 'kubeconfig-jane'));
    const team = await (await client(sb.files!.kubeconfig)).list(POD_REF, { namespace: 'team-b', table: false });
    const name = (team.items[0] as { metadata: { name: string } }).metadata.name;
    const forbidden = describeError(await loadPodLogs(jane, 'team-b', name, signal).catch((e: unknown) => e));
    expect(forbidden.title).toBe('HTTP 403 Forbidden');
    expect(forbidden.hint).toContain('kubectl auth can-i get pods -n team-b');
    const missing = describeError(
      await loadPodLogs(await client(sb.files!.kubeconfig), 'team-a', 'no-such-pod', signal).catch((e: unknown) => e),
    );
    expect(missing.title).toBe('HTTP 404 Not Found');
    expect(missing.detail).toContain('pods "no-such-pod" not found');
  });
});

/** A FakeApi whose web-0 pod has two containers and an init container, serving its log (the
 *  sandbox's pods have one). */
class TwoContainerApi extends FakeApi {
  override async get(
    ref: ResourceRef,
    namespace: string | undefined,
    name: string,
    opts: RequestOptions = {},
  ): Promise<RawResponse> {
    const res = await super.get(ref, namespace, name, opts);
    if (name !== 'web-0') return res;
    const pod = obj('Pod', 'v1', 'default', 'web-0', {
      spec: {
        initContainers: [{ name: 'init-db', image: 'busybox' }],
        containers: [
          { name: 'nginx', image: 'nginx' },
          { name: 'sidecar', image: 'envoy' },
        ],
      },
      status: {
        initContainerStatuses: [{ name: 'init-db', state: { terminated: { reason: 'Completed', exitCode: 0 } } }],
        containerStatuses: [
          { name: 'nginx', restartCount: 0, state: { running: {} } },
          { name: 'sidecar', restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        ],
      },
    });
    return { ...res, body: JSON.stringify(pod), json: pod };
  }

  override async getRaw(path: string, opts: RequestOptions = {}): Promise<RawResponse> {
    const r = await super.getRaw(path, opts); // the fake's request event, for the footer
    if (!path.includes('/log?')) return r;
    const body = 'nginx line 1\nnginx line 2\n';
    return { ...r, body, bytes: body.length };
  }
}

test('a pod with two containers and an init container: container= the first; C picks one from a list with their states', async () => {
  const api = new TwoContainerApi();
  tui.render(<App api={api} color={false} />, { columns: 160, rows: 30 });
  await wait(hasText('Groups  1/15'));
  keys(ENTER, 'j', 'j');
  await wait(hasText('› pods'));
  keys(ENTER);
  await wait((f) => f.includes('● live') && f.includes('› web-0'));
  keys('o');
  await wait((f) => f.includes('logs web-0 (container nginx, 1 of 3, C: pick)') && f.includes('nginx line 2'));
  expect(api.calls).toContain('getRaw /api/v1/namespaces/default/pods/web-0/log?tailLines=500&container=nginx');
  expect(frame()).toContain('GET /api/v1/namespaces/default/pods/web-0/log?tailLines=500&container=nginx');
  keys('C');
  await wait(hasText('Containers of web-0 (Enter reads its log, Esc closes)'));
  expect(frame()).toMatch(/› nginx\s+running {2}\(shown\)/);
  expect(frame()).toMatch(/ {2}sidecar\s+waiting: CrashLoopBackOff, 3 restarts/);
  expect(frame()).toMatch(/ {2}init-db\s+init {2}terminated: Completed \(exit 0\)/);
  keys('j', ENTER);
  await wait((f) => f.includes('logs web-0 (container sidecar, 2 of 3, C: pick)') && !f.includes('Containers of'));
  expect(frame()).toContain('GET /api/v1/namespaces/default/pods/web-0/log?tailLines=500&container=sidecar');
  expect(frame()).toContain('logs web-0 -n default --tail=500 -c sidecar');
  // Esc closes the list and keeps the log.
  keys('C');
  await wait(hasText('Containers of web-0'));
  keys(ESC);
  await wait((f) => !f.includes('Containers of') && f.includes('logs web-0 (container sidecar, 2 of 3, C: pick)'));
  // An init container: named in the request even though it is not the default.
  keys('C');
  await wait(hasText('Containers of web-0'));
  keys('/', 'i', 'n', 'i', 't', ENTER);
  await wait((f) => /› init-db/.test(f));
  keys(ENTER);
  await wait((f) => f.includes('logs web-0 (init container init-db, 3 of 3, C: pick)'));
  expect(frame()).toContain('GET /api/v1/namespaces/default/pods/web-0/log?tailLines=500&container=init-db');
});

describe('p: the previous instance (kubectl logs --previous)', () => {
  test('a restarted container: what it printed before it stopped, and the kubectl line that runs as shown', async () => {
    const api = await client(sb.files!.kubeconfig);
    await podsTable(api, 'demo');
    await select('crashy-');
    const pod = /› (crashy-\S+)/.exec(frame())![1]!;
    keys('o');
    await wait(hasText(`▶ Detail: logs ${pod} (container crashy)`));
    keys('p');
    await wait(
      (f) =>
        f.includes(`logs ${pod} (container crashy) (previous instance)`) &&
        f.includes('fatal: exiting with code 1 (Error)'),
    );
    const path = `/api/v1/namespaces/demo/pods/${pod}/log?tailLines=500&previous=true`;
    expect(frame()).toContain(`GET ${path} 200`);
    const kubectl = `kubectl --kubeconfig ${sb.files!.kubeconfig} logs ${pod} -n demo --tail=500 --previous`;
    expect(frame()).toContain(`$ ${kubectl}`);
    if (!toolMissing(KUBECTL)) {
      const { stdout } = await promisify(execFile)('bash', ['-c', kubectl]);
      expect(stdout).toContain('fatal: exiting with code 1 (Error)');
    }
    keys('p');
    await wait((f) => f.includes(`logs ${pod} (container crashy)`) && !f.includes('previous instance'));
  });

  test('a container that never restarted: the server says there is no previous instance', async () => {
    const api = await client(sb.files!.kubeconfig);
    await podsTable(api, 'team-a');
    await select('db-0');
    keys('o');
    await wait(hasText('▶ Detail: logs db-0'));
    keys('p');
    await wait((f) => f.includes('previous terminated container "postgres" in pod "db-0" not found'));
  });
});
