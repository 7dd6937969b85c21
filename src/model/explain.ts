// `kubectl explain` from an OpenAPI document, without I/O: find a kind's schema, build its field
// tree (resolving $ref and allOf wrappers, stopping at cycles), walk a field path, render the text
// kubectl prints, and map a line of a pretty-printed JSON object to the field path under it.
//
// Works with OpenAPI v3 documents (components.schemas, '#/components/schemas/…' refs; what
// /openapi/v3/<gv> serves) and v2 documents (definitions, '#/definitions/…'). Rendering follows
// kubectl's v3 template (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl).

export interface GroupVersionKind {
  /** '' for the core group. */
  group: string;
  version: string;
  kind: string;
}

export interface FieldNode {
  /** Field name; for the root, the kind. */
  name: string;
  /** Path from the root ([] for the root). */
  path: string[];
  /** Type as kubectl explain shows it: string, integer, boolean, Object, []Container, map[string]string, ObjectMeta… */
  type: string;
  /** The field's own description (else the referenced type's). '' when the schema has none. */
  description: string;
  /** The referenced type's description when it differs from `description` (kubectl prints both for a FIELD). */
  typeDescription?: string;
  /** Listed in the parent's `required`. */
  required: boolean;
  /** Allowed values, when the schema has an enum. */
  enum?: unknown[];
  /** Name of the schema this field's type comes from (after $ref/allOf/items/additionalProperties). */
  schemaName?: string;
  /** Fields of the object (for []X and map[string]X: the fields of X). Absent for scalars. */
  children?: FieldNode[];
  /** The type refers back to a schema already on the path (or the depth limit was hit): children are not expanded. */
  recursive?: boolean;
  /** Which kind the tree was built for (the same object on every node of a tree). */
  gvk?: GroupVersionKind;
}

export interface BuildOptions {
  /** Stop expanding below this depth (root = 0). Default 24: deep enough for every built-in kind. */
  maxDepth?: number;
}

// OpenAPI schema objects come in every shape (properties, items, allOf, $ref, x-kubernetes-*);
// the walkers below check what they read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = { [k: string]: any };

interface Doc {
  schemas: Record<string, Schema>;
  /** '#/components/schemas/' or '#/definitions/' */
  prefix: string;
}

function docOf(document: unknown): Doc {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an OpenAPI document, read defensively below
  const d = (document ?? {}) as any;
  if (d.components?.schemas && typeof d.components.schemas === 'object') {
    return { schemas: d.components.schemas, prefix: '#/components/schemas/' };
  }
  if (d.definitions && typeof d.definitions === 'object') return { schemas: d.definitions, prefix: '#/definitions/' };
  return { schemas: {}, prefix: '#/components/schemas/' };
}

function refName(ref: unknown): string | undefined {
  if (typeof ref !== 'string') return undefined;
  const i = ref.lastIndexOf('/');
  return i >= 0 ? ref.slice(i + 1) : ref;
}

/** The last dotted segment of a schema name: io.k8s.api.core.v1.PodSpec → PodSpec. */
function shortName(name: string): string {
  const parts = name.split('.');
  return parts[parts.length - 1] || 'Object';
}

function gvkList(s: Schema | undefined): GroupVersionKind[] {
  const x = s?.['x-kubernetes-group-version-kind'];
  if (!Array.isArray(x)) return [];
  return x
    .filter((g) => g && typeof g === 'object')
    .map((g) => ({
      group: String(g.group ?? ''),
      version: String(g.version ?? ''),
      kind: String(g.kind ?? ''),
    }));
}

/**
 * The package prefixes a group's schemas may use: core → io.k8s.api.core; apps → io.k8s.api.apps;
 * rbac.authorization.k8s.io → io.k8s.api.rbac; apiextensions.k8s.io → io.k8s.apiextensions-apiserver.…;
 * a CRD group stable.example.com → com.example.stable.
 */
function packageHints(group: string): string[] {
  if (group === '') return ['io.k8s.api.core.'];
  const first = group.split('.')[0]!;
  return [`io.k8s.api.${first}.`, `.${first}.`, `${group.split('.').reverse().join('.')}.`];
}

/**
 * Find the schema name for a kind: by `x-kubernetes-group-version-kind` (what kube-apiserver
 * publishes), else by the name suffix `.<version>.<Kind>` within the group's package.
 */
export function findSchemaName(document: unknown, gvk: GroupVersionKind): string | undefined {
  const { schemas } = docOf(document);
  const names = Object.keys(schemas);
  for (const name of names) {
    if (gvkList(schemas[name]).some((g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind)) {
      return name;
    }
  }
  // No extension: same `.<version>.<Kind>` suffix, in the group's package, not claimed by another GVK.
  const suffix = `.${gvk.version}.${gvk.kind}`;
  const candidates = names.filter((n) => n.endsWith(suffix) && gvkList(schemas[n]).length === 0);
  for (const hint of packageHints(gvk.group)) {
    const hit = candidates.find((n) => (hint.startsWith('.') ? n.includes(hint) : n.startsWith(hint)));
    if (hit) return hit;
  }
  return undefined;
}

/** A schema, followed through a bare `$ref` or a single-`allOf` wrapper, with the name it came from. */
interface Resolved {
  schema: Schema;
  name?: string;
}

function resolve(doc: Doc, s: Schema | undefined, seen: Set<string> = new Set()): Resolved {
  if (!s || typeof s !== 'object') return { schema: {} };
  const r = refName(s.$ref);
  if (r !== undefined) {
    const target = doc.schemas[r];
    if (!target || seen.has(r)) return { schema: target ?? {}, name: r };
    seen.add(r);
    const inner = resolve(doc, target, seen);
    return { schema: inner.schema, name: inner.name ?? r };
  }
  if (Array.isArray(s.allOf) && s.allOf.length === 1 && !s.properties && !s.type) {
    const inner = resolve(doc, s.allOf[0], seen);
    return inner;
  }
  return { schema: s };
}

function isMapSchema(s: Schema): boolean {
  return !!s.additionalProperties && typeof s.additionalProperties === 'object';
}

/** kubectl's typeGuess. */
function typeGuess(doc: Doc, s: Schema | undefined, seen: Set<string> = new Set()): string {
  if (!s || typeof s !== 'object') return 'Object';
  if (s.items && typeof s.items === 'object') return `[]${typeGuess(doc, s.items, seen)}`;
  if (isMapSchema(s)) return `map[string]${typeGuess(doc, s.additionalProperties, seen)}`;
  if (Array.isArray(s.allOf) && s.allOf.length === 1 && !s.properties) return typeGuess(doc, s.allOf[0], seen);
  const r = refName(s.$ref);
  if (r !== undefined) {
    const target = doc.schemas[r];
    if (!target || !target.type || target.type === 'object') {
      // A ref to a bare wrapper (allOf/$ref only) — follow it once more for its type.
      if (target && !target.type && !target.properties && (target.$ref || target.allOf) && !seen.has(r)) {
        seen.add(r);
        const inner = typeGuess(doc, target, seen);
        if (inner !== 'Object') return inner;
      }
      if (target?.['x-kubernetes-int-or-string']) return 'IntOrString';
      return shortName(r);
    }
    return String(target.type);
  }
  if (s['x-kubernetes-int-or-string']) return 'IntOrString';
  if (s.type === 'object' || !s.type) return 'Object';
  return String(s.type);
}

/** The schema whose properties a field's children come from: through refs, allOf, items and map values. */
function elementSchema(doc: Doc, s: Schema, seen: Set<string>): Resolved {
  let cur = resolve(doc, s, seen);
  for (let i = 0; i < 8; i++) {
    const sc = cur.schema;
    if (sc.items && typeof sc.items === 'object') cur = resolve(doc, sc.items, seen);
    else if (isMapSchema(sc)) cur = resolve(doc, sc.additionalProperties, seen);
    else break;
  }
  return cur;
}

/** Properties of a schema, including those contributed by allOf members (kubectl's fieldList walks them too). */
function propertiesOf(doc: Doc, s: Schema, seen: Set<string>): { props: [string, Schema][]; required: Set<string> } {
  const props: [string, Schema][] = [];
  const required = new Set<string>(Array.isArray(s.required) ? s.required : []);
  const have = new Set<string>();
  const add = (sc: Schema) => {
    if (sc.properties && typeof sc.properties === 'object') {
      for (const [k, v] of Object.entries(sc.properties as Record<string, Schema>)) {
        if (have.has(k)) continue;
        have.add(k);
        props.push([k, v]);
      }
    }
    if (Array.isArray(sc.required)) for (const r of sc.required) required.add(r);
  };
  add(s);
  if (Array.isArray(s.allOf)) {
    for (const part of s.allOf) {
      const r = resolve(doc, part, new Set(seen));
      add(r.schema);
    }
  }
  props.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { props, required };
}

function descriptionOf(s: Schema | undefined): string {
  return typeof s?.description === 'string' ? s.description : '';
}

type Props = ReturnType<typeof propertiesOf>;

function buildChildren(
  doc: Doc,
  { props, required }: Props,
  parentPath: string[],
  ancestors: Set<string>,
  depth: number,
  maxDepth: number,
  gvk: GroupVersionKind | undefined,
): FieldNode[] | undefined {
  if (props.length === 0) return undefined;
  return props.map(([name, fs]) =>
    buildField(doc, name, fs, required.has(name), [...parentPath, name], ancestors, depth, maxDepth, gvk),
  );
}

function buildField(
  doc: Doc,
  name: string,
  fs: Schema,
  required: boolean,
  path: string[],
  ancestors: Set<string>,
  depth: number,
  maxDepth: number,
  gvk: GroupVersionKind | undefined,
): FieldNode {
  const el = elementSchema(doc, fs, new Set());
  const own = descriptionOf(fs);
  const typeDesc = descriptionOf(el.schema);
  const node: FieldNode = {
    name,
    path,
    type: typeGuess(doc, fs),
    description: own || typeDesc,
    required,
  };
  if (own && typeDesc && typeDesc !== own) node.typeDescription = typeDesc;
  const en = Array.isArray(fs.enum) ? fs.enum : Array.isArray(el.schema.enum) ? el.schema.enum : undefined;
  if (en) node.enum = en;
  if (el.name) node.schemaName = el.name;
  if (gvk) node.gvk = gvk;
  const props = propertiesOf(doc, el.schema, ancestors);
  if (props.props.length === 0) return node;
  if ((el.name && ancestors.has(el.name)) || depth >= maxDepth) {
    node.recursive = true;
    return node;
  }
  const next = el.name ? new Set([...ancestors, el.name]) : ancestors;
  node.children = buildChildren(doc, props, path, next, depth + 1, maxDepth, gvk);
  return node;
}

/**
 * The field tree of a kind. `target` is a schema name ('io.k8s.api.core.v1.Pod') or a GVK
 * ({group:'', version:'v1', kind:'Pod'}). Returns undefined when the document has no such schema.
 */
export function buildFieldTree(
  document: unknown,
  target: string | GroupVersionKind,
  opts: BuildOptions = {},
): FieldNode | undefined {
  const doc = docOf(document);
  const maxDepth = opts.maxDepth ?? 24;
  const name = typeof target === 'string' ? target : findSchemaName(document, target);
  if (!name) return undefined;
  const schema = doc.schemas[name];
  if (!schema) return undefined;
  const gvk = typeof target === 'string' ? gvkList(schema)[0] : target;
  const el = resolve(doc, schema);
  const root: FieldNode = {
    name: gvk?.kind ?? shortName(name),
    path: [],
    type: gvk?.kind ?? shortName(name),
    description: descriptionOf(el.schema) || descriptionOf(schema),
    required: false,
    schemaName: name,
  };
  if (gvk) root.gvk = gvk;
  root.children = buildChildren(
    doc,
    propertiesOf(doc, el.schema, new Set([name])),
    [],
    new Set([name]),
    1,
    maxDepth,
    gvk,
  );
  return root;
}

/**
 * A node marked `recursive` (cycle or depth limit) with its children built, starting afresh from
 * its schema: what the UI calls when the learner opens such a field. Other nodes come back as is.
 */
export function expandField(document: unknown, node: FieldNode, opts: BuildOptions = {}): FieldNode {
  if (!node.recursive || !node.schemaName) return node;
  const doc = docOf(document);
  const schema = doc.schemas[node.schemaName];
  if (!schema) return node;
  const el = resolve(doc, schema);
  const ancestors = new Set([node.schemaName]);
  const children = buildChildren(
    doc,
    propertiesOf(doc, el.schema, ancestors),
    node.path,
    ancestors,
    1,
    opts.maxDepth ?? 24,
    node.gvk,
  );
  const { recursive: _r, ...rest } = node;
  return children ? { ...rest, children } : node;
}

export type FieldPath = readonly (string | number)[];

export interface ExplainPathOptions {
  /** Return the deepest node found instead of undefined when the path goes past the schema. */
  nearest?: boolean;
  /** The OpenAPI document the tree came from: lets the walk continue through `recursive` nodes (expandField). */
  document?: unknown;
}

/**
 * The node at a field path. Array indices (numbers or digit strings) after a []X field and map
 * keys after a map[string]X field are skipped, so a path from `fieldAtJsonLine` works directly:
 * ['spec','containers',0,'image'] → the `image` field of Container.
 */
export function explainPath(tree: FieldNode, path: FieldPath, opts: ExplainPathOptions = {}): FieldNode | undefined {
  let node = tree;
  let keySkipped = false;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const isIndex = typeof seg === 'number' || /^\d+$/.test(seg);
    if (isIndex && node.type.startsWith('[]') && !keySkipped) {
      keySkipped = true;
      continue;
    }
    if (node.recursive && opts.document !== undefined) node = expandField(opts.document, node);
    const child = typeof seg === 'string' ? node.children?.find((c) => c.name === seg) : undefined;
    if (child) {
      node = child;
      keySkipped = false;
      continue;
    }
    // One map key (labels.app, resources.limits.cpu): the map's node describes it; for
    // map[string]X with X an object, the segment after the key is a field of X.
    if (node.type.startsWith('map[') && !keySkipped) {
      keySkipped = true;
      continue;
    }
    return opts.nearest ? node : undefined;
  }
  return node;
}

export interface RenderOptions {
  /** Like `kubectl explain --recursive`: the whole subtree, names and types only. */
  recursive?: boolean;
  /** Wrap width for descriptions (kubectl: 80). */
  width?: number;
  /** Overrides node.gvk for the header. */
  gvk?: GroupVersionKind;
}

/** Greedy word wrap (Go sprig `wrap`: lines of at most `width`, long words kept whole). */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    const words = para.split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      out.push('');
      continue;
    }
    let line = '';
    for (const w of words) {
      if (!line) line = w;
      else if (line.length + 1 + w.length <= width) line += ` ${w}`;
      else {
        out.push(line);
        line = w;
      }
    }
    out.push(line);
  }
  return out;
}

function enumText(values: unknown[], limit: number): string {
  const shown = limit >= 0 ? values.slice(0, limit) : values;
  const parts = shown.map((v) => (v === '' ? '""' : String(v)));
  return parts.join(', ') + (limit >= 0 && values.length > limit ? ', ....' : '');
}

function fieldLine(n: FieldNode, indent: number): string[] {
  const lines = [`${' '.repeat(indent)}${n.name}\t<${n.type}>${n.required ? ' -required-' : ''}`];
  if (n.enum?.length) lines.push(`${' '.repeat(indent)}enum: ${enumText(n.enum, 4)}`);
  return lines;
}

function recursiveList(nodes: FieldNode[], level: number, out: string[]): void {
  for (const n of nodes) {
    out.push(...fieldLine(n, level * 2));
    if (n.children) recursiveList(n.children, level + 1, out);
  }
}

/**
 * The text `kubectl explain` prints for a node (root or field), one string per line:
 *
 *     GROUP:      apps            (named groups only)
 *     KIND:       Deployment
 *     VERSION:    v1
 *
 *     FIELD: replicas <integer>   (fields only)
 *
 *     DESCRIPTION:
 *         …
 *
 *     FIELDS:
 *       name\t<type> -required-
 *         description…
 *
 * A node marked `recursive` has no children in the tree; pass it through expandField first to
 * list its fields (kubectl does the same: it resolves the field's schema afresh).
 */
export function renderExplain(node: FieldNode, opts: RenderOptions = {}): string[] {
  const width = opts.width ?? 80;
  const gvk = opts.gvk ?? node.gvk;
  const out: string[] = [];
  if (gvk) {
    if (gvk.group) out.push(`GROUP:      ${gvk.group}`);
    out.push(`KIND:       ${gvk.kind}`);
    out.push(`VERSION:    ${gvk.version}`);
    out.push('');
  }
  if (node.path.length > 0) {
    out.push(`FIELD: ${node.name} <${node.type}>`);
    if (node.enum?.length) {
      out.push('ENUM:');
      for (const v of node.enum) out.push(`    ${v === '' ? '""' : String(v)}`);
    }
    out.push('');
  }
  out.push('DESCRIPTION:');
  const desc = [node.description, node.typeDescription].filter(Boolean).join('\n');
  for (const l of wrapText(desc || '<empty>', width - 4)) out.push(l ? `    ${l}` : '');
  if (node.children?.length) {
    out.push('');
    out.push('FIELDS:');
    if (opts.recursive) {
      recursiveList(node.children, 1, out);
    } else {
      for (const c of node.children) {
        out.push(...fieldLine(c, 2));
        for (const l of wrapText(c.description || '<no description>', width - 4)) out.push(l ? `    ${l}` : '');
        out.push('');
      }
      if (out[out.length - 1] === '') out.pop();
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// fieldAtJsonLine: which field does a line of pretty-printed JSON belong to?

interface Frame {
  kind: 'object' | 'array';
  /** Path of the container itself. */
  path: (string | number)[];
  /** Objects: the last key read; arrays: the index of the current element. */
  key?: string;
  index: number;
  expectKey: boolean;
}

/**
 * The path of the field on line `lineIndex` (0-based) of a pretty-printed JSON document, as the
 * object view shows it: a `"key": …` line gives the key's path, an array element line gives
 * the element's index, a closing `}`/`]` line gives the container's path, the first line [].
 * Returns undefined for a line outside the text. Tolerates truncated or slightly invalid JSON.
 */
export function fieldAtJsonLine(jsonText: string, lineIndex: number): (string | number)[] | undefined {
  if (lineIndex < 0) return undefined;
  let line = 0;
  const stack: Frame[] = [];
  let found: (string | number)[] | undefined;
  let lineDone = false;
  const mark = (p: (string | number)[]) => {
    if (line === lineIndex && !lineDone) {
      found = p;
      lineDone = true;
    }
  };
  const valuePath = (): (string | number)[] => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    return top.kind === 'object' ? [...top.path, top.key ?? ''] : [...top.path, top.index];
  };
  const n = jsonText.length;
  for (let i = 0; i < n; i++) {
    if (line > lineIndex) break;
    const c = jsonText[i]!;
    if (c === '\n') {
      line++;
      lineDone = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    const top = stack[stack.length - 1];
    if (c === '{' || c === '[') {
      const p = valuePath();
      mark(p);
      stack.push({ kind: c === '{' ? 'object' : 'array', path: p, index: 0, expectKey: c === '{' });
      continue;
    }
    if (c === '}' || c === ']') {
      if (top) mark(top.path);
      stack.pop();
      continue;
    }
    if (c === ',') {
      if (top?.kind === 'array') top.index++;
      else if (top) top.expectKey = true;
      continue;
    }
    if (c === ':') {
      if (top) top.expectKey = false;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let s = '';
      while (j < n && jsonText[j] !== '"') {
        if (jsonText[j] === '\\' && j + 1 < n) {
          s += jsonText.slice(j, j + 2);
          j += 2;
        } else if (jsonText[j] === '\n') {
          break;
        } else {
          s += jsonText[j];
          j++;
        }
      }
      let str: string;
      try {
        str = JSON.parse(`"${s}"`) as string;
      } catch {
        str = s;
      }
      if (top?.kind === 'object' && top.expectKey) {
        top.key = str;
        mark([...top.path, str]);
      } else {
        mark(valuePath());
      }
      i = j;
      continue;
    }
    // number, true, false, null
    let j = i;
    while (j < n && !/[\s,\]}:]/.test(jsonText[j]!)) j++;
    mark(valuePath());
    i = j - 1;
  }
  return found;
}
