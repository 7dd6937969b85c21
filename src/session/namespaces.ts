// The namespaces the picker offers: one list of namespaces, as a Table where the server has them.
import type { KubeApi } from '../client/types.js';
import type { ResourceRef } from '../model/types.js';

const NAMESPACES: ResourceRef = { group: '', version: 'v1', resource: 'namespaces', namespaced: false };

/** Namespace names, sorted, and the list's request id. Throws like the client. */
export async function listNamespaces(
  api: KubeApi,
  signal: AbortSignal,
): Promise<{ names: string[]; requestId: number }> {
  const page = await api.list(NAMESPACES, { table: true, signal });
  const names =
    page.format === 'table'
      ? page.rows.map((r) => r.object?.metadata?.name ?? String(r.cells[0]))
      : page.items.map((i) => String((i as { metadata?: { name?: string } }).metadata?.name ?? ''));
  return { names: names.filter(Boolean).sort(), requestId: page.requestId };
}
