// `$`: the view's curl and kubectl in full, for a mouse selection. No border and no gutter: every
// line under the rule is shell (comments and commands wrapped with ` \`, src/model/command-view.ts),
// so the selected block pasted into a shell runs as shown. A title and a rule sit above it.
import { Box } from 'ink';
import { Text } from './Text.js';
import type { CommandViewLine } from '../model/command-view.js';
import { COMMAND_VIEW_CHROME } from '../model/command-view.js';
import { col, useColor } from './theme.js';

export interface CommandViewProps {
  /** Whose commands: 'this view' or 'request #12'. */
  of: string;
  lines: readonly CommandViewLine[];
  /** First shown line (resolveCommandScroll). */
  scroll: number;
  width: number;
  height: number;
}

export function CommandView({ of, lines, scroll, width, height }: CommandViewProps) {
  const color = useColor();
  const room = Math.max(1, height - COMMAND_VIEW_CHROME);
  const shown = lines.slice(scroll, scroll + room);
  const more = lines.length > room ? `  ${scroll + 1}-${scroll + shown.length}/${lines.length} ↑↓` : '';
  // Where it is before how to use it: a narrow screen cuts the end.
  const title = `Commands of ${of}${more}  · select with the mouse, or c / K copy · Esc closes`;
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <Text wrap="truncate-end" bold={color} color={col(color, 'cyan')}>
        {title}
      </Text>
      <Text wrap="truncate-end" dimColor={color}>
        {'─'.repeat(Math.max(1, width - 1))}
      </Text>
      {shown.map((l, i) => (
        <Text key={scroll + i} wrap="truncate-end" dimColor={color && l.kind === 'note'}>
          {l.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
