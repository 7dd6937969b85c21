// wrapCommand: long commands as lines that fit a width, joined by line continuations, which bash
// reads as the same command (checked by running both forms in bash with printf standing in for the
// programs and comparing the argv each gets).
import { describe, expect, it } from 'vitest';
import { cutWord, shellWords, wrapCommand } from '../src/model/shell-wrap.js';
import { curlCommand, kubectlCommand } from '../src/client/equivalents.js';
import type { Connection } from '../src/client/types.js';
import { argvInBash } from './helpers/bash-argv.js';

const demoConn = {
  mode: 'certificate',
  server: 'https://127.0.0.1:45678',
  certFile: '/home/someone/.cache/kapi-tui/sandbox-4f3c2a/admin.crt',
  keyFile: '/home/someone/.cache/kapi-tui/sandbox-4f3c2a/admin.key',
  caFile: '/home/someone/.cache/kapi-tui/sandbox-4f3c2a/ca.crt',
  kubectlArgs: ['--kubeconfig', '/home/someone/.cache/kapi-tui/sandbox-4f3c2a/kubeconfig'],
  insecure: false,
} as unknown as Connection;

const CURL = curlCommand(demoConn, {
  method: 'GET',
  path: '/api/v1/namespaces/default/pods?limit=500&labelSelector=app%3Dweb',
  accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
});

const COMMANDS: [string, string][] = [
  ['demo curl', CURL],
  ['curl with a bearer token', curlCommand({ ...demoConn, bearerToken: true }, { method: 'GET', path: '/api' })],
  [
    'kubectl create --raw with a body piped in',
    kubectlCommand(demoConn, {
      method: 'POST',
      path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      body: '{"spec":{"resourceAttributes":{"verb":"list","resource":"pods","namespace":"it\'s"}}}',
    }),
  ],
  [
    'a quoted argument with a quote inside',
    `curl -H 'X-Note: it'\\''s a long header value, '\\''quoted'\\'' twice over and then some' 'https://h/x'`,
  ],
  ['an unquoted long path', `curl --cacert /very/long/${'directory/'.repeat(12)}ca.crt https://h/`],
  [
    'an ANSI-C quoted argument',
    `curl -H $'X-Odd: tab\\x09here and a long tail to make it wrap across the line' https://h/`,
  ],
];

describe('wrapCommand', () => {
  it('leaves a command that fits as it is', () => {
    expect(wrapCommand('kubectl get pods -A -o json', 80)).toEqual(['kubectl get pods -A -o json']);
  });

  it.each([80, 60, 40, 24])('splits the demo curl at argument boundaries within %i columns', (width) => {
    const lines = wrapCommand(CURL, width);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(width);
    for (const l of lines.slice(0, -1)) expect(l.endsWith('\\')).toBe(true);
    expect(lines[lines.length - 1].endsWith('\\')).toBe(false);
  });

  it('cuts no argument that fits on a line: each line is whole words', () => {
    const curl = curlCommand(demoConn, { method: 'GET', path: '/api/v1/namespaces/default/pods?limit=500' });
    expect(curl.length).toBeGreaterThan(200);
    const lines = wrapCommand(curl, 80);
    const words = lines.flatMap((l) => shellWords(l.replace(/ \\$/, '')));
    expect(words).toEqual(shellWords(curl));
    for (const l of lines.slice(1)) expect(l.startsWith('  ')).toBe(true);
    // An option stays with its value.
    expect(lines.some((l) => /^ {2}--key \/home\S+admin\.key \\$/.test(l))).toBe(true);
  });

  it.each(COMMANDS)('pasted into bash, %s gets the same argv (widths 80, 60, 30, 12)', (_name, cmd) => {
    const expected = argvInBash(cmd);
    expect(expected).toContain('<');
    for (const width of [80, 60, 30, 12]) {
      const lines = wrapCommand(cmd, width);
      expect(argvInBash(lines.join('\n')), `${width}:\n${lines.join('\n')}`).toBe(expected);
    }
  });

  it('keeps "…", $\'…\' and $NAME whole when it cuts a long word', () => {
    expect(cutWord(`"Authorization: Bearer $TOKEN"`, 10, 10)).toEqual([`"Authorization: Bearer $TOKEN"`]);
    const pieces = cutWord(`abc$TOKENdef`, 5, 5);
    expect(pieces.some((p) => p.includes('$TOKEN'))).toBe(true);
    expect(cutWord(`'abcdefghij'`, 6, 6)).toEqual([`'abc'\\`, `'def'\\`, `'ghi'\\`, `'j'`]);
  });
});
