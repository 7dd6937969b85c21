// The container: owns state (navigation reducer) and effects (data hooks), derives what each pane
// shows, and routes keys. Panes are plain components fed by props.
import React, { useMemo, useReducer, useState } from 'react';
import { Box, useApp } from 'ink';
import { Text } from './Text.js';
import type { KubeApi } from '../client/types.js';
import type { Discovery } from '../model/types.js';
import { type NavAction, initialNavState, navReducer, topView } from '../model/navigation.js';
import { computeLayout } from '../model/layout.js';
import { selectedIndex } from '../model/list.js';
import { groupRows, resourceKey, resourceRows } from '../model/tree.js';
import { resourcesNaturalWidth } from '../model/resource-columns.js';
import { explainRows } from '../model/explain-rows.js';
import { TOUR, tourCurl } from '../model/tour.js';
import { useRequestLog, useTerminalSize } from './hooks.js';
import { useDiscovery, useNamespaces, useServerVersion } from './data.js';
import { useDetail } from './useDetail.js';
import { revealFieldAction, useAllowedVerbs, useClipboard, useIdentity, useSchema } from './learning-hooks.js';
import { viewRequest } from '../session/request-log.js';
import { viewRequestIds } from './detailContent.js';
import { syncViewports, useDetailBody } from './useDetailBody.js';
import { type SideEffect, useKeys } from './useKeys.js';
import { footerHints } from './footer-hints.js';
import { useYamlPrinter } from './useYamlPrinter.js';
import type { CommandContext } from './commands.js';
import { useTourDriver } from './useTour.js';
import { colorFromEnv } from './theme.js';
import { Header } from './Header.js';
import { Footer } from './Footer.js';
import { GroupsPane } from './GroupsPane.js';
import { ResourcesPane } from './ResourcesPane.js';
import { DetailPane } from './DetailPane.js';
import { HelpOverlay } from './HelpOverlay.js';
import { ALL_NAMESPACES, NamespacePicker } from './NamespacePicker.js';
import { RequestLogPane, requestDetailLines } from './RequestLogPane.js';
import { ExplainPane } from './ExplainPane.js';
import { TourBox, tourBoxHeight } from './TourBox.js';

export interface AppProps {
  api: KubeApi;
  onExit?: () => void;
  /** Namespace to start in (default: the connection's). */
  initialNamespace?: string;
  /** kapi-tui's version for the header. */
  version?: string;
  /** Colour override; default: on unless NO_COLOR is set (read once). */
  color?: boolean;
  /** Open the guided tour at its first step (`kapi-tui --tour`). */
  startTour?: boolean;
  /** A discovery already at hand (the on-disk cache): the first frame shows the tree. */
  initialDiscovery?: Discovery;
}

export function App({ api, onExit, initialNamespace, version, color: colorProp, startTour, initialDiscovery }: AppProps) {
  const [envColor] = useState(colorFromEnv);
  const color = colorProp ?? envColor;
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const [nav, dispatch] = useReducer(navReducer, initialNamespace ?? api.connection.namespace,
    (ns) => ({ ...initialNavState(ns), tourStep: startTour ? 0 : null }));

  // Subscribe to request events first: the other hooks' effects start requests.
  const requests = useRequestLog(api);
  const discovery = useDiscovery(api, nav.refreshDiscovery, nav.discoveryCancelled, initialDiscovery);
  const serverVersion = useServerVersion(api);
  const identity = useIdentity(api);
  const view = topView(nav);
  const detailData = useDetail(api, { view, namespace: nav.namespace, refresh: nav.refreshDetail, cancelled: nav.detailCancelled }, requests.log);
  const namespaces = useNamespaces(api, nav.pickerOpen);
  const schema = useSchema(api, nav.explain);
  const clipboard = useClipboard();

  // Lists: derive rows, hand their filter keys to the reducer.
  const gRows = useMemo(() => groupRows(discovery.state === 'ok' ? discovery.value : undefined), [discovery]);
  const groupRow = gRows[selectedIndex(nav.lists.groups) ?? -1];
  const gv = groupRow?.kind === 'gv' ? groupRow.gv : undefined;
  const rRows = useMemo(() => resourceRows(gv), [gv]);
  const resourceRow = rRows[selectedIndex(nav.lists.resources) ?? -1];
  const allowed = useAllowedVerbs(api, !view && nav.focus !== 'groups' && resourceRow?.kind === 'resource' ? resourceRow.resource : undefined, nav.namespace);
  const pickerItems = useMemo(() => [ALL_NAMESPACES, ...(namespaces.state === 'ok' ? namespaces.value : [])], [namespaces]);
  const logEntries = useMemo(() => [...requests.entries].reverse(), [requests.entries]);
  const fieldRows = useMemo(() => (schema?.state === 'ok' ? explainRows(schema.value.root, nav.explainExpanded, schema.value.document) : []),
    [schema, nav.explainExpanded]);
  const groupKeys = useMemo(() => gRows.map((r) => r.label.trim()), [gRows]);
  const resourceKeys = useMemo(() => rRows.map(resourceKey), [rRows]);
  const logKeys = useMemo(() => logEntries.map((e) => `#${e.event.id} ${e.event.method} ${e.event.path}`), [logEntries]);
  const fieldKeys = useMemo(() => fieldRows.map((r) => r.path), [fieldRows]);
  // Keys and viewport sizes are handed to the reducer during render (React re-renders at once,
  // before committing), never in an effect: so no frame ever shows rows and cursor out of step.
  const setItems = (list: NavAction & { type: 'setItems' }) => { if (nav.lists[list.list].keys !== list.keys) dispatch(list); };
  setItems({ type: 'setItems', list: 'groups', keys: groupKeys });
  setItems({ type: 'setItems', list: 'resources', keys: resourceKeys });
  setItems({ type: 'setItems', list: 'picker', keys: pickerItems });
  setItems({ type: 'setItems', list: 'log', keys: logKeys });
  setItems({ type: 'setItems', list: 'explain', keys: fieldKeys });

  const tourStep = nav.tourStep === null ? undefined : TOUR[nav.tourStep];
  const tourLines = tourStep ? tourBoxHeight(rows) : 0;
  const groupsContent = useMemo(() => Math.max(0, ...gRows.map((r) => r.label.length)), [gRows]);
  const resourcesContent = useMemo(() => resourcesNaturalWidth(rRows), [rRows]);
  const layout = computeLayout(columns, rows - tourLines, nav.focus, {
    insecure: api.connection.insecure, warnings: (api.connection.warnings ?? []).length > 0, detailFirst: nav.stack.length > 0, groupsContent, resourcesContent,
  });
  const detailBox = layout.panes.find((p) => p.pane === 'detail') ?? { pane: 'detail' as const, width: columns, height: 10 };
  const bodyHeight = layout.mode === 'wide' ? layout.panes[0].height : layout.panes.reduce((a, p) => a + p.height, 0);

  const yaml = useYamlPrinter(nav.format === 'yaml');
  const { source, body, table, object } = useDetailBody({ nav, discovery, groupRow, resourceRow, data: detailData, allowed, box: detailBox, yaml }, dispatch);
  const loggedSelected = nav.logOpen ? logEntries[selectedIndex(nav.lists.log) ?? -1] : undefined;
  const logDetail = useMemo(() => (loggedSelected ? requestDetailLines(loggedSelected) : []), [loggedSelected]);
  const failures = discovery.state === 'ok' ? discovery.value.failures.length : 0;
  syncViewports({
    nav, panes: layout.panes, bodyHeight, detailBox, body, logBodyLines: Math.max(0, logDetail.length - 1),
    groupsChrome: (discovery.state === 'loading' ? 1 : 0) + (failures && (layout.panes.find((p) => p.pane === 'groups')?.height ?? 0) > 6 ? 1 : 0),
    pickerChrome: namespaces.state === 'ok' ? 0 : 1,
  }, dispatch);
  const reveal = revealFieldAction(nav, schema);
  if (reveal) dispatch(reveal);

  const loads = { discovery, detail: detailData, namespaces, schema };
  const request = viewRequest(requests.entries, viewRequestIds(nav, gv, loads));
  const onEffect = (e: SideEffect) => {
    if (e.type === 'quit') { exit(); onExit?.(); return; }
    const target = loggedSelected?.event ?? request;
    if (target) clipboard.copy(target.curl, 'curl command');
  };
  const waitingFor = detailData.state === 'loading' || (detailData.state === 'table' && !detailData.table.done) ? 'detail'
    : !view && discovery.state === 'loading' ? 'discovery' : undefined;
  const keyContext: CommandContext = {
    nav, groupRows: gRows, resourceRows: rRows, objectIds: table?.ids ?? [], pickerItems, loading: waitingFor,
    tourLength: TOUR.length, explainRows: fieldRows.map((r) => ({ path: r.path, expandable: r.expandable })), object,
  };
  useKeys(keyContext, dispatch, onEffect);

  const firstId = table?.ids[0];
  const firstObject = useMemo<NavAction | undefined>(() => (view?.kind === 'objects' && firstId
    ? { type: 'openObject', ref: view.ref, namespace: view.ref.namespaced ? firstId.namespace ?? nav.namespace : undefined, name: firstId.name } : undefined),
  [view, firstId, nav.namespace]);
  useTourDriver(nav.tourStep, discovery.state === 'ok' ? discovery.value : undefined, firstObject, dispatch);

  const panes = layout.panes.map((box) => {
    const focused = nav.focus === box.pane;
    if (box.pane === 'groups') {
      return <GroupsPane key="groups" rows={gRows} list={nav.lists.groups} loading={discovery.state === 'loading'} failures={failures}
        cached={discovery.state === 'ok' && !!discovery.value.fromCache}
        offline={discovery.state === 'ok' && !!discovery.stale}
        focused={focused} filtering={nav.filtering === 'groups'} color={color} width={box.width} height={box.height} />;
    }
    if (box.pane === 'resources') {
      return <ResourcesPane key="resources" title={gv ? `Resources ${gv.groupVersion}` : 'Resources'} rows={rRows} list={nav.lists.resources}
        emptyText={gv?.error ? '(discovery failed)' : undefined} focused={focused} filtering={nav.filtering === 'resources'} color={color} width={box.width} height={box.height} />;
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
  } else if (nav.logOpen) {
    overlay = <RequestLogPane entries={logEntries} list={nav.lists.log} detail={logDetail} scroll={nav.logScroll} bodyFocused={nav.logFocus === 'body'}
      filtering={nav.filtering === 'log'} color={color} width={layout.columns} height={bodyHeight} />;
  } else if (nav.explain && schema) {
    overlay = <ExplainPane title={`Explain ${nav.explain.kind}`} schema={schema} rows={fieldRows} list={nav.lists.explain}
      filtering={nav.filtering === 'explain'} color={color} width={layout.columns} height={bodyHeight} />;
  }

  let tourBox: React.ReactNode = null;
  if (tourStep && tourLines > 0) {
    const example = tourStep.via === 'connection' ? undefined : tourCurl(tourStep, api.connection);
    const result = tourStep.target.kind === 'whoami' && identity
      ? `→ you are ${identity.username || '(unknown)'}${identity.groups.length ? ` (groups: ${identity.groups.join(', ')})` : ''}, answered by ${identity.source}` : undefined;
    tourBox = <TourBox step={tourStep} index={nav.tourStep ?? 0} total={TOUR.length} curl={example ?? (tourStep.showCurl ? request?.curl : undefined)}
      result={result} width={layout.columns} height={tourLines} color={color} />;
  }

  return (
    <Box flexDirection="column" width={layout.columns} height={layout.height + tourLines} overflowY="hidden">
      <Header connection={api.connection} identity={identity} serverVersion={serverVersion} version={version} namespace={nav.namespace}
        width={layout.columns} lines={layout.headerLines} color={color} />
      {layout.tabsLine ? <Tabs focus={nav.focus} color={color} /> : null}
      <Box flexDirection={layout.mode === 'wide' ? 'row' : 'column'} height={bodyHeight} overflowY="hidden">
        {overlay ?? panes}
      </Box>
      {tourBox}
      <Footer hints={clipboard.message ?? footerHints(keyContext)} request={request} width={layout.columns} lines={layout.footerLines} color={color} />
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
