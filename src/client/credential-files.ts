// Files for the credentials a kubeconfig embeds (certificate-authority-data, client-certificate-data,
// client-key-data), so that the curl commands kapi-tui shows can point at them: curl has no option
// that takes a certificate inline. Written once, in a folder only this user can enter, under a name
// derived from the content's hash: the same data always gives the same path (reused across runs),
// and a file is never rewritten with other content.
import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export type CredentialKind = 'ca' | 'cert' | 'key';

const SUFFIX: Record<CredentialKind, string> = { ca: 'ca.crt', cert: 'client.crt', key: 'client.key' };

/** `$XDG_RUNTIME_DIR/kapi-tui` (a per-user tmpfs, gone at logout) when set, else the cache folder
 *  (`$XDG_CACHE_HOME/kapi-tui/credentials`, `~/.cache/kapi-tui/credentials`). */
export function credentialDir(env: NodeJS.ProcessEnv = process.env): string {
  // Absolute always: the paths are pasted into a shell that may be in another folder (an empty
  // HOME made them relative).
  if (env.XDG_RUNTIME_DIR) return resolve(env.XDG_RUNTIME_DIR, 'kapi-tui');
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return resolve(cache, 'kapi-tui', 'credentials');
}

/** This process's user id (undefined where there is none, as on Windows). */
export const uid = () => (typeof process.getuid === 'function' ? process.getuid() : undefined);

/** Creates the folder (0700) or checks an existing one: a real folder of ours, its mode put back to
 *  0700 when something widened it. Throws when it is a symlink or someone else's. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  if (!st.isDirectory()) throw new Error(`${dir} is not a folder (a symlink?): not writing credentials there`);
  const me = uid();
  if (me !== undefined && st.uid !== me)
    throw new Error(`${dir} belongs to another user: not writing credentials there`);
  if ((st.mode & 0o777) !== 0o700) chmodSync(dir, 0o700);
}

/** The path of a file (0600) holding `content` in the private folder, written now unless an
 *  identical one is already there. A same-named file with other content (or not a plain file of
 *  ours) is an error, never overwritten. */
export function credentialFile(kind: CredentialKind, content: Buffer, dir = credentialDir()): string {
  ensurePrivateDir(dir);
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 32);
  const path = join(dir, `${hash}-${SUFFIX[kind]}`);
  let fd: number;
  try {
    // O_EXCL: never follow or replace what is there; O_NOFOLLOW for the check below.
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    assertSameFile(path, content);
    return path;
  }
  try {
    writeSync(fd, content);
    // The umask may have narrowed 0600 further, never widened it; set it exactly anyway.
    if ((fstatSync(fd).mode & 0o777) !== 0o600) chmodSync(path, 0o600);
  } finally {
    closeSync(fd);
  }
  return path;
}

function assertSameFile(path: string, content: Buffer): void {
  const st = lstatSync(path);
  const me = uid();
  if (!st.isFile() || (me !== undefined && st.uid !== me)) throw new Error(`${path} is not a file of ours`);
  if (!readFileSync(path).equals(content)) throw new Error(`${path} holds other content: not overwriting it`);
  if ((st.mode & 0o777) !== 0o600) chmodSync(path, 0o600);
}

/** Inline kubeconfig data as files, each only when given. */
export function inlineCredentialFiles(data: { ca?: string; cert?: string; key?: string }, dir?: string) {
  const file = (kind: CredentialKind, b64: string | undefined) =>
    b64 ? credentialFile(kind, Buffer.from(b64, 'base64'), dir) : undefined;
  return { caFile: file('ca', data.ca), certFile: file('cert', data.cert), keyFile: file('key', data.key) };
}
