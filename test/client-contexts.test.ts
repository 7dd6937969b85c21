// `:ctx` reads the contexts kubectl would list: every KUBECONFIG file (missing ones skipped), the
// first definition of a name winning, --context over current-context.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { expect, test } from 'vitest';
import { listContexts } from '../src/client/contexts.js';

const dir = mkdtempSync(join(tmpdir(), 'kapi-contexts-'));
const file = (name: string, contexts: string[], current?: string) => {
  const path = join(dir, name);
  const ctx = contexts.map((c) => `  - name: ${c}\n    context: { cluster: c, user: u }`).join('\n');
  writeFileSync(
    path,
    `apiVersion: v1\nkind: Config\ncontexts:\n${ctx}\n${current ? `current-context: ${current}\n` : ''}`,
  );
  return path;
};

test('merged across KUBECONFIG files like kubectl config get-contexts; missing files skipped', () => {
  const a = file('a', ['kind-dev', 'prod'], 'prod');
  const b = file('b', ['prod', 'staging'], 'staging');
  const env = { KUBECONFIG: [join(dir, 'missing'), a, b].join(delimiter) };
  expect(listContexts({}, env)).toEqual({ names: ['kind-dev', 'prod', 'staging'], current: 'prod' });
  expect(listContexts({ context: 'staging' }, env).current).toBe('staging');
  expect(listContexts({ kubeconfig: b }, env)).toEqual({ names: ['prod', 'staging'], current: 'staging' });
});

test('no kubeconfig at all: no contexts', () => {
  expect(listContexts({}, { KUBECONFIG: join(dir, 'none') })).toEqual({ names: [] });
});
