// Terminal ownership: the alternate screen is entered once and always left — on quit, on signals and
// on a crash — so the user's shell is never left in a broken state.
import { closeSync, constants, fchmodSync, lstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { remapStack } from './crash-stack.js';

const ENTER_ALT_SCREEN = '\u001B[?1049h';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

let active = false;
/** Unmounts the UI. Ink repaints its last frame when the process exits; unmounted first, it paints
 *  nothing after we left the alternate screen (over the crash line, on the user's shell). */
let unmountUi: (() => void) | undefined;

/** The UI to unmount before the terminal is given back (on quit, a signal or a crash). */
export function ownTerminalWith(unmount: () => void): void {
  unmountUi = unmount;
}

export function enterFullScreen(stdout: NodeJS.WriteStream = process.stdout): void {
  if (active) return;
  active = true;
  stdout.write(ENTER_ALT_SCREEN);
  process.once('exit', () => restoreTerminal(stdout));
}

export function restoreTerminal(stdout: NodeJS.WriteStream = process.stdout): void {
  const unmount = unmountUi;
  unmountUi = undefined;
  try {
    unmount?.();
  } catch {
    /* a UI that fails to unmount must not keep the terminal raw */
  }
  if (!active) return;
  active = false;
  // A closed terminal (SIGHUP) fails these: the restore is then moot, the exit must go on.
  try {
    if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
    stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
  } catch {
    /* the terminal is gone */
  }
}

/** Where crash reports go: a folder of this user's alone ($XDG_STATE_HOME/kapi-tui, else
 *  ~/.local/state/kapi-tui), never a shared, predictable /tmp path another user could plant a link at. */
export function crashReportFolder(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_STATE_HOME || join(env.HOME || homedir(), '.local', 'state'), 'kapi-tui');
}

/** Writes `text` to a new crash report (0600, never through a symbolic link); returns its path. */
function writeCrashReport(text: string): string {
  const dir = crashReportFolder();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  if (!st.isDirectory() || (process.getuid && st.uid !== process.getuid()))
    throw new Error(`${dir} is not a folder of ours`);
  const file = join(dir, `kapi-tui-crash-${process.pid}.log`);
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o600);
  try {
    fchmodSync(fd, 0o600);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return file;
}

/**
 * An unexpected crash: restore the terminal, print one line (no stack trace) saying where the full
 * report was written (its stack mapped to our source files), run `cleanup`, exit 1.
 */
export function reportCrash(err: unknown, cleanup: () => void = () => {}): never {
  restoreTerminal();
  let where = '';
  try {
    const report = err instanceof Error ? (err.stack ? remapStack(err.stack) : err.message) : String(err);
    const file = writeCrashReport(`${new Date().toISOString()}\n${report}\n`);
    where = ` (full report: ${file})`;
  } catch {
    /* the one line below still tells what happened */
  }
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  process.stderr.write(`kapi-tui crashed: ${message}${where}\n`);
  try {
    cleanup();
  } catch {
    /* exiting anyway */
  }
  process.exit(1);
}

/** Writing to a terminal that was closed (SSH dropped, window gone) fails with EIO or EPIPE:
 *  not a crash worth a report, just the end of the session. */
function terminalGone(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EIO' || code === 'EPIPE';
}

/** Uncaught exceptions and unhandled rejections go to reportCrash. */
export function installCrashHandlers(cleanup: () => void): void {
  const crash = (err: unknown) => {
    if (!terminalGone(err)) reportCrash(err, cleanup);
    try {
      cleanup();
    } finally {
      process.exit(1);
    }
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, SIGQUIT: 131 } as const;

/** A closed terminal window (SIGHUP), `kill` (SIGTERM), Ctrl-\ (SIGQUIT, which would otherwise kill
 *  us with the terminal raw) or SIGINT from outside: leave the alternate
 *  screen, remove what the session created (the demo's credentials), and exit as shells expect. */
export function exitOnSignals(cleanup: () => Promise<void>): void {
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    // `on`, not `once`: Ink's signal-exit re-raises the signal (killing us before the async cleanup)
    // when it finds no listener but its own, and `once` removes ours before signal-exit looks.
    let exiting = false;
    process.on(signal, () => {
      if (exiting) return;
      exiting = true;
      // Unmounting (in restoreTerminal) ends the UI's run; the launcher then exits with this code.
      process.exitCode = code;
      restoreTerminal();
      const done = () => process.exit(code);
      cleanup().then(done, done);
      setTimeout(done, 2000).unref(); // a stuck cleanup must not keep a dead terminal's process alive
    });
  }
}
