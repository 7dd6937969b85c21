import { useMemo } from 'react';
import { Text } from './Text.js';
import { useColor } from './theme.js';
import type { ListState } from '../model/list.js';
import type { ResourceRow } from '../model/tree.js';
import { resourceTable } from '../model/resource-columns.js';
import { Pane } from './Pane.js';
import { ListView, listInfo } from './ListView.js';

export interface ResourcesPaneProps {
  title: string;
  rows: ResourceRow[];
  list: ListState;
  focused: boolean;
  filtering: boolean;
  width: number;
  height: number;
  /** What an empty list says (default: ask for a group). */
  emptyText?: string;
}

/** name, kind, Namespaced/Cluster, short names, verbs (verbs last: spelled out when they fit, else
 *  a letter mask); subresources indented under their parent. */
export function ResourcesPane({
  title,
  rows,
  list,
  focused,
  filtering,
  width,
  height,
  emptyText = '(select a group)',
}: ResourcesPaneProps) {
  const color = useColor();
  // Row text width: pane content minus the cursor marker.
  const inner = width - 6;
  const table = useMemo(() => resourceTable(rows, inner), [rows, inner]);
  return (
    <Pane title={title} info={listInfo(list, filtering)} focused={focused} width={width} height={height}>
      <Text wrap="truncate-end" dimColor={color}>
        {rows.length ? '  ' + table.header : ' '}
      </Text>
      <ListView
        list={list}
        focused={focused}
        width={width - 4}
        empty={rows.length ? undefined : emptyText}
        render={(i) => table.rows[i] ?? ''}
      />
    </Pane>
  );
}
