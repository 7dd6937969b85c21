import { Text } from './Text.js';
import { Busy } from './Busy.js';
import type { ListState } from '../model/list.js';
import type { GroupRow } from '../model/tree.js';
import { Pane } from './Pane.js';
import { ListView, listInfo } from './ListView.js';
import { col, useColor } from './theme.js';

export interface GroupsPaneProps {
  rows: GroupRow[];
  list: ListState;
  loading: boolean;
  failures: number;
  /** Showing the on-disk cached discovery while the server is asked. */
  cached?: boolean;
  /** The cached copy could not be refreshed: the server did not answer. */
  offline?: boolean;
  focused: boolean;
  filtering: boolean;
  width: number;
  height: number;
}

export function GroupsPane({
  rows,
  list,
  loading,
  failures,
  cached,
  offline,
  focused,
  filtering,
  width,
  height,
}: GroupsPaneProps) {
  const color = useColor();
  const info =
    listInfo(list, filtering) +
    (failures ? ` ⚠${failures}` : '') +
    (cached ? (offline ? ' (offline)' : ' (cached)') : '');
  return (
    <Pane title="Groups" info={info} focused={focused} width={width} height={height}>
      {loading ? (
        <Text>
          <Busy /> discovering…
        </Text>
      ) : null}
      <ListView list={list} focused={focused} width={width - 4} render={(i) => rows[i]?.label ?? ''} />
      {failures && height > 6 ? (
        <Text wrap="truncate-end" color={col(color, 'yellow')}>
          {failures} group(s) failed
        </Text>
      ) : null}
    </Pane>
  );
}
