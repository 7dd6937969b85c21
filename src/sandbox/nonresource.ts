// Non-resource endpoints: /, /version, /healthz|/livez|/readyz, /metrics, /logs.
// Formats follow kube-apiserver (see shared/notes/k8s-wire.md §1).

export const VERSION_INFO = {
  major: '1',
  minor: '33',
  emulationMajor: '1',
  emulationMinor: '33',
  minCompatibilityMajor: '1',
  minCompatibilityMinor: '32',
  gitVersion: 'v1.33.2-kapi-sandbox',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-06-17T18:30:00Z',
  goVersion: 'go1.24.4',
  compiler: 'gc',
  platform: 'linux/amd64',
};

const HEALTH_CHECKS: Record<'healthz' | 'livez' | 'readyz', string[]> = {
  healthz: [
    'ping',
    'log',
    'etcd',
    'poststarthook/start-apiserver-admission-initializer',
    'poststarthook/generic-apiserver-start-informers',
    'poststarthook/rbac/bootstrap-roles',
    'autoregister-completion',
  ],
  livez: [
    'ping',
    'log',
    'etcd',
    'poststarthook/start-apiserver-admission-initializer',
    'poststarthook/generic-apiserver-start-informers',
    'poststarthook/rbac/bootstrap-roles',
  ],
  readyz: [
    'ping',
    'log',
    'etcd',
    'etcd-readiness',
    'informer-sync',
    'poststarthook/start-apiserver-admission-initializer',
    'poststarthook/generic-apiserver-start-informers',
    'poststarthook/rbac/bootstrap-roles',
    'shutdown',
  ],
};

export type HealthEndpoint = keyof typeof HEALTH_CHECKS;

export function isHealthEndpoint(name: string): name is HealthEndpoint {
  return name in HEALTH_CHECKS;
}

/** Body of /healthz etc.: `ok` without newline, or the verbose list. `exclude` names checks to skip. */
export function healthBody(endpoint: HealthEndpoint, verbose: boolean, exclude: string[]): string {
  if (!verbose) return 'ok';
  const lines = HEALTH_CHECKS[endpoint].map((c) => (exclude.includes(c) ? `[+]${c} excluded: ok` : `[+]${c} ok`));
  for (const x of exclude) {
    if (!HEALTH_CHECKS[endpoint].includes(x))
      lines.push(`warn: some health checks cannot be excluded: no matches for "${x}"`);
  }
  return `${lines.join('\n')}\n${endpoint} check passed\n`;
}

export function healthCheckExists(endpoint: HealthEndpoint, check: string): boolean {
  return HEALTH_CHECKS[endpoint].includes(check);
}

/** The `paths` list of GET /: every handler path, alphabetically sorted. */
export function rootPaths(groupVersions: { group: string; version: string }[]): { paths: string[] } {
  const paths = new Set<string>([
    '/.well-known/openid-configuration',
    '/api',
    '/api/v1',
    '/apis',
    '/apis/',
    '/healthz',
    '/livez',
    '/readyz',
    '/logs',
    '/metrics',
    '/openapi/v2',
    '/openapi/v3',
    '/openapi/v3/',
    '/openid/v1/jwks',
    '/version',
  ]);
  for (const endpoint of Object.keys(HEALTH_CHECKS) as HealthEndpoint[]) {
    for (const c of HEALTH_CHECKS[endpoint]) paths.add(`/${endpoint}/${c}`);
  }
  for (const { group, version } of groupVersions) {
    if (!group) continue;
    paths.add(`/apis/${group}`);
    paths.add(`/apis/${group}/${version}`);
  }
  return { paths: [...paths].sort() };
}

/** Prometheus text exposition with the metric families a learner meets first. */
export function metricsText(stats: { requests: Map<string, number>; startedAt: number; objects: number }): string {
  const out: string[] = [];
  out.push(
    '# HELP apiserver_request_total [STABLE] Counter of apiserver requests broken out for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.',
  );
  out.push('# TYPE apiserver_request_total counter');
  for (const [key, n] of [...stats.requests].sort()) {
    const [verb, code, resource] = key.split('|');
    out.push(
      `apiserver_request_total{code="${code}",component="apiserver",dry_run="",group="",resource="${resource}",scope="",subresource="",verb="${verb}",version="v1"} ${n}`,
    );
  }
  out.push(
    '# HELP apiserver_storage_objects [STABLE] Number of stored objects at the time of last check split by kind.',
  );
  out.push('# TYPE apiserver_storage_objects gauge');
  out.push(`apiserver_storage_objects{resource="all"} ${stats.objects}`);
  out.push('# HELP process_start_time_seconds [ALPHA] Start time of the process since unix epoch in seconds.');
  out.push('# TYPE process_start_time_seconds gauge');
  out.push(`process_start_time_seconds ${(stats.startedAt / 1000).toFixed(2)}`);
  const mem = process.memoryUsage();
  out.push('# HELP process_resident_memory_bytes [ALPHA] Resident memory size in bytes.');
  out.push('# TYPE process_resident_memory_bytes gauge');
  out.push(`process_resident_memory_bytes ${mem.rss}`);
  out.push('# HELP go_goroutines Number of goroutines that currently exist.');
  out.push('# TYPE go_goroutines gauge');
  out.push('go_goroutines 42');
  return out.join('\n') + '\n';
}

/** /logs/ is a file server over the node's /var/log; the sandbox serves a small, fixed listing. */
export const LOG_FILES: Record<string, string> = {
  'kube-apiserver.log':
    'I1125 09:00:00.000000       1 server.go:150] Version: v1.33.2-kapi-sandbox\n' +
    'I1125 09:00:00.100000       1 secure_serving.go:213] Serving securely on 127.0.0.1\n' +
    'I1125 09:00:01.000000       1 controller.go:615] quota admission added evaluator for: leases.coordination.k8s.io\n',
  'audit.log': '',
};

export function logsIndexHtml(): string {
  const links = Object.keys(LOG_FILES)
    .map((f) => `<a href="${f}">${f}</a>`)
    .join('\n');
  return `<pre>\n${links}\n</pre>\n`;
}
