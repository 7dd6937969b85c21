// Hooks behind learning mode: who am I, what may I do with the selected resource, a kind's schema
// from OpenAPI v3, and copying to the clipboard with OSC 52.
import { useEffect, useRef, useState } from 'react';
import { useStdout } from 'ink';
import type { KubeApi } from '../client/types.js';
import type { Identity } from '../client/identity.js';
import type { DiscoveredResource } from '../model/types.js';
import type { NavAction } from '../model/navigation.js';
import type { ExplainTarget, FieldPath } from '../model/nav-state.js';
import { explainPath } from '../model/explain.js';
import { explainRows } from '../model/explain-rows.js';
import { refOf } from '../model/tree.js';
import type { Loadable } from '../model/loadable.js';
import { loadAllowedVerbs, loadIdentity } from '../session/access.js';
import { type Schema, loadSchema } from '../session/openapi.js';
import { abortableWait, useAbortableLoad } from './useAbortableLoad.js';
import { copyToClipboard } from './clipboard.js';

/** The server's answer to "who am I" (SelfSubjectReview, with the identity module's fallbacks). */
export function useIdentity(api: KubeApi): Identity | undefined {
  const [identity, setIdentity] = useState<Identity>();
  useAbortableLoad({ start: (signal) => loadIdentity(api, signal), done: setIdentity }, [api]);
  return identity;
}

/** How long the cursor must rest on a resource before access reviews are sent for it. */
const CAN_I_DELAY_MS = 250;

/** Which of the resource's verbs the user may use in `namespace`; undefined while unknown (or when
 *  the server refuses the reviews, e.g. for system:anonymous). */
export function useAllowedVerbs(
  api: KubeApi,
  resource: DiscoveredResource | undefined,
  namespace: string | undefined,
): Record<string, boolean> | undefined {
  const [allowed, setAllowed] = useState<{ key: string; verbs: Record<string, boolean> }>();
  const key = resource ? `${resource.group}/${resource.version}/${resource.name} ${namespace ?? ''}` : '';
  useAbortableLoad(
    {
      start: resource
        ? async (signal) => {
            await abortableWait(CAN_I_DELAY_MS, signal);
            return loadAllowedVerbs(api, refOf(resource), namespace, resource.verbs, signal);
          }
        : undefined,
      done: (verbs) => setAllowed({ key, verbs }),
    },
    [api, key],
  );
  return allowed?.key === key ? allowed.verbs : undefined;
}

/** One object: the App derives lists from the schema and must not see a new one every render. */
const LOADING: Loadable<Schema> = { state: 'loading' };

/** The schema of a kind (session/openapi.ts), loaded when `e` opens it. */
export function useSchema(api: KubeApi, target: ExplainTarget | null): Loadable<Schema> | undefined {
  const [schema, setSchema] = useState<{ key: string; value: Loadable<Schema> }>();
  const key = target ? JSON.stringify(target) : '';
  const loaded = useRef(schema);
  loaded.current = schema;
  // Reopened for the kind it shows: keep it (no loading flash; a pending field reveal has used it).
  const keep = loaded.current?.key === key && loaded.current.value.state === 'ok';
  useEffect(() => {
    if (target && !keep) setSchema({ key, value: LOADING });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key]);
  useAbortableLoad(
    {
      start: target && !keep ? (signal) => loadSchema(api, target, signal) : undefined,
      done: (value) => setSchema({ key, value }),
    },
    [api, key],
  );
  if (!target) return undefined;
  return schema?.key === key ? schema.value : LOADING;
}

/** `e` on a field of an object, once the schema is there: the action that opens the tree down to
 *  the field's schema node (array indices and map keys skipped; the nearest field when the object
 *  has more than the schema knows) and puts the cursor on it. */
export function revealFieldAction(
  field: FieldPath | null | undefined,
  schema: Loadable<Schema> | undefined,
): NavAction | undefined {
  if (!field || schema?.state !== 'ok') return undefined;
  const { root, document } = schema.value;
  const path = explainPath(root, field, { nearest: true, document })?.path ?? [];
  const expanded = path.slice(0, -1).map((_, i) => path.slice(0, i + 1).join('.'));
  const keys = explainRows(root, expanded, document).map((r) => r.path);
  return { type: 'revealField', expanded, keys, key: path.join('.') };
}

/** Copy text to the clipboard of the terminal (OSC 52; inside tmux also wrapped for passthrough and
 *  put in tmux's buffer), with a short-lived message saying where it went. */
export function useClipboard(env: NodeJS.ProcessEnv = process.env): {
  copy: (text: string, what: string) => void;
  message?: string;
} {
  const { write } = useStdout();
  const [message, setMessage] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const show = (text: string) => {
    setMessage(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(undefined), 3000);
  };
  const copy = (text: string, what: string) => {
    // Inside tmux its buffer is filled by a short-lived `tmux load-buffer`: the message follows.
    void copyToClipboard(text, what, { write, env }).then(show);
  };
  return { copy, message };
}
