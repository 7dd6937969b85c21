// Navigation as a pure reducer (no I/O): focus, cursors and filters, the detail stack (resource →
// objects → object → pod logs), the overlays, namespace, format, Secret reveal and the text
// position. Every action is applied to the frame the user saw when it was sent (nav-state.ts says
// why), so the reducer runs once per key and nothing has to be dispatched during render.
import { tourGo, tourScroll } from './tour-state.js';
import {
  type DetailView,
  EMPTY_FRAME,
  type ExplainTarget,
  type FieldPath,
  type Frame,
  type ListId,
  type NavState,
  type Overlay,
  type OverlayKind,
  PANES,
  type PaneId,
  TEXT_TOP,
  TOP,
  type TextFrame,
  type TextPosition,
  firstFitting,
  lastTop,
  activeList,
  activeOverlay,
  cursorOf,
  findKey,
  helpOpen,
  following,
  listIn,
  logBodyFocused,
  commandViewOpen,
  resolveCommandScroll,
  maxHscroll,
  overlayOf,
  resolveList,
  resolveLogScroll,
  resolveText,
  selectedKey,
  textCursor,
  topOverlay,
  topView,
} from './nav-state.js';
import { type ListState, moveBy, moveTo, setFilter } from './list.js';
import type { ResourceRef } from './types.js';
import { sortStep } from './table-view.js';

export type NavAction =
  | { type: 'hscroll'; direction: -1 | 1 }
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
  /** `T` on an object table: its watch timeline, on top of it (following the newest event). */
  | { type: 'openWatch'; ref: ResourceRef; namespace?: string; labelSelector?: string; fieldSelector?: string }
  /** Enter in a watch timeline: the object of its entry `seq` (Esc: back to the timeline). */
  | { type: 'openWatchEvent'; seq: number }
  /** Objects related to the open one (its children by selector, its Events), on top of it: Esc returns. */
  | { type: 'openRelated'; ref: ResourceRef; namespace?: string; labelSelector?: string; fieldSelector?: string }
  /** `f` in a pod's log: start or stop following it. */
  | { type: 'toggleFollow' }
  /** In a pod's log: another container (`C`) or its previous instance on / off (`p`); read anew. */
  | { type: 'logSource'; container?: string; previous?: boolean }
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
  /** Another screenful of the help overlay. */
  | { type: 'helpPage'; delta: 1 | -1 }
  | { type: 'refresh' }
  | { type: 'cancel'; target: 'discovery' | 'detail' }
  | { type: 'toggleLog' }
  /** `$`: the command view of the view's request (of the selected entry, over the request log). */
  | { type: 'openCommandView' }
  /** `A`: the rules matrix ("what may I do here") open / closed. */
  | { type: 'toggleAccess' }
  | { type: 'logFocus'; part: 'list' | 'body' }
  | { type: 'openExplain'; target: ExplainTarget; field?: FieldPath }
  /** The schema has loaded: open `expanded`, the explorer's rows are then `keys` (the rows with
   *  those fields open): put the cursor on `key`; the pending field is done. */
  | { type: 'revealField'; expanded: string[]; keys: string[]; key: string }
  | { type: 'toggleField'; path: string; open?: boolean }
  | { type: 'toggleRawDiscovery' }
  | { type: 'tourGo'; step: number | null }
  /** Scroll the tour's step page by `delta` lines, or to its top or bottom. */
  | { type: 'tourScroll'; delta?: number; to?: 'top' | 'bottom' }
  /** Put the cursor on the item whose key equals `key` (or starts with `key + ' '`); with `keys`,
   *  the list's rows are those (a list the next render fills, e.g. the resources of a group) and
   *  its filter is cleared. A key that is not there leaves the cursor where it is. */
  | { type: 'selectKey'; list: ListId; key: string; keys?: string[] }
  /** The `:` command line: open, type, erase (on empty: close), replace (Tab), recall (Up/Down),
   *  close; an error keeps it open; done closes it, remembers the text and applies `then`. */
  | { type: 'toggleSidePanes' }
  /** `/` in a text view: search it; typing, erasing, Enter (keep and go to the first match from
   *  here) or Esc (drop); n / N: next / previous matching line, round the end. */
  | { type: 'searchStart' }
  | { type: 'searchInput'; text: string }
  | { type: 'searchBackspace' }
  | { type: 'searchEnd'; keep: boolean }
  | { type: 'searchNext'; direction: 1 | -1 }
  | { type: 'openContexts' }
  | { type: 'closeContexts' }
  /** `C` in a pod's log: the pick list of its containers. */
  | { type: 'openContainers' }
  /** `w`: wrap long lines in the text views, or cut them again. */
  | { type: 'toggleWrap' }
  | { type: 'commandStart' }
  | { type: 'commandInput'; text: string }
  | { type: 'commandBackspace' }
  | { type: 'commandSet'; text: string }
  | { type: 'commandRecall'; direction: -1 | 1 }
  | { type: 'commandCancel' }
  | { type: 'commandError'; message: string }
  | { type: 'commandDone'; text: string; then: NavAction[] }
  /** `s` / `S` on an object table: the next sort column, or the other direction. */
  | { type: 'sortTable'; reverse: boolean }
  /** The label selector prompt: open or edited (`text`), or closed (null). */
  | { type: 'selectorEdit'; text: string | null }
  /** The open object table listed and watched with this label selector (undefined: none). */
  | { type: 'setLabelSelector'; selector: string | undefined };

/** Commands remembered for Up on the command line. */
const HISTORY_MAX = 50;

export function navReducer(s: NavState, a: NavAction, f: Frame = EMPTY_FRAME): NavState {
  let next = reduce(s, a, f);
  // A resources filter belongs to the group it was typed in: another group's list starts whole.
  if (
    next.lists.resources.filter &&
    next.filtering !== 'resources' &&
    selectedKey(next, f, 'groups') !== selectedKey(s, f, 'groups')
  ) {
    next = { ...next, lists: resetList(next, 'resources') };
  }
  // Another text in the detail pane (a view opened or closed, another group or resource): it
  // starts at its left edge.
  if (
    next.detail.text.hscroll !== 0 &&
    (next.detail.stack !== s.detail.stack ||
      selectedKey(next, f, 'groups') !== selectedKey(s, f, 'groups') ||
      selectedKey(next, f, 'resources') !== selectedKey(s, f, 'resources'))
  ) {
    return withText(next, { ...next.detail.text, hscroll: 0 });
  }
  return next;
}

// ---- helpers over the slices ----

function withList(s: NavState, f: Frame, id: ListId, op: (l: ListState) => ListState): NavState {
  const l = listIn(s, f, id);
  const next = op(l);
  if (next.cursor === l.cursor && next.from === l.from && next.filter === l.filter && next.before === l.before)
    return s;
  const moved = { ...s, lists: { ...s.lists, [id]: cursorOf(next) } };
  // The detail pane shows what the cursor is on: another group or resource under the cursor closes
  // the views opened from the last one (a revealed Secret among them is masked again).
  const key = (x: ListState) => x.keys[x.matches[x.cursor] ?? -1];
  if ((id === 'groups' || id === 'resources') && s.detail.stack.length && key(next) !== key(l)) {
    return { ...moved, detail: { ...moved.detail, stack: [], text: TEXT_TOP, reveal: false, cancelled: false } };
  }
  return moved;
}

const resetList = (s: NavState, id: ListId): NavState['lists'] => ({ ...s.lists, [id]: TOP });

function withText(s: NavState, text: TextPosition): NavState {
  return { ...s, detail: { ...s.detail, text } };
}

/** Wrapped text: the top line after turning a page of `rows` screen rows from `top`. Forward, the
 *  first line not wholly shown (at least one line on); back, the earliest line from which the rows
 *  down to `top` still fit. */
function wrappedPage(t: TextFrame, top: number, direction: 1 | -1, rows: number): number {
  const rowsAt = t.rowsAt!;
  const room = Math.max(1, rows);
  if (direction > 0) {
    let used = 0;
    let line = top;
    while (line < t.lines && used + rowsAt(line) <= room) used += rowsAt(line++);
    return Math.max(top + 1, line);
  }
  return Math.max(0, Math.min(top - 1, firstFitting(rowsAt, top, room)));
}

/** The text scrolled to `scroll` and, in an object view, the cursor line to `cursor` with the window
 *  moved just enough to show it; a followed log scrolled to its bottom stays there. */
function textTo(s: NavState, f: Frame, scroll: number, cursor?: number): NavState {
  const t = f.text;
  const height = Math.max(1, t.height);
  const max = lastTop(t, height);
  const clampScroll = (v: number) => Math.min(Math.max(0, v), max);
  const shown = resolveText(s, t);
  let top = clampScroll(scroll);
  let line = shown.cursor;
  if (cursor !== undefined) {
    line = Math.min(Math.max(0, cursor), Math.max(0, t.lines - 1));
    if (line < top) top = line;
    if (line >= top + height) top = line - height + 1;
    top = clampScroll(top);
  }
  const stick = following(s) && (textCursor(s) ? line >= t.lines - 1 : top >= max);
  // What was shown is now where the text is: a pending jump has happened.
  const search = shown.search ? { search: { query: shown.search.query, typing: shown.search.typing } } : {};
  return withText(s, { scroll: top, cursor: line, hscroll: shown.hscroll, stick, dropped: t.dropped, ...search });
}

function updateOverlay<K extends OverlayKind>(
  s: NavState,
  kind: K,
  f: (o: Extract<Overlay, { kind: K }>) => Overlay,
): NavState {
  return { ...s, overlays: s.overlays.map((o) => (o.kind === kind ? f(o as Extract<Overlay, { kind: K }>) : o)) };
}

const without = (s: NavState, ...kinds: OverlayKind[]) => s.overlays.filter((o) => !kinds.includes(o.kind));

function logScrollTo(s: NavState, f: Frame, scroll: number): NavState {
  const max = Math.max(0, f.logBody.lines - Math.max(1, f.logBody.height));
  const v = Math.min(Math.max(0, scroll), max);
  const of = selectedKey(s, f, 'log');
  return updateOverlay(s, 'log', (o) => ({ ...o, scroll: v, scrollOf: of }));
}

function commandScrollTo(s: NavState, f: Frame, scroll: number): NavState {
  const max = Math.max(0, f.commandView.lines - Math.max(1, f.commandView.height));
  return updateOverlay(s, 'command', (o) => ({ ...o, scroll: Math.min(Math.max(0, scroll), max) }));
}

/** The cursor keys in the command view: they scroll it. */
function scrollCommandView(s: NavState, a: NavAction, f: Frame): NavState | undefined {
  const at = resolveCommandScroll(s, f);
  const page = Math.max(1, f.commandView.height);
  if (a.type === 'move') return commandScrollTo(s, f, at + a.delta);
  if (a.type === 'page') return commandScrollTo(s, f, at + a.direction * (a.half ? Math.floor(page / 2) : page));
  if (a.type === 'moveTo') return commandScrollTo(s, f, a.where === 'top' ? 0 : f.commandView.lines);
  return undefined;
}

function push(s: NavState, view: DetailView): NavState {
  return {
    ...s,
    focus: 'detail',
    filtering: null,
    detail: { ...s.detail, stack: [...s.detail.stack, view], text: TEXT_TOP, reveal: false, cancelled: false },
  };
}

/** The logs view with follow on or off (off: no `follow` key). */
function withFollow(view: DetailView & { kind: 'logs' }, follow: boolean): DetailView {
  const { follow: _was, ...rest } = view;
  return follow ? { ...rest, follow: true } : rest;
}

/** One step sideways: half the text's width, so that some of what was shown stays in view. */
const hscrollStep = (width: number) => Math.max(8, Math.floor(width / 2));

/** Cursor onto `key` in list `id` (whose rows are `keys` when given, filter cleared). */
function selectKey(s: NavState, f: Frame, id: ListId, key: string, keys?: string[]): NavState {
  const frame = keys ? { keys, height: f.lists[id].height } : f.lists[id];
  const l = resolveList(keys ? TOP : s.lists[id], frame);
  const pos = findKey(l.keys, l.matches, key);
  if (pos < 0) return keys ? { ...s, lists: { ...s.lists, [id]: cursorOf(l) } } : s;
  return { ...s, lists: { ...s.lists, [id]: cursorOf(moveBy(l, pos - l.cursor)) } };
}

/** A pick list (namespaces, contexts) on top, its cursor at the top, unfiltered (help closed). */
function openPickList(s: NavState, kind: 'picker' | 'contexts' | 'containers'): NavState {
  return { ...s, overlays: [...without(s, 'help', kind), { kind }], filtering: null, lists: resetList(s, kind) };
}

function closePickList(s: NavState, kind: 'picker' | 'contexts' | 'containers'): NavState {
  return { ...s, overlays: without(s, kind), filtering: s.filtering === kind ? null : s.filtering };
}

function withSearch(s: NavState, search: TextPosition['search']): NavState {
  const { search: _old, ...text } = s.detail.text;
  return withText(s, search ? { ...text, search } : text);
}

/** The next (1) or previous (-1) matching line from the cursor line (or the top line where the text
 *  only scrolls), round the end. A match becomes the cursor line, or the top line. */
function jumpToMatch(s: NavState, f: Frame, direction: 1 | -1): NavState {
  const matches = f.text.matches;
  if (!matches.length) return s;
  const shown = resolveText(s, f.text);
  const cursor = textCursor(s);
  const from = cursor ? shown.cursor : shown.scroll;
  let line: number | undefined;
  if (direction > 0) line = matches.find((m) => m > from) ?? matches[0];
  else line = [...matches].reverse().find((m) => m < from) ?? matches[matches.length - 1];
  return cursor ? textTo(s, f, shown.scroll, line) : textTo(s, f, line);
}

function reduce(s: NavState, a: NavAction, f: Frame): NavState {
  const text = () => resolveText(s, f.text);
  const scrolled = commandViewOpen(s) ? scrollCommandView(s, a, f) : undefined;
  if (scrolled) return scrolled;
  switch (a.type) {
    case 'hscroll': {
      const t = text();
      const hscroll = Math.min(maxHscroll(f.text), Math.max(0, t.hscroll + a.direction * hscrollStep(f.text.width)));
      return withText(s, { ...s.detail.text, hscroll });
    }
    case 'move': {
      if (logBodyFocused(s)) return logScrollTo(s, f, resolveLogScroll(s, f) + a.delta);
      const id = activeList(s);
      if (id) return withList(s, f, id, (l) => moveBy(l, a.delta));
      const t = text();
      return textCursor(s) ? textTo(s, f, t.scroll, t.cursor + a.delta) : textTo(s, f, t.scroll + a.delta);
    }
    case 'page': {
      const body = logBodyFocused(s);
      const id = body ? null : activeList(s);
      const h = body ? f.logBody.height : id ? f.lists[id].height : f.text.height;
      const step = Math.max(1, a.half ? Math.floor(h / 2) : h) * a.direction;
      if (body) return logScrollTo(s, f, resolveLogScroll(s, f) + step);
      if (id) return withList(s, f, id, (l) => moveBy(l, step));
      // With a cursor the page turns under it: it keeps its place in the window.
      const t = text();
      if (f.text.rowsAt) {
        const top = wrappedPage(f.text, t.scroll, a.direction, a.half ? Math.floor(h / 2) : h);
        return textCursor(s) ? textTo(s, f, top, t.cursor + (top - t.scroll)) : textTo(s, f, top);
      }
      return textCursor(s) ? textTo(s, f, t.scroll + step, t.cursor + step) : textTo(s, f, t.scroll + step);
    }
    case 'moveTo': {
      if (logBodyFocused(s)) return logScrollTo(s, f, a.where === 'top' ? 0 : f.logBody.lines);
      const id = activeList(s);
      if (id) return withList(s, f, id, (l) => moveTo(l, a.where));
      if (textCursor(s)) return textTo(s, f, text().scroll, a.where === 'top' ? 0 : f.text.lines - 1);
      return textTo(s, f, a.where === 'top' ? 0 : f.text.lines);
    }
    case 'focus':
      return s.focus === a.pane ? s : { ...s, focus: a.pane, filtering: null };
    case 'focusStep': {
      let i = PANES.indexOf(s.focus) + a.delta;
      if (a.wrap) i = (i + PANES.length) % PANES.length;
      else i = Math.min(Math.max(0, i), PANES.length - 1);
      return reduce(s, { type: 'focus', pane: PANES[i] }, f);
    }
    case 'openGroup':
      return {
        ...s,
        focus: 'resources',
        filtering: null,
        lists: resetList(s, 'resources'),
        detail: { ...s.detail, stack: [] },
      };
    case 'openObjects':
      return push(
        { ...s, lists: resetList(s, 'objects'), detail: { ...s.detail, stack: [] } },
        { kind: 'objects', ref: a.ref },
      );
    case 'openObject':
      return push(s, { kind: 'object', ref: a.ref, namespace: a.namespace, name: a.name });
    case 'openPath':
      return push({ ...s, detail: { ...s.detail, stack: [] } }, { kind: 'path', path: a.path });
    case 'openRelated': {
      const { type: _t, ...view } = a;
      return push({ ...s, lists: resetList(s, 'objects') }, { kind: 'objects', ...view, related: true });
    }
    // On top of the table or object it came from: Esc returns there.
    case 'openLogs':
      return push(s, { kind: 'logs', namespace: a.namespace, name: a.name });
    case 'openWatch': {
      const { type: _t, ...view } = a;
      const opened = push(s, { kind: 'watch', ...view });
      return withText(opened, { ...opened.detail.text, stick: true });
    }
    case 'openWatchEvent': {
      const top = topView(s);
      if (top?.kind !== 'watch') return s;
      const stack = [...s.detail.stack.slice(0, -1), { ...top, event: a.seq, at: text() }];
      return { ...s, detail: { ...s.detail, stack, text: TEXT_TOP } };
    }
    case 'toggleFollow': {
      const top = topView(s);
      if (top?.kind !== 'logs') return s;
      const stack = [...s.detail.stack.slice(0, -1), withFollow(top, !top.follow)];
      // Following starts at the bottom, where the new lines appear; stopping keeps the place.
      const position: TextPosition = top.follow ? { ...text(), stick: false } : { ...s.detail.text, stick: true };
      return { ...s, detail: { ...s.detail, stack, text: position } };
    }
    case 'logSource': {
      const top = topView(s);
      if (top?.kind !== 'logs') return s;
      // Picked from the containers list: the list closes.
      const shown = activeOverlay(s) === 'containers' ? closePickList(s, 'containers') : s;
      const { follow: _f, container: _c, previous: _p, ...base } = top;
      const container = a.container ?? top.container;
      const previous = a.previous ?? top.previous;
      const view: DetailView = {
        ...base,
        ...(container ? { container } : {}),
        ...(previous ? { previous: true } : {}),
      };
      return { ...shown, detail: { ...s.detail, stack: [...s.detail.stack.slice(0, -1), view], text: TEXT_TOP } };
    }
    case 'back': {
      // A filtered list is shown whole again before Esc goes anywhere.
      const filtered = activeList(s);
      if (filtered && !helpOpen(s) && s.lists[filtered].filter)
        return withList(s, f, filtered, (l) => setFilter(l, ''));
      // So is a searched text.
      if (!s.overlays.length && s.focus === 'detail' && s.detail.text.search) return withSearch(s, undefined);
      if (s.overlays.length) {
        const closed = topOverlay(s)?.kind;
        const filtering = closed === 'log' || closed === 'explain' ? null : s.filtering;
        return { ...s, overlays: s.overlays.slice(0, -1), filtering };
      }
      const { stack } = s.detail;
      const top = topView(s);
      // From an event's object back to the timeline, where it was.
      if (s.focus === 'detail' && top?.kind === 'watch' && top.event !== undefined) {
        const { event: _e, at, ...timeline } = top;
        const back = [...stack.slice(0, -1), timeline];
        return { ...s, detail: { ...s.detail, stack: back, text: at ?? { ...TEXT_TOP, stick: true }, reveal: false } };
      }
      if (s.focus === 'detail' && stack.length > 0) {
        const rest = stack.slice(0, -1);
        // Leaving the last view returns focus to the list it was opened from.
        const focus: PaneId = rest.length ? 'detail' : stack[0].kind === 'path' ? 'groups' : 'resources';
        return { ...s, focus, detail: { ...s.detail, stack: rest, text: TEXT_TOP, reveal: false, cancelled: false } };
      }
      if (s.focus === 'detail') return { ...s, focus: 'resources' };
      if (s.focus === 'resources') return { ...s, focus: 'groups' };
      return s;
    }
    case 'filterStart': {
      // A new filter: typing starts from nothing; the old one is kept for an Enter on nothing.
      const id = activeList(s);
      if (!id) return s;
      const started = withList({ ...s, filtering: id }, f, id, (l) => ({ ...setFilter(l, ''), before: l.filter }));
      return updateOverlay(started, 'log', (o) => ({ ...o, focus: 'list' }));
    }
    case 'filterInput': {
      const id = s.filtering;
      return id ? withList(s, f, id, (l) => setFilter(l, l.filter + a.text)) : s;
    }
    case 'filterBackspace': {
      const id = s.filtering;
      return id ? withList(s, f, id, (l) => setFilter(l, l.filter.slice(0, -1))) : s;
    }
    case 'filterEnd': {
      const id = s.filtering;
      if (!id) return s;
      const ended = { ...s, filtering: null };
      return withList(ended, f, id, ({ before, ...l }) => {
        if (!a.keep) return setFilter(l, '');
        return !l.filter && before ? setFilter(l, before) : l;
      });
    }
    case 'openPicker':
      return openPickList(s, 'picker');
    case 'closePicker':
      return closePickList(s, 'picker');
    case 'setNamespace': {
      // A new namespace restarts an open object listing (the table is reloaded by the App); the
      // object and pod logs opened from the old one are closed.
      const stack = s.detail.stack.filter((v) => v.kind !== 'object' && v.kind !== 'logs' && v.kind !== 'watch');
      const top = stack[stack.length - 1];
      return {
        ...s,
        namespace: a.namespace,
        overlays: without(s, 'picker'),
        filtering: null,
        lists: top?.kind === 'objects' ? resetList(s, 'objects') : s.lists,
        detail: { ...s.detail, stack, text: TEXT_TOP, cancelled: false },
      };
    }
    case 'toggleFormat':
      return {
        ...s,
        detail: {
          ...s.detail,
          format: s.detail.format === 'json' ? 'yaml' : 'json',
          text: { ...TEXT_TOP, hscroll: s.detail.text.hscroll },
        },
      };
    case 'toggleReveal':
      return { ...s, detail: { ...s.detail, reveal: !s.detail.reveal } };
    case 'toggleWrap':
      // Wrapped lines have nothing to the side: the sideways scroll starts over.
      return { ...s, detail: { ...s.detail, wrap: !s.detail.wrap, text: { ...s.detail.text, hscroll: 0 } } };
    case 'toggleHelp':
      return topOverlay(s)?.kind === 'help'
        ? { ...s, overlays: s.overlays.slice(0, -1) }
        : { ...s, overlays: [...s.overlays, { kind: 'help', page: 0 }] };
    case 'helpPage':
      return updateOverlay(s, 'help', (o) => ({
        ...o,
        page: Math.min(Math.max(0, o.page + a.delta), f.helpPages - 1),
      }));
    case 'refresh': {
      if (topOverlay(s)?.kind === 'access')
        return updateOverlay(s, 'access', (o) => ({ ...o, refresh: o.refresh + 1 }));
      if (!s.detail.stack.length)
        return { ...s, discovery: { ...s.discovery, refresh: s.discovery.refresh + 1, cancelled: false } };
      // A followed log is read again as a snapshot: the stream is closed; f follows again.
      const top = topView(s);
      const stack =
        top?.kind === 'logs' && top.follow ? [...s.detail.stack.slice(0, -1), withFollow(top, false)] : s.detail.stack;
      return { ...s, detail: { ...s.detail, stack, refresh: s.detail.refresh + 1, cancelled: false } };
    }
    case 'cancel':
      return a.target === 'discovery'
        ? { ...s, discovery: { ...s.discovery, cancelled: true } }
        : { ...s, detail: { ...s.detail, cancelled: true } };
    case 'toggleLog':
      return {
        ...s,
        overlays: overlayOf(s, 'log') ? [] : [{ kind: 'log', focus: 'list', scroll: 0 }],
        filtering: null,
      };
    case 'openCommandView':
      return { ...s, overlays: [...without(s, 'help', 'command'), { kind: 'command', scroll: 0 }], filtering: null };
    case 'toggleAccess':
      return overlayOf(s, 'access')
        ? { ...s, overlays: without(s, 'access', 'help'), filtering: null }
        : { ...s, overlays: [{ kind: 'access', refresh: 0 }], filtering: null, lists: resetList(s, 'access') };
    case 'logFocus':
      return updateOverlay(s, 'log', (o) => (o.focus === a.part ? o : { ...o, focus: a.part }));
    case 'openExplain':
      return {
        ...s,
        overlays: [{ kind: 'explain', target: a.target, field: a.field ?? null, expanded: [] }],
        filtering: null,
        lists: resetList(s, 'explain'),
      };
    case 'revealField': {
      const opened = updateOverlay(s, 'explain', (o) => ({ ...o, expanded: a.expanded, field: null }));
      return selectKey(opened, f, 'explain', a.key, a.keys);
    }
    case 'toggleField':
      return updateOverlay(s, 'explain', (o) => {
        const open = a.open ?? !o.expanded.includes(a.path);
        const rest = o.expanded.filter((p) => p !== a.path);
        return { ...o, expanded: open ? [...rest, a.path] : rest };
      });
    case 'toggleRawDiscovery':
      return {
        ...s,
        discovery: { ...s.discovery, raw: !s.discovery.raw },
        detail: { ...s.detail, text: { ...TEXT_TOP, hscroll: s.detail.text.hscroll } },
      };
    case 'tourGo':
      return tourGo(s, a.step);
    case 'tourScroll':
      return tourScroll(s, f.tourPage, a.to ? { to: a.to } : { delta: a.delta ?? 0 });
    case 'selectKey':
      return selectKey(s, f, a.list, a.key, a.keys);
    case 'openContexts':
      return openPickList(s, 'contexts');
    case 'closeContexts':
      return closePickList(s, 'contexts');
    case 'openContainers':
      return topView(s)?.kind === 'logs' ? openPickList(s, 'containers') : s;
    case 'searchStart':
      return withSearch(s, { query: '', typing: true });
    case 'searchInput':
      return s.detail.text.search
        ? withSearch(s, { ...s.detail.text.search, query: s.detail.text.search.query + a.text })
        : s;
    case 'searchBackspace':
      return s.detail.text.search
        ? withSearch(s, { ...s.detail.text.search, query: s.detail.text.search.query.slice(0, -1) })
        : s;
    case 'searchEnd': {
      const search = s.detail.text.search;
      if (!search) return s;
      if (!a.keep || !search.query) return withSearch(s, undefined);
      return withSearch(s, { query: search.query, typing: false, pending: true });
    }
    case 'searchNext':
      return s.detail.text.search?.query ? jumpToMatch(s, f, a.direction) : s;
    case 'toggleSidePanes':
      return { ...s, sidePanes: !s.sidePanes };
    case 'commandStart':
      return { ...s, command: { text: '', recalled: null }, filtering: null };
    case 'commandInput':
      return s.command ? { ...s, command: { text: s.command.text + a.text, recalled: null } } : s;
    case 'commandBackspace':
      if (!s.command) return s;
      return s.command.text
        ? { ...s, command: { text: s.command.text.slice(0, -1), recalled: null } }
        : { ...s, command: null };
    case 'commandSet':
      return s.command ? { ...s, command: { text: a.text, recalled: null } } : s;
    case 'commandRecall': {
      if (!s.command || !s.history.length) return s;
      const last = s.history.length - 1;
      const from = s.command.recalled ?? s.history.length;
      const at = Math.min(Math.max(0, from + a.direction), s.history.length);
      if (at > last) return { ...s, command: { text: '', recalled: null } };
      return { ...s, command: { text: s.history[at], recalled: at } };
    }
    case 'commandCancel':
      return s.command ? { ...s, command: null } : s;
    case 'commandError':
      return s.command ? { ...s, command: { ...s.command, error: a.message } } : s;
    case 'sortTable': {
      const top = topView(s);
      if (top?.kind !== 'objects') return s;
      const sort = sortStep(top.sort, a.reverse);
      return { ...s, detail: { ...s.detail, stack: [...s.detail.stack.slice(0, -1), { ...top, sort }] } };
    }
    case 'selectorEdit':
      return { ...s, selector: a.text, filtering: null };
    case 'setLabelSelector': {
      const top = topView(s);
      if (top?.kind !== 'objects') return { ...s, selector: null };
      const { labelSelector: _old, ...kept } = top;
      const view: DetailView = a.selector ? { ...kept, labelSelector: a.selector } : kept;
      const stack = [...s.detail.stack.slice(0, -1), view];
      return { ...s, selector: null, lists: resetList(s, 'objects'), detail: { ...s.detail, stack, cancelled: false } };
    }
    case 'commandDone': {
      const history = [...s.history.filter((h) => h !== a.text), a.text].slice(-HISTORY_MAX);
      const closed: NavState = { ...s, command: null, history };
      return a.then.reduce((acc, next) => reduce(acc, next, f), closed);
    }
  }
}
