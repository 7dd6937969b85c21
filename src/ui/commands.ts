// Key → command (keymap table) → navigation action. The only place that knows what a command
// means in the current state; pure, so it is easy to reason about.
import type { Command, KeyInfo } from '../model/keymap.js';
import { matchCommand } from '../model/keymap.js';
import type { NavAction } from '../model/navigation.js';
import {
  type FieldPath,
  type Frame,
  type ListId,
  type NavState,
  activeList,
  activeOverlay,
  helpOpen,
  listIn,
  maxHscroll,
  overlayOf,
  overlayOpen,
  resolveText,
  textCursor,
  topView,
} from '../model/nav-state.js';
import { selectedIndex } from '../model/list.js';
import { type GroupRow, type ResourceRow, refOf } from '../model/tree.js';
import { type LogContainer, isPodRef } from '../model/pod-logs.js';
import type { Related } from '../model/related.js';
import { complete, runCommand } from '../model/command-line.js';
import { selectResourceActions } from '../model/goto.js';
import type { DiscoveredGroup } from '../model/types.js';
import type { KubeContexts } from '../client/contexts.js';
import { parseGroupVersion } from '../model/paths.js';
import { openWatchAction, openWatchEventAction } from './watch-keys.js';
import type { TimelineData } from '../model/watch-timeline.js';

export interface CommandContext {
  /** The current state (it may be ahead of the last render: keys arrive faster than frames). */
  nav: NavState;
  /** What the last render showed: the lists' rows and the viewports. */
  frame: Frame;
  /** All rows; the selected ones are looked up through `nav` and `frame`. */
  groupRows: GroupRow[];
  resourceRows: ResourceRow[];
  /** Identity of the objects table's row at an index (original index order). */
  objectIdAt: (index: number) => { name: string; namespace?: string } | undefined;
  /** Picker items; index 0 is 'all namespaces'. */
  pickerItems: string[];
  /** A request the user is waiting for (Esc cancels it instead of going back). */
  loading?: 'discovery' | 'detail';
  /** Steps in the tour. */
  tourLength: number;
  /** Field paths of the schema explorer's rows (original index order). */
  explainRows: { path: string; expandable: boolean }[];
  /** The opened object (JSON/YAML with a cursor line): its kind, and the field on a line of it. */
  object?: ObjectFields;
  /** Discovery's groups, for the command line (empty while discovering). */
  groups: readonly DiscoveredGroup[];
  /** The kubeconfig's contexts (`:ctx`), 'loading' while they are read; undefined where the
   *  connection has none to switch to. */
  contexts?: KubeContexts | 'loading';
  /** The contexts pick list's rows (current first). */
  contextItems?: string[];
  /** A pod log on screen: its containers and which one is shown. */
  logContainer?: LogContainer;
  /** An opened object: its owner, what it owns, its Events (O, W, E). */
  related?: Related;
  /** A watch timeline on screen: its entries (Enter opens the event on the cursor line). */
  timeline?: TimelineData;
}

export interface ObjectFields {
  apiVersion: string;
  kind: string;
  fieldAt: (line: number) => FieldPath | undefined;
}

/** Besides navigation: side effects the App performs. */
export type KeyOutcome =
  | NavAction
  | { type: 'quit' }
  | { type: 'copyCurl' }
  /** `K` in the command view. */
  | { type: 'copyKubectl' }
  /** `:ctx NAME` (`text`: the command line) or Enter in the pick list: reconnect with another
   *  kubeconfig context (the App owns the connection). */
  | { type: 'switchContext'; name: string; text?: string }
  | null;

/** Index into the rows of list `id` of the row under its cursor. */
const selected = (ctx: CommandContext, id: ListId) => selectedIndex(listIn(ctx.nav, ctx.frame, id));

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
  if (nav.command) return commandLineKey(input, key, ctx);
  if (nav.selector !== null) return selectorKey(input, key, nav.selector);
  if (nav.detail.text.search?.typing) {
    if (key.ctrl && input === 'c') return { type: 'quit' };
    if (key.return) return { type: 'searchEnd', keep: true };
    if (key.escape) return { type: 'searchEnd', keep: false };
    if (key.backspace || key.delete) return { type: 'searchBackspace' };
    if (input && !key.ctrl && !key.meta && !key.tab && input >= ' ') return { type: 'searchInput', text: input };
    return null;
  }
  const cmd = matchCommand(input, key);
  if (!cmd) return null;
  if (helpOpen(nav)) {
    if (cmd === 'quit') return { type: 'quit' };
    if (cmd === 'nav.down' || cmd === 'nav.pageDown' || cmd === 'pane.right') return { type: 'helpPage', delta: 1 };
    if (cmd === 'nav.up' || cmd === 'nav.pageUp' || cmd === 'pane.left') return { type: 'helpPage', delta: -1 };
    return cmd === 'help' || cmd === 'back' || cmd === 'open' ? { type: 'toggleHelp' } : null;
  }
  const overlay = overlayOpen(nav);
  const working = activeOverlay(nav);
  // Pick lists: the arrows do not switch panes under them.
  const pickerOpen = working === 'picker' || working === 'contexts' || working === 'containers';
  if (nav.tourStep !== null && !overlay) {
    const last = ctx.tourLength - 1;
    if (cmd === 'pane.right' || cmd === 'open')
      return { type: 'tourGo', step: nav.tourStep >= last ? null : nav.tourStep + 1 };
    if (cmd === 'pane.left') return { type: 'tourGo', step: Math.max(0, nav.tourStep - 1) };
    if (cmd === 'back' && !(key.escape && ctx.loading)) return { type: 'tourGo', step: null };
    const scroll = tourScrollAction(cmd, ctx.frame.tourPage);
    if (scroll !== undefined) return scroll;
  }
  const explain = working === 'explain' ? overlayOf(nav, 'explain') : undefined;
  if (explain) {
    const row = ctx.explainRows[selected(ctx, 'explain') ?? -1];
    if (cmd === 'explain') return { type: 'back' };
    if (cmd === 'open' || cmd === 'pane.right')
      return row?.expandable ? { type: 'toggleField', path: row.path, open: true } : null;
    if (cmd === 'pane.left') {
      if (!row) return null;
      if (explain.expanded.includes(row.path)) return { type: 'toggleField', path: row.path, open: false };
      const parent = row.path.split('.').slice(0, -1).join('.');
      return parent ? { type: 'selectKey', list: 'explain', key: parent } : null;
    }
  }
  if (working === 'command') return commandViewKey(cmd);
  // The rules matrix is a list to read: nothing to open, no panes beside it.
  if (working === 'access' && (cmd === 'open' || cmd.startsWith('pane.'))) return null;
  const log = working === 'log' ? overlayOf(nav, 'log') : undefined;
  if (log) {
    // The log's two parts: the list of requests and the selected one's body.
    if (cmd === 'pane.next' || cmd === 'pane.prev')
      return { type: 'logFocus', part: log.focus === 'list' ? 'body' : 'list' };
    if (cmd === 'pane.right') return { type: 'logFocus', part: 'body' };
    if (cmd === 'pane.left') return { type: 'logFocus', part: 'list' };
  }
  switch (cmd) {
    case 'quit':
      return { type: 'quit' };
    case 'help':
      return { type: 'toggleHelp' };
    case 'nav.up':
      return { type: 'move', delta: -1 };
    case 'nav.down':
      return { type: 'move', delta: 1 };
    case 'nav.pageUp':
      return { type: 'page', direction: -1 };
    case 'nav.pageDown':
      return { type: 'page', direction: 1 };
    case 'nav.halfUp':
      return { type: 'page', direction: -1, half: true };
    case 'nav.halfDown':
      return { type: 'page', direction: 1, half: true };
    case 'nav.top':
      return { type: 'moveTo', where: 'top' };
    case 'nav.bottom':
      return { type: 'moveTo', where: 'bottom' };
    // Only where there is more to see that way (the footer offers them then).
    case 'text.right':
      return !overlay && nav.focus === 'detail' && hscroll(ctx) < maxHscroll(ctx.frame.text)
        ? { type: 'hscroll', direction: 1 }
        : null;
    case 'text.left':
      return !overlay && nav.focus === 'detail' && hscroll(ctx) > 0 ? { type: 'hscroll', direction: -1 } : null;
    case 'text.wrap':
      // In a text view whose lines are longer than the pane, or wrapped already.
      return !overlay &&
        nav.focus === 'detail' &&
        topView(nav)?.kind !== 'objects' &&
        (nav.detail.wrap || maxHscroll(ctx.frame.text) > 0)
        ? { type: 'toggleWrap' }
        : null;
    case 'pane.left':
      return pickerOpen ? null : { type: 'focusStep', delta: -1, wrap: false };
    case 'pane.right':
      return pickerOpen ? null : { type: 'focusStep', delta: 1, wrap: false };
    case 'pane.prev':
      return pickerOpen ? null : { type: 'focusStep', delta: -1, wrap: true };
    case 'pane.next':
      return pickerOpen ? null : { type: 'focusStep', delta: 1, wrap: true };
    case 'back':
      // Esc (not Backspace) while waiting cancels the request; the next Esc goes back.
      if (key.escape && ctx.loading && !pickerOpen) return { type: 'cancel', target: ctx.loading };
      if (!overlay && labelSelected(nav)) return { type: 'setLabelSelector', selector: undefined };
      return { type: 'back' };
    case 'filter':
      if (activeList(nav)) return { type: 'filterStart' };
      return !overlay && nav.focus === 'detail' ? { type: 'searchStart' } : null;
    case 'search.prev':
      return searching(nav, overlay) ? { type: 'searchNext', direction: -1 } : null;
    case 'refresh':
      return { type: 'refresh' };
    case 'namespace':
      // In a searched text, n is the next match (as in less); the namespace picker is one Esc away.
      if (searching(nav, overlay)) return { type: 'searchNext', direction: 1 };
      return pickerOpen ? { type: 'closePicker' } : { type: 'openPicker' };
    case 'namespace.all':
      return overlay || nav.namespace === undefined ? null : { type: 'setNamespace', namespace: undefined };
    case 'command':
      return { type: 'commandStart' };
    case 'panes.toggle':
      return !overlay && nav.detail.stack.length ? { type: 'toggleSidePanes' } : null;
    case 'format.toggle':
      return { type: 'toggleFormat' };
    case 'secret.reveal':
      return { type: 'toggleReveal' };
    case 'log':
      return { type: 'toggleLog' };
    case 'access':
      return { type: 'toggleAccess' };
    case 'pod.logs':
      return overlay ? null : logsAction(ctx);
    case 'related.owner':
    case 'related.children':
    case 'related.events': {
      const which = cmd === 'related.owner' ? 'owner' : cmd === 'related.children' ? 'children' : 'events';
      const target =
        !overlay && nav.focus === 'detail' && topView(nav)?.kind === 'object' ? ctx.related?.[which] : undefined;
      return target?.action ?? null;
    }
    case 'logs.previous': {
      const top = topView(nav);
      return !overlay && nav.focus === 'detail' && top?.kind === 'logs'
        ? { type: 'logSource', previous: !top.previous }
        : null;
    }
    case 'logs.container': {
      // A pick list of the pod's containers and init containers (with their state), when there is a choice.
      if (working === 'containers') return { type: 'back' };
      const many = (ctx.logContainer?.all.length ?? 0) > 1;
      return !overlay && nav.focus === 'detail' && topView(nav)?.kind === 'logs' && many
        ? { type: 'openContainers' }
        : null;
    }
    case 'logs.follow':
      return !overlay && nav.focus === 'detail' && topView(nav)?.kind === 'logs' ? { type: 'toggleFollow' } : null;
    case 'copy.curl':
      return { type: 'copyCurl' };
    case 'copy.kubectl':
      return null;
    case 'command.view':
      // The view's request, or the request log's selected one (other overlays have their own).
      return working && working !== 'log' ? null : { type: 'openCommandView' };
    case 'discovery.raw':
      return nav.detail.stack.length === 0 && !overlay ? { type: 'toggleRawDiscovery' } : null;
    case 'explain':
      return explainAction(ctx);
    case 'tour':
      return { type: 'tourGo', step: nav.tourStep === null ? 0 : null };
    case 'open':
      return openAction(ctx);
    case 'watch.timeline':
      return overlay ? null : openWatchAction(ctx);
    case 'sort.next':
    case 'sort.reverse':
      if (overlay || nav.focus !== 'detail' || topView(nav)?.kind !== 'objects') return null;
      return { type: 'sortTable', reverse: cmd === 'sort.reverse' };
    case 'label.selector': {
      const top = topView(nav);
      if (overlay || nav.focus !== 'detail' || top?.kind !== 'objects') return null;
      return { type: 'selectorEdit', text: top.labelSelector ?? '' };
    }
  }
}

/** In the tour, the moving keys scroll its page when it is longer than its room; over the panes
 *  (a small terminal) they do nothing else, as the panes are hidden. undefined: not a tour key. */
function tourScrollAction(cmd: Command, page: Frame['tourPage']): NavAction | null | undefined {
  const moves: Partial<Record<Command, NavAction>> = {
    'nav.up': { type: 'tourScroll', delta: -1 },
    'nav.down': { type: 'tourScroll', delta: 1 },
    'nav.pageUp': { type: 'tourScroll', delta: -Math.max(1, page.height - 1) },
    'nav.pageDown': { type: 'tourScroll', delta: Math.max(1, page.height - 1) },
    'nav.halfUp': { type: 'tourScroll', delta: -Math.max(1, Math.floor(page.height / 2)) },
    'nav.halfDown': { type: 'tourScroll', delta: Math.max(1, Math.floor(page.height / 2)) },
    'nav.top': { type: 'tourScroll', to: 'top' },
    'nav.bottom': { type: 'tourScroll', to: 'bottom' },
  };
  const move = moves[cmd];
  if (!move) return undefined;
  if (page.lines > page.height) return move;
  return page.cover ? null : undefined;
}

/** Keys in the command view: scroll it, copy from it, close it; the others wait until it is closed. */
function commandViewKey(cmd: Command): KeyOutcome {
  switch (cmd) {
    case 'nav.up':
    case 'nav.down':
      return { type: 'move', delta: cmd === 'nav.up' ? -1 : 1 };
    case 'nav.pageUp':
    case 'nav.pageDown':
    case 'nav.halfUp':
    case 'nav.halfDown':
      return { type: 'page', direction: cmd.endsWith('Up') ? -1 : 1, half: cmd.startsWith('nav.half') };
    case 'nav.top':
    case 'nav.bottom':
      return { type: 'moveTo', where: cmd === 'nav.top' ? 'top' : 'bottom' };
    case 'copy.curl':
      return { type: 'copyCurl' };
    case 'copy.kubectl':
      return { type: 'copyKubectl' };
    case 'back':
    case 'command.view':
      return { type: 'back' };
    case 'help':
      return { type: 'toggleHelp' };
    case 'quit':
      return { type: 'quit' };
    default:
      return null;
  }
}

/** A text with a search typed in it, on screen: n and N go through its matches. */
const searching = (nav: NavState, overlay: boolean) =>
  !overlay && nav.focus === 'detail' && !!nav.detail.text.search?.query;

/** Esc on a table listed by labels (its text filter cleared first): the selector goes. */
function labelSelected(nav: NavState): boolean {
  const top = topView(nav);
  return (
    nav.focus === 'detail' &&
    top?.kind === 'objects' &&
    !top.related &&
    !!top.labelSelector &&
    !nav.lists.objects.filter
  );
}

/** Keys while the label selector prompt is open: typing, Enter lists with it, Esc closes it. */
function selectorKey(input: string, key: KeyInfo, text: string): KeyOutcome {
  if (key.ctrl && input === 'c') return { type: 'quit' };
  if (key.escape) return { type: 'selectorEdit', text: null };
  if (key.return) return { type: 'setLabelSelector', selector: text.trim() || undefined };
  if (key.backspace || key.delete) return { type: 'selectorEdit', text: text.slice(0, -1) };
  if (input && !key.ctrl && !key.meta && input >= ' ') return { type: 'selectorEdit', text: text + input };
  return null;
}

const hscroll = (ctx: CommandContext) => resolveText(ctx.nav, ctx.frame.text).hscroll;

/** Keys while the `:` command line is open: typing, Tab completion, Up/Down history, Enter runs. */
function commandLineKey(input: string, key: KeyInfo, ctx: CommandContext): KeyOutcome {
  const text = ctx.nav.command?.text ?? '';
  if (key.ctrl && input === 'c') return { type: 'quit' };
  if (key.escape) return { type: 'commandCancel' };
  if (key.backspace || key.delete) return { type: 'commandBackspace' };
  if (key.upArrow) return { type: 'commandRecall', direction: -1 };
  if (key.downArrow) return { type: 'commandRecall', direction: 1 };
  if (key.tab) {
    const completed = complete(ctx.groups, text);
    return completed === text ? null : { type: 'commandSet', text: completed };
  }
  if (key.return) return text.trim() ? runAction(ctx, text.trim()) : { type: 'commandCancel' };
  if (input && !key.ctrl && !key.meta && input >= ' ') return { type: 'commandInput', text: input };
  return null;
}

/** Enter on the command line: where it goes, or why it cannot (the line stays open to fix it). */
function runAction(ctx: CommandContext, text: string): KeyOutcome {
  const result = runCommand(ctx.groups, text);
  switch (result.kind) {
    case 'quit':
      return { type: 'quit' };
    case 'error':
      return { type: 'commandError', message: result.message };
    case 'namespace':
      return {
        type: 'commandDone',
        text,
        then: [result.name ? { type: 'setNamespace', namespace: result.name } : { type: 'openPicker' }],
      };
    case 'context': {
      const contexts = ctx.contexts;
      if (contexts === undefined || (contexts !== 'loading' && !contexts.names.length)) {
        return { type: 'commandError', message: 'no kubeconfig contexts to switch to with this connection' };
      }
      // The picker says when the kubeconfig is still being read.
      if (!result.name || contexts === 'loading')
        return { type: 'commandDone', text, then: [{ type: 'openContexts' }] };
      if (!contexts.names.includes(result.name)) {
        return {
          type: 'commandError',
          message: `no context "${result.name}"; the kubeconfig has ${contexts.names.join(', ')}`,
        };
      }
      return { type: 'switchContext', name: result.name, text };
    }
    case 'resource': {
      const { resource, gv, namespace } = result;
      const then: NavAction[] = selectResourceActions(gv, resource.name);
      if (namespace !== undefined) then.push({ type: 'setNamespace', namespace: namespace ?? undefined });
      then.push({ type: 'openObjects', ref: refOf(resource) });
      return { type: 'commandDone', text, then };
    }
  }
}

/** `e`: in an object, its kind's schema opened at the field on the cursor line; else the schema of
 *  the selected resource (also while its objects are open). */
function explainAction(ctx: CommandContext): KeyOutcome {
  const { nav, resourceRows, object } = ctx;
  const view = topView(nav);
  if (object && view?.kind === 'object' && textCursor(nav)) {
    // The object's own apiVersion/kind, not the URL's: they name the schema.
    const ref = { ...view.ref, ...parseGroupVersion(object.apiVersion) };
    return {
      type: 'openExplain',
      target: { ref, kind: object.kind },
      field: object.fieldAt(resolveText(nav, ctx.frame.text).cursor),
    };
  }
  const row = resourceRows[selected(ctx, 'resources') ?? -1];
  if (!row || nav.focus === 'groups') return null;
  const ref = refOf(row.resource);
  if (row.kind === 'resource') return { type: 'openExplain', target: { ref, kind: row.resource.kind } };
  // A subresource's kind may live in another group/version (deployments/scale → autoscaling/v1).
  const { sub } = row;
  return {
    type: 'openExplain',
    target: { ref: { ...ref, group: sub.group ?? ref.group, version: sub.version ?? ref.version }, kind: sub.kind },
  };
}

/** `o`: the logs of the pod selected in the pods table, or of the pod opened as JSON/YAML; nothing
 *  elsewhere (other resources have no logs). */
function logsAction(ctx: CommandContext): KeyOutcome {
  const { nav, objectIdAt } = ctx;
  const top = topView(nav);
  if (nav.focus !== 'detail' || !top || (top.kind !== 'objects' && top.kind !== 'object') || !isPodRef(top.ref))
    return null;
  if (top.kind === 'object')
    return top.namespace ? { type: 'openLogs', namespace: top.namespace, name: top.name } : null;
  const id = objectIdAt(selected(ctx, 'objects') ?? -1);
  const namespace = id?.namespace ?? nav.namespace;
  return id && namespace ? { type: 'openLogs', namespace, name: id.name } : null;
}

function openAction(ctx: CommandContext): KeyOutcome {
  const { nav, groupRows, resourceRows, objectIdAt, pickerItems } = ctx;
  const groupRow = groupRows[selected(ctx, 'groups') ?? -1];
  const resourceRow = resourceRows[selected(ctx, 'resources') ?? -1];
  if (activeOverlay(nav) === 'contexts') {
    const name = ctx.contextItems?.[selected(ctx, 'contexts') ?? -1];
    return name ? { type: 'switchContext', name } : null;
  }
  if (activeOverlay(nav) === 'containers') {
    const container = ctx.logContainer?.all[selected(ctx, 'containers') ?? -1];
    return container ? { type: 'logSource', container: container.name } : null;
  }
  if (activeOverlay(nav) === 'picker') {
    const i = selected(ctx, 'picker');
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
  if (top?.kind === 'watch') return openWatchEventAction(ctx);
  if (top?.kind === 'objects') {
    const i = selected(ctx, 'objects');
    const id = i === undefined ? undefined : objectIdAt(i);
    if (!id) return null;
    return {
      type: 'openObject',
      ref: top.ref,
      namespace: top.ref.namespaced ? (id.namespace ?? nav.namespace) : undefined,
      name: id.name,
    };
  }
  if (!top && resourceRow?.kind === 'resource' && resourceRow.resource.verbs.includes('list')) {
    return { type: 'openObjects', ref: refOf(resourceRow.resource) };
  }
  return null;
}
