// Text from a cluster is untrusted: a pod's log, a Table cell, an error message or a name from an
// aggregated API may carry terminal control sequences. Written to the terminal as they are, they
// would set the window title, write the clipboard (OSC 52), move the cursor or clear the screen
// (the class of bug kubectl fixed in CVE-2021-25743). Every string the UI draws goes through
// `printable` (src/ui/Text.tsx): colour codes are dropped, every other control character is shown
// in caret notation (ESC as ^[), so what is hidden becomes visible and nothing reaches the terminal.

/** Anything that needs work: C0 controls but newline, DEL, C1 controls, the Unicode line and
 *  paragraph separators (some terminals break the line there), bidirectional marks and overrides. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
/** Colour and style (SGR): harmless formatting, dropped rather than shown. */
// eslint-disable-next-line no-control-regex
const SGR = /\u001B\[[0-9;:]*m/g;
// eslint-disable-next-line no-control-regex -- the control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const CONTROL_OR_NEWLINE =
  // eslint-disable-next-line no-control-regex -- the control characters are what it finds
  /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const TAB_STOP = 8;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Tabs to spaces up to the next stop (terminals' and string widths' idea of a tab differ). */
function expandTabs(line: string): string {
  let out = '';
  for (const part of line.split('\t').entries()) {
    if (part[0] > 0) out += ' '.repeat(TAB_STOP - (out.length % TAB_STOP));
    out += part[1];
  }
  return out;
}

/** `s` as it can be drawn safely: newlines kept, tabs expanded, colour codes removed, every other
 *  control character (and bidirectional override) shown as text. Returns `s` itself when clean.
 *  `oneLine` (a table cell, a name, any text drawn on one row): newlines shown as ^J too, so a
 *  name with a newline cannot split its row in two. */
export function printable(s: string, { oneLine = false }: { oneLine?: boolean } = {}): string {
  if (!UNSAFE.test(s) && !(oneLine && s.includes('\n'))) return s;
  const uncoloured = s.replace(SGR, '');
  if (oneLine) return expandTabs(uncoloured).replace(CONTROL_OR_NEWLINE, visible);
  return uncoloured
    .split('\n')
    .map((line) => expandTabs(line).replace(CONTROL, visible))
    .join('\n');
}

/** At most `count` code points of `line` from code point `offset` on, without splitting the whole
 *  line (a 30 MB line is drawn from its first few hundred characters, not copied into an array). */
export function codePointSlice(line: string, offset: number, count: number): string {
  if (offset <= 0 && line.length <= count) return line;
  let out = '';
  let at = 0;
  for (const ch of line) {
    if (at >= offset + count) break;
    if (at >= offset) out += ch;
    at++;
  }
  return out;
}
