// Runs the commands the UI shows (RequestEvent.curl / .kubectl, commandSetup's lines first) through
// `bash -c`, as a learner pastes them, and reads the HTTP status each got: curl's own `-w
// '%{http_code}'` and kubectl's `-v=6` log of its responses (both appended here, never shown).
import { execFile } from 'node:child_process';
import { expect } from 'vitest';
import { ApiClient } from '../../src/client/api.js';
import { commandSetup, kubectlCommand } from '../../src/client/equivalents.js';
import type { Connection } from '../../src/client/types.js';
import { openapiV3Path, resourcePath, withQuery } from '../../src/model/paths.js';
import type { RequestEvent } from '../../src/model/types.js';

export interface ShellRun {
  exit: number;
  stdout: string;
  stderr: string;
}

/** `script` after `setup` in one bash, with `env` over this process's and `stdin` fed to it. */
export function runBash(
  setup: string[],
  script: string,
  opts: { env?: Record<string, string>; stdin?: string; timeoutMs?: number } = {},
): Promise<ShellRun> {
  return new Promise((done) => {
    const child = execFile(
      'bash',
      ['-c', [...setup, script].join('\n')],
      { env: { ...process.env, ...opts.env }, timeout: opts.timeoutMs ?? 30_000, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const exit = err
          ? typeof (err as { code?: unknown }).code === 'number'
            ? (err as { code: number }).code
            : -1
          : 0;
        done({ exit, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    child.stdin!.end(opts.stdin ?? '');
  });
}

/** The status of kubectl's last response to `path` (by path, query aside), else of its last response. */
export function kubectlStatus(stderr: string, path: string): number | undefined {
  const want = path.split('?')[0];
  // kubectl 1.32's structured line, and the plain one of other versions ("GET URL 200 OK in 4 milliseconds").
  const line = /"Response" verb="\w+" url="([^"]+)" status="(\d{3})|\] (?:GET|POST) (https?:\/\/\S+) (\d{3}) /g;
  const responses = [...stderr.matchAll(line)].map((m) => ({
    path: new URL(m[1] ?? m[3]!).pathname,
    status: Number(m[2] ?? m[4]),
  }));
  const same = responses.filter((r) => r.path === want);
  return (same.at(-1) ?? responses.at(-1))?.status;
}

/** One command the UI can show, the status the view got for its request, and how to run it. */
export interface ShownCommand {
  label: string;
  command: string;
  tool: 'curl' | 'kubectl';
  status: number;
  path: string;
  /** Runs until stopped (a watch): given a time limit, and a timeout counts as success. */
  streams?: boolean;
}

/** The request kinds of the UI, made with `api`: version, /healthz, `/`, discovery, a Table list in
 *  a namespace and in all, a JSON list, one object (as JSON and, for the YAML view, -o yaml), a watch
 *  (Table), the object's schema (and its `kubectl explain` form), a pod's log (`logs`: when the cluster
 *  has kubelets, i.e. the sandbox), and the three self-review POSTs. */
export async function showableCommands(
  api: ApiClient,
  target: { namespace: string; pod: string; logs: boolean },
): Promise<ShownCommand[]> {
  const events: RequestEvent[] = [];
  api.onRequest((ev) => events.push(ev));
  const pods = { group: '', version: 'v1', resource: 'pods', namespaced: true };
  const soft = (p: Promise<unknown>) => p.catch(() => undefined);
  await soft(api.version());
  await soft(api.getRaw('/healthz'));
  await soft(api.getRaw('/'));
  await soft(api.discover());
  await soft(api.list(pods, { namespace: target.namespace }));
  await soft(api.list(pods));
  await soft(api.list(pods, { namespace: target.namespace, table: false }));
  await soft(api.get(pods, target.namespace, target.pod));
  await new Promise<void>((resolve) => {
    const h = api.watch(pods, { namespace: target.namespace, table: true, onOpen: () => h.stop() }, () => {});
    h.done.then(resolve, () => resolve());
  });
  await soft(api.getRaw(openapiV3Path({ group: '', version: 'v1' })));
  if (target.logs)
    await soft(api.getRaw(withQuery(resourcePath(pods, target.namespace, target.pod, 'log'), { tailLines: '10' })));
  await soft(api.selfSubjectReview());
  await soft(api.selfSubjectRulesReview(target.namespace));
  await soft(
    api.selfSubjectAccessReview({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'default' }),
  );

  const shown: ShownCommand[] = [];
  for (const ev of events) {
    expect(ev.status, `${ev.method} ${ev.path}: ${ev.error ?? ''}`).toBeDefined();
    const streams = /[?&]watch=(1|true)\b/.test(ev.path);
    const label = `${ev.method} ${ev.path}`;
    shown.push({ label, command: ev.curl, tool: 'curl', status: ev.status!, path: ev.path, streams });
    shown.push({ label, command: ev.kubectl, tool: 'kubectl', status: ev.status!, path: ev.path, streams });
    const req = { method: ev.method as 'GET' | 'POST', path: ev.path, accept: ev.accept, body: undefined };
    if (ev.path === resourcePath(pods, target.namespace, target.pod)) {
      const yaml = kubectlCommand(api.connection, req, { output: 'yaml' });
      expect(yaml).toMatch(/ -o yaml$/);
      shown.push({ label: `${label} (YAML view)`, command: yaml, tool: 'kubectl', status: ev.status!, path: ev.path });
    }
    if (ev.path.startsWith('/openapi/v3/api/v1')) {
      const explain = kubectlCommand(api.connection, req, {
        explain: { resource: 'pods', fieldPath: ['spec', 'containers'], apiVersion: 'v1' },
      });
      expect(explain).toMatch(/ explain pods\.spec\.containers --api-version=v1$/);
      shown.push({ label: `${label} (explain)`, command: explain, tool: 'kubectl', status: ev.status!, path: ev.path });
    }
  }
  return shown;
}

/** Runs each command after the connection's setup lines; returns one line per mismatch. */
export async function runShown(
  conn: Connection,
  commands: ShownCommand[],
  opts: { env: Record<string, string>; stdin?: string },
): Promise<string[]> {
  const setup = commandSetup(conn);
  const failures: string[] = [];
  for (const c of commands) {
    let status: number | undefined;
    let r: ShellRun;
    if (c.tool === 'curl') {
      r = await runBash(setup, `${c.command} -sS -o /dev/null -w '%{http_code}'${c.streams ? ' -m 2' : ''}`, opts);
      status = Number(r.stdout.trim()) || undefined;
      // 18 (partial body): kube-apiserver refuses an anonymous POST before reading its body and ends
      // the HTTP/2 stream with GOAWAY; curl 7.88 then reports the 403's body as cut short.
      const okExit = r.exit === 0 || (!!c.streams && r.exit === 28) || (c.status >= 400 && r.exit === 18);
      if (!okExit) status = undefined;
    } else {
      // A watch never ends: `timeout` stops it (exit 124) once its answer is in.
      r = await runBash(setup, `${c.streams ? 'timeout 3 ' : ''}${c.command} -v=6`, opts);
      status = kubectlStatus(r.stderr, c.path);
      const succeeded = r.exit === 0 || (!!c.streams && r.exit === 124);
      // kubectl's exit agrees with the status: 0 for a 2xx, not 0 otherwise.
      if (succeeded !== (status !== undefined && status < 300)) status = undefined;
    }
    if (status !== c.status) {
      const log = r.stderr.split('\n').filter((l) => !/envvar\.go|loader\.go|cert_rotation/.test(l));
      failures.push(
        `${c.tool} ${c.label}: got ${status ?? '?'} (exit ${r.exit}), the view ${c.status}\n  ${[...setup, c.command].join('\n  ')}\n  ${log.join('\n  ').slice(0, 1500)}`,
      );
    }
  }
  return failures;
}
