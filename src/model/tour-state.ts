// The guided tour's part of the navigation state: which step, how far its page is scrolled, and
// the view it found when it started. The tour drives the panes (namespace, selection, open views);
// leaving it puts them back the way the learner had them. Pure.
import type { DetailState, ListCursor, NavState, PaneId } from './nav-state.js';

/** What the tour changes and gives back when it ends. */
export interface TourSnapshot {
  namespace: string | undefined;
  focus: PaneId;
  groups: ListCursor;
  resources: ListCursor;
  objects: ListCursor;
  detail: DetailState;
  rawDiscovery: boolean;
  sidePanes: boolean;
}

export interface TourState {
  /** Lines the step page is scrolled down. */
  scroll: number;
  /** The view before the tour (restored when it ends). */
  saved: TourSnapshot;
}

export function tourSnapshot(s: NavState): TourSnapshot {
  return {
    namespace: s.namespace,
    focus: s.focus,
    groups: s.lists.groups,
    resources: s.lists.resources,
    objects: s.lists.objects,
    detail: s.detail,
    rawDiscovery: s.discovery.raw,
    sidePanes: s.sidePanes,
  };
}

function restore(s: NavState, saved: TourSnapshot): NavState {
  return {
    ...s,
    namespace: saved.namespace,
    focus: saved.focus,
    lists: { ...s.lists, groups: saved.groups, resources: saved.resources, objects: saved.objects },
    // The views are loaded again (a refresh), not shown as they were when the tour began.
    detail: { ...saved.detail, refresh: s.detail.refresh + 1, cancelled: false },
    discovery: { ...s.discovery, raw: saved.rawDiscovery },
    sidePanes: saved.sidePanes,
  };
}

/** Start, move through or (step null) end the tour. Every move shows the new step's page from its top. */
export function tourGo(s: NavState, step: number | null): NavState {
  const base = { ...s, overlays: [], filtering: null };
  if (step === null) {
    const ended = s.tour ? restore(base, s.tour.saved) : base;
    return { ...ended, tourStep: null, tour: null };
  }
  return { ...base, tourStep: step, tour: { scroll: 0, saved: s.tour?.saved ?? tourSnapshot(s) } };
}

/** The step page's scroll: `delta` lines (clamped to the page), or to an end. */
export function tourScroll(
  s: NavState,
  page: { lines: number; height: number },
  move: { delta: number } | { to: 'top' | 'bottom' },
): NavState {
  if (!s.tour) return s;
  const max = Math.max(0, page.lines - page.height);
  const wanted = 'to' in move ? (move.to === 'top' ? 0 : max) : s.tour.scroll + move.delta;
  const scroll = Math.max(0, Math.min(max, wanted));
  return scroll === s.tour.scroll ? s : { ...s, tour: { ...s.tour, scroll } };
}

/** The scroll to draw with (the page may have become shorter since, e.g. a wider terminal). */
export function resolveTourScroll(s: NavState, page: { lines: number; height: number }): number {
  return Math.max(0, Math.min(s.tour?.scroll ?? 0, page.lines - page.height));
}
