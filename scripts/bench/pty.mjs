// Runs a command in a pseudo-terminal and timestamps what appears on its screen.
//
// The pty comes from util-linux `script -qfec CMD /dev/null` (no native module): `-f` flushes every
// write at once, `-e` returns the command's exit status. The bytes the program writes arrive on
// script's stdout as they are written; each chunk is timestamped on arrival (performance.now(),
// relative to just before spawn) and fed to @xterm/headless, a terminal emulator, whose screen is
// then tested. So "first frame" is the arrival time of the first chunk after which the emulated
// screen holds a non-blank cell (escape sequences alone, like entering the alternate screen, do
// not count), and "tree shown" the arrival of the chunk after which the screen contains the text.
// The clock starts before `script` and `sh` are spawned: their cost (pty overhead, see
// ptyOverhead()) is included, which makes every figure slightly pessimistic, never optimistic.
import { spawn, spawnSync } from 'node:child_process';
import xterm from '@xterm/headless';

const { Terminal } = xterm;

const live = new Set();
/** Kills every pty this process started that is still running (for the bench's exit path). */
export function killPtys() {
  for (const c of live) c.kill('SIGKILL');
  live.clear();
}

export function hasScript() {
  return spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;
}

const shq = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * Starts argv in a cols×rows pty. `marks` are named screen tests; each resolves to the ms at which
 * it first held. When every mark has held, `quit` is typed (if given) and the process is waited for.
 * Resolves with { marks: {name: ms}, screen, exitCode }.
 */
export function runInPty(
  argv,
  { cols = 140, rows = 40, env = process.env, marks = {}, quit, timeoutMs = 20_000 } = {},
) {
  return new Promise((resolve, reject) => {
    const term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
    const cmd = `stty cols ${cols} rows ${rows} 2>/dev/null; exec ${argv.map(shq).join(' ')}`;
    const t0 = performance.now();
    // script runs the command with $SHELL -c: make that a POSIX shell whatever the user's is.
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...env, SHELL: '/bin/sh' },
    });
    live.add(child);
    const seen = {};
    const pending = new Set(Object.keys(marks));
    let quitSent = false;
    let stderr = '';
    const screen = () => {
      const b = term.buffer.active;
      const lines = [];
      for (let i = 0; i < term.rows; i++) lines.push(b.getLine(i)?.translateToString(true) ?? '');
      return lines.join('\n');
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      const what =
        pending.size > 0 ? `marks ${[...pending].join(', ')} not seen` : `did not exit after ${JSON.stringify(quit)}`;
      reject(new Error(`${argv.join(' ')}: ${what} within ${timeoutMs} ms; screen:\n${screen()}\n${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk) => {
      const t = performance.now() - t0;
      term.write(chunk, () => {
        if (pending.size === 0) return;
        const s = screen();
        for (const name of [...pending]) {
          if (marks[name](s)) {
            seen[name] = t;
            pending.delete(name);
          }
        }
        if (pending.size === 0 && quit !== undefined && !quitSent) {
          quitSent = true;
          child.stdin.write(quit);
          // A key typed before the program has switched its terminal to raw mode can be swallowed
          // by the line discipline on some systems; say it again each second until the program ends.
          const again = setInterval(() => child.stdin.writable && child.stdin.write(quit), 1000);
          child.once('close', () => clearInterval(again));
        }
      });
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    // 'close', not 'exit': the program's last output may still be on its way through the pipe when
    // it exits. Then an empty write, whose callback runs after the emulator has parsed every chunk
    // before it (and so after their marks were checked): a fast program's only output counts too.
    child.on('close', (code) => {
      live.delete(child);
      clearTimeout(timer);
      term.write('', () => {
        if (pending.size > 0) {
          reject(
            new Error(
              `${argv.join(' ')} exited (${code}) before ${[...pending].join(', ')}; screen:\n${screen()}\n${stderr}`,
            ),
          );
          return;
        }
        resolve({ marks: seen, exitCode: code, screen: screen() });
      });
    });
  });
}

/** Time from spawn to the first visible output of `printf x` in the same kind of pty. */
export async function ptyOverhead() {
  const r = await runInPty(['printf', 'x'], { marks: { first: (s) => s.trim() !== '' } });
  return r.marks.first;
}
