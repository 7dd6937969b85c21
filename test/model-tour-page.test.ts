// What each tour step sends to show what it says, and how its page reads (pure).
import { describe, expect, test } from 'vitest';
import { tourStepById } from '../src/model/tour.js';
import { FULL_COMMAND_HINT, curlLine, tourPageLines, tourProbeNote, tourProbes } from '../src/model/tour-page.js';

const step = (id: string) => tourStepById(id)!;
const paths = (id: string, mode = 'kubeconfig') => tourProbes(step(id), mode).map((p) => `${p.method} ${p.path}`);

describe('tour probes', () => {
  test('each step sends the request it talks about', () => {
    expect(paths('version')).toEqual(['GET /version']);
    expect(paths('core-group')).toEqual(['GET /api', 'GET /api/v1']);
    expect(tourProbes(step('core-group'), 'kubeconfig')[0].discovery).toBe('aggregated');
    expect(paths('group-version')).toEqual(['GET /apis/apps/v1']);
    expect(paths('client-certificates')).toEqual([
      'GET /api',
      'POST /apis/authentication.k8s.io/v1/selfsubjectreviews',
    ]);
    // The objects steps: the view's own request is shown.
    expect(paths('list-objects')).toEqual([]);
  });

  test('anonymous: without and with credentials; through a proxy only with, and the page says why', () => {
    const direct = tourProbes(step('anonymous'), 'certificates');
    expect(direct.map((p) => !!p.anonymous)).toEqual([true, false]);
    expect(tourProbeNote(step('anonymous'), 'certificates')).toBeUndefined();
    expect(tourProbes(step('anonymous'), 'proxy').some((p) => p.anonymous)).toBe(false);
    expect(tourProbeNote(step('anonymous'), 'proxy')).toMatch(/proxy, which adds its own credentials/);
    expect(paths('kubectl-proxy', 'kubeconfig')).toEqual([]);
    expect(tourProbeNote(step('kubectl-proxy'), 'kubeconfig')).toMatch(/start `kubectl proxy`/);
    expect(paths('kubectl-proxy', 'proxy')).toEqual(['GET /api']);
  });
});

describe('tour page', () => {
  test('a refusal reads as its Status; a long body is cut after a few lines, saying how many more', () => {
    const s = step('anonymous');
    const probes = tourProbes(s, 'certificates');
    const lines = tourPageLines({
      step: s,
      width: 76,
      probes,
      results: [
        {
          probe: probes[0],
          status: 403,
          body: { kind: 'Status', status: 'Failure', reason: 'Forbidden', code: 403, message: 'forbidden: no' },
        },
        { probe: probes[1], status: 200, body: { items: Array.from({ length: 30 }, (_, i) => ({ name: `r${i}` })) } },
      ],
      curl: 'curl --cacert ca.crt https://127.0.0.1:6443/api',
    }).map((l) => l.text);
    expect(lines).toContain('GET /api → 403 Forbidden — without credentials (system:anonymous)');
    expect(lines).toContain('  Status Failure, reason Forbidden, code 403: "forbidden: no"');
    expect(lines).toContain('GET /api → 200 OK — with your credentials');
    expect(lines.some((l) => /^ {2}… \d+ more lines$/.test(l))).toBe(true);
    expect(lines).toContain('$ curl --cacert ca.crt https://127.0.0.1:6443/api');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(76);
  });

  test('while waiting, each request says so', () => {
    const s = step('version');
    const lines = tourPageLines({ step: s, width: 60, probes: tourProbes(s, 'demo'), results: 'loading' });
    expect(lines.map((l) => l.text)).toContain('GET /version → waiting for the answer');
  });

  test('the curl on one line: whole when it fits, else cut with where to read it whole', () => {
    expect(curlLine('curl https://h/api', 40)).toBe('$ curl https://h/api');
    const long = curlLine(`curl --cacert ca.crt ${'https://h/'.padEnd(120, 'x')}`, 60);
    expect(long).toHaveLength(60);
    expect(long.endsWith(`… (${FULL_COMMAND_HINT})`)).toBe(true);
  });
});
