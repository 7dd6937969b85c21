// Turning any failure into {title, detail, hint} for display (ExplainedError, src/model/loadable.ts).
// A KubeError goes through the client's explainError; anything else shaped like one (status,
// reason, serverMessage, hint: e.g. a test double) is read by duck typing.
import { KubeError, explainError } from '../client/errors.js';
import type { ExplainedError } from '../model/loadable.js';

export function describeError(err: unknown): ExplainedError {
  if (err instanceof KubeError) {
    const e = explainError(err);
    return { ...e, title: err.kind === 'http' && err.status ? `HTTP ${e.title}` : e.title };
  }
  if (err && typeof err === 'object') {
    const e = err as { status?: number; reason?: string; serverMessage?: string; message?: string; hint?: string; kind?: string; name?: string };
    const parts = [e.status ? `HTTP ${e.status}` : undefined, e.reason].filter(Boolean);
    const title = parts.length ? parts.join(' ') : (e.kind ?? e.name ?? 'Error');
    const detail = e.serverMessage ?? e.message ?? String(err);
    return { title, detail, hint: e.hint };
  }
  return { title: 'Error', detail: String(err) };
}
