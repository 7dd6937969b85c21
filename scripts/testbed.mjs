// `npm run testbed -- --dir DIR [--port N] [--pods N] [--build-only]`: a real etcd + kube-apiserver
// on loopback for trying kapi-tui against (test infrastructure, not product; see docs/TESTBED.md).
// The harness is test/helpers/testbed.ts, shared with the real-*.test.ts files.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadTestbedHarness } from './testbed-harness.mjs';

const USAGE = `Usage: npm run testbed -- [--dir DIR] [--port N] [--pods N] [--build-only]
  --dir DIR      credentials, kubeconfigs, logs and etcd data (default: ${join(tmpdir(), 'kapi-tui-testbed')})
  --port N       kube-apiserver's port on 127.0.0.1 (default: a free one)
  --pods N       also create N pods in namespaces bench-0..9
  --build-only   build testbed/bin/kube-apiserver and testbed/bin/etcd if needed, then exit
`;

let args;
try {
  args = parseArgs({
    options: {
      dir: { type: 'string' },
      port: { type: 'string' },
      pods: { type: 'string' },
      'build-only': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (err) {
  process.stderr.write(`testbed: ${err.message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const int = (name, v) => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) {
    process.stderr.write(`testbed: --${name} wants a number, got "${v}"\n`);
    process.exit(2);
  }
  return Number(v);
};
const port = int('port', args.port);
const pods = int('pods', args.pods);
const dir = args.dir ?? join(tmpdir(), 'kapi-tui-testbed');

const { startTestbed, ensureTestbedBuilt, TestbedError } = await loadTestbedHarness();

const log = (line) => process.stderr.write(`testbed: ${line}\n`);

// Ctrl-C during start-up must still stop what has started: remember the signal, stop after. (A
// running go build is in our process group: the terminal's Ctrl-C ends it, and that is no failure.)
let stopping = false;
const onSignal = () => (stopping = true);
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const fail = (err) => {
  if (stopping) process.stderr.write('testbed: interrupted\n');
  else process.stderr.write(`testbed: ${err instanceof TestbedError ? err.message : err.stack}\n`);
  process.exit(stopping ? 130 : 1);
};

if (args['build-only']) {
  await ensureTestbedBuilt(log).catch(fail);
  process.exit(0);
}

const tb = await startTestbed({ dir, port, pods, log }).catch(fail);
if (stopping) {
  await tb.stop();
  process.exit(130);
}
const f = tb.files;
process.stdout.write(`Test bed: kube-apiserver v1.34.4 (real, with etcd) listening on ${tb.url}
Credentials and kubeconfigs written to ${f.dir} (logs: kube-apiserver.log, etcd.log)

Try it:
  curl --cert ${f.adminCert} --key ${f.adminKey} --cacert ${f.ca} ${tb.url}/version
  curl --cert ${f.adminCert} --key ${f.adminKey} --cacert ${f.ca} ${tb.url}/apis/apps/v1
  curl --cacert ${f.ca} ${tb.url}/api            # anonymous: 403
  kubectl --kubeconfig ${f.kubeconfig} api-resources
  kubectl --kubeconfig ${f.kubeconfig} get pods -A
  kubectl --kubeconfig ${f.kubeconfig} get --raw /
  kubectl --kubeconfig ${f.kubeconfigJane} get pods -n team-a     # jane: only pods in team-a
  kubectl --kubeconfig ${f.kubeconfig} proxy --port 8001          # then: curl http://127.0.0.1:8001/api
  kapi-tui --kubeconfig ${f.kubeconfig}                         # in this repository: node dist/cli.js
  kapi-tui --server ${tb.url} --cert ${f.adminCert} --key ${f.adminKey} --cacert ${f.ca}

Press Ctrl-C to stop.
`);
await new Promise((resolve) => {
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.once('SIGINT', resolve);
  process.once('SIGTERM', resolve);
});
await tb.stop();
process.stderr.write('testbed: stopped etcd and kube-apiserver\n');
