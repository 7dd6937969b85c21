// JSON / YAML → lines → coloured tokens. Documents are printed once and indexed by line; only the visible
// lines are tokenised (per render), so a multi-megabyte /openapi/v2 costs one pass (a line index).
import { LineIndex, type TextLines, textLineIndex } from './text-lines.js';

/** Prints a value as YAML. The parser library is passed in, not imported: it loads after the first
 *  frame (src/ui/useYamlPrinter.ts) instead of before it. */
export type YamlPrinter = (value: unknown) => string;
/** How every YAML view is printed: no line folding, so a line is a field. */
export const YAML_OPTIONS = { lineWidth: 0 } as const;

export type TokenKind = 'key' | 'string' | 'number' | 'boolean' | 'null' | 'punct' | 'plain';
export interface Token {
  text: string;
  kind: TokenKind;
}

/** Indentation stops growing here: a document nested thousands of levels deep (a custom resource
 *  can be) would otherwise cost megabytes of spaces per line. Whitespace only: the JSON is the same. */
const MAX_INDENT_LEVELS = 100;

interface JsonFrame {
  entries: [string | undefined, unknown][];
  next: number;
  indent: string;
  close: string;
}

/** The lines of JSON.stringify(value, null, 2) (see prettyJson). */
export function toJsonLines(value: unknown): string[] {
  return prettyJson(value).split('\n');
}

/** prettyJson's result per object: the request log and the detail view print the same response
 *  (a 5 MB /openapi/v2 is 7 MB pretty-printed), and share one copy of it. */
const printed = new WeakMap<object, string>();

/** JSON.stringify(value, null, 2), printed once per object. The native printer is 2-3 times faster
 *  (a 30 MB object: 0.3 s), but it recurses: an object nested 5,000 levels deep (which JSON.parse
 *  accepts) overflows its stack, and is printed without recursion instead. */
export function prettyJson(value: unknown): string {
  const cacheable = typeof value === 'object' && value !== null;
  const known = cacheable ? printed.get(value) : undefined;
  if (known !== undefined) return known;
  let text: string;
  try {
    text = JSON.stringify(value, null, 2) ?? 'undefined';
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    text = deepJsonLines(value).join('\n');
  }
  if (cacheable) printed.set(value, text);
  return text;
}

/** The lines of prettyJson(value), as a line index over that one string. */
export function jsonLineIndex(value: unknown): LineIndex {
  return new LineIndex(prettyJson(value));
}

/** toJsonLines with an explicit stack instead of recursion. */
export function deepJsonLines(value: unknown): string[] {
  if (value === undefined) return ['undefined'];
  const lines: string[] = [];
  const stack: JsonFrame[] = [];
  const visit = (prefix: string, v: unknown, indent: string, comma: string) => {
    if (v === null || typeof v !== 'object') {
      lines.push(`${indent}${prefix}${JSON.stringify(v) ?? 'null'}${comma}`);
      return;
    }
    const array = Array.isArray(v);
    const entries: [string | undefined, unknown][] = array
      ? v.map((x) => [undefined, x])
      : Object.entries(v).filter(([, x]) => x !== undefined && typeof x !== 'function');
    if (entries.length === 0) {
      lines.push(`${indent}${prefix}${array ? '[]' : '{}'}${comma}`);
      return;
    }
    lines.push(`${indent}${prefix}${array ? '[' : '{'}`);
    stack.push({ entries, next: 0, indent, close: `${indent}${array ? ']' : '}'}${comma}` });
  };
  visit('', value, '', '');
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next === frame.entries.length) {
      stack.pop();
      lines.push(frame.close);
      continue;
    }
    const [key, v] = frame.entries[frame.next++]!;
    const indent = stack.length > MAX_INDENT_LEVELS ? frame.indent : `${frame.indent}  `;
    visit(key === undefined ? '' : `${JSON.stringify(key)}: `, v, indent, frame.next < frame.entries.length ? ',' : '');
  }
  return lines;
}

/** Said above a document too deep for the YAML printer (JSON is YAML too: the view stays YAML). */
export const TOO_DEEP_FOR_YAML = '# nested too deeply to print as block YAML: shown in JSON form (valid YAML)';

export function toYamlLines(value: unknown, print: YamlPrinter): string[] {
  return Array.from(yamlLineIndex(value, print));
}

/** The lines of the YAML of `value` (toYamlLines), as a line index over the printed text. */
export function yamlLineIndex(value: unknown, print: YamlPrinter): LineIndex {
  let text: string;
  try {
    text = print(value);
  } catch (e) {
    // The printer recurses per level; a stack overflow is the only error it can meet here.
    if (!(e instanceof RangeError)) throw e;
    return new LineIndex(`${TOO_DEEP_FOR_YAML}\n${prettyJson(value)}`);
  }
  return new LineIndex(text, true);
}

export function textLines(text: string): string[] {
  return Array.from(textLineIndex(text));
}

const JSON_TOKEN =
  /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false)\b|\b(null)\b|([{}[\],:])|(\s+|[a-zA-Z_]+|.)/g;

/** Tokens of one line of pretty-printed JSON. */
export function highlightJsonLine(line: string): Token[] {
  const out: Token[] = [];
  for (const m of line.matchAll(JSON_TOKEN)) {
    if (m[1] !== undefined) {
      if (m[2] !== undefined) {
        out.push({ text: m[1], kind: 'key' }, { text: m[2], kind: 'punct' });
      } else out.push({ text: m[1], kind: 'string' });
    } else if (m[3] !== undefined) out.push({ text: m[3], kind: 'number' });
    else if (m[4] !== undefined) out.push({ text: m[4], kind: 'boolean' });
    else if (m[5] !== undefined) out.push({ text: m[5], kind: 'null' });
    else if (m[6] !== undefined) out.push({ text: m[6], kind: 'punct' });
    else out.push({ text: m[0], kind: 'plain' });
  }
  return merge(out);
}

function scalarKind(v: string): TokenKind {
  const t = v.trim();
  if (t === '') return 'plain';
  if (t === 'null' || t === '~') return 'null';
  if (t === 'true' || t === 'false') return 'boolean';
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return 'number';
  if (t === '|' || t === '|-' || t === '>' || t === '>-' || t === '{}' || t === '[]') return 'punct';
  return 'string';
}

/** Tokens of one line of YAML (block style as `yaml` emits it). */
export function highlightYamlLine(line: string): Token[] {
  const m = /^(\s*)(- )?((?:"[^"]*"|'[^']*'|[^\s:'"][^:]*?)(:)(?= |$))?(.*)$/.exec(line);
  if (!m) return [{ text: line, kind: 'plain' }];
  const out: Token[] = [];
  if (m[1]) out.push({ text: m[1], kind: 'plain' });
  if (m[2]) out.push({ text: m[2], kind: 'punct' });
  if (m[3]) {
    out.push({ text: m[3].slice(0, -1), kind: 'key' }, { text: ':', kind: 'punct' });
  }
  if (m[5]) out.push({ text: m[5], kind: scalarKind(m[5]) });
  return merge(out);
}

function merge(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && last.kind === t.kind) last.text += t.text;
    else out.push({ ...t });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// fieldAtYamlLine: which field does a line of the YAML view belong to?

interface YamlFrame {
  kind: 'map' | 'seq';
  /** Column of the frame's keys (map) or dashes (seq). */
  indent: number;
  /** Path of the collection itself. */
  path: (string | number)[];
  key: string;
  index: number;
}

const YAML_KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#-][^]*?|-[^\s][^]*?):(?: |$)/;
const BLOCK_SCALAR = /^[|>][1-9+-]*$/;

function yamlKey(raw: string): string {
  if (raw.startsWith('"')) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  }
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw;
}

/**
 * The path of the field on line `lineIndex` of block-style YAML as `toYamlLines` emits it (the YAML
 * view): a `key: …` line gives the key's path (`- name: web` the item's `name`), a `- scalar` line
 * the item's index, a line inside a block scalar (`|-`) its key. The same paths as fieldAtJsonLine,
 * from indentation alone: one pass over the lines up to `lineIndex`, no parsing of the document.
 */
export function fieldAtYamlLine(lines: TextLines, lineIndex: number): (string | number)[] | undefined {
  if (lineIndex < 0 || lineIndex >= lines.length) return undefined;
  const stack: YamlFrame[] = [];
  let block: { indent: number; path: (string | number)[] } | undefined;
  const valuePath = (): (string | number)[] => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    return top.kind === 'map' ? [...top.path, top.key] : [...top.path, top.index];
  };
  for (let i = 0; i <= lineIndex; i++) {
    const line = lines.at(i)!;
    const indent = line.length - line.trimStart().length;
    if (block) {
      if (line.trim() === '' || indent > block.indent) {
        if (i === lineIndex) return block.path;
        continue;
      }
      block = undefined;
    }
    if (line.trim() === '' || line.trimStart().startsWith('#')) {
      if (i === lineIndex) return valuePath();
      continue;
    }
    let col = indent;
    let rest = line.slice(indent);
    // Leave the collections this line is not part of.
    while (stack.length && stack[stack.length - 1]!.indent > col) stack.pop();
    let path = valuePath();
    for (;;) {
      const top = stack[stack.length - 1];
      if (rest === '-' || rest.startsWith('- ')) {
        if (top && top.indent === col && top.kind === 'seq') top.index++;
        else {
          if (top && top.indent === col) stack.pop();
          stack.push({ kind: 'seq', indent: col, path: valuePath(), key: '', index: 0 });
        }
        path = valuePath();
        if (rest === '-') break;
        col += 2;
        rest = rest.slice(2);
        if (BLOCK_SCALAR.test(rest.trim())) {
          block = { indent: col - 2, path };
          break;
        }
        continue;
      }
      const m = YAML_KEY.exec(rest);
      if (m) {
        const key = yamlKey(m[1]!);
        if (top && top.indent === col && top.kind === 'map') top.key = key;
        else {
          if (top && top.indent === col) stack.pop();
          stack.push({ kind: 'map', indent: col, path: valuePath(), key, index: 0 });
        }
        path = valuePath();
        if (BLOCK_SCALAR.test(rest.slice(m[0].length).trim())) block = { indent: col, path };
      }
      break;
    }
    if (i === lineIndex) return path;
  }
  return undefined;
}
