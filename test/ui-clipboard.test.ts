// Where `c` sends a command (src/ui/clipboard.ts): OSC 52 bare, and inside tmux also wrapped for
// passthrough and loaded into tmux's buffer. Against a real tmux server (default configuration) and
// against stand-in `tmux` programs for the cases a real one here cannot show: a tmux older than 3.2
// (no `load-buffer -w`) and one that hangs.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyToClipboard, tmuxLoadBuffer } from '../src/ui/clipboard.js';
import { osc52 } from '../src/model/osc52.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-clipboard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A directory whose `tmux` is `script` (a bash body), first on PATH. */
function fakeTmux(name: string, script: string): Record<string, string> {
  const bin = join(dir, name);
  execFileSync('mkdir', ['-p', bin]);
  writeFileSync(join(bin, 'tmux'), `#!/bin/bash\n${script}\n`);
  chmodSync(join(bin, 'tmux'), 0o755);
  return { PATH: `${bin}:${process.env.PATH}`, TMUX: '/fake/socket,1,0' };
}

const CMD = `curl --cacert /tmp/ca.crt 'https://127.0.0.1:6443/api?x=1&y=2'`;

describe('tmuxLoadBuffer', () => {
  it('fills the buffer of a real tmux server (default configuration) named by $TMUX', async () => {
    const socket = `kapi-clip-${process.pid}`;
    const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
    tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'main', 'sleep 60');
    const path = tmux('display-message', '-p', '#{socket_path}').trim();
    try {
      expect(await tmuxLoadBuffer(CMD, { ...process.env, TMUX: `${path},1,0` })).toBe(true);
      expect(tmux('show-buffer')).toBe(CMD);
    } finally {
      tmux('kill-server');
      rmSync(path, { force: true });
    }
  });

  it('retries without -w on a tmux older than 3.2', async () => {
    const out = join(dir, 'old.txt');
    const env = fakeTmux(
      'old',
      `if [ "$2" = -w ]; then echo 'load-buffer: unknown flag -w' >&2; echo 'usage: load-buffer [-b buffer-name] path' >&2; exit 1; fi\ncat > ${out}`,
    );
    expect(await tmuxLoadBuffer(CMD, env)).toBe(true);
    expect(readFileSync(out, 'utf8')).toBe(CMD);
  });

  it('gives up on a tmux that refuses (no server) or hangs, and on no tmux at all', async () => {
    expect(await tmuxLoadBuffer(CMD, fakeTmux('refuses', `echo 'no server running on /fake/socket' >&2; exit 1`))).toBe(
      false,
    );
    const started = Date.now();
    expect(await tmuxLoadBuffer(CMD, fakeTmux('hangs', 'exec sleep 30'))).toBe(false);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await tmuxLoadBuffer(CMD, { PATH: join(dir, 'nothing'), TMUX: '/fake/socket,1,0' })).toBe(false);
  });
});

describe('copyToClipboard', () => {
  const run = async (env: Record<string, string>, loaded: boolean) => {
    const written: string[] = [];
    const message = await copyToClipboard(CMD, 'curl command', {
      write: (d) => written.push(d),
      env,
      loadTmuxBuffer: async () => loaded,
    });
    return { written, message };
  };

  it('outside tmux: OSC 52 only, and says so', async () => {
    const { written, message } = await run({}, true);
    expect(written).toEqual([osc52(CMD)]);
    expect(message).toBe('curl command sent to the terminal clipboard (OSC 52)');
  });

  it('inside tmux: bare and wrapped OSC 52, and the tmux buffer', async () => {
    const { written, message } = await run({ TMUX: '/s,1,0' }, true);
    expect(written).toEqual([osc52(CMD), osc52(CMD, { tmux: true })]);
    expect(message).toBe('curl command copied to the tmux buffer (paste with prefix ])');
    expect((await run({ TMUX: '/s,1,0' }, false)).message).toBe(
      'curl command sent to the terminal clipboard (OSC 52); tmux did not take it',
    );
  });

  it('inside GNU screen: the screen-wrapped sequence', async () => {
    const { written } = await run({ STY: '1.pts-0.host' }, false);
    expect(written).toEqual([osc52(CMD, { screen: true })]);
  });
});
