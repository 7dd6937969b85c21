// The text views with long lines wrapped (`w`): rows placed by model/wrap.ts, highlighted like the
// cut lines (the tokens of the whole line, sliced per row), the cursor line inverse on all its rows.
import { Box } from 'ink';
import { Text } from './Text.js';
import { type Token, highlightJsonLine, highlightYamlLine } from '../model/highlight.js';
import type { WrappedRow } from '../model/wrap.js';
import { TOKEN_COLORS, useColor } from './theme.js';
import type { TextLines } from '../model/text-lines.js';

/** Lines longer than this are drawn without colour (as in the cut view). */
const HIGHLIGHT_MAX = 2000;

/** The tokens covering code points `start..start+count` of their line. */
export function sliceTokens(tokens: Token[], start: number, count: number): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const t of tokens) {
    const chars = Array.from(t.text);
    const from = Math.max(0, start - at);
    const to = Math.min(chars.length, start + count - at);
    if (to > from) out.push({ ...t, text: chars.slice(from, to).join('') });
    at += chars.length;
    if (at >= start + count) break;
  }
  return out;
}

export interface WrappedTextViewProps {
  lines: TextLines;
  rows: WrappedRow[];
  syntax: 'json' | 'yaml' | 'none';
  cursor?: number;
  /** Columns of text per row (the pane's width less the gutter). */
  width: number;
  focused: boolean;
  marked?: (line: number) => boolean;
}

export function WrappedTextView({ lines, rows, syntax, cursor, width, focused, marked }: WrappedTextViewProps) {
  const color = useColor();
  const gutter = cursor !== undefined;
  let rowOfLine = 0;
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => {
        rowOfLine = row.first ? 0 : rowOfLine + 1;
        const key = `${row.line}:${rowOfLine}`;
        const hit = row.first && marked?.(row.line);
        if (gutter && row.line === cursor) {
          const text = (row.first ? '› ' : '  ') + row.text;
          return (
            <Text key={key} wrap="truncate-end" inverse={color && focused} bold={color}>
              {text.padEnd(width + 2)}
            </Text>
          );
        }
        const prefix = gutter ? (hit ? '▸ ' : '  ') : marked ? (hit ? '▸' : ' ') : '';
        const line = lines.at(row.line) ?? '';
        if (!color || syntax === 'none' || line.length > HIGHLIGHT_MAX)
          return (
            <Text key={key} wrap="truncate-end">
              {prefix + row.text || ' '}
            </Text>
          );
        const tokens = syntax === 'json' ? highlightJsonLine(line) : highlightYamlLine(line);
        const part = sliceTokens(tokens, rowOfLine * width, width);
        return (
          <Text key={key + String(i)} wrap="truncate-end">
            {prefix}
            {part.map((t, j) => (
              <Text key={j} color={TOKEN_COLORS[t.kind]}>
                {t.text}
              </Text>
            ))}
          </Text>
        );
      })}
    </Box>
  );
}
