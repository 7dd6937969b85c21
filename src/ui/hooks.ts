// Small hooks: terminal size, request log.
import { useEffect, useState } from 'react';
import { useStdout } from 'ink';
import type { KubeApi } from '../client/types.js';
import type { RequestEvent } from '../model/types.js';

export interface TerminalSize { columns: number; rows: number }

/** The one terminal-size source: stdout's columns/rows, updated on 'resize'. */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const read = (): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    onResize();
    stdout.on('resize', onResize);
    return () => { stdout.off('resize', onResize); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}

export interface RequestLog { last?: RequestEvent; count: number }

/** The most recent request the client made (for the footer). */
export function useRequestLog(api: KubeApi): RequestLog {
  const [log, setLog] = useState<RequestLog>({ count: 0 });
  useEffect(() => api.onRequest((ev) => setLog((l) => ({ last: ev, count: l.count + 1 }))), [api]);
  return log;
}
