// What the help overlay lists: every keymap entry, then the legends of codes the panes use.
import { KEYMAP, bindingLabel } from './keymap.js';
import { VERB_LEGEND_HELP } from './resource-columns.js';

export interface HelpEntry {
  keys: string;
  description: string;
}

/** Legends after the keys: the first column names what the code is found in. */
export const HELP_LEGENDS: readonly HelpEntry[] = [{ keys: 'VERBS', description: VERB_LEGEND_HELP }];

export function helpEntries(): HelpEntry[] {
  return [...KEYMAP.map((e) => ({ keys: bindingLabel(e), description: e.description })), ...HELP_LEGENDS];
}
