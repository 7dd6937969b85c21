// The explorer against a faulty sandbox (real ApiClient, TLS, faults injected after the first load):
// for each fault the frame names the cause and the next step, keys still work, what was loaded stays,
// and `q` quits.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, type ApiClientOptions } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import { type Fault, type Sandbox } from '../src/sandbox/server.js';
import { DOWN, ENTER, ESC, LEFT, UP, stripAnsi, useTui } from './helpers/ui.js';
import { useSandbox } from './helpers/sandbox.js';
import { status500, status503 } from './helpers/statuses.js';

let sb: Sandbox;
const T = 10_000;
const tui = useTui({ timeoutMs: T });
const { frame, keys, wait } = tui;
let api: ApiClient | undefined;

useSandbox('kapi-faults-ui-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));
afterEach(() => {
  sb.setFaults([]);
  api?.close();
  api = undefined;
});

const PODS_PATH = '/api/v1/namespaces/default/pods';

/** The rightmost pane's text (the detail pane), wrapped lines joined: robust to where words wrap. */
function detailText(f: string): string {
  const parts: string[] = [];
  for (const line of stripAnsi(f).split('\n')) {
    const idx: number[] = [];
    for (let i = 0; i < line.length; i++) if (line[i] === '│' || line[i] === '║') idx.push(i);
    if (idx.length >= 2) parts.push(line.slice(idx[idx.length - 2]! + 1, idx[idx.length - 1]).trim());
  }
  return parts.filter(Boolean).join(' ').replace(/\s+/g, ' ');
}

/** Waits until the detail pane shows `title`; returns its flattened text. */
async function detailError(title: string): Promise<string> {
  return detailText(await wait((x) => detailText(x).includes(`✖ ${title}`)));
}

/** Selects /metrics in the Groups pane without a filter (a filter would hide the rest of the tree). */
async function selectMetrics() {
  keys('G');
  await wait((f) => f.includes('› /openapi/v3'));
  keys(UP, UP, UP);
  await wait((f) => f.includes('› /metrics'));
}

/** The selected row of the focused list ('› name'). */
const selected = (f: string) => /›\s*(\S+)/.exec(f)?.[1];

async function startApp(opts: ApiClientOptions & { timeoutMs?: number } = {}, initialFaults: Fault[] = []) {
  const { timeoutMs, ...apiOpts } = opts;
  api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig, demo: true, timeoutMs }), {
    retry: { baseDelayMs: 10 },
    ...apiOpts,
  });
  sb.setFaults(initialFaults);
  const onExit = vi.fn();
  tui.render(<App api={api} onExit={onExit} color={false} version="test" />, { columns: 140, rows: 40 });
  await wait((f) => f.includes('core/v1 *') && f.includes('apps/v1') && /server v\d/.test(f));
  return { ...tui.r, onExit };
}

/** core/v1 → pods (in the default namespace) with `faults` switched on just before the list. */
async function openPodsWith(faults: Fault[], opts: Parameters<typeof startApp>[0] = {}) {
  const app = await startApp(opts);
  keys(ENTER);
  await wait((f) => f.includes('▶ Resources v1'));
  for (const k of ['/', 'p', 'o', 'd', 's', ENTER]) keys(k);
  await wait((f) => f.includes('› pods'));
  sb.setFaults(faults);
  keys(ENTER);
  return app;
}

/** After an error: the groups tree is still there, keys still move the cursor, q quits. */
async function stillUsable(app: Awaited<ReturnType<typeof startApp>>) {
  const { onExit } = app;
  sb.setFaults([]);
  // Back to the groups pane: the whole tree is still there (top of the list), and the cursor moves.
  keys(ESC);
  keys(ESC);
  keys(LEFT);
  await wait((f) => f.includes('▶ Groups'));
  keys('g');
  const f = await wait((x) => selected(x) === 'core/v1');
  expect(f).toMatch(/apps\/v1 \*/);
  expect(f).toMatch(/batch\/v1 \*/);
  expect(f).toContain('/healthz');
  keys(DOWN);
  await wait((x) => selected(x) === 'apiregistration.k8s.io/v1');
  keys(UP);
  await wait((x) => selected(x) === 'core/v1');
  keys('q');
  await vi.waitFor(() => expect(onExit).toHaveBeenCalledTimes(1), { timeout: T });
}

describe('the explorer with faults', () => {
  it('a response slower than the timeout: "Timed out", the limit, and how to raise it', async () => {
    // Long enough that the first load never hits it on a busy machine, short enough to wait for.
    const app = await openPodsWith([{ match: PODS_PATH, delayMs: 30_000 }], { timeoutMs: 2000 });
    const f = await detailError('Timed out');
    expect(f).toMatch(/No answer from 127\.0\.0\.1:\d+ within 2 s/);
    expect(f).toContain('--request-timeout');
    await stillUsable(app);
  });

  it('a slow request is cancelled with Esc: aborted, explained, r sends it again', async () => {
    const app = await openPodsWith([{ match: PODS_PATH, delayMs: 30_000 }]);
    // The slow request emits its event when it ends (cancelled), after this subscribes.
    const events: { path: string; error?: string }[] = [];
    api!.onRequest((e) => events.push(e));
    await wait((f) => f.includes('Esc cancels'));
    keys(ESC);
    const f = detailText(await wait((x) => /✖ cancelled/i.test(detailText(x))));
    expect(f).toMatch(/hint: press r/);
    await vi.waitFor(() => expect(events.find((e) => e.path.startsWith(PODS_PATH))?.error).toMatch(/cancelled/i), {
      timeout: T,
    });
    // r sends it again; without the fault the table arrives.
    sb.setFaults([]);
    keys('r');
    await wait((x) => /NAME\s+READY\s+STATUS/.test(x));
    await stillUsable(app);
  });

  it('a dropped connection: "Connection dropped", tried 3 times, what to check', async () => {
    const app = await openPodsWith([{ match: PODS_PATH, drop: true }]);
    const f = await detailError('Connection dropped');
    expect(f).toMatch(/closed the connection without answering/);
    expect(f).toContain('(tried 3 times)');
    expect(f).toMatch(/hint: .*load balancer/);
    await stillUsable(app);
  });

  it('a connection cut mid-response: how much arrived', async () => {
    const app = await openPodsWith([{ match: PODS_PATH, truncate: true }]);
    const f = await detailError('Connection dropped');
    expect(f).toMatch(/in the middle of the response/);
    expect(f).toMatch(/got \d+ of \d+\s+bytes/);
    await stillUsable(app);
  });

  it('500 with a Status: the server message, not retried, check the server logs', async () => {
    const app = await openPodsWith([
      { match: PODS_PATH, status: 500, body: status500, contentType: 'application/json' },
    ]);
    const f = await detailError('HTTP 500 Internal Error');
    expect(f).toContain('etcdserver: request timed out');
    expect(f).toMatch(/hint: .*check the API server logs/);
    expect(f).not.toContain('tried');
    await stillUsable(app);
  });

  it('503 with Retry-After: retried as told, then the error with the delay and where to look', async () => {
    const app = await openPodsWith([
      { match: PODS_PATH, status: 503, body: status503, contentType: 'application/json', retryAfterSeconds: 1 },
    ]);
    const f = await detailError('HTTP 503 Service Unavailable');
    expect(f).toContain('the server is currently unable to handle the request');
    expect(f).toMatch(/hint: .*apiservices.*Retry-After: 1s/);
    expect(f).toContain('(tried 3 times)');
    await stillUsable(app);
  });

  it('a 503 that happens once is invisible: the retry gets the table', async () => {
    const app = await openPodsWith([
      {
        match: PODS_PATH,
        status: 503,
        body: status503,
        contentType: 'application/json',
        retryAfterSeconds: 0,
        times: 1,
      },
    ]);
    await wait((x) => /NAME\s+READY\s+STATUS/.test(x));
    await stillUsable(app);
  });

  it('an HTML page instead of JSON: says so, with the page title and the proxy hint', async () => {
    const html =
      '<!DOCTYPE html><html><head><title>Access denied - Corporate Web Gateway</title></head><body>Sign in</body></html>';
    const app = await openPodsWith([{ match: PODS_PATH, status: 200, body: html, contentType: 'text/html' }]);
    const f = await detailError('Not a Kubernetes answer (HTML)');
    expect(f).toMatch(/answered HTML, not JSON/);
    expect(f).toContain('Access denied - Corporate Web Gateway');
    expect(f).toMatch(/hint: .*proxy/);
    await stillUsable(app);
  });

  it('truncated JSON: "Unreadable response", where it stops', async () => {
    const app = await openPodsWith([
      {
        match: PODS_PATH,
        status: 200,
        body: '{"kind":"Table","apiVersion":"meta.k8s.io/v1","rows":[{"cells":["web-',
        contentType: 'application/json',
      },
    ]);
    const f = await detailError('Unreadable response');
    expect(f).toMatch(/is truncated: it stops after \d+ bytes/);
    await stillUsable(app);
  });

  it('a 20 MB /metrics: shown, and the explorer stays responsive', async () => {
    const app = await startApp();
    await selectMetrics();
    sb.setFaults([{ match: '/metrics', hugeBytes: 20 * 1024 * 1024 }]);
    const t0 = Date.now();
    keys(ENTER);
    await wait(
      (f) => f.includes('GET /metrics 200') && f.includes('apiserver_request_duration_seconds_bucket'),
      20_000,
    );
    console.log(`UI: 20 MB /metrics on screen after ${Date.now() - t0} ms`);
    await stillUsable(app);
  });

  it('a body over the client limit: "Response too large" with the size', async () => {
    const app = await startApp({ maxBodyBytes: 4 * 1024 * 1024 });
    await selectMetrics();
    sb.setFaults([{ match: '/metrics', hugeBytes: 20 * 1024 * 1024 }]);
    keys(ENTER);
    const f = await detailError('Response too large');
    expect(f).toMatch(/too large: 20\.0 MB \(Content-Length\), the limit is 4\.0 MB/);
    await stillUsable(app);
  });

  it('legacy discovery: the tree is usable while a slow group-version is still on its way', async () => {
    const arrived: string[] = [];
    const app = await startApp({ legacyDiscovery: true }, [{ match: '/apis/apps/v1', delayMs: 3000 }]);
    api!.onRequest((e) => arrived.push(e.path));
    keys(ENTER);
    await wait((f) => f.includes('▶ Resources v1') && f.includes('pods/log'));
    expect(arrived).not.toContain('/apis/apps/v1');
    await vi.waitFor(() => expect(arrived).toContain('/apis/apps/v1'), { timeout: 6000 });
    await stillUsable(app);
  });

  it('one aggregated group failing (legacy discovery): flagged, the others listed and usable', async () => {
    const app = await startApp({ legacyDiscovery: true }, [
      { match: '/apis/metrics.k8s.io/v1beta1', status: 503, body: status503, contentType: 'application/json' },
    ]);
    // The group's name shows at once (legacy groups fill in as they arrive); its failure when it is in.
    const f = stripAnsi(await wait((x) => /metrics\.k8s\.io\/v1beta1 \* ⚠/.test(stripAnsi(x))));
    expect(f).toMatch(/⚠1/);
    expect(f).toContain('1 group(s) failed');
    // The failing group itself explains what failed.
    keys('G');
    for (const k of Array(9).fill(UP)) keys(k);
    await wait((x) => /› metrics\.k8s\.io/.test(x));
    keys(ENTER);
    const d = detailText(await wait((x) => detailText(x).includes('✖ Discovery of metrics.k8s.io/v1beta1 failed')));
    expect(d).toContain('503 ServiceUnavailable: the server is currently unable to handle the request');
    expect(d).toContain('kubectl get apiservices');
    expect(frame()).toContain('(discovery failed)');
    keys(LEFT);
    await wait((x) => x.includes('▶ Groups'));
    keys('g');
    await wait((x) => selected(x) === 'core/v1');
    // Another group still works.
    keys(DOWN);
    keys(DOWN);
    await wait((x) => x.includes('› apps/v1'));
    keys(ENTER);
    await wait((x) => x.includes('deployments') && x.includes('▶ Resources apps/v1'));
    await stillUsable(app);
  });
});
