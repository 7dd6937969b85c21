// Hooks behind learning mode: who am I, what may I do with the selected resource, a kind's schema
// from OpenAPI v3, and copying to the clipboard with OSC 52.
import { useEffect, useRef, useState } from 'react';
import { useStdout } from 'ink';
import type { KubeApi } from '../client/types.js';
import { type Identity, allowedVerbs, whoAmI } from '../client/identity.js';
import type { DiscoveredResource } from '../model/types.js';
import type { ExplainTarget, NavAction, NavState } from '../model/navigation.js';
import { type FieldNode, buildFieldTree, explainPath } from '../model/explain.js';
import { explainRows } from '../model/explain-rows.js';
import { osc52, insideTmux } from '../model/osc52.js';
import { refOf } from '../model/tree.js';
import type { Loadable } from './data.js';
import { describeError } from './errors.js';
import { explainResponse } from './useDetail.js';

/** The client that can send review POSTs. The CLI may hand the App a stand-in that connects in the
 *  background (it has `whenReady()`); the reviews need the real client and its connection. */
async function reviewClient(api: KubeApi): Promise<KubeApi> {
  const deferred = api as KubeApi & { whenReady?: () => Promise<KubeApi> };
  return typeof deferred.whenReady === 'function' ? deferred.whenReady() : api;
}

/** The server's answer to "who am I" (SelfSubjectReview, with the identity module's fallbacks). */
export function useIdentity(api: KubeApi): Identity | undefined {
  const [identity, setIdentity] = useState<Identity>();
  useEffect(() => {
    const ac = new AbortController();
    reviewClient(api).then((client) => whoAmI(client, { signal: ac.signal }))
      .then((id) => { if (!ac.signal.aborted) setIdentity(id); }, () => {});
    return () => ac.abort();
  }, [api]);
  return identity;
}

/** How long the cursor must rest on a resource before access reviews are sent for it. */
const CAN_I_DELAY_MS = 250;

/** Which of the resource's verbs the user may use in `namespace`; undefined while unknown (or when
 *  the server refuses the reviews, e.g. for system:anonymous). */
export function useAllowedVerbs(api: KubeApi, resource: DiscoveredResource | undefined, namespace: string | undefined): Record<string, boolean> | undefined {
  const [allowed, setAllowed] = useState<{ key: string; verbs: Record<string, boolean> }>();
  const key = resource ? `${resource.group}/${resource.version}/${resource.name} ${namespace ?? ''}` : '';
  useEffect(() => {
    if (!resource) return;
    const ac = new AbortController();
    const t = setTimeout(() => {
      reviewClient(api).then((client) => allowedVerbs(client, refOf(resource), namespace, resource.verbs, { signal: ac.signal }))
        .then((verbs) => { if (!ac.signal.aborted) setAllowed({ key, verbs }); }, () => {});
    }, CAN_I_DELAY_MS);
    return () => { clearTimeout(t); ac.abort(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  return allowed?.key === key ? allowed.verbs : undefined;
}

export interface Schema { root: FieldNode; document: unknown; path: string }

/** One object: the App derives lists from the schema and must not see a new one every render. */
const LOADING: Loadable<Schema> = { state: 'loading' };

/** OpenAPI v3 documents by URL, per API: a schema opened twice is fetched once. */
const documents = new WeakMap<KubeApi, Map<string, unknown>>();

async function fetchJson(api: KubeApi, path: string, signal: AbortSignal): Promise<unknown> {
  const r = await api.getRaw(path, { signal });
  if (r.status >= 400) throw Object.assign(new Error(explainResponse(r).detail), explainResponse(r));
  // kube-apiserver serves the /openapi/v3 index as text/plain (http.ServeContent sniffs it), so
  // the client leaves it unparsed: it is JSON all the same.
  return r.json ?? (r.body ? JSON.parse(r.body) : undefined);
}

/** The schema of a kind: GET /openapi/v3 for the group-version's URL (with its hash), then that
 *  document, then the field tree. */
export function useSchema(api: KubeApi, target: ExplainTarget | null): Loadable<Schema> | undefined {
  const [schema, setSchema] = useState<{ key: string; value: Loadable<Schema> }>();
  const key = target ? JSON.stringify(target) : '';
  const loaded = useRef(schema);
  loaded.current = schema;
  useEffect(() => {
    if (!target) return;
    // Reopened for the kind it shows: keep it (no loading flash; a pending field reveal has used it).
    if (loaded.current?.key === key && loaded.current.value.state === 'ok') return;
    const ac = new AbortController();
    const set = (value: Loadable<Schema>) => { if (!ac.signal.aborted) setSchema({ key, value }); };
    set(LOADING);
    const { group, version } = target.ref;
    const gvKey = group ? `apis/${group}/${version}` : `api/${version}`;
    void (async () => {
      try {
        const index = await fetchJson(api, '/openapi/v3', ac.signal) as { paths?: Record<string, { serverRelativeURL?: string }> };
        const url = index?.paths?.[gvKey]?.serverRelativeURL ?? `/openapi/v3/${gvKey}`;
        const cache = documents.get(api) ?? new Map<string, unknown>();
        documents.set(api, cache);
        const document = cache.get(url) ?? await fetchJson(api, url, ac.signal);
        cache.set(url, document);
        const root = buildFieldTree(document, { group, version, kind: target.kind });
        if (!root) set({ state: 'error', error: { title: `No schema for ${target.kind}`, detail: `${url} has no schema for ${target.kind} (${group || 'core'}/${version}).`, hint: 'custom resources without a structural schema have none' } });
        else set({ state: 'ok', value: { root, document, path: url } });
      } catch (err) {
        set({ state: 'error', error: describeError(err) });
      }
    })();
    return () => ac.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  if (!target) return undefined;
  return schema?.key === key ? schema.value : LOADING;
}

/** `e` on a field of an object, once the schema is there: the action that opens the tree down to
 *  the field's schema node (array indices and map keys skipped; the nearest field when the object
 *  has more than the schema knows) and puts the cursor on it. */
export function revealFieldAction(nav: NavState, schema: Loadable<Schema> | undefined): NavAction | undefined {
  if (!nav.explain || !nav.explainField || schema?.state !== 'ok') return undefined;
  const { root, document } = schema.value;
  const path = explainPath(root, nav.explainField, { nearest: true, document })?.path ?? [];
  const expanded = path.slice(0, -1).map((_, i) => path.slice(0, i + 1).join('.'));
  const keys = explainRows(root, expanded, document).map((r) => r.path);
  return { type: 'revealField', expanded, keys, key: path.join('.') };
}

/** Copy text to the clipboard of the terminal (OSC 52, wrapped for tmux when inside it), with a
 *  short-lived confirmation message. */
export function useClipboard(env: NodeJS.ProcessEnv = process.env): { copy: (text: string, what: string) => void; message?: string } {
  const { write } = useStdout();
  const [message, setMessage] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = (text: string, what: string) => {
    write(osc52(text, { tmux: insideTmux(env) }));
    setMessage(`copied ${what} (OSC 52)`);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(undefined), 3000);
  };
  return { copy, message };
}
