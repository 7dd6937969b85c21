// What the detail pane shows for a watch timeline (`T`): its lines under the lesson, or (Enter) the
// object of one of its events, Secret values masked like every object (sourceLines masks them).
import type { DetailView } from '../model/nav-state.js';
import { formatGvr } from '../model/paths.js';
import {
  TIMELINE_HEADER,
  TIMELINE_MAX_ENTRIES,
  type TimelineData,
  entryBySeq,
  timelineLines,
  timelineNote,
} from '../model/watch-timeline.js';
import type { DetailSource } from './detailContent.js';

type WatchView = Extract<DetailView, { kind: 'watch' }>;

/** "watch pods.v1 in demo -l app=web" */
export function watchTitle(view: WatchView): string {
  const scope = view.ref.namespaced ? (view.namespace ?? 'all namespaces') : 'cluster';
  const selector =
    (view.labelSelector ? ` -l ${view.labelSelector}` : '') +
    (view.fieldSelector ? ` --field-selector ${view.fieldSelector}` : '');
  return `watch ${formatGvr(view.ref)} in ${scope}${selector}`;
}

// The lines of a timeline, made once per update of it (each render reads them).
const linesOf = new WeakMap<TimelineData, string[]>();

function lines(data: TimelineData): string[] {
  let l = linesOf.get(data);
  if (!l) linesOf.set(data, (l = timelineLines(data)));
  return l;
}

export function watchSource(view: DetailView, title: string, data: TimelineData): DetailSource {
  if (view.kind !== 'watch') return { kind: 'message', title, text: '' };
  if (view.event === undefined) {
    const note = timelineNote(data);
    return { kind: 'text', title, text: lines(data), dropped: data.dropped, note, header: TIMELINE_HEADER };
  }
  const e = entryBySeq(data, view.event);
  if (e?.kind !== 'event') {
    const text = `That event is no longer kept (the timeline keeps the newest ${TIMELINE_MAX_ENTRIES}). Esc: back`;
    return { kind: 'message', title, text };
  }
  return {
    kind: 'value',
    title: `${title} › ${e.type} ${e.name}${e.resourceVersion ? ` rv ${e.resourceVersion}` : ''}`,
    value: e.object,
    note: 'the object as the watch event carried it  Esc: back to the timeline',
  };
}
