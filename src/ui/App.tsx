// The container: owns state (navigation reducer) and effects (data hooks), derives what each pane
// shows, and routes keys. Panes are plain components fed by props.
import React, { useCallback, useEffect, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { Box, useApp } from 'ink';
import { Text } from './Text.js';
import type { KubeApi } from '../client/types.js';
import type { DiscoveredGroup, Discovery } from '../model/types.js';
import type { NavAction } from '../model/navigation.js';
import {
  type ListId,
  activeOverlay,
  initialNavState,
  listIn,
  logBodyFocused,
  overlayOf,
  resolveList,
  resolveCommandScroll,
  resolveLogScroll,
  resolveText,
  topView,
} from '../model/nav-state.js';
import { createNavStore } from '../model/nav-store.js';
import { searchMatcher } from '../model/nav-state.js';
import { completions } from '../model/command-line.js';
import { relatedOf } from '../model/related.js';
import { computeLayout, paneContentWidth, tourCovers, tourPageRoom, tourPlacement } from '../model/layout.js';
import { selectedIndex } from '../model/list.js';
import { groupRows, groupVersionName, resourceKey, resourceRows } from '../model/tree.js';
import { resourcesNaturalWidth } from '../model/resource-columns.js';
import { explainRows } from '../model/explain-rows.js';
import { TOUR, tourCurl, tourSetup } from '../model/tour.js';
import { useRequestLog, useTerminalSize } from './hooks.js';
import { useDiscovery, useNamespaces, useServerVersion } from './data.js';
import { useDetail } from './useDetail.js';
import { revealFieldAction, useAllowedVerbs, useClipboard, useIdentity, useSchema } from './learning-hooks.js';
import { viewRequest } from '../session/request-log.js';
import { viewRequestIds } from './detailContent.js';
import { detailBody, droppedLines, useDetailContent } from './useDetailBody.js';
import { buildFrame } from './frame.js';
import { type KeyRows, type SideEffect, useKeys } from './useKeys.js';
import { footerHints } from './footer-hints.js';
import { useYamlPrinter } from './useYamlPrinter.js';
import { useTourDriver, useTourProbes } from './useTour.js';
import { tourPageLines, tourProbeNote, tourProbes } from '../model/tour-page.js';
import { resolveTourScroll } from '../model/tour-state.js';
import { ColorContext, colorFromEnv, useColor } from './theme.js';
import { Header } from './Header.js';
import { Footer } from './Footer.js';
import { GroupsPane } from './GroupsPane.js';
import { ResourcesPane } from './ResourcesPane.js';
import { DetailPane } from './DetailPane.js';
import { HelpOverlay } from './HelpOverlay.js';
import { ALL_NAMESPACES, NamespacePicker } from './NamespacePicker.js';
import { RequestLogPane, requestDetailLines } from './RequestLogPane.js';
import { ExplainPane } from './ExplainPane.js';
import { TourBox } from './TourBox.js';
import { tourAnswer } from './tour-answer.js';
import { CommandView } from './CommandView.js';
import { commandViewLines } from '../model/command-view.js';
import { abortableWait, useAbortableLoad } from './useAbortableLoad.js';
import { ContextPicker } from './ContextPicker.js';
import { ContainerPicker } from './ContainerPicker.js';
import { AccessPane } from './AccessPane.js';
import { useRulesMatrix } from './useRulesMatrix.js';
import { matrixKeys } from '../model/rules-matrix.js';
import type { KubeContexts } from '../client/contexts.js';
import type { TextLines } from '../model/text-lines.js';

const NO_KEYS: readonly string[] = [];
const NO_GROUPS: readonly DiscoveredGroup[] = [];
const noObjectId = (): undefined => undefined;
const SELECTOR_HELP = 'labels: app=web  tier!=db  env in (a,b)  !canary  Enter list  Esc cancel';

export interface AppProps {
  api: KubeApi;
  onExit?: () => void;
  /** Namespace to start in (default: the connection's); null: all namespaces (-A). */
  initialNamespace?: string | null;
  /** kapi-tui's version for the header. */
  version?: string;
  /** Colour override; default: on unless NO_COLOR is set (read once). */
  color?: boolean;
  /** Open the guided tour at its first step (`kapi-tui --tour`). */
  startTour?: boolean;
  /** A discovery already at hand (the on-disk cache): the first frame shows the tree. */
  initialDiscovery?: Discovery;
  /** The kubeconfig's contexts, for `:ctx` (kubeconfig connections only). */
  contexts?: ContextSwitcher;
}

/** What `:ctx` needs from the launcher, which owns connections. */
export interface ContextSwitcher {
  /** The kubeconfig's contexts (read when first asked for). */
  list(): Promise<KubeContexts>;
  /** A client for another context (connecting behind it) and its cached discovery, if any. */
  open(name: string): Promise<{ api: KubeApi; initialDiscovery?: Discovery }>;
}

/** The explorer on one connection; `:ctx` replaces it with one on the new context (a fresh state in
 *  that context's namespace, the cached tree first, then its discovery). */
export function App(props: AppProps) {
  const [session, setSession] = useState({ id: 0, api: props.api, initialDiscovery: props.initialDiscovery });
  const { contexts } = props;
  const switchContext = useCallback(
    async (name: string) => {
      if (!contexts) return;
      const next = await contexts.open(name);
      setSession((s) => ({ id: s.id + 1, api: next.api, initialDiscovery: next.initialDiscovery }));
    },
    [contexts],
  );
  const first = session.id === 0;
  return (
    <Explorer
      key={session.id}
      {...props}
      api={session.api}
      initialDiscovery={session.initialDiscovery}
      initialNamespace={first ? props.initialNamespace : undefined}
      startTour={first && props.startTour}
      onSwitchContext={contexts ? switchContext : undefined}
    />
  );
}

interface ExplorerProps extends AppProps {
  onSwitchContext?: (name: string) => Promise<void>;
}

function Explorer({
  api,
  onExit,
  initialNamespace,
  version,
  color: colorProp,
  startTour,
  initialDiscovery,
  contexts: contextSource,
  onSwitchContext,
}: ExplorerProps) {
  const [envColor] = useState(colorFromEnv);
  const color = colorProp ?? envColor;
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const startNamespace = initialNamespace === null ? undefined : (initialNamespace ?? api.connection.namespace);
  const [store] = useState(() => createNavStore(initialNavState(startNamespace, startTour ? 0 : null)));
  const nav = useSyncExternalStore(store.subscribe, store.getState);
  const explain = overlayOf(nav, 'explain');
  const overlay = activeOverlay(nav);

  // Subscribe to request events first: the other hooks' effects start requests.
  const requests = useRequestLog(api);
  const discovery = useDiscovery(api, nav.discovery.refresh, nav.discovery.cancelled, initialDiscovery);
  const serverVersion = useServerVersion(api);
  const identity = useIdentity(api);
  const view = topView(nav);
  const detailData = useDetail(
    api,
    { view, namespace: nav.namespace, refresh: nav.detail.refresh, cancelled: nav.detail.cancelled },
    requests.log,
  );
  const namespaces = useNamespaces(api, overlay === 'picker');
  // A pod log's containers, for `C`'s pick list.
  const logView = view?.kind === 'logs' ? view : undefined;
  const logContainer = detailData.state === 'response' ? detailData.container : undefined;
  const containerKeys = useMemo(() => logContainer?.all.map((c) => c.name) ?? NO_KEYS, [logContainer]);
  const schema = useSchema(api, explain?.target ?? null);
  const accessOverlay = overlayOf(nav, 'access');
  const rules = useRulesMatrix(
    api,
    !!accessOverlay,
    // All namespaces: the review needs one (kube-apiserver: 400 "no namespace on request"); kubectl
    // asks about the context's, and so does this.
    nav.namespace ?? api.connection.namespace,
    accessOverlay?.refresh ?? 0,
  );
  const rulesMatrix = rules?.matrix;
  const accessKeys = useMemo(
    () => (rulesMatrix?.state === 'ok' ? matrixKeys(rulesMatrix.value) : NO_KEYS),
    [rulesMatrix],
  );
  const contexts = useContexts(contextSource);
  const contextItems = useMemo(() => currentFirst(contexts), [contexts]);
  const clipboard = useClipboard();

  // Rows of every list; the cursors are placed on them by the frame below.
  const gRows = useMemo(() => groupRows(discovery.state === 'ok' ? discovery.value : undefined), [discovery]);
  const groupKeys = useMemo(() => gRows.map((r) => r.label.trim()), [gRows]);
  const prev = store.frame();
  const groupsList = resolveList(nav.lists.groups, { keys: groupKeys, height: prev.lists.groups.height });
  const groupRow = gRows[selectedIndex(groupsList) ?? -1];
  const gv = groupRow?.kind === 'gv' ? groupRow.gv : undefined;
  const rRows = useMemo(() => resourceRows(gv), [gv]);
  const resourceKeys = useMemo(() => rRows.map(resourceKey), [rRows]);
  const resourcesList = resolveList(nav.lists.resources, { keys: resourceKeys, height: prev.lists.resources.height });
  const resourceRow = rRows[selectedIndex(resourcesList) ?? -1];
  const allowed = useAllowedVerbs(
    api,
    !view && nav.focus !== 'groups' && resourceRow?.kind === 'resource' ? resourceRow.resource : undefined,
    nav.namespace,
  );
  const pickerItems = useMemo(
    () => [ALL_NAMESPACES, ...(namespaces.state === 'ok' ? namespaces.value : [])],
    [namespaces],
  );
  const logEntries = useMemo(() => [...requests.entries].reverse(), [requests.entries]);
  const fieldRows = useMemo(
    () =>
      schema?.state === 'ok' && explain ? explainRows(schema.value.root, explain.expanded, schema.value.document) : [],
    [schema, explain],
  );
  const logKeys = useMemo(
    () => logEntries.map((e) => `#${e.event.id} ${e.event.method} ${e.event.path}`),
    [logEntries],
  );
  const fieldKeys = useMemo(() => fieldRows.map((r) => r.path), [fieldRows]);

  const loads = { discovery, detail: detailData, namespaces, schema, access: rulesMatrix };
  const request = viewRequest(requests.entries, viewRequestIds(nav, gv, loads));
  // The tour's step page: its lines decide whether it fits in a box under the panes.
  const tourStep = nav.tourStep === null ? undefined : TOUR[nav.tourStep];
  const probes = useMemo(() => (tourStep ? tourProbes(tourStep, api.connection.mode) : []), [tourStep, api]);
  const probeResults = useTourProbes(api, probes, nav.tourStep);
  // The step's own example (an anonymous or proxied curl), shown on its page and first in the command view.
  const tourExample = tourStep && tourStep.via !== 'connection' ? tourCurl(tourStep, api.connection) : undefined;
  const tourLinesOfPage = useMemo(
    () =>
      tourStep
        ? tourPageLines({
            step: tourStep,
            width: Math.max(20, columns || 80) - 4,
            probes,
            results: probeResults,
            note: tourProbeNote(tourStep, api.connection.mode),
            viewRequest: tourStep.target.kind.startsWith('object') ? request : undefined,
            // Covered panes: the view's answer on the page itself.
            viewBody: tourCovers(columns, rows) ? (tourAnswer(detailData) ?? null) : undefined,
            curl: tourExample ?? request?.curl,
          })
        : [],
    [tourStep, columns, rows, probes, probeResults, api, request, detailData, tourExample],
  );
  const placement = tourStep ? tourPlacement(columns, rows, tourLinesOfPage.length) : { cover: false, boxHeight: 0 };
  const tourLines = placement.boxHeight;
  const groupsContent = useMemo(() => Math.max(0, ...gRows.map((r) => r.label.length)), [gRows]);
  const resourcesContent = useMemo(() => resourcesNaturalWidth(rRows), [rRows]);
  const layout = computeLayout(columns, rows - tourLines, nav.focus, {
    insecure: api.connection.insecure,
    warnings: (api.connection.warnings ?? []).length > 0,
    detailFirst: nav.detail.stack.length > 0,
    groupsContent,
    resourcesContent,
    detailOnly: nav.detail.stack.length > 0 && nav.focus === 'detail' && !nav.sidePanes,
  });
  const detailBox = layout.panes.find((p) => p.pane === 'detail') ?? {
    pane: 'detail' as const,
    width: columns,
    height: 10,
  };
  const bodyHeight = layout.mode === 'wide' ? layout.panes[0].height : layout.panes.reduce((a, p) => a + p.height, 0);

  const yaml = useYamlPrinter(nav.detail.format === 'yaml');
  const content = useDetailContent({
    nav,
    discovery,
    groupRow,
    resourceRow,
    data: detailData,
    allowed,
    width: paneContentWidth(detailBox),
    yaml,
  });
  const query = nav.detail.text.search?.query;
  const matches = useMemo(() => matchingLines(content.text?.lines, query), [content.text, query]);
  const logList = resolveList(nav.lists.log, { keys: logKeys, height: prev.lists.log.height });
  // Over the request log, the command view shows the selected entry's commands.
  const loggedSelected = overlayOf(nav, 'log') ? logEntries[selectedIndex(logList) ?? -1] : undefined;
  const logWidth = layout.columns - 4;
  const logDetail = useMemo(
    () => (loggedSelected ? requestDetailLines(loggedSelected, logWidth) : []),
    [loggedSelected, logWidth],
  );
  const failures = discovery.state === 'ok' ? discovery.value.failures.length : 0;
  const commandOpen = !!overlayOf(nav, 'command');
  const commandTarget = loggedSelected?.event ?? request;
  const commandLines = useMemo(
    () =>
      commandOpen
        ? commandViewLines(
            commandTarget,
            layout.columns - 1,
            commandTarget?.setup ?? [],
            tourExample && tourStep
              ? {
                  note: `the tour's example (${tourStep.title})`,
                  command: tourExample,
                  setup: tourSetup(tourStep, api.connection),
                }
              : undefined,
          )
        : [],
    [commandOpen, commandTarget, layout.columns, tourExample, tourStep, api],
  );
  const frame = buildFrame({
    panes: layout.panes,
    bodyHeight,
    detailBox,
    detail: content.shape,
    keys: {
      groups: groupKeys,
      resources: resourceKeys,
      objects: content.table?.keys ?? NO_KEYS,
      picker: pickerItems,
      contexts: contextItems,
      containers: containerKeys,
      log: logKeys,
      explain: fieldKeys,
      access: accessKeys,
    },
    groupsChrome:
      (discovery.state === 'loading' ? 1 : 0) +
      (failures && (layout.panes.find((p) => p.pane === 'groups')?.height ?? 0) > 6 ? 1 : 0),
    pickerChrome: namespaces.state === 'ok' ? 0 : 1,
    text: {
      lines: content.text?.lines.length ?? 0,
      longest: content.longest,
      dropped: droppedLines(content),
      cursorLine: content.cursorLine,
      matches,
      wrapped: nav.detail.wrap ? content.text?.lines : undefined,
    },
    logBodyLines: Math.max(0, logDetail.length - 1),
    commandViewLines: commandLines.length,
    columns: layout.columns,
    tourPage: {
      lines: tourLinesOfPage.length,
      height: tourPageRoom(placement.cover ? bodyHeight : tourLines),
      cover: placement.cover,
    },
  });
  // Actions from now on apply to what this render shows.
  useLayoutEffect(() => store.setFrame(frame));
  const list = (id: ListId) => listIn(nav, frame, id);
  const textPosition = resolveText(nav, frame.text);
  const body = detailBody(content, textPosition, list('objects'), matches);
  const { source, table, object } = content;
  const objectValue = view?.kind === 'object' && source.kind === 'value' ? source.value : undefined;
  const related = useMemo(
    () => (objectValue && discovery.state === 'ok' ? relatedOf(objectValue, discovery.value.groups) : undefined),
    [objectValue, discovery],
  );

  // `e` on a field: once the schema is there, the tree opens down to it.
  const reveal = revealFieldAction(explain?.field, schema);
  useEffect(() => {
    if (reveal) store.dispatch(reveal);
  }, [reveal, store]);

  const onEffect = (e: SideEffect) => {
    if (e.type === 'quit') {
      exit();
      onExit?.();
      return;
    }
    if (e.type === 'switchContext') {
      store.dispatch(
        e.text !== undefined ? { type: 'commandDone', text: e.text, then: [] } : { type: 'closeContexts' },
      );
      void onSwitchContext?.(e.name);
      return;
    }
    const target = loggedSelected?.event ?? request;
    if (!target) return;
    if (e.type === 'copyKubectl') clipboard.copy(target.kubectl, 'kubectl command');
    else clipboard.copy(target.curl, 'curl command');
  };
  const waitingFor =
    detailData.state === 'loading' || (detailData.state === 'table' && !detailData.table.done)
      ? 'detail'
      : !view && discovery.state === 'loading'
        ? 'discovery'
        : undefined;
  const keyRows: KeyRows = {
    groupRows: gRows,
    resourceRows: rRows,
    objectIdAt: table?.idAt ?? noObjectId,
    pickerItems,
    loading: waitingFor,
    tourLength: TOUR.length,
    explainRows: fieldRows.map((r) => ({ path: r.path, expandable: r.expandable })),
    object,
    groups: discovery.state === 'ok' ? discovery.value.groups : NO_GROUPS,
    contexts: contextSource ? (contexts ?? 'loading') : undefined,
    contextItems,
    logContainer,
    related,
    timeline: detailData.state === 'watch' ? detailData.timeline : undefined,
  };
  useKeys(keyRows, store, onEffect);
  const prompt = nav.command
    ? {
        text: nav.command.text,
        error: nav.command.error,
        completions: completions(keyRows.groups, nav.command.text).slice(0, 12),
      }
    : nav.selector !== null
      ? { text: nav.selector, completions: [], label: '-l ', help: SELECTOR_HELP }
      : undefined;

  const firstId = table?.idAt(0);
  const firstObject = useMemo<NavAction | undefined>(
    () =>
      view?.kind === 'objects' && firstId
        ? {
            type: 'openObject',
            ref: view.ref,
            namespace: view.ref.namespaced ? (firstId.namespace ?? nav.namespace) : undefined,
            name: firstId.name,
          }
        : undefined,
    [view, firstId, nav.namespace],
  );
  useTourDriver(nav.tourStep, discovery.state === 'ok' ? discovery.value : undefined, firstObject, store.dispatch);

  const panes = layout.panes.map((box) => {
    const focused = nav.focus === box.pane;
    if (box.pane === 'groups') {
      return (
        <GroupsPane
          key="groups"
          rows={gRows}
          list={list('groups')}
          loading={discovery.state === 'loading'}
          failures={failures}
          cached={discovery.state === 'ok' && !!discovery.value.fromCache}
          offline={discovery.state === 'ok' && !!discovery.stale}
          focused={focused}
          filtering={nav.filtering === 'groups'}
          width={box.width}
          height={box.height}
        />
      );
    }
    if (box.pane === 'resources') {
      return (
        <ResourcesPane
          key="resources"
          title={gv ? `Resources ${gv.groupVersion}` : 'Resources'}
          rows={rRows}
          list={list('resources')}
          emptyText={gv?.error ? '(discovery failed)' : undefined}
          focused={focused}
          filtering={nav.filtering === 'resources'}
          width={box.width}
          height={box.height}
        />
      );
    }
    const fmt = body.kind === 'text' && body.syntax !== 'none' ? ` [${nav.detail.format.toUpperCase()}]` : '';
    return (
      <DetailPane
        key="detail"
        title={`Detail: ${source.title}${fmt}`}
        body={body}
        focused={focused}
        filtering={nav.filtering === 'objects'}
        width={box.width}
        height={box.height}
      />
    );
  });

  let cover: React.ReactNode = null;
  const help = overlayOf(nav, 'help');
  if (help) cover = <HelpOverlay width={layout.columns} height={bodyHeight} page={help.page} />;
  else if (overlay === 'command') {
    cover = (
      <CommandView
        of={loggedSelected ? `request #${loggedSelected.event.id}` : 'this view'}
        lines={commandLines}
        scroll={resolveCommandScroll(nav, frame)}
        width={layout.columns}
        height={bodyHeight}
      />
    );
  } else if (overlay === 'picker') {
    cover = (
      <NamespacePicker
        items={pickerItems}
        list={list('picker')}
        current={nav.namespace}
        loading={namespaces.state === 'loading'}
        error={namespaces.state === 'error' ? namespaces.error : undefined}
        filtering={nav.filtering === 'picker'}
        width={layout.columns}
        height={bodyHeight}
      />
    );
  } else if (overlay === 'contexts') {
    cover = (
      <ContextPicker
        items={contexts && contextItems}
        current={contexts?.current}
        list={list('contexts')}
        filtering={nav.filtering === 'contexts'}
        width={layout.columns}
        height={bodyHeight}
      />
    );
  } else if (overlay === 'containers' && logContainer && logView) {
    cover = (
      <ContainerPicker
        pod={logView.name}
        containers={logContainer.all}
        current={logContainer.first}
        list={list('containers')}
        filtering={nav.filtering === 'containers'}
        width={layout.columns}
        height={bodyHeight}
      />
    );
  } else if (overlay === 'log') {
    cover = (
      <RequestLogPane
        entries={logEntries}
        list={list('log')}
        detail={logDetail}
        scroll={resolveLogScroll(nav, frame)}
        bodyFocused={logBodyFocused(nav)}
        filtering={nav.filtering === 'log'}
        width={layout.columns}
        height={bodyHeight}
      />
    );
  } else if (overlay === 'access' && rules) {
    cover = (
      <AccessPane
        view={rules}
        user={identity?.username || undefined}
        list={list('access')}
        filtering={nav.filtering === 'access'}
        width={layout.columns}
        height={bodyHeight}
      />
    );
  } else if (explain && schema) {
    cover = (
      <ExplainPane
        title={`Explain ${explain.target.kind}`}
        schema={schema}
        rows={fieldRows}
        list={list('explain')}
        filtering={nav.filtering === 'explain'}
        width={layout.columns}
        height={bodyHeight}
      />
    );
  }

  let tourBox: React.ReactNode = null;
  if (tourStep) {
    const page = (height: number) => (
      <TourBox
        step={tourStep}
        index={nav.tourStep ?? 0}
        total={TOUR.length}
        lines={tourLinesOfPage}
        scroll={resolveTourScroll(nav, frame.tourPage)}
        width={layout.columns}
        height={height}
      />
    );
    // On a small terminal the page takes the panes' place (an overlay the learner opened stays on top).
    if (placement.cover) cover ??= page(bodyHeight);
    else tourBox = page(tourLines);
  }

  return (
    <ColorContext.Provider value={color}>
      <Box flexDirection="column" width={layout.columns} height={layout.height + tourLines} overflowY="hidden">
        <Header
          connection={api.connection}
          identity={identity}
          serverVersion={serverVersion}
          version={version}
          namespace={nav.namespace}
          width={layout.columns}
          lines={layout.headerLines}
        />
        {layout.tabsLine ? (
          layout.mode === 'wide' ? (
            <Tabs
              focus={nav.focus}
              group={groupRow?.kind === 'gv' ? groupVersionName(groupRow.gv) : groupRow?.path}
              resource={resourceRow?.resource.name}
            />
          ) : (
            <Tabs focus={nav.focus} />
          )
        ) : null}
        <Box flexDirection={layout.mode === 'wide' ? 'row' : 'column'} height={bodyHeight} overflowY="hidden">
          {cover ?? panes}
        </Box>
        {tourBox}
        <Footer
          hints={clipboard.message ?? footerHints({ ...keyRows, nav, frame })}
          prompt={prompt}
          request={request}
          width={layout.columns}
          lines={layout.footerLines}
        />
      </Box>
    </ColorContext.Provider>
  );
}

/** Narrow layout: which panes exist and which one is shown (reachable with ←/→/Tab); beside a
 *  table taking the whole width, also what is selected in the hidden ones (a breadcrumb). */
function Tabs({ focus, group, resource }: { focus: string; group?: string; resource?: string }) {
  const color = useColor();
  const names = [
    ['groups', 'Groups', group],
    ['resources', 'Resources', resource],
    ['detail', 'Detail', undefined],
  ] as const;
  return (
    <Text wrap="truncate-end">
      {names.map(([id, label, selected]) => {
        const text = selected ? `${label}: ${selected}` : label;
        return (
          <Text key={id} bold={color && id === focus} inverse={color && id === focus}>
            {id === focus ? `▶[${text}] ` : ` ${text}  `}
          </Text>
        );
      })}
    </Text>
  );
}

/** After the first frames: the YAML parser (which reading them needs) loads after the first frame. */
const CONTEXTS_DELAY_MS = 300;

/** The kubeconfig's contexts, read once, soon after start (so `:ctx` has them at once). */
function useContexts(source: ContextSwitcher | undefined): KubeContexts | undefined {
  const [contexts, setContexts] = useState<KubeContexts>();
  useAbortableLoad(
    {
      start:
        source &&
        (async (signal) => {
          await abortableWait(CONTEXTS_DELAY_MS, signal);
          return source.list();
        }),
      done: setContexts,
      failed: () => setContexts({ names: [] }),
    },
    [source],
  );
  return contexts;
}

/** Context names with the current one first (the pick list opens on it). */
function currentFirst(contexts: KubeContexts | undefined): string[] {
  const names = contexts?.names ?? [];
  const current = contexts?.current;
  return current && names.includes(current) ? [current, ...names.filter((n) => n !== current)] : names;
}

const NO_MATCHES: readonly number[] = [];

/** Lines of the detail text that have the searched text (once per text and query). */
function matchingLines(lines: TextLines | undefined, query: string | undefined): readonly number[] {
  if (!lines || !query) return NO_MATCHES;
  const has = searchMatcher(query);
  const out: number[] = [];
  for (let i = 0; i < lines.length; i++) if (has(lines.at(i)!)) out.push(i);
  return out;
}
