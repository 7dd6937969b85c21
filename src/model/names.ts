// Kubernetes object-name rules the API server enforces, checked before a name is used so that a
// bad one gets one clear line instead of a failing request (or, for a huge one, a stalled UI).

/** Namespace names are DNS-1123 labels (k8s.io/apimachinery validation.IsDNS1123Label). */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL_MAX = 63;

/** A value as it may be echoed in a message: short, and with no control characters. */
export function quoteForMessage(value: string, max = 40): string {
  const shown = value.length > max ? `${value.slice(0, max)}… (${value.length} characters)` : value;
  return JSON.stringify(shown).replace(/[\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?');
}

/** Why `name` cannot be a namespace, in kube's words; undefined when it can. */
export function namespaceNameProblem(name: string): string | undefined {
  if (name.length > DNS1123_LABEL_MAX) return `must be no more than ${DNS1123_LABEL_MAX} characters`;
  if (!DNS1123_LABEL.test(name))
    return "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  return undefined;
}
