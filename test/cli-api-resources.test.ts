// `kapi-tui api-resources` must print exactly what `kubectl api-resources` prints, same server.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/sandbox/server.js';
import { itWithKubectl, requireKubectl, run } from './helpers/processes.js';
import { CLI } from './helpers/tmux.js';

let sb: Sandbox;
let dir: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kapi-ar-'));
  sb = await startSandbox({ dir, watchIntervalMs: 0 });
  // A private HOME: kubectl's discovery cache and ours start cold and leave nothing behind.
  env = { ...process.env, HOME: dir, XDG_CACHE_HOME: join(dir, 'cache') };
});
afterAll(async () => {
  await sb?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('kapi-tui api-resources', () => {
  itWithKubectl.each([[[]], [['-o', 'wide']], [['--namespaced=false']], [['--api-group', 'apps']], [['-o', 'name']]])(
    'prints what kubectl prints for %j',
    async (flags) => {
      const ours = await run('node', [CLI, 'api-resources', '--kubeconfig', sb.files!.kubeconfig, ...flags], env);
      expect(ours.stderr).toBe('');
      expect(ours.code).toBe(0);
      expect(ours.stdout).toMatch(flags.includes('name') ? /^bindings\n/ : /^NAME\s+SHORTNAMES\s+APIVERSION/);
      const theirs = await run(
        requireKubectl(),
        ['--kubeconfig', sb.files!.kubeconfig, 'api-resources', ...flags],
        env,
      );
      expect(ours.stdout).toBe(theirs.stdout);
    },
  );

  it('a resource name with escape sequences (from an aggregated API) is printed as text, not sent to the terminal', async () => {
    const evil = 'widgets\u001b]0;pwned\u0007';
    const apis = {
      kind: 'APIGroupDiscoveryList',
      apiVersion: 'apidiscovery.k8s.io/v2',
      metadata: {},
      items: [
        {
          metadata: { name: 'evil.example' },
          versions: [
            {
              version: 'v1',
              freshness: 'Current',
              resources: [
                {
                  resource: evil,
                  responseKind: { group: 'evil.example', version: 'v1', kind: 'Widget' },
                  scope: 'Namespaced',
                  singularResource: 'widget',
                  verbs: ['get', 'list'],
                },
              ],
            },
          ],
        },
      ],
    };
    sb.setFaults([
      {
        match: /^\/apis(\?|$)/,
        status: 200,
        contentType: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
        body: JSON.stringify(apis),
      },
    ]);
    try {
      const r = await run(
        'node',
        [CLI, 'api-resources', '--kubeconfig', sb.files!.kubeconfig, '--api-group', 'evil.example'],
        env,
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('widgets^[]0;pwned^G');
      expect(r.stdout).not.toMatch(/[\u0007\u001b]/);
    } finally {
      sb.setFaults([]);
    }
  });

  it('explains a server that is not there, exit code 1', async () => {
    const r = await run('node', [CLI, 'api-resources', '--proxy', 'http://127.0.0.1:1'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/kubectl proxy/);
    expect(r.stdout).toBe('');
  });
});
