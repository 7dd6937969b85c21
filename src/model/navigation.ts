// Navigation state of the TUI as a pure reducer (no I/O): which pane has focus, the cursor and
// visible window of every list, the detail stack (resource → objects → object → pod logs), filter mode,
// namespace, picker/help overlays, JSON/YAML, Secret reveal, the detail scroll offset and (in an
// object view) the cursor line, and the request log's list/body focus and body scroll.
// The App translates key commands into these actions (looking up data where needed).
import type { ResourceRef } from './types.js';
import { type ListState, emptyList, moveBy, moveTo, setFilter, setHeight, setKeys } from './list.js';

export type PaneId = 'groups' | 'resources' | 'detail';
export const PANES: readonly PaneId[] = ['groups', 'resources', 'detail'];
export type ListId = 'groups' | 'resources' | 'objects' | 'picker' | 'log' | 'explain';

export type DetailView =
  | { kind: 'objects'; ref: ResourceRef }
  | { kind: 'object'; ref: ResourceRef; namespace?: string; name: string }
  /** A pod's log (read-only GET of pods/log), opened from its table row or its object view;
   *  `follow`: streamed as it grows (`f`, like kubectl logs -f). */
  | { kind: 'logs'; namespace: string; name: string; follow?: boolean }
  | { kind: 'path'; path: string };

export interface NavState {
  focus: PaneId;
  lists: Record<ListId, ListState>;
  /** The list whose filter is being typed, if any. */
  filtering: ListId | null;
  /** Empty: the detail pane follows the selection (discovery entry). */
  stack: DetailView[];
  /** undefined = all namespaces. */
  namespace: string | undefined;
  pickerOpen: boolean;
  helpOpen: boolean;
  format: 'json' | 'yaml';
  /** Secret values shown in clear for the object on top of the stack. */
  reveal: boolean;
  /** Detail text scroll: first visible line, total lines, visible lines. */
  scroll: number;
  scrollLines: number;
  scrollHeight: number;
  /** Lines dropped from the top of the text so far (a followed log keeps only its newest lines):
   *  when more are dropped, `scroll` moves up by as many, so the view keeps its place. */
  scrollDropped: number;
  /** Sideways scroll of the detail text (long lines are cut at the pane's edge): the first column
   *  shown, the room a line has, and the longest line of the text. */
  hscroll: number;
  scrollWidth: number;
  scrollLongest: number;
  /** Object views (see textCursor): the cursor line of the JSON/YAML text; `scroll` follows it. */
  cursor: number;
  /** Bumped by `refresh`: discovery when the detail stack is empty, else the open detail view. */
  refreshDiscovery: number;
  refreshDetail: number;
  /** Learning mode: request log overlay, schema explorer (for a resource), discovery as served,
   *  and the tour's current step (null: no tour). */
  logOpen: boolean;
  /** Request log: which part the cursor keys drive (the list, or the selected entry's body). */
  logFocus: 'list' | 'body';
  /** Request log: first visible line of the selected entry's scrolled part, its lines, visible lines. */
  logScroll: number;
  logLines: number;
  logHeight: number;
  explain: ExplainTarget | null;
  /** `e` on a field of an object: the field's path, revealed (tree opened to it, cursor on it) once
   *  the schema has loaded; null when there is none to reveal. */
  explainField: FieldPath | null;
  /** Expanded field paths in the schema explorer ('spec', 'spec.containers'). */
  explainExpanded: string[];
  rawDiscovery: boolean;
  tourStep: number | null;
  /** Esc while loading: the request was aborted and is not sent again until `refresh`. */
  discoveryCancelled: boolean;
  detailCancelled: boolean;
}

export type NavAction =
  | { type: 'setItems'; list: ListId; keys: string[] }
  | { type: 'setViewport'; list: ListId; height: number }
  | { type: 'setScrollSize'; lines: number; height: number; dropped?: number; width?: number; longest?: number }
  | { type: 'hscroll'; direction: -1 | 1 }
  | { type: 'setLogBodySize'; lines: number; height: number }
  | { type: 'move'; delta: number }
  | { type: 'page'; direction: 1 | -1; half?: boolean }
  | { type: 'moveTo'; where: 'top' | 'bottom' }
  | { type: 'focus'; pane: PaneId }
  | { type: 'focusStep'; delta: 1 | -1; wrap: boolean }
  | { type: 'openGroup' }
  | { type: 'openObjects'; ref: ResourceRef }
  | { type: 'openObject'; ref: ResourceRef; namespace?: string; name: string }
  | { type: 'openPath'; path: string }
  | { type: 'openLogs'; namespace: string; name: string }
  /** `f` in a pod's log: start or stop following it. */
  | { type: 'toggleFollow' }
  | { type: 'back' }
  | { type: 'filterStart' }
  | { type: 'filterInput'; text: string }
  | { type: 'filterBackspace' }
  | { type: 'filterEnd'; keep: boolean }
  | { type: 'openPicker' }
  | { type: 'closePicker' }
  | { type: 'setNamespace'; namespace: string | undefined }
  | { type: 'toggleFormat' }
  | { type: 'toggleReveal' }
  | { type: 'toggleHelp' }
  | { type: 'refresh' }
  | { type: 'cancel'; target: 'discovery' | 'detail' }
  | { type: 'toggleLog' }
  | { type: 'logFocus'; part: 'list' | 'body' }
  | { type: 'openExplain'; target: ExplainTarget; field?: FieldPath }
  /** The schema has loaded: open `expanded`, replace the explorer's rows by `keys` (the rows with
   *  those fields open), put the cursor on `key`; the pending explainField is done. */
  | { type: 'revealField'; expanded: string[]; keys: string[]; key: string }
  | { type: 'toggleField'; path: string; open?: boolean }
  | { type: 'toggleRawDiscovery' }
  | { type: 'tourGo'; step: number | null }
  /** Put the cursor on the item whose key equals `key` (or starts with `key + ' '`); `keys` first
   *  replaces the list's items (a list the next render would fill, e.g. the resources of a group). */
  | { type: 'selectKey'; list: ListId; key: string; keys?: string[] };

/** The kind whose schema the explorer shows. */
export interface ExplainTarget { ref: ResourceRef; kind: string }

/** A field of an object: keys and array indices (['spec', 'containers', 0, 'image']). */
export type FieldPath = readonly (string | number)[];

export function initialNavState(namespace?: string): NavState {
  return {
    focus: 'groups',
    lists: { groups: emptyList(), resources: emptyList(), objects: emptyList(), picker: emptyList(), log: emptyList(), explain: emptyList() },
    filtering: null, stack: [], namespace, pickerOpen: false, helpOpen: false,
    format: 'json', reveal: false, scroll: 0, scrollLines: 0, scrollHeight: 10, scrollDropped: 0, hscroll: 0, scrollWidth: 80, scrollLongest: 0, cursor: 0, refreshDiscovery: 0, refreshDetail: 0,
    discoveryCancelled: false, detailCancelled: false,
    logOpen: false, logFocus: 'list', logScroll: 0, logLines: 0, logHeight: 10,
    explain: null, explainField: null, explainExpanded: [], rawDiscovery: false, tourStep: null,
  };
}

export function topView(s: NavState): DetailView | undefined {
  return s.stack[s.stack.length - 1];
}

/** The list that cursor keys move, or null when they scroll the detail text. */
export function activeList(s: NavState): ListId | null {
  if (s.pickerOpen) return 'picker';
  if (s.logOpen) return 'log';
  if (s.explain) return 'explain';
  if (s.focus === 'groups') return 'groups';
  if (s.focus === 'resources') return 'resources';
  return topView(s)?.kind === 'objects' ? 'objects' : null;
}

/** Cursor keys move a cursor line through the text (not just scroll it): an opened object, whose
 *  fields `e` explains. */
/** An overlay covers the panes (namespace picker, request log, schema explorer): keys go to it. */
export function overlayOpen(s: NavState): boolean {
  return s.pickerOpen || s.logOpen || s.explain !== null;
}

export function textCursor(s: NavState): boolean {
  return activeList(s) === null && topView(s)?.kind === 'object';
}

/** The detail shows a pod log being followed. */
export function following(s: NavState): boolean {
  const top = topView(s);
  return top?.kind === 'logs' && !!top.follow;
}

/** The logs view with follow on or off (off: no `follow` key, the view as `o` opened it). */
function withFollow(view: DetailView & { kind: 'logs' }, follow: boolean): DetailView {
  return { kind: 'logs', namespace: view.namespace, name: view.name, ...(follow ? { follow: true } : {}) };
}

/** Cursor keys scroll the selected request's body in the request log. */
function logBody(s: NavState): boolean {
  return s.logOpen && s.logFocus === 'body' && !s.pickerOpen && !s.helpOpen;
}

function withList(s: NavState, id: ListId, f: (l: ListState) => ListState): NavState {
  const next = f(s.lists[id]);
  return next === s.lists[id] ? s : { ...s, lists: { ...s.lists, [id]: next } };
}

function clampScroll(s: NavState, scroll: number): NavState {
  const max = Math.max(0, s.scrollLines - s.scrollHeight);
  const v = Math.min(Math.max(0, scroll), max);
  return v === s.scroll ? s : { ...s, scroll: v };
}

/** Cursor to `cursor` (clamped to the text), the window scrolled just enough to show it. */
function setCursor(s: NavState, cursor: number): NavState {
  const c = Math.min(Math.max(0, cursor), Math.max(0, s.scrollLines - 1));
  let scroll = s.scroll;
  if (c < scroll) scroll = c;
  if (c >= scroll + s.scrollHeight) scroll = c - s.scrollHeight + 1;
  const next = clampScroll(s, scroll);
  return c === next.cursor ? next : { ...next, cursor: c };
}

function clampLogScroll(s: NavState, scroll: number): NavState {
  const v = Math.min(Math.max(0, scroll), Math.max(0, s.logLines - s.logHeight));
  return v === s.logScroll ? s : { ...s, logScroll: v };
}

function push(s: NavState, view: DetailView): NavState {
  return { ...s, stack: [...s.stack, view], focus: 'detail', scroll: 0, cursor: 0, reveal: false, filtering: null, detailCancelled: false };
}

const selectedKey = (l: ListState) => l.keys[l.matches[l.cursor] ?? -1];

export function navReducer(s: NavState, a: NavAction): NavState {
  let next = reduce(s, a);
  // Another request selected in the log: its body starts at the top.
  if (next.logScroll !== 0 && selectedKey(next.lists.log) !== selectedKey(s.lists.log)) next = { ...next, logScroll: 0 };
  // Another text in the detail pane (a view opened or closed, another group or resource): it
  // starts at its left edge.
  if (next.hscroll !== 0 && (next.stack !== s.stack || selectedKey(next.lists.groups) !== selectedKey(s.lists.groups)
    || selectedKey(next.lists.resources) !== selectedKey(s.lists.resources))) next = { ...next, hscroll: 0 };
  return next;
}

/** How far the detail text can scroll sideways: until the longest line's end is at the edge. */
export function maxHscroll(s: NavState): number {
  return Math.max(0, s.scrollLongest - s.scrollWidth);
}

/** One step sideways: half the text's width, so that some of what was shown stays in view. */
const hscrollStep = (s: NavState) => Math.max(8, Math.floor(s.scrollWidth / 2));

function reduce(s: NavState, a: NavAction): NavState {
  switch (a.type) {
    case 'setItems': return withList(s, a.list, (l) => setKeys(l, a.keys));
    case 'setViewport': return withList(s, a.list, (l) => (l.height === a.height ? l : setHeight(l, a.height)));
    case 'setScrollSize': {
      const dropped = a.dropped ?? 0;
      const width = a.width ?? s.scrollWidth;
      const longest = a.longest ?? 0;
      if (s.scrollLines === a.lines && s.scrollHeight === a.height && s.scrollDropped === dropped && s.scrollWidth === width && s.scrollLongest === longest) return s;
      const widened = { ...s, scrollWidth: width, scrollLongest: longest };
      const resized = { ...widened, hscroll: Math.min(s.hscroll, maxHscroll(widened)), scrollLines: a.lines, scrollHeight: Math.max(1, a.height), scrollDropped: dropped };
      if (following(s)) {
        // Like `less +F`: at the bottom the view stays there as lines arrive; scrolled up, it keeps
        // its place (lines dropped from the top move it up by as many).
        const atBottom = s.scroll >= s.scrollLines - s.scrollHeight;
        return clampScroll(resized, atBottom ? a.lines : s.scroll - Math.max(0, dropped - s.scrollDropped));
      }
      const sized = clampScroll(resized, s.scroll);
      return textCursor(sized) ? setCursor(sized, sized.cursor) : sized;
    }
    case 'hscroll': return { ...s, hscroll: Math.min(maxHscroll(s), Math.max(0, s.hscroll + a.direction * hscrollStep(s))) };
    case 'setLogBodySize': {
      if (s.logLines === a.lines && s.logHeight === a.height) return s;
      return clampLogScroll({ ...s, logLines: a.lines, logHeight: Math.max(1, a.height) }, s.logScroll);
    }
    case 'move': {
      if (logBody(s)) return clampLogScroll(s, s.logScroll + a.delta);
      const id = activeList(s);
      if (id) return withList(s, id, (l) => moveBy(l, a.delta));
      return textCursor(s) ? setCursor(s, s.cursor + a.delta) : clampScroll(s, s.scroll + a.delta);
    }
    case 'page': {
      const body = logBody(s);
      const id = body ? null : activeList(s);
      const h = body ? s.logHeight : id ? s.lists[id].height : s.scrollHeight;
      const step = Math.max(1, a.half ? Math.floor(h / 2) : h) * a.direction;
      if (body) return clampLogScroll(s, s.logScroll + step);
      if (id) return withList(s, id, (l) => moveBy(l, step));
      // With a cursor the page turns under it: it keeps its place in the window.
      return textCursor(s) ? setCursor(clampScroll(s, s.scroll + step), s.cursor + step) : clampScroll(s, s.scroll + step);
    }
    case 'moveTo': {
      if (logBody(s)) return clampLogScroll(s, a.where === 'top' ? 0 : s.logLines);
      const id = activeList(s);
      if (id) return withList(s, id, (l) => moveTo(l, a.where));
      if (textCursor(s)) return setCursor(s, a.where === 'top' ? 0 : s.scrollLines - 1);
      return clampScroll(s, a.where === 'top' ? 0 : s.scrollLines);
    }
    case 'focus': return s.focus === a.pane ? s : { ...s, focus: a.pane, filtering: null };
    case 'focusStep': {
      let i = PANES.indexOf(s.focus) + a.delta;
      if (a.wrap) i = (i + PANES.length) % PANES.length;
      else i = Math.min(Math.max(0, i), PANES.length - 1);
      return reduce(s, { type: 'focus', pane: PANES[i] });
    }
    case 'openGroup':
      return { ...s, focus: 'resources', stack: [], filtering: null, lists: { ...s.lists, resources: setFilter(s.lists.resources, '') } };
    case 'openObjects': {
      const base = { ...s, stack: [] as DetailView[], lists: { ...s.lists, objects: setFilter({ ...s.lists.objects, keys: [] }, '') } };
      return push(base, { kind: 'objects', ref: a.ref });
    }
    case 'openObject': return push(s, { kind: 'object', ref: a.ref, namespace: a.namespace, name: a.name });
    case 'openPath': return push({ ...s, stack: [] }, { kind: 'path', path: a.path });
    // On top of the table or object it came from: Esc returns there.
    case 'openLogs': return push(s, { kind: 'logs', namespace: a.namespace, name: a.name });
    case 'toggleFollow': {
      const top = topView(s);
      if (top?.kind !== 'logs') return s;
      const stack = [...s.stack.slice(0, -1), withFollow(top, !top.follow)];
      // Following starts at the bottom, where the new lines appear.
      return top.follow ? { ...s, stack } : { ...s, stack, scroll: Math.max(0, s.scrollLines - s.scrollHeight) };
    }
    case 'back': {
      if (s.helpOpen) return { ...s, helpOpen: false };
      if (s.pickerOpen) return { ...s, pickerOpen: false };
      if (s.logOpen) return { ...s, logOpen: false, filtering: null };
      if (s.explain) return { ...s, explain: null, explainField: null, filtering: null };
      if (s.focus === 'detail' && s.stack.length > 0) {
        const stack = s.stack.slice(0, -1);
        // Leaving the last view returns focus to the list it was opened from.
        const focus: PaneId = stack.length ? 'detail' : (s.stack[0].kind === 'path' ? 'groups' : 'resources');
        return { ...s, stack, focus, scroll: 0, cursor: 0, reveal: false, detailCancelled: false };
      }
      if (s.focus === 'detail') return { ...s, focus: 'resources' };
      if (s.focus === 'resources') return { ...s, focus: 'groups' };
      return s;
    }
    case 'filterStart': {
      const id = activeList(s);
      return id ? { ...s, filtering: id, logFocus: 'list' } : s;
    }
    case 'filterInput': {
      const id = s.filtering;
      return id ? withList(s, id, (l) => setFilter(l, l.filter + a.text)) : s;
    }
    case 'filterBackspace': {
      const id = s.filtering;
      return id ? withList(s, id, (l) => setFilter(l, l.filter.slice(0, -1))) : s;
    }
    case 'filterEnd': {
      const id = s.filtering;
      if (!id) return s;
      const ended = { ...s, filtering: null };
      return a.keep ? ended : withList(ended, id, (l) => setFilter(l, ''));
    }
    case 'openPicker':
      return { ...s, pickerOpen: true, helpOpen: false, filtering: null, lists: { ...s.lists, picker: setFilter(s.lists.picker, '') } };
    case 'closePicker': return { ...s, pickerOpen: false, filtering: s.filtering === 'picker' ? null : s.filtering };
    case 'setNamespace': {
      // A new namespace restarts an open object listing (the table is reloaded by the App); the
      // object and pod logs opened from the old one are closed.
      const stack = s.stack.filter((v) => v.kind !== 'object' && v.kind !== 'logs');
      const top = stack[stack.length - 1];
      const lists = top?.kind === 'objects' ? { ...s.lists, objects: setFilter({ ...s.lists.objects, keys: [] }, '') } : s.lists;
      return { ...s, namespace: a.namespace, pickerOpen: false, filtering: null, stack, lists, scroll: 0, cursor: 0, detailCancelled: false };
    }
    case 'toggleFormat': return { ...s, format: s.format === 'json' ? 'yaml' : 'json', scroll: 0, cursor: 0 };
    case 'toggleReveal': return { ...s, reveal: !s.reveal };
    case 'toggleHelp': return { ...s, helpOpen: !s.helpOpen };
    case 'refresh': {
      // A followed log is read again as a snapshot: the stream is closed; f follows again.
      const top = topView(s);
      const stack = top?.kind === 'logs' && top.follow ? [...s.stack.slice(0, -1), withFollow(top, false)] : s.stack;
      return s.stack.length
        ? { ...s, stack, refreshDetail: s.refreshDetail + 1, detailCancelled: false }
        : { ...s, refreshDiscovery: s.refreshDiscovery + 1, discoveryCancelled: false };
    }
    case 'cancel':
      return a.target === 'discovery' ? { ...s, discoveryCancelled: true } : { ...s, detailCancelled: true };
    case 'toggleLog': return { ...s, logOpen: !s.logOpen, logFocus: 'list', logScroll: 0, explain: null, helpOpen: false, pickerOpen: false, filtering: null };
    case 'logFocus': return s.logOpen && s.logFocus !== a.part ? { ...s, logFocus: a.part } : s;
    case 'openExplain': {
      const lists = { ...s.lists, explain: setFilter({ ...s.lists.explain, keys: [] }, '') };
      return { ...s, explain: a.target, explainField: a.field ?? null, explainExpanded: [], logOpen: false, helpOpen: false, pickerOpen: false, filtering: null, lists };
    }
    case 'revealField': {
      const opened = { ...s, explainExpanded: a.expanded, explainField: null };
      return reduce(opened, { type: 'selectKey', list: 'explain', key: a.key, keys: a.keys });
    }
    case 'toggleField': {
      const open = a.open ?? !s.explainExpanded.includes(a.path);
      const rest = s.explainExpanded.filter((p) => p !== a.path);
      return { ...s, explainExpanded: open ? [...rest, a.path] : rest };
    }
    case 'toggleRawDiscovery': return { ...s, rawDiscovery: !s.rawDiscovery, scroll: 0, cursor: 0 };
    case 'tourGo': return { ...s, tourStep: a.step, logOpen: false, explain: null, helpOpen: false, pickerOpen: false, filtering: null };
    case 'selectKey': {
      const base = a.keys ? withList(s, a.list, (l) => setKeys(setFilter(l, ''), a.keys!)) : s;
      const l = base.lists[a.list];
      const index = l.keys.findIndex((k) => k === a.key || k.startsWith(a.key + ' '));
      const pos = l.matches.indexOf(index);
      return pos < 0 ? base : withList(base, a.list, (x) => moveBy(x, pos - x.cursor));
    }
  }
}
