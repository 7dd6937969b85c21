// Small pure formatters: ages, sizes, request lines, table column layout (by display width: a CJK
// character or an emoji takes two terminal columns, as Ink draws it).
import stringWidth from 'string-width';
import type { RequestEvent, TableColumn, TableRow } from './types.js';

/** kubectl's HumanDuration (k8s.io/apimachinery/pkg/util/duration) for a past timestamp. */
export function formatAge(timestamp: string | number | Date | undefined, now: number = Date.now()): string {
  if (timestamp === undefined || timestamp === '') return '<unknown>';
  const t = typeof timestamp === 'string' ? timestampMs(timestamp) : new Date(timestamp).getTime();
  if (Number.isNaN(t)) return '<invalid>';
  return humanDuration(now - t);
}

/** `new Date(s).getTime()`, with the form every Kubernetes timestamp has (metav1.Time:
 *  `2024-05-01T12:00:00Z`) read field by field: a 50k-row table parses one per row, and Date's
 *  general parser was 2% of the listing's CPU. Anything else (and days past the 28th, which only
 *  Date knows to check against the month) goes to Date. */
export function timestampMs(s: string): number {
  if (
    s.length === 20 &&
    s.charCodeAt(19) === 90 && // Z
    s.charCodeAt(4) === 45 && // -
    s.charCodeAt(7) === 45 &&
    s.charCodeAt(10) === 84 && // T
    s.charCodeAt(13) === 58 && // :
    s.charCodeAt(16) === 58
  ) {
    const year = digits(s, 0, 4);
    const month = digits(s, 5, 2);
    const day = digits(s, 8, 2);
    const hour = digits(s, 11, 2);
    const minute = digits(s, 14, 2);
    const second = digits(s, 17, 2);
    // (Date.UTC would read years below 100 as 19xx.)
    if (year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour < 24 && minute < 60 && second < 60)
      return Date.UTC(year, month - 1, day, hour, minute, second);
  }
  return new Date(s).getTime();
}

/** The decimal number in s[from, from + count), or -1 when one of them is no digit. */
function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** k8s.io/apimachinery/pkg/util/duration.HumanDuration, rule for rule (Go's int() truncates toward
 *  zero; up to a second in the future is clock skew and reads "0s"). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) return hours % 24 === 0 ? `${days}d` : `${days}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

/** 3.8 kB style (decimal units, like curl/kubectl -v). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

/** `GET /apis/apps/v1 200 12 ms 3.8 kB` */
export function formatRequest(ev: RequestEvent): string {
  const status = ev.status ?? (ev.error ? 'ERR' : '…');
  const tail = ev.error && ev.status === undefined ? ` ${ev.error}` : '';
  return `${ev.method} ${ev.path} ${status} ${Math.round(ev.durationMs)} ms ${formatBytes(ev.bytes)}${tail}`;
}

/** Terminal columns `s` takes (string-width, as Ink measures it). */
export const displayWidth = (s: string): number => stringWidth(s);

/** `s` cut to `width` terminal columns, '…' marking the cut. */
export function truncate(s: string, width: number): string {
  if (width <= 0) return '';
  if (s.length <= width && displayWidth(s) <= width) return s;
  if (width === 1) return '…';
  // Printable ASCII is one column each: measured without string-width, which a per-character call
  // makes the slow part of a frame's long lines (the footer, the shown commands: ~7 ms of the first
  // frame's render went to this loop).
  const room = width - 1;
  let ascii = 0;
  while (ascii < room && ascii < s.length && isPrintableAscii(s.charCodeAt(ascii))) ascii++;
  // (Cut there unless what follows is a zero-width mark, which goes with the last character.)
  if (ascii === room && isPrintableAscii(s.charCodeAt(room))) return s.slice(0, room) + '…';
  let out = s.slice(0, ascii);
  let used = ascii;
  for (const ch of s.slice(ascii)) {
    const w = isPrintableAscii(ch.charCodeAt(0)) ? 1 : displayWidth(ch);
    if (used + w > room) break;
    out += ch;
    used += w;
  }
  return out + '…';
}

const isPrintableAscii = (code: number): boolean => code >= 0x20 && code < 0x7f;

/** Hard-wrap text to `width` columns (words kept together when they fit). */
export function wrapLines(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (next.length <= w) {
        line = next;
        continue;
      }
      if (line) out.push(line);
      let rest = word;
      while (rest.length > w) {
        out.push(rest.slice(0, w));
        rest = rest.slice(w);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '<none>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Columns kubectl shows without -o wide: priority 0. */
export function visibleColumns(columns: TableColumn[]): number[] {
  const idx = columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !c.priority)
    .map(({ i }) => i);
  return idx.length ? idx : columns.map((_, i) => i);
}

/** Each column's natural width: the widest of its header and cells, in terminal columns. */
export function naturalWidths(headers: string[], rows: string[][]): number[] {
  const widths = headers.map(displayWidth);
  for (const r of rows) {
    for (let i = 0; i < widths.length; i++) {
      const c = r[i] ?? '';
      // A cell takes at most two columns a code unit: most need no measuring.
      if (c.length * 2 <= widths[i]) continue;
      const w = displayWidth(c);
      if (w > widths[i]) widths[i] = w;
    }
  }
  return widths;
}

/** Column widths that fit `width`. Natural width = widest of header and cells. When too wide:
 *  1. the widest other column shrinks, down to `minWidth`; 2. the first column shrinks to half the
 *  width; 3. columns are dropped from the right (width 0); 4. the first column is truncated. */
export function layoutColumns(headers: string[], rows: string[][], width: number, gap = 2, minWidth = 8): number[] {
  return fitColumns(naturalWidths(headers, rows), width, gap, minWidth);
}

/** layoutColumns for natural widths already measured. */
export function fitColumns(natural: number[], width: number, gap = 2, minWidth = 8): number[] {
  const widths = natural.slice();
  const total = () => {
    const shown = widths.filter((w) => w > 0);
    return shown.reduce((a, b) => a + b, 0) + gap * Math.max(0, shown.length - 1);
  };
  const half = Math.max(minWidth, Math.floor(width / 2));
  const natural0 = widths[0] ?? 0;
  while (total() > width) {
    let max = -1;
    for (let i = 1; i < widths.length; i++) if (widths[i] > minWidth && (max < 0 || widths[i] > widths[max])) max = i;
    if (max >= 0) {
      widths[max] = Math.max(minWidth, widths[max] - (total() - width));
      continue;
    }
    const shownOthers = widths.slice(1).some((w) => w > 0);
    if (shownOthers && widths[0] > half) {
      widths[0] = Math.max(half, widths[0] - (total() - width));
      continue;
    }
    let last = widths.length - 1;
    while (last > 0 && widths[last] === 0) last--;
    if (last > 0) {
      widths[last] = 0;
      continue;
    }
    widths[0] = Math.max(1, width);
    break;
  }
  // Give room freed by dropped columns back to the first column.
  if (total() < width && widths[0] < natural0) widths[0] = Math.min(natural0, widths[0] + width - total());
  return widths;
}

export function formatRow(cells: string[], widths: number[], gap = 2): string {
  const shown = cells.map((c, i) => ({ c, w: widths[i] ?? 0 })).filter((x) => x.w > 0);
  return shown
    .map(({ c, w }, i) => {
      const t = truncate(c, w);
      return i === shown.length - 1 ? t : t + ' '.repeat(Math.max(0, w + gap - displayWidth(t)));
    })
    .join('');
}

/** Name and namespace of a Table row (from the partial object the server attached, else the cells). */
export function rowIdentity(row: TableRow, columns: TableColumn[]): { name: string; namespace?: string } {
  const meta = row.object?.metadata;
  const nameCol = columns.findIndex((c) => c.name.toLowerCase() === 'name');
  const name = meta?.name ?? cellText(row.cells[nameCol >= 0 ? nameCol : 0]);
  return { name, namespace: meta?.namespace };
}
