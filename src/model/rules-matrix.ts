// "What may I do here": a SelfSubjectRulesReview's rules as a resource × verb matrix, the way
// `kubectl auth can-i --list -n NS` lists them. Like kubectl, wildcards are shown as such, not
// expanded: a `*` resource is a row of its own, a `*` verb marks every column with `*` (and names
// verbs beyond the eight, such as `impersonate`, in the last column). Unlike kubectl, which prints
// each rule as it came, rules naming the same resource are merged into one row (their verbs
// united) and rows are grouped by API group under a heading line.

/** The rules as the review returns them (structurally the client's SubjectRules). */
export interface RulesInput {
  resourceRules: { verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[] }[];
  nonResourceRules: { verbs: string[]; nonResourceURLs?: string[] }[];
  incomplete: boolean;
  evaluationError?: string;
}

export const MATRIX_VERBS = [
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
] as const;
export type MatrixVerb = (typeof MATRIX_VERBS)[number];

/** '✓': the verb is named; '*': allowed by a `*` verb; '': not allowed by these rules. */
export type Cell = '✓' | '*' | '';

export type MatrixRow =
  | { kind: 'group'; group: string }
  | {
      kind: 'resource';
      group: string;
      resource: string;
      resourceNames: string[];
      cells: Record<MatrixVerb, Cell>;
      /** Verbs beyond the eight (`*` when every verb is allowed). */
      other: string[];
    }
  | { kind: 'urls' }
  | { kind: 'url'; url: string; verbs: string[] };

export interface RulesMatrix {
  rows: MatrixRow[];
  resources: number;
  urls: number;
  incomplete: boolean;
  evaluationError?: string;
}

/** 'core' for the legacy group, '*' for every group. */
export function groupLabel(group: string): string {
  return group === '' ? 'core' : group === '*' ? '* (every group)' : group;
}

/** Wildcards first, then the core group, then by name. */
function compareGroups(a: string, b: string): number {
  const rank = (g: string) => (g === '*' ? 0 : g === '' ? 1 : 2);
  return rank(a) - rank(b) || a.localeCompare(b);
}

const compareNames = (a: string, b: string) => (a === '*' ? -1 : b === '*' ? 1 : a.localeCompare(b));

export function buildRulesMatrix(rules: RulesInput): RulesMatrix {
  // One entry per (group, resource, resourceNames), verbs united.
  const merged = new Map<string, { group: string; resource: string; resourceNames: string[]; verbs: Set<string> }>();
  for (const rule of rules.resourceRules) {
    const names = [...(rule.resourceNames ?? [])].sort();
    for (const group of rule.apiGroups ?? [])
      for (const resource of rule.resources ?? []) {
        const key = JSON.stringify([group, resource, names]);
        let entry = merged.get(key);
        if (!entry) merged.set(key, (entry = { group, resource, resourceNames: names, verbs: new Set() }));
        for (const v of rule.verbs) entry.verbs.add(v);
      }
  }
  const entries = [...merged.values()].sort(
    (a, b) =>
      compareGroups(a.group, b.group) ||
      compareNames(a.resource, b.resource) ||
      a.resourceNames.join(',').localeCompare(b.resourceNames.join(',')),
  );
  const rows: MatrixRow[] = [];
  let group: string | undefined;
  for (const e of entries) {
    if (e.group !== group) rows.push({ kind: 'group', group: (group = e.group) });
    const any = e.verbs.has('*');
    const cells = Object.fromEntries(MATRIX_VERBS.map((v) => [v, e.verbs.has(v) ? '✓' : any ? '*' : ''])) as Record<
      MatrixVerb,
      Cell
    >;
    const other = any
      ? ['*']
      : [...e.verbs].filter((v) => !(MATRIX_VERBS as readonly string[]).includes(v)).sort(compareNames);
    rows.push({ kind: 'resource', group: e.group, resource: e.resource, resourceNames: e.resourceNames, cells, other });
  }
  // Non-resource URLs, each once (kube-apiserver repeats /healthz for two roles), verbs united.
  const urls = new Map<string, Set<string>>();
  for (const rule of rules.nonResourceRules)
    for (const url of rule.nonResourceURLs ?? []) {
      const verbs = urls.get(url) ?? new Set<string>();
      for (const v of rule.verbs) verbs.add(v);
      urls.set(url, verbs);
    }
  if (urls.size) rows.push({ kind: 'urls' });
  for (const url of [...urls.keys()].sort(compareNames))
    rows.push({ kind: 'url', url, verbs: [...urls.get(url)!].sort(compareNames) });
  return {
    rows,
    resources: entries.length,
    urls: urls.size,
    incomplete: rules.incomplete,
    ...(rules.evaluationError ? { evaluationError: rules.evaluationError } : {}),
  };
}

/** A row's name as typed in kubectl (`pods`, `deployments.apps`, `*.*`), with its resourceNames. */
export function rowName(row: MatrixRow): string {
  if (row.kind === 'group') return groupLabel(row.group);
  if (row.kind === 'urls') return 'Non-resource URLs';
  if (row.kind === 'url') return row.url;
  const qualified = row.group ? `${row.resource}.${row.group}` : row.resource;
  return row.resourceNames.length ? `${qualified} [${row.resourceNames.join(' ')}]` : qualified;
}

/** The filter key of each row: a heading has its rows' names, so filtering keeps it with them. */
export function matrixKeys(m: RulesMatrix): string[] {
  return m.rows.map((row, i) => {
    if (row.kind === 'resource' || row.kind === 'url') return `${i} ${rowName(row)}`;
    const names: string[] = [];
    for (let j = i + 1; j < m.rows.length; j++) {
      const next = m.rows[j];
      if (next.kind !== 'resource' && next.kind !== 'url') break;
      names.push(rowName(next));
    }
    return `${i} ${rowName(row)}: ${names.join(' ')}`;
  });
}

/** Column layout for `width` characters: the name column gets what the eight verb columns leave,
 *  `deletecollection` is headed `delcol` when the full word does not fit. */
export interface MatrixColumns {
  name: number;
  verbs: { verb: MatrixVerb; label: string; width: number }[];
}

const NAME_MIN = 24;
const OTHER = 'OTHER';

export function matrixColumns(width: number): MatrixColumns {
  const full: MatrixColumns['verbs'] = MATRIX_VERBS.map((verb) => ({ verb, label: verb, width: verb.length }));
  const verbsWidth = (cols: MatrixColumns['verbs']) => cols.reduce((a, c) => a + c.width + 1, 0);
  const short = full.map((c) => (c.verb === 'deletecollection' ? { ...c, label: 'delcol', width: 6 } : c));
  const verbs = width - verbsWidth(full) >= NAME_MIN + 8 ? full : short;
  return { name: Math.max(8, width - verbsWidth(verbs) - OTHER.length - 1), verbs };
}

const pad = (s: string, n: number) => (s.length > n ? s.slice(0, Math.max(0, n - 1)) + '…' : s.padEnd(n));
const center = (s: string, n: number) => {
  const left = Math.floor((n - s.length) / 2);
  return ' '.repeat(Math.max(0, left)) + s + ' '.repeat(Math.max(0, n - s.length - left));
};

/** The heading line of the matrix. */
export function matrixHeader(cols: MatrixColumns): string {
  return `${pad('RESOURCE', cols.name)} ${cols.verbs.map((c) => c.label.padEnd(c.width)).join(' ')} ${OTHER}`;
}

/** One row as text, aligned under matrixHeader. */
export function matrixLine(row: MatrixRow, cols: MatrixColumns): string {
  if (row.kind === 'group') return `── ${groupLabel(row.group)}`;
  if (row.kind === 'urls') return '── Non-resource URLs (verbs)';
  if (row.kind === 'url') return `${pad(row.url, cols.name)} ${row.verbs.join(' ')}`;
  const name = row.resourceNames.length ? `${row.resource} [${row.resourceNames.join(' ')}]` : row.resource;
  const cells = cols.verbs.map((c) => center(row.cells[c.verb], c.width)).join(' ');
  return `${pad(name, cols.name)} ${cells} ${row.other.join(' ')}`.trimEnd();
}
