// Key input for the App: keymap → command → action (commands.ts), dispatched to the reducer, or a
// side effect (quit, copy) handed back to the App.
import { useCallback, useLayoutEffect, useRef } from 'react';
import { type Key, useInput, useStdin } from 'ink';
import type { KeyInfo } from '../model/keymap.js';
import { type NavAction, navReducer } from '../model/navigation.js';
import { type CommandContext, type KeyOutcome, keyToAction } from './commands.js';

export type SideEffect = Exclude<KeyOutcome, NavAction | null>;

export function useKeys(context: CommandContext, dispatch: (a: NavAction) => void, onEffect: (e: SideEffect) => void): void {
  const { isRawModeSupported } = useStdin();
  // The handler reads the latest committed context through a ref: Ink re-subscribes a changed
  // handler only in a passive effect, so a key arriving right after a frame would otherwise see
  // the previous render's state.
  const ctxRef = useRef<CommandContext | null>(null);
  useLayoutEffect(() => { ctxRef.current = context; });
  const effectRef = useRef(onEffect);
  effectRef.current = onEffect;
  const onKey = useCallback((input: string, key: Key | KeyInfo): void => {
    const ctx = ctxRef.current;
    if (!ctx) return;
    // Esc and the next key typed fast (or over SSH) can arrive in one read, "\x1bq", which Ink reports
    // as Meta-q. No binding uses Meta, so it is what was typed: Esc, then the key (q still quits).
    if (key.meta && !key.ctrl && input.length === 1 && input >= ' ') {
      onKey('', { escape: true });
      onKey(input, {});
      return;
    }
    // Several characters in one read (fast typing through tmux/ssh, or a paste) arrive as one
    // input: replay them one key at a time.
    if (input.length > 1 && !key.ctrl && !key.meta) {
      for (const ch of input) onKey(ch === '\r' ? '' : ch, ch === '\r' ? { return: true } : ch === '\t' ? { tab: true } : ch === '\u007F' ? { delete: true } : {});
      return;
    }
    const outcome = keyToAction(input, key, ctx);
    if (!outcome) return;
    if (outcome.type === 'quit' || outcome.type === 'copyCurl') { effectRef.current(outcome); return; }
    // Keys can arrive faster than renders (typing a filter, pasting): apply the action to the
    // context's state too, so the next key is interpreted in the state this one produced.
    ctx.nav = navReducer(ctx.nav, outcome);
    dispatch(outcome);
  }, [dispatch]);
  useInput(onKey, { isActive: isRawModeSupported });
}
