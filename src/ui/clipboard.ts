// Copying a command so that it reaches the user. OSC 52 asks the terminal for its clipboard, but a
// default tmux (set-clipboard external, allow-passthrough off) drops both the bare and the wrapped
// sequence. So inside tmux the text also goes into tmux's own paste buffer (`tmux load-buffer`,
// which prefix ] pastes); `-w` has tmux (>= 3.2) also send it to the outer terminal's clipboard.
// The I/O of `c`: the model only builds the escape sequences (src/model/osc52.ts).
import { spawn } from 'node:child_process';
import { insideScreen, insideTmux, osc52 } from '../model/osc52.js';

/** tmux answers at once; a hung server must not keep the message waiting long. */
const TMUX_TIMEOUT_MS = 2000;

type Env = Record<string, string | undefined>;

/** Runs `tmux load-buffer [-w] -` with `text` on its stdin: whether tmux took it, and its stderr. */
function loadBuffer(text: string, args: string[], env: Env): Promise<{ ok: boolean; stderr: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    let child;
    try {
      child = spawn('tmux', ['load-buffer', ...args, '-'], {
        env: env as NodeJS.ProcessEnv,
        stdio: ['pipe', 'ignore', 'pipe'],
        timeout: TMUX_TIMEOUT_MS,
      });
    } catch (e) {
      resolve({ ok: false, stderr: String(e) });
      return;
    }
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', (e) => resolve({ ok: false, stderr: e.message }));
    child.on('close', (code) => resolve({ ok: code === 0, stderr }));
    // A tmux that exits before reading stdin closes the pipe: EPIPE is its answer, not a crash.
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}

/** Puts `text` in the paste buffer of the tmux this runs in (and, where tmux can, the outer
 *  clipboard). False when there is no tmux to reach or it refused. */
export async function tmuxLoadBuffer(text: string, env: Env = process.env): Promise<boolean> {
  const first = await loadBuffer(text, ['-w'], env);
  if (first.ok) return true;
  // tmux before 3.2 has no -w: "unknown flag -w" / usage.
  if (/unknown flag|usage|invalid option/i.test(first.stderr)) return (await loadBuffer(text, [], env)).ok;
  return false;
}

export interface Copier {
  /** Writes the escape sequences to the terminal. */
  write: (data: string) => void;
  env?: Env;
  /** Fills tmux's buffer (tests give their own). */
  loadTmuxBuffer?: (text: string, env: Env) => Promise<boolean>;
}

/** Sends `text` to every clipboard in reach and says where it went ("curl command copied to …").
 *  OSC 52 goes bare (tmux with set-clipboard on takes it, as do terminals) and, inside tmux, also
 *  wrapped for passthrough (allow-passthrough on hands it to the outer terminal). */
export async function copyToClipboard(text: string, what: string, c: Copier): Promise<string> {
  const env = c.env ?? process.env;
  const tmux = insideTmux(env);
  c.write(osc52(text, { screen: insideScreen(env) }));
  if (!tmux) return `${what} sent to the terminal clipboard (OSC 52)`;
  c.write(osc52(text, { tmux: true }));
  const buffered = await (c.loadTmuxBuffer ?? tmuxLoadBuffer)(text, env).catch(() => false);
  return buffered
    ? `${what} copied to the tmux buffer (paste with prefix ])`
    : `${what} sent to the terminal clipboard (OSC 52); tmux did not take it`;
}
