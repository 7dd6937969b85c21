// What the detail pane shows, derived (purely) from navigation state and loaded data.
import type { DiscoveredGroupVersion, Discovery, ResourceRef } from '../model/types.js';
import { type NavState, activeOverlay, topView } from '../model/nav-state.js';
import { type GroupRow, type ResourceRow, refOf } from '../model/tree.js';
import { formatGvr, gvPath, rootPath } from '../model/paths.js';
import { hideManagedFields, isSecret, maskSecret } from '../model/secrets.js';
import { type YamlPrinter, jsonLineIndex, yamlLineIndex } from '../model/highlight.js';
import { type TextLines, textLineIndex } from '../model/text-lines.js';
import { isLargeForYaml } from '../model/yaml-emit.js';
import { yamlPrintingLine } from './useSlicedYaml.js';
import { rawDiscovery } from '../model/raw-discovery.js';
import { EMPTY_LOG, TAIL_LINES, followNote, followedText, isPodRef, logsTitle } from '../model/pod-logs.js';
import { keysFor } from '../model/keymap.js';
import type { DetailData, ExplainedError, Loadable, TableData } from '../model/loadable.js';
import { watchSource, watchTitle } from './watchContent.js';

export type DetailSource =
  | { kind: 'value'; title: string; value: unknown; object?: boolean; note?: string }
  /** `text`: a body, or its lines already split (a followed log, whose `dropped` oldest lines are gone);
   *  `header`: paragraphs above the text that do not scroll (the watch timeline's lesson). */
  | { kind: 'text'; title: string; text: string | string[]; dropped?: number; note?: string; header?: string[] }
  | { kind: 'table'; title: string; table: TableData; allNamespaces: boolean; empty: string[] }
  | { kind: 'loading'; title: string; message: string; since?: number }
  | { kind: 'error'; title: string; error: ExplainedError; context?: string }
  | { kind: 'message'; title: string; text: string };

export interface SelectionInput {
  nav: NavState;
  discovery: Loadable<Discovery>;
  groupRow?: GroupRow;
  resourceRow?: ResourceRow;
  data: DetailData;
  /** can-i answers for the selected resource's verbs (undefined while unknown). */
  allowed?: Record<string, boolean>;
}

/** '✓get ✓list ✗delete' */
export function allowedText(verbs: string[], allowed: Record<string, boolean>): string {
  return verbs.map((v) => `${allowed[v] ? '✓' : '✗'}${v}`).join(' ');
}

export function detailSource({ nav, discovery, groupRow, resourceRow, data, allowed }: SelectionInput): DetailSource {
  const view = topView(nav);
  if (!view) {
    if (discovery.state === 'error')
      return {
        kind: 'error',
        title: 'Discovery failed',
        error: discovery.error,
        context: 'The API server could not be discovered. r retries.',
      };
    if (discovery.state === 'loading') return { kind: 'loading', title: 'Detail', message: 'discovering the API…' };
    if (discovery.stale && nav.focus === 'groups') {
      return {
        kind: 'error',
        title: 'Server not reachable',
        error: discovery.stale,
        context: 'The tree is the cached copy from an earlier run; the server did not answer now. r retries.',
      };
    }
    // `d`: the document the selected resource or group-version came from, as served.
    const shownGv =
      resourceRow && nav.focus !== 'groups'
        ? gvOf(discovery.value, resourceRow)
        : groupRow?.kind === 'gv'
          ? groupRow.gv
          : undefined;
    if (nav.discovery.raw && shownGv) {
      const raw = rawDiscovery(discovery.value, shownGv);
      return { kind: 'value', title: `${raw.path} as served (d: back)`, value: raw.value, note: raw.note };
    }
    if (nav.focus !== 'groups' && resourceRow) {
      const r = resourceRow.resource;
      if (resourceRow.kind === 'subresource') {
        const note = `subresource of ${r.name}: reached through an object of ${r.name}`;
        // pods/log has a view of its own: how to get there comes first (the note is one line).
        const logs =
          resourceRow.sub.name === 'log' && isPodRef(refOf(r))
            ? `open pods, select one, press ${keysFor('pod.logs')} for its logs  ·  `
            : '';
        return {
          kind: 'value',
          title: `${r.name}/${resourceRow.sub.name} (subresource)`,
          value: resourceRow.sub,
          note: logs + note,
        };
      }
      const canI = allowed
        ? `  can-i in ${r.namespaced ? (nav.namespace ?? 'all namespaces') : 'cluster'}: ${allowedText(r.verbs, allowed)}`
        : '';
      return {
        kind: 'value',
        title: `${formatGvr(refOf(r))} (discovery)`,
        value: r.raw,
        note: `${canI ? canI.trim() + '  ' : ''}Enter lists objects  d: as served  e: explain`,
      };
    }
    if (!groupRow) return { kind: 'message', title: 'Detail', text: 'Select a group.' };
    if (groupRow.kind === 'path') return { kind: 'message', title: groupRow.path, text: `Enter: GET ${groupRow.path}` };
    const gv = groupRow.gv;
    if (gv.error)
      return {
        kind: 'error',
        title: gv.groupVersion,
        error: groupFailure(gv.groupVersion, gv.error),
        context: gvPath(gv),
      };
    const raw = discovery.value.rawDocuments[gvPath(gv)];
    if (raw !== undefined)
      return { kind: 'value', title: `${gvPath(gv)} (${discovery.value.format} discovery)`, value: raw };
    return {
      kind: 'value',
      title: `${gv.groupVersion} (${discovery.value.format} discovery)`,
      value: {
        groupVersion: gv.groupVersion,
        preferred: gv.preferred,
        freshness: gv.freshness,
        resources: gv.resources.map((r) => r.name),
      },
    };
  }
  const selector =
    view.kind === 'objects'
      ? (view.labelSelector ? ` -l ${view.labelSelector}` : '') +
        (view.fieldSelector ? ` --field-selector ${view.fieldSelector}` : '')
      : '';
  const scope =
    view.kind === 'objects' && view.ref.namespaced ? (view.namespace ?? nav.namespace ?? 'all namespaces') : 'cluster';
  const title =
    view.kind === 'objects'
      ? `${formatGvr(view.ref)} in ${scope}${selector}`
      : view.kind === 'object'
        ? `${formatGvr(view.ref)} ${view.namespace ? view.namespace + '/' : ''}${view.name}`
        : view.kind === 'logs'
          ? logsTitle(
              view.name,
              data.state === 'response' ? data.container : undefined,
              data.state === 'response' && data.followed?.follow.state === 'following',
              view.previous,
            )
          : view.kind === 'path'
            ? `GET ${view.path}`
            : watchTitle(view);
  switch (data.state) {
    case 'idle':
    case 'loading':
      return {
        kind: 'loading',
        title,
        message: view.kind === 'objects' ? 'listing…' : 'loading…',
        since: data.state === 'loading' ? data.since : undefined,
      };
    case 'error':
      return { kind: 'error', title, error: data.error };
    case 'watch':
      return watchSource(view, title, data.timeline);
    case 'table': {
      const ref = view.kind === 'objects' ? view.ref : undefined;
      return {
        kind: 'table',
        title,
        table: data.table,
        allNamespaces: !!ref?.namespaced && nav.namespace === undefined,
        empty: emptyTableLines(ref, nav.namespace),
      };
    }
    case 'response': {
      const r = data.response;
      if (view.kind === 'logs') {
        // A log is text even when its lines look like JSON; an empty one still says why. Once a
        // followed stream has sent something, its lines replace the snapshot (they start with it).
        const f = data.followed;
        if (f && f.lines.bytes > 0)
          return {
            kind: 'text',
            title,
            text: followedText(f.lines),
            dropped: f.lines.dropped,
            note: followNote(f.follow, f.lines),
          };
        const note = f
          ? followNote(f.follow, f.lines)
          : `${r.status} ${r.contentType}  the last ${TAIL_LINES} lines at most  r: refresh  Esc: back`;
        return { kind: 'text', title, text: r.body.trim() ? r.body : EMPTY_LOG, note };
      }
      if (r.json !== undefined) return { kind: 'value', title, value: r.json, object: view.kind === 'object' };
      return { kind: 'text', title, text: r.body, note: `${r.status} ${r.contentType}` };
    }
  }
}

/** Shown for the moment between `y` and the YAML printer's arrival (it loads after the first frame). */
export const YAML_LOADING = '(loading the YAML printer…)';

export interface SourceLines {
  /** A line index over one printed string (a document), or lines as they came (a followed log). */
  lines: TextLines;
  syntax: 'json' | 'yaml' | 'none';
  secret: boolean;
  /** A value too large to print as YAML during a render: the caller prints it in slices. */
  sliceYaml?: unknown;
}

/** Lines of a value/text source, split once (memoised by the caller). */
export function sourceLines(
  src: DetailSource,
  format: 'json' | 'yaml',
  reveal: boolean,
  yaml: YamlPrinter | undefined,
): SourceLines {
  if (src.kind === 'text')
    return { lines: typeof src.text === 'string' ? textLineIndex(src.text) : src.text, syntax: 'none', secret: false };
  if (src.kind !== 'value') return { lines: [], syntax: 'none', secret: false };
  let value = src.object ? hideManagedFields(src.value) : src.value;
  const secret =
    isSecret(value) ||
    (typeof value === 'object' && value !== null && (value as { kind?: string }).kind === 'SecretList');
  if (!reveal) value = maskSecret(value);
  if (format === 'json') return { lines: jsonLineIndex(value), syntax: 'json', secret };
  // A large value is printed in slices after the render (useSlicedYaml), without the library.
  if (isLargeForYaml(value)) return { lines: [yamlPrintingLine(0)], syntax: 'none', secret, sliceYaml: value };
  return yaml
    ? { lines: yamlLineIndex(value, yaml), syntax: 'yaml', secret }
    : { lines: [YAML_LOADING], syntax: 'none', secret };
}

/** kubectl's wording for an empty list, and the way out when a namespace is the likely reason. */
export function emptyTableLines(ref: ResourceRef | undefined, namespace: string | undefined): string[] {
  if (!ref?.namespaced || namespace === undefined) return ['No resources found.'];
  return [`No resources found in ${namespace} namespace.`, 'press n to pick a namespace (try all namespaces)'];
}

/** "12 object(s), 1 page(s) · ● live, 3 change(s)"; while a lost list or watch waits to be tried
 *  again, the countdown to it at `now` ("reconnecting in 4s…"). */
export function tableNote(t: TableData, now: number): string {
  const r = t.reconnect;
  const live = r
    ? ` · ${r.reason}: reconnecting in ${Math.max(0, Math.ceil((r.at - now) / 1000))}s…`
    : t.live === 'watching'
      ? ` · ● live${t.changes ? `, ${t.changes} change(s)` : ''}`
      : t.live === 'connecting'
        ? ' · ○ starting the watch…'
        : t.live === 'stopped'
          ? ` · watch stopped: ${t.liveError ?? 'ended'}`
          : '';
  return `${t.rows.length} object(s), ${t.pages} page(s)${t.done ? '' : ', loading more…'}${live}  Enter: get  n: namespace`;
}

/** What the App has loaded, for finding the current view's request. */
export interface ViewLoads {
  discovery: Loadable<Discovery>;
  detail: DetailData;
  namespaces: Loadable<unknown>;
  schema: Loadable<unknown> | undefined;
  /** The rules matrix (`A`), while it is open. */
  access?: Loadable<unknown>;
}

const loadedId = (l: Loadable<unknown> | undefined) => (l && l.state !== 'loading' ? l.requestId : undefined);

/** Ids of the requests whose answers the current view shows (the footer shows the newest of them). */
export function viewRequestIds(nav: NavState, gv: DiscoveredGroupVersion | undefined, loads: ViewLoads): number[] {
  const ids = (...maybe: (number | undefined)[]) => maybe.filter((id): id is number => id !== undefined);
  const overlay = activeOverlay(nav);
  if (overlay === 'picker') return ids(loadedId(loads.namespaces));
  if (overlay === 'explain') return ids(loadedId(loads.schema));
  if (overlay === 'access') return ids(loadedId(loads.access));
  const view = topView(nav);
  if (!view) {
    const byPath = loads.discovery.state === 'ok' ? (loads.discovery.value.requestIds ?? {}) : {};
    return gv ? ids(byPath[gvPath(gv)], byPath[rootPath(gv)]) : ids(byPath['/api'], byPath['/apis']);
  }
  const d = loads.detail;
  if (d.state === 'error') return ids(d.requestId);
  if (d.state === 'table') return ids(d.table.requestId);
  // A followed log: the stream once it was sent, the log's GET before it.
  if (d.state === 'response') return ids(d.response.requestId, d.followed?.requestId);
  if (d.state === 'watch') return d.timeline.requestIds;
  return [];
}

function gvOf(d: Discovery, row: ResourceRow): DiscoveredGroupVersion | undefined {
  const r = row.resource;
  return d.groups.find((g) => g.name === r.group)?.versions.find((v) => v.version === r.version);
}

/** A group-version that could not be discovered while the rest could: almost always an aggregated
 *  API (metrics-server, a custom apiserver) whose backing service is down. */
function groupFailure(groupVersion: string, error: string): ExplainedError {
  return {
    title: `Discovery of ${groupVersion} failed; the other groups are fine`,
    detail: error,
    hint: `${groupVersion} is probably served by an aggregated API server that is unavailable: check \`kubectl get apiservices\` (look for Available=False) and the pods behind it; press r to retry.`,
  };
}
