// What each program of a pasted shell block is called with: bash runs the block with curl and
// kubectl replaced by functions that print their argv (kubectl also what it reads on stdin), so a
// wrapped command can be compared with the one-line original without running either.
import { execFileSync } from 'node:child_process';

export function argvInBash(script: string): string {
  const prelude = `TOKEN=tok; curl() { printf '<%s>\\n' curl "$@"; }; kubectl() { printf '<%s>\\n' kubectl "$@"; cat; }\n`;
  return execFileSync('bash', ['-c', prelude + script], { input: '', encoding: 'utf8' });
}
