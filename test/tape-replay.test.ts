// demo.tape is a VHS recording script and also a test: every Enter in it is followed by a Wait
// stating what must be on screen. Here it is parsed, checked for that contract, and replayed in a
// bash in tmux (the key steps; Sleeps skipped; Waits as the sync points), ending at the shell
// prompt with the app gone. The parser/replayer itself is checked on small tapes that must fail.
// Run `npm run build` first.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkContract, parseTape, replayTape, type ReplayStep, TapeError, VHS_BASH } from './helpers/tape.js';
import { Term } from './helpers/tmux.js';

const ROOT = resolve(import.meta.dirname, '..');
const TAPE = join(ROOT, 'demo.tape');

// The terminal size of the replay. VHS renders into Width x Height pixels with xterm.js; the
// number of cells depends on the font's metrics: with the default Padding 60 and FontSize 16 a
// cell is about 9.6 px wide, so 1280 px is ~120 columns, but the rows (800 px) come out anywhere
// from ~32 to ~42 depending on the font and LineHeight. That conversion is not reliable enough to
// compute, so the replay uses a fixed 120x40 (the wide layout the tape was written for; the
// narrow 80x24 layout is covered by e2e-demo.test.ts).
const COLS = 120;
const ROWS = 40;

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'kapi-tape-'));
});
afterEach(() => Term.killAll());
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

/** A bash configured like VHS's (prompt "> "), in the project folder. */
function startShell(cols = COLS, rows = ROWS): Promise<Term> {
  return Term.start(VHS_BASH, { cols, rows, cwd: ROOT, env: { XDG_CACHE_HOME: cacheDir } });
}

describe('demo.tape', () => {
  // Parsed in each test, so that a tape the parser rejects fails a test (naming the line).
  const load = () => parseTape(readFileSync(TAPE, 'utf8'));

  it('is a VHS tape for the main flow that keeps the Enter → Wait contract', () => {
    const tape = load();
    expect(checkContract(tape)).toEqual([]);
    expect(tape.output).toBe('demo.gif');
    expect(tape.settings).toMatchObject({
      Shell: 'bash',
      FontSize: '16',
      Width: '1280',
      Height: '800',
      TypingSpeed: '40ms',
    });
    const kinds = tape.commands.map((c) => c.kind);
    expect(kinds).toContain('wait');
    const typed = tape.commands.flatMap((c) => (c.kind === 'type' ? [c.text] : []));
    expect(typed[0]).toMatch(/^(npm start --silent|node dist\/cli\.js --demo)$/);
    expect(typed).toEqual(expect.arrayContaining(['/pods', 'n', 'y', 'q']));
    // Quitting is the last key, and a Wait for the shell prompt follows it.
    const lastType = tape.commands.findLastIndex((c) => c.kind === 'type');
    expect(typed.at(-1)).toBe('q');
    expect(tape.commands.slice(lastType + 1).some((c) => c.kind === 'wait')).toBe(true);
  });

  it('replays in tmux: every Wait matches, the app exits 0 and the prompt is back', async () => {
    const tape = load();
    const t = await startShell();
    await t.waitFor(/^>/m);
    const steps: ReplayStep[] = [];
    await replayTape(tape, t, (s) => steps.push(s));
    // Every Enter was checked against a screen.
    const enters = tape.commands.filter((c) => c.kind === 'key' && c.key === 'Enter').length;
    expect(enters).toBeGreaterThanOrEqual(5);
    expect(steps.filter((s) => s.screen !== undefined).length).toBeGreaterThanOrEqual(enters);

    // The app has exited: bash is in the foreground again, the alternate screen is left, and
    // the app's exit status was 0.
    expect(await t.currentCommand()).toBe('bash');
    expect((await t.state()).alternate).toBe(false);
    await t.type('echo "exit=$?"');
    await t.keys('Enter');
    await t.waitFor(/^exit=0$/m);
  }, 60_000);
});

describe('the tape replayer fails on a broken tape', () => {
  it('rejects an Enter without a following Wait', () => {
    const tape = parseTape('Type "echo hi"\nEnter\nSleep 1s\nType "q"\n');
    expect(checkContract(tape)).toEqual(['line 2: Enter is not followed by a Wait stating what must be on screen']);
    // Sleeps in between are fine; a Wait without a regex is not a statement about the screen.
    expect(checkContract(parseTape('Enter\nSleep 1s\nWait+Screen /hi/\n'))).toEqual([]);
    expect(checkContract(parseTape('Enter\nWait\n'))[0]).toMatch(
      /line 2: the Wait after Enter \(line 1\) needs a \/regex\//,
    );
    expect(checkContract(parseTape('Type "x"\nEnter\n'))).toHaveLength(1);
  });

  it('refuses to replay a tape that breaks the contract', async () => {
    // No terminal is needed: the contract is checked before the first key.
    const fake = {} as Term;
    await expect(replayTape(parseTape('Enter\nType "q"\n'), fake)).rejects.toThrow(
      /line 1: Enter is not followed by a Wait/,
    );
  });

  it('rejects unknown commands, settings and malformed lines, naming the line', () => {
    expect(() => parseTape('Type "a"\nFrobnicate 3\n')).toThrow(/line 2: unknown or unsupported command "Frobnicate"/);
    expect(() => parseTape('Screenshot x.png')).toThrow(TapeError);
    expect(() => parseTape('Set Colour red')).toThrow(/unknown setting "Colour"/);
    expect(() => parseTape('Type hello')).toThrow(/line 1: expected a quoted string/);
    expect(() => parseTape('Down x')).toThrow(/repeat count/);
    expect(() => parseTape('Wait+Screen /(?=x)/')).toThrow(/lookaround/);
    expect(() => parseTape('Wait+Screen /[/')).toThrow(/invalid regex/);
    expect(() => parseTape('Wait+Page /x/')).toThrow(/Wait\+ expects Line or Screen/);
    expect(() => parseTape('Sleep soon')).toThrow(/not a duration/);
  });

  it('parses the commands a demo needs', () => {
    const tape = parseTape(
      [
        '# a comment',
        'Output demo.gif',
        'Set Shell "bash"',
        'Set TypingSpeed 40ms',
        'Type@100ms "a b" \'c\'',
        'Down@300ms 3',
        'Escape',
        'Ctrl+C',
        'Shift+Tab',
        'Sleep 1.5',
        'Hide',
        'Show',
        'Wait+Screen@10s /x\\/y/',
        'Wait',
      ].join('\n'),
    );
    expect(tape.output).toBe('demo.gif');
    expect(tape.settings).toEqual({ Shell: 'bash', TypingSpeed: '40ms' });
    const [type, down, esc, ctrl, btab, sleep, , , wait, wait2] = tape.commands.slice(3);
    expect(type).toMatchObject({ kind: 'type', text: 'a b c', speedMs: 100, line: 5 });
    expect(down).toMatchObject({ kind: 'key', key: 'Down', count: 3, speedMs: 300 });
    expect(esc).toMatchObject({ kind: 'key', key: 'Escape', count: 1 });
    expect(ctrl).toMatchObject({ kind: 'chord', tmux: 'C-c' });
    expect(btab).toMatchObject({ kind: 'chord', tmux: 'BTab' });
    expect(sleep).toMatchObject({ kind: 'sleep', ms: 1500 });
    expect(wait).toMatchObject({ kind: 'wait', scope: 'Screen', timeoutMs: 10_000 });
    expect(wait.kind === 'wait' && wait.regex?.test('x/y')).toBe(true);
    expect(wait2).toMatchObject({ kind: 'wait', scope: 'Line', regex: undefined });
  });

  it('fails, naming the line, when a Wait regex never appears', async () => {
    const t = await startShell(80, 10);
    await t.waitFor(/^>/m);
    const tape = parseTape('Type "echo hello"\nEnter\nWait+Screen@1s /goodbye/\n');
    await expect(replayTape(tape, t)).rejects.toThrow(
      /line 3: Wait\+Screen@1s \/goodbye\/: \/goodbye\/ did not appear within 1000 ms/,
    );
    // ... while the same tape with what the screen does show passes.
    await replayTape(parseTape('Type "echo there"\nEnter\nWait+Screen@2s /\\nthere\\n/\n'), t);
  });
});
