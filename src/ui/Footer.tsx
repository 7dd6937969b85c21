import { Box } from 'ink';
import { Text } from './Text.js';
import type { RequestEvent } from '../model/types.js';
import { formatRequest } from '../model/format.js';
import { col, useColor } from './theme.js';

/** The `:` command line, drawn in place of the key hints while it is open. */
export interface Prompt {
  text: string;
  /** Why the last Enter went nowhere. */
  error?: string;
  /** Names that complete what is typed (Tab). */
  completions: string[];
  /** Another prompt than the command line: what it shows before the text ('-l ') and how to use it. */
  label?: string;
  help?: string;
}

export interface FooterProps {
  hints: string;
  prompt?: Prompt;
  /** The request behind the current view (see viewRequest). */
  request?: RequestEvent;
  width: number;
  /** 4: hints, request, curl, kubectl; 3: kubectl joins the request line; 2: hints, request; 1: request. */
  lines: number;
}

/** `:deploy█  deployments  deploy.apps …`, or the error, or (nothing typed yet) what the keys do. */
function PromptLine({ prompt }: { prompt: Prompt }) {
  const color = useColor();
  const help = prompt.help ?? 'Tab complete  ↑↓ history  Enter go  Esc cancel';
  const after = prompt.error ?? (prompt.completions.length ? prompt.completions.join('  ') : prompt.text ? '' : help);
  return (
    <Text wrap="truncate-end">
      <Text bold={color}>
        {prompt.label ?? ':'}
        {prompt.text}
      </Text>
      {color ? <Text inverse> </Text> : '█'}
      <Text color={col(color, prompt.error ? 'red' : undefined)} dimColor={color && !prompt.error}>
        {after ? `  ${after}` : ''}
      </Text>
    </Text>
  );
}

export function Footer({ hints, prompt, request, width, lines }: FooterProps) {
  const color = useColor();
  // The client sets `error` on every failed request (any status >= 400 among them).
  const failed = request?.error !== undefined;
  const req = request ? formatRequest(request) : 'no requests yet';
  const kubectl = request?.kubectl ? `$ ${request.kubectl}` : '';
  const reqText = lines === 3 && kubectl ? `${req}   ${kubectl}` : req;
  const reqLine = (
    <Text key="req" wrap="truncate-end" color={col(color, failed ? 'red' : 'green')}>
      {reqText}
    </Text>
  );
  const curlLine = (
    <Text key="curl" wrap="truncate-end" dimColor={color}>
      {request ? `$ ${request.curl}` : ' '}
    </Text>
  );
  const kubectlLine = (
    <Text key="kubectl" wrap="truncate-end" dimColor={color}>
      {kubectl || ' '}
    </Text>
  );
  const hintLine = prompt ? (
    <PromptLine key="hints" prompt={prompt} />
  ) : (
    <Text key="hints" wrap="truncate-end" dimColor={color}>
      {hints}
    </Text>
  );
  const content =
    lines >= 4
      ? [hintLine, reqLine, curlLine, kubectlLine]
      : lines === 3
        ? [hintLine, reqLine, curlLine]
        : lines === 2
          ? [hintLine, reqLine]
          : [prompt ? hintLine : reqLine];
  return (
    <Box flexDirection="column" width={width} height={lines} overflowY="hidden">
      {content}
    </Box>
  );
}
