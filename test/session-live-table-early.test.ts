// Paging a big table: the next page is asked for as soon as this page's continue token can be read
// from its body's first bytes, before the rest has arrived and before it is parsed (the server
// works on it meanwhile). The parsed page's
// token is the one that counts: a token read wrongly costs a cancelled request, not a wrong table.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { ApiClient, connect } from '../src/client/index.js';
import { peekContinue } from '../src/client/api.js';
import type { KubeApi, ListOptions } from '../src/client/types.js';
import type { TableData } from '../src/model/loadable.js';
import type { ListPage, ResourceRef } from '../src/model/types.js';
import { FakeApi } from './helpers/fake-api.js';
import { PODS, useLiveTables } from './helpers/live-table.js';
import { useSandbox } from './helpers/sandbox.js';
import type { Sandbox } from '../src/sandbox/server.js';

let sb: Sandbox;
useSandbox('kapi-early-', { watchIntervalMs: 0, pods: 1200 }, (s) => ({ sb } = s));

it('peekContinue reads the token where kube-apiserver writes it, and nothing else', () => {
  const table =
    '{"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"9","continue":"eyJydiI6Ijki_-A","remainingItemCount":3},"rows":[]}';
  expect(peekContinue(table)).toBe('eyJydiI6Ijki_-A');
  expect(peekContinue('{"kind":"PodList","apiVersion":"v1","metadata":{"continue":"YWJj=="},"items":[]}')).toBe(
    'YWJj==',
  );
  expect(
    peekContinue('{"kind":"Table","apiVersion":"meta.k8s.io/v1","metadata":{"resourceVersion":"9"},"rows":[]}'),
  ).toBe(undefined);
  // Not first, escaped, or in an item: left to the parse.
  expect(peekContinue('{"metadata":{"continue":"abc"},"kind":"PodList"}')).toBe(undefined);
  expect(peekContinue('{"kind":"PodList","apiVersion":"v1","metadata":{"continue":"a\\u0062c"}}')).toBe(undefined);
  expect(
    peekContinue('{"kind":"PodList","apiVersion":"v1","metadata":{},"items":[{"metadata":{"continue":"x"}}]}'),
  ).toBe(undefined);
});

it('ApiClient.list tells the continue token before the page is parsed and handed over', async () => {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
  const told: string[] = [];
  const page = api.list(PODS, { limit: 2, onContinue: (t) => told.push(t) });
  expect(told).toEqual([]);
  const first = await page;
  expect(first.continueToken).toBeTruthy();
  expect(told).toEqual([first.continueToken]);
  const last = await api.list(PODS, { namespace: 'team-a', limit: 500, onContinue: (t) => told.push(t) });
  expect(last.continueToken).toBe(undefined);
  expect(told).toHaveLength(1);
});

it('ApiClient.list tells the token from the first bytes of a body whose rest is still to come', async () => {
  // A plain local server (kubectl proxy mode) that writes a page's head and padding, then holds the
  // rest back until the next page is asked for: told only once the body ended, this would never end.
  const held: ServerResponse[] = [];
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    asked.push(url.searchParams.get('continue') ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    if (url.searchParams.get('continue')) {
      res.end('{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"9"},"items":[]}');
      for (const r of held.splice(0)) r.end(']}');
      return;
    }
    const pod = JSON.stringify({ metadata: { name: 'p'.repeat(60), namespace: 'default' } });
    res.write(`{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"9","continue":"next-tok"},"items":[`);
    res.write(Array.from({ length: 40 }, () => pod).join(','));
    held.push(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const api = new ApiClient(await connect({ proxy: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  try {
    const told: string[] = [];
    let second: Promise<ListPage> | undefined;
    const first = await api.list(PODS, {
      table: false,
      namespace: 'default',
      onContinue: (t) => {
        told.push(t);
        second = api.list(PODS, { table: false, namespace: 'default', continueToken: t });
      },
    });
    expect(told).toEqual(['next-tok']);
    expect(first.continueToken).toBe('next-tok');
    expect(first.items).toHaveLength(40);
    expect((await second!).items).toHaveLength(0);
    expect(asked).toEqual(['', 'next-tok']);
  } finally {
    api.close();
    for (const r of held) r.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  }
});

it('an onContinue that throws fails that list call, not the process', async () => {
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
  let calls = 0;
  const onContinue = () => {
    calls++;
    throw new Error('onContinue failed');
  };
  await expect(api.list(PODS, { limit: 2, onContinue })).rejects.toThrow('onContinue failed');
  // Told from the body's first KiB (the throw caught there), then once more with the whole body.
  expect(calls).toBe(2);
  api.close();
});

type Log = string[];

/** `list` of `base`, recording when each page is asked for and when it is handed over; `wrong`: it
 *  tells a wrong token early. */
function recorded<T extends { list: FakeApi['list'] }>(api: T, log: Log, wrong = false): T {
  const list = api.list.bind(api);
  api.list = async (ref: ResourceRef, opts: ListOptions = {}): Promise<ListPage> => {
    const at = opts.continueToken ? `page ${log.filter((l) => l.startsWith('ask')).length}` : 'first page';
    log.push(`ask ${at}`);
    const tell = opts.onContinue;
    const page = await list(ref, tell && wrong ? { ...opts, onContinue: (t) => tell(`${t}-wrong`) } : opts);
    log.push(`got ${at}`);
    return page;
  };
  return api;
}

const open = useLiveTables();

async function listAll(api: KubeApi, namespace: string | undefined): Promise<TableData> {
  const { updates, live } = open(api, namespace);
  await expect.poll(() => updates.at(-1)?.done).toBe(true);
  live.stop();
  return updates.at(-1)!;
}

it('a listing asks for the next page before it is handed this one, each page once', async () => {
  const log: Log = [];
  const api = recorded(new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig })), log);
  const table = await listAll(api, undefined);
  const all = sb.store.list('', 'v1', 'pods');
  expect(table.rows.map((r) => r.object?.metadata?.name)).toEqual(all.map((p) => p.metadata.name));
  expect(table.pages).toBe(3);
  expect(log).toEqual(['ask first page', 'ask page 1', 'got first page', 'ask page 2', 'got page 1', 'got page 2']);
});

it('a token read wrongly: that request is cancelled, the parsed token is asked for, the table is whole', async () => {
  const log: Log = [];
  const calls: string[] = [];
  const fake = new FakeApi({ pods: 7, pageSize: 2 });
  const list = fake.list.bind(fake);
  fake.list = (ref, opts = {}) => {
    calls.push(opts.continueToken ?? '');
    return list(ref, opts);
  };
  const table = await listAll(recorded(fake, log, true), 'default');
  expect(table.rows).toHaveLength(7);
  expect(new Set(table.rows.map((r) => r.object?.metadata?.name)).size).toBe(7);
  expect(table.pages).toBe(4);
  // Each wrong token was asked for (and its answer dropped); each right one once, after its page.
  expect(calls.filter((c) => !c.endsWith('-wrong'))).toEqual(['', '2', '4', '6']);
  expect(calls.filter((c) => c.endsWith('-wrong')).length).toBeGreaterThan(0);
});
