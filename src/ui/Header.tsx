import { Box } from 'ink';
import { Text } from './Text.js';
import type { Connection } from '../client/types.js';
import type { Identity } from '../client/identity.js';
import { col, useColor } from './theme.js';
import { HEADER_SEPARATOR, headerParts } from '../model/header.js';

export interface HeaderProps {
  connection: Connection;
  /** Who the server says we are (SelfSubjectReview); the connection's user until it answers. */
  identity?: Identity;
  serverVersion?: string;
  /** kapi-tui's own version. */
  version?: string;
  namespace: string | undefined;
  width: number;
  lines: number;
}

export const INSECURE_WARNING = '⚠ INSECURE: TLS certificate verification is disabled';
const INLINE_WARNING = '⚠ INSECURE ';

export function Header({ connection: c, identity, serverVersion, version, namespace, width, lines }: HeaderProps) {
  const color = useColor();
  const inlineWarning = c.insecure && lines < 2;
  const parts = headerParts(
    {
      version,
      mode: c.mode,
      context: c.context,
      server: c.server,
      user: identity?.username || c.user || '(anonymous)',
      namespace,
      serverVersion,
    },
    width - (inlineWarning ? INLINE_WARNING.length : 0),
  );
  // Insecure TLS first (it is the one that must never go unnoticed), then the connection's others.
  const others = (c.warnings ?? []).filter((w) => !(c.insecure && /^TLS verification is off/.test(w)));
  const secondLine = [...(c.insecure ? [INSECURE_WARNING] : []), ...others.map((w) => `⚠ ${w}`)].join('  ');
  return (
    // flexShrink 0: in a terminal too short for the panes' minimum, Yoga shrank the header to nothing
    // first, and the insecure-TLS warning with it; the panes below are what gets cut.
    <Box flexDirection="column" width={width} height={lines} flexShrink={0} overflowY="hidden">
      <Text wrap="truncate-end">
        {inlineWarning ? (
          <Text color={col(color, 'red')} bold={color}>
            {INLINE_WARNING}
          </Text>
        ) : null}
        <Text bold={color}>{parts[0]}</Text>
        {parts.length > 1 ? HEADER_SEPARATOR + parts.slice(1).join(HEADER_SEPARATOR) : ''}
      </Text>
      {lines >= 2 && secondLine ? (
        <Text wrap="truncate-end" color={col(color, 'red')} bold={color}>
          {secondLine}
        </Text>
      ) : null}
    </Box>
  );
}
