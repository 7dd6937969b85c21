// Actions that put the Groups and Resources panes on a resource, as if the user had walked there:
// shared by the tour and the `:` command line, so both leave the tree showing where you are.
import type { NavAction } from './navigation.js';
import type { DiscoveredGroupVersion } from './types.js';
import { groupVersionName, resourceKey, resourceRows } from './tree.js';

/** The group-version selected in Groups (its row's key is the name plus marks such as ' *', which
 *  selectKey matches) and opened: Resources lists it. */
export function openGroupActions(gv: DiscoveredGroupVersion): NavAction[] {
  return [{ type: 'selectKey', list: 'groups', key: groupVersionName(gv) }, { type: 'openGroup' }];
}

/** ...and the cursor on resource `name` in Resources (its rows as the next render shows them). */
export function selectResourceActions(gv: DiscoveredGroupVersion, name: string): NavAction[] {
  const keys = resourceRows(gv).map(resourceKey);
  return [...openGroupActions(gv), { type: 'selectKey', list: 'resources', key: name, keys }];
}
