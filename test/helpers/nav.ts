// Navigation driven the way the App drives it, without rendering: a state and the frame it is
// shown in. Frame changes stand for what a render would show (rows arriving, a resized pane, a
// longer text); actions are applied to the frame current at that point, as the store does.
import {
  EMPTY_FRAME,
  type Frame,
  type ListId,
  type NavState,
  initialNavState,
  listIn,
  resolveLogScroll,
  resolveText,
} from '../../src/model/nav-state.js';
import { type NavAction, navReducer } from '../../src/model/navigation.js';
import type { CommandContext } from '../../src/ui/commands.js';

export type FrameChange =
  | { type: 'rows'; list: ListId; keys: string[] }
  | { type: 'height'; list: ListId; height: number }
  /** The detail text: its lines and viewport height; width, longest line and dropped lines optional. */
  | {
      type: 'text';
      lines: number;
      height: number;
      width?: number;
      longest?: number;
      dropped?: number;
      matches?: number[];
      /** Wrapped (`w`): the rows each line takes. */
      rowsAt?: (line: number) => number;
    }
  | { type: 'logBody'; lines: number; height: number }
  | { type: 'commandView'; lines: number; height: number };

export interface Screen {
  state: NavState;
  frame: Frame;
}

export type Step = NavAction | FrameChange;

const FRAME_CHANGES = new Set(['rows', 'height', 'text', 'logBody', 'commandView']);
const isFrameChange = (s: Step): s is FrameChange => FRAME_CHANGES.has(s.type);

export function start(namespace?: string): Screen {
  return { state: initialNavState(namespace), frame: EMPTY_FRAME };
}

function applyFrame(f: Frame, c: FrameChange): Frame {
  switch (c.type) {
    case 'rows':
      return { ...f, lists: { ...f.lists, [c.list]: { ...f.lists[c.list], keys: c.keys } } };
    case 'height':
      return { ...f, lists: { ...f.lists, [c.list]: { ...f.lists[c.list], height: c.height } } };
    case 'text':
      return {
        ...f,
        text: {
          lines: c.lines,
          height: c.height,
          width: c.width ?? f.text.width,
          longest: c.longest ?? 0,
          dropped: c.dropped ?? 0,
          matches: c.matches ?? [],
          ...(c.rowsAt ? { rowsAt: c.rowsAt } : {}),
        },
      };
    case 'logBody':
      return { ...f, logBody: { lines: c.lines, height: c.height } };
    case 'commandView':
      return { ...f, commandView: { lines: c.lines, height: c.height } };
  }
}

export function run(sc: Screen, ...steps: Step[]): Screen {
  return steps.reduce<Screen>(
    (acc, step) =>
      isFrameChange(step)
        ? { ...acc, frame: applyFrame(acc.frame, step) }
        : { ...acc, state: navReducer(acc.state, step, acc.frame) },
    sc,
  );
}

/** List `id` as shown. */
export const list = (sc: Screen, id: ListId) => listIn(sc.state, sc.frame, id);
/** The detail text's position as shown. */
export const text = (sc: Screen) => resolveText(sc.state, sc.frame.text);
/** The request log body's scroll as shown. */
export const logScroll = (sc: Screen) => resolveLogScroll(sc.state, sc.frame);

/** What keys are read against, for a screen: no rows unless given. */
export function keyContext(sc: Screen, rows: Partial<Omit<CommandContext, 'nav' | 'frame'>> = {}): CommandContext {
  return {
    nav: sc.state,
    frame: sc.frame,
    groupRows: [],
    resourceRows: [],
    objectIdAt: () => undefined,
    pickerItems: [],
    tourLength: 1,
    explainRows: [],
    groups: [],
    ...rows,
  };
}
