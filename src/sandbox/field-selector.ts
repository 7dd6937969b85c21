// fieldSelector as kube-apiserver reads it (fields.ParseSelector): comma-separated `path=value`,
// `path==value` or `path!=value` on the object's fields (metadata.name, involvedObject.uid, …).
// The real server allows a few fields per resource; the sandbox reads any dotted path.

export interface FieldRequirement {
  path: string[];
  value: string;
  equal: boolean;
}

export function parseFieldSelector(text: string): { requirements: FieldRequirement[] } | { error: string } {
  const requirements: FieldRequirement[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([^=!]+?)(!=|==|=)(.*)$/.exec(part);
    if (!m) return { error: `invalid selector: '${text}'; can't understand '${part}'` };
    requirements.push({ path: m[1]!.trim().split('.'), value: m[3]!.trim(), equal: m[2] !== '!=' });
  }
  return { requirements };
}

export function matchesFields(requirements: FieldRequirement[], object: unknown): boolean {
  return requirements.every((r) => {
    let v: unknown = object;
    for (const key of r.path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
    const text = v === undefined || v === null ? '' : String(v);
    return (text === r.value) === r.equal;
  });
}
