// Crash reports that point at our sources. dist/ is minified, so a raw stack says
// "launch-XYZ.js:1:48213". The build ships source maps for the chunks that hold our code, but Node
// is not told about them (--enable-source-maps would parse every map at start-up): they are read
// here, only after a crash, to rewrite each frame's position into its source file, line and column.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** "file:///…/dist/x.js:12:34" or "/…/dist/x.js:12:34", as V8 writes them in a frame. */
const FRAME_LOCATION = /((?:file:\/\/)?\/[^\s():]+\.[cm]?js):(\d+):(\d+)/g;

/** The source position of a generated one, or undefined when the file has no map. */
function originalPosition(maps: Map<string, SourceMap | null>, file: string, line: number, column: number) {
  const url = file.startsWith('file:') ? file : pathToFileURL(file).href;
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    try {
      map = new SourceMap(JSON.parse(readFileSync(fileURLToPath(`${url}.map`), 'utf8')));
    } catch {
      /* no map (a library-only chunk, or not our file): the frame stays as it is */
    }
    maps.set(url, map);
  }
  try {
    const entry = maps.get(url)?.findEntry(line - 1, column - 1);
    if (!entry || !('originalSource' in entry)) return undefined;
    const source = fileURLToPath(new URL(entry.originalSource, url));
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  } catch {
    return undefined; // a malformed map must not hide the crash it was asked to explain
  }
}

/** The stack with every frame that has a source map rewritten to its source position. */
export function remapStack(stack: string): string {
  const maps = new Map<string, SourceMap | null>();
  return stack.replace(FRAME_LOCATION, (whole, file: string, line: string, column: string) => {
    return originalPosition(maps, file, Number(line), Number(column)) ?? whole;
  });
}
