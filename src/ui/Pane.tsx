import React from 'react';
import { Box } from 'ink';
import { Text } from './Text.js';
import { BLUR_BORDER, FOCUS_BORDER, col, useColor } from './theme.js';

export interface PaneProps {
  title: string;
  /** Right-hand part of the title line (counts, filter, mode). */
  info?: string;
  focused: boolean;
  width: number;
  height: number;
  children?: React.ReactNode;
}

/** A bordered box. Focus shows twice: border colour, and a '▶' marker plus double border that
 *  survive NO_COLOR. */
export function Pane({ title, info, focused, width, height, children }: PaneProps) {
  const color = useColor();
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      overflowY="hidden"
      paddingX={
        1
      } /* not overflow: texts are already cut to width, and clipping columns too makes Ink slice every line (~5 ms a frame) */
      borderStyle={focused ? 'double' : 'round'}
      borderColor={col(color, focused ? FOCUS_BORDER : BLUR_BORDER)}
    >
      <Box height={1} flexShrink={0} overflowY="hidden">
        <Text wrap="truncate-end" bold={color && focused}>
          {focused ? '▶ ' : '  '}
          {title}
          {info ? `  ${info}` : ''}
        </Text>
      </Box>
      {children}
    </Box>
  );
}
