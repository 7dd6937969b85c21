// Long shell commands as lines that fit a width and still run when pasted: each line but the last
// ends with a line continuation (` \`), so a mouse selection of the block pasted into a shell is
// the same command. Lines are split between arguments; an argument longer than a whole line (a long
// URL or path) is cut where a backslash-newline joins its halves again: in an unquoted run, or by
// closing a single-quoted string and opening another ('ab'\⏎'cd' is the word abcd). Such a cut
// continues at column 0, since a space there would split the word. Pure: the commands come from
// src/model/shell.ts quoting (POSIX sh), nothing is executed here.

/** How continuation lines of a command are indented (between arguments only). */
export const CONTINUATION_INDENT = '  ';

/** The command's words: runs of text outside unquoted whitespace, with their quotes as written. */
export function shellWords(cmd: string): string[] {
  const words: string[] = [];
  let word = '';
  let i = 0;
  const take = (end: number) => {
    word += cmd.slice(i, end);
    i = end;
  };
  while (i < cmd.length) {
    const ch = cmd[i];
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (word) words.push(word);
      word = '';
      i++;
    } else if (ch === '\\') take(Math.min(cmd.length, i + 2));
    else if (ch === "'") take(closing(cmd, i + 1, "'"));
    else if (ch === '$' && cmd[i + 1] === "'") take(closingAnsi(cmd, i + 2));
    else if (ch === '"') take(closingDq(cmd, i + 1));
    else take(i + 1);
  }
  if (word) words.push(word);
  return words;
}

/** Index just past the quote that closes a '…' string starting at `from` (or the end). */
function closing(s: string, from: number, quote: string): number {
  const end = s.indexOf(quote, from);
  return end < 0 ? s.length : end + 1;
}

/** $'…': a backslash escapes the next character (\' among them). */
function closingAnsi(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === "'") return i + 1;
  }
  return s.length;
}

/** "…": a backslash escapes the next character. */
function closingDq(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i + 1;
  }
  return s.length;
}

/** A word's parts: plain (unquoted) text, a '…' string, or anything kept whole ("…", $'…', \x). */
type Part = { kind: 'plain' | 'single' | 'whole'; text: string };

function partsOf(word: string): Part[] {
  const parts: Part[] = [];
  let i = 0;
  const push = (kind: Part['kind'], end: number) => {
    const last = parts[parts.length - 1];
    if (kind === 'plain' && last?.kind === 'plain') last.text += word.slice(i, end);
    else parts.push({ kind, text: word.slice(i, end) });
    i = end;
  };
  while (i < word.length) {
    const ch = word[i];
    if (ch === "'") push('single', closing(word, i + 1, "'"));
    else if (ch === '$' && word[i + 1] === "'") push('whole', closingAnsi(word, i + 2));
    else if (ch === '"') push('whole', closingDq(word, i + 1));
    else if (ch === '\\') push('whole', Math.min(word.length, i + 2));
    else if (ch === '$') {
      // $NAME stays whole: a cut after the $ would change what expands.
      const m = /^\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)?/.exec(word.slice(i))!;
      push('whole', i + m[0].length);
    } else push('plain', i + 1);
  }
  return parts;
}

/** Cuts a word into pieces of at most `first` (the first) and `room` (the others) characters, each
 *  piece but the last followed by a backslash (counted in the room; the last piece leaves room for
 *  one too, so ` \` fits after it). Cuts fall inside plain text or '…' strings (closed and
 *  reopened), never inside other quoting; a whole part longer than the room overflows instead.
 *  Lengths are UTF-16 units: the commands are ASCII but for rare non-ASCII names. */
export function cutWord(word: string, first: number, room: number): string[] {
  const pieces: string[] = [];
  let line = '';
  const limit = () => (pieces.length ? room : first) - 1; // room for the trailing backslash
  const flush = () => {
    pieces.push(line + '\\');
    line = '';
  };
  for (const part of partsOf(word)) {
    if (part.kind === 'whole') {
      if (line && line.length + part.text.length > limit()) flush();
      line += part.text;
      continue;
    }
    if (part.kind === 'plain') {
      for (const ch of part.text) {
        if (line.length + 1 > limit() && line) flush();
        line += ch;
      }
      continue;
    }
    // '…': each piece is closed ('…') and the next one reopened.
    let body = part.text.slice(1, part.text.endsWith("'") && part.text.length > 1 ? -1 : undefined);
    if (line.length + body.length + 2 <= limit() || !body) {
      line += `'${body}'`;
      continue;
    }
    while (body) {
      let free = limit() - line.length - 2;
      if (free < 1 && line) {
        flush();
        free = limit() - 2;
      }
      const n = body.length <= free ? body.length : cutAt(body, Math.max(1, free));
      line += `'${body.slice(0, n)}'`;
      body = body.slice(n);
      if (body) flush();
    }
  }
  pieces.push(line);
  return pieces;
}

/** Where to cut `text` to keep at most `max` characters: after the last separator of a URL, a
 *  header value or a path (, ; & ? / =) in the second half, else at `max`. */
function cutAt(text: string, max: number): number {
  for (let i = max; i > max / 2; i--) if (',;&?/='.includes(text[i - 1])) return i;
  return max;
}

/** The words in units kept on one line where they fit: an option and its value (`--cert FILE`,
 *  `-H 'Accept: …'`, `-n default`). */
function units(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 1];
    if (/^--?[A-Za-z]/.test(w) && !w.includes('=') && next !== undefined && !next.startsWith('-') && next !== '|') {
      out.push(`${w} ${next}`);
      i++;
    } else out.push(w);
  }
  return out;
}

/** `cmd` as lines of at most `width` characters (where its words allow: a part that cannot be cut
 *  may overflow), every line but the last ending in a continuation. Bash, zsh and sh read the
 *  lines as the one command. A command that fits is one line, unchanged. */
export function wrapCommand(cmd: string, width: number): string[] {
  const w = Math.max(8, width);
  if (cmd.length <= w) return [cmd];
  const lines: string[] = [];
  let line = '';
  // An option and its value stay together unless together they do not fit on a line.
  const words = units(shellWords(cmd)).flatMap((u) =>
    u.length + CONTINUATION_INDENT.length + 2 <= w ? [u] : shellWords(u),
  );
  for (const word of words) {
    if (!line) {
      line = word;
    } else if (line.length + 1 + word.length + 2 <= w) {
      line += ` ${word}`;
      continue;
    } else {
      lines.push(`${line} \\`);
      line = CONTINUATION_INDENT + word;
    }
    // A word that is too long even on a line of its own is cut (the last line keeps room for ' \').
    if (line.length + 2 > w) {
      const indent = line.length - word.length;
      const pieces = cutWord(word, w - indent - 1, w - 1);
      lines.push(line.slice(0, indent) + pieces[0], ...pieces.slice(1, -1));
      line = pieces.length > 1 ? pieces[pieces.length - 1] : lines.pop()!;
    }
  }
  if (line) lines.push(line);
  return lines;
}
