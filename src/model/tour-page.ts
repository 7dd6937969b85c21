// The tour's step page: what each step sends to show what it says (its probes), and the page's
// lines — the explanation, each request with its live status and the start of its body, the curl.
// Pure: the session sends the probes (src/session/tour-probes.ts), the UI draws the lines.
import type { TourStep } from './tour.js';
import { targetRequest } from './tour.js';
import { gvPath, parseGroupVersion } from './paths.js';
import { wrapLines } from './format.js';
import { toJsonLines } from './highlight.js';

/** Where the full command is shown (another view owns it); one place to change its key. */
export const FULL_COMMAND_HINT = 'see the full command: $';

/** One request a step sends. `discovery: 'aggregated'` asks for the APIGroupDiscoveryList. */
export interface TourProbe {
  label: string;
  method: 'GET' | 'POST';
  path: string;
  anonymous?: boolean;
  discovery?: 'aggregated';
  /** POST selfsubjectreviews (`kubectl auth whoami`). */
  whoami?: boolean;
}

export interface TourProbeResult {
  probe: TourProbe;
  /** HTTP status; undefined when the request did not get an answer. */
  status?: number;
  /** The answer's JSON (a Status for errors) or its text. */
  body?: unknown;
  /** The failure without an answer (network, TLS, timeout). */
  error?: string;
}

/** What the step sends. `mode`: the connection's (a kubectl proxy always adds its credentials). */
export function tourProbes(step: TourStep, mode: string): TourProbe[] {
  const t = step.target;
  if (step.via === 'anonymous') {
    const { path } = targetRequest(t);
    const withCredentials: TourProbe = { label: 'with your credentials', method: 'GET', path };
    if (mode === 'proxy') return [withCredentials];
    return [{ label: 'without credentials (system:anonymous)', method: 'GET', path, anonymous: true }, withCredentials];
  }
  if (step.via === 'proxy')
    return mode === 'proxy' ? [{ label: 'through the proxy', method: 'GET', path: '/api' }] : [];
  if (t.kind === 'whoami') {
    return [
      { label: 'the request that was forbidden without credentials', method: 'GET', path: '/api' },
      { label: 'who the server says you are', method: 'POST', path: targetRequest(t).path, whoami: true },
    ];
  }
  if (t.kind === 'path' && t.path === '/api') {
    return [
      { label: 'aggregated discovery (APIGroupDiscoveryList)', method: 'GET', path: '/api', discovery: 'aggregated' },
      { label: 'legacy discovery of the core group (APIResourceList)', method: 'GET', path: '/api/v1' },
    ];
  }
  if (t.kind === 'path') return [{ label: '', method: 'GET', path: t.path }];
  if (t.kind === 'groupVersion') {
    return [
      {
        label: 'legacy discovery (APIResourceList)',
        method: 'GET',
        path: gvPath(parseGroupVersion(t.groupVersion)),
      },
    ];
  }
  // Objects: the view's own request is shown (the pane has the answer).
  return [];
}

/** Why a step sends nothing itself (the connection cannot do what it shows). */
export function tourProbeNote(step: TourStep, mode: string): string | undefined {
  if (step.via === 'anonymous' && mode === 'proxy')
    return 'kapi-tui is connected through a kubectl proxy, which adds its own credentials to every request, so it cannot send an anonymous one, and it knows neither the API server address nor its CA: run `curl --cacert CA-FILE https://API-SERVER/api` yourself (your kubeconfig names both) to see the 403.';
  if (step.via === 'proxy' && mode !== 'proxy')
    return 'kapi-tui is not connected through a proxy now: start `kubectl proxy` in another terminal and run the curl below (or start kapi-tui with --proxy).';
  return undefined;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export type TourLineStyle = 'text' | 'heading' | 'ok' | 'error' | 'body' | 'curl' | 'note';

export interface TourLine {
  text: string;
  style: TourLineStyle;
}

/** Lines of a body shown in the page (the whole body is in the panes and the request log); fewer
 *  when a step shows two answers, so that at 120x40 the page fits whole under the panes. */
export const TOUR_BODY_LINES = 6;
const TOUR_BODY_LINES_TWO = 4;

function cut(line: string, width: number): string {
  return line.length <= width ? line : line.slice(0, Math.max(0, width - 1)) + '…';
}

/** A short body on one or two wrapped lines, else the start of it pretty-printed. */
function bodyLines(body: unknown, width: number, most: number): string[] {
  if (body === undefined) return [];
  const status = statusOf(body);
  if (status) return wrapLines(status, width - 2).map((l) => '  ' + l);
  const compact = typeof body === 'string' ? body.trim() : JSON.stringify(body);
  const wrapped = wrapLines(compact, width - 2);
  if (wrapped.length <= 2) return wrapped.map((l) => '  ' + l);
  const pretty = typeof body === 'string' ? body.trimEnd().split('\n') : toJsonLines(body);
  const shown = pretty.slice(0, most).map((l) => cut('  ' + l, width));
  if (pretty.length > most) shown.push(`  … ${pretty.length - most} more lines`);
  return shown;
}

/** A logged body as JSON when it is (a list page is kept compact), so it is shown pretty-printed. */
function parsedOrText(body: string): unknown {
  if (!body.startsWith('{')) return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** A Status (the body of a refusal) in a sentence: its fields are what the learner reads. */
function statusOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { kind?: unknown; status?: unknown; reason?: unknown; code?: unknown; message?: unknown };
  if (b.kind !== 'Status') return undefined;
  return `Status ${String(b.status)}, reason ${String(b.reason)}, code ${String(b.code)}: "${String(b.message)}"`;
}

export interface TourPageInput {
  step: TourStep;
  width: number;
  results: TourProbeResult[] | 'loading';
  probes: TourProbe[];
  note?: string;
  /** The view's own request (object steps): "GET /api/v1/… → 200". */
  viewRequest?: { method: string; path: string; status?: number };
  /** The page hides the panes (a small terminal): the start of the view's answer is shown on it
   *  (null: not there yet). */
  viewBody?: string | null;
  curl?: string;
}

/** The page's lines at `width` (the title and the key line are drawn around them). */
export function tourPageLines(i: TourPageInput): TourLine[] {
  const w = Math.max(10, i.width);
  const out: TourLine[] = wrapLines(i.step.explanation, w).map((text) => ({ text, style: 'text' }));
  const request = (method: string, path: string, status: number | undefined, label: string, error?: string) => {
    const outcome =
      status !== undefined ? `${status} ${STATUS_TEXT[status] ?? ''}`.trimEnd() : (error ?? 'waiting for the answer');
    const who = label ? ` — ${label}` : '';
    const style = status === undefined ? 'note' : status < 400 ? 'ok' : 'error';
    for (const text of wrapLines(`${method} ${path} → ${outcome}${who}`, w)) out.push({ text, style });
  };
  if (i.note) {
    out.push({ text: '', style: 'text' });
    for (const text of wrapLines(i.note, w)) out.push({ text, style: 'note' });
  }
  if (i.probes.length) {
    out.push({ text: '', style: 'text' });
    if (i.results === 'loading') {
      for (const p of i.probes) request(p.method, p.path, undefined, p.label);
    } else {
      const most = i.results.length > 1 ? TOUR_BODY_LINES_TWO : TOUR_BODY_LINES;
      for (const r of i.results) {
        request(r.probe.method, r.probe.path, r.status, r.probe.label, r.error);
        for (const text of bodyLines(r.body, w, most)) out.push({ text, style: 'body' });
      }
    }
  } else if (i.viewRequest) {
    out.push({ text: '', style: 'text' });
    if (i.viewBody === undefined)
      request(i.viewRequest.method, i.viewRequest.path, i.viewRequest.status, 'the answer is in the Detail pane');
    else if (i.viewBody === null) out.push({ text: 'waiting for the answer', style: 'note' });
    else {
      request(i.viewRequest.method, i.viewRequest.path, i.viewRequest.status, 'its answer:');
      for (const text of bodyLines(parsedOrText(i.viewBody), w, TOUR_BODY_LINES)) out.push({ text, style: 'body' });
    }
  }
  out.push({ text: '', style: 'text' });
  if (i.curl) out.push({ text: curlLine(i.curl, w), style: 'curl' });
  const more = `Read more: ${i.step.docs}`;
  // A web address has no word breaks: on its own line, cut into pieces of the width (never lost).
  const docs = more.length <= w ? [more] : ['Read more:', ...hardWrap(i.step.docs, w)];
  for (const text of docs) out.push({ text, style: 'text' });
  return out;
}

/** The curl on one line: cut where it does not fit, with where to read it whole. */
export function curlLine(curl: string, width: number): string {
  const whole = `$ ${curl}`;
  if (whole.length <= width) return whole;
  const hint = ` … (${FULL_COMMAND_HINT})`;
  return whole.slice(0, Math.max(0, width - hint.length)) + hint;
}

function hardWrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at += width) out.push(text.slice(at, at + width));
  return out;
}
