// Files we write are ours alone: the sandbox's keys and kubeconfigs (crash reports: cli-terminal.test.ts). Another
// user on the machine must not be able to read them, redirect them through a planted symbolic link,
// or keep a pre-made file's loose mode. Run `npm run build` first (the CLI cases use dist/).
import { once } from 'node:events';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSandboxFiles } from '../src/sandbox/files.js';
import { tempDir } from './helpers/client.js';
import { run, startAndWaitFor } from './helpers/processes.js';
import { CLI } from './helpers/tmux.js';

const mode = (path: string) => lstatSync(path).mode & 0o777;
const NAMES = ['ca.crt', 'admin.crt', 'admin.key', 'jane.crt', 'jane.key', 'kubeconfig', 'kubeconfig-jane'];

let tmp: ReturnType<typeof tempDir>;
/** What the files hold does not matter here, only where and how they are written. */
const creds = {
  caPem: 'CA\n',
  admin: { certPem: 'ADMIN CERT\n', keyPem: 'ADMIN KEY\n' },
  jane: { certPem: 'JANE CERT\n', keyPem: 'JANE KEY\n' },
};
beforeAll(() => {
  tmp = tempDir('kapi-security-files-');
});
afterAll(() => tmp.remove());

describe('writeSandboxFiles', () => {
  it('a planted link is replaced, not written through; pre-made loose files and folder become 0600 and 0700', async () => {
    const dir = join(tmp.dir, 'planted');
    mkdirSync(dir, { mode: 0o777 });
    const victim = join(tmp.dir, 'bashrc');
    writeFileSync(victim, 'echo hello\n');
    symlinkSync(victim, join(dir, 'kubeconfig'));
    writeFileSync(join(dir, 'admin.key'), 'theirs', { mode: 0o666 });
    const files = await writeSandboxFiles(dir, { url: 'https://127.0.0.1:1', ...creds });
    expect(readFileSync(victim, 'utf8')).toBe('echo hello\n');
    expect(lstatSync(files.kubeconfig).isFile()).toBe(true);
    expect(readFileSync(files.kubeconfig, 'utf8')).toContain('server: https://127.0.0.1:1');
    expect(NAMES.map((n) => mode(join(dir, n)))).toEqual(NAMES.map(() => 0o600));
    expect(mode(dir)).toBe(0o700);
  });

  it('a folder that is a symbolic link is refused', async () => {
    const real = join(tmp.dir, 'real');
    mkdirSync(real);
    symlinkSync(real, join(tmp.dir, 'link'));
    await expect(writeSandboxFiles(join(tmp.dir, 'link'), { url: 'https://127.0.0.1:1', ...creds })).rejects.toThrow(
      `${join(tmp.dir, 'link')} is not a folder (a symbolic link?); not writing credentials there`,
    );
    expect(existsSync(join(real, 'admin.key'))).toBe(false);
  });
});

describe('kapi-tui sandbox', () => {
  it('without --dir: a fresh private folder, removed when it stops', async () => {
    const own = join(tmp.dir, 'tmpdir');
    mkdirSync(own);
    const { child, match } = await startAndWaitFor(
      'node',
      [CLI, 'sandbox'],
      /Credentials and kubeconfigs written to (\S+)/,
      20_000,
      { ...process.env, TMPDIR: own },
    );
    const dir = match[1]!;
    expect(dir.startsWith(join(own, 'kapi-tui-sandbox-'))).toBe(true);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'admin.key'))).toBe(0o600);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(existsSync(dir)).toBe(false);
  });

  it('--dir that cannot be written: one line, exit 1, not left serving', async () => {
    const r = await run('node', [CLI, 'sandbox', '--dir', '/etc/passwd/x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kapi-tui sandbox: ENOTDIR: not a directory, mkdir '\/etc\/passwd\/x'\n$/);
  });
});
