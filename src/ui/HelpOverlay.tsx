import { Box } from 'ink';
import { Text } from './Text.js';
import { KEYMAP, bindingLabel } from '../model/keymap.js';
import { Pane } from './Pane.js';
import { helpLayout } from '../model/layout.js';

export interface HelpOverlayProps {
  width: number;
  height: number;
  /** Which screenful (0-based; clamped to the last). */
  page?: number;
}

/** Generated from the keymap table, in one or two columns as space allows, paged when it is more
 *  than a screenful. */
export function HelpOverlay({ width, height, page = 0 }: HelpOverlayProps) {
  const entries = KEYMAP.map((e) => ({ keys: bindingLabel(e), description: e.description }));
  const { columns, rows, pages } = helpLayout(entries.length, width, height);
  const shown = Math.min(page, pages - 1);
  const onPage = entries.slice(shown * rows * columns, (shown + 1) * rows * columns);
  const colWidth = Math.floor((width - 4) / columns);
  // Keys aligned per column: the second column's short keys leave room for their descriptions.
  const cols = Array.from({ length: columns }, (_, c) => {
    const col = onPage.slice(c * rows, (c + 1) * rows);
    const keyWidth = Math.max(0, ...col.map((e) => e.keys.length)) + 2;
    return col.map((e) => e.keys.padEnd(keyWidth) + e.description);
  });
  const info = pages > 1 ? `${shown + 1}/${pages}  j/k: more keys` : '';
  return (
    <Pane title="Help (? or Esc closes)" info={info} focused width={width} height={height}>
      <Box flexDirection="row">
        {cols.map((col, c) => (
          <Box key={c} flexDirection="column" width={colWidth} paddingRight={columns > 1 ? 1 : 0}>
            {col.map((l) => (
              <Text key={l} wrap="truncate-end">
                {l}
              </Text>
            ))}
          </Box>
        ))}
      </Box>
    </Pane>
  );
}
