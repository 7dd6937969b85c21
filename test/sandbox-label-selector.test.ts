// labelSelector on the sandbox: parsed like apimachinery's labels.Parse (same errors, answered 400
// BadRequest as kube-apiserver does), honoured by list and watch.
import { expect, it, vi } from 'vitest';
import { matchesLabels, parseLabelSelector } from '../src/sandbox/label-selector.js';
import { selectedType } from '../src/sandbox/resources.js';
import { ApiClient, connect } from '../src/client/index.js';
import type { WatchEventMessage } from '../src/client/types.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { POD_REF } from '../src/model/pod-logs.js';
import { useSandbox } from './helpers/sandbox.js';

let sb: Sandbox;
useSandbox('kapi-labels-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));

const match = (selector: string, labels: Record<string, string>) => {
  const parsed = parseLabelSelector(selector);
  if ('error' in parsed) throw new Error(parsed.error);
  return matchesLabels(parsed.requirements, labels);
};

it('equality, inequality, existence, absence and sets, as kube-apiserver matches them', () => {
  const web = { app: 'web', tier: 'front' };
  expect(match('app=web', web)).toBe(true);
  expect(match('app==web,tier=front', web)).toBe(true);
  expect(match('app!=web', web)).toBe(false);
  expect(match('app!=db', {})).toBe(true); // != also matches objects without the label
  expect(match('tier', web)).toBe(true);
  expect(match('!tier', web)).toBe(false);
  expect(match('app in (db, web)', web)).toBe(true);
  expect(match('app notin (db,web)', web)).toBe(false);
  expect(match('', web)).toBe(true);
});

it("malformed selectors get labels.Parse's words", () => {
  expect(parseLabelSelector('a=b=c')).toEqual({ error: "found '=', expected: ',' or 'end of string'" });
  expect(parseLabelSelector('a b')).toEqual({
    error: "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt",
  });
  expect(parseLabelSelector('a in (b c)')).toEqual({
    error: "unable to parse requirement: found 'c', expected: ',' or ')'",
  });
  expect(parseLabelSelector('a,')).toEqual({ error: "found '', expected: identifier after ','" });
  expect(parseLabelSelector('=a')).toEqual({ error: "found '=', expected: !, identifier, or 'end of string'" });
});

it('list and watch with labelSelector; a malformed one is a 400 BadRequest Status', async () => {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
  const page = await api.list(POD_REF, { namespace: 'demo', labelSelector: 'app=frontend' });
  expect(page.rows.map((r) => String(r.cells[0]).replace(/-[a-z0-9]+$/, ''))).toEqual([
    'frontend-wdkhbs4lt7',
    'frontend-wdkhbs4lt7',
  ]);
  const events: WatchEventMessage[] = [];
  const watch = api.watch(
    POD_REF,
    { namespace: 'demo', resourceVersion: page.resourceVersion, labelSelector: 'app=frontend' },
    (e) => events.push(e),
  );
  try {
    await new Promise<void>((resolve) =>
      api.onRequest((e) => {
        if (e.path.includes('watch=1') && e.status === 200) resolve();
      }),
    );
    for (let i = 0; i < 5; i++) sb.store.tick(); // crashy flips five times; one frontend pod is replaced
    // The stream keeps the order of the changes: crashy's (made before the ADDED) would be here by now.
    await vi.waitFor(() => expect(events.at(-1)?.type).toBe('ADDED'));
  } finally {
    watch.stop();
  }
  expect(events.map((e) => `${e.type} ${e.object.metadata.labels.app}`)).toEqual([
    'DELETED frontend',
    'ADDED frontend',
  ]);
  const err = await api.list(POD_REF, { namespace: 'demo', labelSelector: 'a=b=c' }).catch((e: unknown) => e);
  expect(err).toMatchObject({
    status: 400,
    reason: 'BadRequest',
    serverMessage: "found '=', expected: ',' or 'end of string'",
  });
});

it('a watch with a selector: an object that starts matching is ADDED, one that stops matching DELETED', () => {
  const parsed = parseLabelSelector('tier=web');
  if ('error' in parsed) throw new Error(parsed.error);
  const selected = (o: { metadata: { labels?: Record<string, string> } }) =>
    matchesLabels(parsed.requirements, o.metadata.labels);
  const pod = (tier?: string) => ({ metadata: { name: 'p', labels: tier ? { tier } : {} } });
  expect(selectedType({ type: 'MODIFIED', object: pod('web'), previous: pod('db') }, selected)).toBe('ADDED');
  expect(selectedType({ type: 'MODIFIED', object: pod('db'), previous: pod('web') }, selected)).toBe('DELETED');
  expect(selectedType({ type: 'MODIFIED', object: pod('web'), previous: pod('web') }, selected)).toBe('MODIFIED');
  expect(selectedType({ type: 'MODIFIED', object: pod(), previous: pod('db') }, selected)).toBeUndefined();
  expect(selectedType({ type: 'DELETED', object: pod('web') }, selected)).toBe('DELETED');
  expect(selectedType({ type: 'ADDED', object: pod('db') }, selected)).toBeUndefined();
});
