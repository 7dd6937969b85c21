// The pod logs view without rendering: the reducer pushes and pops it, `o` applies to pods only,
// the container and URL are chosen like kubectl, and the kubectl equivalent runs as shown.
import { describe, expect, test } from 'vitest';
import { activeList, textCursor, topView } from '../src/model/nav-state.js';
import { type Screen, list, run, start, text, keyContext } from './helpers/nav.js';
import { EMPTY_LOG, logContainer, logsTitle, podContainers, podLogPath } from '../src/model/pod-logs.js';
import { matchCommand } from '../src/model/keymap.js';
import { keyToAction } from '../src/ui/commands.js';
import { curlCommand, kubectlCommand } from '../src/client/equivalents.js';
import type { Connection } from '../src/client/types.js';
import type { ResourceRef } from '../src/model/types.js';

const PODS: ResourceRef = { group: '', version: 'v1', resource: 'pods', namespaced: true };
const DEPLOYMENTS: ResourceRef = { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true };

/** The pods table of team-a open, two rows, the cursor on the second. */
function podsTable(ref = PODS): Screen {
  return run(
    start('team-a'),
    { type: 'openObjects', ref },
    { type: 'rows', list: 'objects', keys: ['team-a/web-1', 'team-a/web-2'] },
    { type: 'height', list: 'objects', height: 10 },
    { type: 'move', delta: 1 },
  );
}

const ctx = (sc: Screen) =>
  keyContext(sc, {
    objectIdAt: (i) =>
      [
        { name: 'web-1', namespace: 'team-a' },
        { name: 'web-2', namespace: 'team-a' },
      ][i],
  });

describe('reducer: openLogs', () => {
  test('pushes the logs view on the table; back pops to the table with its cursor', () => {
    const table = podsTable();
    const logs = run(table, { type: 'openLogs', namespace: 'team-a', name: 'web-2' });
    expect(topView(logs.state)).toEqual({ kind: 'logs', namespace: 'team-a', name: 'web-2' });
    expect(logs.state.detail.stack).toHaveLength(2);
    expect(logs.state.focus).toBe('detail');
    // The text scrolls (no list, no cursor line): PgUp/PgDn, g/G, Ctrl-U/D move the window.
    expect(activeList(logs.state)).toBeNull();
    expect(textCursor(logs.state)).toBe(false);
    const scrolled = run(
      logs,
      { type: 'text', lines: 100, height: 10 },
      { type: 'page', direction: 1 },
      { type: 'page', direction: 1, half: true },
    );
    expect(text(scrolled).scroll).toBe(15);
    expect(text(run(scrolled, { type: 'moveTo', where: 'bottom' })).scroll).toBe(90);
    const back = run(scrolled, { type: 'back' });
    expect(topView(back.state)?.kind).toBe('objects');
    expect(back.state.focus).toBe('detail');
    expect(list(back, 'objects').cursor).toBe(1);
  });

  test('pushes on the object view; back returns to the object', () => {
    const object = run(podsTable(), { type: 'openObject', ref: PODS, namespace: 'team-a', name: 'web-2' });
    const logs = run(object, { type: 'openLogs', namespace: 'team-a', name: 'web-2' });
    expect(logs.state.detail.stack.map((v) => v.kind)).toEqual(['objects', 'object', 'logs']);
    expect(run(logs, { type: 'back' }).state.detail.stack.map((v) => v.kind)).toEqual(['objects', 'object']);
  });

  test('r refreshes the logs view; another namespace closes it', () => {
    const logs = run(podsTable(), { type: 'openLogs', namespace: 'team-a', name: 'web-2' });
    expect(run(logs, { type: 'refresh' }).state.detail.refresh).toBe(logs.state.detail.refresh + 1);
    expect(run(logs, { type: 'setNamespace', namespace: 'team-b' }).state.detail.stack.map((v) => v.kind)).toEqual([
      'objects',
    ]);
  });
});

describe('the o key', () => {
  test('is bound to pod.logs, and l still moves right', () => {
    expect(matchCommand('o', {})).toBe('pod.logs');
    expect(matchCommand('l', {})).toBe('pane.right');
  });

  test('on a pod row: the selected pod; in a pod object: that pod', () => {
    expect(keyToAction('o', {}, ctx(podsTable()))).toEqual({ type: 'openLogs', namespace: 'team-a', name: 'web-2' });
    const object = run(podsTable(), { type: 'openObject', ref: PODS, namespace: 'team-a', name: 'web-1' });
    expect(keyToAction('o', {}, ctx(object))).toEqual({ type: 'openLogs', namespace: 'team-a', name: 'web-1' });
  });

  test('does nothing on other resources, in the logs view, with focus elsewhere or an overlay open', () => {
    expect(keyToAction('o', {}, ctx(podsTable(DEPLOYMENTS)))).toBeNull();
    const logs = run(podsTable(), { type: 'openLogs', namespace: 'team-a', name: 'web-2' });
    expect(keyToAction('o', {}, ctx(logs))).toBeNull();
    expect(keyToAction('o', {}, ctx(run(podsTable(), { type: 'focus', pane: 'resources' })))).toBeNull();
    expect(keyToAction('o', {}, ctx(run(podsTable(), { type: 'toggleLog' })))).toBeNull();
    expect(keyToAction('o', {}, ctx(start('team-a')))).toBeNull();
  });
});

describe('container, URL and title', () => {
  const pod = (...names: string[]) => ({
    kind: 'Pod',
    spec: { containers: names.map((name) => ({ name, image: 'x' })) },
  });

  test('one container: no container= (the server picks it), named in the title', () => {
    const c = logContainer(pod('nginx'));
    expect(c).toEqual({
      name: undefined,
      first: 'nginx',
      count: 1,
      names: ['nginx'],
      all: [{ name: 'nginx', init: false, state: 'not started' }],
    });
    expect(podLogPath('team-a', 'web-1', c.name)).toBe('/api/v1/namespaces/team-a/pods/web-1/log?tailLines=500');
    expect(logsTitle('web-1', c)).toBe('logs web-1 (container nginx)');
  });

  test('several containers: the first of spec.containers, said in the title', () => {
    const c = logContainer(pod('nginx', 'istio-proxy'));
    expect(podLogPath('team-a', 'nginx-abc', c.name)).toBe(
      '/api/v1/namespaces/team-a/pods/nginx-abc/log?tailLines=500&container=nginx',
    );
    expect(logsTitle('nginx-abc', c)).toBe('logs nginx-abc (container nginx, 1 of 2, C: pick)');
  });

  test('another container asked for (C), and the previous instance (p)', () => {
    const c = logContainer(pod('nginx', 'istio-proxy'), 'istio-proxy');
    expect(c).toMatchObject({ name: 'istio-proxy', first: 'istio-proxy', count: 2, names: ['nginx', 'istio-proxy'] });
    expect(logContainer(pod('nginx', 'istio-proxy'), 'gone').first).toBe('nginx');
    expect(podLogPath('team-a', 'nginx-abc', c.name, true)).toBe(
      '/api/v1/namespaces/team-a/pods/nginx-abc/log?tailLines=500&container=istio-proxy&previous=true',
    );
    expect(logsTitle('nginx-abc', c, false, true)).toBe(
      'logs nginx-abc (container istio-proxy, 2 of 2, C: pick) (previous instance)',
    );
  });

  test('init containers: listed after the containers with every state; picked, always named in the URL', () => {
    const withInit = {
      kind: 'Pod',
      spec: {
        initContainers: [{ name: 'migrate' }, { name: 'wait-db' }],
        containers: [{ name: 'app' }],
      },
      status: {
        initContainerStatuses: [
          { name: 'migrate', restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
          { name: 'wait-db', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        ],
        containerStatuses: [{ name: 'app', restartCount: 1, state: { running: { startedAt: 'x' } } }],
      },
    };
    expect(podContainers(withInit)).toEqual([
      { name: 'app', init: false, state: 'running, 1 restart' },
      { name: 'migrate', init: true, state: 'terminated: Completed (exit 0)' },
      { name: 'wait-db', init: true, state: 'waiting: CrashLoopBackOff, 2 restarts' },
    ]);
    const app = logContainer(withInit);
    // One container: the server picks it, no container= needed; the title offers the others.
    expect(app.name).toBeUndefined();
    expect(logsTitle('web-1', app)).toBe('logs web-1 (container app, 1 of 3, C: pick)');
    const init = logContainer(withInit, 'migrate');
    expect(podLogPath('ns', 'web-1', init.name)).toBe(
      '/api/v1/namespaces/ns/pods/web-1/log?tailLines=500&container=migrate',
    );
    expect(logsTitle('web-1', init)).toBe('logs web-1 (init container migrate, 2 of 3, C: pick)');
  });

  test('before the pod is read, or without a spec', () => {
    expect(logsTitle('web-1')).toBe('logs web-1');
    expect(logContainer({ kind: 'Status' })).toEqual({ name: undefined, first: '', count: 0, names: [], all: [] });
    expect(EMPTY_LOG).toMatch(/^\(no log lines/);
  });
});

describe('equivalents of the log request', () => {
  const conn: Connection = {
    mode: 'certificates',
    server: 'https://127.0.0.1:6443',
    namespace: 'default',
    insecure: false,
    certFile: '/tmp/sb/admin.crt',
    keyFile: '/tmp/sb/admin.key',
    caFile: '/tmp/sb/ca.crt',
    kubectlArgs: ['--kubeconfig', '/tmp/sb/kubeconfig'],
  };
  const get = (path: string) => ({ method: 'GET' as const, path, accept: '*/*' });

  test('kubectl logs with --tail, and -c for a chosen container', () => {
    expect(kubectlCommand(conn, get(podLogPath('team-a', 'web-1')))).toBe(
      'kubectl --kubeconfig /tmp/sb/kubeconfig logs web-1 -n team-a --tail=500',
    );
    expect(kubectlCommand(conn, get(podLogPath('team-a', 'nginx-abc', 'nginx')))).toBe(
      'kubectl --kubeconfig /tmp/sb/kubeconfig logs nginx-abc -n team-a --tail=500 -c nginx',
    );
  });

  test('a log query kubectl logs has no flag for stays get --raw', () => {
    expect(kubectlCommand(conn, get('/api/v1/namespaces/team-a/pods/web-1/log?timestamps=true'))).toBe(
      "kubectl --kubeconfig /tmp/sb/kubeconfig get --raw '/api/v1/namespaces/team-a/pods/web-1/log?timestamps=true'",
    );
  });

  test('curl: the URL quoted, no Accept header for */*', () => {
    expect(curlCommand(conn, get(podLogPath('team-a', 'web-1', 'nginx')))).toBe(
      "curl --cert /tmp/sb/admin.crt --key /tmp/sb/admin.key --cacert /tmp/sb/ca.crt 'https://127.0.0.1:6443/api/v1/namespaces/team-a/pods/web-1/log?tailLines=500&container=nginx'",
    );
  });
});
