// The header line, written to the terminal the moment the process knows where it connects, before
// the explorer (Ink, React: ~30-60 ms to load, ~50 ms to draw its first frame) is even loaded: who,
// where and which namespace are on screen at once. The same text as the explorer's header
// (model/header.ts) from the same provisional connection; the explorer's first frame replaces it
// (launchApp clears the screen in that frame's own write, so nothing blinks in between).
import type { Connection } from '../client/types.js';
import { HEADER_SEPARATOR, headerParts } from '../model/header.js';

/** Cursor home, the header line, erase the rest of the line, cursor home again. */
export function firstPaintText(c: Connection, namespace: string | undefined, version: string, columns: number): string {
  const line = headerParts(
    { version, mode: c.mode, context: c.context, server: c.server, user: c.user || '(anonymous)', namespace },
    columns,
  ).join(HEADER_SEPARATOR);
  // headerParts' shortest form can still be wider than a tiny terminal: never wrap onto row 2.
  return `\u001B[H${[...line].slice(0, columns).join('')}\u001B[K\u001B[H`;
}

export function firstPaint(
  c: Connection,
  namespace: string | undefined,
  version: string,
  stdout: NodeJS.WriteStream = process.stdout,
): void {
  stdout.write(firstPaintText(c, namespace, version, stdout.columns || 80));
}
