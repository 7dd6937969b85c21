// Kubernetes 1.33 built-in API surface (default feature gates: beta/alpha APIs off), transcribed from
// kube-apiserver discovery (`kubernetes/kubernetes` api/discovery/*.json) and 1.33 release notes.
// Verbs are kept in the order the server sends them: sorted for built-ins.
import type { GroupDef, ResourceDef, SubresourceDef, VersionDef } from './catalog.js';

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
/** apiextensions-apiserver hard-codes this (unsorted) verb order for custom resources. */
const CR_VERBS = ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'];
const GPU = ['get', 'patch', 'update'];
const PROXY = ['create', 'delete', 'get', 'patch', 'update'];
const CONNECT = ['create', 'get'];
const CREATE = ['create'];
const READ = ['get', 'list'];

interface Opts {
  short?: string[];
  cat?: string[];
  verbs?: string[];
  /** subresources; `status` is added separately with the `status` flag since it is so common */
  sub?: SubresourceDef[];
  status?: boolean;
  singular?: string;
}

/** A resource; singularName is the lowercased kind, which holds for every built-in. */
function res(name: string, kind: string, namespaced: boolean, o: Opts = {}): ResourceDef {
  const subs = [...(o.sub ?? [])];
  if (o.status) subs.push(sub('status', kind, GPU));
  subs.sort((a, b) => (a.name < b.name ? -1 : 1)); // byte order, like Go's sort.Strings
  const r: ResourceDef = {
    name,
    singularName: o.singular ?? kind.toLowerCase(),
    kind,
    namespaced,
    verbs: [...(o.verbs ?? CRUD)],
  };
  if (o.short) r.shortNames = o.short;
  if (o.cat) r.categories = o.cat;
  if (subs.length) r.subresources = subs;
  return r;
}
const ns = (name: string, kind: string, o?: Opts) => res(name, kind, true, o);
const cluster = (name: string, kind: string, o?: Opts) => res(name, kind, false, o);

function sub(name: string, kind: string, verbs: string[], gv?: [string, string]): SubresourceDef {
  return gv ? { name, kind, group: gv[0], version: gv[1], verbs } : { name, kind, verbs };
}
const scale = () => sub('scale', 'Scale', GPU, ['autoscaling', 'v1']);
const v = (version: string, resources: ResourceDef[]): VersionDef => ({ version, resources });
const g = (name: string, ...versions: VersionDef[]): GroupDef => ({ name, versions });

const ALL = ['all'];
const EXT = ['api-extensions'];

const core = g(
  '',
  v('v1', [
    ns('bindings', 'Binding', { verbs: CREATE }),
    cluster('componentstatuses', 'ComponentStatus', { verbs: READ, short: ['cs'] }),
    ns('configmaps', 'ConfigMap', { short: ['cm'] }),
    ns('endpoints', 'Endpoints', { short: ['ep'] }),
    ns('events', 'Event', { short: ['ev'] }),
    ns('limitranges', 'LimitRange', { short: ['limits'] }),
    // No deletecollection: the namespace controller must finalize each namespace on its own.
    cluster('namespaces', 'Namespace', {
      short: ['ns'],
      verbs: CRUD.filter((x) => x !== 'deletecollection'),
      status: true,
      sub: [sub('finalize', 'Namespace', ['update'])],
    }),
    cluster('nodes', 'Node', { short: ['no'], status: true, sub: [sub('proxy', 'NodeProxyOptions', PROXY)] }),
    ns('persistentvolumeclaims', 'PersistentVolumeClaim', { short: ['pvc'], status: true }),
    cluster('persistentvolumes', 'PersistentVolume', { short: ['pv'], status: true }),
    ns('pods', 'Pod', {
      short: ['po'],
      cat: ALL,
      status: true,
      sub: [
        sub('attach', 'PodAttachOptions', CONNECT),
        sub('binding', 'Binding', CREATE),
        sub('ephemeralcontainers', 'Pod', GPU),
        sub('eviction', 'Eviction', CREATE, ['policy', 'v1']),
        sub('exec', 'PodExecOptions', CONNECT),
        sub('log', 'Pod', ['get']),
        sub('portforward', 'PodPortForwardOptions', CONNECT),
        sub('proxy', 'PodProxyOptions', PROXY),
        sub('resize', 'Pod', GPU), // new in 1.33 (in-place pod resize, beta)
      ],
    }),
    ns('podtemplates', 'PodTemplate'),
    ns('replicationcontrollers', 'ReplicationController', { short: ['rc'], cat: ALL, status: true, sub: [scale()] }),
    ns('resourcequotas', 'ResourceQuota', { short: ['quota'], status: true }),
    ns('secrets', 'Secret'),
    ns('serviceaccounts', 'ServiceAccount', {
      short: ['sa'],
      sub: [sub('token', 'TokenRequest', CREATE, ['authentication.k8s.io', 'v1'])],
    }),
    ns('services', 'Service', {
      short: ['svc'],
      cat: ALL,
      status: true,
      sub: [sub('proxy', 'ServiceProxyOptions', PROXY)],
    }),
  ]),
);

const hpa = () => ns('horizontalpodautoscalers', 'HorizontalPodAutoscaler', { short: ['hpa'], cat: ALL, status: true });
const flowcontrol = [
  cluster('flowschemas', 'FlowSchema', { status: true }),
  cluster('prioritylevelconfigurations', 'PriorityLevelConfiguration', { status: true }),
];
const crontabs = () => ns('crontabs', 'CronTab', { short: ['ct'], cat: ALL, verbs: CR_VERBS });

export const CATALOG_DATA: GroupDef[] = [
  core,
  g('apiregistration.k8s.io', v('v1', [cluster('apiservices', 'APIService', { cat: EXT, status: true })])),
  g(
    'apps',
    v('v1', [
      ns('controllerrevisions', 'ControllerRevision'),
      ns('daemonsets', 'DaemonSet', { short: ['ds'], cat: ALL, status: true }),
      ns('deployments', 'Deployment', { short: ['deploy'], cat: ALL, status: true, sub: [scale()] }),
      ns('replicasets', 'ReplicaSet', { short: ['rs'], cat: ALL, status: true, sub: [scale()] }),
      ns('statefulsets', 'StatefulSet', { short: ['sts'], cat: ALL, status: true, sub: [scale()] }),
    ]),
  ),
  g('events.k8s.io', v('v1', [ns('events', 'Event', { short: ['ev'] })])),
  g(
    'authentication.k8s.io',
    v('v1', [
      cluster('selfsubjectreviews', 'SelfSubjectReview', { verbs: CREATE }),
      cluster('tokenreviews', 'TokenReview', { verbs: CREATE }),
    ]),
  ),
  g(
    'authorization.k8s.io',
    v('v1', [
      ns('localsubjectaccessreviews', 'LocalSubjectAccessReview', { verbs: CREATE }),
      cluster('selfsubjectaccessreviews', 'SelfSubjectAccessReview', { verbs: CREATE }),
      cluster('selfsubjectrulesreviews', 'SelfSubjectRulesReview', { verbs: CREATE }),
      cluster('subjectaccessreviews', 'SubjectAccessReview', { verbs: CREATE }),
    ]),
  ),
  // v2 is preferred since 1.23; v1 is still served.
  g('autoscaling', v('v2', [hpa()]), v('v1', [hpa()])),
  g(
    'batch',
    v('v1', [
      ns('cronjobs', 'CronJob', { short: ['cj'], cat: ALL, status: true }),
      ns('jobs', 'Job', { cat: ALL, status: true }),
    ]),
  ),
  g(
    'certificates.k8s.io',
    v('v1', [
      cluster('certificatesigningrequests', 'CertificateSigningRequest', {
        short: ['csr'],
        status: true,
        sub: [sub('approval', 'CertificateSigningRequest', GPU)],
      }),
    ]),
  ),
  g(
    'networking.k8s.io',
    v('v1', [
      cluster('ingressclasses', 'IngressClass'),
      ns('ingresses', 'Ingress', { short: ['ing'], status: true }),
      cluster('ipaddresses', 'IPAddress', { short: ['ip'] }), // GA in 1.33
      ns('networkpolicies', 'NetworkPolicy', { short: ['netpol'] }),
      cluster('servicecidrs', 'ServiceCIDR', { status: true }), // GA in 1.33
    ]),
  ),
  g('policy', v('v1', [ns('poddisruptionbudgets', 'PodDisruptionBudget', { short: ['pdb'], status: true })])),
  g(
    'rbac.authorization.k8s.io',
    v('v1', [
      cluster('clusterrolebindings', 'ClusterRoleBinding'),
      cluster('clusterroles', 'ClusterRole'),
      ns('rolebindings', 'RoleBinding'),
      ns('roles', 'Role'),
    ]),
  ),
  g(
    'storage.k8s.io',
    v('v1', [
      cluster('csidrivers', 'CSIDriver'),
      cluster('csinodes', 'CSINode'),
      ns('csistoragecapacities', 'CSIStorageCapacity'),
      cluster('storageclasses', 'StorageClass', { short: ['sc'] }),
      cluster('volumeattachments', 'VolumeAttachment', { status: true }),
    ]),
  ),
  g(
    'admissionregistration.k8s.io',
    v('v1', [
      cluster('mutatingwebhookconfigurations', 'MutatingWebhookConfiguration', { cat: EXT }),
      cluster('validatingadmissionpolicies', 'ValidatingAdmissionPolicy', { cat: EXT, status: true }),
      cluster('validatingadmissionpolicybindings', 'ValidatingAdmissionPolicyBinding', { cat: EXT }),
      cluster('validatingwebhookconfigurations', 'ValidatingWebhookConfiguration', { cat: EXT }),
    ]),
  ),
  g(
    'apiextensions.k8s.io',
    v('v1', [
      cluster('customresourcedefinitions', 'CustomResourceDefinition', {
        short: ['crd', 'crds'],
        cat: EXT,
        status: true,
      }),
    ]),
  ),
  g('scheduling.k8s.io', v('v1', [cluster('priorityclasses', 'PriorityClass', { short: ['pc'] })])),
  g('coordination.k8s.io', v('v1', [ns('leases', 'Lease')])),
  g('node.k8s.io', v('v1', [cluster('runtimeclasses', 'RuntimeClass')])),
  g('discovery.k8s.io', v('v1', [ns('endpointslices', 'EndpointSlice')])),
  g('flowcontrol.apiserver.k8s.io', v('v1', flowcontrol)),
  // CRD groups come after the built-ins (CRD APIServices get groupPriorityMinimum 1000) ...
  { ...g('stable.example.com', v('v1', [crontabs()]), v('v1beta1', [crontabs()])), source: 'crd' },
  // ... and metrics-server registers its APIService with groupPriorityMinimum 100, so it is last.
  {
    ...g(
      'metrics.k8s.io',
      v('v1beta1', [cluster('nodes', 'NodeMetrics', { verbs: READ }), ns('pods', 'PodMetrics', { verbs: READ })]),
    ),
    source: 'aggregated',
  },
];
