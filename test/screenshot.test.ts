// The README's picture (docs/screenshot.svg, written by `npm run screenshot`) must not rot: the
// SVG renderer is checked on known escape sequences, then on a short replay of demo.tape's start in
// a real pseudo-terminal (the same PtyTerm and renderer the screenshot uses): every line of text on
// the screen must be in the SVG, in its row and column. Run `npm run build` first.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import xterm from '@xterm/headless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PtyTerm } from '../scripts/screenshot/pty-term.js';
import { cellGeometry, renderSvg } from '../scripts/screenshot/svg.js';
import { parseTape, replayTape, VHS_BASH } from './helpers/tape.js';

const ROOT = resolve(import.meta.dirname, '..');

function headless(cols: number, rows: number, data: string): Promise<xterm.Terminal> {
  const t = new xterm.Terminal({ cols, rows, allowProposedApi: true });
  return new Promise((res) => t.write(data, () => res(t)));
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The SVG's text put back on a grid of rows × cols, from each <text>'s position. */
function textGrid(svg: string, cols: number, rows: number): string[] {
  const { cw, ch, pad, baseline } = cellGeometry(14);
  const grid = Array.from({ length: rows }, () => Array<string>(cols).fill(' '));
  for (const m of svg.matchAll(/<text x="([\d.]+)" y="(\d+)"[^>]*>([^<]*)<\/text>/g)) {
    const col = Math.round((Number(m[1]) - pad) / cw);
    const row = (Number(m[2]) - pad - baseline) / ch;
    [...unescapeXml(m[3])].forEach((c, i) => (grid[row][col + i] = c));
  }
  return grid.map((r) => r.join('').trimEnd());
}

describe('renderSvg', () => {
  it('draws colours, inverse video, box drawing, escaped text and the cursor', async () => {
    const t = await headless(
      20,
      3,
      '\u001B[31mred\u001B[0m \u001B[7minv\u001B[0m \u001B[38;2;1;2;3mrgb\u001B[0m\r\n╭─╮ a<&>b',
    );
    const svg = renderSvg(t, { cursorVisible: true });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
    expect(svg).toMatch(/<text [^>]*fill="#cd0000"[^>]*>red<\/text>/);
    // Inverse: the default foreground becomes the cell's background, the background the text colour.
    expect(svg).toMatch(/<rect x="[\d.]+" y="\d+" width="25\.2" height="17" fill="#e5e5e5"\/>/);
    expect(svg).toMatch(/<text [^>]*fill="#1e1e1e"[^>]*>inv<\/text>/);
    expect(svg).toMatch(/<text [^>]*fill="#010203"[^>]*>rgb<\/text>/);
    expect(svg).toContain('a&lt;&amp;&gt;b');
    expect(textGrid(svg, 20, 3)).toEqual(['red inv rgb', '╭─╮ a<&>b', '']);
    // The cursor: after "b" on the second row (column 9).
    const { cw, ch, pad } = cellGeometry(14);
    expect(svg).toContain(`<rect x="${(pad + 9 * cw).toFixed(1)}" y="${pad + ch}" width="${cw.toFixed(1)}"`);
    expect(renderSvg(t, { cursorVisible: false })).not.toContain(`y="${pad + ch}" width="${cw.toFixed(1)}"`);
  });
});

describe('docs/screenshot.svg', () => {
  it('opens the README and shows the pods table of the tape, with the request behind it', () => {
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').slice(0, 3)).toEqual([
      '# kapi-tui',
      '',
      '![kapi-tui](docs/screenshot.svg)',
    ]);
    const text = textGrid(readFileSync(join(ROOT, 'docs/screenshot.svg'), 'utf8'), 120, 40).join('\n');
    expect(text).toMatch(/NAMESPACE\s+NAME\s+READY/);
    expect(text).toMatch(/GET \/api\/v1\/pods/);
  });
});

describe('a short replay of demo.tape rendered to SVG', () => {
  let cache: string;
  let term: PtyTerm | undefined;
  beforeAll(async () => {
    cache = await mkdtemp(join(tmpdir(), 'kapi-screenshot-test-'));
  });
  afterAll(async () => {
    term?.kill();
    await rm(cache, { recursive: true, force: true });
  });

  it('has the screen text in place, the panes drawn with box characters', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', XDG_CACHE_HOME: cache };
    delete env.CI; // Ink renders nothing until exit when it believes it runs in CI
    const cols = 120;
    const rows = 40;
    term = PtyTerm.start(VHS_BASH, { cols, rows, cwd: ROOT, env });
    await term.waitFor(/^>/m, 10_000);
    // The tape's first step, as demo.tape writes it.
    const start = readFileSync(join(ROOT, 'demo.tape'), 'utf8').match(/^Type "node dist\/cli\.js --demo"$/m)?.[0];
    expect(start).toBeDefined();
    await replayTape(parseTape(`${start}\nEnter\nWait+Screen@10s /core\\/v1/\n`), term);
    await term.settled();
    const screen = term.screenText(); // read with the render, no await between: the same frame
    const svg = renderSvg(term.terminal, { cursorVisible: term.cursorVisible });
    expect(screen).toMatch(/Groups/);
    expect(textGrid(svg, cols, rows)).toEqual(screen.split('\n'));
    expect(svg).toMatch(/<text [^>]*>[^<]*╭─+╮/);
    expect(term.cursorVisible).toBe(false); // the TUI hides it, so the picture has none

    await replayTape(parseTape('Type "q"\nWait+Line /^>\\s*$/\n'), term);
    expect(term.cursorVisible).toBe(true);
  }, 30_000);
});
