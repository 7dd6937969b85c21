// A windowed, filterable list: pure state for one scrolling list.
//
// Why not ink-select-input's own state: its cursor lives inside the component (only
// `initialIndex`), it cannot be moved from outside, filtered, paged (PgUp/PgDn, g/G) or inspected
// in a test. So the lists keep cursor + visible window here and the view (src/ui/ListView.tsx)
// renders only rows visibleFrom..visibleTo.

export interface ListState {
  /** One filter key per item (label text), in item order. */
  keys: string[];
  filter: string;
  /** Indices into `keys` of the items that pass the filter, in order. */
  matches: number[];
  /** Position in `matches`. */
  cursor: number;
  /** First visible position in `matches` (visibleFrom). */
  from: number;
  /** Rows the view can show. */
  height: number;
}

export function emptyList(height = 10): ListState {
  return { keys: [], filter: '', matches: [], cursor: 0, from: 0, height };
}

export function filterKeys(keys: string[], filter: string): number[] {
  const f = filter.trim().toLowerCase();
  const out: number[] = [];
  for (let i = 0; i < keys.length; i++) if (!f || keys[i].toLowerCase().includes(f)) out.push(i);
  return out;
}

/** Clamp the cursor into the matches and scroll the window so the cursor is visible. */
export function clampList(l: ListState): ListState {
  const n = l.matches.length;
  const height = Math.max(1, l.height);
  const cursor = n === 0 ? 0 : Math.min(Math.max(0, l.cursor), n - 1);
  let from = Math.min(Math.max(0, l.from), Math.max(0, n - height));
  if (cursor < from) from = cursor;
  if (cursor >= from + height) from = cursor - height + 1;
  if (cursor === l.cursor && from === l.from && height === l.height) return l;
  return { ...l, cursor, from, height };
}

export function visibleRange(l: ListState): { visibleFrom: number; visibleTo: number } {
  return { visibleFrom: l.from, visibleTo: Math.min(l.matches.length, l.from + Math.max(1, l.height)) };
}

/** Index into the original items of the row under the cursor. */
export function selectedIndex(l: ListState): number | undefined {
  return l.matches[l.cursor];
}

export function moveBy(l: ListState, delta: number): ListState {
  return clampList({ ...l, cursor: l.cursor + delta });
}

export function moveTo(l: ListState, where: 'top' | 'bottom'): ListState {
  return clampList({ ...l, cursor: where === 'top' ? 0 : l.matches.length - 1 });
}

/** Replace the items; keep the cursor on the same key when it still exists, else go to the top.
 *  A cursor at the top stays at the top (new items arriving do not move it). */
export function setKeys(l: ListState, keys: string[]): ListState {
  const prevKey = l.matches.length && l.cursor > 0 ? l.keys[l.matches[l.cursor]] : undefined;
  const matches = filterKeys(keys, l.filter);
  let cursor = 0;
  if (prevKey !== undefined) {
    const at = matches.findIndex((i) => keys[i] === prevKey);
    if (at >= 0) cursor = at;
  }
  return clampList({ ...l, keys, matches, cursor, from: cursor === 0 ? 0 : l.from });
}

export function setFilter(l: ListState, filter: string): ListState {
  return clampList({ ...l, filter, matches: filterKeys(l.keys, filter), cursor: 0, from: 0 });
}

export function setHeight(l: ListState, height: number): ListState {
  return clampList({ ...l, height: Math.max(1, height) });
}
