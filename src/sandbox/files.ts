// Writes the sandbox's credentials and kubeconfigs to a folder so that curl, kubectl and
// kapi-tui itself can connect exactly as the Kubernetes docs describe.
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import type { KeyPairPem } from './certs.js';

export interface SandboxFiles {
  dir: string;
  ca: string;
  adminCert: string;
  adminKey: string;
  janeCert: string;
  janeKey: string;
  /** admin, current context `kapi-sandbox`. */
  kubeconfig: string;
  kubeconfigJane: string;
}

export const SANDBOX_CONTEXT = 'kapi-sandbox';

export async function writeSandboxFiles(
  dirArg: string,
  sb: { url: string; caPem: string; admin: KeyPairPem; jane: KeyPairPem },
): Promise<SandboxFiles> {
  const dir = resolve(dirArg);
  await mkdir(dir, { recursive: true });
  const files: SandboxFiles = {
    dir,
    ca: resolve(dir, 'ca.crt'),
    adminCert: resolve(dir, 'admin.crt'),
    adminKey: resolve(dir, 'admin.key'),
    janeCert: resolve(dir, 'jane.crt'),
    janeKey: resolve(dir, 'jane.key'),
    kubeconfig: resolve(dir, 'kubeconfig'),
    kubeconfigJane: resolve(dir, 'kubeconfig-jane'),
  };
  const secret = { mode: 0o600 };
  await Promise.all([
    writeFile(files.ca, sb.caPem),
    writeFile(files.adminCert, sb.admin.certPem),
    writeFile(files.adminKey, sb.admin.keyPem, secret),
    writeFile(files.janeCert, sb.jane.certPem),
    writeFile(files.janeKey, sb.jane.keyPem, secret),
    writeFile(files.kubeconfig, kubeconfig(sb.url, files.ca, 'kubernetes-admin', files.adminCert, files.adminKey), secret),
    writeFile(files.kubeconfigJane, kubeconfig(sb.url, files.ca, 'jane', files.janeCert, files.janeKey), secret),
  ]);
  return files;
}

function kubeconfig(server: string, ca: string, user: string, cert: string, key: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'kapi-sandbox', cluster: { server, 'certificate-authority': ca } }],
    users: [{ name: user, user: { 'client-certificate': cert, 'client-key': key } }],
    contexts: [{ name: SANDBOX_CONTEXT, context: { cluster: 'kapi-sandbox', user, namespace: 'default' } }],
    'current-context': SANDBOX_CONTEXT,
    preferences: {},
  });
}
