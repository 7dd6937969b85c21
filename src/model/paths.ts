// URL paths of the Kubernetes API, built in one place (modelled on k9s's gvr.go). A group-version-
// resource is written `resource.version.group` ('deployments.v1.apps', 'pods.v1' for the core
// group); its URLs are '/api/v1/…' for the core group and '/apis/GROUP/VERSION/…' for the others.
// Every segment is percent-encoded the same way, so the URL that is sent and the URL shown or
// copied (curl, footer, request log) are the same string.

/** A group and version; group '' is the core group. */
export interface GroupVersion {
  group: string;
  version: string;
}

/** A group-version-resource: `resource` is the plural name used in URLs ('pods'). */
export interface Gvr extends GroupVersion {
  resource: string;
}

/** One path segment as sent: names from discovery or the user are not trusted to be URL-safe.
 *  A name '.' or '..' (the API server allows neither) would be resolved away by the URL parser even
 *  percent-encoded, sending another URL than the one shown: its dots are sent as the text '%2E'. */
function segment(s: string): string {
  if (s === '.' || s === '..') return s.replace(/\./g, '%252E');
  return encodeURIComponent(s);
}

/** 'deployments.v1.apps', 'pods.v1' (what kubectl calls the fully qualified resource). */
export function formatGvr({ group, version, resource }: Gvr): string {
  return group ? `${resource}.${version}.${group}` : `${resource}.${version}`;
}

/** 'v1' for the core group, 'apps/v1' otherwise (an object's apiVersion). */
export function formatGroupVersion({ group, version }: GroupVersion): string {
  return group ? `${group}/${version}` : version;
}

/** The inverse of formatGroupVersion: 'v1' → core, 'apps/v1' → apps. */
export function parseGroupVersion(groupVersion: string): GroupVersion {
  const slash = groupVersion.indexOf('/');
  if (slash < 0) return { group: '', version: groupVersion };
  return { group: groupVersion.slice(0, slash), version: groupVersion.slice(slash + 1) };
}

/** The discovery root a group belongs to: '/api' (core) or '/apis'. */
export function rootPath({ group }: Pick<GroupVersion, 'group'>): '/api' | '/apis' {
  return group ? '/apis' : '/api';
}

/** '/api/v1' or '/apis/apps/v1': the group-version's discovery document and the prefix of its resources. */
export function gvPath(gv: GroupVersion): string {
  return gv.group ? `/apis/${segment(gv.group)}/${segment(gv.version)}` : `/api/${segment(gv.version)}`;
}

/** A collection ('/api/v1/namespaces/default/pods'), one object (…/pods/web-1) or one of its
 *  subresources (…/pods/web-1/log). The namespace applies only to namespaced resources. */
export function resourcePath(
  ref: Gvr & { namespaced: boolean },
  namespace?: string,
  name?: string,
  subresource?: string,
): string {
  const ns = ref.namespaced && namespace ? `/namespaces/${segment(namespace)}` : '';
  const object = name !== undefined ? `/${segment(name)}${subresource ? `/${segment(subresource)}` : ''}` : '';
  return `${gvPath(ref)}${ns}/${segment(ref.resource)}${object}`;
}

/** 'api/v1' or 'apis/apps/v1': how the OpenAPI v3 index names a group-version's document. */
export function openapiV3Key(gv: GroupVersion): string {
  return gvPath(gv).slice(1);
}

/** '/openapi/v3/apis/apps/v1': a group-version's OpenAPI v3 document (without the index's hash). */
export function openapiV3Path(gv: GroupVersion): string {
  return `${OPENAPI_V3_INDEX}/${openapiV3Key(gv)}`;
}

/** The OpenAPI v3 index: the URL (with a content hash) of each group-version's document. */
export const OPENAPI_V3_INDEX = '/openapi/v3';

/** `path?query` with the parameters in the given order; undefined values are left out. */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** A path without its query string. */
export function pathOnly(path: string): string {
  const q = path.indexOf('?');
  return q < 0 ? path : path.slice(0, q);
}
