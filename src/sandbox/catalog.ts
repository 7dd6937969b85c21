// The one table of API groups the sandbox serves. Discovery (both formats), OpenAPI and the object
// store are all generated from CATALOG, so they can never disagree about what exists.
import { CATALOG_DATA } from './catalog-data.js';

export interface SubresourceDef {
  name: string;
  kind: string;
  /** Only set when the subresource's kind lives in another group/version (e.g. scale → autoscaling/v1). */
  group?: string;
  version?: string;
  verbs: string[];
}

export interface ResourceDef {
  name: string;
  singularName: string;
  kind: string;
  namespaced: boolean;
  /** In the order the server reports them (sorted for built-ins, the CRD order for custom resources). */
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources?: SubresourceDef[];
}

export interface VersionDef {
  version: string;
  resources: ResourceDef[];
}

export interface GroupDef {
  /** '' = the core (legacy) group served under /api. */
  name: string;
  /** Preferred version first. */
  versions: VersionDef[];
  /**
   * Where the group comes from on a real cluster; absent = built into kube-apiserver. CRD groups
   * report responseKind group/version explicitly in aggregated discovery, built-ins leave them empty.
   */
  source?: 'crd' | 'aggregated';
}

/** Kubernetes 1.33 default-enabled groups in kube-apiserver priority order (core first), then a CRD
 *  group and an aggregated API server group, as `kubectl get --raw /apis` would list them. */
export const CATALOG: GroupDef[] = CATALOG_DATA;

let index: Map<string, { group: GroupDef; version: VersionDef; resource: ResourceDef }> | undefined;

/** Looks up a top-level resource (plural name, e.g. 'pods', not 'pods/log'). Group '' is core. */
export function findResource(
  group: string,
  version: string,
  resource: string,
): { group: GroupDef; version: VersionDef; resource: ResourceDef } | undefined {
  if (!index) {
    index = new Map();
    for (const g of CATALOG)
      for (const v of g.versions)
        for (const r of v.resources)
          index.set(`${g.name}/${v.version}/${r.name}`, { group: g, version: v, resource: r });
  }
  return index.get(`${group}/${version}/${resource}`);
}

/** 'v1' for core, 'apps/v1' otherwise: the groupVersion string used on the wire. */
export function groupVersion(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}
