// The watch timeline against a real kube-apiserver: kubectl (as admin) changes a ConfigMap and the
// timeline shows the MODIFIED event with the resourceVersion kubectl reports. A fresh server accepts
// a watch from resourceVersion 1 (its watch cache dropped nothing yet): the sandbox answers 410 only
// once it dropped history too. Bookmarks are not asserted: kube-apiserver sends them about once a
// minute.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { App } from '../src/ui/App.js';
import { ApiClient, connect } from '../src/client/index.js';
import { requireKubectl } from './helpers/processes.js';
import { describeReal, useTestbed } from './helpers/real.js';
import type { Testbed } from './helpers/testbed.js';
import { ENTER, stripAnsi, useTui } from './helpers/ui.js';

let tb: Testbed;
useTestbed('kapi-real-timeline-', {}, (f) => ({ tb } = f));
const T = 20_000;
const tui = useTui({ timeoutMs: T });
const { keys, wait } = tui;

async function kubectl(...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(requireKubectl(), ['--kubeconfig', tb.files.kubeconfig, ...args]);
  return stdout.trim();
}

describeReal('the watch timeline on a real kube-apiserver', () => {
  it("kubectl changes a ConfigMap: MODIFIED with kubectl's new resourceVersion; Enter shows the new data", async () => {
    await kubectl('create', 'namespace', 'timeline');
    await kubectl('create', 'configmap', 'lesson', '-n', 'timeline', '--from-literal=step=1');
    const api = new ApiClient(await connect({ kubeconfig: tb.files.kubeconfig }));
    tui.render(<App api={api} color={false} version="test" initialNamespace="timeline" />, { columns: 120, rows: 40 });
    await wait((f) => f.includes('core/v1'));
    keys(':', 'c', 'm', ENTER);
    await wait((f) => f.includes('lesson') && f.includes('● live'));
    keys('T');
    await wait((f) => f.includes('watch configmaps.v1 in timeline') && f.includes('● watching'));
    const list = /LIST\s+rv (\d+)/.exec(stripAnsi(tui.frame()))![1]!;

    const rv = await kubectl(
      'patch',
      'configmap',
      'lesson',
      '-n',
      'timeline',
      '--type=merge',
      '-p',
      '{"data":{"step":"2"}}',
      '-o',
      'jsonpath={.metadata.resourceVersion}',
    );
    expect(Number(rv)).toBeGreaterThan(Number(list));
    const shown = await wait((f) => new RegExp(`MODIFIED\\s+rv ${rv}\\s+timeline/lesson`).test(f));
    // The newest line, under the cursor.
    expect(stripAnsi(shown)).toMatch(new RegExp(`› \\S+\\s+MODIFIED\\s+rv ${rv}\\s+timeline/lesson`));
    keys(ENTER);
    const object = await wait(
      (f) => f.includes('› MODIFIED timeline/lesson') && f.includes(`"resourceVersion": "${rv}"`),
    );
    expect(object).toContain('"kind": "ConfigMap"');
    keys('G'); // the data is under the metadata (managedFields included: the object as sent)
    await wait((f) => f.includes('"step": "2"'));
  });

  it('a watch from resourceVersion 1 on a fresh server is accepted: no 410 while its watch cache has dropped nothing (the sandbox does the same)', async () => {
    // timeoutSeconds: the server ends the watch by itself; what it sent until then is the body.
    const r = await tb.fetch('/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=1&timeoutSeconds=1');
    expect(r.status).toBe(200);
    expect(r.body).not.toContain('"ERROR"');
  });
});
