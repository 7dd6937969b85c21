import { Text } from './Text.js';
import { Busy } from './Busy.js';
import type { ListState } from '../model/list.js';
import { Pane } from './Pane.js';
import { ListView, listInfo } from './ListView.js';
import type { ExplainedError } from '../model/loadable.js';
import { col, useColor } from './theme.js';

export const ALL_NAMESPACES = 'all namespaces';

export interface NamespacePickerProps {
  items: string[];
  list: ListState;
  current: string | undefined;
  loading: boolean;
  error?: ExplainedError;
  filtering: boolean;
  width: number;
  height: number;
}

export function NamespacePicker({
  items,
  list,
  current,
  loading,
  error,
  filtering,
  width,
  height,
}: NamespacePickerProps) {
  const color = useColor();
  return (
    <Pane
      title={`Namespace (now: ${current ?? ALL_NAMESPACES})`}
      info={listInfo(list, filtering)}
      focused
      width={width}
      height={height}
    >
      {loading ? (
        <Text>
          <Busy /> listing namespaces…
        </Text>
      ) : null}
      {error ? (
        <Text wrap="truncate-end" color={col(color, 'red')}>
          {error.title}: {error.detail}
        </Text>
      ) : null}
      <ListView list={list} focused width={width - 4} render={(i) => items[i] ?? ''} />
    </Pane>
  );
}
