// Runs a program in a real terminal (tmux) and reads its screen, for end-to-end tests.
// Each session uses its own tmux server socket so tests never touch the user's tmux.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

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
}

export class Term {
  private constructor(
    private readonly socket: string,
    readonly cols: number,
    readonly rows: number,
  ) {}

  /** Starts `command` (a shell command line) in a fresh tmux server of the given size. */
  static async start(command: string, opts: TermOptions = {}): Promise<Term> {
    const cols = opts.cols ?? 120;
    const rows = opts.rows ?? 40;
    const socket = `kapi-test-${process.pid}-${++counter}`;
    const env = Object.entries({ TERM: 'xterm-256color', ...opts.env }).map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ');
    const cd = opts.cwd ? `cd ${shellQuote(opts.cwd)} && ` : '';
    // remain-on-exit keeps the pane after the program ends, so its exit status can be read.
    await tmux(socket, ['-f', '/dev/null', 'new-session', '-d', '-s', 'main', '-x', String(cols), '-y', String(rows), `${cd}env ${env} ${command}`]);
    await tmux(socket, ['set-option', '-t', 'main', 'remain-on-exit', 'on']);
    return new Term(socket, cols, rows);
  }

  screen(): Promise<string> {
    return tmux(this.socket, ['capture-pane', '-p', '-t', 'main']);
  }

  /** Keys in tmux send-keys syntax: 'Down', 'Enter', 'Escape', 'C-c', or literal text with `literal`. */
  async keys(...keys: string[]): Promise<void> {
    await tmux(this.socket, ['send-keys', '-t', 'main', ...keys]);
  }

  async type(text: string): Promise<void> {
    await tmux(this.socket, ['send-keys', '-t', 'main', '-l', text]);
  }

  async resize(cols: number, rows: number): Promise<void> {
    await tmux(this.socket, ['resize-window', '-t', 'main', '-x', String(cols), '-y', String(rows)]);
  }

  private async format(fmt: string): Promise<string> {
    return (await tmux(this.socket, ['display-message', '-p', '-t', 'main', fmt])).trim();
  }

  /** Whether the program still runs, its exit status, and whether it left the alternate screen. */
  async state(): Promise<{ dead: boolean; status: number | undefined; alternate: boolean }> {
    const [dead, status, alt] = (await this.format('#{pane_dead} #{pane_dead_status} #{alternate_on}')).split(' ');
    return { dead: dead === '1', status: status ? Number(status) : undefined, alternate: alt === '1' };
  }

  /** Polls the screen until `test` passes; the screen is the event we wait for. */
  async waitFor(test: string | RegExp | ((screen: string) => boolean), timeoutMs = 15_000): Promise<string> {
    const ok = typeof test === 'function' ? test : (s: string) => (typeof test === 'string' ? s.includes(test) : test.test(s));
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = await this.screen();
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 40));
    }
    throw new Error(`screen did not show ${String(test)} within ${timeoutMs} ms; last screen:\n${last}`);
  }

  async waitForExit(timeoutMs = 10_000): Promise<{ status: number | undefined; alternate: boolean }> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const s = await this.state();
      if (s.dead) return s;
      await new Promise((r) => setTimeout(r, 40));
    }
    throw new Error(`program did not exit within ${timeoutMs} ms; screen:\n${await this.screen()}`);
  }

  async kill(): Promise<void> {
    await tmux(this.socket, ['kill-server']).catch(() => undefined);
  }
}

export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
