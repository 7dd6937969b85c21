// VHS tapes (https://github.com/charmbracelet/vhs) as test scripts: parse a .tape file, check the
// contract that every Enter is followed by a Wait stating what must be on screen, and replay the
// key steps in a real terminal (tmux) — Sleeps are skipped, the Waits are the sync points.
//
// Supported (the subset of VHS's grammar a demo needs; anything else is an error, so a tape that
// the replay cannot check fails instead of passing half-read):
//   # comment
//   Output <path>              Set <Setting> <value>           Require <program>
//   Type[@<time>] "<text>"     (also '...' or `...`; several strings are joined by a space)
//   Enter Tab Space Backspace Delete Up Down Left Right Escape PageUp PageDown  [@<time>] [count]
//   Ctrl+<key>  Alt+<key>  Shift+Tab
//   Sleep <time>               Hide  Show
//   Wait[+Screen|+Line][@<time>] [/regex/]     (default scope Line, like VHS)
// <time> is VHS's: 500ms, 2s, 1.5 (seconds), 1m.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Term } from './tmux.js';

export type KeyName =
  | 'Enter'
  | 'Tab'
  | 'Space'
  | 'Backspace'
  | 'Delete'
  | 'Up'
  | 'Down'
  | 'Left'
  | 'Right'
  | 'Escape'
  | 'PageUp'
  | 'PageDown';

/** tmux send-keys names of VHS's keys. */
export const TMUX_KEYS: Record<KeyName, string> = {
  Enter: 'Enter',
  Tab: 'Tab',
  Space: 'Space',
  Backspace: 'BSpace',
  Delete: 'DC',
  Up: 'Up',
  Down: 'Down',
  Left: 'Left',
  Right: 'Right',
  Escape: 'Escape',
  PageUp: 'PPage',
  PageDown: 'NPage',
};

export type TapeCommand = { line: number; source: string } & (
  | { kind: 'output'; path: string }
  | { kind: 'set'; setting: string; value: string }
  | { kind: 'require'; program: string }
  | { kind: 'type'; text: string; speedMs?: number }
  | { kind: 'key'; key: KeyName; count: number; speedMs?: number }
  | { kind: 'chord'; modifier: 'Ctrl' | 'Alt' | 'Shift'; key: string; tmux: string }
  | { kind: 'sleep'; ms: number }
  | { kind: 'wait'; scope: 'Line' | 'Screen'; timeoutMs?: number; regex?: RegExp }
  | { kind: 'hide' }
  | { kind: 'show' }
);

export interface Tape {
  commands: TapeCommand[];
  /** Set <Setting> values (quotes removed). */
  settings: Record<string, string>;
  output?: string;
}

export class TapeError extends Error {}

// VHS's settings (Set ...): an unknown one is a tape error in VHS too.
const SETTINGS = new Set([
  'Shell',
  'FontFamily',
  'FontSize',
  'Framerate',
  'Height',
  'Width',
  'LetterSpacing',
  'LineHeight',
  'PlaybackSpeed',
  'Padding',
  'Theme',
  'TypingSpeed',
  'LoopOffset',
  'MarginFill',
  'Margin',
  'WindowBar',
  'WindowBarSize',
  'BorderRadius',
  'WaitPattern',
  'WaitTimeout',
  'CursorBlink',
]);

const KEYS = new Set<string>(Object.keys(TMUX_KEYS));

/** VHS durations: a number with ms, s or m; a bare number is seconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text);
  if (!m) throw new TapeError(`not a duration: "${text}" (like 500ms, 2s, 1.5)`);
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
}

/** One or more quoted strings ("...", '...' or `...`, no escapes, like VHS), joined by a space. */
function parseStrings(rest: string): string {
  const parts: string[] = [];
  const re = /\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`)\s*/y;
  let pos = 0;
  while (pos < rest.length) {
    re.lastIndex = pos;
    const m = re.exec(rest);
    if (!m) throw new TapeError(`expected a quoted string at "${rest.slice(pos)}"`);
    parts.push(m[1] ?? m[2] ?? m[3]);
    pos = re.lastIndex;
  }
  if (parts.length === 0) throw new TapeError('expected a quoted string');
  return parts.join(' ');
}

/** A VHS regex literal /.../ (RE2). Features RE2 lacks are rejected so VHS accepts what we test. */
export function parseRegex(rest: string): RegExp {
  const m = /^\/(.*)\/$/.exec(rest.trim());
  if (!m) throw new TapeError(`expected /regex/, got "${rest}"`);
  const src = m[1];
  if (src === '') throw new TapeError('empty regex');
  if (/\(\?<?[=!]|\\[1-9]|\\k</.test(src))
    throw new TapeError(`/${src}/ uses lookaround or backreferences, which VHS (Go RE2) does not support`);
  if (/\(\?[a-zA-Z]+\)/.test(src))
    throw new TapeError(`/${src}/ uses inline flags; keep the regex portable between Go and JavaScript`);
  try {
    return new RegExp(src);
  } catch (err) {
    throw new TapeError(`invalid regex /${src}/: ${(err as Error).message}`);
  }
}

function chord(modifier: 'Ctrl' | 'Alt' | 'Shift', key: string): string {
  if (modifier === 'Shift') {
    if (key === 'Tab') return 'BTab';
    throw new TapeError(`Shift+${key} is not supported (only Shift+Tab)`);
  }
  if (!/^[A-Za-z@[\]\\^_]$/.test(key)) throw new TapeError(`${modifier}+${key}: expected a single key character`);
  return `${modifier === 'Ctrl' ? 'C' : 'M'}-${modifier === 'Ctrl' ? key.toLowerCase() : key}`;
}

function parseLine(text: string, line: number): TapeCommand | undefined {
  const source = text.trim();
  if (source === '' || source.startsWith('#')) return undefined;
  const m = /^([A-Za-z]+)((?:\+[^\s@]+)*)(?:@(\S+))?(?:\s+(.*))?$/.exec(source);
  if (!m) throw new TapeError(`line ${line}: cannot read "${source}"`);
  const [, name, modsText, speed, restRaw] = m;
  const rest = (restRaw ?? '').trim();
  const mods = modsText ? modsText.slice(1).split('+') : [];
  const at = { line, source };
  const noMods = () => {
    if (mods.length) throw new TapeError(`line ${line}: ${name} takes no +${mods.join('+')}`);
  };
  const noSpeed = () => {
    if (speed !== undefined) throw new TapeError(`line ${line}: ${name} takes no @time`);
  };
  const noArgs = () => {
    if (rest !== '') throw new TapeError(`line ${line}: ${name} takes no argument, got "${rest}"`);
  };
  try {
    if (KEYS.has(name)) {
      noMods();
      if (rest !== '' && !/^\d+$/.test(rest))
        throw new TapeError(`${name} takes an optional repeat count, got "${rest}"`);
      const count = rest === '' ? 1 : Number(rest);
      if (count < 1) throw new TapeError(`${name}: the repeat count must be at least 1`);
      return {
        ...at,
        kind: 'key',
        key: name as KeyName,
        count,
        speedMs: speed === undefined ? undefined : parseDuration(speed),
      };
    }
    switch (name) {
      case 'Output':
        noMods();
        noSpeed();
        if (!rest) throw new TapeError('Output needs a file path');
        return { ...at, kind: 'output', path: rest.replace(/^(["'`])(.*)\1$/, '$2') };
      case 'Set': {
        noMods();
        noSpeed();
        const s = /^(\w+)\s+(.+)$/.exec(rest);
        if (!s) throw new TapeError('Set needs a setting and a value');
        if (!SETTINGS.has(s[1])) throw new TapeError(`unknown setting "${s[1]}"`);
        const value = s[2].trim().replace(/^(["'`])(.*)\1$/, '$2');
        if (s[1] === 'TypingSpeed' || s[1] === 'WaitTimeout') parseDuration(value);
        if (['FontSize', 'Width', 'Height', 'Padding'].includes(s[1]) && !/^\d+$/.test(value))
          throw new TapeError(`Set ${s[1]} needs a number, got "${value}"`);
        return { ...at, kind: 'set', setting: s[1], value };
      }
      case 'Require':
        noMods();
        noSpeed();
        if (!rest) throw new TapeError('Require needs a program name');
        return { ...at, kind: 'require', program: rest.replace(/^(["'`])(.*)\1$/, '$2') };
      case 'Type':
        noMods();
        return {
          ...at,
          kind: 'type',
          text: parseStrings(rest),
          speedMs: speed === undefined ? undefined : parseDuration(speed),
        };
      case 'Ctrl':
      case 'Alt':
      case 'Shift': {
        noSpeed();
        noArgs();
        if (mods.length !== 1) throw new TapeError(`${name} needs exactly one key, like ${name}+C`);
        return { ...at, kind: 'chord', modifier: name, key: mods[0], tmux: chord(name, mods[0]) };
      }
      case 'Sleep':
        noMods();
        noSpeed();
        return { ...at, kind: 'sleep', ms: parseDuration(rest) };
      case 'Wait': {
        if (mods.length > 1 || (mods.length === 1 && mods[0] !== 'Screen' && mods[0] !== 'Line'))
          throw new TapeError('Wait+ expects Line or Screen');
        const timeoutMs = speed === undefined ? undefined : parseDuration(speed);
        if (timeoutMs !== undefined && timeoutMs <= 0) throw new TapeError('Wait expects a positive duration');
        return {
          ...at,
          kind: 'wait',
          scope: (mods[0] as 'Screen' | 'Line' | undefined) ?? 'Line',
          timeoutMs,
          regex: rest ? parseRegex(rest) : undefined,
        };
      }
      case 'Hide':
        noMods();
        noSpeed();
        noArgs();
        return { ...at, kind: 'hide' };
      case 'Show':
        noMods();
        noSpeed();
        noArgs();
        return { ...at, kind: 'show' };
      default:
        throw new TapeError(`unknown or unsupported command "${name}"`);
    }
  } catch (err) {
    if (err instanceof TapeError && !err.message.startsWith('line '))
      throw new TapeError(`line ${line}: ${err.message}`);
    throw err;
  }
}

/** Parses a tape; throws a TapeError naming the line on anything it does not understand. */
export function parseTape(text: string): Tape {
  const commands: TapeCommand[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    const c = parseLine(l, i + 1);
    if (c) commands.push(c);
  });
  const settings: Record<string, string> = {};
  let output: string | undefined;
  for (const c of commands) {
    if (c.kind === 'set') settings[c.setting] = c.value;
    if (c.kind === 'output') output = c.path;
  }
  return { commands, settings, output };
}

/** The replay contract: every Enter is followed (Sleep, Hide and Show aside) by a Wait with a
 *  regex, and the shell is bash. Returns the problems, one per line. */
export function checkContract(tape: Tape): string[] {
  const problems: string[] = [];
  const shell = tape.settings.Shell;
  if (shell !== undefined && shell !== 'bash') problems.push(`Set Shell "${shell}": the replay runs bash`);
  tape.commands.forEach((c, i) => {
    if (c.kind !== 'key' || c.key !== 'Enter') return;
    const next = tape.commands.slice(i + 1).find((n) => n.kind !== 'sleep' && n.kind !== 'hide' && n.kind !== 'show');
    if (!next || next.kind !== 'wait')
      problems.push(`line ${c.line}: Enter is not followed by a Wait stating what must be on screen`);
    else if (!next.regex) problems.push(`line ${next.line}: the Wait after Enter (line ${c.line}) needs a /regex/`);
  });
  return problems;
}

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => {
    try {
      accessSync(join(d, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** VHS's default prompt for bash is "> " (and its default Wait pattern />$/ on the cursor line). */
export const VHS_BASH = `env PS1='> ' BASH_SILENCE_DEPRECATION_WARNING=1 bash --noprofile --norc --login +o history`;
export const VHS_DEFAULT_WAIT = />$/;
export const VHS_DEFAULT_WAIT_TIMEOUT_MS = 15_000;

export interface ReplayStep {
  line: number;
  source: string;
  screen?: string;
}

/** What a replay needs from a terminal: tmux's Term, or the screenshot's pseudo-terminal. */
export type TapeTerminal = Pick<Term, 'type' | 'keys' | 'waitFor' | 'cursorLine' | 'screen'>;

/**
 * Replays the tape in `term` (a bash started with VHS_BASH). Keys are tmux key names;
 * Sleep is skipped; each Wait polls the screen (or the cursor line) until its regex matches, and
 * fails naming the tape line and showing the last screen if it never does. `onStep` sees every
 * step after it ran (with the screen that satisfied a Wait).
 */
export async function replayTape(tape: Tape, term: TapeTerminal, onStep?: (step: ReplayStep) => void): Promise<void> {
  const problems = checkContract(tape);
  if (problems.length) throw new TapeError(`the tape breaks the replay contract:\n${problems.join('\n')}`);
  const defaultTimeout = tape.settings.WaitTimeout
    ? parseDuration(tape.settings.WaitTimeout)
    : VHS_DEFAULT_WAIT_TIMEOUT_MS;
  const defaultPattern = tape.settings.WaitPattern ? parseRegex(tape.settings.WaitPattern) : VHS_DEFAULT_WAIT;
  for (const c of tape.commands) {
    let screen: string | undefined;
    switch (c.kind) {
      case 'type':
        await term.type(c.text);
        break;
      case 'key':
        await term.keys(...Array<string>(c.count).fill(TMUX_KEYS[c.key]));
        break;
      case 'chord':
        await term.keys(c.tmux);
        break;
      case 'require':
        if (!onPath(c.program)) throw new TapeError(`line ${c.line}: Require ${c.program}: not found on PATH`);
        break;
      case 'wait': {
        const re = c.regex ?? defaultPattern;
        const timeout = c.timeoutMs ?? defaultTimeout;
        try {
          if (c.scope === 'Screen') screen = await term.waitFor(re, timeout);
          else {
            const deadline = Date.now() + timeout;
            let last = '';
            for (;;) {
              last = await term.cursorLine();
              if (re.test(last)) break;
              if (Date.now() > deadline)
                throw new Error(`the cursor line was "${last}"; screen:\n${await term.screen()}`);
              await new Promise((r) => setTimeout(r, 40));
            }
            screen = await term.screen();
          }
        } catch (err) {
          throw new TapeError(
            `line ${c.line}: ${c.source}: ${re} did not appear within ${timeout} ms — ${(err as Error).message}`,
          );
        }
        break;
      }
      // Recording-only commands: nothing to replay.
      case 'sleep':
      case 'hide':
      case 'show':
      case 'set':
      case 'output':
        break;
    }
    onStep?.({ line: c.line, source: c.source, screen });
  }
}
