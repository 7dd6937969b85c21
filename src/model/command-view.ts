// The command view (`$`): the request behind a view as commands to run by hand, laid out so that a
// mouse selection of the whole block pasted into a shell runs them. So every line is shell: the
// notes are `#` comments, long commands continue with ` \` (shell-wrap.ts), and nothing else (no
// border, no gutter) is on a line. Pure: lines for a width.
import type { RequestEvent } from './types.js';
import { formatBytes } from './format.js';
import { wrapCommand } from './shell-wrap.js';

/** Lines above the scrolled text: the title and a rule under it. */
export const COMMAND_VIEW_CHROME = 2;

export interface CommandViewLine {
  /** `note`: a `#` comment saying what follows; `command`: a line of a command. */
  kind: 'note' | 'command' | 'blank';
  text: string;
}

/** What the view got from the request: "200 · 12 ms · 3.1 kB", or why it got nothing. */
export function requestOutcome(ev: RequestEvent): string {
  if (ev.status === undefined) return ev.error ? `no response: ${ev.error}` : 'no response yet';
  const took = `${ev.status} · ${Math.round(ev.durationMs)} ms · ${formatBytes(ev.bytes)}`;
  return ev.error ? `${took} · ${ev.error}` : took;
}

/** `# text` cut into comment lines of at most `width` columns, at spaces where it can. */
function noteLines(text: string, width: number): CommandViewLine[] {
  const room = Math.max(8, width - 2);
  const out: CommandViewLine[] = [];
  let rest = text;
  while (rest.length > room) {
    const space = rest.lastIndexOf(' ', room);
    const cut = space > room / 2 ? space : room;
    out.push({ kind: 'note', text: `# ${rest.slice(0, cut).trimEnd()}` });
    rest = rest.slice(cut).trimStart();
  }
  out.push({ kind: 'note', text: `# ${rest}` });
  return out;
}

const commandLines = (cmd: string, width: number): CommandViewLine[] =>
  wrapCommand(cmd, width).map((text) => ({ kind: 'command', text }));

const BLANK: CommandViewLine = { kind: 'blank', text: '' };

/** A command shown before the view's own, with what it is (the tour step's example). */
export interface ExampleCommand {
  note: string;
  command: string;
  /** What must run before it (the tour's `kubectl proxy &`). */
  setup?: readonly string[];
}

/** The view's lines for `request` at `width` columns. `setup`: commands that must run first (e.g.
 *  setting $TOKEN), shown above the others; `example`: a command shown first (the tour's). */
export function commandViewLines(
  request: RequestEvent | undefined,
  width: number,
  setup: readonly string[] = [],
  example?: ExampleCommand,
): CommandViewLine[] {
  const first = example
    ? [
        ...noteLines(example.note, width),
        ...(example.setup ?? []).flatMap((cmd) => commandLines(cmd, width)),
        ...commandLines(example.command, width),
        BLANK,
      ]
    : [];
  if (!request) return [...first, ...noteLines('No request yet: this view has not sent one.', width)];
  const lines: CommandViewLine[] = [
    ...first,
    ...noteLines(`${request.method} ${request.path} → ${requestOutcome(request)}`, width),
    BLANK,
  ];
  if (setup.length) {
    lines.push(...noteLines('first, once per shell:', width));
    for (const cmd of setup) lines.push(...commandLines(cmd, width));
    lines.push(BLANK);
  }
  lines.push(...noteLines(`curl: the same ${request.method}, straight to the API server`, width));
  lines.push(...commandLines(request.curl, width));
  if (request.kubectl) {
    lines.push(BLANK, ...noteLines('kubectl: the same request through kubectl', width));
    lines.push(...commandLines(request.kubectl, width));
  }
  return lines;
}
