// `npm run screenshot`: replays demo.tape's steps in a real pseudo-terminal against the embedded
// sandbox (the tape starts `node dist/cli.js --demo`) and writes the screen, as it stands after the
// step named below, to docs/screenshot.svg. The tape's Waits are the sync points, as in
// test/tape-replay.test.ts; the replay then runs to the tape's end, so the app quits cleanly.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseTape, replayTape, type Tape, VHS_BASH } from '../../test/helpers/tape.js';
import { PtyTerm } from './pty-term.js';
import { renderSvg } from './svg.js';

// Two levels up, both from scripts/screenshot/ and from its bundle in .cache/screenshot/.
const ROOT = resolve(import.meta.dirname, '../..');
const OUTPUT = join(ROOT, 'docs/screenshot.svg');
// The tape's picture: all namespaces' pods, one selected, the request behind the table in the footer.
const PICTURE_STEP = 'Wait+Screen /GET \\/api\\/v1\\/pods/';
// The size the tape replay test uses for the tape (see test/tape-replay.test.ts).
const COLS = 120;
const ROWS = 40;

function splitAt(tape: Tape, source: string): [Tape, Tape] {
  const i = tape.commands.findIndex((c) => c.source === source);
  if (i < 0) throw new Error(`demo.tape has no step "${source}" to take the picture after`);
  return [
    { ...tape, commands: tape.commands.slice(0, i + 1) },
    { ...tape, commands: tape.commands.slice(i + 1) },
  ];
}

const tape = parseTape(readFileSync(join(ROOT, 'demo.tape'), 'utf8'));
const [before, after] = splitAt(tape, PICTURE_STEP);
const cache = await mkdtemp(join(tmpdir(), 'kapi-screenshot-'));
const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', XDG_CACHE_HOME: cache };
delete env.CI; // Ink renders nothing until exit when it believes it runs in CI
const term = PtyTerm.start(VHS_BASH, { cols: COLS, rows: ROWS, cwd: ROOT, env });
try {
  await term.waitFor(/^>/m, 10_000);
  await replayTape(before, term);
  await term.settled();
  await writeFile(OUTPUT, renderSvg(term.terminal, { cursorVisible: term.cursorVisible }));
  await replayTape(after, term);
  console.log(`wrote ${OUTPUT}`);
} finally {
  term.kill();
  await rm(cache, { recursive: true, force: true });
}
