// Quoting for the shell commands kapi-tui shows and copies (curl, kubectl, the tour's examples):
// POSIX sh rules, so a copied command runs as shown.
//
// A copied command is pasted into a shell: a newline there runs the line, ^U erases it, and
// ESC[201~ ends bracketed paste, even inside quotes. So no command we build ever contains a control
// character: an argument with one is written in $'…' form with the character's UTF-8 bytes as \xHH
// escapes (bash, zsh, ksh and POSIX.1-2024 sh), and means the same string.

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** C0 controls (newline and tab too), DEL, C1 controls, the Unicode line and paragraph separators
 *  and the bidirectional marks, overrides and isolates (they reorder what is shown). */
// eslint-disable-next-line no-control-regex
const UNPASTEABLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

/** Whether `s` contains a character that must never be pasted into a shell, quoted or not. */
export function hasUnpasteable(s: string): boolean {
  return UNPASTEABLE.test(s);
}

/** $'…' quoting: the unpasteable characters as \xHH escapes of their UTF-8 bytes. */
function ansiCQuote(s: string): string {
  let out = '';
  for (const ch of s) {
    if (UNPASTEABLE.test(ch)) {
      for (const byte of new TextEncoder().encode(ch)) out += `\\x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    } else out += ch === '\\' || ch === "'" ? `\\${ch}` : ch;
  }
  return `$'${out}'`;
}

/** Always quoted: for URLs, whose '?' and '&' are shell metacharacters. */
export function singleQuote(s: string): string {
  if (hasUnpasteable(s)) return ansiCQuote(s);
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Quote one argument when it needs it. Arguments referring to $TOKEN are double-quoted so that it
 *  expands (the token itself is never shown). */
export function shellQuote(arg: string): string {
  if (arg === '') return "''";
  if (SAFE.test(arg)) return arg;
  if (hasUnpasteable(arg)) return ansiCQuote(arg);
  if (/\$TOKEN\b/.test(arg) && !/["\\`]/.test(arg.replace(/\$TOKEN\b/g, '')) && !/\$(?!TOKEN\b)/.test(arg)) {
    return `"${arg}"`;
  }
  return singleQuote(arg);
}

export function shellJoin(args: string[]): string {
  return args.map(shellQuote).join(' ');
}
