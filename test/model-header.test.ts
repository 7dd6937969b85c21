// The header fitted to the width: namespace and user stay; the URL's scheme, the server version,
// the mode and our version give way first.
import { expect, test } from 'vitest';
import { headerParts } from '../src/model/header.js';

const facts = {
  version: '0.1.0',
  mode: 'kubeconfig',
  context: 'kind-dev',
  server: 'https://127.0.0.1:38523',
  user: 'kubernetes-admin',
  namespace: 'team-a',
  serverVersion: 'v1.34.4',
};

test('wide: everything', () => {
  expect(headerParts(facts, 200).join(' │ ')).toBe(
    'kapi-tui 0.1.0 │ kubeconfig │ context kind-dev @ https://127.0.0.1:38523 │ user kubernetes-admin │ ns team-a │ server v1.34.4',
  );
});

test('80 columns: user and namespace stay whole', () => {
  const line = headerParts(facts, 80).join(' │ ');
  expect(line.length).toBeLessThanOrEqual(80);
  expect(line).toBe('kapi-tui 0.1.0 │ context kind-dev │ user kubernetes-admin │ ns team-a');
});

test('narrower: the scheme goes first, then the server version, the URL, the mode and our version; ns and user stay', () => {
  expect(headerParts(facts, 117).join(' │ ')).toBe(
    'kapi-tui 0.1.0 │ kubeconfig │ context kind-dev @ 127.0.0.1:38523 │ user kubernetes-admin │ ns team-a │ server v1.34.4',
  );
  expect(headerParts(facts, 116).join(' │ ')).toBe(
    'kapi-tui 0.1.0 │ kubeconfig │ context kind-dev @ 127.0.0.1:38523 │ user kubernetes-admin │ ns team-a',
  );
  expect(headerParts(facts, 60).join(' │ ')).toBe('kapi-tui │ ctx kind-dev │ user kubernetes-admin │ ns team-a');
  expect(headerParts({ ...facts, namespace: undefined }, 41).join(' │ ')).toBe(
    'kapi-tui │ user kubernetes-admin │ ns all',
  );
  expect(headerParts({ ...facts, namespace: undefined }, 40)).toEqual(['ns all', 'user kubernetes-admin']);
  expect(headerParts(facts, 20)).toEqual(['ns team-a', 'user kubernetes-admin']);
});

test('width is display width: a wide-character user name counts double', () => {
  // The same number of code units; the wide one takes 8 columns, not 4, and gives up the URL.
  expect(headerParts({ ...facts, user: 'abcd' }, 90).join(' │ ')).toBe(
    'kapi-tui 0.1.0 │ kubeconfig │ context kind-dev @ 127.0.0.1:38523 │ user abcd │ ns team-a',
  );
  expect(headerParts({ ...facts, user: 'ユーザー' }, 90).join(' │ ')).toBe(
    'kapi-tui 0.1.0 │ kubeconfig │ context kind-dev │ user ユーザー │ ns team-a',
  );
});
