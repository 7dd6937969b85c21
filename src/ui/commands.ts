// Key → command (keymap table) → navigation action. The only place that knows what a command
// means in the current state; pure, so it is easy to reason about.
import type { KeyInfo } from '../model/keymap.js';
import { matchCommand } from '../model/keymap.js';
import { type NavAction, type NavState, activeList, topView } from '../model/navigation.js';
import { selectedIndex } from '../model/list.js';
import { type GroupRow, type ResourceRow, refOf } from '../model/tree.js';

export interface CommandContext {
  nav: NavState;
  /** All rows; the selected ones are looked up through `nav` (which may be ahead of the last render). */
  groupRows: GroupRow[];
  resourceRows: ResourceRow[];
  /** Identity of each row of the objects table (original index order). */
  objectIds: { name: string; namespace?: string }[];
  /** Picker items; index 0 is 'all namespaces'. */
  pickerItems: string[];
}

export type KeyOutcome = NavAction | { type: 'quit' } | null;

export function keyToAction(input: string, key: KeyInfo, ctx: CommandContext): KeyOutcome {
  const { nav } = ctx;
  if (nav.filtering) {
    if (key.ctrl && input === 'c') return { type: 'quit' };
    if (key.return) return { type: 'filterEnd', keep: true };
    if (key.escape) return { type: 'filterEnd', keep: false };
    if (key.backspace || key.delete) return { type: 'filterBackspace' };
    if (key.upArrow) return { type: 'move', delta: -1 };
    if (key.downArrow) return { type: 'move', delta: 1 };
    if (input && !key.ctrl && !key.meta && !key.tab && input >= ' ') return { type: 'filterInput', text: input };
    return null;
  }
  const cmd = matchCommand(input, key);
  if (!cmd) return null;
  if (nav.helpOpen) {
    if (cmd === 'quit') return { type: 'quit' };
    return cmd === 'help' || cmd === 'back' || cmd === 'open' ? { type: 'toggleHelp' } : null;
  }
  switch (cmd) {
    case 'quit': return { type: 'quit' };
    case 'help': return { type: 'toggleHelp' };
    case 'nav.up': return { type: 'move', delta: -1 };
    case 'nav.down': return { type: 'move', delta: 1 };
    case 'nav.pageUp': return { type: 'page', direction: -1 };
    case 'nav.pageDown': return { type: 'page', direction: 1 };
    case 'nav.halfUp': return { type: 'page', direction: -1, half: true };
    case 'nav.halfDown': return { type: 'page', direction: 1, half: true };
    case 'nav.top': return { type: 'moveTo', where: 'top' };
    case 'nav.bottom': return { type: 'moveTo', where: 'bottom' };
    case 'pane.left': return nav.pickerOpen ? null : { type: 'focusStep', delta: -1, wrap: false };
    case 'pane.right': return nav.pickerOpen ? null : { type: 'focusStep', delta: 1, wrap: false };
    case 'pane.prev': return nav.pickerOpen ? null : { type: 'focusStep', delta: -1, wrap: true };
    case 'pane.next': return nav.pickerOpen ? null : { type: 'focusStep', delta: 1, wrap: true };
    case 'back': return { type: 'back' };
    case 'filter': return activeList(nav) ? { type: 'filterStart' } : null;
    case 'refresh': return { type: 'refresh' };
    case 'namespace': return nav.pickerOpen ? { type: 'closePicker' } : { type: 'openPicker' };
    case 'format.toggle': return { type: 'toggleFormat' };
    case 'secret.reveal': return { type: 'toggleReveal' };
    case 'open': return openAction(ctx);
  }
}

function openAction({ nav, groupRows, resourceRows, objectIds, pickerItems }: CommandContext): KeyOutcome {
  const groupRow = groupRows[selectedIndex(nav.lists.groups) ?? -1];
  const resourceRow = resourceRows[selectedIndex(nav.lists.resources) ?? -1];
  if (nav.pickerOpen) {
    const i = selectedIndex(nav.lists.picker);
    if (i === undefined) return null;
    return { type: 'setNamespace', namespace: i === 0 ? undefined : pickerItems[i] };
  }
  if (nav.focus === 'groups') {
    if (!groupRow) return null;
    return groupRow.kind === 'path' ? { type: 'openPath', path: groupRow.path } : { type: 'openGroup' };
  }
  if (nav.focus === 'resources') {
    if (!resourceRow || resourceRow.kind === 'subresource') return null;
    if (!resourceRow.resource.verbs.includes('list')) return null;
    return { type: 'openObjects', ref: refOf(resourceRow.resource) };
  }
  const top = topView(nav);
  if (top?.kind === 'objects') {
    const i = selectedIndex(nav.lists.objects);
    const id = i === undefined ? undefined : objectIds[i];
    if (!id) return null;
    return { type: 'openObject', ref: top.ref, namespace: top.ref.namespaced ? id.namespace ?? nav.namespace : undefined, name: id.name };
  }
  if (!top && resourceRow?.kind === 'resource' && resourceRow.resource.verbs.includes('list')) {
    return { type: 'openObjects', ref: refOf(resourceRow.resource) };
  }
  return null;
}
