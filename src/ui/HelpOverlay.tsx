import { Box } from 'ink';
import { Text } from './Text.js';
import { Pane } from './Pane.js';
import { helpLayout } from '../model/layout.js';
import { helpEntries } from '../model/help-entries.js';

export interface HelpOverlayProps {
  width: number;
  height: number;
  /** Which screenful (0-based; clamped to the last). */
  page?: number;
}

/** Generated from the keymap table (and the legends), descriptions wrapped under their keys, in
 *  one or two columns as space allows, paged when it is more than a screenful. */
export function HelpOverlay({ width, height, page = 0 }: HelpOverlayProps) {
  const { columns, rows, pages, columnWidth, lines } = helpLayout(helpEntries(), width, height);
  const shown = Math.min(page, pages - 1);
  const cols = Array.from({ length: columns }, (_, c) => {
    const from = (shown * columns + c) * rows;
    return lines.slice(from, from + rows);
  });
  const info = pages > 1 ? `${shown + 1}/${pages}  j/k: more keys` : '';
  return (
    <Pane title="Help (? or Esc closes)" info={info} focused width={width} height={height}>
      <Box flexDirection="row">
        {cols.map((col, c) => (
          <Box key={c} flexDirection="column" width={columnWidth + (c < columns - 1 ? 1 : 0)}>
            {col.map((l, i) => (
              <Text key={i} wrap="truncate-end">
                {l || ' '}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
    </Pane>
  );
}
