// `A`: "what may I do here". The user's rules in the current namespace from a SelfSubjectRulesReview,
// as a resource × verb matrix (src/model/rules-matrix.ts): what `kubectl auth can-i --list -n NS`
// prints, one row per resource and a column per verb. The rows scroll and filter like any list.
import { Box } from 'ink';
import { Text } from './Text.js';
import { Busy } from './Busy.js';
import type { ListState } from '../model/list.js';
import { type RulesMatrix, matrixColumns, matrixHeader, matrixLine } from '../model/rules-matrix.js';
import { Pane } from './Pane.js';
import { ListView, listInfo } from './ListView.js';
import type { RulesView } from './useRulesMatrix.js';
import { col, useColor } from './theme.js';

export interface AccessPaneProps {
  view: RulesView;
  /** Who asks (the SelfSubjectReview's answer), when known. */
  user?: string;
  list: ListState;
  filtering: boolean;
  width: number;
  height: number;
}

/** What the review says about itself: counts, the legend, and whether it is the whole story. */
function statusLine(m: RulesMatrix): { text: string; warn: boolean } {
  if (m.evaluationError) return { text: `evaluationError: ${m.evaluationError}`, warn: true };
  if (m.incomplete)
    return { text: 'incomplete: another authorizer (e.g. a webhook) may allow more than these rules', warn: true };
  return {
    text: `${m.resources} resources · ${m.urls} URLs · ✓ named  * wildcard · complete (RBAC)`,
    warn: false,
  };
}

export function AccessPane({ view, user, list, filtering, width, height }: AccessPaneProps) {
  const color = useColor();
  const inner = Math.max(1, width - 4);
  // The list's cursor marker takes two columns; the heading is shifted to match.
  const cols = matrixColumns(inner - 2);
  const title = `What may ${user ?? 'I'} do in ${view.namespace} (A or Esc closes)`;
  const m = view.matrix;
  let status: React.ReactNode;
  if (m.state === 'loading')
    status = (
      <Text wrap="truncate-end">
        <Busy /> asking the server (SelfSubjectRulesReview)…
      </Text>
    );
  else if (m.state === 'error')
    status = (
      <Text wrap="truncate-end" color={col(color, 'red')}>
        {`${m.error.title}: ${m.error.detail}`}
      </Text>
    );
  else {
    const s = statusLine(m.value);
    status = (
      <Text wrap="truncate-end" color={col(color && s.warn, 'yellow')} dimColor={color && !s.warn}>
        {s.text}
      </Text>
    );
  }
  const rows = m.state === 'ok' ? m.value.rows : [];
  return (
    <Pane title={title} info={listInfo(list, filtering)} focused width={width} height={height}>
      {status}
      <Text wrap="truncate-end" bold={color}>
        {`  ${matrixHeader(cols)}`}
      </Text>
      <Box flexDirection="column" overflowY="hidden">
        <ListView
          list={list}
          focused
          width={inner}
          empty={m.state === 'ok' ? (list.filter ? `no match for /${list.filter}` : 'no rules') : ' '}
          render={(i) => (rows[i] ? matrixLine(rows[i], cols) : '')}
        />
      </Box>
    </Pane>
  );
}
