// JSON / YAML → lines → coloured tokens. Documents are split into lines once; only the visible
// lines are tokenised (per render), so a multi-megabyte /openapi/v2 costs one split.
import { stringify as yamlStringify } from 'yaml';

export type TokenKind = 'key' | 'string' | 'number' | 'boolean' | 'null' | 'punct' | 'plain';
export interface Token { text: string; kind: TokenKind }

export function toJsonLines(value: unknown): string[] {
  const text = JSON.stringify(value, null, 2);
  return (text === undefined ? 'undefined' : text).split('\n');
}

export function toYamlLines(value: unknown): string[] {
  const text = yamlStringify(value, { lineWidth: 0 });
  return text.replace(/\n$/, '').split('\n');
}

export function textLines(text: string): string[] {
  return text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
}

const JSON_TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false)\b|\b(null)\b|([{}[\],:])|(\s+|[a-zA-Z_]+|.)/g;

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
