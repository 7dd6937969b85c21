// A kubeconfig YAML syntax error said the way kubectl users expect: file:line:column, the parser's
// reason, and the offending line (its secret values masked), on one line.

/** What the yaml library's YAMLParseError carries (js-yaml's YAMLException has `mark` instead). */
interface ParseErrorShape {
  message?: string;
  linePos?: { line: number; col: number }[];
  mark?: { line?: number; column?: number };
}

/** A kubeconfig that is not valid YAML, with where and why. */
export class KubeconfigSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly reason: string,
    /** The offending line as it may be shown (values of secret fields masked), with its number. */
    readonly shownLine?: { number: number; text: string },
  ) {
    super(
      `${file}${line !== undefined ? `:${line}:${column ?? 1}` : ''}: ${reason}` +
        (shownLine ? `; line ${shownLine.number} reads ${JSON.stringify(shownLine.text)}` : ''),
    );
    this.name = 'KubeconfigSyntaxError';
  }
}

/** Fields whose values are credentials: never echoed, even from a broken file. */
const SECRET_FIELD = /^(\s*-?\s*["']?)([\w.-]*(?:token|password|secret|key-data|client-key)[\w.-]*)(["']?\s*:).*$/i;
const SHOWN_LINE_MAX = 100;

function shownText(raw: string): string {
  const masked = raw.replace(SECRET_FIELD, '$1$2$3 ***');
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  const clean = masked.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?');
  return clean.length > SHOWN_LINE_MAX ? `${clean.slice(0, SHOWN_LINE_MAX)}…` : clean;
}

/** The line the parser points at; when that is blank (an unclosed quote reported at the end of the
 *  file), the nearest non-blank line above it, which is where the mistake is. */
function offendingLine(text: string, line: number): { number: number; text: string } | undefined {
  const lines = text.split(/\r?\n/);
  for (let n = Math.min(line, lines.length); n >= 1; n--) {
    if (lines[n - 1]!.trim() !== '') return { number: n, text: shownText(lines[n - 1]!) };
  }
  return undefined;
}

/** Wraps a parse error of `file` (whose contents are `text`). */
export function kubeconfigSyntaxError(file: string, text: string, e: unknown): KubeconfigSyntaxError {
  const err = (e ?? {}) as ParseErrorShape;
  const first = String(err.message ?? e)
    .split('\n')[0]!
    .trim();
  let line: number | undefined;
  let column: number | undefined;
  if (err.linePos?.[0]) {
    line = err.linePos[0].line;
    column = err.linePos[0].col;
  } else if (typeof err.mark?.line === 'number') {
    line = err.mark.line + 1;
    column = (err.mark.column ?? 0) + 1;
  }
  // The yaml library ends its first line with " at line L, column C:"; the position is said once, up front.
  const reason = first.replace(/\s*at line \d+, column \d+:?\s*$/, '').replace(/\s*\(\d+:\d+\)\s*$/, '');
  return new KubeconfigSyntaxError(
    file,
    line,
    column,
    reason,
    line !== undefined ? offendingLine(text, line) : undefined,
  );
}
