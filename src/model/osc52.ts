// OSC 52: ask the terminal to put text on the clipboard. Works over SSH because it travels in the
// output stream (the terminal, not this machine, owns the clipboard). Pure: builds the bytes; the
// caller writes them to stdout.
//
//   ESC ] 52 ; c ; <base64> BEL
//
// Inside tmux the sequence must be wrapped for passthrough (ESC P tmux; <seq, every ESC doubled> ESC \).
// tmux >= 3.3 only forwards it with `set -g allow-passthrough on`; alternatively tmux's own
// `set -g set-clipboard on` understands a bare OSC 52 and sets its buffer plus the outer clipboard.
// GNU screen passes DCS strings through, but only short ones: the payload is cut into chunks.
// Terminals cap the size (xterm ~100 000 bytes of base64 by default); see OSC52_MAX_BASE64.

const ESC = '\x1b';
const BEL = '\x07';
const ST = `${ESC}\\`;

/** A conservative limit for the base64 payload most terminals accept (xterm, kitty, WezTerm, iTerm2). */
export const OSC52_MAX_BASE64 = 74_994;

/** GNU screen's DCS buffer is small; 76 bytes per chunk is what common osc52 scripts use. */
const SCREEN_CHUNK = 76;

export interface Osc52Options {
  /** Wrap for tmux passthrough (use `insideTmux(process.env)`). */
  tmux?: boolean;
  /** Wrap for GNU screen passthrough (use `insideScreen(process.env)`). Ignored when tmux is set. */
  screen?: boolean;
  /** Clipboard selection: 'c' (clipboard, default), 'p' (primary), or both 'pc'. */
  selection?: string;
}

/** The escape sequence that copies `text` (UTF-8) to the terminal's clipboard. */
export function osc52(text: string, opts: Osc52Options = {}): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  const seq = `${ESC}]52;${opts.selection ?? 'c'};${b64}${BEL}`;
  if (opts.tmux) return `${ESC}Ptmux;${seq.replaceAll(ESC, ESC + ESC)}${ST}`;
  if (opts.screen) {
    let out = '';
    for (let i = 0; i < seq.length; i += SCREEN_CHUNK) out += `${ESC}P${seq.slice(i, i + SCREEN_CHUNK)}${ST}`;
    return out;
  }
  return seq;
}

/** Whether the base64 payload for `text` is within OSC52_MAX_BASE64 (longer copies are often dropped silently). */
export function osc52Fits(text: string, max = OSC52_MAX_BASE64): boolean {
  return Math.ceil(Buffer.byteLength(text, 'utf8') / 3) * 4 <= max;
}

/** Running inside tmux (tmux sets TMUX in every pane). */
export function insideTmux(env: Record<string, string | undefined>): boolean {
  return !!env.TMUX;
}

/** Running inside GNU screen (screen sets STY). */
export function insideScreen(env: Record<string, string | undefined>): boolean {
  return !!env.STY && !env.TMUX;
}

/** osc52 wrapped as the environment needs. */
export function osc52ForEnv(text: string, env: Record<string, string | undefined>): string {
  return osc52(text, { tmux: insideTmux(env), screen: insideScreen(env) });
}
