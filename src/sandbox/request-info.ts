// Parses an API path the way kube-apiserver's RequestInfoFactory does: which group, version,
// namespace, resource, name and subresource a request addresses, and which verb it is.

export interface ResourceRequestInfo {
  group: string;
  version: string;
  /** '' when the path stops at the group/version (a discovery document). */
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  verb: string;
}

// Subresources of namespaces that are addressed as /api/v1/namespaces/{name}/{sub}.
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** Returns undefined for paths outside /api/v1 and /apis/G/V. */
export function parseResourcePath(
  method: string,
  pathname: string,
  query: URLSearchParams,
): ResourceRequestInfo | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  const info: ResourceRequestInfo = { group, version, resource: '', verb: '' };
  if (rest[0] === 'namespaces' && rest.length > 1) {
    info.namespace = rest[1];
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2])) {
      rest = rest.slice(2);
    } else {
      // /api/v1/namespaces/{name}[/status]: the namespace object itself.
      info.namespace = undefined;
      info.resource = 'namespaces';
      info.name = rest[1];
      info.subresource = rest[2];
      info.verb = verbFor(method, true, query);
      return info;
    }
  }
  info.resource = rest[0] ?? '';
  info.name = rest[1];
  info.subresource = rest[2];
  info.verb = verbFor(method, info.name !== undefined, query);
  return info;
}

function verbFor(method: string, named: boolean, query: URLSearchParams): string {
  switch (method) {
    case 'GET':
    case 'HEAD': {
      const watch = query.get('watch');
      if (watch === '1' || watch === 'true') return 'watch';
      return named ? 'get' : 'list';
    }
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}
