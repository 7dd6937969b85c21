// Key input for the App: keymap → command → action (commands.ts), applied once to the navigation
// store, or a side effect (quit, copy) handed back to the App.
import { useCallback, useLayoutEffect, useRef } from 'react';
import { type Key, useInput, useStdin } from 'ink';
import type { KeyInfo } from '../model/keymap.js';
import type { NavStore } from '../model/nav-store.js';
import { type CommandContext, type KeyOutcome, keyToAction } from './commands.js';
import type { NavAction } from '../model/navigation.js';

export type SideEffect = Exclude<KeyOutcome, NavAction | null>;

/** What keys are read against besides the state: the last render's rows (the state and the frame
 *  come from the store, always current). */
export type KeyRows = Omit<CommandContext, 'nav' | 'frame'>;

export function useKeys(rows: KeyRows, store: NavStore, onEffect: (e: SideEffect) => void): void {
  const { isRawModeSupported } = useStdin();
  // The handler reads the latest committed rows through a ref: Ink re-subscribes a changed handler
  // only in a passive effect, so a key arriving right after a frame would otherwise see the
  // previous render's rows.
  const rowsRef = useRef<KeyRows | null>(null);
  useLayoutEffect(() => {
    rowsRef.current = rows;
  });
  const effectRef = useRef(onEffect);
  useLayoutEffect(() => {
    effectRef.current = onEffect;
  });
  const onKey = useCallback(
    (input: string, key: Key | KeyInfo): void => {
      const current = rowsRef.current;
      if (!current) return;
      // Esc and the next keys typed fast (or over SSH) can arrive in one read, "\x1bq" or "\x1b:po",
      // which Ink reports as Meta with that text. No binding uses Meta, so it is what was typed: Esc,
      // then the keys (q still quits).
      if (key.meta && !key.ctrl && input.length >= 1 && input[0] >= ' ') {
        onKey('', { escape: true });
        onKey(input, {});
        return;
      }
      // Several characters in one read (fast typing through tmux/ssh, or a paste) arrive as one
      // input: replay them one key at a time.
      if (input.length > 1 && !key.ctrl && !key.meta) {
        for (const ch of input) onKey(ch === '\r' ? '' : ch, keyOfChar(ch));
        return;
      }
      const outcome = keyToAction(input, key, { ...current, nav: store.getState(), frame: store.frame() });
      if (!outcome) return;
      if (
        outcome.type === 'quit' ||
        outcome.type === 'copyCurl' ||
        outcome.type === 'copyKubectl' ||
        outcome.type === 'switchContext'
      )
        effectRef.current(outcome);
      else store.dispatch(outcome);
    },
    [store],
  );
  useInput(onKey, { isActive: isRawModeSupported });
}

function keyOfChar(ch: string): KeyInfo {
  if (ch === '\r') return { return: true };
  if (ch === '\t') return { tab: true };
  if (ch === '\u007F') return { delete: true };
  return {};
}
