// The only Text component the UI uses: Ink's, with every string child made printable first
// (src/model/terminal-text.ts), so no text from a cluster can send control sequences to the
// terminal. test/security-terminal-text.test.tsx fails if a file imports Ink's Text directly.
import { Children, type ComponentProps } from 'react';
import { Text as InkText } from 'ink';
import { printable } from '../model/terminal-text.js';

export function Text({ children, ...props }: ComponentProps<typeof InkText>) {
  // A truncated Text is one row (a table row, a name, a status line): a newline in a name from the
  // cluster must not split it, so it is shown as ^J there.
  const oneLine = props.wrap?.startsWith('truncate') ?? false;
  return (
    <InkText {...props}>
      {Children.map(children, (c) => (typeof c === 'string' ? printable(c, { oneLine }) : c))}
    </InkText>
  );
}
