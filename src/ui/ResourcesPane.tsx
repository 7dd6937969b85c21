import { useMemo } from 'react';
import { Text } from './Text.js';
import { useColor } from './theme.js';
import type { ListState } from '../model/list.js';
import type { ResourceRow } from '../model/tree.js';
import { resourceTable, verbLegendFor } from '../model/resource-columns.js';
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

/** name, kind, Namespaced/Cluster, short names, verbs (last, as the glwcupdD letter mask, explained
 *  in the title where it has room and in help); subresources indented under their parent. */
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
  const count = listInfo(list, filtering);
  // The title line: marker 2, title, the count, then the legend in what is left.
  const legend = rows.length ? verbLegendFor(width - 4 - 2 - title.length - 2 - count.length - 2) : '';
  return (
    <Pane title={title} info={legend ? `${count}  ${legend}` : count} focused={focused} width={width} height={height}>
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
