import { Box } from 'ink';
import { Text } from './Text.js';
import { KEYMAP, bindingLabel } from '../model/keymap.js';
import { Pane } from './Pane.js';

export interface HelpOverlayProps { width: number; height: number }

/** Generated from the keymap table, in one or two columns as space allows. */
export function HelpOverlay({ width, height }: HelpOverlayProps) {
  const entries = KEYMAP.map((e) => ({ keys: bindingLabel(e), description: e.description }));
  const rows = Math.max(1, height - 4);
  const columns = entries.length > rows && width >= 80 ? 2 : 1;
  const perCol = Math.ceil(entries.length / columns);
  const colWidth = Math.floor((width - 4) / columns);
  // Keys aligned per column: the second column's short keys leave room for their descriptions.
  const cols = Array.from({ length: columns }, (_, c) => {
    const col = entries.slice(c * perCol, (c + 1) * perCol).slice(0, rows);
    const keyWidth = Math.max(...col.map((e) => e.keys.length)) + 2;
    return col.map((e) => e.keys.padEnd(keyWidth) + e.description);
  });
  // A terminal too small for every key says so instead of dropping keys silently.
  const hidden = entries.length - cols.reduce((n, col) => n + col.length, 0);
  if (hidden > 0) {
    const last = cols[cols.length - 1];
    last[last.length - 1] = `… ${hidden + 1} more: enlarge the terminal`;
  }
  return (
    <Pane title="Help (? or Esc closes)" focused width={width} height={height}>
      <Box flexDirection="row">
        {cols.map((col, c) => (
          <Box key={c} flexDirection="column" width={colWidth} paddingRight={columns > 1 ? 1 : 0}>
            {col.map((l) => <Text key={l} wrap="truncate-end">{l}</Text>)}
          </Box>
        ))}
      </Box>
    </Pane>
  );
}
