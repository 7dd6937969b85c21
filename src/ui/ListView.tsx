import React, { memo } from 'react';
import { Box } from 'ink';
import { Text } from './Text.js';
import { useColor } from './theme.js';
import { type ListState, visibleRange } from '../model/list.js';

export interface ListViewProps {
  list: ListState;
  /** Text of the item at an original index (already laid out to width). */
  render: (index: number) => string;
  focused: boolean;
  width: number;
  empty?: string;
}

interface RowProps {
  text: string;
  selected: boolean;
  focused: boolean;
  width: number;
}

/** Memoised: when a live table refreshes, rows whose text did not change are not re-rendered. */
const ListRow = memo(function ListRow({ text, selected, focused, width }: RowProps) {
  const color = useColor();
  const line = (selected ? '› ' : '  ') + text;
  return (
    <Text wrap="truncate-end" inverse={color && selected && focused} bold={color && selected && !focused}>
      {line.length > width ? line : line.padEnd(width)}
    </Text>
  );
});

/** A windowed list: only rows visibleFrom..visibleTo are rendered (the reducer keeps the window;
 *  see src/model/list.ts for why ink-select-input is not used). The cursor row has a '›' marker
 *  (visible without colour) and is inverse when focused and colour is on. */
export function ListView({ list, render, focused, width, empty }: ListViewProps) {
  const color = useColor();
  const { visibleFrom, visibleTo } = visibleRange(list);
  if (list.matches.length === 0) {
    return (
      <Text wrap="truncate-end" dimColor={color}>
        {empty ?? (list.filter ? `no match for /${list.filter}` : '(empty)')}
      </Text>
    );
  }
  const rows: React.ReactNode[] = [];
  for (let pos = visibleFrom; pos < visibleTo; pos++) {
    const idx = list.matches[pos];
    // Keyed by the item's key, not its position: a row keeps its element while others come and go.
    rows.push(
      <ListRow
        key={list.keys[idx] ?? pos}
        text={render(idx)}
        selected={pos === list.cursor}
        focused={focused}
        width={width}
      />,
    );
  }
  return <Box flexDirection="column">{rows}</Box>;
}

/** "3/40" position info for a pane title, plus the filter. */
export function listInfo(list: ListState, filtering: boolean): string {
  const pos = list.matches.length ? `${list.cursor + 1}/${list.matches.length}` : `0/${list.matches.length}`;
  // A new filter starts empty; the one it replaces is what Enter on nothing keeps.
  const kept = !list.filter && list.before ? ` (Enter keeps /${list.before})` : '';
  const f = filtering ? ` /${list.filter}▌${kept}` : list.filter ? ` /${list.filter}` : '';
  return pos + f;
}
