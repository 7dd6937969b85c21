// Block YAML for large JSON values, printed in slices. The yaml library's stringify builds a whole
// document tree first and cannot be interrupted: `y` on a 30 MB object blocked every key (q
// included) for seconds. This printer walks the value with an explicit stack, a few milliseconds
// at a time, and its output is what the views' YAML looks like (block style, a line per field, the
// same indentation), with scalars quoted whenever plain style could be read as anything else.
// Small values keep the library's printer (toYamlLines): its output is the reference.

/** Values with more nodes than this, or more text, are printed in slices (counting stops there). */
export const SLICED_YAML_NODES = 20_000;
export const SLICED_YAML_CHARS = 1_000_000;

/** Nesting this deep is shown as JSON (valid YAML) instead, as toYamlLines does. */
const MAX_DEPTH = 1000;

/** Whether `value` has more than SLICED_YAML_NODES nodes or SLICED_YAML_CHARS characters of keys
 *  and strings (a walk that stops at either limit). */
export function isLargeForYaml(value: unknown): boolean {
  let nodes = 0;
  let chars = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (++nodes > SLICED_YAML_NODES) return true;
    if (typeof v === 'string') chars += v.length;
    else if (v !== null && typeof v === 'object') {
      if (Array.isArray(v)) for (const child of v) stack.push(child);
      else
        for (const [key, child] of Object.entries(v)) {
          chars += key.length;
          stack.push(child);
        }
    }
    if (chars > SLICED_YAML_CHARS) return true;
  }
  return false;
}

const PLAIN = /^[\p{L}\p{N}_./][\p{L}\p{N}_./:@+=,()-]*(?: [\p{L}\p{N}_./:@+=,()-]+)*$/u;
const NUMBER_LIKE = /^[-+.\d][-+.\d:_eE]*$|^[-+]?(?:0x[0-9a-fA-F]+|0o[0-7]+|\.inf|\.nan)$/i;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;
const DATE_LIKE = /^\d{4}-\d\d?-\d\d?(?:[Tt ]|$)/;
/** Characters a double-quoted YAML scalar must escape that JSON.stringify leaves as they are. */
const YAML_ONLY_ESCAPES = /[\u007f-\u009f\u2028\u2029\ufeff]/g;
const escapeUnicode = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A string as a one-line scalar: plain when nothing could misread it, else double-quoted. */
export function yamlScalar(s: string): string {
  if (
    PLAIN.test(s) &&
    !s.includes(': ') &&
    !s.endsWith(':') &&
    !NUMBER_LIKE.test(s) &&
    !RESERVED.test(s) &&
    !DATE_LIKE.test(s)
  ) {
    return s;
  }
  return JSON.stringify(s).replace(YAML_ONLY_ESCAPES, escapeUnicode);
}

/** Multi-line text as a literal block (`|-`, `|`) when it can be one exactly, else undefined. */
function literalBlock(s: string): { header: string; lines: string[] } | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what rules a literal block out
  if (!s.includes('\n') || /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(s)) return undefined;
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  // A first line starting with a space would need an indentation indicator; several final newlines
  // a keep indicator: both are left to the quoted form.
  if (body.startsWith(' ') || body.startsWith('\t') || body.endsWith('\n') || body === '') return undefined;
  return { header: s.endsWith('\n') ? '|' : '|-', lines: body.split('\n') };
}

/** A marker: the line so far ("key:") is complete, its value starts on the next line. */
const NEWLINE = Symbol('newline');

interface Pending {
  /** What goes before the node on its first line ('  key: ' is added by the parent). */
  prefix: string;
  /** The indentation of the node's further lines (its entries or items). */
  indent: string;
  value: unknown;
  depth: number;
}

/** A printer that is advanced by `step(ms)` until it says it is done; `lines` then holds the YAML. */
export class SlicedYamlPrinter {
  readonly lines: string[] = [];
  /** Nodes printed so far (for a progress figure). */
  nodes = 0;
  tooDeep = false;
  private readonly stack: Pending[];

  constructor(value: unknown) {
    this.stack = [{ prefix: '', indent: '', value, depth: 0 }];
  }

  /** Prints for about `budgetMs`; true when the whole value is printed. */
  step(budgetMs: number): boolean {
    const until = performance.now() + budgetMs;
    while (this.stack.length > 0) {
      for (let i = 0; i < 128 && this.stack.length > 0; i++) this.node(this.stack.pop()!);
      if (performance.now() >= until) break;
    }
    return this.stack.length === 0;
  }

  private node({ prefix, indent, value, depth }: Pending): void {
    this.nodes++;
    // The line so far ("key:") is complete: the value starts on the next one.
    if (value === NEWLINE) return void this.lines.push(prefix);
    if (depth > MAX_DEPTH) {
      this.tooDeep = true;
      this.stack.length = 0;
      return;
    }
    if (value === null || value === undefined) return void this.lines.push(`${prefix}null`);
    if (typeof value === 'string') {
      const block = literalBlock(value);
      if (!block) return void this.lines.push(`${prefix}${yamlScalar(value)}`);
      this.lines.push(`${prefix}${block.header}`);
      const inner = `${indent}  `;
      for (const line of block.lines) this.lines.push(line === '' ? '' : `${inner}${line}`);
      return;
    }
    if (typeof value !== 'object') return void this.lines.push(`${prefix}${String(value)}`);
    const items: [string | undefined, unknown][] = Array.isArray(value)
      ? value.map((v) => [undefined, v])
      : Object.entries(value).filter(([, v]) => v !== undefined);
    if (items.length === 0) return void this.lines.push(`${prefix}${Array.isArray(value) ? '[]' : '{}'}`);
    // The parent's own line ("key:" or "-") ends here when the first entry cannot share it.
    const pending: Pending[] = [];
    items.forEach(([key, v], i) => {
      const lead = i === 0 ? prefix : indent;
      const nested = v !== null && typeof v === 'object' && (Array.isArray(v) ? v.length : Object.keys(v).length) > 0;
      if (key === undefined) {
        // A sequence item: its own content continues after "- ".
        pending.push({ prefix: `${lead}- `, indent: `${indent}  `, value: v, depth: depth + 1 });
      } else if (nested) {
        pending.push({ prefix: `${lead}${yamlScalar(key)}:`, indent: '', value: NEWLINE, depth });
        pending.push({ prefix: `${indent}  `, indent: `${indent}  `, value: v, depth: depth + 1 });
      } else {
        pending.push({ prefix: `${lead}${yamlScalar(key)}: `, indent, value: v, depth: depth + 1 });
      }
    });
    for (let i = pending.length - 1; i >= 0; i--) this.stack.push(pending[i]!);
  }
}
