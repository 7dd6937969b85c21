// The Resources pane as a table: name, kind, scope, short names, verbs. Verbs are a fixed-position
// letter mask (like `ls -l` permissions) so columns line up and stay comparable between rows and
// groups; the help overlay explains it and the full list is always in the discovery JSON.
import type { ResourceRow } from './tree.js';
import { formatRow } from './format.js';

const VERB_LETTERS: readonly (readonly [string, string])[] = [
  ['get', 'g'],
  ['list', 'l'],
  ['watch', 'w'],
  ['create', 'c'],
  ['update', 'u'],
  ['patch', 'p'],
  ['delete', 'd'],
  ['deletecollection', 'D'],
];

export const VERB_LEGEND =
  'verbs: g get  l list  w watch  c create  u update  p patch  d delete  D deletecollection  + other';
/** The help overlay's line for the VERBS column. */
export const VERB_LEGEND_HELP =
  "the Resources pane's verb code glwcupdD: g get · l list · w watch · c create · u update · p patch · d delete · D deletecollection; - the resource lacks that verb, + it has others (the discovery JSON lists them)";
/** What the pane's title says about the code when it has the room. */
export const VERB_LEGEND_SHORT = 'verbs glwcupdD: ? explains';

/** The longest legend that fits in `room` characters ('' when none does). */
export function verbLegendFor(room: number): string {
  return room >= VERB_LEGEND.length ? VERB_LEGEND : room >= VERB_LEGEND_SHORT.length ? VERB_LEGEND_SHORT : '';
}

export const RESOURCE_HEADERS = ['NAME', 'KIND', 'SCOPE', 'SHORT', 'VERBS'];

/** 'glw-----' for get,list,watch; a trailing '+' when the resource has verbs outside the set. */
export function verbMask(verbs: string[]): string {
  const mask = VERB_LETTERS.map(([verb, letter]) => (verbs.includes(verb) ? letter : '-')).join('');
  return verbs.some((v) => !VERB_LETTERS.some(([verb]) => verb === v)) ? mask + '+' : mask;
}

export function resourceCells(row: ResourceRow, verbs: 'full' | 'mask'): string[] {
  const show = (v: string[]) => (verbs === 'full' ? v.join(',') : verbMask(v));
  if (row.kind === 'subresource') {
    const gv = [row.sub.group, row.sub.version].filter(Boolean).join('/');
    return [row.label, gv ? `${row.sub.kind} (${gv})` : row.sub.kind, '', '', show(row.sub.verbs)];
  }
  const r = row.resource;
  return [r.name, r.kind, r.namespaced ? 'Namespaced' : 'Cluster', r.shortNames.join(','), show(r.verbs)];
}

const GAP = 2;
const [NAME, KIND, SCOPE, SHORT, VERBS] = [0, 1, 2, 3, 4];

function total(widths: number[]): number {
  const shown = widths.filter((w) => w > 0);
  return shown.reduce((a, b) => a + b, 0) + GAP * Math.max(0, shown.length - 1);
}

function naturalWidths(cells: string[][]): number[] {
  return RESOURCE_HEADERS.map((h, i) => cells.reduce((w, r) => Math.max(w, (r[i] ?? '').length), h.length));
}

/** Column widths for `width`. Unlike object tables (which drop columns from the right), the verbs
 *  are what this pane is for: first kind and name shrink, then short names, kind and scope are
 *  dropped, verbs last; the name is truncated only when nothing else is left. */
export function resourceColumnWidths(cells: string[][], width: number): number[] {
  const w = naturalWidths(cells);
  const steps: (() => void)[] = [
    () => {
      w[KIND] = Math.min(w[KIND], 14);
    },
    () => {
      w[NAME] = Math.min(w[NAME], 22);
    },
    () => {
      w[KIND] = Math.min(w[KIND], 8);
    },
    () => {
      w[NAME] = Math.min(w[NAME], 16);
    },
    () => {
      w[SHORT] = 0;
    },
    () => {
      w[KIND] = 0;
    },
    () => {
      w[SCOPE] = 0;
    },
    () => {
      w[VERBS] = 0;
    },
  ];
  for (const step of steps) {
    if (total(w) <= width) break;
    step();
  }
  if (total(w) > width) w[NAME] = Math.max(1, width);
  // Room left over (a column was dropped) goes back to the name.
  const natural = naturalWidths(cells)[NAME];
  if (total(w) < width && w[NAME] < natural) w[NAME] = Math.min(natural, w[NAME] + width - total(w));
  return w;
}

export interface ResourceTable {
  header: string;
  rows: string[];
}

/** Rows laid out to `width`, verbs always as the mask: one notation in every group, whatever its
 *  width (spelled out in one group and coded in the next read as two different things). */
export function resourceTable(rows: ResourceRow[], width: number): ResourceTable {
  const cells = rows.map((r) => resourceCells(r, 'mask'));
  const widths = resourceColumnWidths(cells, width);
  return { header: formatRow(RESOURCE_HEADERS, widths, GAP), rows: cells.map((c) => formatRow(c, widths, GAP)) };
}

/** Width the pane needs to show every column with the verb mask (what the layout asks for). */
export function resourcesNaturalWidth(rows: ResourceRow[]): number {
  return total(naturalWidths(rows.map((r) => resourceCells(r, 'mask'))));
}
