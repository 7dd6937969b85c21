// `:ctx`: the kubeconfig's contexts as a pick list, the current one first and marked. It is our
// windowed list, driven by the one keymap (j/k, PgDn, g/G, / filter, Enter), like the namespace
// picker: ink-select-input was tried here and dropped, because it subscribes to input in an effect
// after the frame that shows it, so keys typed right after `:ctx` Enter were lost.
import { Text } from './Text.js';
import type { ListState } from '../model/list.js';
import { Pane } from './Pane.js';
import { ListView, listInfo } from './ListView.js';

export interface ContextPickerProps {
  /** Context names, current first; undefined while the kubeconfig is read. */
  items: string[] | undefined;
  current: string | undefined;
  list: ListState;
  filtering: boolean;
  width: number;
  height: number;
}

export function ContextPicker({ items, current, list, filtering, width, height }: ContextPickerProps) {
  const label = (name: string) => (name === current ? `${name}  (current)` : name);
  return (
    <Pane
      title="Context (Enter switches, Esc closes)"
      info={listInfo(list, filtering)}
      focused
      width={width}
      height={height}
    >
      {items === undefined ? <Text>reading the kubeconfig…</Text> : null}
      <ListView list={list} focused width={width - 4} render={(i) => label(items?.[i] ?? '')} />
    </Pane>
  );
}
