// Long lines wrapped (`w`) in the text views: which screen rows show which part of which line.
//
// Scroll, cursor, search matches and the "a-b/L" position stay counted in source lines: they are
// what `e`, n/N and the reducer's frame (line counts, not drawn rows) work with, and a wrapped line
// is still one line of the document. The rows are placed here, when drawing: from the scroll line
// down, each line whole over as many rows as it takes; the window starts later when the cursor line
// would fall below it, and is anchored to the end at the bottom of the text. The reducer gets the
// rows each line takes through its frame (TextFrame.rowsAt): a page turns by what was shown, and the
// last top line is counted in rows.
import { codePointSlice } from './terminal-text.js';
import type { TextLines } from './text-lines.js';

export interface WrappedRow {
  /** The source line this row is part of. */
  line: number;
  /** Its first row (the others continue it). */
  first: boolean;
  text: string;
}

/** Rows `line` takes at `width` columns (code units: close enough, and cheap on a 30 MB line). */
export function rowsOf(line: string, width: number): number {
  return Math.max(1, Math.ceil(line.length / Math.max(1, width)));
}

/** The first line from which lines `from..last` fill at most `height` rows, walking back from `last`. */
function startFor(lines: TextLines, last: number, height: number, width: number): number {
  let rows = rowsOf(lines.at(last) ?? '', width);
  let from = last;
  while (from > 0 && rows + rowsOf(lines.at(from - 1)!, width) <= height) {
    from--;
    rows += rowsOf(lines.at(from)!, width);
  }
  return from;
}

/** The rows drawn for a viewport of `height` rows and `width` columns, and the lines they show. */
export function wrapWindow(
  lines: TextLines,
  scroll: number,
  cursor: number | undefined,
  height: number,
  width: number,
): { from: number; to: number; rows: WrappedRow[] } {
  const w = Math.max(1, width);
  let from = Math.max(0, Math.min(scroll, lines.length - 1));
  if (scroll + height >= lines.length && lines.length > 0) {
    from = Math.max(from, startFor(lines, lines.length - 1, height, w));
  }
  if (cursor !== undefined && cursor >= from) {
    let rows = 0;
    for (let i = from; i < cursor && rows < height; i++) rows += rowsOf(lines.at(i)!, w);
    if (rows >= height) from = startFor(lines, cursor, height, w);
  } else if (cursor !== undefined) from = cursor;
  const rows: WrappedRow[] = [];
  let to = from;
  for (let i = from; i < lines.length && rows.length < height; i++) {
    const line = lines.at(i)!;
    for (let r = 0; r < rowsOf(line, w) && rows.length < height; r++) {
      rows.push({ line: i, first: r === 0, text: codePointSlice(line, r * w, w) });
    }
    to = i + 1;
  }
  return { from, to, rows };
}
