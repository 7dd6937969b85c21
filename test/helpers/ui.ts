// Shared UI test wrapper: key constants, a render with a chosen terminal size, and polling helpers
// ("wait until the frame satisfies X") instead of fixed sleeps.
import { EventEmitter } from 'node:events';
import type { ReactElement } from 'react';
import { render as inkRender, type Instance } from 'ink';
import { afterEach } from 'vitest';

export const UP = '\u001B[A';
export const DOWN = '\u001B[B';
export const RIGHT = '\u001B[C';
export const LEFT = '\u001B[D';
export const ENTER = '\r';
export const ESC = '\u001B';
export const TAB = '\t';
export const SHIFT_TAB = '\u001B[Z';
export const BACKSPACE = '\u007F';
export const PAGE_DOWN = '\u001B[6~';
export const PAGE_UP = '\u001B[5~';
export const CTRL_C = '\u0003';
export const CTRL_D = '\u0004';
export const CTRL_U = '\u0015';

export const ANSI = /\u001B\[[0-9;?]*[A-Za-z]/;

export const stripAnsi = (s: string) => s.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '');

/** A fake stdout whose size can be chosen and changed (ink-testing-library fixes 100 columns). */
export class FakeStdout extends EventEmitter {
  frames: string[] = [];
  isTTY = true;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    this.frames.push(frame);
    return true;
  };
  lastFrame = (): string | undefined => this.frames[this.frames.length - 1];
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

export interface Rendered {
  stdout: FakeStdout;
  stdin: FakeStdin;
  lastFrame: () => string | undefined;
  unmount: () => void;
  instance: Instance;
}

/** Render into a terminal of the given size (debug mode: every frame is written whole). */
export function renderTui(
  tree: ReactElement,
  { columns = 120, rows = 40 }: { columns?: number; rows?: number } = {},
): Rendered {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const stderr = new FakeStdout(columns, rows);
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  return {
    stdout,
    stdin,
    lastFrame: stdout.lastFrame,
    unmount: () => {
      instance.unmount();
      instance.cleanup();
    },
    instance,
  };
}

/** Resolves with the frame once `predicate` holds; rejects with the last frame after the timeout. */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  predicate: (frame: string) => boolean,
  timeoutMs = 5000,
): Promise<string> {
  const start = Date.now();
  for (;;) {
    const f = lastFrame() ?? '';
    if (predicate(stripAnsi(f))) return f;
    if (Date.now() - start > timeoutMs) {
      throw new Error(`waitForFrame timed out after ${timeoutMs} ms; last frame:\n${stripAnsi(f)}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The one App (or component) a test renders, and what tests do with it. */
export interface Tui {
  /** Renders `tree`, unmounting what an earlier call rendered. */
  render(tree: ReactElement, size?: { columns?: number; rows?: number }): Rendered;
  /** The current render (throws before render()). */
  readonly r: Rendered;
  /** The last frame without colours ('' before anything rendered). */
  frame(): string;
  /** Writes each key to stdin, in order. */
  keys(...keys: string[]): void;
  /** waitForFrame on the current render, with the harness's timeout unless one is given. */
  wait(predicate: (frame: string) => boolean, timeoutMs?: number): Promise<string>;
  unmount(): void;
}

/** A Tui for the test file: each test's render is unmounted after it. `timeoutMs` is wait()'s
 *  default (sandbox-backed tests need more than the fake's 5 s). */
export function useTui({ timeoutMs = 5000 }: { timeoutMs?: number } = {}): Tui {
  let current: Rendered | undefined;
  const unmount = () => {
    current?.unmount();
    current = undefined;
  };
  afterEach(unmount);
  const r = () => {
    if (!current) throw new Error('nothing rendered yet: call render() first');
    return current;
  };
  return {
    render(tree, size) {
      unmount();
      current = renderTui(tree, size);
      return current;
    },
    get r() {
      return r();
    },
    frame: () => stripAnsi(current?.lastFrame() ?? ''),
    keys: (...keys) => {
      for (const k of keys) r().stdin.write(k);
    },
    wait: (predicate, ms = timeoutMs) => waitForFrame(r().lastFrame, predicate, ms),
    unmount,
  };
}

export const hasText = (text: string | RegExp) => (frame: string) =>
  typeof text === 'string' ? frame.includes(text) : text.test(frame);

/** From the start frame to the pods table of the App's namespace, as a user gets there: Enter on
 *  core/v1, filter the resources to pods, Enter. Resolves with the table's frame. */
export async function showPodsTable(r: Rendered, timeoutMs = 10_000): Promise<string> {
  const wait = (p: (f: string) => boolean) => waitForFrame(r.lastFrame, p, timeoutMs);
  await wait((f) => f.includes('core/v1') && f.includes('apps/v1'));
  r.stdin.write(ENTER);
  await wait(hasText('▶ Resources v1'));
  for (const k of ['/', 'p', 'o', 'd', ENTER]) r.stdin.write(k);
  await wait(hasText('› pods'));
  r.stdin.write(ENTER);
  return wait((f) => /▶ Detail: pods\.v1 in /.test(f) && /NAME\s+READY\s+STATUS/.test(f) && f.includes('● live'));
}
