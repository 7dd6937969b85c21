// The one keymap table. The input handler (src/ui/useKeys.ts) and the `?` help overlay both read
// it; components never compare raw keys themselves.

/** The subset of Ink's `Key` the matcher looks at (kept structural so the model stays Ink-free). */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  meta?: boolean;
}

export type Command =
  | 'nav.up'
  | 'nav.down'
  | 'nav.pageUp'
  | 'nav.pageDown'
  | 'nav.halfUp'
  | 'nav.halfDown'
  | 'nav.top'
  | 'nav.bottom'
  | 'pane.left'
  | 'pane.right'
  | 'pane.next'
  | 'pane.prev'
  | 'open'
  | 'back'
  | 'filter'
  | 'search.prev'
  | 'command'
  | 'refresh'
  | 'namespace'
  | 'namespace.all'
  | 'format.toggle'
  | 'secret.reveal'
  | 'text.left'
  | 'text.right'
  | 'text.wrap'
  | 'panes.toggle'
  | 'log'
  | 'pod.logs'
  | 'logs.follow'
  | 'logs.previous'
  | 'logs.container'
  | 'copy.curl'
  | 'copy.kubectl'
  | 'command.view'
  | 'discovery.raw'
  | 'explain'
  | 'tour'
  | 'help'
  | 'quit'
  | 'sort.next'
  | 'sort.reverse'
  | 'label.selector'
  | 'related.owner'
  | 'related.children'
  | 'related.events'
  | 'watch.timeline'
  | 'access';

type SpecialKey =
  | 'upArrow'
  | 'downArrow'
  | 'leftArrow'
  | 'rightArrow'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'return'
  | 'escape'
  | 'tab'
  | 'backspace'
  | 'delete';

export interface Binding {
  /** A printable character (matched exactly, case-sensitive). */
  input?: string;
  /** A named key from Ink's Key object. */
  key?: SpecialKey;
  ctrl?: boolean;
  shift?: boolean;
  /** How the help overlay shows it. */
  label: string;
}

/** `hint`: the footer's short word for it; the footer lists only the hinted keys that do something
 *  in the current view (src/ui/footer-hints.ts). */
export interface KeymapEntry {
  command: Command;
  description: string;
  bindings: Binding[];
  hint?: string;
}

export const KEYMAP: readonly KeymapEntry[] = [
  {
    command: 'nav.up',
    description: 'move up',
    bindings: [
      { key: 'upArrow', label: '↑' },
      { input: 'k', label: 'k' },
    ],
  },
  {
    command: 'nav.down',
    description: 'move down',
    bindings: [
      { key: 'downArrow', label: '↓' },
      { input: 'j', label: 'j' },
    ],
  },
  { command: 'nav.pageUp', description: 'page up', bindings: [{ key: 'pageUp', label: 'PgUp' }] },
  { command: 'nav.pageDown', description: 'page down', bindings: [{ key: 'pageDown', label: 'PgDn' }] },
  { command: 'nav.halfUp', description: 'half page up', bindings: [{ input: 'u', ctrl: true, label: 'Ctrl-U' }] },
  { command: 'nav.halfDown', description: 'half page down', bindings: [{ input: 'd', ctrl: true, label: 'Ctrl-D' }] },
  {
    command: 'nav.top',
    description: 'go to top',
    bindings: [
      { input: 'g', label: 'g' },
      { key: 'home', label: 'Home' },
    ],
  },
  {
    command: 'nav.bottom',
    description: 'go to bottom',
    bindings: [
      { input: 'G', label: 'G' },
      { key: 'end', label: 'End' },
    ],
  },
  {
    command: 'text.right',
    description: 'scroll the text right (lines longer than the pane)',
    bindings: [{ input: '>', label: '>' }],
    hint: 'scroll right',
  },
  {
    command: 'text.left',
    description: 'scroll the text back left',
    bindings: [{ input: '<', label: '<' }],
    hint: 'scroll left',
  },
  {
    command: 'pane.left',
    description: 'pane to the left; log: to the list',
    bindings: [
      { key: 'leftArrow', label: '←' },
      { input: 'h', label: 'h' },
    ],
  },
  {
    command: 'pane.right',
    description: 'pane to the right; log: to the body',
    bindings: [
      { key: 'rightArrow', label: '→' },
      { input: 'l', label: 'l' },
    ],
  },
  { command: 'pane.prev', description: 'previous pane', bindings: [{ key: 'tab', shift: true, label: 'Shift-Tab' }] },
  {
    command: 'pane.next',
    description: 'next pane; in the request log: list ↔ body',
    bindings: [{ key: 'tab', label: 'Tab' }],
  },
  {
    command: 'open',
    description: 'open / list objects / get object',
    bindings: [{ key: 'return', label: 'Enter' }],
    hint: 'open',
  },
  {
    command: 'back',
    description: 'back',
    bindings: [
      { key: 'escape', label: 'Esc' },
      { key: 'backspace', label: 'Backspace' },
      { key: 'delete', label: '' },
    ],
    hint: 'back',
  },
  {
    command: 'filter',
    description: 'filter the focused list; in a text: search it (n / N next / previous)',
    bindings: [{ input: '/', label: '/' }],
    hint: 'filter',
  },
  {
    command: 'search.prev',
    description: 'previous search match in a text (n: next)',
    bindings: [{ input: 'N', label: 'N' }],
  },
  {
    command: 'command',
    description: 'command line: po, deploy -A, ns NAME, q (Tab completes)',
    bindings: [{ input: ':', label: ':' }],
    hint: 'go to',
  },
  { command: 'refresh', description: 'refresh', bindings: [{ input: 'r', label: 'r' }] },
  { command: 'namespace', description: 'pick namespace', bindings: [{ input: 'n', label: 'n' }], hint: 'namespace' },
  { command: 'namespace.all', description: 'all namespaces', bindings: [{ input: '0', label: '0' }] },
  {
    command: 'format.toggle',
    description: 'toggle JSON / YAML',
    bindings: [{ input: 'y', label: 'y' }],
    hint: 'yaml/json',
  },
  {
    command: 'text.wrap',
    description: 'wrap long lines in the text views / cut them again',
    bindings: [{ input: 'w', label: 'w' }],
    hint: 'wrap',
  },
  {
    command: 'secret.reveal',
    description: 'reveal / mask Secret data',
    bindings: [{ input: 'x', label: 'x' }],
    hint: 'reveal',
  },
  {
    command: 'panes.toggle',
    description: 'side panes beside an open table or object: show / hide',
    bindings: [{ input: 'z', label: 'z' }],
    hint: 'panes',
  },
  {
    command: 'log',
    description: 'request log (headers, bodies, watch events)',
    bindings: [{ input: 'L', label: 'L' }],
    hint: 'log',
  },
  // `l` moves right (vi keys) and `L` is the request log: `o` as in the container's output.
  {
    command: 'pod.logs',
    description: 'pod logs (output) of the selected or opened pod',
    bindings: [{ input: 'o', label: 'o' }],
    hint: 'logs',
  },
  {
    command: 'logs.follow',
    description: 'in pod logs: follow (stream new lines, like kubectl logs -f) / stop',
    bindings: [{ input: 'f', label: 'f' }],
    hint: 'follow',
  },
  {
    command: 'logs.previous',
    description: 'pod logs: the previous instance (kubectl logs --previous) / the current',
    bindings: [{ input: 'p', label: 'p' }],
    hint: 'previous',
  },
  {
    command: 'logs.container',
    description: "pod logs: pick one of the pod's containers or init containers (kubectl logs -c)",
    bindings: [{ input: 'C', label: 'C' }],
    hint: 'container',
  },
  {
    command: 'copy.curl',
    description: 'copy the curl command of the view (tmux buffer inside tmux, and OSC 52)',
    bindings: [{ input: 'c', label: 'c' }],
    hint: 'copy curl',
  },
  {
    command: 'command.view',
    description: "the view's curl and kubectl whole, to select and paste (log: the entry's)",
    bindings: [{ input: '$', label: '$' }],
    hint: 'commands',
  },
  {
    command: 'copy.kubectl',
    description: 'in the command view: copy the kubectl command',
    bindings: [{ input: 'K', label: 'K' }],
    hint: 'copy kubectl',
  },
  {
    command: 'discovery.raw',
    description: 'discovery document as served',
    bindings: [{ input: 'd', label: 'd' }],
    hint: 'raw',
  },
  {
    command: 'explain',
    description: 'explain the resource schema (OpenAPI v3); in an object: the › field',
    bindings: [{ input: 'e', label: 'e' }],
    hint: 'explain',
  },
  {
    command: 'tour',
    description: 'guided tour (→/Enter next, ← back, ↑↓ j/k scroll a long step, Esc ends)',
    bindings: [{ input: 't', label: 't' }],
    hint: 'tour',
  },
  {
    command: 'related.owner',
    description: 'object: its owner (ownerReferences)',
    bindings: [{ input: 'O', label: 'O' }],
    hint: 'owner',
  },
  {
    command: 'related.children',
    description: 'object: what it owns (its selector)',
    bindings: [{ input: 'W', label: 'W' }],
    hint: 'owns',
  },
  {
    command: 'related.events',
    description: 'object: its Events',
    bindings: [{ input: 'E', label: 'E' }],
    hint: 'events',
  },
  {
    command: 'watch.timeline',
    description: 'object table: its watch timeline (the list, then each raw watch event)',
    bindings: [{ input: 'T', label: 'T' }],
    hint: 'watch',
  },
  {
    command: 'access',
    description: 'what may I do here: resource × verb matrix (kubectl auth can-i --list -n NS)',
    bindings: [{ input: 'A', label: 'A' }],
    hint: 'can-i',
  },
  {
    command: 'sort.next',
    description: 'sort a table by the next column',
    bindings: [{ input: 's', label: 's' }],
    hint: 'sort',
  },
  { command: 'sort.reverse', description: 'reverse the sort', bindings: [{ input: 'S', label: 'S' }] },
  {
    command: 'label.selector',
    description: 'label filter (-l)',
    bindings: [{ input: '\\', label: '\\' }],
    hint: 'labels',
  },
  { command: 'help', description: 'help', bindings: [{ input: '?', label: '?' }], hint: 'help' },
  {
    command: 'quit',
    description: 'quit',
    bindings: [
      { input: 'q', label: 'q' },
      { input: 'c', ctrl: true, label: 'Ctrl-C' },
    ],
    hint: 'quit',
  },
];

function matches(b: Binding, input: string, key: KeyInfo): boolean {
  if (Boolean(b.ctrl) !== Boolean(key.ctrl)) return false;
  if (b.key) {
    if (!key[b.key]) return false;
    // Shift only distinguishes bindings that ask for it (Shift-Tab vs Tab).
    return b.key !== 'tab' || Boolean(b.shift) === Boolean(key.shift);
  }
  if (b.input === undefined || key.meta) return false;
  return input === b.input;
}

/** The command bound to this keypress, if any. */
export function matchCommand(input: string, key: KeyInfo): Command | undefined {
  for (const entry of KEYMAP) {
    if (entry.bindings.some((b) => matches(b, input, key))) return entry.command;
  }
  return undefined;
}

/** "↑ / k" for the help overlay. */
export function bindingLabel(entry: KeymapEntry): string {
  return entry.bindings
    .map((b) => b.label)
    .filter(Boolean)
    .join(' / ');
}

export function keysFor(command: Command): string {
  const entry = KEYMAP.find((e) => e.command === command);
  return entry ? (entry.bindings[0]?.label ?? '') : '';
}
