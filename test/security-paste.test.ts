// Paste injection through `c`: names from a hostile discovery document or list go into every
// command the UI shows or copies (curl and kubectl equivalents, the tour's examples). None may carry
// a control character, not even quoted, and the copied URL is the one sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import { curlCommand, joinUrl, kubectlCommand } from '../src/client/equivalents.js';
import type { Connection } from '../src/client/types.js';
import { gvPath, resourcePath, withQuery } from '../src/model/paths.js';
import { podLogFollowPath } from '../src/model/pod-logs.js';
import { shellQuote } from '../src/model/shell.js';
import { TOUR, targetRequest, tourCurl } from '../src/model/tour.js';
import type { RequestEvent } from '../src/model/types.js';
import { startHostileServer, type HostileServer } from './helpers/hostile-server.js';

const HOSTILE = [
  'items\u0015touch PWNED\n',
  '\u001B[201~echo PWNED\n',
  'a\tb',
  'line\u2028sep',
  'bidi\u202Eevil',
  "it's $(id) `id`",
  '..',
  '.',
  'ok\u0085c1',
];
// What must never be in a command, written out rather than imported from the code under test.

const CONTROL = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

const certs: Connection = {
  mode: 'certificates',
  server: 'https://127.0.0.1:6443',
  namespace: 'default',
  insecure: false,
  certFile: '/tmp/sb/admin.crt',
  keyFile: '/tmp/sb/admin.key',
  caFile: '/tmp/sb/ca.crt',
  kubectlArgs: [],
};
const token: Connection = {
  mode: 'kubeconfig',
  server: 'https://k8s.example:6443',
  namespace: 'default',
  insecure: true,
  bearerToken: true,
  kubectlArgs: ['--context', 'prod'],
};

/** The words a POSIX shell makes of `cmd` ('…', $'…' with \xHH, \\ and \', and bare words). */
function shellWords(cmd: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < cmd.length) {
    while (cmd[i] === ' ') i++;
    if (i >= cmd.length) break;
    const bytes: number[] = [];
    const text = (s: string) => bytes.push(...new TextEncoder().encode(s));
    while (i < cmd.length && cmd[i] !== ' ') {
      if (cmd.startsWith("$'", i)) {
        i += 2;
        while (cmd[i] !== "'") {
          if (cmd[i] === '\\' && cmd[i + 1] === 'x') {
            bytes.push(parseInt(cmd.slice(i + 2, i + 4), 16));
            i += 4;
          } else if (cmd[i] === '\\') {
            text(cmd[i + 1]!);
            i += 2;
          } else text(cmd[i++]!);
        }
        i++;
      } else if (cmd[i] === "'") {
        const end = cmd.indexOf("'", i + 1);
        text(cmd.slice(i + 1, end));
        i = end + 1;
      } else if (cmd[i] === '\\') {
        text(cmd[i + 1]!);
        i += 2;
      } else if (cmd[i] === '"') {
        const end = cmd.indexOf('"', i + 1);
        text(cmd.slice(i + 1, end));
        i = end + 1;
      } else text(cmd[i++]!);
    }
    words.push(new TextDecoder().decode(new Uint8Array(bytes)));
  }
  return words;
}

/** Every path the UI requests with a name in it. */
function hostilePaths(name: string): string[] {
  const core = { group: '', version: 'v1', resource: name, namespaced: true };
  const named = { group: name, version: name, resource: 'widgets', namespaced: false };
  return [
    gvPath({ group: name, version: 'v1' }),
    resourcePath(core, 'default'),
    withQuery(resourcePath(core, name), { watch: '1', resourceVersion: name }),
    resourcePath({ ...core, resource: 'pods' }, name, name),
    resourcePath(named, undefined, name),
    withQuery(resourcePath(named), { limit: '500', continue: name }),
    podLogFollowPath(name, name, name),
  ];
}

describe('no control character in any command, and the command means the name', () => {
  it("shellQuote writes control characters as $'\\xHH' escapes", () => {
    expect(shellQuote('items\u0015touch PWNED\n')).toBe("$'items\\x15touch PWNED\\x0A'");
    expect(shellQuote("it's\u2028")).toBe("$'it\\'s\\xE2\\x80\\xA8'");
    expect(shellWords(shellQuote("a\\b'\u001B[201~"))).toEqual(["a\\b'\u001B[201~"]);
  });

  for (const name of HOSTILE) {
    it(`curl and kubectl for ${JSON.stringify(name)}`, () => {
      for (const conn of [certs, token]) {
        for (const path of hostilePaths(name)) {
          const curl = curlCommand(conn, { method: 'GET', path, accept: 'application/json' });
          const kubectl = kubectlCommand(conn, { method: 'GET', path }, { namespaced: true });
          expect(curl).not.toMatch(CONTROL);
          expect(kubectl).not.toMatch(CONTROL);
          expect(shellWords(curl).at(-1)).toBe(joinUrl(conn.server, path));
        }
      }
      if (name === '.' || name === '..') return;
      const get = kubectlCommand(certs, {
        method: 'GET',
        path: resourcePath({ group: '', version: 'v1', resource: 'pods', namespaced: true }, name, name),
      });
      expect(shellWords(get)).toEqual(['kubectl', 'get', 'pods', name, '-n', name, '-o', 'json']);
    });
  }

  it("'.' and '..' (names the API server refuses) are sent as text, not resolved away by the URL parser", () => {
    const pods = { group: '', version: 'v1', resource: 'pods', namespaced: true };
    expect(resourcePath(pods, '..', '.')).toBe('/api/v1/namespaces/%252E%252E/pods/%252E');
  });

  it('the tour examples with a hostile server address and file names', () => {
    const ctx = {
      server: 'https://h\u0015ost\n:6443',
      caFile: '/tmp/\u001B[201~ca',
      certFile: 'c\nrt',
      keyFile: 'k\u2028ey',
    };
    const examples = TOUR.map((step) => tourCurl(step, ctx)).filter((c) => c !== undefined);
    expect(examples.length).toBe(3);
    for (const example of examples) expect(example).not.toMatch(CONTROL);
    for (const step of TOUR) expect(curlCommand(certs, { ...targetRequest(step.target) })).not.toMatch(CONTROL);
  });
});

describe('what `c` copies is the URL that was sent', () => {
  let server: HostileServer;
  let api: ApiClient;
  beforeAll(async () => {
    server = await startHostileServer();
    api = new ApiClient(await connect({ proxy: server.url }), { retry: { attempts: 1 } });
  });
  afterAll(async () => {
    api.close();
    await server.close();
  });

  for (const name of HOSTILE) {
    it(`a GET of ${JSON.stringify(name)}`, async () => {
      const events: RequestEvent[] = [];
      const off = api.onRequest((e) => events.push(e));
      const ref = { group: name, version: 'v1', resource: name, namespaced: true };
      await api.get(ref, name, name).catch(() => undefined);
      off();
      expect(events.length).toBe(1);
      expect(events[0]!.curl).not.toMatch(CONTROL);
      expect(shellWords(events[0]!.curl).at(-1)).toBe(server.url + server.lastUrl());
    });
  }
});
