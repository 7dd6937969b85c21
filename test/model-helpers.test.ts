import { describe, expect, test } from 'vitest';
import { KEYMAP, bindingLabel, matchCommand } from '../src/model/keymap.js';
import { stringify } from 'yaml';
import {
  YAML_OPTIONS,
  highlightJsonLine,
  highlightYamlLine,
  toJsonLines,
  toYamlLines,
} from '../src/model/highlight.js';
import { MASK, hideManagedFields, maskSecret } from '../src/model/secrets.js';
import { formatAge, formatBytes, formatRequest, formatRow, humanDuration, layoutColumns } from '../src/model/format.js';
import { computeLayout } from '../src/model/layout.js';
import { NON_RESOURCE_PATHS, groupRows, resourceRows } from '../src/model/tree.js';
import { resourceCells, resourceColumnWidths, resourceTable, verbMask } from '../src/model/resource-columns.js';
import { MAX_BODIES, RequestLog, viewRequest } from '../src/session/request-log.js';
import type { ListPage } from '../src/model/types.js';
import { rawDiscovery } from '../src/model/raw-discovery.js';
import { tourDrive } from '../src/model/tour-drive.js';
import { explainRowText, explainRows, fieldDescription } from '../src/model/explain-rows.js';
import type { FieldNode } from '../src/model/explain.js';
import type { RequestEvent } from '../src/model/types.js';
import { DISCOVERY } from './helpers/fake-api.js';

describe('keymap', () => {
  test('keys map to commands', () => {
    expect(matchCommand('', { downArrow: true })).toBe('nav.down');
    expect(matchCommand('j', {})).toBe('nav.down');
    expect(matchCommand('k', {})).toBe('nav.up');
    expect(matchCommand('h', {})).toBe('pane.left');
    expect(matchCommand('l', {})).toBe('pane.right');
    expect(matchCommand('', { tab: true })).toBe('pane.next');
    expect(matchCommand('', { tab: true, shift: true })).toBe('pane.prev');
    expect(matchCommand('', { return: true })).toBe('open');
    expect(matchCommand('', { escape: true })).toBe('back');
    expect(matchCommand('', { backspace: true })).toBe('back');
    expect(matchCommand('', { delete: true })).toBe('back'); // what Ink reports for DEL (0x7f)
    expect(matchCommand('d', { ctrl: true })).toBe('nav.halfDown');
    expect(matchCommand('u', { ctrl: true })).toBe('nav.halfUp');
    expect(matchCommand('d', {})).toBe('discovery.raw'); // Ctrl-D stays half page down
    expect(matchCommand('c', { ctrl: true })).toBe('quit');
    expect(matchCommand('c', {})).toBe('copy.curl'); // Ctrl-C stays quit
    expect(matchCommand('L', { shift: true })).toBe('log');
    expect(matchCommand('e', {})).toBe('explain');
    expect(matchCommand('t', {})).toBe('tour');
    expect(matchCommand('q', {})).toBe('quit');
    expect(matchCommand('G', { shift: true })).toBe('nav.bottom');
    expect(['/', 'r', 'n', 'y', '?', 'x', 'g'].map((k) => matchCommand(k, {}))).toEqual([
      'filter',
      'refresh',
      'namespace',
      'format.toggle',
      'help',
      'secret.reveal',
      'nav.top',
    ]);
  });

  test('keys that must not map to a command', () => {
    // Meta (Alt) with a bound letter: terminals send ESC + letter, which is not the letter.
    expect(matchCommand('j', { meta: true })).toBeUndefined();
    expect(matchCommand('q', { meta: true })).toBeUndefined();
    // Letters no binding uses, and the other case of bound ones (bindings are case-sensitive).
    for (const k of ['a', 'b', 'i', 'm', 'v', 'Z', 'J', 'H', 'Q', 'D', 'Y', 'X']) {
      expect(matchCommand(k, {}), k).toBeUndefined();
    }
    // Ctrl with a letter bound without Ctrl, and Ctrl on named keys bound without it.
    for (const k of ['j', 'k', 'q', 'l', 'x', 'r']) {
      expect(matchCommand(k, { ctrl: true }), `Ctrl-${k}`).toBeUndefined();
    }
    expect(matchCommand('', { return: true, ctrl: true })).toBeUndefined();
    expect(matchCommand('', { tab: true, ctrl: true })).toBeUndefined();
    // Nothing pressed that the keymap knows.
    expect(matchCommand('', {})).toBeUndefined();
    expect(matchCommand('jj', {})).toBeUndefined();
  });

  test('every command has a description and a visible binding', () => {
    const commands = new Set(KEYMAP.map((e) => e.command));
    expect(commands.size).toBe(KEYMAP.length);
    for (const e of KEYMAP) {
      expect(e.description).not.toBe('');
      expect(bindingLabel(e)).not.toBe('');
    }
  });
});

describe('highlight', () => {
  test('JSON lines get typed tokens', () => {
    const lines = toJsonLines({ name: 'web', replicas: 3, ready: true, owner: null, ratio: -1.5e3 });
    expect(lines[0]).toBe('{');
    const kinds = (line: string) =>
      highlightJsonLine(line)
        .filter((t) => t.kind !== 'plain' && t.kind !== 'punct')
        .map((t) => `${t.kind}:${t.text}`);
    expect(kinds(lines[1])).toEqual(['key:"name"', 'string:"web"']);
    expect(kinds(lines[2])).toEqual(['key:"replicas"', 'number:3']);
    expect(kinds(lines[3])).toEqual(['key:"ready"', 'boolean:true']);
    expect(kinds(lines[4])).toEqual(['key:"owner"', 'null:null']);
    expect(kinds(lines[5])).toEqual(['key:"ratio"', 'number:-1500']);
    // Tokens reassemble to the line.
    for (const l of lines)
      expect(
        highlightJsonLine(l)
          .map((t) => t.text)
          .join(''),
      ).toBe(l);
    expect(highlightJsonLine('  "a \\"q\\": b": "x:y",').map((t) => t.kind)).toContain('key');
  });

  test('YAML via the yaml package, highlighted', () => {
    const lines = toYamlLines(
      { metadata: { name: 'web', labels: { app: 'x' } }, replicas: 3, list: ['a', true] },
      (v) => stringify(v, YAML_OPTIONS),
    );
    expect(lines).toContain('  name: web');
    const toks = highlightYamlLine('  name: web');
    expect(toks.find((t) => t.kind === 'key')?.text).toBe('name');
    expect(toks.find((t) => t.kind === 'string')?.text).toBe(' web');
    expect(highlightYamlLine('replicas: 3').some((t) => t.kind === 'number')).toBe(true);
    expect(highlightYamlLine('  - true').some((t) => t.kind === 'boolean')).toBe(true);
    for (const l of lines)
      expect(
        highlightYamlLine(l)
          .map((t) => t.text)
          .join(''),
      ).toBe(l);
  });
});

describe('secrets', () => {
  const secret = {
    kind: 'Secret',
    apiVersion: 'v1',
    metadata: { name: 's', managedFields: [{ manager: 'x' }] },
    data: { password: 'aHVudGVyMg==' },
    stringData: { token: 'abc' },
  };
  test('maskSecret masks data and stringData values of Secrets only', () => {
    const m = maskSecret(secret);
    expect(m.data).toEqual({ password: MASK });
    expect(m.stringData).toEqual({ token: MASK });
    expect(secret.data.password).toBe('aHVudGVyMg=='); // not mutated
    const cm = { kind: 'ConfigMap', data: { a: 'b' } };
    expect(maskSecret(cm)).toBe(cm);
    const list = maskSecret({ kind: 'SecretList', items: [{ metadata: {}, data: { k: 'v' } }] });
    expect((list.items[0] as { data: unknown }).data).toEqual({ k: MASK });
    expect(maskSecret(null)).toBeNull();
  });

  test('maskSecret masks the values kubectl apply keeps in last-applied-configuration', () => {
    const applied = JSON.stringify({ kind: 'Secret', data: { password: 'aHVudGVyMg==' } });
    const s = {
      kind: 'Secret',
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': applied, other: 'kept' } },
      data: { password: 'aHVudGVyMg==' },
    };
    const m = maskSecret(s);
    const annotations = (m.metadata as { annotations: Record<string, string> }).annotations;
    expect(annotations.other).toBe('kept');
    expect(annotations['kubectl.kubernetes.io/last-applied-configuration']).not.toContain('aHVudGVyMg==');
    expect(JSON.parse(annotations['kubectl.kubernetes.io/last-applied-configuration']).data).toEqual({
      password: MASK,
    });
    const broken = maskSecret({
      ...s,
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{oops aHVudGVyMg==' } },
    });
    expect(JSON.stringify(broken)).not.toContain('aHVudGVyMg==');
  });

  test('managedFields hidden', () => {
    const h = hideManagedFields(secret);
    expect(h.metadata).toEqual({ name: 's' });
    expect(secret.metadata.managedFields).toBeDefined();
  });
});

describe('format', () => {
  test('ages like kubectl', () => {
    const now = Date.parse('2024-01-10T00:00:00Z');
    expect(formatAge('2024-01-09T23:59:15Z', now)).toBe('45s');
    expect(formatAge('2024-01-09T23:55:00Z', now)).toBe('5m');
    expect(formatAge('2024-01-09T22:00:00Z', now)).toBe('120m');
    expect(formatAge('2024-01-09T19:30:00Z', now)).toBe('4h30m');
    expect(formatAge('2024-01-08T00:00:00Z', now)).toBe('2d');
    expect(formatAge('2024-01-01T00:00:00Z', now)).toBe('9d');
    expect(humanDuration(3 * 365 * 86400_000)).toBe('3y');
    expect(formatAge(undefined, now)).toBe('<unknown>');
  });

  test("humanDuration: every boundary of apimachinery's HumanDuration", () => {
    const s = 1000;
    const m = 60 * s;
    const h = 60 * m;
    const d = 24 * h;
    const cases: [number, string][] = [
      [-2 * s, '<invalid>'],
      [-1500, '0s'],
      [0, '0s'],
      [119 * s + 999, '119s'],
      [120 * s, '2m'],
      [121 * s, '2m1s'],
      [9 * m + 59 * s, '9m59s'],
      [10 * m + 30 * s, '10m'],
      [179 * m, '179m'],
      [180 * m, '3h'],
      [7 * h + 59 * m, '7h59m'],
      [8 * h + 30 * m, '8h'],
      [47 * h, '47h'],
      [48 * h, '2d'],
      [7 * d + 23 * h, '7d23h'],
      [8 * d + 5 * h, '8d'],
      [729 * d, '729d'],
      [730 * d, '2y'],
      [731 * d, '2y1d'],
      [8 * 365 * d - d, '7y364d'],
      [8 * 365 * d + 40 * d, '8y'],
    ];
    expect(cases.map(([ms]) => humanDuration(ms))).toEqual(cases.map(([, want]) => want));
  });

  test('bytes and request lines', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3800)).toBe('3.8 kB');
    expect(
      formatRequest({
        id: 1,
        method: 'GET',
        path: '/apis/apps/v1',
        accept: '',
        status: 200,
        durationMs: 12.3,
        bytes: 3800,
        curl: '',
        kubectl: '',
        startedAt: 0,
      }),
    ).toBe('GET /apis/apps/v1 200 12 ms 3.8 kB');
  });

  test('columns shrink, then drop from the right, to fit', () => {
    const headers = ['NAME', 'KIND', 'VERBS'];
    const rows = [['deployments', 'Deployment', 'create,delete,get,list,patch,update,watch']];
    expect(layoutColumns(headers, rows, 200)).toEqual([11, 10, 41]);
    const w = layoutColumns(headers, rows, 40);
    expect(w[0]).toBe(11);
    expect(formatRow(rows[0], w).length).toBeLessThanOrEqual(40);
    const narrow = layoutColumns(headers, rows, 20);
    expect(narrow[0]).toBe(10); // half the width; KIND keeps its minimum, VERBS is dropped
    expect(narrow[2]).toBe(0);
    expect(formatRow(rows[0], narrow).length).toBeLessThanOrEqual(20);
    expect(formatRow(rows[0], layoutColumns(headers, rows, 5)).length).toBeLessThanOrEqual(5);
  });
});

describe('layout', () => {
  test('wide: three panes side by side filling the width', () => {
    const l = computeLayout(120, 40, 'groups');
    expect(l.mode).toBe('wide');
    expect(l.panes.map((p) => p.pane)).toEqual(['groups', 'resources', 'detail']);
    expect(l.panes.reduce((a, p) => a + p.width, 0)).toBe(120);
    expect(l.height).toBeLessThanOrEqual(40);
  });
  test('wide widths follow focus and content', () => {
    const widths = (focus: 'groups' | 'resources' | 'detail', o = {}) =>
      computeLayout(120, 40, focus, { groupsContent: 27, resourcesContent: 66, ...o }).panes.map((p) => p.width);
    const [g] = widths('groups');
    expect(g).toBe(33); // the longest group name, its cursor and the border
    const [, r] = widths('resources');
    expect(r).toBeGreaterThanOrEqual(72); // name, kind, scope, short names, verbs
    const [gd, rd, d] = widths('detail');
    expect(d).toBeGreaterThanOrEqual(80); // the table / document gets most of the width
    expect(gd + rd + d).toBe(120);
    // With a view open and the cursor back on Groups, Resources stays slim so the view keeps its room.
    expect(widths('groups', { detailFirst: true })[2]).toBeGreaterThan(widths('groups')[2]);
    for (const focus of ['groups', 'resources', 'detail'] as const) {
      for (const cols of [100, 120, 200]) {
        const l = computeLayout(cols, 30, focus, { groupsContent: 80, resourcesContent: 300 });
        expect(l.panes.reduce((a, p) => a + p.width, 0)).toBe(cols);
        expect(l.panes[2].width).toBeGreaterThanOrEqual(32);
      }
    }
  });
  test('footer lines: hints, request, curl, kubectl as height allows', () => {
    expect(computeLayout(120, 40, 'groups').footerLines).toBe(4);
    expect(computeLayout(80, 24, 'groups').footerLines).toBe(3);
    expect(computeLayout(40, 12, 'groups').footerLines).toBe(1);
  });
  test('narrow: the focused pane (plus detail when tall); never taller than the terminal', () => {
    expect(computeLayout(80, 24, 'resources').panes.map((p) => p.pane)).toEqual(['resources']);
    expect(computeLayout(80, 50, 'resources').panes.map((p) => p.pane)).toEqual(['resources', 'detail']);
    expect(computeLayout(80, 50, 'detail').panes.map((p) => p.pane)).toEqual(['detail']);
    for (const [c, r] of [
      [80, 24],
      [40, 12],
      [99, 30],
      [100, 12],
      [200, 60],
    ]) {
      for (const focus of ['groups', 'resources', 'detail'] as const) {
        const l = computeLayout(c, r, focus, { insecure: true });
        const body = l.mode === 'wide' ? l.panes[0].height : l.panes.reduce((a, p) => a + p.height, 0);
        expect(l.headerLines + (l.tabsLine ? 1 : 0) + body + l.footerLines).toBeLessThanOrEqual(l.height);
        expect(l.height).toBeLessThanOrEqual(r);
      }
    }
  });
});

describe('resource columns', () => {
  const rows = resourceRows(DISCOVERY.groups[0].versions[0]);
  test('verb mask: fixed positions, + for verbs outside the set', () => {
    expect(verbMask(['get', 'list', 'watch'])).toBe('glw-----');
    expect(verbMask(['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'])).toBe(
      'glwcupdD',
    );
    expect(verbMask(['get', 'proxy'])).toBe('g-------+');
  });
  test('always the mask, however wide (one notation); verbs outlast short names, kind and scope', () => {
    expect(resourceTable(rows, 200).rows.find((r) => r.startsWith('pods '))).toMatch(/\sglwcupdD$/);
    expect(resourceTable(rows, 200).rows.join('\n')).not.toContain('create');
    expect(resourceTable(rows, 60).rows.find((r) => r.startsWith('pods '))).toMatch(
      /^pods\s+Pod\s+Namespaced\s+po\s+glwcupdD$/,
    );
    const cells = rows.map((r) => resourceCells(r, 'mask'));
    const narrow = resourceColumnWidths(cells, 24);
    expect(narrow[4]).toBeGreaterThan(0); // verbs kept
    expect(narrow[3]).toBe(0); // short names dropped first
    for (const w of [10, 24, 40, 60]) {
      for (const line of resourceTable(rows, w).rows) expect(line.length).toBeLessThanOrEqual(w);
    }
  });
});

describe('request of the view', () => {
  const ev = (id: number, path: string): { event: RequestEvent } => ({
    event: { id, method: 'GET', path, accept: '', durationMs: 1, bytes: 1, curl: '', kubectl: '', startedAt: 0 },
  });
  test("the newest of the requests the view's loads returned; else the newest of all", () => {
    const log = [
      ev(1, '/api/v1/namespaces/default/pods?limit=500'),
      ev(2, '/api/v1/namespaces/default/pods?watch=1&resourceVersion=5'),
      ev(3, '/version'),
    ];
    expect(viewRequest(log, [1])?.id).toBe(1);
    expect(viewRequest(log, [1, 3])?.id).toBe(3);
    expect(viewRequest(log, [])?.id).toBe(3);
    expect(viewRequest(log, [7])?.id).toBe(3); // fell out of the ring
    expect(viewRequest([], [1])).toBeUndefined();
  });
});

describe('tree', () => {
  test('groups in server order, versions with preferred marked, then non-resource paths', () => {
    const rows = groupRows(DISCOVERY);
    expect(rows.map((r) => r.label)).toEqual([
      'core/v1 *',
      'apps/v1 *',
      'autoscaling/v2 *',
      '  autoscaling/v1',
      'metrics.k8s.io/v1beta1 * (stale) ⚠ error',
      'stable.example.com/v1 *',
      ...NON_RESOURCE_PATHS,
    ]);
    expect(groupRows(undefined).map((r) => r.label)).toEqual([...NON_RESOURCE_PATHS]);
  });
  test('subresources indented under their parent', () => {
    const rows = resourceRows(DISCOVERY.groups[1].versions[0]);
    expect(rows.map((r) => r.label)).toEqual(['deployments', '  deployments/scale', '  deployments/status']);
  });
});

describe('learning mode helpers', () => {
  const event = (id: number, path: string): RequestEvent => ({
    id,
    method: 'GET',
    path,
    accept: '',
    durationMs: 1,
    bytes: 1,
    curl: '',
    kubectl: '',
    startedAt: 0,
  });
  test('request log: bodies attached to their request by id, Secrets masked, ring bounded; watch events', () => {
    const log = new RequestLog();
    log.record(event(1, '/api/v1/namespaces/d/secrets/s'));
    log.attachBody(1, { body: '', json: { kind: 'Secret', data: { k: 'c2VjcmV0' } } });
    expect(log.snapshot()[0].body).toContain('"k": "••••••"');
    for (let i = 2; i < MAX_BODIES + 5; i++) {
      log.record(event(i, `/p${i}`));
      log.attachBody(i, { body: 'x' });
    }
    expect(log.snapshot().filter((e) => e.body !== undefined)).toHaveLength(MAX_BODIES);
    expect(log.snapshot()[0].body).toBeUndefined(); // the oldest body was dropped
    log.record(event(99, '/api/v1/pods?watch=1'));
    log.recordWatchEvent(99, { type: 'ADDED', object: { metadata: { name: 'a', namespace: 'n' } } });
    expect(log.snapshot().at(-1)?.watchEvents).toEqual([expect.objectContaining({ type: 'ADDED', name: 'n/a' })]);
  });
  test('request log: a list page is printed when its body is first read, never when it is forgotten unread', () => {
    const log = new RequestLog();
    const ref = { group: '', version: 'v1', resource: 'pods', namespaced: true };
    let printed = 0;
    const page = (id: number): ListPage => {
      const p = { format: 'objects', columns: [], rows: [], bytes: 100, requestId: id } as unknown as ListPage;
      Object.defineProperty(p, 'items', {
        enumerable: true,
        get: () => (printed++, [{ metadata: { name: `pod-${id}` } }]),
      });
      return p;
    };
    for (let i = 1; i <= MAX_BODIES + 5; i++) {
      log.record(event(i, `/api/v1/pods?limit=1&page=${i}`));
      log.attachListPage(page(i), ref);
    }
    expect(printed).toBe(0);
    const kept = log.snapshot().filter((e) => e.listPage);
    expect(kept).toHaveLength(MAX_BODIES);
    expect(log.snapshot()[0].body).toBeUndefined();
    const newest = log.snapshot().at(-1)!;
    expect(JSON.parse(newest.body!).items[0].metadata.name).toBe(`pod-${MAX_BODIES + 5}`);
    expect(newest.body).toBe(newest.body); // printed once
    expect(printed).toBe(1);
  });
  test('raw discovery: the aggregated entry of the group, or the legacy document; with format and cost', () => {
    const apps = DISCOVERY.groups[1].versions[0];
    const agg = rawDiscovery(DISCOVERY, apps);
    expect(agg.path).toBe('/apis');
    expect(agg.value).toEqual(expect.objectContaining({ metadata: { name: 'apps' } }));
    expect(agg.note).toBe(
      'as served: aggregated apidiscovery.k8s.io/v2 APIGroupDiscoveryList from GET /apis (the apps entry) · discovery took 2 request(s)',
    );
    const legacy = rawDiscovery(
      { ...DISCOVERY, format: 'legacy', requests: 9, rawDocuments: { '/apis/apps/v1': { kind: 'APIResourceList' } } },
      apps,
    );
    expect(legacy.value).toEqual({ kind: 'APIResourceList' });
    expect(legacy.note).toBe('as served: legacy APIResourceList from GET /apis/apps/v1 · discovery took 9 request(s)');
  });
  test('tour drive: a step selects its group, resource, namespace and view', () => {
    expect(tourDrive({ kind: 'path', path: '/version' }, DISCOVERY).actions).toEqual([
      { type: 'selectKey', list: 'groups', key: '/version' },
      { type: 'openPath', path: '/version' },
    ]);
    const objects = tourDrive(
      { kind: 'objects', groupVersion: 'v1', resource: 'pods', namespace: 'team-a' },
      DISCOVERY,
    );
    expect(objects.actions.map((a) => a.type)).toEqual([
      'selectKey',
      'openGroup',
      'selectKey',
      'setNamespace',
      'openObjects',
    ]);
    expect(objects.actions[0]).toEqual({ type: 'selectKey', list: 'groups', key: 'core/v1' });
    expect(
      tourDrive({ kind: 'object', groupVersion: 'v1', resource: 'pods', namespace: 'default' }, DISCOVERY)
        .openFirstObject,
    ).toBe(true);
    expect(tourDrive({ kind: 'groupVersion', groupVersion: 'nope/v1' }, DISCOVERY).actions).toEqual([]);
  });
  test('explain rows: one level at a time, expanded fields open, markers and required', () => {
    const leaf = (name: string, path: string[], required = false): FieldNode => ({
      name,
      path,
      type: 'string',
      description: `the ${name}`,
      required,
    });
    const root: FieldNode = {
      name: 'Pod',
      path: [],
      type: 'Pod',
      description: '',
      required: false,
      children: [
        leaf('kind', ['kind']),
        {
          name: 'spec',
          path: ['spec'],
          type: 'PodSpec',
          description: 'spec',
          required: false,
          children: [leaf('containers', ['spec', 'containers'], true)],
        },
      ],
    };
    expect(explainRows(root, [], undefined).map(explainRowText)).toEqual(['  kind  <string>', '▸ spec  <PodSpec>']);
    expect(explainRows(root, ['spec'], undefined).map(explainRowText)).toEqual([
      '  kind  <string>',
      '▾ spec  <PodSpec>',
      '    containers  <string> -required-',
    ]);
    expect(fieldDescription(root.children![1].children![0], 40)).toEqual([
      'FIELD: spec.containers <string> -required-',
      'the containers',
    ]);
  });
});
