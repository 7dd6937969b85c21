// The lines of a text view, read one at a time. A multi-megabyte document (a 5 MB /openapi/v2 is
// 150,000 lines of pretty-printed JSON) is kept as ONE string plus the offset of each line (4 bytes a
// line) instead of an array of 150,000 line strings (40 bytes a line, and each line a slice that
// keeps the whole text alive anyway): a line is cut out only when it is drawn or searched.

/** What the text views read: a string[] is one, and so is a LineIndex. */
export interface TextLines extends Iterable<string> {
  readonly length: number;
  /** Line `index` (0-based, 0 ≤ index < length), undefined outside. */
  at(index: number): string | undefined;
}

/** Lines of `text` split at '\n' (as text.split('\n')), held as offsets into it. */
export class LineIndex implements TextLines {
  readonly length: number;
  /** starts[i]: where line i begins; starts[length]: one past the end of the text (as if a '\n' ended it). */
  private readonly starts: Uint32Array;

  /** `dropFinalNewline`: a '\n' ending the text ends the last line instead of starting an empty one
   *  (as text.replace(/\n$/, '').split('\n'), without copying the text). */
  constructor(
    readonly text: string,
    dropFinalNewline = false,
  ) {
    let count = 1;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
    const end = dropFinalNewline && text.endsWith('\n') ? text.length - 1 : text.length;
    if (end < text.length) count--;
    const starts = new Uint32Array(count + 1);
    let line = 1;
    for (let at = text.indexOf('\n'); at >= 0 && line < count; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1;
    starts[count] = end + 1;
    this.starts = starts;
    this.length = count;
  }

  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    return this.text.slice(this.starts[index], this.starts[index + 1]! - 1);
  }

  /** Characters (code units) of line `index`, without cutting it out. */
  lengthOf(index: number): number {
    return this.starts[index + 1]! - this.starts[index]! - 1;
  }

  /** The whole text, as lines.join('\n'). */
  joined(): string {
    const end = this.starts[this.length]! - 1;
    return end === this.text.length ? this.text : this.text.slice(0, end);
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}

/** The longest line's length in code units (a LineIndex answers from its offsets alone). */
export function longestLine(lines: TextLines): number {
  let n = 0;
  if (lines instanceof LineIndex) {
    for (let i = 0; i < lines.length; i++) n = Math.max(n, lines.lengthOf(i));
    return n;
  }
  for (const l of lines) if (l.length > n) n = l.length;
  return n;
}

/** lines.join('\n') (a LineIndex has it already). */
export function joinLines(lines: TextLines): string {
  return lines instanceof LineIndex ? lines.joined() : Array.from(lines).join('\n');
}

/** The lines of `text` split at '\n' after '\r\n' became '\n', without the empty line after a final
 *  '\n' (the lines a log or a plain body shows). */
export function textLineIndex(text: string): LineIndex {
  return new LineIndex(text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text, true);
}
