// Turning any failure into {title, detail, hint} for display. The client throws KubeErrors (the
// client's explainError words them); anything else is a bug or a failure outside the client.
import { KubeError, explainError } from '../client/errors.js';
import type { ExplainedError } from '../model/loadable.js';

export function describeError(err: unknown): ExplainedError {
  if (err instanceof KubeError) {
    const e = explainError(err);
    return { ...e, title: err.kind === 'http' && err.status ? `HTTP ${e.title}` : e.title };
  }
  if (err instanceof Error) return { title: err.name, detail: err.message };
  return { title: 'Error', detail: String(err) };
}
