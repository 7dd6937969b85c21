import { Box } from 'ink';
import { Text } from './Text.js';
import type { RequestEvent } from '../model/types.js';
import { formatRequest } from '../model/format.js';
import { col } from './theme.js';

export interface FooterProps {
  hints: string;
  /** The request behind the current view (see viewRequest). */
  request?: RequestEvent;
  width: number;
  /** 4: hints, request, curl, kubectl; 3: kubectl joins the request line; 2: hints, request; 1: request. */
  lines: number;
  color: boolean;
}

export function Footer({ hints, request, width, lines, color }: FooterProps) {
  // The client sets `error` on every failed request (any status >= 400 among them).
  const failed = request?.error !== undefined;
  const req = request ? formatRequest(request) : 'no requests yet';
  const kubectl = request?.kubectl ? `$ ${request.kubectl}` : '';
  const reqText = lines === 3 && kubectl ? `${req}   ${kubectl}` : req;
  const reqLine = <Text key="req" wrap="truncate-end" color={col(color, failed ? 'red' : 'green')}>{reqText}</Text>;
  const curlLine = <Text key="curl" wrap="truncate-end" dimColor={color}>{request ? `$ ${request.curl}` : ' '}</Text>;
  const kubectlLine = <Text key="kubectl" wrap="truncate-end" dimColor={color}>{kubectl || ' '}</Text>;
  const hintLine = <Text key="hints" wrap="truncate-end" dimColor={color}>{hints}</Text>;
  const content = lines >= 4 ? [hintLine, reqLine, curlLine, kubectlLine]
    : lines === 3 ? [hintLine, reqLine, curlLine]
      : lines === 2 ? [hintLine, reqLine] : [reqLine];
  return <Box flexDirection="column" width={width} height={lines} overflowY="hidden">{content}</Box>;
}
