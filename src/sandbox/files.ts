// Writes the sandbox's credentials and kubeconfigs to a folder so that curl, kubectl and
// kapi-tui itself can connect exactly as the Kubernetes docs describe.
//
// The folder may be on a shared machine (/tmp): another user must not be able to read the keys, nor
// plant a symbolic link that makes us write through it (kubeconfig → ~/.bashrc), nor keep a file
// of theirs readable by pre-creating it. So the folder must be a real folder of ours (made 0700), and
// each file is removed (unlinking a link removes the link, not its target) and created anew with
// O_EXCL ('wx', which never follows a link) and mode 0600.
import { chmod, lstat, mkdir, rm, writeFile } from 'node:fs/promises';
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
  await privateFolder(dir);
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
  await Promise.all([
    writeOwnFile(files.ca, sb.caPem),
    writeOwnFile(files.adminCert, sb.admin.certPem),
    writeOwnFile(files.adminKey, sb.admin.keyPem),
    writeOwnFile(files.janeCert, sb.jane.certPem),
    writeOwnFile(files.janeKey, sb.jane.keyPem),
    writeOwnFile(files.kubeconfig, kubeconfig(sb.url, files.ca, 'kubernetes-admin', files.adminCert, files.adminKey)),
    writeOwnFile(files.kubeconfigJane, kubeconfig(sb.url, files.ca, 'jane', files.janeCert, files.janeKey)),
  ]);
  return files;
}

/** `dir` made if missing, refused unless it is a real folder (not a link) owned by us, then 0700. */
async function privateFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const st = await lstat(dir);
  if (!st.isDirectory()) throw new Error(`${dir} is not a folder (a symbolic link?); not writing credentials there`);
  if (process.getuid && st.uid !== process.getuid()) {
    throw new Error(`${dir} belongs to another user (uid ${st.uid}); not writing credentials there`);
  }
  await chmod(dir, 0o700);
}

/** A file of ours alone: whatever was at `path` is removed, then it is created new with mode 0600.
 *  Something planted between the two makes the write fail (EEXIST) instead of following it. */
async function writeOwnFile(path: string, text: string): Promise<void> {
  await rm(path, { force: true });
  await writeFile(path, text, { flag: 'wx', mode: 0o600 });
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
