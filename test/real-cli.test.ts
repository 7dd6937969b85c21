// kapi-tui's client and CLI agree with kubectl on a real kube-apiserver: `api-resources` byte for
// byte with each flag, whoami and can-i answer for answer. The test bed serves every API version
// (--runtime-config=api/all=true), so some resources exist only in a non-preferred version: the
// case where kapi-tui used to print fewer rows than kubectl.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient } from '../src/client/api.js';
import { connect } from '../src/client/connection.js';
import { allowedVerbs, whoAmI } from '../src/client/identity.js';
import type { RequestEvent, ResourceRef } from '../src/model/types.js';
import { rejection } from './helpers/client.js';
import { requireKubectl, run } from './helpers/processes.js';
import { describeReal, useTestbed } from './helpers/real.js';
import type { Testbed } from './helpers/testbed.js';
import { CLI } from './helpers/tmux.js';

let tb: Testbed;
let env: NodeJS.ProcessEnv;
useTestbed('kapi-real-cli-', { apiserverArgs: ['--runtime-config=api/all=true'] }, (f) => {
  tb = f.tb;
  // A private HOME: kubectl's discovery cache and ours start cold and leave nothing behind.
  env = { ...process.env, HOME: f.dir, XDG_CACHE_HOME: join(f.dir, 'cache') };
});

const kubectl = (args: string[]) => run(requireKubectl(), args, env);

describeReal('api-resources: kapi-tui prints what kubectl prints (real kube-apiserver v1.34)', () => {
  it.each([
    [[]],
    [['-o', 'wide']],
    [['-o', 'name']],
    [['--namespaced=true']],
    [['--namespaced=false']],
    [['--api-group', 'apps']],
    [['--api-group=']],
    [['--api-group', 'admissionregistration.k8s.io', '-o', 'wide']],
    [['--api-group', 'stable.example.com']],
    [['--namespaced=false', '-o', 'name']],
  ])('%j', async (flags) => {
    const [ours, theirs] = await Promise.all([
      run('node', [CLI, 'api-resources', '--kubeconfig', tb.files.kubeconfig, ...flags], env),
      kubectl(['--kubeconfig', tb.files.kubeconfig, 'api-resources', ...flags]),
    ]);
    expect(theirs.code, theirs.stderr).toBe(0);
    expect(ours.stderr).toBe('');
    expect(ours.code).toBe(0);
    expect(ours.stdout.split('\n').length).toBeGreaterThan(2);
    expect(ours.stdout).toBe(theirs.stdout);
  });

  it('includes resources served only by a non-preferred version (MutatingAdmissionPolicy is v1beta1 only)', async () => {
    const ours = await run(
      'node',
      [CLI, 'api-resources', '--kubeconfig', tb.files.kubeconfig, '--api-group', 'admissionregistration.k8s.io'],
      env,
    );
    expect(ours.stdout).toMatch(
      /^mutatingadmissionpolicies\s+admissionregistration\.k8s\.io\/v1beta1\s+false\s+MutatingAdmissionPolicy\s*$/m,
    );
  });

  it('-o json (kubectl 1.32 has no such output) lists the same resources as kubectl -o name', async () => {
    const [ours, theirs] = await Promise.all([
      run('node', [CLI, 'api-resources', '--kubeconfig', tb.files.kubeconfig, '-o', 'json'], env),
      kubectl(['--kubeconfig', tb.files.kubeconfig, 'api-resources', '-o', 'name']),
    ]);
    const rows = JSON.parse(ours.stdout) as { name: string; group: string }[];
    expect(rows.map((r) => (r.group ? `${r.name}.${r.group}` : r.name)).join('\n') + '\n').toBe(theirs.stdout);
  });
});

describeReal('whoami and can-i: kapi-tui answers what kubectl auth answers', () => {
  const clients: ApiClient[] = [];
  const apiFor = async (kubeconfig: string) => {
    const api = new ApiClient(await connect({ kubeconfig }));
    clients.push(api);
    return api;
  };
  let admin: ApiClient;
  let jane: ApiClient;
  beforeAll(async () => {
    [admin, jane] = await Promise.all([apiFor(tb.files.kubeconfig), apiFor(tb.files.kubeconfigJane)]);
  });
  afterAll(() => {
    for (const c of clients) c.close();
  });

  it.each([['admin'], ['jane']] as const)('whoami as %s', async (who) => {
    const kubeconfig = who === 'admin' ? tb.files.kubeconfig : tb.files.kubeconfigJane;
    const theirs = await kubectl(['--kubeconfig', kubeconfig, 'auth', 'whoami', '-o', 'json']);
    expect(theirs.code, theirs.stderr).toBe(0);
    const info = JSON.parse(theirs.stdout).status.userInfo;
    const me = await whoAmI(who === 'admin' ? admin : jane);
    expect(me.source).toBe('SelfSubjectReview');
    expect({ username: me.username, groups: me.groups }).toEqual({ username: info.username, groups: info.groups });
  });

  const ref = (group: string, version: string, resource: string, namespaced: boolean): ResourceRef => ({
    group,
    version,
    resource,
    namespaced,
  });
  const cases: [string, ResourceRef, string | undefined, string][] = [
    ['pods', ref('', 'v1', 'pods', true), 'team-a', 'list'],
    ['pods', ref('', 'v1', 'pods', true), 'team-a', 'watch'],
    ['pods', ref('', 'v1', 'pods', true), 'team-a', 'delete'],
    ['pods', ref('', 'v1', 'pods', true), 'demo', 'get'],
    ['pods/log', ref('', 'v1', 'pods/log', true), 'team-a', 'get'],
    ['secrets', ref('', 'v1', 'secrets', true), 'team-a', 'list'],
    ['deployments.apps', ref('apps', 'v1', 'deployments', true), 'team-a', 'list'],
    ['crontabs.stable.example.com', ref('stable.example.com', 'v1', 'crontabs', true), 'demo', 'list'],
    ['nodes', ref('', 'v1', 'nodes', false), undefined, 'list'],
    ['pods', ref('', 'v1', 'pods', true), undefined, 'list'], // all namespaces
  ];

  it.each([['admin'], ['jane']] as const)('can-i as %s, for each resource and verb', async (who) => {
    const kubeconfig = who === 'admin' ? tb.files.kubeconfig : tb.files.kubeconfigJane;
    const api = who === 'admin' ? admin : jane;
    const answers: string[] = [];
    const expected: string[] = [];
    for (const [resource, r, ns, verb] of cases) {
      // kubectl reads `pods/log` as TYPE/NAME: a subresource goes in --subresource.
      const [type, sub] = resource.split('/');
      const theirs = await kubectl([
        '--kubeconfig',
        kubeconfig,
        'auth',
        'can-i',
        verb,
        type,
        ...(sub ? [`--subresource=${sub}`] : []),
        ...(ns ? ['-n', ns] : ['-A']),
      ]);
      expect(theirs.stdout.trim(), theirs.stderr).toMatch(/^(yes|no)$/);
      expected.push(`${verb} ${resource} ${ns ?? '-A'}: ${theirs.stdout.trim()}`);
      const ours = await allowedVerbs(api, r, ns, [verb]);
      answers.push(`${verb} ${resource} ${ns ?? '-A'}: ${ours[verb] ? 'yes' : 'no'}`);
    }
    expect(answers).toEqual(expected);
    // The data says something: jane may read pods in team-a and nothing else here; admin may do all.
    expect(expected.filter((a) => a.endsWith('yes')).length).toBe(who === 'admin' ? cases.length : 2);
  });
});

describeReal("the tour's anonymous request: the real kube-apiserver's 403, and its equivalents agree", () => {
  it('getRaw({ anonymous }) sends no credentials; curl and kubectl as shown get the same 403', async () => {
    const api = new ApiClient(await connect({ kubeconfig: tb.files.kubeconfig }));
    try {
      const events: RequestEvent[] = [];
      api.onRequest((ev) => events.push(ev));
      const e = await rejection(api.getRaw('/api', { anonymous: true }));
      expect(e).toMatchObject({
        status: 403,
        serverMessage: 'forbidden: User "system:anonymous" cannot get path "/api"',
      });
      expect((await api.getRaw('/version', { anonymous: true })).status).toBe(200);
      expect((await api.getRaw('/api')).status).toBe(200);
      // The commands shown for the anonymous request, run as shown.
      const curl = await run('sh', ['-c', `${events[0]!.curl} -s -o /dev/null -w '%{http_code}'`], env);
      expect(curl.stdout).toBe('403');
      // kubectl as shown: anonymous too (named system:anonymous, which stops kubectl's user-name
      // prompt and which kube-apiserver ignores), with the user's KUBECONFIG (admin here) left out.
      const kubectl = await run('sh', ['-c', `${events[0]!.kubectl} </dev/null`], {
        ...env,
        KUBECONFIG: tb.files.kubeconfig,
      });
      expect(kubectl.code).not.toBe(0);
      expect(kubectl.stderr).toContain('(Forbidden)');
      expect(kubectl.stderr).not.toContain('Please enter Username');
    } finally {
      api.close();
    }
  });
});
