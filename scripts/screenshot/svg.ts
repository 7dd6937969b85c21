// Renders an @xterm/headless screen to SVG: cell backgrounds as rectangles, text runs in their
// colours and attributes (bold, dim, italic, underline, inverse), box drawing as the font's glyphs
// stretched to whole cells, and the cursor when the program shows it. No browser: the SVG is text.
import type { IBufferCell as Cell, Terminal } from '@xterm/headless';

export interface SvgOptions {
  /** Draw a block cursor at the terminal's cursor position. */
  cursorVisible?: boolean;
  fontSize?: number;
}

/** xterm.js's default theme: the 16 ANSI colours, then the default foreground and background. */
const ANSI = [
  '#2e3436',
  '#cd0000',
  '#00cd00',
  '#cdcd00',
  '#0000ee',
  '#cd00cd',
  '#00cdcd',
  '#e5e5e5',
  '#7f7f7f',
  '#ff0000',
  '#00ff00',
  '#ffff00',
  '#5c5cff',
  '#ff00ff',
  '#00ffff',
  '#ffffff',
];
const FOREGROUND = '#e5e5e5';
const BACKGROUND = '#1e1e1e';
const FONT = "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace";

const hex = (n: number) => `#${n.toString(16).padStart(6, '0')}`;

/** The xterm 256-colour palette: 16 ANSI, a 6×6×6 cube, 24 greys. */
function paletteColour(n: number): string {
  if (n < 16) return ANSI[n];
  if (n < 232) {
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    const i = n - 16;
    return hex((level(Math.floor(i / 36)) << 16) | (level(Math.floor(i / 6) % 6) << 8) | level(i % 6));
  }
  const grey = 8 + (n - 232) * 10;
  return hex((grey << 16) | (grey << 8) | grey);
}

function colours(cell: Cell): { fg: string; bg: string | undefined } {
  let fg = cell.isFgRGB() ? hex(cell.getFgColor()) : cell.isFgPalette() ? paletteColour(cell.getFgColor()) : FOREGROUND;
  let bg = cell.isBgRGB() ? hex(cell.getBgColor()) : cell.isBgPalette() ? paletteColour(cell.getBgColor()) : undefined;
  if (cell.isInverse()) [fg, bg] = [bg ?? BACKGROUND, fg];
  return { fg, bg };
}

/** The text attributes that decide a run's <text> element. */
function style(cell: Cell): string {
  const { fg } = colours(cell);
  const attrs = [`fill="${fg}"`];
  if (cell.isBold()) attrs.push('font-weight="bold"');
  if (cell.isItalic()) attrs.push('font-style="italic"');
  if (cell.isDim()) attrs.push('opacity="0.6"');
  if (cell.isUnderline()) attrs.push('text-decoration="underline"');
  return attrs.join(' ');
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Where cells go: cell width and height, the padding around the screen, the text baseline in a cell. */
export function cellGeometry(fontSize: number) {
  const ch = Math.round(fontSize * 1.2);
  // A monospace advance is ~0.6 em; text runs are stretched to it exactly (textLength).
  return { cw: fontSize * 0.6, ch, pad: 12, baseline: Math.round(ch * 0.78) };
}

/** The terminal's visible screen as an SVG document. */
export function renderSvg(terminal: Terminal, opts: SvgOptions = {}): string {
  const fontSize = opts.fontSize ?? 14;
  const { cw, ch, pad, baseline: baselineInCell } = cellGeometry(fontSize);
  const width = Math.round(terminal.cols * cw + 2 * pad);
  const height = terminal.rows * ch + 2 * pad;
  const buffer = terminal.buffer.active;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" rx="8" fill="${BACKGROUND}"/>`,
    `<g font-family="${FONT}" font-size="${fontSize}" xml:space="preserve">`,
  ];
  const x = (col: number) => (pad + col * cw).toFixed(1);
  for (let row = 0; row < terminal.rows; row++) {
    const line = buffer.getLine(buffer.viewportY + row);
    if (!line) continue;
    const y = pad + row * ch;
    // Backgrounds: one rectangle per run of cells with the same colour.
    for (let col = 0; col < terminal.cols;) {
      const bg = colours(line.getCell(col)!).bg;
      let end = col + 1;
      while (end < terminal.cols && colours(line.getCell(end)!).bg === bg) end++;
      if (bg)
        out.push(`<rect x="${x(col)}" y="${y}" width="${((end - col) * cw).toFixed(1)}" height="${ch}" fill="${bg}"/>`);
      col = end;
    }
    // Text: one <text> per run of cells with the same style, stretched to the run's cells so the
    // columns line up whatever the viewer's font.
    for (let col = 0; col < terminal.cols;) {
      const first = line.getCell(col)!;
      const key = style(first);
      let text = '';
      let inkEnd = col; // the cell after the run's last non-blank character
      let end = col;
      for (; end < terminal.cols; end++) {
        const cell = line.getCell(end)!;
        if (style(cell) !== key) break;
        if (cell.getWidth() === 0) continue; // the second half of a wide character
        const chars = cell.getChars() || ' ';
        text += chars;
        if (chars.trim() !== '') inkEnd = end + cell.getWidth();
      }
      const visible = text.trimEnd();
      if (visible !== '') {
        const cells = inkEnd - col;
        const baseline = y + baselineInCell;
        out.push(
          `<text x="${x(col)}" y="${baseline}" textLength="${(cells * cw).toFixed(1)}" lengthAdjust="spacingAndGlyphs" ` +
            `${key}>${escapeXml(visible)}</text>`,
        );
      }
      col = end;
    }
  }
  if (opts.cursorVisible) {
    const cy = pad + buffer.cursorY * ch;
    out.push(
      `<rect x="${x(buffer.cursorX)}" y="${cy}" width="${cw.toFixed(1)}" height="${ch}" fill="${FOREGROUND}" opacity="0.7"/>`,
    );
  }
  out.push('</g>', '</svg>', '');
  return out.join('\n');
}
