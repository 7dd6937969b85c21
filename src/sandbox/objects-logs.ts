// Deterministic container logs for the sandbox's pods, shaped like what each image really prints.

import { BASE_TIME_MS, fnv1a, hexFor, prng } from './objects-util.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
/** klog header: I0303 08:59:12.123456       1 file.go:123] */
function klog(ms: number, level: string, file: string, msg: string): string {
  const d = new Date(ms);
  const micros = String(d.getUTCMilliseconds() * 1000 + (ms % 997)).padStart(6, '0');
  return `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros}       1 ${file}] ${msg}`;
}
function nginxTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}
function nginxErrTime(ms: number): string {
  return iso(ms).slice(0, 19).replace('T', ' ').replace(/-/g, '/');
}
function pgTime(ms: number): string {
  return iso(ms).replace('T', ' ').replace('Z', ' UTC');
}

/** Log text for the first container of `pod` (the container kubectl logs picks when there is only one). */
export function podLogText(pod: any): string {
  if (pod.status?.phase === 'Pending' || !pod.status?.startTime) return '';
  const container = pod.spec.containers[0];
  const image: string = container.image;
  const start = Date.parse(pod.status.startTime) + 1500;
  const terminated = pod.status.containerStatuses?.[0]?.state?.terminated;
  const end = terminated ? Date.parse(terminated.finishedAt) : Math.max(start + 60_000, BASE_TIME_MS);
  const rnd = prng(fnv1a(pod.metadata.uid ?? pod.metadata.name));
  const lines: string[] = [];
  const spread = (n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push(start + 5000 + Math.floor(((end - start - 5000) * (i + rnd() * 0.5)) / n));
    return out;
  };

  if (image.includes('nginx')) {
    lines.push(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
      `${nginxErrTime(start)} [notice] 1#1: using the "epoll" event method`,
      `${nginxErrTime(start)} [notice] 1#1: nginx/1.27.4`,
      `${nginxErrTime(start)} [notice] 1#1: start worker processes`,
    );
    const paths = [
      '/',
      '/index.html',
      '/api/products?page=2',
      '/static/app.js',
      '/favicon.ico',
      '/healthz',
      '/healthz',
    ];
    for (const t of spread(24)) {
      const path = paths[Math.floor(rnd() * paths.length)]!;
      const probe = path === '/healthz';
      const client = probe
        ? `${pod.status.hostIP}`
        : `10.244.${1 + Math.floor(rnd() * 2)}.${2 + Math.floor(rnd() * 60)}`;
      const status = path === '/favicon.ico' ? 404 : 200;
      const size = probe ? 2 : status === 404 ? 153 : 600 + Math.floor(rnd() * 9000);
      const agent = probe
        ? 'kube-probe/1.32'
        : 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0 Safari/537.36';
      lines.push(`${client} - - [${nginxTime(t)}] "GET ${path} HTTP/1.1" ${status} ${size} "-" "${agent}" "-"`);
    }
  } else if (image.includes('postgres')) {
    lines.push(
      '',
      'PostgreSQL Database directory appears to contain a database; Skipping initialization',
      '',
      `${pgTime(start)} [1] LOG:  starting PostgreSQL 16.6 (Debian 16.6-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`,
      `${pgTime(start + 2)} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`,
      `${pgTime(start + 3)} [1] LOG:  listening on IPv6 address "::", port 5432`,
      `${pgTime(start + 5)} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.5432"`,
      `${pgTime(start + 40)} [29] LOG:  database system was shut down at ${pgTime(start - 30_000)}`,
      `${pgTime(start + 61)} [1] LOG:  database system is ready to accept connections`,
    );
    for (const t of spread(10)) {
      const pid = 27;
      const buffers = 20 + Math.floor(rnd() * 400);
      lines.push(`${pgTime(t)} [${pid}] LOG:  checkpoint starting: time`);
      lines.push(
        `${pgTime(t + 4200)} [${pid}] LOG:  checkpoint complete: wrote ${buffers} buffers (${(buffers / 163.84).toFixed(1)}%); 0 WAL file(s) added, 0 removed, 0 recycled; write=${(buffers / 100).toFixed(3)} s, sync=0.004 s, total=${(buffers / 100 + 0.02).toFixed(3)} s; sync files=${Math.floor(buffers / 10)}, longest=0.002 s, average=0.001 s; distance=${buffers * 8} kB, estimate=${buffers * 8 + 100} kB; lsn=0/1${hexFor('lsn' + t, 6).toUpperCase()}, redo lsn=0/1${hexFor('redo' + t, 6).toUpperCase()}`,
      );
    }
  } else if (image.includes('coredns')) {
    lines.push(
      '.:53',
      `[INFO] plugin/reload: Running configuration SHA512 = ${hexFor('corefile', 128)}`,
      'CoreDNS-1.11.3',
      'linux/amd64, go1.21.11, a6338e9',
    );
    for (const t of spread(6)) {
      lines.push(
        `[INFO] 127.0.0.1:${30000 + Math.floor(rnd() * 30000)} - ${Math.floor(rnd() * 65535)} "HINFO IN ${Math.floor(rnd() * 9e18)}.${Math.floor(rnd() * 9e18)}. udp 57 false 512" NXDOMAIN qr,rd,ra 57 ${(rnd() * 0.01).toFixed(9)}s`,
      );
      void t;
    }
  } else if (image.includes('kube-proxy')) {
    const f = (ms: number, file: string, msg: string) => lines.push(klog(ms, 'I', file, msg));
    f(start, 'server_linux.go:66', '"Using iptables proxy"');
    f(start + 120, 'server.go:698', `"Successfully retrieved node IP(s)" IPs=["${pod.status.hostIP}"]`);
    f(
      start + 130,
      'conntrack.go:121',
      '"Set sysctl" entry="net/netfilter/nf_conntrack_tcp_timeout_established" value=86400',
    );
    f(start + 300, 'server.go:243', '"kube-proxy running in dual-stack mode" primary ipFamily="IPv4"');
    f(start + 310, 'server_linux.go:170', '"Using iptables Proxier"');
    f(
      start + 420,
      'proxier.go:255',
      '"Setting route_localnet=1 to allow node-ports on localhost; to change this either disable iptables.localhostNodePorts (--iptables-localhost-nodeports) or set nodePortAddresses (--nodeport-addresses) to filter loopback addresses" ipFamily="IPv4"',
    );
    f(start + 700, 'server.go:497', `"Version info" version="v1.32.2"`);
    f(start + 900, 'config.go:199', '"Starting service config controller"');
    f(start + 905, 'shared_informer.go:313', 'Waiting for caches to sync for service config');
    f(start + 910, 'config.go:105', '"Starting endpoint slice config controller"');
    f(start + 1000, 'shared_informer.go:320', 'Caches are synced for service config');
    f(start + 1003, 'shared_informer.go:320', 'Caches are synced for endpoint slice config');
  } else if (image.includes('etcd')) {
    const j = (ms: number, level: string, caller: string, msg: string, extra = '') =>
      lines.push(`{"level":"${level}","ts":"${iso(ms)}","caller":"${caller}","msg":"${msg}"${extra}}`);
    j(
      start,
      'info',
      'etcdmain/etcd.go:73',
      'Running: ',
      ',"args":["etcd","--advertise-client-urls=https://172.18.0.2:2379","--data-dir=/var/lib/etcd"]',
    );
    j(
      start + 20,
      'info',
      'embed/etcd.go:128',
      'configuring peer listeners',
      ',"listen-peer-urls":["https://172.18.0.2:2380"]',
    );
    j(
      start + 900,
      'info',
      'etcdserver/server.go:2140',
      'published local member to cluster through raft',
      ',"local-member-id":"b8e14bda2255bc24","cluster-id":"38b0e74a458e7a1f"',
    );
    j(start + 950, 'info', 'embed/serve.go:103', 'ready to serve client requests');
    for (const t of spread(8)) {
      j(t, 'info', 'mvcc/index.go:214', 'compact tree index', `,"revision":${800 + Math.floor(rnd() * 400)}`);
      j(
        t + 30,
        'info',
        'mvcc/kvstore_compaction.go:72',
        'finished scheduled compaction',
        `,"compact-revision":${800 + Math.floor(rnd() * 400)},"took":"${(rnd() * 3).toFixed(6)}ms"`,
      );
    }
  } else if (image.includes('kube-')) {
    const f = (ms: number, file: string, msg: string) => lines.push(klog(ms, 'I', file, msg));
    const component = container.name;
    f(start, 'serving.go:386', 'Generated self-signed cert in-memory');
    f(start + 400, 'leaderelection.go:257', `attempting to acquire leader lease kube-system/${component}...`);
    f(start + 1900, 'leaderelection.go:271', `successfully acquired lease kube-system/${component}`);
    for (const t of spread(6))
      f(t, 'controller.go:615', `"Reconciled" component="${component}" duration="${(rnd() * 20).toFixed(3)}ms"`);
  } else if (image.includes('crashy')) {
    const restarts = pod.status.containerStatuses?.[0]?.restartCount ?? 0;
    const last = pod.status.containerStatuses?.[0]?.lastState?.terminated?.startedAt;
    const t = last ? Date.parse(last) : start;
    lines.push(
      `time="${iso(t)}" level=info msg="crashy 0.1.0 starting" restart=${restarts}`,
      `time="${iso(t + 12)}" level=info msg="loading config" path=/etc/crashy/config.yaml`,
      `time="${iso(t + 40)}" level=info msg="connecting to upstream" url="http://does-not-exist.demo.svc:9000"`,
      `time="${iso(t + 1040)}" level=warning msg="upstream not reachable, retrying" attempt=1`,
      `time="${iso(t + 2040)}" level=warning msg="upstream not reachable, retrying" attempt=2`,
      `time="${iso(t + 3050)}" level=error msg="upstream not reachable" error="dial tcp: lookup does-not-exist.demo.svc on 10.96.0.10:53: no such host"`,
      `time="${iso(t + 3051)}" level=fatal msg="giving up after 3 attempts"`,
    );
  } else if (image.includes('busybox')) {
    lines.push('generating report', `rows processed: ${1000 + Math.floor(rnd() * 9000)}`, 'done');
  } else {
    // a typical structured-logging Go/Node service
    const svc = container.name;
    const port = container.ports?.[0]?.containerPort ?? 8080;
    const j = (ms: number, level: string, msg: string, extra = '') =>
      lines.push(`{"time":"${iso(ms)}","level":"${level}","msg":"${msg}"${extra}}`);
    j(start, 'INFO', 'starting', `,"service":"${svc}","version":"${image.split(':')[1] ?? 'latest'}"`);
    j(start + 35, 'INFO', 'config loaded', ',"source":"env"');
    if (container.command?.[0]?.includes('migrate')) {
      for (let i = 1; i <= 6; i++)
        j(start + 300 * i, 'INFO', 'applied migration', `,"version":${20240100 + i * 7},"duration_ms":${40 + i * 13}`);
      j(start + 2100, 'INFO', 'migrations complete', ',"applied":6');
    } else {
      j(start + 120, 'INFO', 'listening', `,"addr":":${port}"`);
      const paths = ['/v1/orders', '/v1/orders/1842', '/v1/cart', '/healthz', '/readyz', '/'];
      for (const t of spread(16)) {
        const path = paths[Math.floor(rnd() * paths.length)]!;
        const status = rnd() < 0.08 ? 500 : rnd() < 0.1 ? 404 : 200;
        const level = status >= 500 ? 'ERROR' : 'INFO';
        j(
          t,
          level,
          'request completed',
          `,"method":"GET","path":"${path}","status":${status},"duration_ms":${1 + Math.floor(rnd() * 120)},"request_id":"${hexFor('req' + t, 16)}"`,
        );
      }
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * The `n`th line a running container prints after its seeded log, at `now` (a followed log gets
 * one per sandbox tick); undefined when the pod's first container is not running (Pending,
 * completed, in CrashLoopBackOff), which prints nothing.
 */
export function nextLogLine(pod: any, n: number, now: number): string | undefined {
  const status = pod.status?.containerStatuses?.[0];
  if (pod.status?.phase !== 'Running' || !status?.state?.running) return undefined;
  const container = pod.spec.containers[0];
  const image: string = container.image;
  const rnd = prng(followSeed(pod, n));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  if (image.includes('nginx')) {
    const path = pick(['/', '/index.html', '/api/products?page=2', '/static/app.js', '/healthz']);
    const probe = path === '/healthz';
    const client = probe ? `${pod.status.hostIP}` : `10.244.${1 + Math.floor(rnd() * 2)}.${2 + Math.floor(rnd() * 60)}`;
    const agent = probe
      ? 'kube-probe/1.32'
      : 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0 Safari/537.36';
    return `${client} - - [${nginxTime(now)}] "GET ${path} HTTP/1.1" 200 ${probe ? 2 : 600 + Math.floor(rnd() * 9000)} "-" "${agent}" "-"`;
  }
  if (image.includes('postgres')) {
    return `${pgTime(now)} [${100 + (n % 50)}] LOG:  connection authorized: user=app database=shop application_name=orders`;
  }
  if (image.includes('coredns')) {
    const name = pick([
      'kubernetes.default.svc.cluster.local.',
      'orders.team-a.svc.cluster.local.',
      'db.team-a.svc.cluster.local.',
    ]);
    return `[INFO] 10.244.1.${2 + Math.floor(rnd() * 60)}:${30000 + Math.floor(rnd() * 30000)} - ${Math.floor(rnd() * 65535)} "A IN ${name} udp 54 false 512" NOERROR qr,aa,rd 106 ${(rnd() * 0.001).toFixed(9)}s`;
  }
  if (image.includes('etcd')) {
    return `{"level":"info","ts":"${iso(now)}","caller":"mvcc/index.go:214","msg":"compact tree index","revision":${1200 + n}}`;
  }
  if (image.includes('kube-')) {
    return klog(
      now,
      'I',
      'controller.go:615',
      `"Reconciled" component="${container.name}" duration="${(rnd() * 20).toFixed(3)}ms"`,
    );
  }
  if (image.includes('crashy')) {
    return `time="${iso(now)}" level=warning msg="upstream not reachable, retrying" attempt=${n + 1}`;
  }
  const path = pick(['/v1/orders', '/v1/orders/1842', '/v1/cart', '/healthz', '/readyz']);
  const code = rnd() < 0.08 ? 500 : 200;
  return `{"time":"${iso(now)}","level":"${code >= 500 ? 'ERROR' : 'INFO'}","msg":"request completed","method":"GET","path":"${path}","status":${code},"duration_ms":${1 + Math.floor(rnd() * 120)},"request_id":"${hexFor(`req/${pod.metadata.name}/${n}`, 16)}"}`;
}

/** Seed of a pod's `n`th followed line: the same pod and n give the same line. */
function followSeed(pod: any, n: number): number {
  return fnv1a(`${pod.metadata.uid ?? pod.metadata.name}/follow/${n}`);
}
