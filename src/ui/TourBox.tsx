// The tour's step page: the step's title, its lines (explanation, the requests it sent with their
// live answers, the curl) scrolled when they are more than the room, and how to move on. Under the
// panes on a large terminal, in their place on a small one (layout.ts tourPlacement).
import { Box } from 'ink';
import { Text } from './Text.js';
import type { TourStep } from '../model/tour.js';
import type { TourLine, TourLineStyle } from '../model/tour-page.js';
import { tourPageRoom } from '../model/layout.js';
import { col, useColor } from './theme.js';

export interface TourBoxProps {
  step: TourStep;
  index: number;
  total: number;
  lines: TourLine[];
  /** First line shown (resolved: within the page). */
  scroll: number;
  width: number;
  height: number;
}

const COLORS: Partial<Record<TourLineStyle, string>> = { ok: 'green', error: 'red', curl: 'green', note: 'yellow' };

export function TourBox({ step, index, total, lines, scroll, width, height }: TourBoxProps) {
  const color = useColor();
  const room = tourPageRoom(height);
  const shown = lines.slice(scroll, scroll + room);
  const more = lines.length > room;
  const range = `${scroll + 1}-${scroll + shown.length}/${lines.length}`;
  const long = `${more ? `j/k ↑↓ scroll ${range}  ` : ''}→/Enter next  ← back  Esc ends the tour`;
  // Narrow: the same keys in fewer words, so the scroll position is never cut off.
  const keyLine = long.length <= width - 4 ? long : `${more ? `j/k ${range}  ` : ''}→ next  ← back  Esc ends`;
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="round"
      borderColor={col(color, 'magenta')}
      paddingX={1}
      overflowY="hidden"
    >
      <Text wrap="truncate-end" bold={color}>
        Tour {index + 1}/{total}: {step.title}
      </Text>
      <Box flexDirection="column" height={room} overflowY="hidden">
        {shown.map((l, i) => (
          <Text
            key={scroll + i}
            wrap="truncate-end"
            color={col(color, COLORS[l.style])}
            dimColor={color && l.style === 'body'}
          >
            {l.text || ' '}
          </Text>
        ))}
      </Box>
      {/* A string expression: the formatter collapses double spaces in JSX text. */}
      <Text wrap="truncate-end" dimColor={color}>
        {keyLine}
      </Text>
    </Box>
  );
}
