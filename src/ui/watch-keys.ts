// The watch timeline's keys: `T` on an object table whose resource can be watched opens it; Enter
// on one of its event lines shows that event's object.
import type { NavAction } from '../model/navigation.js';
import { resolveText, topView } from '../model/nav-state.js';
import { entryBySeq } from '../model/watch-timeline.js';
import type { CommandContext } from './commands.js';

/** `T`: the timeline of the open object table (its namespace, selectors), if discovery says its
 *  resource has the watch verb. */
export function openWatchAction(ctx: CommandContext): NavAction | null {
  const { nav } = ctx;
  const top = topView(nav);
  if (nav.focus !== 'detail' || top?.kind !== 'objects') return null;
  const { ref } = top;
  const resource = ctx.groups
    .find((g) => g.name === ref.group)
    ?.versions.find((v) => v.version === ref.version)
    ?.resources.find((r) => r.name === ref.resource);
  if (!resource?.verbs.includes('watch')) return null;
  const namespace = ref.namespaced ? (top.namespace ?? nav.namespace) : undefined;
  return {
    type: 'openWatch',
    ref,
    ...(namespace !== undefined ? { namespace } : {}),
    ...(top.labelSelector ? { labelSelector: top.labelSelector } : {}),
    ...(top.fieldSelector ? { fieldSelector: top.fieldSelector } : {}),
  };
}

/** Enter in the timeline: the event on the cursor line (a LIST or a note line has no object). */
export function openWatchEventAction(ctx: CommandContext): NavAction | null {
  const { nav, timeline } = ctx;
  const top = topView(nav);
  if (nav.focus !== 'detail' || top?.kind !== 'watch' || top.event !== undefined || !timeline) return null;
  const seq = timeline.dropped + resolveText(nav, ctx.frame.text).cursor;
  return entryBySeq(timeline, seq)?.kind === 'event' ? { type: 'openWatchEvent', seq } : null;
}
