import { test } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { ApiClient } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import { startSandbox } from '../src/sandbox/server.js';
test('exp', async () => {
  const sb = await startSandbox({ dir: '/tmp/exp/sb', watchIntervalMs: 0 });
  const api = new ApiClient(await connect({ kubeconfig: sb.files!.kubeconfig }));
  api.onRequest((e) => console.log('EV', e.method, e.path, e.status, e.error));
  for (const f of [{ match: '/version', drop: true }, { match: '/version', truncate: true }, { match: '/version', status: 200, body: '{"major":', contentType: 'application/json' }]) {
    sb.setFaults([f as any]);
    try { await api.version(); } catch (e: any) { console.log(JSON.stringify(f), e.kind, e.code, e.message, '|', e.hint); }
  }
  sb.setFaults([]);
  writeFileSync('/tmp/exp/bad.yaml', 'apiVersion: v1\nclusters:\n- name: x\n  cluster: {server: "https://a\n  bad: [\n');
  try { await connect({ kubeconfig: '/tmp/exp/bad.yaml' }); } catch (e: any) { console.log('YAML', e.message); }
  mkdirSync('/tmp/exp/dir', { recursive: true });
  try { const c = await connect({ server: sb.url, cert: '/tmp/exp/dir', key: sb.files!.adminKey, cacert: sb.files!.ca }); await new ApiClient(c).version(); } catch (e: any) { console.log('DIR', e.kind, e.message); }
  try { const c = await connect({ server: sb.url, cert: sb.files!.adminCert, key: sb.files!.janeKey, cacert: sb.files!.ca }); await new ApiClient(c).version(); } catch (e: any) { console.log('MISMATCH', e.kind, e.code, e.message); }
  const sb2 = await startSandbox({ host: '127.0.0.2', watchIntervalMs: 0 });
  writeFileSync('/tmp/exp/ca2', sb2.caPem);
  try { const c = await connect({ server: sb2.url, cacert: '/tmp/exp/ca2' }); await new ApiClient(c).version(); } catch (e: any) { console.log('HOST', e.kind, e.code, e.message); }
  try { const c = await connect({ server: 'https://nonexistent.invalid:6443' }); await new ApiClient(c).version(); } catch (e: any) { console.log('DNS', e.kind, e.code, e.message); }
  await sb.close(); await sb2.close();
}, 30000);
