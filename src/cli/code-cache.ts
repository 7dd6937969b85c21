// Loads the explorer's CommonJS bundle (dist/launch.cjs: Ink, React and the UI, built by
// scripts/build.mjs) with a V8 code cache, which Node 20 offers only to scripts (vm.Script's
// cachedData), never to ES modules. Compiling that bundle and the functions the first frame calls
// was a third of the start-up before the first frame; with the cache V8 deserialises them instead.
//
// The cache is written after the code has run (at quit), so it also holds the functions compiled
// lazily while drawing. It lives, like Node 22's module.enableCompileCache() default, under the
// temporary folder, in a folder of this user's (0700, checked), one file per bundle build, Node
// version and architecture; V8 itself rejects a cache made by another V8 or with other flags, and a
// rejected or missing cache only means compiling as before (and writing a new one).
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { ensurePrivateDir, uid } from '../client/credential-files.js';

export type CodeCacheStatus = 'hit' | 'miss' | 'rejected' | 'off';

export interface CodeCacheLoad<T> {
  exports: T;
  /** Whether V8 used a cache: 'off' when the cache folder was unusable. */
  status: CodeCacheStatus;
  /** Writes the cache unless it was used (call once the code has run; a failure is ignored). */
  save(): void;
}

/** `$TMPDIR/kapi-tui-<uid>/code-cache`. */
export function codeCacheDir(): string {
  return join(tmpdir(), `kapi-tui-${uid() ?? 'user'}`, 'code-cache');
}

/** Runs the CommonJS file `file` (as Node's loader would: exports, require, module, __filename,
 *  __dirname) compiled with the code cache kept in `dir`, and returns its exports. */
export function loadWithCodeCache<T>(file: string, dir: string = codeCacheDir()): CodeCacheLoad<T> {
  const source = readFileSync(file, 'utf8');
  const st = statSync(file);
  const key = createHash('sha256')
    .update([file, st.size, st.mtimeMs, process.version, process.arch].join('\0'))
    .digest('hex')
    .slice(0, 32);
  const cachePath = join(dir, `${key}.v8`);
  let usable = true;
  let cachedData: Buffer | undefined;
  try {
    ensurePrivateDir(dir);
    cachedData = readFileSync(cachePath);
  } catch (e) {
    usable = (e as NodeJS.ErrnoException).code === 'ENOENT';
  }
  // Node's CommonJS wrapper (Module.wrap) on a line of its own, which lineOffset hides: stack
  // frames give the file's own lines and columns (src/cli/crash-stack.ts maps them).
  const wrapped = `(function (exports, require, module, __filename, __dirname) {\n${source}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData, lineOffset: -1 });
  const status: CodeCacheStatus = !usable
    ? 'off'
    : cachedData === undefined
      ? 'miss'
      : script.cachedDataRejected
        ? 'rejected'
        : 'hit';
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (...a: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  let saved = status === 'hit' || status === 'off';
  return {
    exports: module.exports,
    status,
    save() {
      if (saved) return;
      saved = true;
      const tmp = `${cachePath}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, cachePath);
      } catch {
        try {
          unlinkSync(tmp);
        } catch {
          // nothing was written
        }
      }
    },
  };
}
