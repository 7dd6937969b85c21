// In-process UI benchmark, run by scripts/bench.mjs as a child process (one process per run, so RSS
// is the explorer's own: the sandbox lives in the parent). Bundled on the fly by
// scripts/bench/bundle.mjs; not part of the published CLI.
//
// It renders the real <App> with the real ApiClient (connected through the sandbox's kubeconfig,
// over TLS) into a fake terminal — stdout is an EventEmitter with columns/rows/isTTY whose write()
// timestamps every frame, stdin feeds keys through Ink's 'readable' path — in Ink's normal (not
// debug) mode, so frames go through the same throttle (maxFps 30) and log-update as in a terminal.
// Then it drives the explorer with keys:
//   1. n, Enter (all namespaces); Enter on core/v1; /pods Enter      (not timed)
//   2. Enter on pods: time to the first frame showing `loadgen-` rows, and to the frame whose note
//      says "N object(s), P page(s)" without "loading more" (all pages listed and shown)
//   3. process.memoryUsage().rss right at that frame (the figure), and again after a full GC
//   4. Down × keys: each key is written `gapMs` after the previous frame (longer than Ink's 33 ms
//      throttle window: a person typing, not key repeat) and timed until the first frame whose
//      position info ("k/N" in the pane title) shows the move
//   4b. `:` over the same table, then one character per key (`deployments.apps-` repeated, `keys`
//      of them), each timed until the first frame whose prompt shows it; Esc closes the line
//   5. Esc Esc, /openapi/v2 Enter, Enter: the parent serves a ≥5 MB JSON document there; then
//      Down × keys/2 and PgDn × keys/2, each timed until the first frame showing the new scroll
//      position ("a-b/L" in the pane title)
// With mode 'table' step 5 is skipped (the 200k-pod run); the soak modes (`--soak`) keep the pods
// table (its watch running) or a followed pod log open for soakMs and sample RSS every sampleMs
// (after a full GC, so garbage not yet collected does not count as growth).
// The result is one line on stdout: `BENCH_RESULT {json}` (or `BENCH_ERROR "..."` with the last
// frame). The waits rely on the UI's wording (the texts passed to until()/next() below): when the UI
// changes, a wait times out with the last frame in the error, and this is the place to update.
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { App } from '../../src/ui/App.js';
import { RENDER_OPTIONS } from '../../src/ui/launch.js';
import { ApiClient, connect } from '../../src/client/index.js';
import type { RequestEvent } from '../../src/model/types.js';

interface Config {
  kubeconfig: string;
  cols: number;
  rows: number;
  keys: number;
  gapMs: number;
  timeoutMs: number;
  /** 'full' (default): steps 1-5; 'table': steps 1-4 (no JSON); 'soak-table': steps 1-2, then RSS
   *  sampled while the table's watch runs; 'soak-log': db-0's log in team-a followed, RSS sampled. */
  mode?: 'full' | 'table' | 'soak-table' | 'soak-log';
  /** Soak modes: how long to sample, and how often. */
  soakMs?: number;
  sampleMs?: number;
}

const ENTER = '\r';
const ESC = '\u001B';
const DOWN = '\u001B[B';
const PAGE_DOWN = '\u001B[6~';

// CSI, OSC and two-character escapes (cursor save/restore, keypad modes).

const ANSI = /\u001B(?:\[[0-9;?<=>]*[ -/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[@-Z\\-_78=>])/g;
const strip = (s: string) => s.replace(ANSI, '');

interface Frame {
  t: number;
  text: string;
}
interface Waiter {
  pred: (text: string) => boolean;
  resolve: (f: Frame) => void;
}

/** A terminal-sized stdout: each non-empty write is a frame (log-update writes whole frames). */
class FakeStdout extends EventEmitter {
  isTTY = true;
  frames = 0;
  last: Frame = { t: 0, text: '' };
  private waiters: Waiter[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (chunk: string | Uint8Array): boolean => {
    const t = performance.now();
    const text = strip(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    if (!text.trim()) return true;
    this.frames++;
    this.last = { t, text };
    for (const w of this.waiters.slice()) {
      if (w.pred(text)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(this.last);
      }
    }
    return true;
  };
  /** The first frame written from now on that satisfies `pred`. */
  next(pred: (text: string) => boolean, timeoutMs: number, what: string): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no frame with ${what} within ${timeoutMs} ms; last frame:\n${this.last.text}`));
      }, timeoutMs);
      const waiter: Waiter = {
        pred,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      };
      this.waiters.push(waiter);
    });
  }
  /** Like next(), but the current frame counts too. */
  until(pred: (text: string) => boolean, timeoutMs: number, what: string): Promise<Frame> {
    return pred(this.last.text) ? Promise.resolve(this.last) : this.next(pred, timeoutMs, what);
  }
}

/** What Ink 6 needs from stdin: isTTY, setRawMode, setEncoding, ref/unref, 'readable' + read(). */
class FakeStdin extends EventEmitter {
  isTTY = true;
  private queue: string[] = [];
  press = (data: string) => {
    this.queue.push(data);
    this.emit('readable');
  };
  read = (): string | null => this.queue.shift() ?? null;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Monotonic microseconds, the clock of V8 CPU profiles (for --profile phase windows). */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

async function main(cfg: Config): Promise<object> {
  const T = cfg.timeoutMs;
  const gc = () => (globalThis as { gc?: () => void }).gc?.();
  gc();
  const memStart = process.memoryUsage();
  const api = new ApiClient(await connect({ kubeconfig: cfg.kubeconfig }));
  gc();
  const memConnected = process.memoryUsage();
  const requests: RequestEvent[] = [];
  api.onRequest((ev) => requests.push(ev));
  const stdout = new FakeStdout(cfg.cols, cfg.rows);
  const stderr = new FakeStdout(cfg.cols, cfg.rows);
  const stdin = new FakeStdin();
  let renderMs = 0;
  let renders = 0;
  const ns = cfg.mode === 'soak-log' ? 'team-a' : undefined;
  const instance = render(<App api={api} version="bench" initialNamespace={ns} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    ...RENDER_OPTIONS,
    // Ink's own part of a frame (layout + output), summed for the explanation of slow frames.
    onRender: ({ renderTime }) => {
      renderMs += renderTime;
      renders++;
    },
  });
  const type = (s: string) => {
    for (const ch of s) stdin.press(ch);
  };

  const phases: Record<string, [number, number]> = {};
  const startUs = nowUs();
  if (cfg.mode === 'soak-log') {
    await stdout.until((f) => f.includes('apps/v1') && f.includes('core/v1'), T, 'the group tree');
    await openPodsTable(stdout, stdin, type, T, cfg.gapMs);
    type('/db-');
    stdin.press(ENTER);
    await stdout.until((f) => f.includes('› db-0') && !f.includes('filter:'), T, 'db-0 selected');
    stdin.press('o');
    await stdout.until((f) => f.includes('logs db-0'), T, "db-0's log");
    stdin.press('f');
    await stdout.until((f) => f.includes('● following'), T, 'the log followed');
    const samples = await sampleRss(cfg);
    const lines = Number(/following: (\d+) lines/.exec(stdout.last.text)?.[1] ?? 0);
    instance.unmount();
    return { pid: process.pid, soak: { samples, lines, frames: stdout.frames } };
  }
  // 1. Navigate to pods in all namespaces (not timed).
  await stdout.until((f) => f.includes('apps/v1') && f.includes('core/v1'), T, 'the group tree');
  phases.startup = [startUs, nowUs()];
  await sleep(100);
  gc();
  const memTree = process.memoryUsage();
  stdin.press('n');
  await stdout.until((f) => f.includes('bench-0'), T, 'the namespace picker listing bench-0');
  stdin.press(ENTER);
  await stdout.until((f) => /ns all|all namespaces/.test(f) && !f.includes('bench-0'), T, 'all namespaces');
  stdin.press(ENTER);
  await stdout.until((f) => f.includes('Resources v1'), T, 'the v1 resources');
  type('/pods');
  stdin.press(ENTER);
  await stdout.until((f) => f.includes('› pods'), T, 'pods selected');
  await sleep(cfg.gapMs);

  // 2. Enter → first rows → all rows.
  const doneRe = /(\d+) object\(s\), (\d+) page\(s\)(?!, loading)/;
  const reqBefore = requests.length;
  const rendersBefore = { ms: renderMs, n: renders };
  const firstRows = stdout.next((f) => /loadgen-\d/.test(f), T, 'loadgen- rows');
  const allRows = stdout.next((f) => doneRe.test(f) && /loadgen-\d/.test(f), T * 4, 'all rows listed');
  const t0 = performance.now();
  const loadUs = nowUs();
  const cpu0 = process.cpuUsage();
  stdin.press(ENTER);
  const first = await firstRows;
  phases.firstRows = [loadUs, nowUs()];
  const all = await allRows;
  phases.allRows = [loadUs, nowUs()];
  const mem = process.memoryUsage();
  const loadCpu = process.cpuUsage(cpu0);
  // 3b. What stays: the same after a full GC (the child runs with --expose-gc).
  await sleep(200);
  gc();
  const memGc = process.memoryUsage();
  const m = doneRe.exec(all.text)!;
  const total = Number(m[1]);
  const listReqs = requests.slice(reqBefore).filter((r) => r.path.includes('/pods?') && !r.path.includes('watch='));
  if (cfg.mode === 'soak-table') {
    const soakStart = requests.length;
    const soakStartedAt = Date.now();
    const samples = await sampleRss(cfg);
    instance.unmount();
    // What the table asked for while it was watched (a re-list shows as pages of pods): seconds
    // since the soak started, method, path and status.
    const during = requests
      .slice(soakStart)
      .map(
        (r) =>
          `${Math.round((r.startedAt - soakStartedAt) / 1000)} s ${r.method} ${r.path} ${r.status ?? r.error ?? ''}`,
      );
    return {
      pid: process.pid,
      soak: { samples, objects: Number(doneRe.exec(all.text)![1]), frames: stdout.frames, requests: during },
    };
  }
  const load = {
    firstRowsMs: first.t - t0,
    allRowsMs: all.t - t0,
    objects: total,
    pages: Number(m[2]),
    requestMsSum: listReqs.reduce((a, r) => a + r.durationMs, 0),
    bytes: listReqs.reduce((a, r) => a + r.bytes, 0),
    inkRenderMs: renderMs - rendersBefore.ms,
    inkRenders: renders - rendersBefore.n,
    cpuMs: (loadCpu.user + loadCpu.system) / 1000,
    rss: mem.rss,
    heapUsed: mem.heapUsed,
    external: mem.external,
    arrayBuffers: mem.arrayBuffers,
    rssAfterGc: memGc.rss,
    heapAfterGc: memGc.heapUsed,
  };

  // 4. Down keys in the 50k-row table; the pane title shows "cursor/total".
  const tableKeys: number[] = [];
  const tableInk: number[] = [];
  const tableCpu: number[] = [];
  const tableUs = nowUs();
  for (let i = 0; i < cfg.keys; i++) {
    await sleep(cfg.gapMs);
    const want = new RegExp(`(?<![0-9])${i + 2}/${total}(?![0-9])`);
    const p = stdout.next((f) => want.test(f), T, `position ${i + 2}/${total}`);
    const r0 = renderMs;
    const c0 = process.cpuUsage();
    const k0 = performance.now();
    stdin.press(DOWN);
    const f = await p;
    const c = process.cpuUsage(c0);
    tableKeys.push(f.t - k0);
    tableInk.push(renderMs - r0);
    tableCpu.push((c.user + c.system) / 1000);
  }
  phases.tableKeys = [tableUs, nowUs()];
  const memAfterKeys = process.memoryUsage().rss;

  if (cfg.mode === 'table') {
    instance.unmount();
    return {
      pid: process.pid,
      phases,
      load,
      table: { keys: tableKeys, inkMs: tableInk, cpuMs: tableCpu, rssAfter: memAfterKeys },
    };
  }

  // 4b. The `:` command line open over the same table: each typed character timed until the first
  // frame whose prompt shows it (completion runs on every key; the N rows stay on screen).
  await sleep(cfg.gapMs);
  stdin.press(':');
  await stdout.until((f) => /:█|:\s+Tab complete/.test(f), T, 'the command line open');
  const commandKeys: number[] = [];
  const commandCpu: number[] = [];
  const word = 'deployments.apps-'.repeat(Math.ceil(cfg.keys / 17)).slice(0, cfg.keys);
  const commandUs = nowUs();
  for (let i = 0; i < word.length; i++) {
    await sleep(cfg.gapMs);
    const typed = `:${word.slice(0, i + 1)}`;
    const p = stdout.next((f) => f.includes(typed) && f.includes(`/${total}`), T, `the prompt ${typed}`);
    const c0 = process.cpuUsage();
    const k0 = performance.now();
    stdin.press(word[i]!);
    const f = await p;
    const c = process.cpuUsage(c0);
    commandKeys.push(f.t - k0);
    commandCpu.push((c.user + c.system) / 1000);
  }
  phases.commandKeys = [commandUs, nowUs()];
  await sleep(cfg.gapMs);
  stdin.press(ESC);
  await stdout.until((f) => !f.includes(`:${word}`) && f.includes(`/${total}`), T, 'the command line closed');

  // 5. The 5 MB JSON document at /openapi/v2.
  await sleep(cfg.gapMs);
  stdin.press(ESC);
  await stdout.until((f) => f.includes('▶ Resources'), T, 'resources focused');
  // Esc clears the /pods filter first, then goes back to the groups.
  stdin.press(ESC);
  await stdout.until((f) => f.includes('▶ Resources') && !f.includes('/pods'), T, 'the resources filter cleared');
  stdin.press(ESC);
  await stdout.until((f) => f.includes('▶ Groups'), T, 'groups focused');
  type('/openapi/v2');
  stdin.press(ENTER);
  await stdout.until((f) => f.includes('› /openapi/v2'), T, '/openapi/v2 selected');
  await sleep(cfg.gapMs);
  const infoRe = /(\d+)-(\d+)\/(\d+)/;
  const opened = stdout.next(
    (f) => f.includes('GET /openapi/v2') && f.includes('[JSON]') && infoRe.test(f),
    T * 2,
    'the JSON document',
  );
  const j0 = performance.now();
  const openUs = nowUs();
  stdin.press(ENTER);
  const openedFrame = await opened;
  phases.jsonOpen = [openUs, nowUs()];
  const openMs = openedFrame.t - j0;
  const docReq = requests.filter((r) => r.path === '/openapi/v2').pop();
  let info = infoRe.exec(openedFrame.text)!;
  const lines = Number(info[3]);
  const jsonKeys: number[] = [];
  const jsonCpu: number[] = [];
  const jsonUs = nowUs();
  for (let i = 0; i < cfg.keys; i++) {
    await sleep(cfg.gapMs);
    const key = i < cfg.keys / 2 ? DOWN : PAGE_DOWN;
    const from = Number(info[1]);
    const p = stdout.next(
      (f) => {
        const x = infoRe.exec(f);
        return x !== null && Number(x[1]) > from;
      },
      T,
      `scroll past line ${from}`,
    );
    const c0 = process.cpuUsage();
    const k0 = performance.now();
    stdin.press(key);
    const f = await p;
    const c = process.cpuUsage(c0);
    jsonKeys.push(f.t - k0);
    jsonCpu.push((c.user + c.system) / 1000);
    info = infoRe.exec(f.text)!;
  }
  phases.jsonKeys = [jsonUs, nowUs()];
  const json = {
    openMs,
    bytes: docReq?.bytes ?? 0,
    requestMs: docReq?.durationMs ?? 0,
    lines,
    keys: jsonKeys,
    cpuMs: jsonCpu,
    rss: process.memoryUsage().rss,
  };

  instance.unmount();
  instance.cleanup();
  const baseline = {
    start: { rss: memStart.rss, heap: memStart.heapUsed },
    connected: { rss: memConnected.rss, heap: memConnected.heapUsed },
    tree: { rss: memTree.rss, heap: memTree.heapUsed },
  };
  return {
    pid: process.pid,
    phases,
    baseline,
    load,
    table: { keys: tableKeys, inkMs: tableInk, cpuMs: tableCpu, rssAfter: memAfterKeys },
    commandLine: { keys: commandKeys, cpuMs: commandCpu },
    json,
    frames: stdout.frames,
  };
}

/** Core v1 pods opened from the group tree (the namespace is the App's: all, or initialNamespace). */
async function openPodsTable(
  stdout: FakeStdout,
  stdin: FakeStdin,
  type: (s: string) => void,
  T: number,
  gapMs: number,
): Promise<void> {
  stdin.press(ENTER);
  await stdout.until((f) => f.includes('Resources v1'), T, 'the v1 resources');
  type('/pods');
  stdin.press(ENTER);
  await stdout.until((f) => f.includes('› pods'), T, 'pods selected');
  await sleep(gapMs);
  stdin.press(ENTER);
  await stdout.until((f) => f.includes('db-0'), T, 'the pods table');
}

/** RSS (after a full GC) every sampleMs for soakMs: [ms since the start, RSS, V8 heap committed,
 *  V8 heap used, external + array buffers] (bytes)[]. */
async function sampleRss(cfg: Config): Promise<[number, number, number, number, number][]> {
  const samples: [number, number, number, number, number][] = [];
  const t0 = performance.now();
  const soakMs = cfg.soakMs ?? 60_000;
  const every = cfg.sampleMs ?? 5_000;
  for (let t = 0; t <= soakMs; t += every) {
    const wait = t0 + t - performance.now();
    if (wait > 0) await sleep(wait);
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    samples.push([Math.round(performance.now() - t0), m.rss, m.heapTotal, m.heapUsed, m.external + m.arrayBuffers]);
  }
  return samples;
}

const cfg = JSON.parse(process.argv[2] ?? '{}') as Config;
main(cfg).then(
  (result) => {
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stdout.write(
      `BENCH_ERROR ${JSON.stringify(err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`,
    );
    process.exit(1);
  },
);
