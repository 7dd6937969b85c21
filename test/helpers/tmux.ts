// Runs a program in a real terminal (tmux) and reads its screen, for end-to-end tests.
// Each session uses its own tmux server socket so tests never touch the user's tmux.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { shellQuote } from '../../src/model/shell.js';

let counter = 0;

function tmux(socket: string, args: string[]): Promise<string> {
  return new Promise((res, rej) => {
    execFile('tmux', ['-L', socket, ...args], { timeout: 10_000 }, (err, stdout, stderr) => {
      if (err) rej(new Error(`tmux ${args.join(' ')}: ${stderr || err.message}`));
      else res(stdout);
    });
  });
}

export const CLI = resolve(import.meta.dirname, '../../dist/cli.js');

export interface TermOptions {
  cols?: number;
  rows?: number;
  env?: Record<string, string>;
  cwd?: string;
  /** A screen that matches this fails the next `waitFor`/`check` at once (default: STACK_TRACE). */
  forbid?: RegExp | null;
}

/** What must never be on screen: a JavaScript stack trace or the crash handler's line. */
export const STACK_TRACE =
  /^\s*at (?:async )?\S.*(?:\(.*:\d+:\d+\)|:\d+:\d+)\s*$|kapi-tui crashed|Uncaught |(?:TypeError|ReferenceError|RangeError|SyntaxError): /m;

/** Variables removed from the program's environment. CI (and CONTINUOUS_INTEGRATION) make Ink
 *  (via is-in-ci) render nothing until exit, even on a real terminal; the CI script exports
 *  CI=true, so without this every screen would stay blank in CI. */
export const UNSET_ENV = ['CI', 'CONTINUOUS_INTEGRATION'];

const live = new Set<Term>();

export class Term {
  private constructor(
    private readonly socket: string,
    readonly cols: number,
    readonly rows: number,
    private readonly forbid: RegExp | null,
  ) {}

  private socketPath: string | undefined;

  /** Starts `command` (a shell command line) in a fresh tmux server of the given size. */
  static async start(command: string, opts: TermOptions = {}): Promise<Term> {
    const cols = opts.cols ?? 120;
    const rows = opts.rows ?? 40;
    const socket = `kapi-test-${process.pid}-${++counter}`;
    const env = Object.entries({ TERM: 'xterm-256color', ...opts.env })
      .map(([k, v]) => `${k}=${shellQuote(v)}`)
      .join(' ');
    const unset = UNSET_ENV.map((v) => `-u ${v}`).join(' ');
    const cd = opts.cwd ? `cd ${shellQuote(opts.cwd)} && ` : '';
    // remain-on-exit keeps the pane after the program ends, so its exit status can be read. It is
    // set globally before the session exists: a program that exits at once cannot beat it.
    const term = new Term(socket, cols, rows, opts.forbid === undefined ? STACK_TRACE : opts.forbid);
    live.add(term);
    await tmux(socket, [
      '-f',
      '/dev/null',
      'start-server',
      ';',
      'set-option',
      '-g',
      'remain-on-exit',
      'on',
      ';',
      'new-session',
      '-d',
      '-s',
      'main',
      '-x',
      String(cols),
      '-y',
      String(rows),
      `${cd}env ${unset} ${env} ${command}`,
    ]);
    term.socketPath = await term.format('#{socket_path}').catch(() => undefined);
    return term;
  }

  /** Kills every tmux server this process started and has not killed yet (for afterEach). */
  static async killAll(): Promise<void> {
    await Promise.all([...live].map((t) => t.kill()));
  }

  async screen(): Promise<string> {
    const s = await tmux(this.socket, ['capture-pane', '-p', '-t', 'main']);
    this.check(s);
    return s;
  }

  /** Throws if the screen shows what must never be shown (a stack trace by default). */
  check(screen: string): void {
    if (this.forbid?.test(screen)) throw new Error(`screen shows ${String(this.forbid)}:\n${screen}`);
  }

  /** The line the cursor is on, right-trimmed (what VHS's `Wait+Line` looks at). */
  async cursorLine(): Promise<string> {
    const y = await this.format('#{cursor_y}');
    const line = (await tmux(this.socket, ['capture-pane', '-p', '-t', 'main', '-S', y, '-E', y]))
      .replace(/\n$/, '')
      .trimEnd();
    this.check(line);
    return line;
  }

  /** The name of the pane's foreground process (e.g. `bash` once a program run from it exits). */
  currentCommand(): Promise<string> {
    return this.format('#{pane_current_command}');
  }

  /** Keys in tmux send-keys syntax: 'Down', 'Enter', 'Escape', 'C-c', or literal text with `literal`. */
  async keys(...keys: string[]): Promise<void> {
    await tmux(this.socket, ['send-keys', '-t', 'main', ...keys]);
  }

  async type(text: string): Promise<void> {
    await tmux(this.socket, ['send-keys', '-t', 'main', '-l', text]);
  }

  /** tmux's newest paste buffer ('' when it has none). */
  async showBuffer(): Promise<string> {
    return tmux(this.socket, ['show-buffer']).catch(() => '');
  }

  async resize(cols: number, rows: number): Promise<void> {
    await tmux(this.socket, ['resize-window', '-t', 'main', '-x', String(cols), '-y', String(rows)]);
  }

  /** The pane's current size as tmux reports it. */
  async size(): Promise<{ cols: number; rows: number }> {
    const [cols, rows] = (await this.format('#{pane_width} #{pane_height}')).split(' ').map(Number);
    return { cols, rows };
  }

  /** The program's process id (`env` execs it, so the pane's process is the program itself). */
  async pid(): Promise<number> {
    return Number(await this.format('#{pane_pid}'));
  }

  private async format(fmt: string): Promise<string> {
    return (await tmux(this.socket, ['display-message', '-p', '-t', 'main', fmt])).trim();
  }

  /** Whether the program still runs, its exit status (or the signal that ended it), and whether
   *  it left the alternate screen. */
  async state(): Promise<{
    dead: boolean;
    status: number | undefined;
    signal: number | undefined;
    alternate: boolean;
  }> {
    const [dead, status, signal, alt] = (
      await this.format('#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}:#{alternate_on}')
    ).split(':');
    const num = (v: string) => (v === '' ? undefined : Number(v));
    return { dead: dead === '1', status: num(status), signal: num(signal), alternate: alt === '1' };
  }

  /** Polls the screen until `test` passes; the screen is the event we wait for. */
  async waitFor(test: string | RegExp | ((screen: string) => boolean), timeoutMs = 15_000): Promise<string> {
    const ok =
      typeof test === 'function' ? test : (s: string) => (typeof test === 'string' ? s.includes(test) : test.test(s));
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = await this.screen();
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 40));
    }
    throw new Error(`screen did not show ${String(test)} within ${timeoutMs} ms; last screen:\n${last}`);
  }

  async waitForExit(
    timeoutMs = 10_000,
  ): Promise<{ status: number | undefined; signal: number | undefined; alternate: boolean }> {
    const deadline = Date.now() + timeoutMs;
    let s = await this.state();
    let deadSince: number | undefined;
    while (Date.now() < deadline) {
      s = await this.state();
      // tmux marks the pane dead on the pty's EOF; the exit status appears once it has reaped the
      // process. tmux 3.3a sometimes misses that SIGCHLD and leaves the exited program a zombie
      // with no status: a SIGCHLD of our own makes it reap (the status is then the real one).
      if (s.dead && (s.status !== undefined || s.signal !== undefined)) return s;
      if (s.dead) {
        deadSince ??= Date.now();
        if (Date.now() - deadSince > 200) {
          const serverPid = Number(await this.format('#{pid}'));
          if (serverPid > 0) process.kill(serverPid, 'SIGCHLD');
          deadSince = Date.now();
        }
      }
      await new Promise((r) => setTimeout(r, 40));
    }
    const proc = s.dead ? '' : ` (still running: ${await this.currentCommand()})`;
    throw new Error(
      `program did not exit within ${timeoutMs} ms; state ${JSON.stringify(s)}${proc}; screen:\n${await this.screen()}`,
    );
  }

  async kill(): Promise<void> {
    live.delete(this);
    await tmux(this.socket, ['kill-server']).catch(() => undefined);
    // tmux leaves its socket file behind; one per test run adds up.
    if (this.socketPath) rmSync(this.socketPath, { force: true });
  }
}

export { shellQuote };
