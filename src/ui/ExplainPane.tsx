// `e`: a kind's schema as a navigable field tree (▸ opens with Enter/→, ← closes or goes to the
// parent), with the selected field's type and description under it.
import React from 'react';
import { Box } from 'ink';
import { Text } from './Text.js';
import { Busy } from './Busy.js';
import type { ListState } from '../model/list.js';
import { type ExplainRow, explainRowText, fieldDescription } from '../model/explain-rows.js';
import { explainListHeight } from '../model/layout.js';
import type { Loadable } from '../model/loadable.js';
import type { Schema } from '../session/openapi.js';
import { Pane } from './Pane.js';
import { ListView, listInfo } from './ListView.js';
import { ErrorView } from './DetailPane.js';
import { col, useColor } from './theme.js';

export interface ExplainPaneProps {
  title: string;
  schema: Loadable<Schema>;
  rows: ExplainRow[];
  list: ListState;
  filtering: boolean;
  width: number;
  height: number;
}

export function ExplainPane({ title, schema, rows, list, filtering, width, height }: ExplainPaneProps) {
  const color = useColor();
  const selected = rows[list.matches[list.cursor] ?? -1];
  const descRoom = Math.max(0, height - 3 - explainListHeight(height) - 1);
  let inner: React.ReactNode;
  if (schema.state === 'loading')
    inner = (
      <Text>
        <Busy /> GET /openapi/v3 …
      </Text>
    );
  else if (schema.state === 'error') inner = <ErrorView error={schema.error} />;
  else {
    const desc = selected ? fieldDescription(selected.node, width - 6) : [schema.value.root.description];
    inner = (
      <>
        <Box height={explainListHeight(height)} flexDirection="column" overflowY="hidden">
          <ListView list={list} focused width={width - 4} render={(i) => (rows[i] ? explainRowText(rows[i]) : '')} />
        </Box>
        <Text wrap="truncate-end" dimColor={color}>{`── from ${schema.value.path} ──`}</Text>
        {desc.slice(0, descRoom).map((l, i) => (
          <Text key={i} wrap="truncate-end" color={i === 0 ? col(color, 'cyan') : undefined}>
            {l || ' '}
          </Text>
        ))}
      </>
    );
  }
  const info = schema.state === 'ok' ? listInfo(list, filtering) : '';
  return (
    <Pane
      title={`${title} (Enter/→ opens, ← closes, e or Esc leaves)`}
      info={info}
      focused
      width={width}
      height={height}
    >
      {inner}
    </Pane>
  );
}
