// The sandbox's sample cluster: a small kind-like cluster with three nodes, the usual
// kube-system workloads and a few team namespaces. Everything here is deterministic.
//
// Objects are built with `resourceVersion: ''`; the ObjectStore assigns real numbers on insert.

import { b64, fakePem, hexFor, rfc3339Micro, suffixFor, ts, uidFor, BASE_TIME_MS } from './objects-util.js';
import { DISCOVERY_URLS, PUBLIC_INFO_URLS } from './rbac.js';

export interface SeedEntry {
  group: string;
  resource: string;
  obj: any;
}

export const KUBE_VERSION = 'v1.32.2';

const DAY = 86400;
const HOUR = 3600;
const CLUSTER_AGE = 34 * DAY;

export interface NodeDef {
  name: string;
  ip: string;
  podCIDR: string;
  controlPlane: boolean;
}

export const NODES: NodeDef[] = [
  { name: 'sandbox-control-plane', ip: '172.18.0.2', podCIDR: '10.244.0.0/24', controlPlane: true },
  { name: 'sandbox-worker', ip: '172.18.0.3', podCIDR: '10.244.1.0/24', controlPlane: false },
  { name: 'sandbox-worker2', ip: '172.18.0.4', podCIDR: '10.244.2.0/24', controlPlane: false },
];

export const BASE_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'team-a', 'team-b', 'demo'];

// ---------------------------------------------------------------------------------------------
// metadata helpers

interface MetaExtra {
  generateName?: string;
  generation?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: any[];
  finalizers?: string[];
  managedFields?: any[];
}

export function meta(kind: string, ns: string | undefined, name: string, ageSec: number, extra: MetaExtra = {}): any {
  const m: any = { name };
  if (extra.generateName) m.generateName = extra.generateName;
  if (ns !== undefined) m.namespace = ns;
  m.uid = uidFor(`${kind}/${ns ?? ''}/${name}`);
  m.resourceVersion = '';
  if (extra.generation !== undefined) m.generation = extra.generation;
  m.creationTimestamp = ts(ageSec);
  if (extra.labels) m.labels = extra.labels;
  if (extra.annotations) m.annotations = extra.annotations;
  if (extra.ownerReferences) m.ownerReferences = extra.ownerReferences;
  if (extra.finalizers) m.finalizers = extra.finalizers;
  if (extra.managedFields) m.managedFields = extra.managedFields;
  return m;
}

export function ownerRef(apiVersion: string, kind: string, ns: string | undefined, name: string): any {
  return {
    apiVersion,
    kind,
    name,
    uid: uidFor(`${kind}/${ns ?? ''}/${name}`),
    controller: true,
    blockOwnerDeletion: true,
  };
}

function managed(
  manager: string,
  operation: string,
  apiVersion: string,
  ageSec: number,
  fields: any,
  subresource?: string,
): any {
  const m: any = { manager, operation, apiVersion, time: ts(ageSec), fieldsType: 'FieldsV1', fieldsV1: fields };
  if (subresource) m.subresource = subresource;
  return m;
}

// ---------------------------------------------------------------------------------------------
// pods

export interface ContainerDef {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number; protocol?: string }[];
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string; valueFrom?: any }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
  readinessProbe?: any;
  livenessProbe?: any;
  securityContext?: any;
}

export function containerSpec(c: ContainerDef): any {
  const out: any = { name: c.name, image: c.image };
  if (c.command) out.command = c.command;
  if (c.args) out.args = c.args;
  if (c.ports)
    out.ports = c.ports.map((p) => ({
      ...(p.name ? { name: p.name } : {}),
      containerPort: p.containerPort,
      protocol: p.protocol ?? 'TCP',
    }));
  if (c.env) out.env = c.env;
  out.resources = c.resources ?? {};
  if (c.volumeMounts) out.volumeMounts = c.volumeMounts;
  if (c.livenessProbe) out.livenessProbe = c.livenessProbe;
  if (c.readinessProbe) out.readinessProbe = c.readinessProbe;
  out.terminationMessagePath = '/dev/termination-log';
  out.terminationMessagePolicy = 'File';
  out.imagePullPolicy = c.image.endsWith(':latest') ? 'Always' : 'IfNotPresent';
  if (c.securityContext) out.securityContext = c.securityContext;
  return out;
}

function templateSpec(containers: ContainerDef[], extra: any = {}): any {
  return {
    ...(extra.volumes ? { volumes: extra.volumes } : {}),
    containers: containers.map(containerSpec),
    restartPolicy: extra.restartPolicy ?? 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: extra.hostNetwork ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    ...(extra.nodeSelector ? { nodeSelector: extra.nodeSelector } : {}),
    ...(extra.serviceAccountName
      ? { serviceAccountName: extra.serviceAccountName, serviceAccount: extra.serviceAccountName }
      : {}),
    ...(extra.hostNetwork ? { hostNetwork: true } : {}),
    securityContext: {},
    schedulerName: 'default-scheduler',
    ...(extra.tolerations ? { tolerations: extra.tolerations } : {}),
    ...(extra.priorityClassName ? { priorityClassName: extra.priorityClassName } : {}),
  };
}

export function imageID(image: string): string {
  const repo = image.split(':')[0]!;
  const full = repo.includes('/')
    ? repo.split('/')[0]!.includes('.')
      ? repo
      : `docker.io/${repo}`
    : `docker.io/library/${repo}`;
  return `${full}@sha256:${hexFor(image, 64)}`;
}

function qosClass(containers: ContainerDef[]): string {
  const rs = containers.map((c) => c.resources ?? {});
  if (rs.every((r) => !r.requests && !r.limits)) return 'BestEffort';
  const guaranteed = rs.every(
    (r) =>
      r.limits &&
      r.limits.cpu &&
      r.limits.memory &&
      (!r.requests || (r.requests.cpu === r.limits.cpu && r.requests.memory === r.limits.memory)),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export type PodState = 'running' | 'crash' | 'pending' | 'succeeded';

export interface PodDef {
  ns: string;
  name: string;
  node?: string;
  ip?: string;
  age: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  owner?: any;
  generateName?: string;
  containers: ContainerDef[];
  state?: PodState;
  restarts?: number;
  serviceAccount?: string;
  priorityClassName?: string;
  priority?: number;
  hostNetwork?: boolean;
  volumes?: any[];
  tolerations?: any[];
  nodeSelector?: Record<string, string>;
  restartPolicy?: string;
  /** seconds the job/pod ran before completing (succeeded pods) */
  runSeconds?: number;
  pendingMessage?: string;
  managedFields?: any[];
  /** static (mirror) pod: no service account, no projected token volume */
  staticPod?: boolean;
}

function nodeIP(node: string | undefined): string | undefined {
  return NODES.find((n) => n.name === node)?.ip;
}

const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

export function makePod(d: PodDef): any {
  const state = d.state ?? 'running';
  const created = d.age;
  const sa = d.serviceAccount ?? 'default';
  const apiAccess = `kube-api-access-${suffixFor(`${d.ns}/${d.name}`, 5)}`;
  const volumes = [
    ...(d.volumes ?? []),
    ...(d.staticPod
      ? []
      : [
          {
            name: apiAccess,
            projected: {
              sources: [
                { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
                { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
                {
                  downwardAPI: {
                    items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
                  },
                },
              ],
              defaultMode: 420,
            },
          },
        ]),
  ];
  const mountsApi = !d.staticPod;
  const containers = d.containers.map((c) => {
    const spec = containerSpec(c);
    if (mountsApi) {
      spec.volumeMounts = [
        ...(spec.volumeMounts ?? []),
        { name: apiAccess, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
      ];
      // keep Go struct order: volumeMounts comes before the termination fields
      const {
        terminationMessagePath,
        terminationMessagePolicy,
        imagePullPolicy,
        securityContext,
        livenessProbe,
        readinessProbe,
        ...head
      } = spec;
      return {
        ...head,
        ...(livenessProbe ? { livenessProbe } : {}),
        ...(readinessProbe ? { readinessProbe } : {}),
        terminationMessagePath,
        terminationMessagePolicy,
        imagePullPolicy,
        ...(securityContext ? { securityContext } : {}),
      };
    }
    return spec;
  });

  const metadata = meta('Pod', d.ns, d.name, created, {
    generateName: d.generateName,
    labels: d.labels,
    annotations: d.annotations,
    ownerReferences: d.owner ? [d.owner] : undefined,
    managedFields: d.managedFields,
  });

  const node = state === 'pending' ? undefined : d.node;
  const spec: any = {
    volumes,
    containers,
    restartPolicy: d.restartPolicy ?? 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: d.hostNetwork && !d.staticPod ? 'ClusterFirstWithHostNet' : 'ClusterFirst',
    ...(d.nodeSelector ? { nodeSelector: d.nodeSelector } : {}),
    ...(d.staticPod ? {} : { serviceAccountName: sa, serviceAccount: sa }),
    ...(node ? { nodeName: node } : {}),
    ...(d.hostNetwork ? { hostNetwork: true } : {}),
    securityContext: {},
    schedulerName: 'default-scheduler',
    tolerations: d.tolerations ?? DEFAULT_TOLERATIONS,
    ...(d.priorityClassName ? { priorityClassName: d.priorityClassName } : {}),
    priority: d.priority ?? 0,
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
  };

  const started = created - 2;
  const cond = (type: string, status: string, age: number, reason?: string, message?: string) => ({
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: ts(age),
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  });
  const hostIP = nodeIP(node);
  const podIP = d.hostNetwork ? hostIP : d.ip;
  let status: any;
  if (state === 'pending') {
    status = {
      phase: 'Pending',
      conditions: [
        cond(
          'PodScheduled',
          'False',
          created - 1,
          'Unschedulable',
          d.pendingMessage ??
            '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
        ),
      ],
      qosClass: qosClass(d.containers),
    };
  } else {
    const cid = (c: ContainerDef) => `containerd://${hexFor(`${d.ns}/${d.name}/${c.name}`, 64)}`;
    const base = (c: ContainerDef, extra: any) => ({
      name: c.name,
      ...extra,
      image: c.image.includes('/') ? c.image : `docker.io/library/${c.image}`,
      imageID: imageID(c.image),
      containerID: cid(c),
    });
    let containerStatuses: any[];
    let conditions: any[];
    let phase = 'Running';
    if (state === 'running') {
      containerStatuses = d.containers.map((c, i) =>
        base(c, {
          state: { running: { startedAt: ts(started) } },
          lastState: {},
          ready: true,
          restartCount: i === 0 ? (d.restarts ?? 0) : 0,
          started: true,
        }),
      );
      conditions = [
        cond('PodReadyToStartContainers', 'True', started),
        cond('Initialized', 'True', created - 1),
        cond('Ready', 'True', started - 8),
        cond('ContainersReady', 'True', started - 8),
        cond('PodScheduled', 'True', created - 1),
      ];
    } else if (state === 'crash') {
      const names = d.containers.map((c) => c.name).join(' ');
      containerStatuses = d.containers.map((c) =>
        base(c, {
          state: {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: `back-off 5m0s restarting failed container=${c.name} pod=${d.name}_${d.ns}(${metadata.uid})`,
            },
          },
          lastState: {
            terminated: { exitCode: 1, reason: 'Error', startedAt: ts(190), finishedAt: ts(188), containerID: cid(c) },
          },
          ready: false,
          restartCount: d.restarts ?? 0,
          started: false,
        }),
      );
      conditions = [
        cond('PodReadyToStartContainers', 'True', started),
        cond('Initialized', 'True', created - 1),
        cond('Ready', 'False', created - 1, 'ContainersNotReady', `containers with unready status: [${names}]`),
        cond(
          'ContainersReady',
          'False',
          created - 1,
          'ContainersNotReady',
          `containers with unready status: [${names}]`,
        ),
        cond('PodScheduled', 'True', created - 1),
      ];
    } else {
      phase = 'Succeeded';
      const run = d.runSeconds ?? 20;
      containerStatuses = d.containers.map((c) =>
        base(c, {
          state: {
            terminated: {
              exitCode: 0,
              reason: 'Completed',
              startedAt: ts(started),
              finishedAt: ts(started - run),
              containerID: cid(c),
            },
          },
          lastState: {},
          ready: false,
          restartCount: 0,
          started: false,
        }),
      );
      conditions = [
        cond('PodReadyToStartContainers', 'False', started - run - 1),
        cond('Initialized', 'True', created - 1),
        cond('Ready', 'False', started - run, 'PodCompleted'),
        cond('ContainersReady', 'False', started - run, 'PodCompleted'),
        cond('PodScheduled', 'True', created - 1),
      ];
    }
    // containerStatuses fields in Go order: name, state, lastState, ready, restartCount, image, imageID, containerID, started
    containerStatuses = containerStatuses.map((s) => ({
      name: s.name,
      state: s.state,
      lastState: s.lastState,
      ready: s.ready,
      restartCount: s.restartCount,
      image: s.image,
      imageID: s.imageID,
      containerID: s.containerID,
      started: s.started,
    }));
    status = {
      phase,
      conditions,
      hostIP,
      hostIPs: [{ ip: hostIP }],
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: ts(created - 1),
      containerStatuses,
      qosClass: qosClass(d.containers),
    };
  }
  return { kind: 'Pod', apiVersion: 'v1', metadata, spec, status };
}

// ---------------------------------------------------------------------------------------------
// the seed

export function buildSeed(extraNamespaces: string[] = []): SeedEntry[] {
  const out: SeedEntry[] = [];
  const add = (group: string, resource: string, obj: any) => out.push({ group, resource, obj });
  const pods: any[] = [];
  const addPod = (d: PodDef) => {
    const p = makePod(d);
    pods.push(p);
    add('', 'pods', p);
    return p;
  };

  // --- namespaces -----------------------------------------------------------------------------
  const nsAge: Record<string, number> = {
    default: CLUSTER_AGE,
    'kube-system': CLUSTER_AGE,
    'kube-public': CLUSTER_AGE,
    'kube-node-lease': CLUSTER_AGE,
    'team-a': 21 * DAY,
    'team-b': 12 * DAY,
    demo: 2 * DAY + 5 * HOUR,
  };
  for (const ns of [...BASE_NAMESPACES, ...extraNamespaces]) {
    const age = nsAge[ns] ?? 3 * HOUR;
    const labels: Record<string, string> = { 'kubernetes.io/metadata.name': ns };
    if (ns === 'team-a' || ns === 'team-b') labels.team = ns.slice(5);
    if (ns.startsWith('bench-')) labels.purpose = 'benchmark';
    add('', 'namespaces', {
      kind: 'Namespace',
      apiVersion: 'v1',
      metadata: meta('Namespace', undefined, ns, age, { labels }),
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  const allNamespaces = [...BASE_NAMESPACES, ...extraNamespaces];

  // --- nodes ----------------------------------------------------------------------------------
  for (const n of NODES) {
    const labels: Record<string, string> = {
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': n.name,
      'kubernetes.io/os': 'linux',
    };
    if (n.controlPlane) {
      labels['node-role.kubernetes.io/control-plane'] = '';
      labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
    }
    const age = n.controlPlane ? CLUSTER_AGE : CLUSTER_AGE - 40;
    const cap = {
      cpu: '8',
      'ephemeral-storage': '102626232Ki',
      'hugepages-1Gi': '0',
      'hugepages-2Mi': '0',
      memory: '16283724Ki',
      pods: '110',
    };
    const condition = (type: string, status: string, reason: string, message: string) => ({
      type,
      status,
      lastHeartbeatTime: ts(37),
      lastTransitionTime: ts(age - 5),
      reason,
      message,
    });
    add('', 'nodes', {
      kind: 'Node',
      apiVersion: 'v1',
      metadata: meta('Node', undefined, n.name, age, {
        labels,
        annotations: {
          'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
      }),
      spec: {
        podCIDR: n.podCIDR,
        podCIDRs: [n.podCIDR],
        providerID: `kind://docker/sandbox/${n.name}`,
        ...(n.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}),
      },
      status: {
        capacity: cap,
        allocatable: cap,
        conditions: [
          condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
          condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
          condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
          condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
        ],
        addresses: [
          { type: 'InternalIP', address: n.ip },
          { type: 'Hostname', address: n.name },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          machineID: hexFor(`machine/${n.name}`, 32),
          systemUUID: uidFor(`system/${n.name}`),
          bootID: uidFor(`boot/${n.name}`),
          kernelVersion: '6.8.0-51-generic',
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          containerRuntimeVersion: 'containerd://2.0.2',
          kubeletVersion: KUBE_VERSION,
          kubeProxyVersion: KUBE_VERSION,
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
        images: [
          { names: [`registry.k8s.io/kube-proxy:${KUBE_VERSION}`], sizeBytes: 94963761 },
          { names: ['registry.k8s.io/coredns/coredns:v1.11.3'], sizeBytes: 18562039 },
          { names: ['docker.io/library/nginx:1.27.4'], sizeBytes: 72195292 },
          { names: ['registry.k8s.io/pause:3.10'], sizeBytes: 320368 },
        ],
      },
    });
  }
  const [cp, w1, w2] = NODES.map((n) => n.name) as [string, string, string];

  // --- kube-system ----------------------------------------------------------------------------
  const staticPod = (component: string, image: string, command: string[], ip: string, cpu: string) =>
    addPod({
      ns: 'kube-system',
      name: `${component}-${cp}`,
      node: cp,
      ip,
      age: CLUSTER_AGE - 10,
      hostNetwork: true,
      labels: { component, tier: 'control-plane' },
      annotations: {
        'kubernetes.io/config.hash': hexFor(`hash/${component}`, 32),
        'kubernetes.io/config.mirror': hexFor(`hash/${component}`, 32),
        'kubernetes.io/config.seen': ts(CLUSTER_AGE - 9).replace('Z', '.000000000Z'),
        'kubernetes.io/config.source': 'file',
      },
      owner: { apiVersion: 'v1', kind: 'Node', name: cp, uid: uidFor(`Node//${cp}`), controller: true },
      containers: [{ name: component, image, command, resources: { requests: { cpu } } }],
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      volumes: [{ name: 'k8s-certs', hostPath: { path: '/etc/kubernetes/pki', type: 'DirectoryOrCreate' } }],
      restarts: component === 'kube-controller-manager' ? 1 : 0,
      staticPod: true,
    });
  staticPod(
    'etcd',
    'registry.k8s.io/etcd:3.5.16-0',
    ['etcd', '--advertise-client-urls=https://172.18.0.2:2379', '--data-dir=/var/lib/etcd'],
    NODES[0]!.ip,
    '100m',
  );
  staticPod(
    'kube-apiserver',
    `registry.k8s.io/kube-apiserver:${KUBE_VERSION}`,
    [
      'kube-apiserver',
      '--advertise-address=172.18.0.2',
      '--authorization-mode=Node,RBAC',
      '--service-cluster-ip-range=10.96.0.0/16',
    ],
    NODES[0]!.ip,
    '250m',
  );
  staticPod(
    'kube-controller-manager',
    `registry.k8s.io/kube-controller-manager:${KUBE_VERSION}`,
    ['kube-controller-manager', '--cluster-cidr=10.244.0.0/16', '--leader-elect=true'],
    NODES[0]!.ip,
    '200m',
  );
  staticPod(
    'kube-scheduler',
    `registry.k8s.io/kube-scheduler:${KUBE_VERSION}`,
    ['kube-scheduler', '--leader-elect=true'],
    NODES[0]!.ip,
    '100m',
  );

  const wl = new Workloads(add, addPod);

  wl.deployment({
    ns: 'kube-system',
    name: 'coredns',
    age: CLUSTER_AGE - 12,
    replicas: 2,
    labels: { 'k8s-app': 'kube-dns' },
    selector: { 'k8s-app': 'kube-dns' },
    containers: [
      {
        name: 'coredns',
        image: 'registry.k8s.io/coredns/coredns:v1.11.3',
        args: ['-conf', '/etc/coredns/Corefile'],
        ports: [
          { name: 'dns', containerPort: 53, protocol: 'UDP' },
          { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
          { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
        ],
        resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
        volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
      },
    ],
    podExtra: { serviceAccount: 'coredns', priorityClassName: 'system-cluster-critical', priority: 2000000000 },
    volumes: [
      {
        name: 'config-volume',
        configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }], defaultMode: 420 },
      },
    ],
    pods: [
      { node: cp, ip: '10.244.0.3' },
      { node: cp, ip: '10.244.0.4' },
    ],
  });

  wl.daemonSet({
    ns: 'kube-system',
    name: 'kube-proxy',
    age: CLUSTER_AGE - 11,
    labels: { 'k8s-app': 'kube-proxy' },
    containers: [
      {
        name: 'kube-proxy',
        image: `registry.k8s.io/kube-proxy:${KUBE_VERSION}`,
        command: [
          '/usr/local/bin/kube-proxy',
          '--config=/var/lib/kube-proxy/config.conf',
          '--hostname-override=$(NODE_NAME)',
        ],
        env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
        securityContext: { privileged: true },
      },
    ],
    serviceAccount: 'kube-proxy',
  });

  // --- team-a ---------------------------------------------------------------------------------
  const webContainers: ContainerDef[] = [
    {
      name: 'nginx',
      image: 'nginx:1.27.4',
      ports: [{ name: 'http', containerPort: 80 }],
      resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
      volumeMounts: [{ name: 'config', mountPath: '/etc/nginx/conf.d', readOnly: true }],
      readinessProbe: {
        httpGet: { path: '/healthz', port: 80, scheme: 'HTTP' },
        timeoutSeconds: 1,
        periodSeconds: 10,
        successThreshold: 1,
        failureThreshold: 3,
      },
    },
  ];
  wl.deployment({
    ns: 'team-a',
    name: 'web',
    age: 20 * DAY,
    replicas: 3,
    labels: { app: 'web', 'app.kubernetes.io/part-of': 'shop' },
    selector: { app: 'web' },
    containers: webContainers,
    volumes: [{ name: 'config', configMap: { name: 'web-config', defaultMode: 420 } }],
    revision: 3,
    annotateApply: true,
    pods: [
      { node: w1, ip: '10.244.1.12', age: 6 * DAY + 2 * HOUR },
      { node: w2, ip: '10.244.2.8', age: 6 * DAY + 2 * HOUR - 40, restarts: 1 },
      { node: w1, ip: '10.244.1.15', age: 3 * HOUR + 12 * 60 },
    ],
  });
  wl.statefulSet({
    ns: 'team-a',
    name: 'db',
    age: 20 * DAY + 30,
    labels: { app: 'db', 'app.kubernetes.io/part-of': 'shop' },
    containers: [
      {
        name: 'postgres',
        image: 'postgres:16.6',
        ports: [{ name: 'postgres', containerPort: 5432 }],
        env: [
          { name: 'POSTGRES_USER', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'username' } } },
          { name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-credentials', key: 'password' } } },
          { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
        ],
        resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } },
        volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
      },
    ],
    pod: { node: w2, ip: '10.244.2.5' },
  });
  wl.cronJob({
    ns: 'team-a',
    name: 'nightly-report',
    age: 15 * DAY,
    schedule: '0 2 * * *',
    container: {
      name: 'report',
      image: 'busybox:1.37',
      command: ['/bin/sh', '-c', 'echo generating report; sleep 15; echo done'],
    },
    lastRunAgo: 7 * HOUR,
    podNode: w1,
    podIP: '10.244.1.31',
  });

  // --- team-b ---------------------------------------------------------------------------------
  wl.deployment({
    ns: 'team-b',
    name: 'api',
    age: 11 * DAY,
    replicas: 3,
    labels: { app: 'api' },
    selector: { app: 'api' },
    containers: [
      {
        name: 'api',
        image: 'ghcr.io/example/orders-api:2.3.1',
        ports: [{ name: 'http', containerPort: 8080 }],
        env: [
          { name: 'LOG_LEVEL', value: 'info' },
          { name: 'DATABASE_URL', value: 'postgres://db.team-a.svc.cluster.local:5432/orders' },
        ],
        resources: { limits: { memory: '6Gi' }, requests: { cpu: '250m', memory: '6Gi' } },
      },
    ],
    pods: [
      { node: w1, ip: '10.244.1.20' },
      { node: w2, ip: '10.244.2.14' },
      { state: 'pending', age: 47 * 60 },
    ],
  });
  wl.job({
    ns: 'team-b',
    name: 'db-migrate',
    age: 11 * DAY - 60,
    container: { name: 'migrate', image: 'ghcr.io/example/orders-api:2.3.1', command: ['/app/migrate', 'up'] },
    podNode: w2,
    podIP: '10.244.2.11',
    runSeconds: 14,
  });

  // --- default: the deployment every tutorial starts with, so a first `get pods` shows something --
  wl.deployment({
    ns: 'default',
    name: 'nginx',
    age: 6 * DAY + 2 * HOUR,
    replicas: 2,
    labels: { app: 'nginx' },
    selector: { app: 'nginx' },
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.27.3',
        ports: [{ name: 'http', containerPort: 80 }],
        resources: { requests: { cpu: '10m', memory: '16Mi' } },
      },
    ],
    pods: [
      { node: w1, ip: '10.244.1.21' },
      { node: w2, ip: '10.244.2.22' },
    ],
  });

  // --- demo -----------------------------------------------------------------------------------
  wl.deployment({
    ns: 'demo',
    name: 'frontend',
    age: 2 * DAY + 4 * HOUR,
    replicas: 2,
    labels: { app: 'frontend' },
    selector: { app: 'frontend' },
    containers: [
      {
        name: 'frontend',
        image: 'ghcr.io/example/frontend:1.8.0',
        ports: [{ name: 'http', containerPort: 3000 }],
        resources: { requests: { cpu: '50m', memory: '64Mi' } },
      },
    ],
    pods: [
      { node: w1, ip: '10.244.1.40' },
      { node: w2, ip: '10.244.2.41' },
    ],
  });
  wl.deployment({
    ns: 'demo',
    name: 'crashy',
    age: 2 * DAY + 4 * HOUR - 30,
    replicas: 1,
    labels: { app: 'crashy' },
    selector: { app: 'crashy' },
    containers: [
      {
        name: 'crashy',
        image: 'ghcr.io/example/crashy:0.1.0',
        env: [{ name: 'CONFIG_PATH', value: '/etc/crashy/config.yaml' }],
      },
    ],
    pods: [{ node: w2, ip: '10.244.2.42', state: 'crash', restarts: 17, age: 95 * 60 }],
  });

  // --- services, endpoints, endpointslices ----------------------------------------------------
  const svc = (
    ns: string,
    name: string,
    age: number,
    type: string,
    clusterIP: string,
    ports: any[],
    selector: Record<string, string> | undefined,
    labels?: Record<string, string>,
    annotations?: Record<string, string>,
  ) => {
    const spec: any = {
      ports: ports.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' })),
      ...(selector ? { selector } : {}),
      clusterIP,
      clusterIPs: [clusterIP],
      type,
      sessionAffinity: 'None',
      ...(type === 'NodePort' || type === 'LoadBalancer' ? { externalTrafficPolicy: 'Cluster' } : {}),
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ...(type === 'LoadBalancer' ? { allocateLoadBalancerNodePorts: true } : {}),
      internalTrafficPolicy: 'Cluster',
    };
    const s = {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: meta('Service', ns, name, age, { labels, annotations }),
      spec,
      status: { loadBalancer: {} },
    };
    add('', 'services', s);
    return s;
  };
  const services = [
    svc(
      'default',
      'kubernetes',
      CLUSTER_AGE,
      'ClusterIP',
      '10.96.0.1',
      [{ name: 'https', port: 443, targetPort: 6443 }],
      undefined,
      {
        component: 'apiserver',
        provider: 'kubernetes',
      },
    ),
    svc(
      'kube-system',
      'kube-dns',
      CLUSTER_AGE - 12,
      'ClusterIP',
      '10.96.0.10',
      [
        { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
        { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
        { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
      ],
      { 'k8s-app': 'kube-dns' },
      { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    ),
    svc(
      'team-a',
      'web',
      20 * DAY,
      'ClusterIP',
      '10.96.121.34',
      [{ name: 'http', port: 80, targetPort: 'http' }],
      { app: 'web' },
      { app: 'web' },
    ),
    svc(
      'team-a',
      'web-nodeport',
      20 * DAY,
      'NodePort',
      '10.96.201.17',
      [{ name: 'http', port: 80, targetPort: 80, nodePort: 30080 }],
      { app: 'web' },
      { app: 'web' },
    ),
    svc(
      'team-a',
      'db',
      20 * DAY + 40,
      'ClusterIP',
      'None',
      [{ name: 'postgres', port: 5432, targetPort: 5432 }],
      { app: 'db' },
      { app: 'db' },
    ),
    svc(
      'team-b',
      'api',
      11 * DAY,
      'ClusterIP',
      '10.96.54.200',
      [{ name: 'http', port: 8080, targetPort: 8080 }],
      { app: 'api' },
      { app: 'api' },
    ),
    svc(
      'demo',
      'frontend',
      2 * DAY + 4 * HOUR,
      'LoadBalancer',
      '10.96.88.7',
      [{ name: 'http', port: 80, targetPort: 3000, nodePort: 31380 }],
      { app: 'frontend' },
      { app: 'frontend' },
    ),
  ];
  for (const s of services) {
    const { endpoints, slice } = endpointsFor(s, pods);
    add('', 'endpoints', endpoints);
    add('discovery.k8s.io', 'endpointslices', slice);
  }

  // --- configmaps -----------------------------------------------------------------------------
  const caPem = fakePem('CERTIFICATE', 'cluster-ca', 760);
  for (const ns of allNamespaces) {
    add('', 'configmaps', {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: meta('ConfigMap', ns, 'kube-root-ca.crt', nsAge[ns] ?? 3 * HOUR, {
        annotations: {
          'kubernetes.io/description':
            'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
        },
      }),
      data: { 'ca.crt': caPem },
    });
  }
  const cm = (ns: string, name: string, age: number, data: Record<string, string>, extra: MetaExtra = {}) =>
    add('', 'configmaps', {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: meta('ConfigMap', ns, name, age, extra),
      data,
    });
  cm('kube-system', 'coredns', CLUSTER_AGE - 12, {
    Corefile:
      '.:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n       max_concurrent 1000\n    }\n    cache 30 {\n       disable success cluster.local\n       disable denial cluster.local\n    }\n    loop\n    reload\n    loadbalance\n}\n',
  });
  cm(
    'kube-system',
    'kube-proxy',
    CLUSTER_AGE - 11,
    {
      'config.conf':
        'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nbindAddress: 0.0.0.0\nclusterCIDR: 10.244.0.0/16\nconntrack:\n  maxPerCore: 0\nkind: KubeProxyConfiguration\nmetricsBindAddress: ""\nmode: iptables\n',
      'kubeconfig.conf':
        'apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt\n    server: https://sandbox-control-plane:6443\n  name: default\ncontexts:\n- context:\n    cluster: default\n    namespace: default\n    user: default\n  name: default\ncurrent-context: default\nusers:\n- name: default\n  user:\n    tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token\n',
    },
    { labels: { app: 'kube-proxy' } },
  );
  cm('kube-system', 'kubeadm-config', CLUSTER_AGE - 5, {
    ClusterConfiguration: `apiServer:\n  certSANs:\n  - localhost\n  - 127.0.0.1\napiVersion: kubeadm.k8s.io/v1beta4\nclusterName: sandbox\ncontrolPlaneEndpoint: sandbox-control-plane:6443\nkind: ClusterConfiguration\nkubernetesVersion: ${KUBE_VERSION}\nnetworking:\n  dnsDomain: cluster.local\n  podSubnet: 10.244.0.0/16\n  serviceSubnet: 10.96.0.0/16\n`,
  });
  cm('kube-public', 'cluster-info', CLUSTER_AGE - 4, {
    kubeconfig: `apiVersion: v1\nclusters:\n- cluster:\n    certificate-authority-data: ${b64(caPem)}\n    server: https://sandbox-control-plane:6443\n  name: ""\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n`,
  });
  cm(
    'team-a',
    'web-config',
    20 * DAY,
    {
      'default.conf':
        'server {\n    listen 80;\n    server_name web.team-a.example.com;\n    location /healthz { return 200 "ok"; }\n    location / {\n        root /usr/share/nginx/html;\n        index index.html;\n    }\n}\n',
      'app.properties': 'shop.currency=EUR\nshop.items-per-page=24\nfeature.recommendations=true\n',
    },
    {
      labels: { app: 'web' },
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration':
          '{"apiVersion":"v1","data":{"app.properties":"shop.currency=EUR\\nshop.items-per-page=24\\nfeature.recommendations=true\\n"},"kind":"ConfigMap","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web-config","namespace":"team-a"}}\n',
      },
      managedFields: [
        managed('kubectl-client-side-apply', 'Update', 'v1', 20 * DAY, {
          'f:data': { '.': {}, 'f:app.properties': {}, 'f:default.conf': {} },
          'f:metadata': {
            'f:annotations': { '.': {}, 'f:kubectl.kubernetes.io/last-applied-configuration': {} },
            'f:labels': { '.': {}, 'f:app': {} },
          },
        }),
      ],
    },
  );
  cm(
    'team-b',
    'api-settings',
    11 * DAY,
    { 'settings.yaml': 'rateLimit:\n  requestsPerSecond: 50\n  burst: 100\nfeatures:\n  asyncOrders: true\n' },
    { labels: { app: 'api' } },
  );
  cm('demo', 'crashy-config', 2 * DAY + 4 * HOUR, {
    'config.yaml': 'listen: :8080\nupstream: http://does-not-exist.demo.svc:9000\n',
  });

  // --- secrets --------------------------------------------------------------------------------
  const secret = (
    ns: string,
    name: string,
    age: number,
    type: string,
    data: Record<string, string>,
    extra: MetaExtra = {},
  ) => {
    const enc: Record<string, string> = {};
    for (const [k, v] of Object.entries(data)) enc[k] = b64(v);
    add('', 'secrets', {
      kind: 'Secret',
      apiVersion: 'v1',
      metadata: meta('Secret', ns, name, age, extra),
      data: enc,
      type,
    });
  };
  // Created with `kubectl apply`, as most Secrets are: the annotation repeats the values, which is
  // exactly what a viewer must not show in clear.
  const dbCredentials = { username: 'shop', password: 's3cr3t-Passw0rd!' };
  const lastApplied = JSON.stringify({
    apiVersion: 'v1',
    data: Object.fromEntries(Object.entries(dbCredentials).map(([k, v]) => [k, b64(v)])),
    kind: 'Secret',
    metadata: { annotations: {}, labels: { app: 'db' }, name: 'db-credentials', namespace: 'team-a' },
    type: 'Opaque',
  });
  secret('team-a', 'db-credentials', 20 * DAY, 'Opaque', dbCredentials, {
    labels: { app: 'db' },
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied + '\n' },
  });
  secret('team-a', 'web-tls', 19 * DAY, 'kubernetes.io/tls', {
    'tls.crt': fakePem('CERTIFICATE', 'web-tls-crt', 820),
    'tls.key': fakePem('PRIVATE KEY', 'web-tls-key', 1190),
  });
  const jwt = (sub: string) =>
    `${b64('{"alg":"RS256","kid":"' + hexFor('kid', 43) + '"}').replace(/=+$/, '')}.${b64(
      `{"iss":"kubernetes/serviceaccount","kubernetes.io/serviceaccount/namespace":"team-a","kubernetes.io/serviceaccount/service-account.name":"${sub}","sub":"system:serviceaccount:team-a:${sub}"}`,
    ).replace(/=+$/, '')}.${hexFor('sig/' + sub, 86)}`;
  secret(
    'team-a',
    'build-robot-token',
    18 * DAY,
    'kubernetes.io/service-account-token',
    { 'ca.crt': caPem, namespace: 'team-a', token: jwt('build-robot') },
    {
      annotations: {
        'kubernetes.io/service-account.name': 'build-robot',
        'kubernetes.io/service-account.uid': uidFor('ServiceAccount/team-a/build-robot'),
      },
    },
  );
  secret('team-b', 'api-keys', 11 * DAY, 'Opaque', {
    'stripe-key': 'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
    'sentry-dsn': 'https://abc123@o0.ingest.sentry.io/42',
  });
  secret('default', 'registry-pull', 25 * DAY, 'kubernetes.io/dockerconfigjson', {
    '.dockerconfigjson':
      '{"auths":{"ghcr.io":{"username":"robot","password":"ghp_exampletoken","auth":"' +
      b64('robot:ghp_exampletoken') +
      '"}}}',
  });
  secret('demo', 'demo-api-key', 2 * DAY, 'Opaque', { 'api-key': 'demo-1234567890' });
  secret('kube-system', 'bootstrap-token-abcdef', CLUSTER_AGE - 6, 'bootstrap.kubernetes.io/token', {
    'auth-extra-groups': 'system:bootstrappers:kubeadm:default-node-token',
    expiration: ts(CLUSTER_AGE - 6 - DAY),
    'token-id': 'abcdef',
    'token-secret': '0123456789abcdef',
    'usage-bootstrap-authentication': 'true',
    'usage-bootstrap-signing': 'true',
  });

  // --- serviceaccounts ------------------------------------------------------------------------
  const sa = (ns: string, name: string, age: number, secrets?: string[], extra: MetaExtra = {}) =>
    add('', 'serviceaccounts', {
      kind: 'ServiceAccount',
      apiVersion: 'v1',
      metadata: meta('ServiceAccount', ns, name, age, extra),
      ...(secrets ? { secrets: secrets.map((s) => ({ name: s })) } : {}),
    });
  for (const ns of allNamespaces) sa(ns, 'default', nsAge[ns] ?? 3 * HOUR);
  for (const n of [
    'attachdetach-controller',
    'coredns',
    'deployment-controller',
    'endpointslice-controller',
    'kube-proxy',
    'replicaset-controller',
  ])
    sa('kube-system', n, CLUSTER_AGE - 8);
  sa('team-a', 'build-robot', 18 * DAY, ['build-robot-token']);

  // --- events (core v1) -----------------------------------------------------------------------
  const findPod = (ns: string, prefix: string) =>
    pods.find((p) => p.metadata.namespace === ns && p.metadata.name.startsWith(prefix))!;
  const crash = findPod('demo', 'crashy-');
  const pending = pods.find((p) => p.metadata.namespace === 'team-b' && p.status.phase === 'Pending')!;
  const newestWeb = pods.filter((p) => p.metadata.namespace === 'team-a' && p.metadata.name.startsWith('web-')).pop()!;
  const ev = (
    involved: any,
    reason: string,
    message: string,
    type: string,
    firstAgo: number,
    lastAgo: number,
    count: number,
    source: { component: string; host?: string },
    fieldPath?: string,
  ) =>
    add(
      '',
      'events',
      makeEvent(
        involved,
        reason,
        message,
        type,
        BASE_TIME_MS - firstAgo * 1000,
        BASE_TIME_MS - lastAgo * 1000,
        count,
        source,
        fieldPath,
      ),
    );
  const kubelet = (pod: any) => ({ component: 'kubelet', host: pod.spec.nodeName });
  ev(
    crash,
    'Scheduled',
    `Successfully assigned demo/${crash.metadata.name} to ${crash.spec.nodeName}`,
    'Normal',
    95 * 60,
    95 * 60,
    1,
    { component: 'default-scheduler' },
  );
  ev(
    crash,
    'Pulling',
    'Pulling image "ghcr.io/example/crashy:0.1.0"',
    'Normal',
    95 * 60 - 1,
    95 * 60 - 1,
    1,
    kubelet(crash),
    'spec.containers{crashy}',
  );
  ev(
    crash,
    'Pulled',
    'Successfully pulled image "ghcr.io/example/crashy:0.1.0" in 1.204s (1.204s including waiting). Image size: 8123456 bytes.',
    'Normal',
    95 * 60 - 3,
    95 * 60 - 3,
    1,
    kubelet(crash),
    'spec.containers{crashy}',
  );
  ev(
    crash,
    'Created',
    'Created container: crashy',
    'Normal',
    95 * 60 - 3,
    190,
    18,
    kubelet(crash),
    'spec.containers{crashy}',
  );
  ev(
    crash,
    'Started',
    'Started container crashy',
    'Normal',
    95 * 60 - 4,
    190,
    18,
    kubelet(crash),
    'spec.containers{crashy}',
  );
  ev(
    crash,
    'BackOff',
    `Back-off restarting failed container crashy in pod ${crash.metadata.name}_demo(${crash.metadata.uid})`,
    'Warning',
    94 * 60,
    12,
    402,
    kubelet(crash),
    'spec.containers{crashy}',
  );
  ev(pending, 'FailedScheduling', pending.status.conditions[0].message, 'Warning', 47 * 60, 2 * 60 + 5, 11, {
    component: 'default-scheduler',
  });
  const webRs = {
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    metadata: {
      namespace: 'team-a',
      name: newestWeb.metadata.ownerReferences[0].name,
      uid: newestWeb.metadata.ownerReferences[0].uid,
      resourceVersion: '',
    },
  };
  ev(
    webRs,
    'SuccessfulCreate',
    `Created pod: ${newestWeb.metadata.name}`,
    'Normal',
    3 * HOUR + 12 * 60,
    3 * HOUR + 12 * 60,
    1,
    { component: 'replicaset-controller' },
  );
  ev(
    newestWeb,
    'Scheduled',
    `Successfully assigned team-a/${newestWeb.metadata.name} to ${newestWeb.spec.nodeName}`,
    'Normal',
    3 * HOUR + 12 * 60,
    3 * HOUR + 12 * 60,
    1,
    { component: 'default-scheduler' },
  );
  ev(
    newestWeb,
    'Pulled',
    'Container image "nginx:1.27.4" already present on machine',
    'Normal',
    3 * HOUR + 12 * 60 - 1,
    3 * HOUR + 12 * 60 - 1,
    1,
    kubelet(newestWeb),
    'spec.containers{nginx}',
  );
  ev(
    newestWeb,
    'Started',
    'Started container nginx',
    'Normal',
    3 * HOUR + 12 * 60 - 2,
    3 * HOUR + 12 * 60 - 2,
    1,
    kubelet(newestWeb),
    'spec.containers{nginx}',
  );
  const pvcObj = {
    kind: 'PersistentVolumeClaim',
    apiVersion: 'v1',
    metadata: {
      namespace: 'team-b',
      name: 'uploads',
      uid: uidFor('PersistentVolumeClaim/team-b/uploads'),
      resourceVersion: '',
    },
  };
  ev(
    pvcObj,
    'WaitForFirstConsumer',
    'waiting for first consumer to be created before binding',
    'Normal',
    9 * DAY,
    4 * 60,
    2900,
    { component: 'persistentvolume-controller' },
  );

  // --- rbac -----------------------------------------------------------------------------------
  const bootstrapMeta = (kind: string, name: string) =>
    meta(kind, undefined, name, CLUSTER_AGE, {
      labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
      annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
    });
  const clusterRole = (name: string, rules: any[], extra: any = {}) => {
    const m = bootstrapMeta('ClusterRole', name);
    if (extra.labels) m.labels = { ...m.labels, ...extra.labels };
    add('rbac.authorization.k8s.io', 'clusterroles', {
      kind: 'ClusterRole',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: m,
      rules,
      ...(extra.aggregationRule ? { aggregationRule: extra.aggregationRule } : {}),
    });
  };
  const readVerbs = ['get', 'list', 'watch'];
  const writeVerbs = ['create', 'delete', 'deletecollection', 'patch', 'update'];
  clusterRole('cluster-admin', [
    { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
    { verbs: ['*'], nonResourceURLs: ['*'] },
  ]);
  clusterRole(
    'admin',
    [
      {
        verbs: [...writeVerbs, ...readVerbs],
        apiGroups: [''],
        resources: [
          'pods',
          'pods/attach',
          'pods/exec',
          'pods/portforward',
          'pods/proxy',
          'secrets',
          'services',
          'configmaps',
          'persistentvolumeclaims',
          'serviceaccounts',
        ],
      },
      {
        verbs: [...writeVerbs, ...readVerbs],
        apiGroups: ['apps'],
        resources: [
          'daemonsets',
          'deployments',
          'deployments/rollback',
          'deployments/scale',
          'replicasets',
          'replicasets/scale',
          'statefulsets',
          'statefulsets/scale',
        ],
      },
      {
        verbs: [...writeVerbs, ...readVerbs],
        apiGroups: ['rbac.authorization.k8s.io'],
        resources: ['rolebindings', 'roles'],
      },
      { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'] },
    ],
    {
      aggregationRule: {
        clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' } }],
      },
    },
  );
  clusterRole(
    'edit',
    [
      {
        verbs: [...writeVerbs, ...readVerbs],
        apiGroups: [''],
        resources: [
          'pods',
          'pods/attach',
          'pods/exec',
          'pods/portforward',
          'pods/proxy',
          'secrets',
          'services',
          'configmaps',
          'persistentvolumeclaims',
          'replicationcontrollers',
        ],
      },
      {
        verbs: [...writeVerbs, ...readVerbs],
        apiGroups: ['apps'],
        resources: [
          'daemonsets',
          'deployments',
          'deployments/rollback',
          'deployments/scale',
          'replicasets',
          'replicasets/scale',
          'statefulsets',
          'statefulsets/scale',
        ],
      },
      { verbs: [...writeVerbs, ...readVerbs], apiGroups: ['batch'], resources: ['cronjobs', 'jobs'] },
    ],
    {
      labels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' },
      aggregationRule: {
        clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' } }],
      },
    },
  );
  clusterRole(
    'view',
    [
      {
        verbs: readVerbs,
        apiGroups: [''],
        resources: [
          'configmaps',
          'endpoints',
          'persistentvolumeclaims',
          'pods',
          'replicationcontrollers',
          'serviceaccounts',
          'services',
        ],
      },
      {
        verbs: readVerbs,
        apiGroups: [''],
        resources: [
          'bindings',
          'events',
          'limitranges',
          'namespaces/status',
          'pods/log',
          'pods/status',
          'resourcequotas',
        ],
      },
      {
        verbs: readVerbs,
        apiGroups: ['apps'],
        resources: ['daemonsets', 'deployments', 'replicasets', 'statefulsets'],
      },
      { verbs: readVerbs, apiGroups: ['batch'], resources: ['cronjobs', 'jobs'] },
      { verbs: readVerbs, apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'networkpolicies'] },
    ],
    {
      labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' },
      aggregationRule: {
        clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } }],
      },
    },
  );
  clusterRole('system:basic-user', [
    {
      verbs: ['create'],
      apiGroups: ['authorization.k8s.io'],
      resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
    },
    { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
  ]);
  clusterRole('system:discovery', [
    {
      verbs: ['get'],
      nonResourceURLs: [...DISCOVERY_URLS],
    },
  ]);
  clusterRole('system:public-info-viewer', [{ verbs: ['get'], nonResourceURLs: [...PUBLIC_INFO_URLS] }]);
  const crb = (name: string, role: string, subjects: any[]) =>
    add('rbac.authorization.k8s.io', 'clusterrolebindings', {
      kind: 'ClusterRoleBinding',
      apiVersion: 'rbac.authorization.k8s.io/v1',
      metadata: bootstrapMeta('ClusterRoleBinding', name),
      subjects,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
    });
  const group = (name: string) => ({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name });
  crb('cluster-admin', 'cluster-admin', [group('system:masters')]);
  crb('kubeadm:cluster-admins', 'cluster-admin', [group('kubeadm:cluster-admins')]);
  crb('system:basic-user', 'system:basic-user', [group('system:authenticated')]);
  crb('system:discovery', 'system:discovery', [group('system:authenticated')]);
  crb('system:public-info-viewer', 'system:public-info-viewer', [
    group('system:authenticated'),
    group('system:unauthenticated'),
  ]);
  crb('team-a-admins', 'admin', [{ kind: 'ServiceAccount', name: 'build-robot', namespace: 'team-a' }]);

  add('rbac.authorization.k8s.io', 'roles', {
    kind: 'Role',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata: meta('Role', 'team-a', 'pod-reader', 19 * DAY),
    rules: [{ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] }],
  });
  add('rbac.authorization.k8s.io', 'roles', {
    kind: 'Role',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata: meta('Role', 'kube-system', 'kube-proxy', CLUSTER_AGE - 11),
    rules: [{ verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['kube-proxy'] }],
  });
  add('rbac.authorization.k8s.io', 'rolebindings', {
    kind: 'RoleBinding',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata: meta('RoleBinding', 'team-a', 'read-pods', 19 * DAY),
    subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'jane' }],
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
  });
  add('rbac.authorization.k8s.io', 'rolebindings', {
    kind: 'RoleBinding',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata: meta('RoleBinding', 'kube-system', 'kube-proxy', CLUSTER_AGE - 11),
    subjects: [
      { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'system:bootstrappers:kubeadm:default-node-token' },
    ],
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'kube-proxy' },
  });

  // --- networking -----------------------------------------------------------------------------
  add('networking.k8s.io', 'ingressclasses', {
    kind: 'IngressClass',
    apiVersion: 'networking.k8s.io/v1',
    metadata: meta('IngressClass', undefined, 'nginx', 25 * DAY, {
      labels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/name': 'ingress-nginx' },
      annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
    }),
    spec: { controller: 'k8s.io/ingress-nginx' },
  });
  add('networking.k8s.io', 'ingresses', {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    metadata: meta('Ingress', 'team-a', 'web', 19 * DAY, {
      generation: 2,
      annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' },
    }),
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: ['web.team-a.example.com'], secretName: 'web-tls' }],
      rules: [
        {
          host: 'web.team-a.example.com',
          http: {
            paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }],
          },
        },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } },
  });
  add('networking.k8s.io', 'ingresses', {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    metadata: meta('Ingress', 'team-b', 'api', 11 * DAY, { generation: 1 }),
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host: 'api.team-b.example.com',
          http: {
            paths: [{ path: '/v1', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } }],
          },
        },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } },
  });
  add('networking.k8s.io', 'networkpolicies', {
    kind: 'NetworkPolicy',
    apiVersion: 'networking.k8s.io/v1',
    metadata: meta('NetworkPolicy', 'team-a', 'db-allow-web', 20 * DAY, { generation: 1 }),
    spec: {
      podSelector: { matchLabels: { app: 'db' } },
      ingress: [{ ports: [{ protocol: 'TCP', port: 5432 }], from: [{ podSelector: { matchLabels: { app: 'web' } } }] }],
      policyTypes: ['Ingress'],
    },
  });
  add('networking.k8s.io', 'networkpolicies', {
    kind: 'NetworkPolicy',
    apiVersion: 'networking.k8s.io/v1',
    metadata: meta('NetworkPolicy', 'team-b', 'default-deny-ingress', 12 * DAY, { generation: 1 }),
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  });

  // --- storage --------------------------------------------------------------------------------
  add('storage.k8s.io', 'storageclasses', {
    kind: 'StorageClass',
    apiVersion: 'storage.k8s.io/v1',
    metadata: meta('StorageClass', undefined, 'standard', CLUSTER_AGE - 13, {
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    }),
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
  add('storage.k8s.io', 'storageclasses', {
    kind: 'StorageClass',
    apiVersion: 'storage.k8s.io/v1',
    metadata: meta('StorageClass', undefined, 'fast-ssd', 20 * DAY),
    provisioner: 'pd.csi.storage.gke.io',
    parameters: { type: 'pd-ssd' },
    reclaimPolicy: 'Retain',
    allowVolumeExpansion: true,
    volumeBindingMode: 'Immediate',
  });
  const pvcUid = uidFor('PersistentVolumeClaim/team-a/data-db-0');
  const pvName = `pvc-${pvcUid}`;
  add('', 'persistentvolumeclaims', {
    kind: 'PersistentVolumeClaim',
    apiVersion: 'v1',
    metadata: meta('PersistentVolumeClaim', 'team-a', 'data-db-0', 20 * DAY + 30, {
      labels: { app: 'db' },
      annotations: {
        'pv.kubernetes.io/bind-completed': 'yes',
        'pv.kubernetes.io/bound-by-controller': 'yes',
        'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
        'volume.kubernetes.io/selected-node': w2,
        'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      },
      finalizers: ['kubernetes.io/pvc-protection'],
    }),
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '1Gi' } },
      volumeName: pvName,
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
    },
    status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
  });
  add('', 'persistentvolumeclaims', {
    kind: 'PersistentVolumeClaim',
    apiVersion: 'v1',
    metadata: meta('PersistentVolumeClaim', 'team-b', 'uploads', 9 * DAY, {
      finalizers: ['kubernetes.io/pvc-protection'],
    }),
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '5Gi' } },
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
    },
    status: { phase: 'Pending' },
  });
  add('', 'persistentvolumes', {
    kind: 'PersistentVolume',
    apiVersion: 'v1',
    metadata: meta('PersistentVolume', undefined, pvName, 20 * DAY + 25, {
      annotations: {
        'local.path.provisioner/selected-node': w2,
        'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path',
      },
      finalizers: ['kubernetes.io/pv-protection'],
    }),
    spec: {
      capacity: { storage: '1Gi' },
      hostPath: { path: `/var/local-path-provisioner/${pvName}_team-a_data-db-0`, type: 'DirectoryOrCreate' },
      accessModes: ['ReadWriteOnce'],
      claimRef: {
        kind: 'PersistentVolumeClaim',
        namespace: 'team-a',
        name: 'data-db-0',
        uid: pvcUid,
        apiVersion: 'v1',
        resourceVersion: '',
      },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [w2] }] }],
        },
      },
    },
    status: { phase: 'Bound', lastPhaseTransitionTime: ts(20 * DAY + 25) },
  });

  // --- coordination ---------------------------------------------------------------------------
  for (const n of NODES) {
    add('coordination.k8s.io', 'leases', {
      kind: 'Lease',
      apiVersion: 'coordination.k8s.io/v1',
      metadata: meta('Lease', 'kube-node-lease', n.name, CLUSTER_AGE - 30, {
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: n.name, uid: uidFor(`Node//${n.name}`) }],
      }),
      spec: {
        holderIdentity: n.name,
        leaseDurationSeconds: 40,
        renewTime: rfc3339Micro(BASE_TIME_MS - 4000 - n.ip.length * 997),
      },
    });
  }
  for (const c of ['kube-controller-manager', 'kube-scheduler']) {
    add('coordination.k8s.io', 'leases', {
      kind: 'Lease',
      apiVersion: 'coordination.k8s.io/v1',
      metadata: meta('Lease', 'kube-system', c, CLUSTER_AGE - 9),
      spec: {
        holderIdentity: `${cp}_${uidFor('holder/' + c)}`,
        leaseDurationSeconds: 15,
        acquireTime: rfc3339Micro(BASE_TIME_MS - (CLUSTER_AGE - 9) * 1000),
        renewTime: rfc3339Micro(BASE_TIME_MS - 1500),
        leaseTransitions: c === 'kube-controller-manager' ? 1 : 0,
      },
    });
  }

  // --- scheduling -----------------------------------------------------------------------------
  const pc = (name: string, value: number, description: string, age: number, extra: MetaExtra = {}) =>
    add('scheduling.k8s.io', 'priorityclasses', {
      kind: 'PriorityClass',
      apiVersion: 'scheduling.k8s.io/v1',
      metadata: meta('PriorityClass', undefined, name, age, extra),
      value,
      description,
      preemptionPolicy: 'PreemptLowerPriority',
    });
  pc('high-priority', 1000000, 'For customer-facing services.', 20 * DAY);
  pc(
    'system-cluster-critical',
    2000000000,
    'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
    CLUSTER_AGE,
  );
  pc(
    'system-node-critical',
    2000001000,
    'Used for system critical pods that must not be moved from their current node.',
    CLUSTER_AGE,
  );

  // --- autoscaling ----------------------------------------------------------------------------
  add('autoscaling', 'horizontalpodautoscalers', {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    metadata: meta('HorizontalPodAutoscaler', 'team-a', 'web', 18 * DAY),
    spec: {
      scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
      ],
    },
    status: {
      lastScaleTime: ts(3 * HOUR + 12 * 60),
      currentReplicas: 3,
      desiredReplicas: 3,
      currentMetrics: [
        { type: 'Resource', resource: { name: 'cpu', current: { averageValue: '34m', averageUtilization: 34 } } },
      ],
      conditions: [
        {
          type: 'AbleToScale',
          status: 'True',
          lastTransitionTime: ts(18 * DAY),
          reason: 'ReadyForNewScale',
          message: 'recommended size matches current size',
        },
        {
          type: 'ScalingActive',
          status: 'True',
          lastTransitionTime: ts(18 * DAY),
          reason: 'ValidMetricFound',
          message:
            'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
        },
        {
          type: 'ScalingLimited',
          status: 'False',
          lastTransitionTime: ts(18 * DAY),
          reason: 'DesiredWithinRange',
          message: 'the desired count is within the acceptable range',
        },
      ],
    },
  });

  // --- CRD and custom resources ---------------------------------------------------------------
  add('apiextensions.k8s.io', 'customresourcedefinitions', {
    kind: 'CustomResourceDefinition',
    apiVersion: 'apiextensions.k8s.io/v1',
    metadata: meta('CustomResourceDefinition', undefined, 'crontabs.stable.example.com', 22 * DAY, { generation: 1 }),
    spec: {
      group: 'stable.example.com',
      names: { plural: 'crontabs', singular: 'crontab', shortNames: ['ct'], kind: 'CronTab', listKind: 'CronTabList' },
      scope: 'Namespaced',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: {
                  type: 'object',
                  properties: {
                    cronSpec: { type: 'string' },
                    image: { type: 'string' },
                    replicas: { type: 'integer' },
                  },
                },
              },
            },
          },
        },
      ],
      conversion: { strategy: 'None' },
    },
    status: {
      conditions: [
        {
          type: 'NamesAccepted',
          status: 'True',
          lastTransitionTime: ts(22 * DAY),
          reason: 'NoConflicts',
          message: 'no conflicts found',
        },
        {
          type: 'Established',
          status: 'True',
          lastTransitionTime: ts(22 * DAY),
          reason: 'InitialNamesAccepted',
          message: 'the initial names have been accepted',
        },
      ],
      acceptedNames: {
        plural: 'crontabs',
        singular: 'crontab',
        shortNames: ['ct'],
        kind: 'CronTab',
        listKind: 'CronTabList',
      },
      storedVersions: ['v1'],
    },
  });
  const crontab = (ns: string, name: string, age: number, spec: any) =>
    add('stable.example.com', 'crontabs', {
      apiVersion: 'stable.example.com/v1',
      kind: 'CronTab',
      metadata: meta('CronTab', ns, name, age, { generation: 1 }),
      spec,
    });
  crontab('team-a', 'my-new-cron-object', 21 * DAY, {
    cronSpec: '* * * * */5',
    image: 'my-awesome-cron-image',
    replicas: 1,
  });
  crontab('demo', 'cleanup', 2 * DAY, { cronSpec: '0 */6 * * *', image: 'ghcr.io/example/cleanup:0.3.0', replicas: 2 });

  return out;
}

// ---------------------------------------------------------------------------------------------
// workload helpers (controllers + the pods they own)

interface DeploymentDef {
  ns: string;
  name: string;
  age: number;
  replicas: number;
  labels: Record<string, string>;
  selector: Record<string, string>;
  containers: ContainerDef[];
  volumes?: any[];
  revision?: number;
  annotateApply?: boolean;
  podExtra?: Partial<PodDef>;
  pods: { node?: string; ip?: string; age?: number; state?: PodState; restarts?: number }[];
}

class Workloads {
  constructor(
    private add: (group: string, resource: string, obj: any) => void,
    private addPod: (d: PodDef) => any,
  ) {}

  deployment(d: DeploymentDef): void {
    const revision = d.revision ?? 1;
    const hash = suffixFor(`${d.ns}/${d.name}/rs/${revision}`, 10);
    const rsName = `${d.name}-${hash}`;
    const podLabels = { ...d.selector, 'pod-template-hash': hash };
    const ready = d.pods.filter((p) => (p.state ?? 'running') === 'running').length;
    const tmplSpec = templateSpec(d.containers, {
      volumes: d.volumes,
      serviceAccountName: d.podExtra?.serviceAccount,
      priorityClassName: d.podExtra?.priorityClassName,
    });
    const depAnnotations: Record<string, string> = { 'deployment.kubernetes.io/revision': String(revision) };
    let managedFields: any[] | undefined;
    if (d.annotateApply) {
      depAnnotations['kubectl.kubernetes.io/last-applied-configuration'] =
        JSON.stringify({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { annotations: {}, labels: d.labels, name: d.name, namespace: d.ns },
          spec: {
            replicas: d.replicas,
            selector: { matchLabels: d.selector },
            template: {
              metadata: { labels: d.selector },
              spec: { containers: d.containers.map((c) => ({ image: c.image, name: c.name })) },
            },
          },
        }) + '\n';
      managedFields = [
        managed('kubectl-client-side-apply', 'Update', 'apps/v1', d.age, {
          'f:metadata': {
            'f:annotations': { '.': {}, 'f:kubectl.kubernetes.io/last-applied-configuration': {} },
            'f:labels': { '.': {}, 'f:app': {} },
          },
          'f:spec': {
            'f:progressDeadlineSeconds': {},
            'f:replicas': {},
            'f:revisionHistoryLimit': {},
            'f:selector': {},
            'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {}, 'f:maxUnavailable': {} }, 'f:type': {} },
            'f:template': {
              'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
              'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
            },
          },
        }),
        managed(
          'kube-controller-manager',
          'Update',
          'apps/v1',
          3 * HOUR,
          {
            'f:metadata': { 'f:annotations': { 'f:deployment.kubernetes.io/revision': {} } },
            'f:status': {
              'f:availableReplicas': {},
              'f:conditions': {},
              'f:observedGeneration': {},
              'f:readyReplicas': {},
              'f:replicas': {},
              'f:updatedReplicas': {},
            },
          },
          'status',
        ),
      ];
    }
    const conditions = [
      ready >= d.replicas || ready > 0
        ? {
            type: 'Available',
            status: ready >= Math.ceil(d.replicas * 0.75) ? 'True' : 'False',
            lastUpdateTime: ts(d.age - 20),
            lastTransitionTime: ts(d.age - 20),
            reason: ready >= Math.ceil(d.replicas * 0.75) ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
            message:
              ready >= Math.ceil(d.replicas * 0.75)
                ? 'Deployment has minimum availability.'
                : 'Deployment does not have minimum availability.',
          }
        : {
            type: 'Available',
            status: 'False',
            lastUpdateTime: ts(d.age - 20),
            lastTransitionTime: ts(d.age - 20),
            reason: 'MinimumReplicasUnavailable',
            message: 'Deployment does not have minimum availability.',
          },
      {
        type: 'Progressing',
        status: 'True',
        lastUpdateTime: ts(d.age - 25),
        lastTransitionTime: ts(d.age - 2),
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${rsName}" has successfully progressed.`,
      },
    ];
    this.add('apps', 'deployments', {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: meta('Deployment', d.ns, d.name, d.age, {
        generation: revision,
        labels: d.labels,
        annotations: depAnnotations,
        managedFields,
      }),
      spec: {
        replicas: d.replicas,
        selector: { matchLabels: d.selector },
        template: { metadata: { creationTimestamp: null, labels: d.selector }, spec: tmplSpec },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
      },
      status: {
        observedGeneration: revision,
        replicas: d.pods.length,
        updatedReplicas: d.pods.length,
        ...(ready ? { readyReplicas: ready, availableReplicas: ready } : {}),
        ...(d.pods.length - ready ? { unavailableReplicas: d.pods.length - ready } : {}),
        conditions,
      },
    });
    this.add('apps', 'replicasets', {
      kind: 'ReplicaSet',
      apiVersion: 'apps/v1',
      metadata: meta('ReplicaSet', d.ns, rsName, Math.min(d.age, ...d.pods.map((p) => (p.age ?? d.age - 1) + 1)), {
        generation: 1,
        labels: podLabels,
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(d.replicas),
          'deployment.kubernetes.io/max-replicas': String(d.replicas + Math.ceil(d.replicas * 0.25)),
          'deployment.kubernetes.io/revision': String(revision),
        },
        ownerReferences: [ownerRef('apps/v1', 'Deployment', d.ns, d.name)],
      }),
      spec: {
        replicas: d.replicas,
        selector: { matchLabels: podLabels },
        template: { metadata: { creationTimestamp: null, labels: podLabels }, spec: tmplSpec },
      },
      status: {
        replicas: d.pods.length,
        fullyLabeledReplicas: d.pods.length,
        ...(ready ? { readyReplicas: ready, availableReplicas: ready } : {}),
        observedGeneration: 1,
      },
    });
    if (revision > 1) {
      // an older, scaled-down ReplicaSet, the way a rollout leaves it behind
      const oldHash = suffixFor(`${d.ns}/${d.name}/rs/${revision - 1}`, 10);
      const oldLabels = { ...d.selector, 'pod-template-hash': oldHash };
      this.add('apps', 'replicasets', {
        kind: 'ReplicaSet',
        apiVersion: 'apps/v1',
        metadata: meta('ReplicaSet', d.ns, `${d.name}-${oldHash}`, d.age - 60, {
          generation: 3,
          labels: oldLabels,
          annotations: {
            'deployment.kubernetes.io/desired-replicas': String(d.replicas),
            'deployment.kubernetes.io/max-replicas': String(d.replicas + 1),
            'deployment.kubernetes.io/revision': String(revision - 1),
          },
          ownerReferences: [ownerRef('apps/v1', 'Deployment', d.ns, d.name)],
        }),
        spec: {
          replicas: 0,
          selector: { matchLabels: oldLabels },
          template: { metadata: { creationTimestamp: null, labels: oldLabels }, spec: tmplSpec },
        },
        status: { replicas: 0, observedGeneration: 3 },
      });
    }
    d.pods.forEach((p, i) => {
      this.addPod({
        ns: d.ns,
        name: `${rsName}-${suffixFor(`${d.ns}/${rsName}/${i}`, 5)}`,
        generateName: `${rsName}-`,
        node: p.node,
        ip: p.ip,
        age: p.age ?? d.age - 5 - i * 2,
        state: p.state,
        restarts: p.restarts,
        labels: podLabels,
        owner: ownerRef('apps/v1', 'ReplicaSet', d.ns, rsName),
        containers: d.containers,
        volumes: d.volumes,
        ...(d.podExtra ?? {}),
      });
    });
  }

  statefulSet(d: {
    ns: string;
    name: string;
    age: number;
    labels: Record<string, string>;
    containers: ContainerDef[];
    pod: { node: string; ip: string };
  }): void {
    const rev = `${d.name}-${suffixFor(`${d.ns}/${d.name}/rev`, 10)}`;
    const selector = { app: d.labels.app! };
    this.add('apps', 'statefulsets', {
      kind: 'StatefulSet',
      apiVersion: 'apps/v1',
      metadata: meta('StatefulSet', d.ns, d.name, d.age, { generation: 1, labels: d.labels }),
      spec: {
        replicas: 1,
        selector: { matchLabels: selector },
        template: { metadata: { creationTimestamp: null, labels: selector }, spec: templateSpec(d.containers) },
        volumeClaimTemplates: [
          {
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            metadata: { name: 'data', creationTimestamp: null },
            spec: {
              accessModes: ['ReadWriteOnce'],
              resources: { requests: { storage: '1Gi' } },
              volumeMode: 'Filesystem',
            },
            status: { phase: 'Pending' },
          },
        ],
        serviceName: d.name,
        podManagementPolicy: 'OrderedReady',
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        revisionHistoryLimit: 10,
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      },
      status: {
        observedGeneration: 1,
        replicas: 1,
        readyReplicas: 1,
        currentReplicas: 1,
        updatedReplicas: 1,
        currentRevision: rev,
        updateRevision: rev,
        collisionCount: 0,
        availableReplicas: 1,
      },
    });
    this.addPod({
      ns: d.ns,
      name: `${d.name}-0`,
      generateName: `${d.name}-`,
      node: d.pod.node,
      ip: d.pod.ip,
      age: d.age - 10,
      labels: {
        ...selector,
        'apps.kubernetes.io/pod-index': '0',
        'controller-revision-hash': rev,
        'statefulset.kubernetes.io/pod-name': `${d.name}-0`,
      },
      owner: ownerRef('apps/v1', 'StatefulSet', d.ns, d.name),
      containers: d.containers,
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: `data-${d.name}-0` } }],
    });
  }

  daemonSet(d: {
    ns: string;
    name: string;
    age: number;
    labels: Record<string, string>;
    containers: ContainerDef[];
    serviceAccount: string;
  }): void {
    const hash = suffixFor(`${d.ns}/${d.name}/ds`, 10);
    const volumes = [
      { name: 'kube-proxy', configMap: { name: 'kube-proxy', defaultMode: 420 } },
      { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
      { name: 'lib-modules', hostPath: { path: '/lib/modules', type: '' } },
    ];
    const tolerations = [{ operator: 'Exists' }];
    this.add('apps', 'daemonsets', {
      kind: 'DaemonSet',
      apiVersion: 'apps/v1',
      metadata: meta('DaemonSet', d.ns, d.name, d.age, {
        generation: 1,
        labels: d.labels,
        annotations: { 'deprecated.daemonset.template.generation': '1' },
      }),
      spec: {
        selector: { matchLabels: d.labels },
        template: {
          metadata: { creationTimestamp: null, labels: d.labels },
          spec: templateSpec(d.containers, {
            volumes,
            hostNetwork: true,
            nodeSelector: { 'kubernetes.io/os': 'linux' },
            serviceAccountName: d.serviceAccount,
            tolerations,
            priorityClassName: 'system-node-critical',
          }),
        },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
        revisionHistoryLimit: 10,
      },
      status: {
        currentNumberScheduled: NODES.length,
        numberMisscheduled: 0,
        desiredNumberScheduled: NODES.length,
        numberReady: NODES.length,
        observedGeneration: 1,
        updatedNumberScheduled: NODES.length,
        numberAvailable: NODES.length,
      },
    });
    NODES.forEach((n, i) => {
      this.addPod({
        ns: d.ns,
        name: `${d.name}-${suffixFor(`${d.ns}/${d.name}/${n.name}`, 5)}`,
        generateName: `${d.name}-`,
        node: n.name,
        age: d.age - 5 - i * 35,
        hostNetwork: true,
        labels: { ...d.labels, 'controller-revision-hash': hash, 'pod-template-generation': '1' },
        owner: ownerRef('apps/v1', 'DaemonSet', d.ns, d.name),
        containers: d.containers,
        serviceAccount: d.serviceAccount,
        volumes,
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        tolerations: [
          { operator: 'Exists' },
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
          { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
        ],
        priorityClassName: 'system-node-critical',
        priority: 2000001000,
      });
    });
  }

  private jobObject(
    ns: string,
    name: string,
    age: number,
    container: ContainerDef,
    runSeconds: number,
    owner?: any,
    labels: Record<string, string> = {},
  ): { job: any; podLabels: Record<string, string> } {
    const uid = uidFor(`Job/${ns}/${name}`);
    const podLabels = {
      'batch.kubernetes.io/controller-uid': uid,
      'batch.kubernetes.io/job-name': name,
      'controller-uid': uid,
      'job-name': name,
    };
    const job = {
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: meta('Job', ns, name, age, {
        generation: 1,
        labels: { ...podLabels, ...labels },
        ownerReferences: owner ? [owner] : undefined,
      }),
      spec: {
        parallelism: 1,
        completions: 1,
        backoffLimit: 6,
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } },
        manualSelector: false,
        template: {
          metadata: { creationTimestamp: null, labels: podLabels },
          spec: templateSpec([container], { restartPolicy: 'OnFailure' }),
        },
        completionMode: 'NonIndexed',
        suspend: false,
        podReplacementPolicy: 'TerminatingOrFailed',
      },
      status: {
        conditions: [
          {
            type: 'SuccessCriteriaMet',
            status: 'True',
            lastProbeTime: ts(age - runSeconds - 3),
            lastTransitionTime: ts(age - runSeconds - 3),
            reason: 'CompletionsReached',
            message: 'Reached expected number of succeeded pods',
          },
          {
            type: 'Complete',
            status: 'True',
            lastProbeTime: ts(age - runSeconds - 3),
            lastTransitionTime: ts(age - runSeconds - 3),
            reason: 'CompletionsReached',
            message: 'Reached expected number of succeeded pods',
          },
        ],
        startTime: ts(age),
        completionTime: ts(age - runSeconds - 3),
        succeeded: 1,
        terminating: 0,
        uncountedTerminatedPods: {},
        ready: 0,
      },
    };
    return { job, podLabels };
  }

  job(d: {
    ns: string;
    name: string;
    age: number;
    container: ContainerDef;
    podNode: string;
    podIP: string;
    runSeconds: number;
  }): void {
    const { job, podLabels } = this.jobObject(d.ns, d.name, d.age, d.container, d.runSeconds);
    this.add('batch', 'jobs', job);
    this.addPod({
      ns: d.ns,
      name: `${d.name}-${suffixFor(`${d.ns}/${d.name}/pod`, 5)}`,
      generateName: `${d.name}-`,
      node: d.podNode,
      ip: d.podIP,
      age: d.age - 1,
      state: 'succeeded',
      runSeconds: d.runSeconds,
      labels: podLabels,
      owner: ownerRef('batch/v1', 'Job', d.ns, d.name),
      containers: [d.container],
      restartPolicy: 'OnFailure',
    });
  }

  cronJob(d: {
    ns: string;
    name: string;
    age: number;
    schedule: string;
    container: ContainerDef;
    lastRunAgo: number;
    podNode: string;
    podIP: string;
  }): void {
    const lastRunMs = BASE_TIME_MS - d.lastRunAgo * 1000;
    const jobName = `${d.name}-${Math.floor(lastRunMs / 60000)}`;
    this.add('batch', 'cronjobs', {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: meta('CronJob', d.ns, d.name, d.age, { generation: 1 }),
      spec: {
        schedule: d.schedule,
        concurrencyPolicy: 'Forbid',
        suspend: false,
        jobTemplate: {
          metadata: { creationTimestamp: null },
          spec: {
            template: {
              metadata: { creationTimestamp: null },
              spec: templateSpec([d.container], { restartPolicy: 'OnFailure' }),
            },
          },
        },
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
      },
      status: { lastScheduleTime: ts(d.lastRunAgo), lastSuccessfulTime: ts(d.lastRunAgo - 19) },
    });
    const { job, podLabels } = this.jobObject(
      d.ns,
      jobName,
      d.lastRunAgo,
      d.container,
      16,
      ownerRef('batch/v1', 'CronJob', d.ns, d.name),
    );
    this.add('batch', 'jobs', job);
    this.addPod({
      ns: d.ns,
      name: `${jobName}-${suffixFor(`${d.ns}/${jobName}/pod`, 5)}`,
      generateName: `${jobName}-`,
      node: d.podNode,
      ip: d.podIP,
      age: d.lastRunAgo - 1,
      state: 'succeeded',
      runSeconds: 16,
      labels: podLabels,
      owner: ownerRef('batch/v1', 'Job', d.ns, jobName),
      containers: [d.container],
      restartPolicy: 'OnFailure',
    });
  }
}

// ---------------------------------------------------------------------------------------------
// endpoints / endpointslices derived from a service and the pods it selects

export function endpointsFor(svc: any, pods: any[]): { endpoints: any; slice: any } {
  const ns = svc.metadata.namespace as string;
  const name = svc.metadata.name as string;
  const selector = svc.spec.selector as Record<string, string> | undefined;
  const age = Math.round((BASE_TIME_MS - Date.parse(svc.metadata.creationTimestamp)) / 1000) - 1;
  let targets: { ip: string; node?: string; pod?: any; ready: boolean }[];
  if (!selector) {
    targets = [{ ip: NODES[0]!.ip, ready: true }];
  } else {
    targets = pods
      .filter((p) => p.metadata.namespace === ns && p.status.podIP && p.status.phase === 'Running')
      .filter((p) => Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v))
      .map((p) => ({
        ip: p.status.podIP,
        node: p.spec.nodeName,
        pod: p,
        ready: p.status.conditions.some((c: any) => c.type === 'Ready' && c.status === 'True'),
      }));
  }
  const ports = (svc.spec.ports as any[]).map((p) => ({
    name: p.name,
    port: !selector ? 6443 : typeof p.targetPort === 'number' ? p.targetPort : 80,
    protocol: p.protocol,
  }));
  const addr = (t: (typeof targets)[number]) => ({
    ip: t.ip,
    ...(t.node ? { nodeName: t.node } : {}),
    ...(t.pod ? { targetRef: { kind: 'Pod', namespace: ns, name: t.pod.metadata.name, uid: t.pod.metadata.uid } } : {}),
  });
  const ready = targets.filter((t) => t.ready);
  const notReady = targets.filter((t) => !t.ready);
  const subsets = targets.length
    ? [
        {
          ...(ready.length ? { addresses: ready.map(addr) } : {}),
          ...(notReady.length ? { notReadyAddresses: notReady.map(addr) } : {}),
          ports: ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
        },
      ]
    : undefined;
  const epLabels = {
    ...(svc.metadata.labels ?? {}),
    ...(selector ? {} : { 'endpointslice.kubernetes.io/skip-mirror': 'true' }),
  };
  const endpoints: any = {
    kind: 'Endpoints',
    apiVersion: 'v1',
    metadata: meta('Endpoints', ns, name, age, {
      labels: Object.keys(epLabels).length ? epLabels : undefined,
      annotations: selector
        ? { 'endpoints.kubernetes.io/last-change-trigger-time': ts(Math.max(0, age - 30)) }
        : undefined,
    }),
  };
  if (subsets) endpoints.subsets = subsets;
  const sliceName = selector ? `${name}-${suffixFor(`${ns}/${name}/slice`, 5)}` : name;
  const slice = {
    kind: 'EndpointSlice',
    apiVersion: 'discovery.k8s.io/v1',
    metadata: meta('EndpointSlice', ns, sliceName, age, {
      generateName: selector ? `${name}-` : undefined,
      generation: 1,
      labels: {
        ...(svc.metadata.labels ?? {}),
        'endpointslice.kubernetes.io/managed-by': selector
          ? 'endpointslice-controller.k8s.io'
          : 'endpointslice-mirroring-controller.k8s.io',
        'kubernetes.io/service-name': name,
      },
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true },
      ],
    }),
    addressType: 'IPv4',
    endpoints: targets.map((t) => ({
      addresses: [t.ip],
      conditions: { ready: t.ready, serving: t.ready, terminating: false },
      ...(t.pod
        ? { targetRef: { kind: 'Pod', namespace: ns, name: t.pod.metadata.name, uid: t.pod.metadata.uid } }
        : {}),
      ...(t.node ? { nodeName: t.node } : {}),
    })),
    ports: ports.map((p) => ({ name: p.name, protocol: p.protocol, port: p.port })),
  };
  return { endpoints, slice };
}

// ---------------------------------------------------------------------------------------------
// events

export function makeEvent(
  involved: any,
  reason: string,
  message: string,
  type: string,
  firstMs: number,
  lastMs: number,
  count: number,
  source: { component: string; host?: string },
  fieldPath?: string,
): any {
  const ns = involved.metadata.namespace ?? 'default';
  const name = `${involved.metadata.name}.${hexFor(`${involved.metadata.name}/${reason}/${firstMs}`, 16)}`;
  const ageSec = Math.round((BASE_TIME_MS - firstMs) / 1000);
  return {
    kind: 'Event',
    apiVersion: 'v1',
    metadata: meta('Event', ns, name, ageSec),
    involvedObject: {
      kind: involved.kind,
      namespace: ns,
      name: involved.metadata.name,
      uid: involved.metadata.uid,
      apiVersion: involved.apiVersion,
      ...(involved.metadata.resourceVersion ? { resourceVersion: involved.metadata.resourceVersion } : {}),
      ...(fieldPath ? { fieldPath } : {}),
    },
    reason,
    message,
    source,
    firstTimestamp: new Date(Math.floor(firstMs / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    lastTimestamp: new Date(Math.floor(lastMs / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    count,
    type,
    eventTime: null,
    reportingComponent: source.component,
    reportingInstance: source.host ?? '',
  };
}

/** The events.k8s.io/v1 view of a core v1 Event (what the apiserver's conversion produces). */
export function toEventsV1(e: any): any {
  const out: any = {
    kind: 'Event',
    apiVersion: 'events.k8s.io/v1',
    metadata: e.metadata,
    eventTime: e.eventTime,
    ...(e.series ? { series: e.series } : {}),
    reportingController: e.reportingComponent || e.source?.component || '',
    reportingInstance: e.reportingInstance || e.source?.host || '',
    ...(e.action ? { action: e.action } : {}),
    reason: e.reason,
    regarding: e.involvedObject,
    ...(e.related ? { related: e.related } : {}),
    note: e.message,
    type: e.type,
    deprecatedSource: e.source,
    deprecatedFirstTimestamp: e.firstTimestamp,
    deprecatedLastTimestamp: e.lastTimestamp,
    deprecatedCount: e.count,
  };
  return out;
}
