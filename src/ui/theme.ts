// Colours, all behind one `color` flag (false when NO_COLOR is set): with color off, components
// pass no colour/bold/inverse props at all, so the output carries no ANSI escapes. The App provides
// the flag through ColorContext; components read it with useColor().
import { createContext, useContext } from 'react';
import type { TokenKind } from '../model/highlight.js';

export const TOKEN_COLORS: Record<TokenKind, string | undefined> = {
  key: 'cyan',
  string: 'green',
  number: 'yellow',
  boolean: 'magenta',
  null: 'magenta',
  punct: 'gray',
  plain: undefined,
};

export const FOCUS_BORDER = 'cyan';
export const BLUR_BORDER = 'gray';

/** `value` when colour is on, else undefined (for Ink colour props). */
export function col(color: boolean, value: string | undefined): string | undefined {
  return color ? value : undefined;
}

/** NO_COLOR (https://no-color.org): any non-empty value turns colour off. Read once by the App. */
export function colorFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.NO_COLOR;
}

/** Colour on or off for everything under the App (which provides it). Off where nothing provides it:
 *  plain text is the safe default for a component drawn on its own. */
export const ColorContext = createContext(false);

export const useColor = (): boolean => useContext(ColorContext);
