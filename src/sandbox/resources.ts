// Resource requests: list (plain or Table, paginated), get, watch, pods/log.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findResource } from './catalog.js';
import type { ObjectStore } from './objects.js';
import type { ResourceRequestInfo } from './request-info.js';
import { sendJson, sendStatus, sendText } from './respond.js';
import { toTable } from './tables.js';
import { matchesLabels, parseLabelSelector } from './label-selector.js';
import { matchesFields, parseFieldSelector } from './field-selector.js';

const GENERIC_NOT_FOUND = 'the server could not find the requested resource';

export function handleResourceRequest(
  store: ObjectStore,
  info: ResourceRequestInfo,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): void {
  const found = findResource(info.group, info.version, info.resource);
  if (!found) return sendStatus(res, 404, 'NotFound', GENERIC_NOT_FOUND, {});
  const def = found.resource;
  if (info.namespace !== undefined && !def.namespaced) return sendStatus(res, 404, 'NotFound', GENERIC_NOT_FOUND, {});
  if (info.subresource && !(def.subresources ?? []).some((s) => s.name === info.subresource)) {
    return sendStatus(res, 404, 'NotFound', GENERIC_NOT_FOUND, {});
  }
  if (!['get', 'list', 'watch'].includes(info.verb)) {
    return sendStatus(
      res,
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
      {},
    );
  }

  const qualified = info.group ? `${info.resource}.${info.group}` : info.resource;
  if (info.name !== undefined) {
    const obj = store.get(info.group, info.version, info.resource, info.namespace, info.name);
    if (!obj) {
      return sendStatus(res, 404, 'NotFound', `${qualified} "${info.name}" not found`, {
        name: info.name,
        ...(info.group ? { group: info.group } : {}),
        kind: info.resource,
      });
    }
    if (info.subresource === 'log' && info.resource === 'pods') return sendPodLog(store, obj, query, req, res);
    if (info.subresource && info.subresource !== 'status') {
      return sendStatus(
        res,
        405,
        'MethodNotAllowed',
        'the server does not allow this method on the requested resource',
        {},
      );
    }
    return sendJson(res, 200, obj);
  }

  const selector = parseLabelSelector(query.get('labelSelector') ?? '');
  if ('error' in selector) return sendStatus(res, 400, 'BadRequest', selector.error);
  const fields = parseFieldSelector(query.get('fieldSelector') ?? '');
  if ('error' in fields) return sendStatus(res, 400, 'BadRequest', fields.error);
  const selected = (obj: any) =>
    matchesLabels(selector.requirements, obj?.metadata?.labels) && matchesFields(fields.requirements, obj);
  if (info.verb === 'watch') return startWatch(store, info, found.resource.kind, req, res, query, selected);
  return sendList(store, info, found.resource.kind, req, res, query, selected);
}

/** pods/log as kube-apiserver answers it: the container named by `container` (required when the
 *  pod has several), the last `tailLines` lines when asked; with `follow=true`, the response stays
 *  open (chunked) and carries each line the container prints until the client closes it. */
function sendPodLog(
  store: ObjectStore,
  pod: any,
  query: URLSearchParams,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const name: string = pod.metadata.name;
  const containers: string[] = (pod.spec?.containers ?? []).map((c: { name: string }) => c.name);
  const container = query.get('container');
  if (container !== null && !containers.includes(container)) {
    return sendStatus(res, 400, 'BadRequest', `container ${container} is not valid for pod ${name}`, {});
  }
  if (container === null && containers.length > 1) {
    return sendStatus(
      res,
      400,
      'BadRequest',
      `a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]`,
      {},
    );
  }
  // --previous: the last terminated instance's log, which only a restarted container has; the
  // kubelet's words otherwise.
  if (isTrue(query.get('previous'))) {
    const shown = container ?? containers[0];
    const status = (pod.status?.containerStatuses ?? []).find((c: { name: string }) => c.name === shown);
    if (!status?.lastState?.terminated) {
      return sendStatus(
        res,
        400,
        'BadRequest',
        `previous terminated container "${shown}" in pod "${name}" not found`,
        {},
      );
    }
    return sendText(res, 200, previousLog(pod, status.lastState.terminated));
  }
  let text = store.podLog(pod.metadata.namespace ?? '', name) ?? '';
  const tail = Number(query.get('tailLines'));
  if (query.has('tailLines') && Number.isInteger(tail) && tail >= 0) {
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    const kept = tail === 0 ? [] : lines.slice(-tail);
    text = kept.length ? `${kept.join('\n')}\n` : '';
  }
  if (!isTrue(query.get('follow'))) return sendText(res, 200, text);
  res.writeHead(200, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Transfer-Encoding': 'chunked',
  });
  // The headers go out at once (the client's timeout covers only them), the lines as printed.
  res.flushHeaders();
  if (text) res.write(text);
  const unfollow = store.followLog(pod.metadata.namespace ?? '', name, (line) => res.write(`${line}\n`));
  res.on('close', unfollow);
  req.on('close', unfollow);
}

/** A boolean query parameter as Go's strconv.ParseBool reads it (what kube-apiserver uses). */
function isTrue(value: string | null): boolean {
  return value !== null && ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value);
}

interface ContinueToken {
  rv: string;
  start: number;
}

function encodeContinue(t: ContinueToken): string {
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodeContinue(s: string): ContinueToken | undefined {
  try {
    const t = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    if (typeof t.rv === 'string' && Number.isInteger(t.start) && t.start >= 0) return t;
  } catch {
    /* fall through */
  }
  return undefined;
}

function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  const first = accept.split(',')[0] ?? '';
  return /(^|;)\s*as=Table/.test(first) && /g=meta\.k8s\.io/.test(first);
}

function sendList(
  store: ObjectStore,
  info: ResourceRequestInfo,
  kind: string,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  selected: (obj: any) => boolean,
): void {
  // Not copied: only this page of it is (a big list is paged without copying all of it per page).
  const listed = store.listView(info.group, info.version, info.resource, info.namespace);
  const all = query.has('labelSelector') || query.has('fieldSelector') ? listed.filter(selected) : listed;
  const limitParam = query.get('limit');
  const limit = limitParam ? Number.parseInt(limitParam, 10) : 0;
  let start = 0;
  let rv = store.resourceVersion();
  const cont = query.get('continue');
  if (cont) {
    const token = decodeContinue(cont);
    if (!token) return sendStatus(res, 400, 'BadRequest', 'continue key is not valid: illegal base64 data', {});
    start = token.start;
    rv = token.rv; // every page of one list carries the same resourceVersion
  }
  const end = limit > 0 ? Math.min(all.length, start + limit) : all.length;
  const items = all.slice(start, end);
  const metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number } = { resourceVersion: rv };
  if (end < all.length) {
    metadata.continue = encodeContinue({ rv, start: end });
    metadata.remainingItemCount = all.length - end;
  }

  if (wantsTable(req.headers.accept)) {
    const include = (query.get('includeObject') ?? 'Metadata') as 'None' | 'Metadata' | 'Object';
    if (!['None', 'Metadata', 'Object'].includes(include)) {
      return sendStatus(res, 400, 'BadRequest', `unrecognized includeObject value: "${include}"`);
    }
    return sendJson(res, 200, toTable(info.group, info.resource, items, metadata, include));
  }
  const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
  sendJson(res, 200, { kind: `${kind}List`, apiVersion, metadata, items });
}

/** An event as a watch with a label selector sees it (the cacher's rule): an object that starts
 *  matching is ADDED, one that stops matching is DELETED, one that never matched is not sent. */
export function selectedType(
  ev: { type: string; object: any; previous?: any },
  selected: (obj: any) => boolean,
): string | undefined {
  if (ev.type === 'BOOKMARK' || ev.type === 'ERROR') return ev.type;
  const now = selected(ev.object);
  if (ev.type !== 'MODIFIED' || !ev.previous) return now ? ev.type : undefined;
  const before = selected(ev.previous);
  return now && before ? 'MODIFIED' : now ? 'ADDED' : before ? 'DELETED' : undefined;
}

function startWatch(
  store: ObjectStore,
  info: ResourceRequestInfo,
  kind: string,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  selected: (obj: any) => boolean,
): void {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache, private',
  });
  // Headers at once, as kube-apiserver sends them: a quiet watch is open (200), not pending.
  res.flushHeaders();
  // `kubectl get -w` asks for Table: each event then carries a one-row Table (column definitions
  // only in the first), so a client can patch its table without listing again.
  const asTable = wantsTable(req.headers.accept);
  let first = true;
  const write = (ev: { type: string; object: any; previous?: any }) => {
    let object = ev.object;
    const type = selectedType(ev, selected);
    if (!type) return;
    if (asTable && ev.type !== 'BOOKMARK' && ev.type !== 'ERROR') {
      const rv = String(object?.metadata?.resourceVersion ?? store.resourceVersion());
      object = toTable(info.group, info.resource, [object], { resourceVersion: rv }, 'Metadata') as {
        columnDefinitions?: unknown;
      };
      if (!first) object.columnDefinitions = [];
      first = false;
    }
    res.write(JSON.stringify({ type, object }) + '\n');
  };
  const rv = query.get('resourceVersion');
  // Unset or "0": synthetic ADDED events for what exists, then changes (§6 of the wire notes).
  if (!rv || rv === '0') {
    for (const object of store.list(info.group, info.version, info.resource, info.namespace))
      write({ type: 'ADDED', object });
  }
  // A version older than the kept history: the watch is accepted (200), then one ERROR event says
  // 410 Expired and the stream ends, as kube-apiserver's watch cache answers it; the client lists again.
  const since = rv && rv !== '0' && /^\d+$/.test(rv) ? Number(rv) : undefined;
  const oldest = store.oldestWatchableResourceVersion();
  if (since !== undefined && since < oldest) {
    const message = `too old resource version: ${since} (${oldest})`;
    const status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Expired' };
    write({ type: 'ERROR', object: { ...status, code: 410 } });
    res.end();
    return;
  }
  const unsubscribe = store.watch(info.group, info.version, info.resource, info.namespace, write, since);
  // allowWatchBookmarks=true: now and then a BOOKMARK, an object with only kind, apiVersion and
  // metadata.resourceVersion (the version the server has reached; a client resumes from it).
  const apiVersion = info.group ? `${info.group}/${info.version}` : info.version;
  const bookmarks = isTrue(query.get('allowWatchBookmarks'))
    ? setInterval(() => {
        const object = { kind, apiVersion, metadata: { resourceVersion: store.resourceVersion() } };
        write({ type: 'BOOKMARK', object });
      }, store.bookmarkIntervalMs)
    : undefined;
  const timeoutSeconds = Number.parseInt(query.get('timeoutSeconds') ?? '', 10);
  const timer =
    Number.isFinite(timeoutSeconds) && timeoutSeconds > 0
      ? setTimeout(() => res.end(), timeoutSeconds * 1000)
      : undefined;
  const cleanup = () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    if (bookmarks) clearInterval(bookmarks);
  };
  res.on('close', cleanup);
  req.on('close', cleanup);
}

/** What the previous instance printed before it stopped (its start, its failure). */
function previousLog(
  pod: any,
  terminated: { startedAt?: string; finishedAt?: string; exitCode?: number; reason?: string },
): string {
  const image = pod.spec?.containers?.[0]?.image ?? 'the container';
  return [
    `${terminated.startedAt ?? ''} starting ${image}`,
    `${terminated.finishedAt ?? ''} fatal: exiting with code ${terminated.exitCode ?? 1} (${terminated.reason ?? 'Error'})`,
    '',
  ].join('\n');
}
