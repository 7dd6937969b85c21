// A terminal for replaying a tape without tmux: the program runs in a pseudo-terminal made by
// util-linux `script` (as in the bench, scripts/bench/pty.mjs) and its output is parsed by
// @xterm/headless, whose buffer — colours and attributes included — is then there to be rendered.
// It offers what test/helpers/tape.ts's replayTape needs (TapeTerminal): type, keys in tmux's
// names, waitFor, screen and cursorLine.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import xterm from '@xterm/headless';

// @xterm/headless is CommonJS: its classes come off the default export.
const { Terminal } = xterm;

/** The bytes a terminal sends for tmux's key names (the arrows, which depend on the mode, are in bytes()). */
const KEY_BYTES: Record<string, string> = {
  Enter: '\r',
  Tab: '\t',
  BTab: '\u001B[Z',
  Space: ' ',
  BSpace: '\u007F',
  DC: '\u001B[3~',
  Escape: '\u001B',
  PPage: '\u001B[5~',
  NPage: '\u001B[6~',
};
const ARROWS: Record<string, string> = { Up: 'A', Down: 'B', Right: 'C', Left: 'D' };

export interface PtyTermOptions {
  cols: number;
  rows: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export class PtyTerm {
  readonly terminal: xterm.Terminal;
  /** DECTCEM: whether the program shows the cursor (TUIs hide it). */
  cursorVisible = true;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly parsed = new Set<() => void>();
  private exited = false;

  private constructor(command: string, opts: PtyTermOptions) {
    this.terminal = new Terminal({ cols: opts.cols, rows: opts.rows, allowProposedApi: true, scrollback: 0 });
    for (const final of ['h', 'l']) {
      this.terminal.parser.registerCsiHandler({ prefix: '?', final }, (params) => {
        if (params.includes(25)) this.cursorVisible = final === 'h';
        return false; // xterm's own handler runs too
      });
    }
    const cmd = `stty cols ${opts.cols} rows ${opts.rows} 2>/dev/null; exec ${command}`;
    // script runs the command with $SHELL -c: make that a POSIX shell whatever the user's is.
    this.child = spawn('script', ['-qfec', cmd, '/dev/null'], {
      cwd: opts.cwd,
      env: { ...opts.env, SHELL: '/bin/sh' },
    });
    this.child.stdout.on('data', (chunk: Buffer) => this.terminal.write(chunk, () => this.parsed.forEach((f) => f())));
    this.child.on('close', () => {
      this.exited = true;
      this.parsed.forEach((f) => f());
    });
  }

  /** Starts `command` (a shell command line) in a cols×rows pseudo-terminal. */
  static start(command: string, opts: PtyTermOptions): PtyTerm {
    return new PtyTerm(command, opts);
  }

  /** The visible screen's text, one line per row, right-trimmed. */
  screenText(): string {
    const b = this.terminal.buffer.active;
    const lines = [];
    for (let y = 0; y < this.terminal.rows; y++) lines.push(b.getLine(b.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  screen(): Promise<string> {
    return Promise.resolve(this.screenText());
  }

  cursorLine(): Promise<string> {
    const b = this.terminal.buffer.active;
    return Promise.resolve(b.getLine(b.baseY + b.cursorY)?.translateToString(true) ?? '');
  }

  async type(text: string): Promise<void> {
    this.child.stdin.write(text);
  }

  /** Keys in tmux's names ('Enter', 'Up', 'C-c', 'M-x'). */
  async keys(...names: string[]): Promise<void> {
    this.child.stdin.write(names.map((n) => this.bytes(n)).join(''));
  }

  private bytes(name: string): string {
    if (ARROWS[name]) return (this.terminal.modes.applicationCursorKeysMode ? '\u001BO' : '\u001B[') + ARROWS[name];
    if (KEY_BYTES[name]) return KEY_BYTES[name];
    const chord = /^([CM])-(.)$/.exec(name);
    if (chord)
      return chord[1] === 'C' ? String.fromCharCode(chord[2].toUpperCase().charCodeAt(0) & 0x1f) : `\u001B${chord[2]}`;
    throw new Error(`unknown key "${name}"`);
  }

  /** Resolves with the screen once `test` holds; checked each time the emulator has parsed output. */
  waitFor(test: string | RegExp | ((screen: string) => boolean), timeoutMs = 15_000): Promise<string> {
    const ok =
      typeof test === 'function' ? test : (s: string) => (typeof test === 'string' ? s.includes(test) : test.test(s));
    return new Promise((resolve, reject) => {
      const check = () => {
        const s = this.screenText();
        if (ok(s)) done(() => resolve(s));
        else if (this.exited) done(() => reject(new Error(`the program exited; last screen:\n${s}`)));
      };
      const timer = setTimeout(() => {
        const s = this.screenText();
        done(() => reject(new Error(`screen did not show ${String(test)} within ${timeoutMs} ms; last screen:\n${s}`)));
      }, timeoutMs);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.parsed.delete(check);
        settle();
      };
      this.parsed.add(check);
      check();
    });
  }

  /** Resolves once no output has arrived for `quietMs` (a screen that has stopped changing). */
  settled(quietMs = 300): Promise<void> {
    return new Promise((resolve) => {
      let timer = setTimeout(finish, quietMs);
      const onOutput = () => {
        clearTimeout(timer);
        timer = setTimeout(finish, quietMs);
      };
      const parsed = this.parsed;
      function finish() {
        parsed.delete(onOutput);
        resolve();
      }
      parsed.add(onOutput);
    });
  }

  kill(): void {
    if (!this.exited) this.child.kill('SIGKILL');
    this.terminal.dispose();
  }
}
