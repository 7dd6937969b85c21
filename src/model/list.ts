// A windowed, filterable list as shown: its rows' keys, filter, cursor and window (the stored
// cursor and how it is placed on the rows of a frame are in nav-state.ts).
//
// Why not ink-select-input's own state: its cursor lives inside the component (only
// `initialIndex`), it cannot be moved from outside, filtered, paged (PgUp/PgDn, g/G) or inspected
// in a test. So the lists keep cursor + visible window here and the view (src/ui/ListView.tsx)
// renders only rows visibleFrom..visibleTo.

export interface ListState {
  /** One filter key per item (label text), in item order. */
  keys: readonly string[];
  filter: string;
  /** Indices into `keys` of the items that pass the filter, in order. */
  matches: number[];
  /** Position in `matches`. */
  cursor: number;
  /** First visible position in `matches` (visibleFrom). */
  from: number;
  /** Rows the view can show. */
  height: number;
  /** While a new filter is typed: the filter it replaces (Enter on an empty one keeps it). */
  before?: string;
}

export function emptyList(height = 10): ListState {
  return { keys: [], filter: '', matches: [], cursor: 0, from: 0, height };
}

export function filterKeys(keys: readonly string[], filter: string): number[] {
  const f = filter.trim().toLowerCase();
  if (!f) {
    // Every row: one array of the right size (pushing 50k would grow it through several copies).
    const all = new Array<number>(keys.length);
    for (let i = 0; i < keys.length; i++) all[i] = i;
    return all;
  }
  const out: number[] = [];
  for (let i = 0; i < keys.length; i++) if (keys[i].toLowerCase().includes(f)) out.push(i);
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

/** A list of `keys` (all shown, cursor at the top) in a window of `height` rows. */
export function listOf(keys: readonly string[], height: number): ListState {
  return clampList({ ...emptyList(height), keys, matches: filterKeys(keys, '') });
}

export function setFilter(l: ListState, filter: string): ListState {
  return clampList({ ...l, filter, matches: filterKeys(l.keys, filter), cursor: 0, from: 0 });
}
