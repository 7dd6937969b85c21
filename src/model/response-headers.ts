// Response headers that teach: the few kube-apiserver sends that say something about the request
// (checked with curl -i against v1.34), each with one sentence on what it means. Only these are kept
// by the client (LOGGED_HEADERS in src/client/http.ts), so credentials and cookies never get here.

export interface ExplainedHeader {
  /** As written on the wire by kube-apiserver (canonical case). */
  name: string;
  value: string;
  note: string;
  /** Worth the reader's attention (a deprecation warning, a back-off). */
  warn?: boolean;
}

/** Lower-case name → canonical name, in the order they are shown. */
const SHOWN: readonly [string, string][] = [
  ['content-type', 'Content-Type'],
  ['warning', 'Warning'],
  ['retry-after', 'Retry-After'],
  ['audit-id', 'Audit-Id'],
  ['x-kubernetes-pf-flowschema-uid', 'X-Kubernetes-Pf-Flowschema-Uid'],
  ['x-kubernetes-pf-prioritylevel-uid', 'X-Kubernetes-Pf-Prioritylevel-Uid'],
  ['etag', 'ETag'],
  ['cache-control', 'Cache-Control'],
];

function contentTypeNote(value: string, accept: string): string {
  if (/as=Table/.test(value))
    return 'A Table: rows and columns the server printed for display, as kubectl get asks for (Accept: …;as=Table).';
  if (/as=APIGroupDiscoveryList/.test(value))
    return 'Aggregated discovery: every group, version and resource in one document instead of one request per group-version.';
  if (/protobuf/.test(value)) return "Protobuf, Kubernetes' binary encoding (kapi-tui itself only asks for JSON).";
  if (/^application\/json\s*$/.test(value) && /as=Table/.test(accept))
    return "JSON: the Accept asked for a Table first (as kubectl get does); the body's kind says whether it is one.";
  if (/^application\/json\s*$/.test(value) && /as=APIGroupDiscoveryList/.test(accept))
    return 'JSON but not aggregated discovery: the server does not serve that format here, so it sent the legacy document.';
  if (/^application\/json/.test(value))
    return 'Plain JSON, chosen by the server from the Accept header (kubectl asks for protobuf for built-in types; kapi-tui never does).';
  if (/^text\//.test(value)) return 'Text, not a Kubernetes object: health checks, logs and metrics answer this way.';
  return 'The format the server chose from the Accept header.';
}

function warningNote(value: string): string {
  if (/deprecated/.test(value))
    return 'The request worked, but this API version is deprecated: move to the version named before it is removed (kubectl prints this as "Warning: …").';
  return 'Code 299: the request worked, but the server asks you to change something about it (kubectl prints this as "Warning: …").';
}

function cacheControlNote(value: string): string {
  if (/immutable/.test(value))
    return 'The URL carries a hash of the content, so it never changes there: it can be cached for good.';
  if (/public/.test(value))
    return 'Any cache may keep it; with the ETag a client asks again cheaply (kubectl caches discovery this way).';
  return 'Not to be reused without asking again, and only by this client (private: the answer depends on who asked).';
}

const NOTES: Record<string, (value: string, accept: string) => string> = {
  'content-type': contentTypeNote,
  warning: warningNote,
  'retry-after': () => 'Seconds to wait before trying again: the server is busy (429) or not ready (503).',
  'audit-id': () =>
    "This request's ID in the server's audit log and logs: give it to a cluster admin to find exactly this request.",
  'x-kubernetes-pf-flowschema-uid': () =>
    'API Priority and Fairness matched this FlowSchema (its metadata.uid: kubectl get flowschemas shows which).',
  'x-kubernetes-pf-prioritylevel-uid': () =>
    'The priority level that queued it: requests at one level share its seats; when full, they wait or get 429.',
  etag: () => 'A tag of this exact body: sent back as If-None-Match, it gets 304 Not Modified when nothing changed.',
  'cache-control': cacheControlNote,
};

/** The kept response headers, explained, in a fixed order; others (and credentials) never shown. */
export function explainHeaders(
  headers: Readonly<Record<string, string>> | undefined,
  /** The request's Accept: what the Content-Type answered. */
  accept = '',
): ExplainedHeader[] {
  if (!headers) return [];
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const out: ExplainedHeader[] = [];
  for (const [key, name] of SHOWN) {
    const value = lower.get(key);
    if (value === undefined) continue;
    out.push({
      name,
      value,
      note: NOTES[key](value, accept),
      ...(key === 'warning' || key === 'retry-after' ? { warn: true } : {}),
    });
  }
  return out;
}
