// The view's answer as the tour's step page shows it when the page covers the panes (a small
// terminal): the object as the Detail pane would show it (Secret values masked), or the table's
// first rows as kubectl prints them.
import type { DetailData } from '../model/loadable.js';
import { displayBody } from '../session/request-log.js';

const TABLE_ROWS = 8;

export function tourAnswer(data: DetailData): string | undefined {
  if (data.state === 'response') return displayBody(data.response);
  if (data.state !== 'table') return undefined;
  const { columns, rows } = data.table;
  const cells = [
    columns.map((c) => c.name.toUpperCase()),
    ...rows.slice(0, TABLE_ROWS).map((r) => r.cells.map(String)),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const lines = cells.map((row) =>
    row
      .map((c, i) => c.padEnd(widths[i]!))
      .join('   ')
      .trimEnd(),
  );
  if (rows.length > TABLE_ROWS) lines.push(`(${rows.length - TABLE_ROWS} more rows)`);
  return lines.join('\n');
}
