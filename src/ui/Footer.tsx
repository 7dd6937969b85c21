import React from 'react';
import { Box, Text } from 'ink';
import type { RequestEvent } from '../model/types.js';
import { formatRequest } from '../model/format.js';
import { col } from './theme.js';

export interface FooterProps {
  hints: string;
  last?: RequestEvent;
  width: number;
  lines: number;
  color: boolean;
}

export function Footer({ hints, last, width, lines, color }: FooterProps) {
  const failed = last && (last.error !== undefined || (last.status ?? 0) >= 400);
  const req = last ? formatRequest(last) : 'no requests yet';
  const reqLine = <Text key="req" wrap="truncate-end" color={col(color, failed ? 'red' : 'green')}>{req}</Text>;
  const curlLine = <Text key="curl" wrap="truncate-end" dimColor={color}>{last ? `$ ${last.curl}` : ''}</Text>;
  const hintLine = <Text key="hints" wrap="truncate-end" dimColor={color}>{hints}</Text>;
  const content = lines >= 3 ? [hintLine, reqLine, curlLine] : lines === 2 ? [hintLine, reqLine] : [reqLine];
  return <Box flexDirection="column" width={width} height={lines} overflow="hidden">{content}</Box>;
}
