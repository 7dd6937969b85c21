// The schema explorer's rows: a field tree (src/model/explain.ts) flattened with the expanded
// fields opened, like `kubectl explain --recursive` but one level at a time.
import { type FieldNode, expandField, wrapText } from './explain.js';

export interface ExplainRow {
  /** 'spec.containers' — the row's key. */
  path: string;
  depth: number;
  node: FieldNode;
  expandable: boolean;
  expanded: boolean;
}

export function explainRows(root: FieldNode, expanded: readonly string[], document: unknown): ExplainRow[] {
  const open = new Set(expanded);
  const rows: ExplainRow[] = [];
  const walk = (nodes: FieldNode[] | undefined, depth: number) => {
    for (const n of nodes ?? []) {
      const path = n.path.join('.');
      const expandable = !!n.children?.length || !!n.recursive;
      const isOpen = expandable && open.has(path);
      rows.push({ path, depth, node: n, expandable, expanded: isOpen });
      // A field whose type refers back up the tree (or hit the depth limit) is built on demand.
      if (isOpen) walk((n.recursive ? expandField(document, n) : n).children, depth + 1);
    }
  };
  walk(root.children, 0);
  return rows;
}

/** '  ▸ containers  <[]Container> -required-' */
export function explainRowText(row: ExplainRow): string {
  const marker = row.expandable ? (row.expanded ? '▾' : '▸') : ' ';
  return `${'  '.repeat(row.depth)}${marker} ${row.node.name}  <${row.node.type}>${row.node.required ? ' -required-' : ''}`;
}

/** The selected field as kubectl explain describes it: FIELD line, enum, wrapped description. */
export function fieldDescription(node: FieldNode, width: number): string[] {
  const head = `FIELD: ${node.path.join('.')} <${node.type}>${node.required ? ' -required-' : ''}`;
  const enums = node.enum?.length ? [`ENUM: ${node.enum.map((v) => (v === '' ? '""' : String(v))).join(', ')}`] : [];
  const desc = [node.description, node.typeDescription].filter(Boolean).join('\n') || '<no description>';
  return [head, ...enums, ...wrapText(desc, Math.max(10, width))];
}
