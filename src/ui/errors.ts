// Turning any failure into {title, detail, hint} for display.
// Uses the fields KubeError exposes (kind, status, reason, serverMessage, hint) by duck typing, so
// the UI works with any KubeApi implementation (the real client, the sandbox, a test fake).
export interface ExplainedError { title: string; detail: string; hint?: string }

export function describeError(err: unknown): ExplainedError {
  if (err && typeof err === 'object') {
    const e = err as { status?: number; reason?: string; serverMessage?: string; message?: string; hint?: string; kind?: string; name?: string };
    const parts = [e.status ? `HTTP ${e.status}` : undefined, e.reason].filter(Boolean);
    const title = parts.length ? parts.join(' ') : (e.kind ?? e.name ?? 'Error');
    const detail = e.serverMessage ?? e.message ?? String(err);
    return { title, detail, hint: e.hint };
  }
  return { title: 'Error', detail: String(err) };
}
