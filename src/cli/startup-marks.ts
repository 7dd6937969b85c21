// Where a start's time goes, for measuring (`KAPI_TUI_STARTUP_MARKS=FILE`: at exit, one line per
// mark, "ms-since-process-start name"). performance.mark costs nothing worth counting otherwise.
import { writeFileSync } from 'node:fs';

export function startupMark(name: string): void {
  performance.mark(name);
}

/** Writes the marks to $KAPI_TUI_STARTUP_MARKS at exit, when it is set. */
export function writeStartupMarksAtExit(env: NodeJS.ProcessEnv = process.env): void {
  const file = env.KAPI_TUI_STARTUP_MARKS;
  if (!file) return;
  process.once('exit', () => {
    const lines = performance.getEntriesByType('mark').map((m) => `${m.startTime.toFixed(1)} ${m.name}`);
    writeFileSync(file, `${lines.join('\n')}\n`);
  });
}
