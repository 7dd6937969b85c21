// Object clean-up before display: Secret values masked, managedFields hidden.

export const MASK = '••••••';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function maskValues(v: unknown): unknown {
  if (!isObj(v)) return v;
  return Object.fromEntries(Object.keys(v).map((k) => [k, MASK]));
}

/** A copy of a Secret with data/stringData values replaced by '••••••'; other kinds unchanged.
 *  A SecretList (or any `items` list) has each Secret item masked. */
export function maskSecret<T>(obj: T): T {
  if (!isObj(obj)) return obj;
  if (obj.kind === 'Secret') {
    const out: Obj = { ...obj };
    if ('data' in obj) out.data = maskValues(obj.data);
    if ('stringData' in obj) out.stringData = maskValues(obj.stringData);
    const metadata = maskLastApplied(obj.metadata);
    if (metadata !== obj.metadata) out.metadata = metadata;
    return out as T;
  }
  if (Array.isArray(obj.items) && typeof obj.kind === 'string' && obj.kind.endsWith('List')) {
    const itemKind = obj.kind.slice(0, -4);
    return { ...obj, items: obj.items.map((i) => maskSecret(isObj(i) && !i.kind ? { kind: itemKind, ...i } : i)) } as T;
  }
  return obj;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** `kubectl apply` keeps the whole applied Secret, values included, in an annotation: mask it too
 *  (kept as masked JSON so the learner still sees what the annotation is). */
function maskLastApplied(metadata: unknown): unknown {
  if (!isObj(metadata) || !isObj(metadata.annotations) || typeof metadata.annotations[LAST_APPLIED] !== 'string')
    return metadata;
  let masked: string;
  try {
    const applied = JSON.parse(metadata.annotations[LAST_APPLIED] as string) as Obj;
    masked = JSON.stringify(maskSecret({ ...applied, kind: 'Secret' }));
  } catch {
    masked = MASK;
  }
  return { ...metadata, annotations: { ...metadata.annotations, [LAST_APPLIED]: masked } };
}

export function isSecret(obj: unknown): boolean {
  return isObj(obj) && obj.kind === 'Secret';
}

/** A copy without metadata.managedFields (k9s #950: nobody wants to read them by default). */
export function hideManagedFields<T>(obj: T): T {
  if (!isObj(obj) || !isObj(obj.metadata) || !('managedFields' in obj.metadata)) return obj;
  const { managedFields: _omit, ...metadata } = obj.metadata;
  return { ...obj, metadata } as T;
}
