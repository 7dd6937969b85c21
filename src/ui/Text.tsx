// The only Text component the UI uses: Ink's, with every string child made printable first
// (src/model/terminal-text.ts), so no text from a cluster can send control sequences to the
// terminal. test/security-terminal-text.test.tsx fails if a file imports Ink's Text directly.
import { Children, type ComponentProps } from 'react';
import { Text as InkText } from 'ink';
import { printable } from '../model/terminal-text.js';

export function Text({ children, ...props }: ComponentProps<typeof InkText>) {
  return <InkText {...props}>{Children.map(children, (c) => (typeof c === 'string' ? printable(c) : c))}</InkText>;
}
