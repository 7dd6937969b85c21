// Hand-written OpenAPI schemas for the kinds the sandbox shows in detail, abridged from the real
// Kubernetes 1.33 definitions (same names, field names, types, required lists; shortened descriptions).
// References are stored as bare schema names ({ $ref: 'io.k8s...' }); openapi.ts rewrites them to
// '#/definitions/…' (v2) or '#/components/schemas/…' (v3) when it renders a document.
export type Schema = { [key: string]: unknown };

const CONV = 'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md';
export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const CORE = 'io.k8s.api.core.v1.';
const APPS = 'io.k8s.api.apps.v1.';
const RBAC = 'io.k8s.api.rbac.v1.';
const DISC = 'io.k8s.api.discovery.v1.';
const EVENTS = 'io.k8s.api.events.v1.';
const QTY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';

// ---- small builders: every schema below is made of these ----
export const str = (description: string, extra: Schema = {}): Schema => ({ description, type: 'string', ...extra });
const int = (description: string, format = 'int32'): Schema => ({ description, type: 'integer', format });
const bool = (description: string): Schema => ({ description, type: 'boolean' });
export const ref = (name: string, description?: string): Schema =>
  description ? { $ref: name, description } : { $ref: name };
/** A ref to a struct held by value in Go (metadata, spec, status, list items): the real v3 schema
 *  adds `default: {}` to those. */
export const structRef = (name: string, description?: string): Schema => ({ ...ref(name, description), default: {} });
const arr = (items: Schema, description: string, extra: Schema = {}): Schema => ({
  description,
  type: 'array',
  items,
  ...extra,
});
const strs = (description: string): Schema => arr({ type: 'string', default: '' }, description);
const refs = (name: string, description: string, extra: Schema = {}): Schema => arr(ref(name), description, extra);
const strMap = (description: string): Schema => ({
  description,
  type: 'object',
  additionalProperties: { type: 'string', default: '' },
});
export const obj = (
  description: string,
  properties: Record<string, Schema>,
  required?: string[],
  extra: Schema = {},
): Schema => ({
  description,
  type: 'object',
  ...(required && { required }),
  properties,
  ...extra,
});
/** A list keyed by `name`, as the real schemas annotate container, port and env lists. */
const byName = {
  'x-kubernetes-list-map-keys': ['name'],
  'x-kubernetes-list-type': 'map',
  'x-kubernetes-patch-merge-key': 'name',
  'x-kubernetes-patch-strategy': 'merge',
};

/** apiVersion, kind, metadata: the head of every top-level kind. */
export function typeMetaProps(
  metaDescription = `Standard object's metadata. More info: ${CONV}#metadata`,
): Record<string, Schema> {
  return {
    apiVersion: str(
      `APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: ${CONV}#resources`,
    ),
    kind: str(
      `Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: ${CONV}#types-kinds`,
    ),
    metadata: structRef(META + 'ObjectMeta', metaDescription),
  };
}
/** A top-level kind with spec and status references. */
function specStatus(description: string, spec: string, status: string | undefined, what: string): Schema {
  return obj(description, {
    ...typeMetaProps(),
    spec: structRef(spec, `Spec defines the desired behavior of the ${what}. More info: ${CONV}#spec-and-status`),
    ...(status && {
      status: structRef(
        status,
        `Most recently observed status of the ${what}. Populated by the system. Read-only. More info: ${CONV}#spec-and-status`,
      ),
    }),
  });
}
const condition = (what: string): Schema =>
  obj(
    `${what} describes the state of a resource at a certain point.`,
    {
      lastTransitionTime: ref(META + 'Time', 'Last time the condition transitioned from one status to another.'),
      message: str('A human readable message indicating details about the transition.'),
      reason: str("The reason for the condition's last transition."),
      status: str('Status of the condition, one of True, False, Unknown.'),
      type: str('Type of condition.'),
    },
    ['type', 'status'],
  );

const meta: Record<string, Schema> = {
  ObjectMeta: obj(
    'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
    {
      annotations: strMap(
        'Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata.',
      ),
      creationTimestamp: ref(
        META + 'Time',
        'CreationTimestamp is a timestamp representing the server time when this object was created. Populated by the system. Read-only. Null for lists.',
      ),
      deletionGracePeriodSeconds: int(
        'Number of seconds allowed for this object to gracefully terminate before it will be removed from the system.',
        'int64',
      ),
      deletionTimestamp: ref(
        META + 'Time',
        'DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted. Populated by the system when a graceful deletion is requested. Read-only.',
      ),
      finalizers: strs('Must be empty before the object is deleted from the registry.'),
      generateName: str(
        'GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided.',
      ),
      generation: int(
        'A sequence number representing a specific generation of the desired state. Populated by the system. Read-only.',
        'int64',
      ),
      labels: strMap(
        'Map of string keys and values that can be used to organize and categorize (scope and select) objects.',
      ),
      name: str(
        'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Cannot be updated.',
      ),
      namespace: str(
        'Namespace defines the space within which each name must be unique. An empty namespace is equivalent to the "default" namespace, but "default" is the canonical representation. Cannot be updated.',
      ),
      ownerReferences: refs(
        META + 'OwnerReference',
        'List of objects depended by this object. If ALL objects in the list have been deleted, this object will be garbage collected.',
        { 'x-kubernetes-patch-merge-key': 'uid', 'x-kubernetes-patch-strategy': 'merge' },
      ),
      resourceVersion: str(
        'An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed. Populated by the system. Read-only.',
      ),
      selfLink: str('Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.'),
      uid: str(
        'UID is the unique in time and space value for this object. It is typically generated by the server on successful creation of a resource and is not allowed to change on PUT operations. Populated by the system. Read-only.',
      ),
    },
  ),
  ListMeta: obj(
    'ListMeta describes metadata that synthetic resources must have, including lists and various status objects.',
    {
      continue: str(
        'continue may be set if the user set a limit on the number of items returned, and indicates that the server has more data available.',
      ),
      remainingItemCount: int(
        'remainingItemCount is the number of subsequent items in the list which are not included in this list response.',
        'int64',
      ),
      resourceVersion: str(
        "String that identifies the server's internal version of this object that can be used by clients to determine when objects have changed.",
      ),
      selfLink: str('Deprecated: selfLink is a legacy read-only field that is no longer populated by the system.'),
    },
  ),
  Time: {
    description: 'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.',
    type: 'string',
    format: 'date-time',
  },
  MicroTime: {
    description: 'MicroTime is version of Time with microsecond level precision.',
    type: 'string',
    format: 'date-time',
  },
  OwnerReference: obj(
    'OwnerReference contains enough information to let you identify an owning object.',
    {
      apiVersion: str('API version of the referent.'),
      blockOwnerDeletion: bool(
        'If true, AND if the owner has the "foregroundDeletion" finalizer, then the owner cannot be deleted from the key-value store until this reference is removed.',
      ),
      controller: bool('If true, this reference points to the managing controller.'),
      kind: str('Kind of the referent.'),
      name: str('Name of the referent.'),
      uid: str('UID of the referent.'),
    },
    ['apiVersion', 'kind', 'name', 'uid'],
    { 'x-kubernetes-map-type': 'atomic' },
  ),
  LabelSelector: obj(
    'A label selector is a label query over a set of resources. An empty label selector matches all objects. A null label selector matches no objects.',
    {
      matchExpressions: refs(
        META + 'LabelSelectorRequirement',
        'matchExpressions is a list of label selector requirements. The requirements are ANDed.',
      ),
      matchLabels: strMap('matchLabels is a map of {key,value} pairs.'),
    },
    undefined,
    { 'x-kubernetes-map-type': 'atomic' },
  ),
  LabelSelectorRequirement: obj(
    'A label selector requirement is a selector that contains values, a key, and an operator that relates the key and values.',
    {
      key: str('key is the label key that the selector applies to.'),
      operator: str(
        "operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists and DoesNotExist.",
      ),
      values: strs('values is an array of string values.'),
    },
    ['key', 'operator'],
  ),
  Condition: obj(
    'Condition contains details for one aspect of the current state of this API Resource.',
    {
      lastTransitionTime: ref(
        META + 'Time',
        'lastTransitionTime is the last time the condition transitioned from one status to another.',
      ),
      message: str('message is a human readable message indicating details about the transition.'),
      observedGeneration: int(
        'observedGeneration represents the .metadata.generation that the condition was set based upon.',
        'int64',
      ),
      reason: str(
        "reason contains a programmatic identifier indicating the reason for the condition's last transition.",
      ),
      status: str('status of the condition, one of True, False, Unknown.'),
      type: str('type of condition in CamelCase or in foo.example.com/CamelCase.'),
    },
    ['type', 'status', 'lastTransitionTime', 'reason', 'message'],
  ),
  APIResource: obj(
    'APIResource specifies the name of a resource and whether it is namespaced.',
    {
      categories: strs("categories is a list of the grouped resources this resource belongs to (e.g. 'all')"),
      group: str('group is the preferred group of the resource.'),
      kind: str("kind is the kind for the resource (e.g. 'Foo' is the kind for a resource 'foo')"),
      name: str('name is the plural name of the resource.'),
      namespaced: bool('namespaced indicates if a resource is namespaced or not.'),
      shortNames: strs('shortNames is a list of suggested short names of the resource.'),
      singularName: str('singularName is the singular name of the resource.'),
      storageVersionHash: str(
        'The hash value of the storage version, the version this resource is converted to when written to the data store.',
      ),
      verbs: strs('verbs is a list of supported kube verbs'),
      version: str('version is the preferred version of the resource.'),
    },
    ['name', 'singularName', 'namespaced', 'kind', 'verbs'],
  ),
  APIResourceList: obj(
    'APIResourceList is a list of APIResource, it is used to expose the name of the resources supported in a specific group and version, and if the resource is namespaced.',
    {
      apiVersion: typeMetaProps().apiVersion!,
      groupVersion: str('groupVersion is the group and version this APIResourceList is for.'),
      kind: typeMetaProps().kind!,
      resources: refs(META + 'APIResource', 'resources contains the name of the resources and if they are namespaced.'),
    },
    ['groupVersion', 'resources'],
  ),
};

const core: Record<string, Schema> = {
  Pod: specStatus(
    'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.',
    CORE + 'PodSpec',
    CORE + 'PodStatus',
    'pod',
  ),
  PodSpec: obj(
    'PodSpec is a description of a pod.',
    {
      affinity: { description: "If specified, the pod's scheduling constraints", type: 'object' },
      automountServiceAccountToken: bool(
        'AutomountServiceAccountToken indicates whether a service account token should be automatically mounted.',
      ),
      containers: refs(
        CORE + 'Container',
        'List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.',
        byName,
      ),
      dnsPolicy: str('Set DNS policy for the pod. Defaults to "ClusterFirst".', {
        enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
      }),
      hostNetwork: bool("Host networking requested for this pod. Use the host's network namespace. Default to false."),
      initContainers: refs(
        CORE + 'Container',
        'List of initialization containers belonging to the pod. Init containers are executed in order prior to containers being started.',
        byName,
      ),
      nodeName: str(
        'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName.',
      ),
      nodeSelector: strMap(
        "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node.",
      ),
      priorityClassName: str("If specified, indicates the pod's priority."),
      restartPolicy: str(
        'Restart policy for all containers within the pod. One of Always, OnFailure, Never. Default to Always.',
        { enum: ['Always', 'Never', 'OnFailure'] },
      ),
      schedulerName: str(
        'If specified, the pod will be dispatched by specified scheduler. If not specified, the pod will be dispatched by default scheduler.',
      ),
      serviceAccountName: str('ServiceAccountName is the name of the ServiceAccount to use to run this pod.'),
      terminationGracePeriodSeconds: int(
        'Optional duration in seconds the pod needs to terminate gracefully. Defaults to 30 seconds.',
        'int64',
      ),
      tolerations: refs(CORE + 'Toleration', "If specified, the pod's tolerations."),
      volumes: refs(CORE + 'Volume', 'List of volumes that can be mounted by containers belonging to the pod.', byName),
    },
    ['containers'],
  ),
  PodStatus: obj(
    'PodStatus represents information about the status of a pod. Status may trail the actual state of a system, especially if the node that hosts the pod cannot contact the control plane.',
    {
      conditions: refs(CORE + 'PodCondition', 'Current service state of pod.'),
      containerStatuses: refs(CORE + 'ContainerStatus', 'The list has one entry per container in the manifest.'),
      hostIP: str(
        'hostIP holds the IP address of the host to which the pod is assigned. Empty if the pod has not started yet.',
      ),
      message: str('A human readable message indicating details about why the pod is in this condition.'),
      phase: str('The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle.', {
        enum: ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'],
      }),
      podIP: str(
        'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.',
      ),
      qosClass: str('The Quality of Service (QOS) classification assigned to the pod based on resource requirements.', {
        enum: ['BestEffort', 'Burstable', 'Guaranteed'],
      }),
      reason: str("A brief CamelCase message indicating details about why the pod is in this state. e.g. 'Evicted'"),
      startTime: ref(
        META + 'Time',
        'RFC 3339 date and time at which the object was acknowledged by the Kubelet. This is before the Kubelet pulled the container image(s) for the pod.',
      ),
    },
  ),
  PodCondition: condition('PodCondition'),
  Container: obj(
    'A single application container that you want to run within a pod.',
    {
      args: strs("Arguments to the entrypoint. The container image's CMD is used if this is not provided."),
      command: strs(
        "Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided.",
      ),
      env: refs(CORE + 'EnvVar', 'List of environment variables to set in the container. Cannot be updated.', byName),
      image: str('Container image name. More info: https://kubernetes.io/docs/concepts/containers/images'),
      imagePullPolicy: str(
        'Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise.',
        { enum: ['Always', 'IfNotPresent', 'Never'] },
      ),
      livenessProbe: ref(
        CORE + 'Probe',
        'Periodic probe of container liveness. Container will be restarted if the probe fails.',
      ),
      name: str(
        'Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.',
      ),
      ports: refs(CORE + 'ContainerPort', 'List of ports to expose from the container.', {
        'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
        'x-kubernetes-list-type': 'map',
      }),
      readinessProbe: ref(
        CORE + 'Probe',
        'Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails.',
      ),
      resources: ref(CORE + 'ResourceRequirements', 'Compute Resources required by this container. Cannot be updated.'),
      volumeMounts: refs(
        CORE + 'VolumeMount',
        "Pod volumes to mount into the container's filesystem. Cannot be updated.",
        { 'x-kubernetes-list-map-keys': ['mountPath'], 'x-kubernetes-list-type': 'map' },
      ),
      workingDir: str("Container's working directory. If not specified, the container runtime's default will be used."),
    },
    ['name'],
  ),
  ContainerPort: obj(
    'ContainerPort represents a network port in a single container.',
    {
      containerPort: int(
        "Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536.",
      ),
      hostPort: int('Number of port to expose on the host.'),
      name: str('If specified, this must be an IANA_SVC_NAME and unique within the pod.'),
      protocol: str('Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".', {
        enum: ['SCTP', 'TCP', 'UDP'],
      }),
    },
    ['containerPort'],
  ),
  EnvVar: obj(
    'EnvVar represents an environment variable present in a Container.',
    {
      name: str('Name of the environment variable. Must be a C_IDENTIFIER.'),
      value: str(
        'Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables.',
      ),
      valueFrom: {
        description: "Source for the environment variable's value. Cannot be used if value is not empty.",
        type: 'object',
      },
    },
    ['name'],
  ),
  Probe: obj(
    'Probe describes a health check to be performed against a container to determine whether it is alive or ready to receive traffic.',
    {
      failureThreshold: int(
        'Minimum consecutive failures for the probe to be considered failed after having succeeded. Defaults to 3.',
      ),
      httpGet: { description: 'HTTPGet specifies an HTTP GET request to perform.', type: 'object' },
      initialDelaySeconds: int(
        'Number of seconds after the container has started before liveness probes are initiated.',
      ),
      periodSeconds: int('How often (in seconds) to perform the probe. Default to 10 seconds.'),
      timeoutSeconds: int('Number of seconds after which the probe times out. Defaults to 1 second.'),
    },
  ),
  ResourceRequirements: obj('ResourceRequirements describes the compute resource requirements.', {
    limits: {
      description: 'Limits describes the maximum amount of compute resources allowed.',
      type: 'object',
      additionalProperties: ref(QTY),
    },
    requests: {
      description: 'Requests describes the minimum amount of compute resources required.',
      type: 'object',
      additionalProperties: ref(QTY),
    },
  }),
  VolumeMount: obj(
    'VolumeMount describes a mounting of a Volume within a container.',
    {
      mountPath: str("Path within the container at which the volume should be mounted. Must not contain ':'."),
      name: str('This must match the Name of a Volume.'),
      readOnly: bool('Mounted read-only if true, read-write otherwise (false or unspecified). Defaults to false.'),
      subPath: str(
        'Path within the volume from which the container\'s volume should be mounted. Defaults to "" (volume\'s root).',
      ),
    },
    ['name', 'mountPath'],
  ),
  Volume: obj(
    'Volume represents a named volume in a pod that may be accessed by any container in the pod.',
    {
      configMap: { description: 'configMap represents a configMap that should populate this volume', type: 'object' },
      emptyDir: {
        description: "emptyDir represents a temporary directory that shares a pod's lifetime.",
        type: 'object',
      },
      name: str('name of the volume. Must be a DNS_LABEL and unique within the pod.'),
      persistentVolumeClaim: {
        description:
          'persistentVolumeClaimVolumeSource represents a reference to a PersistentVolumeClaim in the same namespace.',
        type: 'object',
      },
      projected: {
        description: 'projected items for all in one resources secrets, configmaps, and downward API',
        type: 'object',
      },
      secret: { description: 'secret represents a secret that should populate this volume.', type: 'object' },
    },
    ['name'],
  ),
  ContainerStatus: obj(
    'ContainerStatus contains details for the current status of this container.',
    {
      containerID: str("ContainerID is the ID of the container in the format '<type>://<container_id>'."),
      image: str('Image is the name of container image that the container is running.'),
      imageID: str("ImageID is the image ID of the container's image."),
      name: str('Name is a DNS_LABEL representing the unique name of the container.'),
      ready: bool('Ready specifies whether the container is currently passing its readiness check.'),
      restartCount: int('RestartCount holds the number of times the container has been restarted.'),
      started: bool(
        'Started indicates whether the container has finished its postStart lifecycle hook and passed its startup probe.',
      ),
      state: { description: "State holds details about the container's current condition.", type: 'object' },
    },
    ['name', 'ready', 'restartCount', 'image', 'imageID'],
  ),
  Toleration: obj(
    'The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect> using the matching operator <operator>.',
    {
      effect: str('Effect indicates the taint effect to match. Empty means match all taint effects.', {
        enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
      }),
      key: str('Key is the taint key that the toleration applies to. Empty means match all taint keys.'),
      operator: str(
        "Operator represents a key's relationship to the value. Valid operators are Exists and Equal. Defaults to Equal.",
        { enum: ['Equal', 'Exists'] },
      ),
      tolerationSeconds: int(
        'TolerationSeconds represents the period of time the toleration (which must be of effect NoExecute) tolerates the taint.',
        'int64',
      ),
      value: str('Value is the taint value the toleration matches to.'),
    },
  ),
  PodTemplateSpec: obj('PodTemplateSpec describes the data a pod should have when created from a template', {
    metadata: structRef(META + 'ObjectMeta', `Standard object's metadata. More info: ${CONV}#metadata`),
    spec: structRef(
      CORE + 'PodSpec',
      `Specification of the desired behavior of the pod. More info: ${CONV}#spec-and-status`,
    ),
  }),
  Namespace: specStatus(
    'Namespace provides a scope for Names. Use of multiple namespaces is optional.',
    CORE + 'NamespaceSpec',
    CORE + 'NamespaceStatus',
    'Namespace',
  ),
  NamespaceSpec: obj('NamespaceSpec describes the attributes on a Namespace.', {
    finalizers: strs(
      'Finalizers is an opaque list of values that must be empty to permanently remove object from storage.',
    ),
  }),
  NamespaceStatus: obj('NamespaceStatus is information about the current status of a Namespace.', {
    conditions: refs(
      CORE + 'NamespaceCondition',
      "Represents the latest available observations of a namespace's current state.",
      byType(),
    ),
    phase: str('Phase is the current lifecycle phase of the namespace.', { enum: ['Active', 'Terminating'] }),
  }),
  NamespaceCondition: condition('NamespaceCondition'),
  Node: specStatus(
    'Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).',
    CORE + 'NodeSpec',
    CORE + 'NodeStatus',
    'node',
  ),
  NodeSpec: obj('NodeSpec describes the attributes that a node is created with.', {
    podCIDR: str('PodCIDR represents the pod IP range assigned to the node.'),
    podCIDRs: strs('podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node.'),
    providerID: str(
      'ID of the node assigned by the cloud provider in the format: <ProviderName>://<ProviderSpecificNodeID>',
    ),
    taints: refs(CORE + 'Taint', "If specified, the node's taints."),
    unschedulable: bool('Unschedulable controls node schedulability of new pods. By default, node is schedulable.'),
  }),
  NodeStatus: obj('NodeStatus is information about the current status of a node.', {
    addresses: refs(CORE + 'NodeAddress', 'List of addresses reachable to the node.', {
      'x-kubernetes-list-map-keys': ['type'],
      'x-kubernetes-list-type': 'map',
    }),
    allocatable: {
      description:
        'Allocatable represents the resources of a node that are available for scheduling. Defaults to Capacity.',
      type: 'object',
      additionalProperties: ref(QTY),
    },
    capacity: {
      description: 'Capacity represents the total resources of a node.',
      type: 'object',
      additionalProperties: ref(QTY),
    },
    conditions: refs(CORE + 'NodeCondition', 'Conditions is an array of current observed node conditions.', byType()),
    nodeInfo: ref(CORE + 'NodeSystemInfo', 'Set of ids/uuids to uniquely identify the node.'),
  }),
  NodeAddress: obj(
    "NodeAddress contains information for the node's address.",
    {
      address: str('The node address.'),
      type: str('Node address type, one of Hostname, ExternalIP or InternalIP.'),
    },
    ['type', 'address'],
  ),
  NodeCondition: obj(
    'NodeCondition contains condition information for a node.',
    {
      lastHeartbeatTime: ref(META + 'Time', 'Last time we got an update on a given condition.'),
      ...(condition('').properties as Record<string, Schema>),
    },
    ['type', 'status'],
  ),
  NodeSystemInfo: obj(
    'NodeSystemInfo is a set of ids/uuids to uniquely identify the node.',
    {
      architecture: str('The Architecture reported by the node'),
      containerRuntimeVersion: str(
        'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
      ),
      kernelVersion: str("Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
      kubeletVersion: str('Kubelet Version reported by the node.'),
      machineID: str('MachineID reported by the node.'),
      operatingSystem: str('The Operating System reported by the node'),
      osImage: str('OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).'),
    },
    [
      'machineID',
      'kernelVersion',
      'osImage',
      'containerRuntimeVersion',
      'kubeletVersion',
      'operatingSystem',
      'architecture',
    ],
  ),
  Taint: obj(
    'The node this Taint is attached to has the "effect" on any pod that does not tolerate the Taint.',
    {
      effect: str('Required. The effect of the taint on pods that do not tolerate the taint.', {
        enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
      }),
      key: str('Required. The taint key to be applied to a node.'),
      timeAdded: ref(META + 'Time', 'TimeAdded represents the time at which the taint was added.'),
      value: str('The taint value corresponding to the taint key.'),
    },
    ['key', 'effect'],
  ),
  Service: specStatus(
    'Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.',
    CORE + 'ServiceSpec',
    CORE + 'ServiceStatus',
    'service',
  ),
  ServiceSpec: obj('ServiceSpec describes the attributes that a user creates on a service.', {
    clusterIP: str('clusterIP is the IP address of the service and is usually assigned randomly.'),
    clusterIPs: strs(
      'ClusterIPs is a list of IP addresses assigned to this service, and are usually assigned randomly.',
    ),
    externalName: str(
      'externalName is the external reference that discovery mechanisms will return as an alias for this service (e.g. a DNS CNAME record).',
    ),
    ports: refs(CORE + 'ServicePort', 'The list of ports that are exposed by this service.', {
      'x-kubernetes-list-map-keys': ['port', 'protocol'],
      'x-kubernetes-list-type': 'map',
    }),
    selector: strMap('Route service traffic to pods with label keys and values matching this selector.'),
    sessionAffinity: str('Supports "ClientIP" and "None". Used to maintain session affinity.', {
      enum: ['ClientIP', 'None'],
    }),
    type: str('type determines how the Service is exposed. Defaults to ClusterIP.', {
      enum: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
    }),
  }),
  ServicePort: obj(
    "ServicePort contains information on service's port.",
    {
      name: str('The name of this port within the service. This must be a DNS_LABEL.'),
      nodePort: int('The port on each node on which this service is exposed when type is NodePort or LoadBalancer.'),
      port: int('The port that will be exposed by this service.'),
      protocol: str('The IP protocol for this port. Supports "TCP", "UDP", and "SCTP". Default is TCP.', {
        enum: ['SCTP', 'TCP', 'UDP'],
      }),
      targetPort: ref(INT_OR_STRING, 'Number or name of the port to access on the pods targeted by the service.'),
    },
    ['port'],
  ),
  ServiceStatus: obj('ServiceStatus represents the current status of a service.', {
    conditions: refs(META + 'Condition', 'Current service state', byType()),
    loadBalancer: {
      description: 'LoadBalancer contains the current status of the load-balancer, if one is present.',
      type: 'object',
    },
  }),
  ConfigMap: obj('ConfigMap holds configuration data for pods to consume.', {
    ...typeMetaProps(),
    binaryData: {
      description:
        "BinaryData contains the binary data. Each key must consist of alphanumeric characters, '-', '_' or '.'.",
      type: 'object',
      additionalProperties: { type: 'string', format: 'byte' },
    },
    data: strMap(
      "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'.",
    ),
    immutable: bool(
      'Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated (only object metadata can be modified).',
    ),
  }),
  Secret: obj(
    'Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.',
    {
      ...typeMetaProps(),
      data: {
        description:
          "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string.",
        type: 'object',
        additionalProperties: { type: 'string', format: 'byte' },
      },
      immutable: bool(
        'Immutable, if set to true, ensures that data stored in the Secret cannot be updated (only object metadata can be modified).',
      ),
      stringData: strMap(
        'stringData allows specifying non-binary secret data in string form. It is provided as a write-only input field for convenience.',
      ),
      type: str('Used to facilitate programmatic handling of secret data.'),
    },
  ),
  ServiceAccount: obj(
    'ServiceAccount binds together: * a name, understood by users, and perhaps by peripheral systems, for an identity * a principal that can be authenticated and authorized * a set of secrets',
    {
      ...typeMetaProps(),
      automountServiceAccountToken: bool(
        'AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted.',
      ),
      imagePullSecrets: refs(
        CORE + 'LocalObjectReference',
        'ImagePullSecrets is a list of references to secrets in the same namespace to use for pulling any images in pods that reference this ServiceAccount.',
      ),
      secrets: refs(
        CORE + 'ObjectReference',
        'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
        { 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge' },
      ),
    },
  ),
  LocalObjectReference: obj(
    'LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace.',
    {
      name: str('Name of the referent.', { default: '' }),
    },
    undefined,
    { 'x-kubernetes-map-type': 'atomic' },
  ),
  ObjectReference: obj(
    'ObjectReference contains enough information to let you inspect or modify the referred object.',
    {
      apiVersion: str('API version of the referent.'),
      fieldPath: str(
        'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].',
      ),
      kind: str('Kind of the referent.'),
      name: str('Name of the referent.'),
      namespace: str('Namespace of the referent.'),
      resourceVersion: str('Specific resourceVersion to which this reference is made, if any.'),
      uid: str('UID of the referent.'),
    },
    undefined,
    { 'x-kubernetes-map-type': 'atomic' },
  ),
  Event: obj(
    'Event is a report of an event somewhere in the cluster. Events have a limited retention time and triggers and messages may evolve with time.',
    {
      ...typeMetaProps(),
      count: int('The number of times this event has occurred.'),
      eventTime: ref(META + 'MicroTime', 'Time when this Event was first observed.'),
      firstTimestamp: ref(
        META + 'Time',
        'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)',
      ),
      involvedObject: ref(CORE + 'ObjectReference', 'The object that this event is about.'),
      lastTimestamp: ref(META + 'Time', 'The time at which the most recent occurrence of this event was recorded.'),
      message: str('A human-readable description of the status of this operation.'),
      reason: str(
        "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
      ),
      reportingComponent: str('Name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`.', {
        default: '',
      }),
      source: ref(
        CORE + 'EventSource',
        'The component reporting this event. Should be a short machine understandable string.',
      ),
      type: str('Type of this event (Normal, Warning), new types could be added in the future'),
    },
    ['metadata', 'involvedObject'],
  ),
  EventSource: obj('EventSource contains information for an event.', {
    component: str('Component from which the event is generated.'),
    host: str('Node name on which the event is generated.'),
  }),
};

function byType(): Schema {
  return {
    'x-kubernetes-list-map-keys': ['type'],
    'x-kubernetes-list-type': 'map',
    'x-kubernetes-patch-merge-key': 'type',
    'x-kubernetes-patch-strategy': 'merge',
  };
}

const apps: Record<string, Schema> = {
  Deployment: specStatus(
    'Deployment enables declarative updates for Pods and ReplicaSets.',
    APPS + 'DeploymentSpec',
    APPS + 'DeploymentStatus',
    'Deployment',
  ),
  DeploymentSpec: obj(
    'DeploymentSpec is the specification of the desired behavior of the Deployment.',
    {
      minReadySeconds: int(
        'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available.',
      ),
      paused: bool('Indicates that the deployment is paused.'),
      progressDeadlineSeconds: int(
        'The maximum time in seconds for a deployment to make progress before it is considered to be failed. Defaults to 600s.',
      ),
      replicas: int(
        'Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.',
      ),
      revisionHistoryLimit: int('The number of old ReplicaSets to retain to allow rollback. Defaults to 10.'),
      selector: ref(
        META + 'LabelSelector',
        "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment. It must match the pod template's labels.",
      ),
      strategy: ref(
        APPS + 'DeploymentStrategy',
        'The deployment strategy to use to replace existing pods with new ones.',
      ),
      template: ref(
        CORE + 'PodTemplateSpec',
        'Template describes the pods that will be created. The only allowed template.spec.restartPolicy value is "Always".',
      ),
    },
    ['selector', 'template'],
  ),
  DeploymentStrategy: obj('DeploymentStrategy describes how to replace existing pods with new ones.', {
    rollingUpdate: {
      description: 'Rolling update config params. Present only if DeploymentStrategyType = RollingUpdate.',
      type: 'object',
      properties: {
        maxSurge: ref(
          INT_OR_STRING,
          'The maximum number of pods that can be scheduled above the desired number of pods.',
        ),
        maxUnavailable: ref(INT_OR_STRING, 'The maximum number of pods that can be unavailable during the update.'),
      },
    },
    type: str('Type of deployment. Can be "Recreate" or "RollingUpdate". Default is RollingUpdate.', {
      enum: ['Recreate', 'RollingUpdate'],
    }),
  }),
  DeploymentStatus: obj('DeploymentStatus is the most recently observed status of the Deployment.', {
    availableReplicas: int(
      'Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.',
    ),
    conditions: refs(
      APPS + 'DeploymentCondition',
      "Represents the latest available observations of a deployment's current state.",
      byType(),
    ),
    observedGeneration: int('The generation observed by the deployment controller.', 'int64'),
    readyReplicas: int('Total number of non-terminating pods targeted by this Deployment with a Ready Condition.'),
    replicas: int(
      'Total number of non-terminating pods targeted by this deployment (their labels match the selector).',
    ),
    unavailableReplicas: int('Total number of unavailable pods targeted by this deployment.'),
    updatedReplicas: int(
      'Total number of non-terminating pods targeted by this deployment that have the desired template spec.',
    ),
  }),
  DeploymentCondition: obj(
    'DeploymentCondition describes the state of a deployment at a certain point.',
    {
      lastUpdateTime: ref(META + 'Time', 'The last time this condition was updated.'),
      ...(condition('').properties as Record<string, Schema>),
    },
    ['type', 'status'],
  ),
  ReplicaSet: specStatus(
    'ReplicaSet ensures that a specified number of pod replicas are running at any given time.',
    APPS + 'ReplicaSetSpec',
    APPS + 'ReplicaSetStatus',
    'ReplicaSet',
  ),
  ReplicaSetSpec: obj(
    'ReplicaSetSpec is the specification of a ReplicaSet.',
    {
      minReadySeconds: int(
        'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing, for it to be considered available.',
      ),
      replicas: int('Replicas is the number of desired pods. Defaults to 1.'),
      selector: ref(META + 'LabelSelector', 'Selector is a label query over pods that should match the replica count.'),
      template: ref(
        CORE + 'PodTemplateSpec',
        'Template is the object that describes the pod that will be created if insufficient replicas are detected.',
      ),
    },
    ['selector'],
  ),
  ReplicaSetStatus: obj(
    'ReplicaSetStatus represents the current status of a ReplicaSet.',
    {
      availableReplicas: int(
        'The number of available non-terminating pods (ready for at least minReadySeconds) for this replica set.',
      ),
      conditions: refs(
        APPS + 'ReplicaSetCondition',
        "Represents the latest available observations of a replica set's current state.",
        byType(),
      ),
      fullyLabeledReplicas: int(
        'The number of non-terminating pods that have labels matching the labels of the pod template of the replicaset.',
      ),
      observedGeneration: int(
        'ObservedGeneration reflects the generation of the most recently observed ReplicaSet.',
        'int64',
      ),
      readyReplicas: int('The number of non-terminating pods targeted by this ReplicaSet with a Ready Condition.'),
      replicas: int('Replicas is the most recently observed number of non-terminating pods.'),
    },
    ['replicas'],
  ),
  ReplicaSetCondition: condition('ReplicaSetCondition'),
};

const rbac: Record<string, Schema> = {
  Role: obj(
    'Role is a namespaced, logical grouping of PolicyRules that can be referenced as a unit by a RoleBinding.',
    {
      ...typeMetaProps("Standard object's metadata."),
      rules: refs(RBAC + 'PolicyRule', 'Rules holds all the PolicyRules for this Role', {
        'x-kubernetes-list-type': 'atomic',
      }),
    },
  ),
  PolicyRule: obj(
    'PolicyRule holds information that describes a policy rule, but does not contain information about who the rule applies to or which namespace the rule applies to.',
    {
      apiGroups: strs(
        'APIGroups is the name of the APIGroup that contains the resources. If multiple API groups are specified, any action requested against one of the enumerated resources in any API group will be allowed. "" represents the core API group and "*" represents all API groups.',
      ),
      nonResourceURLs: strs(
        'NonResourceURLs is a set of partial urls that a user should have access to. *s are allowed, but only as the full, final step in the path.',
      ),
      resourceNames: strs(
        'ResourceNames is an optional white list of names that the rule applies to. An empty set means that everything is allowed.',
      ),
      resources: strs("Resources is a list of resources this rule applies to. '*' represents all resources."),
      verbs: strs(
        "Verbs is a list of Verbs that apply to ALL the ResourceKinds contained in this rule. '*' represents all verbs.",
      ),
    },
    ['verbs'],
  ),
};

const discovery: Record<string, Schema> = {
  EndpointSlice: obj(
    'EndpointSlice represents a set of service endpoints. Most EndpointSlices are created by the EndpointSlice controller to represent the Pods selected by Service objects.',
    {
      addressType: str(
        'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type.',
        { enum: ['FQDN', 'IPv4', 'IPv6'] },
      ),
      ...typeMetaProps("Standard object's metadata."),
      endpoints: refs(
        DISC + 'Endpoint',
        'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.',
        { 'x-kubernetes-list-type': 'atomic' },
      ),
      ports: refs(
        DISC + 'EndpointPort',
        'ports specifies the list of network ports exposed by each endpoint in this slice.',
        { 'x-kubernetes-list-type': 'atomic' },
      ),
    },
    ['addressType', 'endpoints'],
  ),
  Endpoint: obj(
    'Endpoint represents a single logical "backend" implementing a service.',
    {
      addresses: strs(
        'addresses of this endpoint. For EndpointSlices of addressType "IPv4" or "IPv6", the values are IP addresses in canonical form.',
      ),
      conditions: ref(
        DISC + 'EndpointConditions',
        'conditions contains information about the current status of the endpoint.',
      ),
      hostname: str(
        'hostname of this endpoint. This field may be used by consumers of endpoints to distinguish endpoints from each other.',
      ),
      nodeName: str('nodeName represents the name of the Node hosting this endpoint.'),
      targetRef: ref(
        CORE + 'ObjectReference',
        'targetRef is a reference to a Kubernetes object that represents this endpoint.',
      ),
      zone: str('zone is the name of the Zone this endpoint exists in.'),
    },
    ['addresses'],
  ),
  EndpointConditions: obj('EndpointConditions represents the current condition of an endpoint.', {
    ready: bool(
      'ready indicates that this endpoint is ready to receive traffic, according to whatever system is managing the endpoint.',
    ),
    serving: bool(
      'serving indicates that this endpoint is able to receive traffic, according to whatever system is managing the endpoint.',
    ),
    terminating: bool('terminating indicates that this endpoint is terminating.'),
  }),
  EndpointPort: obj(
    'EndpointPort represents a Port used by an EndpointSlice',
    {
      appProtocol: str('The application protocol for this port.'),
      name: str('name represents the name of this port. All ports in an EndpointSlice must have a unique name.'),
      port: int('port represents the port number of the endpoint.'),
      protocol: str('protocol represents the IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP.', {
        enum: ['SCTP', 'TCP', 'UDP'],
      }),
    },
    undefined,
    { 'x-kubernetes-map-type': 'atomic' },
  ),
};

const events: Record<string, Schema> = {
  Event: obj(
    'Event is a report of an event somewhere in the cluster. It generally denotes some state change in the system.',
    {
      action: str('action is what action was taken/failed regarding to the regarding object.'),
      ...typeMetaProps(),
      eventTime: ref(META + 'MicroTime', 'eventTime is the time when this Event was first observed. It is required.'),
      note: str('note is a human-readable description of the status of this operation.'),
      reason: str('reason is why the action was taken. It is human-readable.'),
      regarding: ref(CORE + 'ObjectReference', 'regarding contains the object this Event is about.'),
      reportingController: str(
        'reportingController is the name of the controller that emitted this Event, e.g. `kubernetes.io/kubelet`.',
      ),
      reportingInstance: str('reportingInstance is the ID of the controller instance, e.g. `kubelet-xyzf`.'),
      type: str('type is the type of this event (Normal, Warning), new types could be added in the future.'),
    },
    ['eventTime'],
  ),
};

/** What apiextensions-apiserver publishes for the example CronTab CRD's structural schema (a CRD
 *  without descriptions gets none in the published schema). */
const crontab: Record<string, Schema> = {
  CronTab: {
    type: 'object',
    properties: {
      ...typeMetaProps(),
      spec: {
        type: 'object',
        properties: { cronSpec: { type: 'string' }, image: { type: 'string' }, replicas: { type: 'integer' } },
      },
    },
  },
};

function prefixed(prefix: string, schemas: Record<string, Schema>): Record<string, Schema> {
  return Object.fromEntries(Object.entries(schemas).map(([k, v]) => [prefix + k, v]));
}

let registry: Record<string, Schema> | undefined;

/** All hand-written schemas by full name. Built on first use. */
export function handWrittenSchemas(): Record<string, Schema> {
  if (!registry) {
    registry = {
      ...prefixed(META, meta),
      [QTY]: {
        description:
          'Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.',
        type: 'string',
      },
      [INT_OR_STRING]: {
        description: 'IntOrString is a type that can hold an int32 or a string.',
        type: 'string',
        format: 'int-or-string',
      },
      ...prefixed(CORE, core),
      ...prefixed(APPS, apps),
      ...prefixed(RBAC, rbac),
      ...prefixed(DISC, discovery),
      ...prefixed(EVENTS, events),
      // CRD schemas are per version; both served versions share the structural schema.
      ...prefixed('com.example.stable.v1.', crontab),
      ...prefixed('com.example.stable.v1beta1.', crontab),
    };
  }
  return registry;
}
