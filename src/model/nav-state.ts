// The shape of the TUI's navigation state, in slices, and the selectors that read it.
//
// Two kinds of input meet here. The state (NavState) is what the user did: focus, which view is
// open, which overlay is on top, where each cursor is. The frame (Frame) is what the last render
// showed: the rows of each list and how many lines each viewport has. The state never copies the
// frame; selectors combine the two when they are read (a cursor past the end of a list that shrank
// is clamped then), and the reducer is handed the frame with every action. So nothing is dispatched
// during render to keep the state in step with the screen.
import { type TourState, tourGo } from './tour-state.js';
import type { ResourceRef } from './types.js';
import { type ListState, clampList, filterKeys } from './list.js';
import type { TableSort } from './table-view.js';

export type PaneId = 'groups' | 'resources' | 'detail';
export const PANES: readonly PaneId[] = ['groups', 'resources', 'detail'];
export type ListId =
  'groups' | 'resources' | 'objects' | 'picker' | 'contexts' | 'containers' | 'log' | 'explain' | 'access';
export const LIST_IDS: readonly ListId[] = [
  'groups',
  'resources',
  'objects',
  'picker',
  'contexts',
  'containers',
  'log',
  'explain',
  'access',
];

export type DetailView =
  /** `sort`: the column the rows are sorted by (see table-view.ts sortColumn); `labelSelector`: the
   *  server-side filter the table is listed and watched with. */
  | {
      kind: 'objects';
      ref: ResourceRef;
      sort?: TableSort;
      labelSelector?: string;
      /** Related objects (W / E from an object): their namespace (not the App's), their fields, and
       *  `related`: Esc goes back to the object (their selector is the relation, not a filter). */
      namespace?: string;
      fieldSelector?: string;
      related?: boolean;
    }
  | { kind: 'object'; ref: ResourceRef; namespace?: string; name: string }
  /** A pod's log (read-only GET of pods/log), opened from its table row or its object view;
   *  `follow`: streamed as it grows (`f`, like kubectl logs -f). */
  | { kind: 'logs'; namespace: string; name: string; follow?: boolean; container?: string; previous?: boolean }
  | { kind: 'path'; path: string }
  /** The watch timeline of an object table (`T`): its list and raw watch events, following the
   *  newest; `event`: the entry whose object is shown (Enter), `at`: where the timeline was then. */
  | {
      kind: 'watch';
      ref: ResourceRef;
      namespace?: string;
      labelSelector?: string;
      fieldSelector?: string;
      event?: number;
      at?: TextPosition;
    };

/** The kind whose schema the explorer shows. */
export interface ExplainTarget {
  ref: ResourceRef;
  kind: string;
}

/** A field of an object: keys and array indices (['spec', 'containers', 0, 'image']). */
export type FieldPath = readonly (string | number)[];

/** What covers the panes; several can be stacked (help over the request log), the last on top. */
export type Overlay =
  /** `page`: which screenful of keys (j/k). */
  | { kind: 'help'; page: number }
  | { kind: 'picker' }
  /** The kubeconfig's contexts to switch to (`:ctx`). */
  | { kind: 'contexts' }
  /** A pod log's containers and init containers to read (`C`). */
  | { kind: 'containers' }
  /** Request log: which part the cursor keys drive, and the scroll of the selected entry's body
   *  (`scrollOf`: the entry that scroll belongs to; another entry starts at the top). */
  | { kind: 'log'; focus: 'list' | 'body'; scroll: number; scrollOf?: string }
  /** Schema explorer: `field` is revealed (tree opened to it, cursor on it) once the schema has
   *  loaded; `expanded` holds the open field paths ('spec', 'spec.containers'). */
  | { kind: 'explain'; target: ExplainTarget; field: FieldPath | null; expanded: string[] }
  /** Command view (`$`): the curl and kubectl of the view's request (of the request log's selected
   *  entry when it is over the log), `scroll`: its first shown line. */
  | { kind: 'command'; scroll: number }
  /** "What may I do here" (`A`): the rules matrix of the current namespace; `refresh` bumped by r. */
  | { kind: 'access'; refresh: number };

export type OverlayKind = Overlay['kind'];

/** Where a list's cursor is. The rows themselves are the frame's: `anchor` is the key of the row
 *  under the cursor (undefined at the top), so the cursor stays on its row when rows arrive or go
 *  and a cursor at the top stays at the top. */
export interface ListCursor {
  filter: string;
  /** While a new filter is typed: the one it replaces. */
  before?: string;
  cursor: number;
  from: number;
  anchor?: string;
}

/** Where the detail text is scrolled. `stick`: a followed log stays at its bottom as lines arrive;
 *  `dropped`: lines already dropped from the text's top when `scroll` was set (a followed log keeps
 *  only its newest lines; when more go, the view moves up by as many and keeps its place). */
export interface TextPosition {
  scroll: number;
  /** Object views (see textCursor): the cursor line of the JSON/YAML text; `scroll` follows it. */
  cursor: number;
  /** First column shown (long lines scrolled sideways). */
  hscroll: number;
  stick: boolean;
  dropped: number;
  /** `/` in a text view: what is searched (`typing` while it is being typed; n / N go to the
   *  next / previous line that has it). Gone with the text (a new view starts without). */
  search?: TextSearch;
}

export interface TextSearch {
  query: string;
  typing: boolean;
  /** Enter was pressed: show the first match from the stored place on. Resolved when read, with the
   *  matches of the frame that shows the query (keys typed in one burst reach the reducer before any
   *  frame has them). */
  pending?: boolean;
}

export interface DetailState {
  /** Empty: the detail pane follows the selection (discovery entry). */
  stack: DetailView[];
  format: 'json' | 'yaml';
  /** Secret values shown in clear for the object on top of the stack. */
  reveal: boolean;
  /** Long lines wrapped (`w`) instead of cut and scrolled sideways; kept from view to view. */
  wrap?: boolean;
  text: TextPosition;
  /** Bumped by `refresh` on an open view; `cancelled`: Esc while loading, not sent again until refresh. */
  refresh: number;
  cancelled: boolean;
}

export interface DiscoveryState {
  refresh: number;
  cancelled: boolean;
  /** `d`: the discovery document as served. */
  raw: boolean;
}

/** The `:` command line while it is open: the text typed, the error of the last Enter (it stays open
 *  to be fixed), and which history entry Up/Down show (null: the text being typed). */
export interface CommandLine {
  text: string;
  error?: string;
  recalled: number | null;
}

export interface NavState {
  focus: PaneId;
  lists: Record<ListId, ListCursor>;
  /** The list whose filter is being typed, if any. */
  filtering: ListId | null;
  detail: DetailState;
  overlays: Overlay[];
  /** undefined = all namespaces. */
  namespace: string | undefined;
  discovery: DiscoveryState;
  /** The guided tour's current step (null: no tour). */
  tourStep: number | null;
  /** While the tour runs: its page's scroll and the view to restore (src/model/tour-state.ts). */
  tour: TourState | null;
  command: CommandLine | null;
  /** Commands run, oldest first (Up on the command line recalls them). */
  history: string[];
  /** Keep the Groups and Resources panes beside an open table or object (`z`); off: the detail
   *  takes the whole width. */
  sidePanes: boolean;
  /** The label selector being typed for the open object table (`\`), while its prompt is open. */
  selector: string | null;
}

/** What the last render showed: the rows (filter keys) and visible lines of each list, the detail
 *  text's size and the request log body's size. */
export interface Frame {
  lists: Record<ListId, ListFrame>;
  text: TextFrame;
  logBody: { lines: number; height: number };
  /** The command view's lines and the room it has for them. */
  commandView: { lines: number; height: number };
  /** Screenfuls the help overlay takes. */
  helpPages: number;
  /** The tour's step page: its lines, the lines it shows at once, and whether it covers the panes. */
  tourPage: { lines: number; height: number; cover: boolean };
}

export interface ListFrame {
  keys: readonly string[];
  height: number;
}

export interface TextFrame {
  lines: number;
  height: number;
  /** The room a line has, and the longest line of the text. */
  width: number;
  longest: number;
  /** Lines dropped from the top of the text so far (a followed log). */
  dropped: number;
  /** Lines that have the searched text (TextPosition.search), in order. */
  matches: readonly number[];
  /** With long lines wrapped (`w`): the screen rows a line takes, so that a page turns by what was
   *  shown, not by `height` lines (which would skip the lines that did not fit). */
  rowsAt?: (line: number) => number;
}

const NO_ROWS: ListFrame = { keys: [], height: 10 };

export const EMPTY_FRAME: Frame = {
  lists: {
    groups: NO_ROWS,
    resources: NO_ROWS,
    objects: NO_ROWS,
    picker: NO_ROWS,
    contexts: NO_ROWS,
    containers: NO_ROWS,
    log: NO_ROWS,
    explain: NO_ROWS,
    access: NO_ROWS,
  },
  text: { lines: 0, height: 10, width: 80, longest: 0, dropped: 0, matches: [] },
  logBody: { lines: 0, height: 10 },
  commandView: { lines: 0, height: 10 },
  helpPages: 1,
  tourPage: { lines: 0, height: 10, cover: false },
};

export const TOP: ListCursor = { filter: '', cursor: 0, from: 0 };
export const TEXT_TOP: TextPosition = { scroll: 0, cursor: 0, hscroll: 0, stick: false, dropped: 0 };

export function initialNavState(namespace?: string, tourStep: number | null = null): NavState {
  const state: NavState = {
    focus: 'groups',
    lists: {
      groups: TOP,
      resources: TOP,
      objects: TOP,
      picker: TOP,
      contexts: TOP,
      containers: TOP,
      log: TOP,
      explain: TOP,
      access: TOP,
    },
    filtering: null,
    detail: { stack: [], format: 'json', reveal: false, text: TEXT_TOP, refresh: 0, cancelled: false },
    overlays: [],
    namespace,
    discovery: { refresh: 0, cancelled: false, raw: false },
    tourStep: null,
    tour: null,
    command: null,
    history: [],
    sidePanes: false,
    selector: null,
  };
  return tourStep === null ? state : tourGo(state, tourStep);
}

// ---- selectors ----

export function topView(s: NavState): DetailView | undefined {
  return s.detail.stack[s.detail.stack.length - 1];
}

/** The overlay of this kind, if it is open (anywhere in the stack). */
export function overlayOf<K extends OverlayKind>(s: NavState, kind: K): Extract<Overlay, { kind: K }> | undefined {
  return s.overlays.find((o): o is Extract<Overlay, { kind: K }> => o.kind === kind);
}

/** The overlay on top, if any. */
export function topOverlay(s: NavState): Overlay | undefined {
  return s.overlays[s.overlays.length - 1];
}

/** The top overlay that has keys of its own (help only answers to close): picker, contexts, log or explain. */
function workingOverlay(s: NavState): Exclude<Overlay, { kind: 'help' }> | undefined {
  for (let i = s.overlays.length - 1; i >= 0; i--) {
    const o = s.overlays[i];
    if (o.kind !== 'help') return o;
  }
  return undefined;
}

export const helpOpen = (s: NavState): boolean => topOverlay(s)?.kind === 'help';

/** An overlay covers the panes (namespace picker, request log, schema explorer): keys go to it. */
export function overlayOpen(s: NavState): boolean {
  return workingOverlay(s) !== undefined;
}

/** The overlay that owns the cursor keys: picker, contexts, log or explain (help over it only closes). */
export function activeOverlay(
  s: NavState,
): 'picker' | 'contexts' | 'containers' | 'log' | 'explain' | 'command' | 'access' | undefined {
  return workingOverlay(s)?.kind;
}

/** The list that cursor keys move, or null when they scroll the detail text. */
export function activeList(s: NavState): ListId | null {
  const overlay = activeOverlay(s);
  if (overlay) return overlay === 'command' ? null : overlay;
  if (s.focus === 'groups') return 'groups';
  if (s.focus === 'resources') return 'resources';
  return topView(s)?.kind === 'objects' ? 'objects' : null;
}

/** Cursor keys move a cursor line through the text (not just scroll it): an opened object, whose
 *  fields `e` explains. */
export function textCursor(s: NavState): boolean {
  const top = topView(s);
  return activeList(s) === null && !overlayOpen(s) && (top?.kind === 'object' || watchTimeline(s));
}

/** The detail shows a watch timeline (not one of its events): a cursor line that follows the newest. */
export function watchTimeline(s: NavState): boolean {
  const top = topView(s);
  return top?.kind === 'watch' && top.event === undefined;
}

/** The detail shows a pod log being followed, or a watch timeline. */
export function following(s: NavState): boolean {
  const top = topView(s);
  return (top?.kind === 'logs' && !!top.follow) || watchTimeline(s);
}

/** The command view is on top (under help at most): the cursor keys scroll it. */
export const commandViewOpen = (s: NavState): boolean => activeOverlay(s) === 'command';

/** The command view's first line as shown: clamped to its lines. */
export function resolveCommandScroll(s: NavState, f: Frame): number {
  const view = overlayOf(s, 'command');
  const max = Math.max(0, f.commandView.lines - Math.max(1, f.commandView.height));
  return Math.min(Math.max(0, view?.scroll ?? 0), max);
}

/** Cursor keys scroll the selected request's body in the request log. */
export function logBodyFocused(s: NavState): boolean {
  const top = topOverlay(s);
  return top?.kind === 'log' && top.focus === 'body';
}

// Matches per keys array and filter, computed once: a 50k-row table is filtered once per change of
// its rows, not once per read.
const matchCache = new WeakMap<readonly string[], Map<string, number[]>>();

function matchesFor(keys: readonly string[], filter: string): number[] {
  let byFilter = matchCache.get(keys);
  if (!byFilter) matchCache.set(keys, (byFilter = new Map()));
  let m = byFilter.get(filter);
  if (!m) {
    m = filterKeys(keys, filter);
    if (byFilter.size > 8) byFilter.clear();
    byFilter.set(filter, m);
  }
  return m;
}

/** Position in `matches` of the row whose key is `anchor` (or starts with `anchor + ' '`), -1 if none. */
export function findKey(keys: readonly string[], matches: number[], anchor: string): number {
  const exact = matches.findIndex((i) => keys[i] === anchor);
  if (exact >= 0) return exact;
  const prefix = anchor + ' ';
  return matches.findIndex((i) => keys[i].startsWith(prefix));
}

/** A list as shown: the cursor resolved against the frame's rows and clamped into its window. */
export function resolveList(c: ListCursor, f: ListFrame): ListState {
  const matches = matchesFor(f.keys, c.filter);
  let cursor = 0;
  if (c.anchor !== undefined) {
    cursor = f.keys[matches[c.cursor]] === c.anchor ? c.cursor : Math.max(0, findKey(f.keys, matches, c.anchor));
  }
  const shown = clampList({ keys: f.keys, filter: c.filter, matches, cursor, from: c.from, height: f.height });
  return c.before !== undefined ? { ...shown, before: c.before } : shown;
}

/** The stored cursor for a list as it is now shown. */
export function cursorOf(l: ListState): ListCursor {
  const key = l.cursor > 0 ? l.keys[l.matches[l.cursor]] : undefined;
  return {
    filter: l.filter,
    cursor: l.cursor,
    from: l.from,
    ...(key !== undefined ? { anchor: key } : {}),
    ...(l.before !== undefined ? { before: l.before } : {}),
  };
}

/** The list `id` of state `s` as the frame shows it. */
export const listIn = (s: NavState, f: Frame, id: ListId): ListState => resolveList(s.lists[id], f.lists[id]);

/** Key of the row under the cursor of list `id`. */
export function selectedKey(s: NavState, f: Frame, id: ListId): string | undefined {
  const l = listIn(s, f, id);
  return l.keys[l.matches[l.cursor] ?? -1];
}

/** How far the detail text can scroll sideways: until the longest line's end is at the edge. */
export function maxHscroll(t: TextFrame): number {
  return Math.max(0, t.longest - t.width);
}

/** The first matching line at or after `line` (round the end), if any line matches. */
function firstMatchFrom(matches: readonly number[], line: number): number | undefined {
  if (!matches.length) return undefined;
  return matches.find((m) => m >= line) ?? matches[0];
}

/** The last top line: from it the text's end fills the window (wrapped text: counted in rows, as
 *  model/wrap.ts draws it). */
export function lastTop(t: TextFrame, height: number): number {
  if (!t.rowsAt) return Math.max(0, t.lines - height);
  // The last line is the top one at least, even when it alone is taller than the window.
  return Math.max(0, Math.min(t.lines - 1, firstFitting(t.rowsAt, t.lines, height)));
}

/** Wrapped text: the earliest line from which the lines up to `end` (exclusive) fit in `rows`. */
export function firstFitting(rowsAt: (line: number) => number, end: number, rows: number): number {
  let used = 0;
  let line = end;
  while (line > 0 && used + rowsAt(line - 1) <= rows) used += rowsAt(--line);
  return line;
}

/** The detail text's position as shown: clamped to the text, a followed log at its bottom (or kept
 *  in place as lines are dropped), an object's cursor line in view. */
export function resolveText(s: NavState, t: TextFrame): TextPosition {
  const p = s.detail.text;
  const height = Math.max(1, t.height);
  const max = lastTop(t, height);
  const cursorView = textCursor(s);
  const jump = p.search?.pending ? firstMatchFrom(t.matches, cursorView ? p.cursor : p.scroll) : undefined;
  let scroll = jump !== undefined && !cursorView ? jump : p.scroll;
  if (following(s)) scroll = p.stick ? max : p.scroll - Math.max(0, t.dropped - p.dropped);
  scroll = Math.min(Math.max(0, scroll), max);
  let cursor = jump !== undefined && cursorView ? jump : p.cursor;
  // A followed text with a cursor (a watch timeline): the cursor stays on the newest line, or on its
  // line as older ones are dropped.
  if (jump === undefined && cursorView && following(s))
    cursor = p.stick ? t.lines - 1 : p.cursor - Math.max(0, t.dropped - p.dropped);
  if (cursorView) {
    cursor = Math.min(Math.max(0, cursor), Math.max(0, t.lines - 1));
    if (cursor < scroll) scroll = cursor;
    if (cursor >= scroll + height) scroll = cursor - height + 1;
  }
  const hscroll = Math.min(p.hscroll, maxHscroll(t));
  return { scroll, cursor, hscroll, stick: p.stick, dropped: t.dropped, ...(p.search ? { search: p.search } : {}) };
}

/** The request log body's first line as shown: clamped to the body; another entry starts at 0. */
export function resolveLogScroll(s: NavState, f: Frame): number {
  const log = overlayOf(s, 'log');
  if (!log || log.scrollOf !== selectedKey(s, f, 'log')) return 0;
  return Math.min(Math.max(0, log.scroll), Math.max(0, f.logBody.lines - Math.max(1, f.logBody.height)));
}

/** Whether a text line has the searched text: case-insensitive unless the query has capitals (less's
 *  smart case). */
export function searchMatcher(query: string): (line: string) => boolean {
  if (query !== query.toLowerCase()) return (line) => line.includes(query);
  const q = query.toLowerCase();
  return (line) => line.toLowerCase().includes(q);
}
