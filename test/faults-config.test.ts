// Bad configuration gives a message naming the cause and a next step. Complements
// test/client-modes.test.ts and test/client-network-errors.test.ts (missing file, unknown context,
// unknown CA, expired server certificate, refused connections are tested there).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import { explainError } from '../src/client/errors.js';
import { createCertificateAuthority, startSandbox, tempDir, rejection } from './helpers/client.js';

type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

let sb: Sandbox;
let tmp: ReturnType<typeof tempDir>;
let files: NonNullable<Sandbox['files']>;

beforeAll(async () => {
  tmp = tempDir('kapi-faults-config-');
  sb = await startSandbox({ dir: join(tmp.dir, 'sb'), watchIntervalMs: 0 });
  files = sb.files!;
});
afterAll(async () => {
  await sb?.close();
  tmp?.remove();
});

function kubeconfigWith(
  name: string,
  user: Record<string, unknown>,
  cluster: Record<string, unknown> = { server: sb.url, 'certificate-authority': files.ca },
): string {
  const path = join(tmp.dir, name);
  writeFileSync(
    path,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster }],
      users: [{ name: 'u', user }],
      contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'ctx',
    }),
  );
  return path;
}

describe('kubeconfig problems', () => {
  it('no kubeconfig anywhere: names the places looked at and the alternatives', async () => {
    const saved = { HOME: process.env.HOME, KUBECONFIG: process.env.KUBECONFIG };
    const home = join(tmp.dir, 'empty-home');
    mkdirSync(home, { recursive: true });
    process.env.HOME = home;
    delete process.env.KUBECONFIG;
    try {
      const e = await rejection(connect({}));
      expect(e.kind).toBe('config');
      expect(e.message).toBe(
        `No kubeconfig found (looked at --kubeconfig, KUBECONFIG and ${join(home, '.kube', 'config')})`,
      );
      expect(e.hint).toMatch(/--kubeconfig FILE.*--server.*--proxy.*--demo/);
    } finally {
      process.env.HOME = saved.HOME;
      if (saved.KUBECONFIG !== undefined) process.env.KUBECONFIG = saved.KUBECONFIG;
    }
  });

  it('a missing --kubeconfig file names the path', async () => {
    const path = join(tmp.dir, 'nope', 'config');
    const e = await rejection(connect({ kubeconfig: path }));
    expect(e.message).toBe(`Cannot read the kubeconfig "${path}" (--kubeconfig): no such file`);
    expect(e.hint).toContain('--kubeconfig');
  });

  it('malformed YAML: file:line:column, the reason once, and the offending line, on one line', async () => {
    const path = join(tmp.dir, 'broken.yaml');
    writeFileSync(path, 'apiVersion: v1\nclusters:\n- name: x\n  cluster:\n    server: https://a\n\tbad: 1\n');
    const e = await rejection(connect({ kubeconfig: path }));
    expect(e.kind).toBe('config');
    expect(e.message).toBe(
      `Cannot load the kubeconfig ${path}:6:1: Tabs are not allowed as indentation; line 6 reads "?bad: 1"`,
    );
    expect(e.message).not.toContain('\n');
    expect(e.hint).toContain('kubectl config view');
  });

  it('malformed YAML: an unclosed flow sequence is reported once (not "at line 7, column 1: at line 7, column 1")', async () => {
    const path = join(tmp.dir, 'unclosed.yaml');
    writeFileSync(
      path,
      'apiVersion: v1\nclusters:\n- cluster:\n    server: https://a\n  name: c\n  bad: [x\ncontexts: []\n',
    );
    const e = await rejection(connect({ kubeconfig: path }));
    expect(e.message).toBe(
      `Cannot load the kubeconfig ${path}:7:1: Flow sequence in block collection must be sufficiently indented and end with a ]; line 7 reads "contexts: []"`,
    );
  });

  it('malformed YAML in one of several KUBECONFIG files: names that file; a token on the line is masked', async () => {
    const good = kubeconfigWith('good-first.yaml', { token: 'abc' });
    const bad = join(tmp.dir, 'bad-second.yaml');
    writeFileSync(bad, 'users:\n- name: u2\n  user:\n    token: "s3cr3t-value\n');
    const saved = process.env.KUBECONFIG;
    process.env.KUBECONFIG = [good, bad].join(':');
    try {
      const e = await rejection(connect({}));
      expect(e.message).toMatch(
        new RegExp(
          `^Cannot load the kubeconfig ${bad}:\\d+:\\d+: Missing closing "quote; line 4 reads "    token: \\*\\*\\*"$`,
        ),
      );
      expect(e.message).not.toContain('s3cr3t');
    } finally {
      if (saved === undefined) delete process.env.KUBECONFIG;
      else process.env.KUBECONFIG = saved;
    }
  });

  it('a context namespace kube would refuse: a config error naming the context; -n overrides it', async () => {
    const path = join(tmp.dir, 'long-ns.yaml');
    const long = 'a'.repeat(100_000);
    writeFileSync(
      path,
      stringify({
        clusters: [{ name: 'c', cluster: { server: sb.url, 'certificate-authority': files.ca } }],
        users: [{ name: 'u', user: { token: 'abc' } }],
        contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u', namespace: long } }],
        'current-context': 'ctx',
      }),
    );
    const t0 = Date.now();
    const e = await rejection(connect({ kubeconfig: path }));
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(e.kind).toBe('config');
    expect(e.message).toBe(
      `The namespace "${'a'.repeat(40)}… (100000 characters)" of context "ctx" in the kubeconfig (${path}) is not a valid namespace name: a namespace must be no more than 63 characters`,
    );
    expect(e.hint).toContain('-n NS');
    expect((await connect({ kubeconfig: path, namespace: 'team-a' })).namespace).toBe('team-a');
  });

  it('garbage certificate-authority-data: names the cluster and the field, not a TLS error', async () => {
    const notBase64 = kubeconfigWith(
      'ca-garbage.yaml',
      { token: 'abc' },
      { server: sb.url, 'certificate-authority-data': 'not base64 !!' },
    );
    const e = await rejection(connect({ kubeconfig: notBase64 }));
    expect(e.kind).toBe('config');
    expect(e.message).toBe('The certificate-authority-data of cluster "c" is not base64');
    expect(e.hint).toContain(`Fix cluster "c" in the kubeconfig ${notBase64}`);
    expect(e.hint).not.toContain('--cacert');

    const notPem = kubeconfigWith(
      'ca-not-pem.yaml',
      { token: 'abc' },
      {
        server: sb.url,
        'certificate-authority-data': Buffer.from('hello, not a certificate').toString('base64'),
      },
    );
    expect((await rejection(connect({ kubeconfig: notPem }))).message).toBe(
      'The certificate-authority-data of cluster "c" is base64 but holds no PEM certificate (-----BEGIN CERTIFICATE-----)',
    );

    const rawPem = kubeconfigWith(
      'ca-raw-pem.yaml',
      { token: 'abc' },
      {
        server: sb.url,
        'certificate-authority-data': readFileSync(files.ca, 'utf8'),
      },
    );
    expect((await rejection(connect({ kubeconfig: rawPem }))).message).toBe(
      'The certificate-authority-data of cluster "c" holds PEM text itself, not its base64',
    );

    const good = kubeconfigWith(
      'ca-good.yaml',
      { token: 'abc' },
      {
        server: sb.url,
        'certificate-authority-data': readFileSync(files.ca).toString('base64'),
      },
    );
    await expect(connect({ kubeconfig: good })).resolves.toMatchObject({ insecure: false });
  });

  it('valid YAML that is not a kubeconfig', async () => {
    const path = join(tmp.dir, 'list.yaml');
    writeFileSync(path, '- just\n- a list\n');
    const e = await rejection(connect({ kubeconfig: path }));
    expect(e.kind).toBe('config');
    expect(e.message).toBe(`The kubeconfig (${path}) defines no clusters and no contexts: is it a kubeconfig file?`);
  });

  it('a cluster without a server: which cluster, and what to add (not "Invalid URL")', async () => {
    const path = join(tmp.dir, 'no-server.yaml');
    writeFileSync(
      path,
      'apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {}\nusers:\n- name: u\n  user: {token: abc}\n' +
        'contexts:\n- name: x\n  context: {cluster: c, user: u}\ncurrent-context: x\n',
    );
    const e = await rejection(connect({ kubeconfig: path }));
    expect(e.kind).toBe('config');
    expect(e.message).toBe(`Cluster "c" (context "x") has no server in the kubeconfig (${path})`);
    expect(e.hint).toBe('Add `server: https://HOST:PORT` to that cluster entry, or pass --server.');
  });

  it('an unknown --context lists the available ones', async () => {
    const e = await rejection(connect({ kubeconfig: files.kubeconfig, context: 'prod' }));
    expect(e.message).toBe(
      `Context "prod" is not in the kubeconfig (${files.kubeconfig}). Available contexts: kapi-sandbox`,
    );
    expect(e.hint).toContain('kubectl config get-contexts');
  });

  it('a client-certificate file the kubeconfig names but that is missing: says which entry', async () => {
    const path = kubeconfigWith('missing-cert', {
      'client-certificate': join(tmp.dir, 'gone.crt'),
      'client-key': files.adminKey,
    });
    const e = await rejection(connect({ kubeconfig: path }));
    expect(e.kind).toBe('config');
    expect(e.message).toBe(
      `Cannot read the client certificate "${join(tmp.dir, 'gone.crt')}" (client-certificate of user "u" in the kubeconfig ${path}): no such file`,
    );
  });

  it('a certificate-authority file that is missing', async () => {
    const path = kubeconfigWith(
      'missing-ca',
      { 'client-certificate': files.adminCert, 'client-key': files.adminKey },
      { server: sb.url, 'certificate-authority': join(tmp.dir, 'gone-ca.crt') },
    );
    const e = await rejection(connect({ kubeconfig: path }));
    expect(e.message).toMatch(
      /Cannot read the CA certificate ".*gone-ca\.crt" \(certificate-authority of cluster "c" in the kubeconfig .*\): no such file/,
    );
  });

  it('client-certificate and client-key that do not belong together (inline data)', async () => {
    const path = kubeconfigWith('mismatch', {
      'client-certificate-data': Buffer.from(sb.admin.certPem).toString('base64'),
      'client-key-data': Buffer.from(sb.jane.keyPem).toString('base64'),
    });
    const e = await rejection(connect({ kubeconfig: path }));
    expect(e.kind).toBe('config');
    expect(e.message).toBe(
      'The client certificate of user "u" (client-certificate-data) and the key client-key-data do not belong together',
    );
    expect(e.hint).toContain(path);
    // The key's contents never appear in the message.
    expect(e.message + e.hint).not.toContain('PRIVATE KEY');
  });
});

describe('credentials from an exec plugin', () => {
  it('a plugin that hangs: the request times out naming the plugin, it does not hang', async () => {
    const plugin = join(tmp.dir, 'slow-plugin.sh');
    writeFileSync(plugin, '#!/bin/sh\nexec sleep 3\n', { mode: 0o755 });
    const path = kubeconfigWith('exec-slow', {
      exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin, args: [], interactiveMode: 'Never' },
    });
    const api = new ApiClient(await connect({ kubeconfig: path, timeoutMs: 400 }));
    const t0 = Date.now();
    const e = await rejection(api.version());
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(e.kind).toBe('timeout');
    expect(e.message).toBe('Getting credentials took longer than 0.4 s (GET /version)');
    expect(e.hint).toMatch(/exec credential plugin/);
  });
});

describe('certificate files (--server/--cert/--key/--cacert)', () => {
  it('a directory instead of a certificate file', async () => {
    const dir = join(tmp.dir, 'a-directory');
    mkdirSync(dir, { recursive: true });
    const e = await rejection(connect({ server: sb.url, cert: dir, key: files.adminKey, cacert: files.ca }));
    expect(e.kind).toBe('config');
    expect(e.message).toBe(`The client certificate "${dir}" (--cert) is a directory, not a file`);
    expect(e.hint).toBe('Pass the file itself to --cert.');
    const e2 = await rejection(connect({ server: sb.url, cert: files.adminCert, key: files.adminKey, cacert: dir }));
    expect(e2.message).toMatch(/CA certificate .* \(--cacert\) is a directory/);
  });

  it('the key passed as the certificate', async () => {
    const e = await rejection(connect({ server: sb.url, cert: files.adminKey, key: files.adminKey, cacert: files.ca }));
    expect(e.kind).toBe('config');
    expect(e.message).toMatch(
      new RegExp(`^The client certificate "${files.adminKey}" \\(--cert\\) is not a PEM certificate`),
    );
    expect(e.hint).toMatch(/BEGIN CERTIFICATE/);
    expect(e.message).not.toContain(readFileSync(files.adminKey, 'utf8').split('\n')[1]!);
  });

  it('a certificate and a key that do not match: refused before any request', async () => {
    const e = await rejection(connect({ server: sb.url, cert: files.adminCert, key: files.janeKey, cacert: files.ca }));
    expect(e.kind).toBe('config');
    expect(e.message).toBe(
      `The client certificate "${files.adminCert}" (--cert) and the key "${files.janeKey}" (--key) do not belong together`,
    );
    expect(explainError(e).title).toBe('Configuration problem');
  });

  it('a CA that did not sign the server certificate: TLS error with the --cacert hint', async () => {
    const other = await createCertificateAuthority('other-ca');
    const otherCa = join(tmp.dir, 'other-ca.crt');
    writeFileSync(otherCa, other.certPem);
    const api = new ApiClient(
      await connect({ server: sb.url, cert: files.adminCert, key: files.adminKey, cacert: otherCa }),
    );
    const e = await rejection(api.version());
    expect(e.kind).toBe('tls');
    expect(e.message).toMatch(/not signed by a trusted CA/);
    expect(e.hint).toContain('--cacert');
    expect(e.attempts).toBe(1);
  });

  it('an expired client certificate: a warning at connect, and the 401 says why', async () => {
    // Issued by the sandbox's own CA, so only the expiry is wrong: the server refuses it (401), as
    // kube-apiserver does, and kapi-tui notices the expiry before sending anything and after.
    const day = 24 * 3600 * 1000;
    const old = await sb.issueClientCertificate({
      commonName: 'alice',
      organizations: ['system:masters'],
      notBefore: new Date(Date.now() - 400 * day),
      notAfter: new Date(Date.now() - 30 * day),
    });
    const cert = join(tmp.dir, 'alice.crt');
    const key = join(tmp.dir, 'alice.key');
    writeFileSync(cert, old.certPem);
    writeFileSync(key, old.keyPem);
    const conn = await connect({ server: sb.url, cert, key, cacert: files.ca });
    expect(conn.warnings).toEqual([
      expect.stringMatching(
        /^The client certificate \(CN=alice\) expired on \d{4}-\d\d-\d\dT.*: the server will answer 401 Unauthorized\. Renew it/,
      ),
    ]);
    const api = new ApiClient(conn);
    const e = await rejection(api.version());
    expect(e.status).toBe(401);
    expect(e.hint).toMatch(/^The client certificate \(CN=alice\) expired on .*Renew it/);
    api.close();
    // The same user with a valid certificate from that CA is let in: the 401 was the expiry.
    const fresh = await sb.issueClientCertificate({ commonName: 'alice', organizations: ['system:masters'] });
    writeFileSync(cert, fresh.certPem);
    writeFileSync(key, fresh.keyPem);
    const ok = new ApiClient(await connect({ server: sb.url, cert, key, cacert: files.ca }));
    expect((await ok.version()).major).toBe('1');
    ok.close();
  });
});

describe('where the server is', () => {
  it('hostname mismatch: the sandbox on 127.0.0.2, whose certificate names only 127.0.0.1/::1/localhost', async () => {
    const other = await startSandbox({ host: '127.0.0.2', watchIntervalMs: 0 });
    try {
      const api = new ApiClient(await connect({ server: other.url, cacert: files.ca }));
      const caFile = join(tmp.dir, 'ca-127.0.0.2.crt');
      writeFileSync(caFile, other.caPem);
      const api2 = new ApiClient(await connect({ server: other.url, cacert: caFile }));
      const e = await rejection(api2.version());
      expect(e.kind).toBe('tls');
      expect(e.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
      expect(e.message).toMatch(/not valid for 127\.0\.0\.2:\d+: .*127\.0\.0\.2 is not in the cert's list/);
      expect(e.hint).toMatch(/subjectAltName|tls-server-name/);
      expect(e.attempts).toBe(1);
      api.close();
      api2.close();
    } finally {
      await other.close();
    }
  });

  it('a host name that does not resolve (.invalid never does): DNS error', async () => {
    const api = new ApiClient(await connect({ server: 'https://nonexistent.invalid:6443' }));
    const e = await rejection(api.version());
    expect(e.kind).toBe('network');
    expect(e.message).toMatch(/^Cannot resolve host name nonexistent\.invalid \(DNS (ENOTFOUND|EAI_AGAIN)\)/);
    expect(e.hint).toMatch(/typos|DNS/);
    expect(explainError(e).title).toBe('Host not found');
    expect(e.attempts).toBe(1);
  });

  it('an invalid --server URL is a config error at connect', async () => {
    const e = await rejection(connect({ server: 'ftp://example' }));
    expect(e.message).toMatch(/Unsupported URL scheme "ftp:" \(--server\)/);
  });
});
