// Every page of a list, following continue tokens, as a paging caller (the live table) reads them.
import type { KubeApi, ListOptions } from '../../src/client/types.js';
import type { ListPage, ResourceRef } from '../../src/model/types.js';

export async function listPages(
  api: KubeApi,
  ref: ResourceRef,
  opts: Omit<ListOptions, 'continueToken'>,
): Promise<ListPage[]> {
  const pages: ListPage[] = [];
  let continueToken: string | undefined;
  do {
    const page = await api.list(ref, { ...opts, continueToken });
    pages.push(page);
    continueToken = page.continueToken;
  } while (continueToken);
  return pages;
}
