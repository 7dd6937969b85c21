// Quoting for the shell commands kapi-tui shows and copies (curl, kubectl, the tour's examples):
// POSIX sh rules, so a copied command runs as shown.

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Always single-quoted: for URLs, whose '?' and '&' are shell metacharacters. */
export function singleQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Quote one argument when it needs it. Arguments referring to $TOKEN are double-quoted so that it
 *  expands (the token itself is never shown). */
export function shellQuote(arg: string): string {
  if (arg === '') return "''";
  if (SAFE.test(arg)) return arg;
  if (/\$TOKEN\b/.test(arg) && !/["\\`]/.test(arg.replace(/\$TOKEN\b/g, '')) && !/\$(?!TOKEN\b)/.test(arg)) {
    return `"${arg}"`;
  }
  return singleQuote(arg);
}

export function shellJoin(args: string[]): string {
  return args.map(shellQuote).join(' ');
}
