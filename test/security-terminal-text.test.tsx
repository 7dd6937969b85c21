// Text from a cluster never reaches the terminal as control sequences (a pod log, a text body, a
// Table cell, an error message): colour codes are dropped, the rest is shown in caret notation.
// Checked on the pure function, on the real App against the sandbox with hostile bodies injected,
// and on the source: every Ink Text in src/ui is the printable one.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codePointSlice, printable } from '../src/model/terminal-text.js';
import { ApiClient } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import type { Sandbox } from '../src/sandbox/server.js';
import { App } from '../src/ui/App.js';
import { ENTER, UP, stripAnsi, useTui } from './helpers/ui.js';
import { useSandbox } from './helpers/sandbox.js';

// A window title, a clipboard write (OSC 52), screen clear, carriage return, backspace, bell, a C1
// CSI, a right-to-left override, and a colour code.
const HOSTILE =
  'A\u001b]0;pwned\u0007B\u001b[2JC\rD\bE\u001b]52;c;cHduZWQ=\u0007F\u001b[31mRED\u001b[0mG\u009b31mH\u202eI';
const SHOWN = 'A^[]0;pwned^GB^[[2JC^MD^HE^[]52;c;cHduZWQ=^GFREDG<U+009B>31mH<U+202E>I';
/** What must never be in a frame: every C0 control but newline, DEL, C1, bidi overrides. */

const RAW_CONTROL =
  /[\u0000-\u0009\u000B-\u001A\u001C-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\u001B\]|\u001B\[2J/;

describe('printable', () => {
  it('shows control sequences as text and drops colour codes', () => {
    expect(printable(HOSTILE)).toBe(SHOWN);
  });

  it('keeps newlines, expands tabs to the next 8-column stop, returns clean text as it is', () => {
    expect(printable('a\tb\n12345678\tc')).toBe('a       b\n12345678        c');
    const clean = '╭─ pods › web-1 ✓ 日本語 ─╮';
    expect(printable(clean)).toBe(clean);
  });

  it('line and paragraph separators and bidi marks are shown; on one row a newline is ^J', () => {
    expect(printable('a\u2028b\u2029c\u200Ed\u200Fe\u061Cf\ng')).toBe(
      'a<U+2028>b<U+2029>c<U+200E>d<U+200F>e<U+061C>f\ng',
    );
    expect(printable('two\nlines\r\n', { oneLine: true })).toBe('two^Jlines^M^J');
    expect(printable('clean', { oneLine: true })).toBe('clean');
  });

  it('codePointSlice: a window of a line by code point, never splitting a character', () => {
    expect(codePointSlice('a😀bcdef', 1, 3)).toBe('😀bc');
    expect(codePointSlice('short', 0, 10)).toBe('short');
    expect(codePointSlice('x'.repeat(30_000_000), 5, 4)).toBe('xxxx');
  });
});

describe('the explorer with hostile text from the server', () => {
  let sb: Sandbox;
  let api: ApiClient | undefined;
  useSandbox('kapi-term-text-', { watchIntervalMs: 0 }, (s) => ({ sb } = s));
  const { render, keys, wait } = useTui({ timeoutMs: 10_000 });
  afterEach(() => {
    sb.setFaults([]);
    api?.close();
  });

  async function start(): Promise<void> {
    api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }), { retry: { baseDelayMs: 10 } });
    render(<App api={api} color={false} version="test" />, { columns: 160, rows: 40 });
    await wait((f) => f.includes('apps/v1') && /server v\d/.test(f));
  }

  /** Selects /metrics at the end of the Groups pane, with `body` served there, and opens it. */
  async function openMetrics(status: number, body: string) {
    keys('G');
    await wait((f) => f.includes('› /openapi/v3'));
    keys(UP, UP, UP);
    await wait((f) => f.includes('› /metrics'));
    sb.setFaults([
      { match: '/metrics', status, contentType: status === 200 ? 'text/plain' : 'application/json', body },
    ]);
    keys(ENTER);
  }

  it('a text body (/metrics, like a pod log) with escape sequences', async () => {
    await start();
    await openMetrics(200, `# HELP ok\n${HOSTILE}\nnext_line 1\n`);
    const f = await wait((x) => x.includes('next_line 1') && x.includes('GET /metrics 200'));
    expect(stripAnsi(f)).toContain(SHOWN);
    expect(f).not.toMatch(RAW_CONTROL);
  });

  it('an error Status whose message carries escape sequences', async () => {
    await start();
    const status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `boom ${HOSTILE}`,
      reason: 'InternalError',
      code: 500,
    };
    await openMetrics(500, JSON.stringify(status));
    const f = await wait((x) => x.includes('pwned') && x.includes('500'));
    expect(stripAnsi(f)).toContain('^[]0;pwned^G');
    expect(f).not.toMatch(RAW_CONTROL);
  });

  it('a Table cell with escape sequences (an object name from an aggregated API, say)', async () => {
    await start();
    keys(ENTER);
    await wait((f) => f.includes('▶ Resources v1'));
    keys('/', 'p', 'o', 'd', 's', ENTER);
    await wait((f) => f.includes('› pods'));
    const table = {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '1' },
      columnDefinitions: [
        { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
        { name: 'Status', type: 'string', format: '', description: '', priority: 0 },
      ],
      rows: [
        {
          cells: ['evil-pod', HOSTILE],
          object: {
            kind: 'PartialObjectMetadata',
            apiVersion: 'meta.k8s.io/v1',
            metadata: { name: 'evil-pod', namespace: 'default' },
          },
        },
      ],
    };
    sb.setFaults([
      {
        match: /\/api\/v1\/namespaces\/default\/pods\?(?!.*watch)/,
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify(table),
      },
    ]);
    keys(ENTER);
    const f = await wait((x) => x.includes('evil-pod') && x.includes('pwned'));
    expect(stripAnsi(f)).toContain('A^[]0;pwned^GB');
    expect(f).not.toMatch(RAW_CONTROL);
  });

  it('a Table cell with a newline, U+2028 and a bidi mark stays on its row', async () => {
    await start();
    keys(ENTER);
    await wait((f) => f.includes('▶ Resources v1'));
    keys('/', 'p', 'o', 'd', 's', ENTER);
    await wait((f) => f.includes('› pods'));
    const table = {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: '1' },
      columnDefinitions: [{ name: 'Name', type: 'string', format: 'name', description: '', priority: 0 }],
      rows: [
        {
          cells: ['two\nlines\u2028sep\u200Fmark'],
          object: {
            kind: 'PartialObjectMetadata',
            apiVersion: 'meta.k8s.io/v1',
            metadata: { name: 'x', namespace: 'default' },
          },
        },
      ],
    };
    sb.setFaults([
      {
        match: /\/api\/v1\/namespaces\/default\/pods\?(?!.*watch)/,
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify(table),
      },
    ]);
    keys(ENTER);
    const f = stripAnsi(await wait((x) => x.includes('lines')));
    expect(f.split('\n').filter((l) => l.includes('two^Jlines<U+2028>sep<U+200F>mark')).length).toBe(1);
  });
});

describe('the source', () => {
  it("no component in src/ui draws with Ink's own Text (only src/ui/Text.tsx wraps it)", () => {
    const dir = join(import.meta.dirname, '..', 'src', 'ui');
    const offenders = readdirSync(dir)
      .filter((f) => /\.tsx?$/.test(f) && f !== 'Text.tsx')
      .filter((f) => /import\s*\{[^}]*\bText\b[^}]*\}\s*from\s*'ink'/.test(readFileSync(join(dir, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
