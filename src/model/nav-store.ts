// The navigation state's one home while the TUI runs: the reducer applied once per action, to the
// frame last shown (set by the App after each render). Keys can arrive faster than renders (typing a
// filter, a paste); each is read against the state the previous one produced, because the key
// handler reads this store, not a render's copy.
import { type Frame, EMPTY_FRAME, type NavState } from './nav-state.js';
import { type NavAction, navReducer } from './navigation.js';

export interface NavStore {
  getState(): NavState;
  dispatch(action: NavAction): void;
  subscribe(listener: () => void): () => void;
  /** The frame actions are applied to: what the user sees now. */
  setFrame(frame: Frame): void;
  frame(): Frame;
}

export function createNavStore(initial: NavState): NavStore {
  let state = initial;
  let frame = EMPTY_FRAME;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = navReducer(state, action, frame);
      if (next === state) return;
      state = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setFrame(f) {
      frame = f;
    },
    frame: () => frame,
  };
}
