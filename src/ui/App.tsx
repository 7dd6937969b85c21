// The container: owns state (navigation reducer) and effects (data hooks), derives what each pane
// shows, and routes keys. Panes are plain components fed by props.
import React, { useCallback, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Box, type Key, Text, useApp, useInput, useStdin } from 'ink';
import type { KubeApi } from '../client/types.js';
import { initialNavState, navReducer, topView } from '../model/navigation.js';
import { computeLayout, paneContentHeight, paneContentWidth } from '../model/layout.js';
import { selectedIndex } from '../model/list.js';
import { groupRows, resourceKey, resourceRows } from '../model/tree.js';
import { resourcesNaturalWidth } from '../model/resource-columns.js';
import { useRequestLog, useTerminalSize } from './hooks.js';
import { useDiscovery, useNamespaces, useServerVersion } from './data.js';
import { useDetail } from './useDetail.js';
import { viewRequest } from './request-log.js';
import { detailSource, sourceLines, tableNote, tableText, viewPaths } from './detailContent.js';
import { type CommandContext, keyToAction } from './commands.js';
import type { KeyInfo } from '../model/keymap.js';
import { colorFromEnv } from './theme.js';
import { Header } from './Header.js';
import { Footer } from './Footer.js';
import { GroupsPane } from './GroupsPane.js';
import { RESOURCES_HEADER_LINES, ResourcesPane } from './ResourcesPane.js';
import { type DetailBody, DetailPane, detailViewport } from './DetailPane.js';
import { HelpOverlay } from './HelpOverlay.js';
import { ALL_NAMESPACES, NamespacePicker } from './NamespacePicker.js';

export interface AppProps {
  api: KubeApi;
  onExit?: () => void;
  /** Namespace to start in (default: the connection's). */
  initialNamespace?: string;
  /** kapi-tui's version for the header. */
  version?: string;
  /** Colour override; default: on unless NO_COLOR is set (read once). */
  color?: boolean;
}

export const FOOTER_HINTS = '↑↓/jk move  ←→/Tab pane  Enter open  Esc back  / filter  r refresh  n namespace  y yaml  x reveal  ? help  q quit';

export function App({ api, onExit, initialNamespace, version, color: colorProp }: AppProps) {
  const [envColor] = useState(colorFromEnv);
  const color = colorProp ?? envColor;
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const { columns, rows } = useTerminalSize();
  const [nav, dispatch] = useReducer(navReducer, initialNamespace ?? api.connection.namespace, initialNavState);

  // Subscribe to request events first: the other hooks' effects start requests.
  const requests = useRequestLog(api);
  const discovery = useDiscovery(api, nav.refreshDiscovery, nav.discoveryCancelled);
  const serverVersion = useServerVersion(api);
  const view = topView(nav);
  const detailData = useDetail(api, { view, namespace: nav.namespace, refresh: nav.refreshDetail, cancelled: nav.detailCancelled });
  const namespaces = useNamespaces(api, nav.pickerOpen);

  // Lists: derive rows, hand their filter keys to the reducer.
  const gRows = useMemo(() => groupRows(discovery.state === 'ok' ? discovery.value : undefined), [discovery]);
  const groupRow = gRows[selectedIndex(nav.lists.groups) ?? -1];
  const gv = groupRow?.kind === 'gv' ? groupRow.gv : undefined;
  const rRows = useMemo(() => resourceRows(gv), [gv]);
  const resourceRow = rRows[selectedIndex(nav.lists.resources) ?? -1];
  const pickerItems = useMemo(() => [ALL_NAMESPACES, ...(namespaces.state === 'ok' ? namespaces.value : [])], [namespaces]);
  const groupKeys = useMemo(() => gRows.map((r) => r.label.trim()), [gRows]);
  const resourceKeys = useMemo(() => rRows.map(resourceKey), [rRows]);
  // Keys and viewport sizes are handed to the reducer during render (React re-renders at once,
  // before committing), never in an effect: so no frame ever shows rows and cursor out of step.
  if (nav.lists.groups.keys !== groupKeys) dispatch({ type: 'setItems', list: 'groups', keys: groupKeys });
  if (nav.lists.resources.keys !== resourceKeys) dispatch({ type: 'setItems', list: 'resources', keys: resourceKeys });
  if (nav.lists.picker.keys !== pickerItems) dispatch({ type: 'setItems', list: 'picker', keys: pickerItems });

  const groupsContent = useMemo(() => Math.max(0, ...gRows.map((r) => r.label.length)), [gRows]);
  const resourcesContent = useMemo(() => resourcesNaturalWidth(rRows), [rRows]);
  const layout = computeLayout(columns, rows, nav.focus, {
    insecure: api.connection.insecure, detailFirst: nav.stack.length > 0, groupsContent, resourcesContent,
  });
  const detailBox = layout.panes.find((p) => p.pane === 'detail') ?? { pane: 'detail' as const, width: columns, height: 10 };
  const bodyHeight = layout.mode === 'wide' ? layout.panes[0].height : layout.panes.reduce((a, p) => a + p.height, 0);

  const source = detailSource({ nav, discovery, groupRow, resourceRow, data: detailData });
  const textSource = source.kind === 'value' || source.kind === 'text' ? source : undefined;
  const text = useMemo(() => (textSource ? sourceLines(textSource, nav.format, nav.reveal) : undefined), [textSource?.kind === 'value' ? textSource.value : textSource?.kind === 'text' ? textSource.text : undefined, nav.format, nav.reveal]);
  const tableSrc = source.kind === 'table' ? source : undefined;
  const table = useMemo(() => (tableSrc ? tableText(tableSrc.table, tableSrc.allNamespaces, paneContentWidth(detailBox) - 2) : undefined),
    [tableSrc?.table, tableSrc?.allNamespaces, paneContentWidth(detailBox)]);
  if (table && nav.lists.objects.keys !== table.keys) dispatch({ type: 'setItems', list: 'objects', keys: table.keys });

  let body: DetailBody;
  if (source.kind === 'value' || source.kind === 'text') {
    const notes = [text?.secret ? (nav.reveal ? '[revealed] x masks' : '[masked] x reveals') : '', source.note ?? ''].filter(Boolean).join('  ');
    body = { kind: 'text', lines: text?.lines ?? [], syntax: text?.syntax ?? 'none', scroll: nav.scroll, note: notes || undefined, error: source.error };
  } else if (source.kind === 'table') {
    const t = source.table;
    body = { kind: 'table', header: table?.header ?? '', rows: table?.rows ?? [], list: nav.lists.objects, loading: !t.done, note: tableNote(t), error: t.error, empty: source.empty };
  } else if (source.kind === 'loading') body = { kind: 'loading', message: source.message, since: source.since };
  else if (source.kind === 'error') body = { kind: 'error', error: source.error, context: source.context };
  else body = { kind: 'message', text: source.text };

  // Viewport sizes for the reducer's windows.
  const groupsBox = layout.panes.find((p) => p.pane === 'groups');
  const resourcesBox = layout.panes.find((p) => p.pane === 'resources');
  const listHeight = (box: typeof groupsBox, fallback: number) => (box ? paneContentHeight(box) : fallback);
  const detailContent = paneContentHeight(detailBox);
  const overlayContent = Math.max(1, bodyHeight - 3);
  const failures = discovery.state === 'ok' ? discovery.value.failures.length : 0;
  const groupsView = listHeight(groupsBox, overlayContent) - (discovery.state === 'loading' ? 1 : 0) - (failures && (groupsBox?.height ?? 0) > 6 ? 1 : 0);
  const pickerView = overlayContent - (namespaces.state === 'ok' ? 0 : 1);
  const viewports = { groups: groupsView, resources: listHeight(resourcesBox, overlayContent) - RESOURCES_HEADER_LINES, objects: detailViewport(body, detailContent, paneContentWidth(detailBox)), picker: pickerView };
  for (const list of ['groups', 'resources', 'objects', 'picker'] as const) {
    const height = Math.max(1, viewports[list]);
    if (nav.lists[list].height !== height) dispatch({ type: 'setViewport', list, height });
  }
  const textLines = body.kind === 'text' ? body.lines.length : 0;
  const textHeight = Math.max(1, detailViewport(body, detailContent, paneContentWidth(detailBox)));
  if (nav.scrollLines !== textLines || nav.scrollHeight !== textHeight) dispatch({ type: 'setScrollSize', lines: textLines, height: textHeight });

  // The key handler reads the latest committed context through a ref: Ink re-subscribes a changed
  // handler only in a passive effect, so a key arriving right after a frame would otherwise see
  // the previous render's state.
  const keyContext = useRef<CommandContext | null>(null);
  const waitingFor = detailData.state === 'loading' || (detailData.state === 'table' && !detailData.table.done) ? 'detail'
    : !view && discovery.state === 'loading' ? 'discovery' : undefined;
  useLayoutEffect(() => { keyContext.current = { nav, groupRows: gRows, resourceRows: rRows, objectIds: table?.ids ?? [], pickerItems, loading: waitingFor }; });
  const onKey = useCallback((input: string, key: Key | KeyInfo): void => {
    const ctx = keyContext.current;
    if (!ctx) return;
    // Several characters in one read (fast typing through tmux/ssh, or a paste) arrive as one
    // input: replay them one key at a time.
    if (input.length > 1 && !key.ctrl && !key.meta) {
      for (const ch of input) onKey(ch === '\r' ? '' : ch, ch === '\r' ? { return: true } : ch === '\t' ? { tab: true } : ch === '\u007F' ? { delete: true } : {});
      return;
    }
    const outcome = keyToAction(input, key, ctx);
    if (!outcome) return;
    if (outcome.type === 'quit') { exit(); onExitRef.current?.(); return; }
    // Keys can arrive faster than renders (typing a filter, pasting): apply the action to the
    // context's state too, so the next key is interpreted in the state this one produced.
    ctx.nav = navReducer(ctx.nav, outcome);
    dispatch(outcome);
  }, [exit]);
  const onExitRef = useRef(onExit);
  onExitRef.current = onExit;
  useInput(onKey, { isActive: isRawModeSupported });

  const panes = layout.panes.map((box) => {
    const focused = nav.focus === box.pane;
    if (box.pane === 'groups') {
      return <GroupsPane key="groups" rows={gRows} list={nav.lists.groups} loading={discovery.state === 'loading'} failures={failures}
        cached={discovery.state === 'ok' && !!discovery.value.fromCache}
        focused={focused} filtering={nav.filtering === 'groups'} color={color} width={box.width} height={box.height} />;
    }
    if (box.pane === 'resources') {
      return <ResourcesPane key="resources" title={gv ? `Resources ${gv.groupVersion}` : 'Resources'} rows={rRows} list={nav.lists.resources}
        focused={focused} filtering={nav.filtering === 'resources'} color={color} width={box.width} height={box.height} />;
    }
    const fmt = body.kind === 'text' && body.syntax !== 'none' ? ` [${nav.format.toUpperCase()}]` : '';
    return <DetailPane key="detail" title={`Detail: ${source.title}${fmt}`} body={body} focused={focused}
      filtering={nav.filtering === 'objects'} color={color} width={box.width} height={box.height} />;
  });

  let overlay: React.ReactNode = null;
  if (nav.helpOpen) overlay = <HelpOverlay width={layout.columns} height={bodyHeight} color={color} />;
  else if (nav.pickerOpen) {
    overlay = <NamespacePicker items={pickerItems} list={nav.lists.picker} current={nav.namespace} loading={namespaces.state === 'loading'}
      error={namespaces.state === 'error' ? namespaces.error : undefined} filtering={nav.filtering === 'picker'} color={color}
      width={layout.columns} height={bodyHeight} />;
  }

  return (
    <Box flexDirection="column" width={layout.columns} height={layout.height} overflow="hidden">
      <Header connection={api.connection} serverVersion={serverVersion} version={version} namespace={nav.namespace}
        width={layout.columns} lines={layout.headerLines} color={color} />
      {layout.tabsLine ? <Tabs focus={nav.focus} color={color} /> : null}
      <Box flexDirection={layout.mode === 'wide' ? 'row' : 'column'} height={bodyHeight} overflow="hidden">
        {overlay ?? panes}
      </Box>
      <Footer hints={FOOTER_HINTS} request={viewRequest(requests.entries, viewPaths(nav, gv))} width={layout.columns} lines={layout.footerLines} color={color} />
    </Box>
  );
}

/** Narrow layout: which panes exist and which one is shown (reachable with ←/→/Tab). */
function Tabs({ focus, color }: { focus: string; color: boolean }) {
  const names = [['groups', 'Groups'], ['resources', 'Resources'], ['detail', 'Detail']] as const;
  return (
    <Text wrap="truncate-end">
      {names.map(([id, label]) => (
        <Text key={id} bold={color && id === focus} inverse={color && id === focus}>{id === focus ? `▶[${label}] ` : ` ${label}  `}</Text>
      ))}
    </Text>
  );
}
