// Live pod tables for session tests: opened on a KubeApi (the fake or the real client), every update
// kept, and stopped after each test with real timers back.
import { afterEach, vi } from 'vitest';
import type { KubeApi } from '../../src/client/types.js';
import type { TableData } from '../../src/model/loadable.js';
import type { ResourceRef } from '../../src/model/types.js';
import { LiveTable } from '../../src/session/live-table.js';

export const PODS: ResourceRef = { group: '', version: 'v1', resource: 'pods', namespaced: true };

export interface OpenedTable {
  live: LiveTable;
  /** Every table the live table handed over, oldest first. */
  updates: TableData[];
  latest: () => TableData | undefined;
}

/** Registers the clean-up; returns how to open a live table of pods in a namespace (undefined: all
 *  namespaces), started, a first-page failure thrown. */
export function useLiveTables(): (api: KubeApi, namespace: string | undefined) => OpenedTable {
  const opened: LiveTable[] = [];
  afterEach(() => {
    for (const live of opened.splice(0)) live.stop();
    vi.useRealTimers();
  });
  return (api, namespace) => {
    const updates: TableData[] = [];
    const live = new LiveTable(
      api,
      PODS,
      namespace,
      (t) => updates.push(t),
      (e) => {
        throw e;
      },
    );
    opened.push(live);
    live.start();
    return { live, updates, latest: () => updates.at(-1) };
  };
}
