import { describe, expect, it } from 'vitest';
import { InvalidValueError, parseCliArgs, UsageError } from '../src/cli/args.js';
import { DEFAULT_PROXY_URL } from '../src/model/proxy.js';

describe('parseCliArgs', () => {
  it('defaults to the TUI on the kubeconfig', () => {
    const a = parseCliArgs([]);
    expect(a.command).toBe('tui');
    expect(a.demo).toBe(false);
    expect(a.proxy).toBeUndefined();
  });

  it('gives a bare --proxy the kubectl proxy default and keeps an explicit URL', () => {
    expect(parseCliArgs(['--proxy']).proxy).toBe(DEFAULT_PROXY_URL);
    expect(parseCliArgs(['--proxy', '-n', 'kube-system']).proxy).toBe(DEFAULT_PROXY_URL);
    expect(parseCliArgs(['--proxy', 'http://127.0.0.1:9000']).proxy).toBe('http://127.0.0.1:9000');
    expect(parseCliArgs(['--proxy=http://localhost:1']).proxy).toBe('http://localhost:1');
  });

  it('parses curl-style certificate flags', () => {
    const a = parseCliArgs(['--server', 'https://h:6443', '--cert', 'a.crt', '--key', 'a.key', '--cacert', 'ca.crt']);
    expect(a).toMatchObject({ server: 'https://h:6443', cert: 'a.crt', key: 'a.key', cacert: 'ca.crt' });
  });

  it("takes kubectl's flag names too, and its kubeconfig selectors", () => {
    const a = parseCliArgs([
      '--client-certificate',
      'a.crt',
      '--client-key',
      'a.key',
      '--certificate-authority',
      'ca.crt',
      '--user',
      'u',
      '--cluster',
      'c',
      '--as',
      'jane',
      '--as-group',
      'g1',
      '--as-group',
      'g2',
      '--token',
      't',
      '-A',
    ]);
    expect(a).toMatchObject({
      cert: 'a.crt',
      key: 'a.key',
      cacert: 'ca.crt',
      user: 'u',
      cluster: 'c',
      as: 'jane',
      asGroups: ['g1', 'g2'],
      token: 't',
      allNamespaces: true,
    });
    expect(parseCliArgs(['--all-namespaces']).allNamespaces).toBe(true);
    // `-n ''` is no flag at all (kubectl then uses the context's namespace), not a blank namespace.
    expect(parseCliArgs(['-n', '']).namespace).toBeUndefined();
    expect(parseCliArgs(['-n', 'team-a']).namespace).toBe('team-a');
  });

  it('parses the sub-commands and their flags', () => {
    expect(parseCliArgs(['sandbox', '--port', '6443', '--dir', '/tmp/x'])).toMatchObject({
      command: 'sandbox',
      port: 6443,
      dir: '/tmp/x',
    });
    expect(parseCliArgs(['api-resources', '--namespaced=false', '-o', 'wide'])).toMatchObject({
      command: 'api-resources',
      namespaced: false,
      output: 'wide',
    });
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['--proxy', '--token', 't'], /go with --server or a kubeconfig/],
    [['--as-group', 'g'], /--as-group needs --as USER/],
    [['-n', 'x', '-A'], /-n and -A exclude each other/],
    [['--server', 'https://h', '--user', 'u'], /choose one connection/],
    [['--server', 'https://h', '--cert', 'a.crt'], /--cert and --key go together/],
    [['--demo', '--proxy'], /choose one connection/],
    [['sandbox', '--port', 'abc'], /--port must be a non-negative integer/],
    [['api-resources', '--namespaced=maybe'], /--namespaced must be true or false/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it('-n must be a namespace name kube accepts (DNS-1123 label, at most 63 characters)', () => {
    expect(parseCliArgs(['-n', 'team-a']).namespace).toBe('team-a');
    expect(parseCliArgs(['-n', 'a'.repeat(63)]).namespace).toBe('a'.repeat(63));
    for (const bad of ['a'.repeat(64), 'Team', '-a', 'a-', 'a.b', 'a\nb']) {
      expect(() => parseCliArgs([`--namespace=${bad}`])).toThrow(InvalidValueError);
    }
    expect(() => parseCliArgs(['-n', 'x'.repeat(100_000)])).toThrow(
      `-n "${'x'.repeat(40)}… (100000 characters)" is not a valid namespace name: a namespace must be no more than 63 characters`,
    );
  });
});
