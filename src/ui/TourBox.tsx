// The tour's explanation box under the panes: step title, a few sentences, the request's curl,
// and how to move on. The panes above show the real views the step drove to.
import { Box } from 'ink';
import { Text } from './Text.js';
import type { TourStep } from '../model/tour.js';
import { wrapLines } from '../model/format.js';
import { col, useColor } from './theme.js';

export interface TourBoxProps {
  step: TourStep;
  index: number;
  total: number;
  /** The curl to show: the step's example (anonymous / proxy) or the view's request. */
  curl?: string;
  /** Extra line for steps whose answer is not a view (who am I). */
  result?: string;
  width: number;
  height: number;
}

export function TourBox({ step, index, total, curl, result, width, height }: TourBoxProps) {
  const color = useColor();
  const inner = Math.max(1, width - 4);
  // The curl is what the learner copies: in a tall box it wraps onto a second line instead of
  // being cut. Border 2, title 1, keys 1, the curl: the explanation (and result) share the rest.
  const curlText = curl ? `$ ${curl}` : ' ';
  const curlLines = height >= 11 ? wrapChars(curlText, inner).slice(0, 2) : [curlText];
  const room = Math.max(1, height - 4 - curlLines.length);
  const text = [...wrapLines(step.explanation, inner), ...(result ? [result] : [])];
  const shown = text.length > room ? [...text.slice(0, room - 1), text[room - 1].slice(0, inner - 1) + '…'] : text;
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
      {shown.map((l, i) => (
        <Text key={i} wrap="truncate-end">
          {l}
        </Text>
      ))}
      {curlLines.map((l, i) => (
        <Text key={`c${i}`} wrap="truncate-end" color={col(color, 'green')}>
          {l}
        </Text>
      ))}
      {/* A string, not JSX text: the formatter collapses the double spaces that part the keys. */}
      <Text wrap="truncate-end" dimColor={color}>{`→/Enter next  ← back  Esc ends the tour  ·  ${step.docs}`}</Text>
    </Box>
  );
}

/** Hard wrap at `width` characters (a shell command has no good word breaks). */
function wrapChars(text: string, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += width) out.push(text.slice(i, i + width));
  return out;
}
