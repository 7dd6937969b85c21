// End to end against the real kube-apiserver: the built CLI (dist/cli.js) in tmux, in each
// connection mode, on the objects testbed/seed.yaml made. A few walks, each through what only a
// real server can show: its discovery, its Tables, a CRD served by apiextensions, RBAC's 403s.
// Run `npm run build` first (npm test's pretest does).
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { requireKubectl, startAndWaitFor } from './helpers/processes.js';
import { describeReal, useTestbed } from './helpers/real.js';
import type { Testbed } from './helpers/testbed.js';
import { CLI, shellQuote, Term } from './helpers/tmux.js';

let tb: Testbed;
let dir: string;
const children: { kill(): void }[] = [];
useTestbed('kapi-real-tui-', {}, (f) => ({ tb, dir } = f));
afterEach(async () => {
  await Term.killAll();
  for (const c of children.splice(0)) c.kill();
});

/** The CLI in tmux (120x40) with a discovery cache of its own, so every walk starts cold. */
async function startCli(flags: string[]): Promise<Term> {
  const home = await mkdtemp(join(dir, 'home-'));
  const cmd = ['node', CLI, ...flags].map(shellQuote).join(' ');
  return Term.start(cmd, { cols: 120, rows: 40, env: { XDG_CACHE_HOME: join(home, 'cache'), HOME: home } });
}

async function quit(t: Term): Promise<void> {
  await t.keys('q');
  expect(await t.waitForExit()).toMatchObject({ status: 0, alternate: false });
}

/** Filter the focused list to `text`, keep the filter, and wait for the prompt to go. */
async function filterTo(t: Term, text: string, shown: (s: string) => boolean): Promise<void> {
  await t.keys('/');
  await t.type(text);
  await t.waitFor(shown);
  await t.keys('Enter');
  await t.waitFor((x) => !x.includes(`${text}▌`));
}

/** From the groups: open `group`, then list `resource` (Enter twice), waiting for its request and
 *  for `row` in the table. */
async function openResource(t: Term, group: string, resource: string, request: string, row: RegExp): Promise<string> {
  await t.waitFor((x) => x.includes('core/v1') && x.includes('apps/v1'));
  await filterTo(t, group, (x) => x.includes(group) && (group === 'core/v1' || !x.includes('core/v1')));
  await t.keys('Enter');
  await filterTo(t, resource, (x) => x.includes(resource) && x.includes('Resources'));
  await t.keys('Enter');
  return t.waitFor((x) => x.includes(`GET ${request}`) && row.test(x));
}

describeReal('kapi-tui on a real kube-apiserver, in tmux', () => {
  it('certificates: a deployment from the groups to its table, JSON and YAML', async () => {
    const f = tb.files;
    const t = await startCli([
      '--server',
      tb.url,
      '--cert',
      f.adminCert,
      '--key',
      f.adminKey,
      '--cacert',
      f.ca,
      '-n',
      'team-a',
    ]);
    let s = await t.waitFor((x) => x.includes('stable.example.com/v1') && x.includes('server v1.34.4'));
    expect(s.split('\n')[0]).toMatch(/\bcertificates\b.*user kubernetes-admin/);
    s = await openResource(t, 'apps/v1', 'deployments', '/apis/apps/v1/namespaces/team-a/deployments', /web\s+0\/2/);
    // The real server's Table: no controller ran, so 0/2 ready.
    expect(s).toMatch(/NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE/);
    expect(s).toMatch(/web\s+0\/2\s+0\s+0\s/);
    await t.keys('Enter');
    s = await t.waitFor(
      (x) => x.includes('"kind": "Deployment"') && x.includes('GET /apis/apps/v1/namespaces/team-a/deployments/web'),
    );
    expect(s).toContain('"apiVersion": "apps/v1"');
    await t.keys('y');
    s = await t.waitFor((x) => x.includes('kind: Deployment'));
    expect(s).toContain('apiVersion: apps/v1');
    await quit(t);
  });

  it('kubeconfig: a custom resource (served by apiextensions), listed and opened', async () => {
    const t = await startCli(['--kubeconfig', tb.files.kubeconfig, '-n', 'demo']);
    const s = await openResource(
      t,
      'stable.example.com/v1',
      'crontabs',
      '/apis/stable.example.com/v1/namespaces/demo/crontabs',
      /my-new-cron-object/,
    );
    expect(s.split('\n')[0]).toMatch(/\bkubeconfig\b/);
    expect(s).toMatch(/my-new-cron-object/);
    await t.keys('Enter');
    const obj = await t.waitFor((x) => x.includes('"kind": "CronTab"'));
    expect(obj).toContain('"cronSpec": "* * * * */5"');
    await quit(t);
  });

  it("jane's kubeconfig: her pods in team-a; secrets are RBAC's 403, worded by the server", async () => {
    const t = await startCli(['--kubeconfig', tb.files.kubeconfigJane, '-n', 'team-a']);
    let s = await openResource(t, 'core/v1', 'pods', '/api/v1/namespaces/team-a/pods', /web-0/);
    expect(s.split('\n')[0]).toMatch(/user jane\b/);
    expect(s).toMatch(/web-0\s+0\/1\s+Pending/);
    await t.keys('Escape');
    await t.waitFor((x) => !x.includes('web-0') && x.includes('pods/log'));
    // `/` starts a new filter (the kept `pods` one offered for Enter); Esc drops both: the whole
    // core/v1 list is back.
    await t.keys('/');
    await t.waitFor('/▌ (Enter keeps /pods)');
    await t.keys('Escape');
    await t.waitFor((x) => x.includes('configmaps') && x.includes('bindings') && !x.includes('/pods'));
    await filterTo(t, 'secrets', (x) => x.includes('secrets') && !x.includes('pods/log'));
    await t.keys('Enter');
    s = await t.waitFor(
      (x) =>
        x.includes('403') &&
        /secrets is forbidden: User "jane" cannot list resource "secrets"/.test(x.replace(/\s*\n\s*/g, ' ')),
    );
    await quit(t);
  });

  it('through a real kubectl proxy; and anonymous (no credentials) gets the real 403 on discovery', async () => {
    const { child, match } = await startAndWaitFor(
      requireKubectl(),
      ['proxy', '--port=0', '--kubeconfig', tb.files.kubeconfig],
      /Starting to serve on 127\.0\.0\.1:(\d+)/,
    );
    children.push(child);
    const t = await startCli(['--proxy', `http://127.0.0.1:${match[1]}`, '-n', 'demo']);
    const s = await openResource(t, 'core/v1', 'configmaps', '/api/v1/namespaces/demo/configmaps', /frontend-settings/);
    expect(s.split('\n')[0]).toMatch(/\bproxy\b/);
    expect(s).toMatch(/frontend-settings\s+2\s/);
    await quit(t);

    const anon = await startCli(['--server', tb.url, '--cacert', tb.files.ca]);
    const a = await anon.waitFor((x) => x.includes('forbidden: User "system:anonymous" cannot get path "/api'));
    expect(a).toContain('HTTP 403 Forbidden');
    // The header names the user once the SelfSubjectReview answers, which may come after the 403.
    const header = await anon.waitFor((x) => /user system:anonymous/.test(x.split('\n')[0]!));
    expect(header.split('\n')[0]).toMatch(/user system:anonymous/);
    await quit(anon);
  });
});
