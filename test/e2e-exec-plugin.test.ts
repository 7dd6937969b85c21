// End to end: an exec credential plugin that hangs (a script waiting forever) does not outlive
// kapi-tui: `q` ends it and what it started. Run `npm run build` first.
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, it } from 'vitest';
import { tempDir } from './helpers/client.js';
import { CLI, shellQuote, Term } from './helpers/tmux.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('kapi-e2e-exec-');
});
afterEach(() => Term.killAll());
afterAll(() => tmp.remove());

/** The command lines of running processes that contain `marker`. */
function running(marker: string): string[] {
  return execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes(marker) && !l.startsWith('ps '));
}

/** Resolves once `test` holds; processes started by another process give no event to await: poll. */
async function until(test: () => boolean, timeoutMs = 10_000): Promise<void> {
  for (const t0 = Date.now(); !test(); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
  }
}

it('q ends a hanging exec plugin and its children', async () => {
  // A sleep no other process runs: its argument is unique to this test run.
  const marker = String(900_000_000 + process.pid);
  const plugin = join(tmp.dir, 'hanging-plugin.sh');
  writeFileSync(plugin, `#!/bin/sh\nsleep ${marker}\necho never\n`);
  chmodSync(plugin, 0o700);
  const kubeconfig = join(tmp.dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    `apiVersion: v1
kind: Config
clusters: [{ name: c, cluster: { server: 'https://127.0.0.1:1' } }]
users: [{ name: u, user: { exec: { apiVersion: client.authentication.k8s.io/v1, command: ${plugin}, interactiveMode: Never } } }]
contexts: [{ name: x, context: { cluster: c, user: u } }]
current-context: x
`,
  );
  // Run from a shell that stays, as from a user's: when the pane's first process exits, the kernel
  // hangs up the whole terminal and that would end the plugin for us.
  const cli = `node ${shellQuote(CLI)} --kubeconfig ${shellQuote(kubeconfig)} --request-timeout 60s`;
  const t = await Term.start(`sh -c ${shellQuote(`${cli}; echo kapi-tui-exited-$?; exec sleep 60`)}`, {
    cols: 120,
    rows: 30,
    env: { XDG_CACHE_HOME: join(tmp.dir, 'cache') },
  });
  await until(() => running(`sleep ${marker}`).length > 0);
  await t.keys('q');
  await t.waitFor('kapi-tui-exited-0');
  await until(() => running(`sleep ${marker}`).length === 0, 2000);
});
