import React, { useMemo } from 'react';
import type { ListState } from '../model/list.js';
import type { ResourceRow } from '../model/tree.js';
import { formatRow, layoutColumns } from '../model/format.js';
import { Pane } from './Pane.js';
import { ListView, listInfo } from './ListView.js';

export interface ResourcesPaneProps {
  title: string;
  rows: ResourceRow[];
  list: ListState;
  focused: boolean;
  filtering: boolean;
  color: boolean;
  width: number;
  height: number;
}

/** name, kind, Namespaced/Cluster, short names, verbs (verbs last: first to shrink or drop when
 *  narrow); subresources indented under their parent. */
export function resourceCells(row: ResourceRow): string[] {
  if (row.kind === 'subresource') {
    const kind = row.sub.group || row.sub.version ? `${row.sub.kind} (${[row.sub.group, row.sub.version].filter(Boolean).join('/')})` : row.sub.kind;
    return [row.label, kind, '', '', row.sub.verbs.join(',')];
  }
  const r = row.resource;
  return [r.name, r.kind, r.namespaced ? 'Namespaced' : 'Cluster', r.shortNames.join(','), r.verbs.join(',')];
}

export function ResourcesPane({ title, rows, list, focused, filtering, color, width, height }: ResourcesPaneProps) {
  const inner = width - 6;
  const { cells, widths } = useMemo(() => {
    const cells = rows.map(resourceCells);
    return { cells, widths: layoutColumns(['', '', '', '', ''], cells, inner) };
  }, [rows, inner]);
  return (
    <Pane title={title} info={listInfo(list, filtering)} focused={focused} color={color} width={width} height={height}>
      <ListView
        list={list} focused={focused} color={color} width={width - 4}
        empty={rows.length ? undefined : '(select a group)'}
        render={(i) => formatRow(cells[i] ?? [], widths)}
      />
    </Pane>
  );
}
