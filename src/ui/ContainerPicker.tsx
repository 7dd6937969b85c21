// `C` in a pod's log: its containers and init containers with their state, Enter reads the one
// under the cursor. Our windowed list driven by the one keymap, like the context picker (which
// says why ink-select-input is not used for these lists).
import { Text } from './Text.js';
import type { ListState } from '../model/list.js';
import type { PodContainer } from '../model/pod-logs.js';
import { Pane } from './Pane.js';
import { ListView, listInfo } from './ListView.js';

export interface ContainerPickerProps {
  pod: string;
  containers: PodContainer[];
  /** The container whose log is shown. */
  current: string;
  list: ListState;
  filtering: boolean;
  width: number;
  height: number;
}

/** 'sidecar      init  terminated: Completed (exit 0)  (shown)': name, kind and state in columns. */
export function containerRow(c: PodContainer, nameWidth: number, current: boolean): string {
  return `${c.name.padEnd(nameWidth)}  ${(c.init ? 'init' : '').padEnd(4)}  ${c.state}${current ? '  (shown)' : ''}`;
}

export function ContainerPicker({ pod, containers, current, list, filtering, width, height }: ContainerPickerProps) {
  const nameWidth = Math.min(40, Math.max(0, ...containers.map((c) => c.name.length)));
  return (
    <Pane
      title={`Containers of ${pod} (Enter reads its log, Esc closes)`}
      info={listInfo(list, filtering)}
      focused
      width={width}
      height={height}
    >
      {containers.length === 0 ? <Text>no containers</Text> : null}
      <ListView
        list={list}
        focused
        width={width - 4}
        render={(i) => {
          const c = containers[i];
          return c ? containerRow(c, nameWidth, c.name === current) : '';
        }}
      />
    </Pane>
  );
}
