// Table (meta.k8s.io/v1) rendering, the way kube-apiserver answers
// `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`: the column definitions and cells of the
// built-in printers (kubernetes pkg/printers/internalversion/printers.go), the default
// Name/Created At table for resources without printers, and Name/Age for custom resources
// without additionalPrinterColumns (apiextensions-apiserver's tableconvertor).
//
// Column names are on the wire as the server sends them ("Name", "Ready", "Nominated Node");
// kubectl upper-cases them when it prints the header.

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

type Cell = string | number | boolean | null;

interface Printer {
  columns: TableColumnDefinition[];
  cells: (obj: any, now: number) => Cell[];
  conditions?: (obj: any) => any[] | undefined;
}

// ---------------------------------------------------------------------------------------------
// descriptions (swagger docs of the fields, as the printers reference them)

const D = {
  name: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
  creationTimestamp:
    'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
  containers: 'Names of each container in the template.',
  images: 'Images referenced by each container in the template.',
  selector:
    'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
};

const col = (name: string, type: string, description: string, priority = 0, format = ''): TableColumnDefinition => ({
  name,
  type,
  format,
  description,
  priority,
});
const NAME = col('Name', 'string', D.name, 0, 'name');
const AGE = col('Age', 'string', D.creationTimestamp);
const CONTAINERS = col('Containers', 'string', D.containers, 1);
const IMAGES = col('Images', 'string', D.images, 1);
const SELECTOR = col('Selector', 'string', D.selector, 1);

// ---------------------------------------------------------------------------------------------
// formatting helpers (ports of the Go helpers the printers use)

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${Math.trunc(hours / 24 / 365)}y` : `${Math.trunc(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** translateTimestampSince: "<unknown>" for a missing timestamp. */
export function since(timestamp: string | null | undefined, now: number): string {
  if (!timestamp) return '<unknown>';
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(now - t);
}

const age = (o: any, now: number) => since(o.metadata?.creationTimestamp, now);

/** labels.FormatLabels: sorted k=v pairs, "<none>" when empty. */
function formatLabels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  if (!keys.length) return '<none>';
  return keys.map((k) => `${k}=${m![k]}`).join(',');
}

/** LabelSelector → selector string ("" for an empty selector). */
function selectorString(sel: any): string {
  if (!sel) return '';
  const reqs: [string, string][] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push([k, `${k}=${v}`]);
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    switch (e.operator) {
      case 'In':
        reqs.push([e.key, `${e.key} in (${values})`]);
        break;
      case 'NotIn':
        reqs.push([e.key, `${e.key} notin (${values})`]);
        break;
      case 'Exists':
        reqs.push([e.key, e.key]);
        break;
      case 'DoesNotExist':
        reqs.push([e.key, `!${e.key}`]);
        break;
    }
  }
  reqs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return reqs.map((r) => r[1]).join(',');
}

/** metav1.FormatLabelSelector: "<none>" when empty. */
function formatLabelSelector(sel: any): string {
  const s = selectorString(sel);
  return s === '' ? '<none>' : s;
}

function layoutContainerCells(containers: any[] | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

function accessModes(modes: string[] | undefined): string {
  const m = new Set(modes ?? []);
  const out: string[] = [];
  if (m.has('ReadWriteOnce')) out.push('RWO');
  if (m.has('ReadOnlyMany')) out.push('ROX');
  if (m.has('ReadWriteMany')) out.push('RWX');
  if (m.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

const boolPtr = (v: boolean | undefined) => (v === undefined ? '<unset>' : v ? 'True' : 'False');

// ---------------------------------------------------------------------------------------------
// pods

function podCells(pod: any, now: number): Cell[] {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  let restarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart = 0;
  let reason: string = status.reason || status.phase || '';
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const initSpecs = new Map<string, any>((spec.initContainers ?? []).map((c: any) => [c.name, c]));
  const restartable = (name: string) => initSpecs.get(name)?.restartPolicy === 'Always';
  for (const c of spec.initContainers ?? []) if (c.restartPolicy === 'Always') totalContainers++;

  let initializing = false;
  let restartableInitRestarts = 0;
  let lastRestartableInit = 0;
  const initStatuses: any[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    const fin = c.lastState?.terminated?.finishedAt ? Date.parse(c.lastState.terminated.finishedAt) : 0;
    if (fin > lastRestart) lastRestart = fin;
    if (restartable(c.name)) {
      restartableInitRestarts += c.restartCount ?? 0;
      if (fin > lastRestartableInit) lastRestartableInit = fin;
    }
    const t = c.state?.terminated;
    const w = c.state?.waiting;
    if (t && t.exitCode === 0) continue;
    if (restartable(c.name) && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (t)
      reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    else if (w && w.reason && w.reason !== 'PodInitializing') reason = `Init:${w.reason}`;
    else reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    initializing = true;
    break;
  }
  const initializedTrue = (status.conditions ?? []).some((c: any) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initializedTrue) {
    restarts = restartableInitRestarts;
    lastRestart = lastRestartableInit;
    let hasRunning = false;
    const statuses: any[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      const fin = c.lastState?.terminated?.finishedAt ? Date.parse(c.lastState.terminated.finishedAt) : 0;
      if (fin > lastRestart) lastRestart = fin;
      const w = c.state?.waiting;
      const t = c.state?.terminated;
      if (w && w.reason) reason = w.reason;
      else if (t && t.reason) reason = t.reason;
      else if (t) reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = (status.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True')
        ? 'Running'
        : 'NotReady';
    }
  }
  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed')
    reason = 'Terminating';

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestart) restartsStr = `${restarts} (${humanDuration(now - lastRestart)} ago)`;

  const podIP = status.podIPs?.[0]?.ip || '<none>';
  const nodeName = spec.nodeName || '<none>';
  const nominated = status.nominatedNodeName || '<none>';
  let gates = '<none>';
  if (spec.readinessGates?.length) {
    let trueCount = 0;
    for (const g of spec.readinessGates) {
      const c = (status.conditions ?? []).find((x: any) => x.type === g.conditionType);
      if (c?.status === 'True') trueCount++;
    }
    gates = `${trueCount}/${spec.readinessGates.length}`;
  }
  return [
    pod.metadata.name,
    `${readyContainers}/${totalContainers}`,
    reason,
    restartsStr,
    age(pod, now),
    podIP,
    nodeName,
    nominated,
    gates,
  ];
}

function podConditions(pod: any): any[] | undefined {
  if (pod.status?.phase === 'Succeeded')
    return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
  if (pod.status?.phase === 'Failed')
    return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// events (core v1 and events.k8s.io/v1 are printed by the same printer)

function coreEvent(e: any): any {
  if (e.apiVersion?.startsWith('events.k8s.io/')) {
    return {
      metadata: e.metadata,
      involvedObject: e.regarding ?? {},
      reason: e.reason,
      message: e.note,
      source: e.deprecatedSource ?? {},
      firstTimestamp: e.deprecatedFirstTimestamp,
      lastTimestamp: e.deprecatedLastTimestamp,
      count: e.deprecatedCount,
      type: e.type,
      eventTime: e.eventTime,
      series: e.series,
      reportingComponent: e.reportingController,
      reportingInstance: e.reportingInstance,
    };
  }
  return e;
}

function eventCells(raw: any, now: number): Cell[] {
  const e = coreEvent(raw);
  const first = e.firstTimestamp ? since(e.firstTimestamp, now) : since(e.eventTime, now);
  let last = e.lastTimestamp ? since(e.lastTimestamp, now) : first;
  let count = e.count ?? 0;
  if (e.series) {
    last = since(e.series.lastObservedTime, now);
    count = e.series.count;
  } else if (count === 0) count = 1;
  const io = e.involvedObject ?? {};
  const target = io.name ? `${String(io.kind ?? '').toLowerCase()}/${io.name}` : String(io.kind ?? '').toLowerCase();
  const component = e.source?.component || e.reportingComponent || '';
  const instance = e.source?.host || e.reportingInstance || '';
  const source = instance ? `${component}, ${instance}` : component;
  return [
    last,
    e.type ?? '',
    e.reason ?? '',
    target,
    io.fieldPath ?? '',
    source,
    String(e.message ?? '').trim(),
    first,
    count,
    e.metadata.name,
  ];
}

// ---------------------------------------------------------------------------------------------
// services and endpoints

function serviceExternalIP(svc: any): string {
  const spec = svc.spec ?? {};
  const ext: string[] = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length ? ext.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = [
        ...new Set(((svc.status?.loadBalancer?.ingress ?? []) as any[]).map((i) => i.ip || i.hostname).filter(Boolean)),
      ].join(',');
      if (ext.length) return [...(lb ? lb.split(',') : []), ...ext].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

function servicePorts(ports: any[] | undefined): string {
  const s = (ports ?? [])
    .map((p) => (p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`))
    .join(',');
  return s || '<none>';
}

function formatEndpoints(ep: any): string {
  const subsets: any[] = ep.subsets ?? [];
  if (!subsets.length) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addrs: any[] = ss.addresses ?? [];
    if (!ss.ports?.length) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip.includes(':') ? `[${a.ip}]:${port.port}` : `${a.ip}:${port.port}`);
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

function sliceCells(s: any, now: number): Cell[] {
  const max = 3;
  const ports: string[] = [];
  let more = false;
  let count = 0;
  for (const p of s.ports ?? []) {
    if (ports.length < max) ports.push(p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*'));
    else if (ports.length === max) more = true;
    count++;
  }
  const portStr = listWithMore(ports, more, count, max);
  const addrs: string[] = [];
  let moreA = false;
  let countA = 0;
  for (const e of s.endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (addrs.length < max) addrs.push(a);
      else if (addrs.length === max) moreA = true;
      countA++;
    }
  }
  return [s.metadata.name, s.addressType ?? '', portStr, listWithMore(addrs, moreA, countA, max), age(s, now)];
}

// ---------------------------------------------------------------------------------------------
// the printers

function hpaTargets(o: any): string {
  if (o.spec?.targetCPUUtilizationPercentage !== undefined) {
    // autoscaling/v1
    const cur = o.status?.currentCPUUtilizationPercentage;
    return `cpu: ${cur !== undefined ? `${cur}%` : '<unknown>'}/${o.spec.targetCPUUtilizationPercentage}%`;
  }
  const specs: any[] = o.spec?.metrics ?? [];
  if (!specs.length) return '<none>';
  const statuses: any[] = o.status?.currentMetrics ?? [];
  const list: string[] = [];
  specs.forEach((spec, i) => {
    if (spec.type === 'Resource' || spec.type === 'ContainerResource') {
      const src = spec.resource ?? spec.containerResource;
      const st = statuses[i]?.resource ?? statuses[i]?.containerResource;
      const prefix = spec.type === 'ContainerResource' ? `${src.name} of container "${src.container}"` : src.name;
      if (src.target?.averageValue !== undefined) {
        list.push(`${prefix}: ${st?.current?.averageValue ?? '<unknown>'}/${src.target.averageValue}`);
      } else {
        const cur = st?.current?.averageUtilization;
        list.push(
          `${prefix}: ${cur !== undefined ? `${cur}%` : '<unknown>'}/${src.target?.averageUtilization ?? '<auto>'}%`,
        );
      }
    } else {
      list.push('<unknown>/<unknown>');
    }
  });
  if (list.length > 2) return `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...`;
  return list.join(', ');
}

function nodeCells(n: any, now: number): Cell[] {
  const ready = (n.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
  const status: string[] = [];
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (!status.length) status.push('Unknown');
  if (n.spec?.unschedulable) status.push('SchedulingDisabled');
  const roles = new Set<string>();
  for (const [k, v] of Object.entries<string>(n.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const r = k.slice('node-role.kubernetes.io/'.length);
      if (r) roles.add(r);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  const addr = (t: string) => (n.status?.addresses ?? []).find((a: any) => a.type === t)?.address ?? '<none>';
  const info = n.status?.nodeInfo ?? {};
  return [
    n.metadata.name,
    status.join(','),
    roles.size ? [...roles].join(',') : '<none>',
    age(n, now),
    info.kubeletVersion ?? '',
    addr('InternalIP'),
    addr('ExternalIP'),
    info.osImage || '<unknown>',
    info.kernelVersion || '<unknown>',
    info.containerRuntimeVersion || '<unknown>',
  ];
}

function subjects(list: any[] | undefined): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of list ?? []) {
    if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
    else if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

function bindingCells(b: any, now: number): Cell[] {
  return [b.metadata.name, `${b.roleRef?.kind}/${b.roleRef?.name}`, age(b, now), ...subjects(b.subjects)];
}

const BINDING_COLUMNS = (what: string) => [
  NAME,
  col(
    'Role',
    'string',
    `RoleRef can ${what === 'clusterRoleBinding' ? 'only reference a ClusterRole' : 'reference a Role in the current namespace or a ClusterRole'} in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.`,
  ),
  AGE,
  col('Users', 'string', `Users in the ${what}`, 1),
  col('Groups', 'string', `Groups in the ${what}`, 1),
  col('ServiceAccounts', 'string', `ServiceAccounts in the ${what}`, 1),
];

const PRINTERS: Record<string, Printer> = {
  '/pods': {
    columns: [
      NAME,
      col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
      col('Status', 'string', 'The aggregate status of the containers in this pod.'),
      col(
        'Restarts',
        'string',
        'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
      ),
      AGE,
      col(
        'IP',
        'string',
        'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
        1,
      ),
      col(
        'Node',
        'string',
        'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename',
        1,
      ),
      col(
        'Nominated Node',
        'string',
        'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.',
        1,
      ),
      col(
        'Readiness Gates',
        'string',
        'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates',
        1,
      ),
    ],
    cells: podCells,
    conditions: podConditions,
  },
  'apps/deployments': {
    columns: [
      NAME,
      col('Ready', 'string', 'Number of the pod with ready state'),
      col(
        'Up-to-date',
        'string',
        'Total number of non-terminating pods targeted by this deployment that have the desired template spec.',
      ),
      col(
        'Available',
        'string',
        'Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.',
      ),
      AGE,
      CONTAINERS,
      IMAGES,
      col(
        'Selector',
        'string',
        'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.',
        1,
      ),
    ],
    cells: (o, now) => {
      const [names, images] = layoutContainerCells(o.spec?.template?.spec?.containers);
      return [
        o.metadata.name,
        `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`,
        o.status?.updatedReplicas ?? 0,
        o.status?.availableReplicas ?? 0,
        age(o, now),
        names,
        images,
        selectorString(o.spec?.selector),
      ];
    },
  },
  'apps/replicasets': {
    columns: [
      NAME,
      col(
        'Desired',
        'integer',
        'Replicas is the number of desired pods. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset',
      ),
      col(
        'Current',
        'integer',
        'Replicas is the most recently observed number of non-terminating pods. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicaset',
      ),
      col('Ready', 'integer', 'The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.'),
      AGE,
      CONTAINERS,
      IMAGES,
      col(
        'Selector',
        'string',
        'Selector is a label query over pods that should match the replica count. If the selector is empty, it is defaulted to the labels present on the pod template. Label keys and values that must match in order to be controlled by this replica set. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
        1,
      ),
    ],
    cells: (o, now) => {
      const [names, images] = layoutContainerCells(o.spec?.template?.spec?.containers);
      return [
        o.metadata.name,
        o.spec?.replicas ?? 0,
        o.status?.replicas ?? 0,
        o.status?.readyReplicas ?? 0,
        age(o, now),
        names,
        images,
        formatLabelSelector(o.spec?.selector),
      ];
    },
  },
  'apps/statefulsets': {
    columns: [NAME, col('Ready', 'string', 'Number of the pod with ready state'), AGE, CONTAINERS, IMAGES],
    cells: (o, now) => {
      const [names, images] = layoutContainerCells(o.spec?.template?.spec?.containers);
      return [o.metadata.name, `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, age(o, now), names, images];
    },
  },
  'apps/daemonsets': {
    columns: [
      NAME,
      col(
        'Desired',
        'integer',
        'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/',
      ),
      col(
        'Current',
        'integer',
        'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/',
      ),
      col(
        'Ready',
        'integer',
        'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.',
      ),
      col('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
      col(
        'Available',
        'integer',
        'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)',
      ),
      col(
        'Node Selector',
        'string',
        "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/",
      ),
      AGE,
      CONTAINERS,
      IMAGES,
      col(
        'Selector',
        'string',
        'A label query over pods that are managed by the daemon set. Must match in order to be controlled. If empty, defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors',
        1,
      ),
    ],
    cells: (o, now) => {
      const s = o.status ?? {};
      const [names, images] = layoutContainerCells(o.spec?.template?.spec?.containers);
      return [
        o.metadata.name,
        s.desiredNumberScheduled ?? 0,
        s.currentNumberScheduled ?? 0,
        s.numberReady ?? 0,
        s.updatedNumberScheduled ?? 0,
        s.numberAvailable ?? 0,
        formatLabels(o.spec?.template?.spec?.nodeSelector),
        age(o, now),
        names,
        images,
        formatLabelSelector(o.spec?.selector),
      ];
    },
  },
  'batch/jobs': {
    columns: [
      NAME,
      col('Status', 'string', 'Status of the job.'),
      col(
        'Completions',
        'string',
        'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.',
      ),
      col('Duration', 'string', 'Time required to complete the job.'),
      AGE,
      CONTAINERS,
      IMAGES,
      SELECTOR,
    ],
    cells: (o, now) => {
      const spec = o.spec ?? {};
      const st = o.status ?? {};
      let completions: string;
      if (spec.completions !== undefined && spec.completions !== null)
        completions = `${st.succeeded ?? 0}/${spec.completions}`;
      else if ((spec.parallelism ?? 0) > 1) completions = `${st.succeeded ?? 0}/1 of ${spec.parallelism}`;
      else completions = `${st.succeeded ?? 0}/1`;
      let duration = '';
      if (st.startTime && !st.completionTime) duration = humanDuration(now - Date.parse(st.startTime));
      else if (st.startTime && st.completionTime)
        duration = humanDuration(Date.parse(st.completionTime) - Date.parse(st.startTime));
      const has = (t: string) => (st.conditions ?? []).find((c: any) => c.type === t)?.status === 'True';
      const status = has('Complete')
        ? 'Complete'
        : has('Failed')
          ? 'Failed'
          : o.metadata.deletionTimestamp
            ? 'Terminating'
            : has('Suspended')
              ? 'Suspended'
              : has('FailureTarget')
                ? 'FailureTarget'
                : 'Running';
      const [names, images] = layoutContainerCells(spec.template?.spec?.containers);
      return [
        o.metadata.name,
        status,
        completions,
        duration,
        age(o, now),
        names,
        images,
        formatLabelSelector(spec.selector),
      ];
    },
  },
  'batch/cronjobs': {
    columns: [
      NAME,
      col('Schedule', 'string', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
      col(
        'Timezone',
        'string',
        'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones',
      ),
      col(
        'Suspend',
        'boolean',
        'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.',
      ),
      col('Active', 'integer', 'A list of pointers to currently running jobs.'),
      col('Last Schedule', 'string', 'Information when was the last time the job was successfully scheduled.'),
      AGE,
      CONTAINERS,
      IMAGES,
      SELECTOR,
    ],
    cells: (o, now) => {
      const spec = o.spec ?? {};
      const [names, images] = layoutContainerCells(spec.jobTemplate?.spec?.template?.spec?.containers);
      return [
        o.metadata.name,
        spec.schedule ?? '',
        spec.timeZone ?? '<none>',
        boolPtr(spec.suspend),
        (o.status?.active ?? []).length,
        o.status?.lastScheduleTime ? since(o.status.lastScheduleTime, now) : '<none>',
        age(o, now),
        names,
        images,
        formatLabelSelector(spec.jobTemplate?.spec?.selector),
      ];
    },
  },
  '/services': {
    columns: [
      NAME,
      col(
        'Type',
        'string',
        'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is "None", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types',
      ),
      col(
        'Cluster-IP',
        'string',
        'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
      ),
      col(
        'External-IP',
        'string',
        'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.',
      ),
      col(
        'Port(s)',
        'string',
        'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
      ),
      AGE,
      col(
        'Selector',
        'string',
        'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/',
        1,
      ),
    ],
    cells: (o, now) => [
      o.metadata.name,
      o.spec?.type ?? '',
      o.spec?.clusterIPs?.[0] ?? '<none>',
      serviceExternalIP(o),
      servicePorts(o.spec?.ports),
      age(o, now),
      formatLabels(o.spec?.selector),
    ],
  },
  '/endpoints': {
    columns: [
      NAME,
      col(
        'Endpoints',
        'string',
        'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.',
      ),
      AGE,
    ],
    cells: (o, now) => [o.metadata.name, formatEndpoints(o), age(o, now)],
  },
  'discovery.k8s.io/endpointslices': {
    columns: [
      NAME,
      col(
        'AddressType',
        'string',
        'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.',
      ),
      col(
        'Ports',
        'string',
        'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates "all ports". Each slice may include a maximum of 100 ports.',
      ),
      col(
        'Endpoints',
        'string',
        'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.',
      ),
      AGE,
    ],
    cells: sliceCells,
  },
  '/nodes': {
    columns: [
      NAME,
      col('Status', 'string', 'The status of the node'),
      col('Roles', 'string', 'The roles of the node'),
      AGE,
      col('Version', 'string', 'Kubelet Version reported by the node.'),
      col(
        'Internal-IP',
        'string',
        "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).",
        1,
      ),
      col(
        'External-IP',
        'string',
        "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).",
        1,
      ),
      col(
        'OS-Image',
        'string',
        'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).',
        1,
      ),
      col(
        'Kernel-Version',
        'string',
        "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
        1,
      ),
      col(
        'Container-Runtime',
        'string',
        'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
        1,
      ),
    ],
    cells: nodeCells,
  },
  '/events': {
    columns: [
      col('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
      col('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
      col(
        'Reason',
        'string',
        "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
      ),
      col('Object', 'string', 'The object that this event is about.'),
      col(
        'Subobject',
        'string',
        'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.',
        1,
      ),
      col(
        'Source',
        'string',
        'The component reporting this event. Should be a short machine understandable string.',
        1,
      ),
      col('Message', 'string', 'A human-readable description of the status of this operation.'),
      col(
        'First Seen',
        'string',
        'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)',
        1,
      ),
      col('Count', 'string', 'The number of times this event has occurred.', 1),
      { ...NAME, priority: 1 },
    ],
    cells: eventCells,
  },
  '/namespaces': {
    columns: [NAME, col('Status', 'string', 'The status of the namespace'), AGE],
    cells: (o, now) => [o.metadata.name, o.status?.phase ?? '', age(o, now)],
  },
  '/secrets': {
    columns: [
      NAME,
      col(
        'Type',
        'string',
        'Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types',
      ),
      col(
        'Data',
        'string',
        "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4",
      ),
      AGE,
    ],
    cells: (o, now) => [o.metadata.name, o.type ?? '', Object.keys(o.data ?? {}).length, age(o, now)],
  },
  '/configmaps': {
    columns: [
      NAME,
      col(
        'Data',
        'string',
        "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.",
      ),
      AGE,
    ],
    cells: (o, now) => [
      o.metadata.name,
      Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length,
      age(o, now),
    ],
  },
  '/serviceaccounts': {
    columns: [
      NAME,
      col(
        'Secrets',
        'string',
        'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a "kubernetes.io/enforce-mountable-secrets" annotation set to "true". The "kubernetes.io/enforce-mountable-secrets" annotation is deprecated since v1.32. Prefer separate namespaces to isolate access to mounted secrets. This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret',
      ),
      AGE,
    ],
    cells: (o, now) => [o.metadata.name, (o.secrets ?? []).length, age(o, now)],
  },
  '/persistentvolumes': {
    columns: [
      NAME,
      col(
        'Capacity',
        'string',
        "capacity is the description of the persistent volume's resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity",
      ),
      col(
        'Access Modes',
        'string',
        'accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes',
      ),
      col(
        'Reclaim Policy',
        'string',
        'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming',
      ),
      col(
        'Status',
        'string',
        'phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase',
      ),
      col(
        'Claim',
        'string',
        'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding',
      ),
      col('StorageClass', 'string', 'StorageClass of the pv'),
      col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
      col(
        'Reason',
        'string',
        'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.',
      ),
      AGE,
      col(
        'VolumeMode',
        'string',
        'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.',
        1,
      ),
    ],
    cells: (o, now) => {
      const s = o.spec ?? {};
      const claim = s.claimRef ? `${s.claimRef.namespace ?? ''}/${s.claimRef.name ?? ''}` : '';
      return [
        o.metadata.name,
        s.capacity?.storage ?? '0',
        accessModes(s.accessModes),
        s.persistentVolumeReclaimPolicy ?? '',
        o.metadata.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? ''),
        claim,
        s.storageClassName ?? o.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '',
        s.volumeAttributesClassName ?? '<unset>',
        o.status?.reason ?? '',
        age(o, now),
        s.volumeMode ?? '<unset>',
      ];
    },
  },
  '/persistentvolumeclaims': {
    columns: [
      NAME,
      col('Status', 'string', 'phase represents the current phase of PersistentVolumeClaim.'),
      col('Volume', 'string', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
      col('Capacity', 'string', 'capacity represents the actual resources of the underlying volume.'),
      col(
        'Access Modes',
        'string',
        'accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1',
      ),
      col('StorageClass', 'string', 'StorageClass of the pvc'),
      col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
      AGE,
      col(
        'VolumeMode',
        'string',
        'volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.',
        1,
      ),
    ],
    cells: (o, now) => {
      const s = o.spec ?? {};
      const bound = !!s.volumeName;
      return [
        o.metadata.name,
        o.metadata.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? ''),
        s.volumeName ?? '',
        bound ? (o.status?.capacity?.storage ?? '0') : '',
        bound ? accessModes(o.status?.accessModes) : '',
        s.storageClassName ?? o.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '',
        s.volumeAttributesClassName ?? '<unset>',
        age(o, now),
        s.volumeMode ?? '<unset>',
      ];
    },
  },
  'networking.k8s.io/ingresses': {
    columns: [
      NAME,
      col('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
      col('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
      col('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
      col('Ports', 'string', 'Ports of TLS configurations that open'),
      AGE,
    ],
    cells: (o, now) => {
      const rules: any[] = o.spec?.rules ?? [];
      const hosts: string[] = [];
      let more = false;
      for (const r of rules) {
        if (hosts.length === 3) more = true;
        if (!more && r.host) hosts.push(r.host);
      }
      const hostStr =
        hosts.length === 0 ? '*' : more ? `${hosts.join(',')} + ${rules.length - 3} more...` : hosts.join(',');
      const address = [
        ...new Set(((o.status?.loadBalancer?.ingress ?? []) as any[]).map((i) => i.ip || i.hostname).filter(Boolean)),
      ].join(',');
      return [
        o.metadata.name,
        o.spec?.ingressClassName ?? '<none>',
        hostStr,
        address,
        o.spec?.tls?.length ? '80, 443' : '80',
        age(o, now),
      ];
    },
  },
  'networking.k8s.io/ingressclasses': {
    columns: [
      NAME,
      col('Controller', 'string', 'Controller that is responsible for handling this class'),
      col('Parameters', 'string', 'A reference to a resource with additional parameters'),
      AGE,
    ],
    cells: (o, now) => {
      const p = o.spec?.parameters;
      const params = p ? `${p.kind}${p.apiGroup ? '.' + p.apiGroup : ''}/${p.name}` : '<none>';
      return [o.metadata.name, o.spec?.controller ?? '', params, age(o, now)];
    },
  },
  'networking.k8s.io/networkpolicies': {
    columns: [
      NAME,
      col(
        'Pod-Selector',
        'string',
        'Selects the pods to which this NetworkPolicy object applies.  The array of ingress rules is applied to any pods selected by this field. Multiple network policies can select the same set of pods.  In this case, the ingress rules for each are combined additively. This field is NOT optional and follows standard label selector semantics. An empty podSelector matches all pods in this namespace.',
      ),
      AGE,
    ],
    cells: (o, now) => [o.metadata.name, formatLabelSelector(o.spec?.podSelector), age(o, now)],
  },
  'rbac.authorization.k8s.io/rolebindings': { columns: BINDING_COLUMNS('roleBinding'), cells: bindingCells },
  'rbac.authorization.k8s.io/clusterrolebindings': {
    columns: BINDING_COLUMNS('clusterRoleBinding'),
    cells: bindingCells,
  },
  'coordination.k8s.io/leases': {
    columns: [
      NAME,
      col(
        'Holder',
        'string',
        'holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.',
      ),
      AGE,
    ],
    cells: (o, now) => [o.metadata.name, o.spec?.holderIdentity ?? '', age(o, now)],
  },
  'storage.k8s.io/storageclasses': {
    columns: [
      NAME,
      col('Provisioner', 'string', 'provisioner indicates the type of the provisioner.'),
      col(
        'ReclaimPolicy',
        'string',
        'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class. Defaults to Delete.',
      ),
      col(
        'VolumeBindingMode',
        'string',
        'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.  When unset, VolumeBindingImmediate is used. This field is only honored by servers that enable the VolumeScheduling feature.',
      ),
      col(
        'AllowVolumeExpansion',
        'string',
        'allowVolumeExpansion shows whether the storage class allow volume expand.',
      ),
      AGE,
    ],
    cells: (o, now) => {
      const a = o.metadata.annotations ?? {};
      const isDefault =
        a['storageclass.kubernetes.io/is-default-class'] === 'true' ||
        a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
      return [
        isDefault ? `${o.metadata.name} (default)` : o.metadata.name,
        o.provisioner ?? '',
        o.reclaimPolicy ?? 'Delete',
        o.volumeBindingMode ?? 'Immediate',
        o.allowVolumeExpansion ?? false,
        age(o, now),
      ];
    },
  },
  'scheduling.k8s.io/priorityclasses': {
    columns: [
      NAME,
      col(
        'Value',
        'integer',
        'value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.',
      ),
      col(
        'Global-Default',
        'boolean',
        'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.',
      ),
      AGE,
      col(
        'PreemptionPolicy',
        'string',
        'preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.',
      ),
    ],
    cells: (o, now) => [
      o.metadata.name,
      o.value ?? 0,
      o.globalDefault ?? false,
      age(o, now),
      o.preemptionPolicy ?? '<unset>',
    ],
  },
  'autoscaling/horizontalpodautoscalers': {
    columns: [
      NAME,
      col(
        'Reference',
        'string',
        'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.',
      ),
      col(
        'Targets',
        'string',
        'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond.',
      ),
      col(
        'MinPods',
        'string',
        'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available.',
      ),
      col(
        'MaxPods',
        'string',
        'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas.',
      ),
      col(
        'Replicas',
        'string',
        'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.',
      ),
      AGE,
    ],
    cells: (o, now) => [
      o.metadata.name,
      `${o.spec?.scaleTargetRef?.kind}/${o.spec?.scaleTargetRef?.name}`,
      hpaTargets(o),
      o.spec?.minReplicas !== undefined ? String(o.spec.minReplicas) : '<unset>',
      o.spec?.maxReplicas ?? 0,
      o.status?.currentReplicas ?? 0,
      age(o, now),
    ],
  },
  'policy/poddisruptionbudgets': {
    columns: [
      NAME,
      col('Min Available', 'string', 'The minimum number of pods that must be available.'),
      col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
      col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
      AGE,
    ],
    cells: (o, now) => [
      o.metadata.name,
      o.spec?.minAvailable !== undefined ? String(o.spec.minAvailable) : 'N/A',
      o.spec?.maxUnavailable !== undefined ? String(o.spec.maxUnavailable) : 'N/A',
      o.status?.disruptionsAllowed ?? 0,
      age(o, now),
    ],
  },
};
PRINTERS['events.k8s.io/events'] = PRINTERS['/events']!;

/** API groups served by kube-apiserver itself; anything else is treated as a custom resource. */
const BUILTIN_GROUPS = new Set([
  '',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'apiregistration.k8s.io',
  'apps',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'coordination.k8s.io',
  'discovery.k8s.io',
  'events.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'internal.apiserver.k8s.io',
  'networking.k8s.io',
  'node.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'resource.k8s.io',
  'scheduling.k8s.io',
  'storage.k8s.io',
  'storagemigration.k8s.io',
]);

/** Built-in resources without a printer (roles, clusterroles, CRDs, ...): apiserver's default table. */
const DEFAULT_PRINTER: Printer = {
  columns: [NAME, col('Created At', 'date', D.creationTimestamp)],
  cells: (o) => [o.metadata?.name ?? '', o.metadata?.creationTimestamp ?? null],
};

/** Custom resources of a CRD without additionalPrinterColumns: Name plus the defaulted Age (type date). */
const CUSTOM_RESOURCE_PRINTER: Printer = {
  columns: [NAME, col('Age', 'date', D.creationTimestamp)],
  cells: (o, now) => [
    o.metadata?.name ?? '',
    o.metadata?.creationTimestamp ? since(o.metadata.creationTimestamp, now) : '<unknown>',
  ],
};

/** The column definitions the server uses for group/resource. */
export function tableColumns(group: string, resource: string): TableColumnDefinition[] {
  return printerFor(group, resource).columns.map((c) => ({ ...c }));
}

function printerFor(group: string, resource: string): Printer {
  return PRINTERS[`${group}/${resource}`] ?? (BUILTIN_GROUPS.has(group) ? DEFAULT_PRINTER : CUSTOM_RESOURCE_PRINTER);
}

/**
 * The Table (meta.k8s.io/v1) `kubectl get` receives for these items.
 * `now` (ms since epoch) is what AGE-like cells are computed against; defaults to the current time.
 */
export function toTable(
  group: string,
  resource: string,
  items: any[],
  listMeta: { resourceVersion: string; continue?: string; remainingItemCount?: number },
  includeObject: 'None' | 'Metadata' | 'Object',
  now: number = Date.now(),
): object {
  const printer = printerFor(group, resource);
  const metadata: Record<string, unknown> = { resourceVersion: listMeta.resourceVersion };
  if (listMeta.continue) metadata.continue = listMeta.continue;
  if (listMeta.remainingItemCount !== undefined && listMeta.remainingItemCount !== null)
    metadata.remainingItemCount = listMeta.remainingItemCount;
  const width = printer.columns.length;
  const rows = items.map((item) => {
    const cells = printer.cells(item, now);
    if (cells.length !== width) cells.length = width; // exactly one cell per column
    const row: Record<string, unknown> = { cells };
    const conditions = printer.conditions?.(item);
    if (conditions) row.conditions = conditions;
    if (includeObject === 'Object') row.object = item;
    else if (includeObject === 'Metadata')
      row.object = { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: item.metadata };
    return row;
  });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: printer.columns.map((c) => ({ ...c })),
    rows,
  };
}
