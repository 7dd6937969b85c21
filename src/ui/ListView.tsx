import React from 'react';
import { Box, Text } from 'ink';
import { type ListState, visibleRange } from '../model/list.js';

export interface ListViewProps {
  list: ListState;
  /** Text of the item at an original index (already laid out to width). */
  render: (index: number) => string;
  focused: boolean;
  color: boolean;
  width: number;
  empty?: string;
}

/** A windowed list: only rows visibleFrom..visibleTo are rendered (the reducer keeps the window;
 *  see src/model/list.ts for why ink-select-input is not used). The cursor row has a '›' marker
 *  (visible without colour) and is inverse when focused and colour is on. */
export function ListView({ list, render, focused, color, width, empty }: ListViewProps) {
  const { visibleFrom, visibleTo } = visibleRange(list);
  if (list.matches.length === 0) {
    return <Text wrap="truncate-end" dimColor={color}>{empty ?? (list.filter ? `no match for /${list.filter}` : '(empty)')}</Text>;
  }
  const rows: React.ReactNode[] = [];
  for (let pos = visibleFrom; pos < visibleTo; pos++) {
    const idx = list.matches[pos];
    const selected = pos === list.cursor;
    const text = (selected ? '› ' : '  ') + render(idx);
    rows.push(
      <Text key={`${pos}:${idx}`} wrap="truncate-end" inverse={color && selected && focused} bold={color && selected && !focused}>
        {text.length > width ? text : text.padEnd(width)}
      </Text>,
    );
  }
  return <Box flexDirection="column">{rows}</Box>;
}

/** "3/40" position info for a pane title, plus the filter. */
export function listInfo(list: ListState, filtering: boolean): string {
  const pos = list.matches.length ? `${list.cursor + 1}/${list.matches.length}` : `0/${list.matches.length}`;
  const f = filtering ? ` /${list.filter}▌` : list.filter ? ` /${list.filter}` : '';
  return pos + f;
}
