// The footer's key hints for the current view, from the one keymap table: a hinted key is listed
// only when pressing it would do something here (the same keyToAction the input handler runs), so
// `o logs` shows on pods, `x reveal` on Secrets, `e explain` where there is a schema to show.
import { type Binding, KEYMAP, type KeyInfo } from '../model/keymap.js';
import { commandViewOpen, helpOpen, overlayOpen, topView } from '../model/nav-state.js';
import { type CommandContext, keyToAction } from './commands.js';

/** The keypress a binding stands for, as Ink would report it. */
function pressOf(b: Binding): { input: string; key: KeyInfo } {
  return { input: b.input ?? '', key: { ...(b.key ? { [b.key]: true } : {}), ctrl: b.ctrl, shift: b.shift } };
}

/** Keys that are accepted everywhere but only mean something in some views. */
function relevant(command: string, ctx: CommandContext): boolean {
  const top = topView(ctx.nav);
  if (command === 'secret.reveal') {
    return (top?.kind === 'objects' || top?.kind === 'object') && top.ref.resource === 'secrets';
  }
  if (command === 'format.toggle') return top?.kind === 'object';
  return true;
}

/** Shown first, before the keys that work everywhere: a narrow footer is cut at the end. */
const VIEW_KEYS_FIRST = [
  'open',
  'back',
  'pod.logs',
  'related.owner',
  'related.children',
  'related.events',
  'sort.next',
  'label.selector',
  'watch.timeline',
  'logs.follow',
  'logs.previous',
  'logs.container',
  'secret.reveal',
  'format.toggle',
  'text.right',
  'text.left',
  'text.wrap',
  'explain',
  'discovery.raw',
  'command.view',
];
const rank = (command: string) => {
  const i = VIEW_KEYS_FIRST.indexOf(command);
  return i === -1 ? VIEW_KEYS_FIRST.length : i;
};

export function footerHints(ctx: CommandContext): string {
  const { nav } = ctx;
  if (nav.filtering) return 'type to filter  Enter keep  Esc clear  ↑↓ move';
  if (nav.detail.text.search?.typing) return 'type to search  Enter go to the first match  Esc clear';
  if (helpOpen(nav)) return `${ctx.frame.helpPages > 1 ? 'j/k more keys  ' : ''}? / Esc close  q quit`;
  const overlay = overlayOpen(nav);
  // In the tour, Enter and the arrows step through it (keyToAction), whatever the keymap's words.
  if (nav.tourStep !== null && !overlay) {
    const page = ctx.frame.tourPage;
    const move = page.lines > page.height ? 'j/k scroll  ' : page.cover ? '' : '↑↓ move  ';
    return `→/Enter next step  ← previous  Esc end the tour  ${move}$ commands  L log  ? help  q quit`;
  }
  const hints = KEYMAP.filter((e) => e.hint && relevant(e.command, ctx))
    .filter((e) => {
      const { input, key } = pressOf(e.bindings[0]);
      return keyToAction(input, key, ctx) !== null;
    })
    .sort((a, b) => rank(a.command) - rank(b.command))
    .map((e) => `${e.bindings[0].label} ${e.hint}`);
  // The command view only scrolls; elsewhere ←→/Tab is offered where Tab does something (not in the
  // access matrix, say).
  const tab = KEYMAP.find((e) => e.command === 'pane.next')!.bindings[0];
  const panes = keyToAction(pressOf(tab).input, pressOf(tab).key, ctx) !== null ? ['←→/Tab pane'] : [];
  const moves = commandViewOpen(nav) ? ['↑↓ PgUp/PgDn scroll'] : ['↑↓ move', ...panes];
  return [...moves, ...hints].join('  ');
}
