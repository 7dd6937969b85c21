// The pod logs view, without I/O: which pods it applies to, which container it reads, the URL of
// the log request and what the view says. The UI fetches; these decide.
import type { ResourceRef } from './types.js';
import { objectPath } from './tree.js';

/** Lines asked for (`tailLines`): enough to see what a pod is doing, small enough to stay fast. */
export const TAIL_LINES = 500;

export const POD_REF: ResourceRef = { group: '', version: 'v1', resource: 'pods', namespaced: true };

/** What a log without lines means: a Pending pod, or a container that printed nothing yet. */
export const EMPTY_LOG = '(no log lines: the container has not started or printed nothing)';

export function isPodRef(ref: ResourceRef): boolean {
  return ref.group === '' && ref.resource === 'pods';
}

/** The container whose log is read: the first of spec.containers, like kubectl without -c.
 *  `name` is undefined when the pod has one container (no `container=` needed then). */
export interface LogContainer { name?: string; first: string; count: number }

export function logContainer(pod: unknown): LogContainer {
  const containers = (pod as { spec?: { containers?: { name?: unknown }[] } } | undefined)?.spec?.containers;
  const names = Array.isArray(containers) ? containers.map((c) => c?.name).filter((n): n is string => typeof n === 'string') : [];
  const first = names[0] ?? '';
  // The API server refuses (400) a log request without `container` when there are several.
  return { name: names.length > 1 ? first : undefined, first, count: names.length };
}

/** GET path of the log: /api/v1/namespaces/NS/pods/NAME/log?tailLines=500[&container=C]. */
export function podLogPath(namespace: string, name: string, container?: string): string {
  const query = new URLSearchParams({ tailLines: String(TAIL_LINES) });
  if (container !== undefined) query.set('container', container);
  return `${podLogBasePath(namespace, name)}?${query.toString()}`;
}

/** The log path without its query (how the request log and the footer match requests to views). */
export function podLogBasePath(namespace: string, name: string): string {
  return `${objectPath(POD_REF, namespace, name)}/log`;
}

/** 'logs web-1 (container nginx, 1 of 2)'; just 'logs web-1' until the pod has been read. */
export function logsTitle(name: string, container?: LogContainer): string {
  if (!container?.first) return `logs ${name}`;
  return `logs ${name} (container ${container.first}${container.count > 1 ? `, 1 of ${container.count}` : ''})`;
}
