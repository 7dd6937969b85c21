// Each pane on its own, rendered with ink-testing-library.
import { afterEach, expect, test } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { Header, INSECURE_WARNING } from '../src/ui/Header.js';
import { GroupsPane } from '../src/ui/GroupsPane.js';
import { ResourcesPane } from '../src/ui/ResourcesPane.js';
import { DetailPane } from '../src/ui/DetailPane.js';
import { Footer } from '../src/ui/Footer.js';
import { HelpOverlay } from '../src/ui/HelpOverlay.js';
import { helpEntries } from '../src/model/help-entries.js';
import { helpLayout } from '../src/model/layout.js';
import { KEYMAP } from '../src/model/keymap.js';
import { listOf } from '../src/model/list.js';
import { groupRows, resourceRows } from '../src/model/tree.js';
import { toJsonLines } from '../src/model/highlight.js';
import { DISCOVERY, FakeApi } from './helpers/fake-api.js';
import { stripAnsi } from './helpers/ui.js';

afterEach(() => cleanup());
const frame = (f: string | undefined) => stripAnsi(f ?? '');
const list = (keys: string[], height = 20) => listOf(keys, height);

test('Header: context, mode, user, server version, namespace; insecure warning', () => {
  const api = new FakeApi({ insecure: true });
  const { lastFrame } = render(
    <Header
      connection={api.connection}
      serverVersion="v1.31.0"
      version="0.1.0"
      namespace="default"
      width={160}
      lines={2}
    />,
  );
  const f = frame(lastFrame());
  for (const s of [
    'kapi-tui 0.1.0',
    'context kapi-sandbox',
    'https://127.0.0.1:6443',
    'demo',
    'user admin',
    'server v1.31.0',
    'ns default',
    INSECURE_WARNING,
  ]) {
    expect(f).toContain(s);
  }
  const one = render(<Header connection={api.connection} namespace={undefined} width={60} lines={1} />);
  expect(frame(one.lastFrame())).toContain('INSECURE');
  expect(frame(one.lastFrame()).split('\n')).toHaveLength(1);
});

test('GroupsPane: focus marker, preferred versions, paths, failure count', () => {
  const rows = groupRows(DISCOVERY);
  const { lastFrame } = render(
    <GroupsPane
      rows={rows}
      list={list(rows.map((r) => r.label))}
      loading={false}
      failures={1}
      focused
      filtering={false}
      width={34}
      height={25}
    />,
  );
  const f = frame(lastFrame());
  expect(f).toContain('▶ Groups');
  expect(f).toContain('› core/v1 *');
  expect(f).toContain('  autoscaling/v1');
  expect(f).toContain('/openapi/v3');
  expect(f).toContain('1 group(s) failed');
});

test('GroupsPane renders only the visible window of a long list', () => {
  const rows = groupRows(DISCOVERY);
  const l = {
    ...list(
      rows.map((r) => r.label),
      4,
    ),
    cursor: 6,
    from: 5,
  };
  const { lastFrame } = render(
    <GroupsPane
      rows={rows}
      list={l}
      loading={false}
      failures={0}
      focused={false}
      filtering={false}
      width={34}
      height={10}
    />,
  );
  const f = frame(lastFrame());
  expect(f).toContain('   Groups'); // not focused: no marker
  expect(f).not.toContain('core/v1');
  expect(f).toContain('› /');
  expect(f).toContain('stable.example.com');
  expect(f).not.toContain('/livez');
});

test('ResourcesPane: header, name, kind, scope, short names, verbs; subresources indented', () => {
  const rows = resourceRows(DISCOVERY.groups[0].versions[0]);
  const pane = (width: number) =>
    frame(
      render(
        <ResourcesPane
          title="Resources v1"
          rows={rows}
          list={list(rows.map((r) => r.label))}
          focused={false}
          filtering={false}
          width={width}
          height={20}
        />,
      ).lastFrame(),
    );
  // Wide: the same fixed-position letter mask as everywhere (one notation), its legend in the title.
  let f = pane(140);
  expect(f).toMatch(/NAME\s+KIND\s+SCOPE\s+SHORT\s+VERBS/);
  expect(f).toMatch(/pods\s+Pod\s+Namespaced\s+po\s+glwcupdD/);
  expect(f).not.toMatch(/create,|,watch/);
  expect(f).toContain('verbs: g get  l list  w watch  c create  u update  p patch  d delete  D deletecollection');
  expect(f).toMatch(/namespaces\s+Namespace\s+Cluster\s+ns/);
  expect(f).toMatch(/ {4}pods\/log\s+Pod\s+g-------/);
  expect(f).toMatch(/ {4}pods\/exec\s+PodExecOptions/);
  // Narrower: every column still shown; the title has room for the short legend only.
  f = pane(80);
  expect(f).toContain('verbs glwcupdD: ? explains');
  expect(f).toMatch(/pods\s+Pod\s+Namespaced\s+po\s+glwcupdD/);
  expect(f).toMatch(/ {4}pods\/log\s+Pod\s+g-------/);
  expect(f).toMatch(/ {4}pods\/exec\s+PodExecOpt\S*\s+g--c----/);
});

test('DetailPane: text window, table, error with hint, loading', () => {
  const lines = toJsonLines(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`key${i}`, i])));
  const text = render(
    <DetailPane
      title="Detail: x"
      body={{ kind: 'text', lines, syntax: 'json', scroll: 50 }}
      focused
      filtering={false}
      width={60}
      height={12}
    />,
  );
  let f = frame(text.lastFrame());
  expect(f).toContain('▶ Detail: x');
  expect(f).toContain('"key49": 49');
  expect(f).not.toContain('"key48"');
  expect(f).not.toContain('"key60"');
  expect(f).toContain('51-59/102');

  const t = list(['a/web-0', 'a/web-1']);
  const table = render(
    <DetailPane
      title="pods"
      body={{
        kind: 'table',
        header: 'NAME   AGE',
        row: (i) => ['web-0  5d', 'web-1  5d'][i],
        ticking: false,
        list: t,
        loading: true,
        note: () => '2 object(s)',
      }}
      focused={false}
      filtering={false}
      width={60}
      height={12}
    />,
  );
  f = frame(table.lastFrame());
  expect(f).toContain('NAME   AGE');
  expect(f).toContain('› web-0  5d');
  expect(f).toContain('2 object(s)');

  const err = render(
    <DetailPane
      title="x"
      body={{
        kind: 'error',
        error: { title: 'HTTP 403 Forbidden', detail: 'pods is forbidden', hint: 'ask for RBAC' },
      }}
      focused={false}
      filtering={false}
      width={60}
      height={12}
    />,
  );
  f = frame(err.lastFrame());
  expect(f).toContain('HTTP 403 Forbidden');
  expect(f).toContain('pods is forbidden');
  expect(f).toContain('hint: ask for RBAC');

  const loading = render(
    <DetailPane
      title="x"
      body={{ kind: 'loading', message: 'listing…' }}
      focused={false}
      filtering={false}
      width={60}
      height={8}
    />,
  );
  expect(frame(loading.lastFrame())).toContain('listing…');
});

test('Footer: hints, the request line, its curl and kubectl equivalents', () => {
  const ev = {
    id: 1,
    method: 'GET' as const,
    path: '/apis/apps/v1',
    accept: '',
    status: 200,
    durationMs: 12,
    bytes: 3800,
    curl: "curl --cacert ca.crt 'https://h/apis/apps/v1'",
    kubectl: 'kubectl get --raw /apis/apps/v1',
    startedAt: 0,
  };
  const four = frame(render(<Footer hints="? help  q quit" request={ev} width={100} lines={4} />).lastFrame()).split(
    '\n',
  );
  expect(four[0]).toContain('? help  q quit');
  expect(four[1]).toMatch(/^GET \/apis\/apps\/v1 200 12 ms 3.8 kB/);
  expect(four[2]).toContain("$ curl --cacert ca.crt 'https://h/apis/apps/v1'");
  expect(four[3]).toContain('$ kubectl get --raw /apis/apps/v1');
  // Three lines: kubectl joins the request line (which still starts with the request).
  const three = frame(render(<Footer hints="? help" request={ev} width={100} lines={3} />).lastFrame()).split('\n');
  expect(three[1]).toMatch(/^GET \/apis\/apps\/v1 200 12 ms 3.8 kB\s+\$ kubectl get --raw/);
  expect(three[2]).toContain('$ curl');
});

test('HelpOverlay lists every keymap entry and the verb legend, descriptions wrapped, never cut', () => {
  const f = frame(render(<HelpOverlay width={100} height={80} />).lastFrame());
  const text = f.replace(/[║│╔╗╚╝═]/g, ' ').replace(/\s+/g, ' ');
  for (const e of KEYMAP) expect(text).toContain(e.description);
  expect(text).toContain('g get · l list · w watch · c create · u update · p patch · d delete · D deletecollection');
  expect(f).toContain('Ctrl-U');
  expect(f).toContain('Shift-Tab');
  expect(f).not.toContain('…');
});

test.each([
  [80, 24],
  [60, 20],
  [80, 10],
])('HelpOverlay at %ix%i: the pages hold every line of every entry, nothing cut', (columns, rows) => {
  const entries = helpEntries();
  const { pages, lines } = helpLayout(entries, columns, rows);
  expect(pages).toBeGreaterThan(1);
  const seen: string[] = [];
  for (let page = 0; page < pages; page++) {
    const f = frame(render(<HelpOverlay width={columns} height={rows} page={page} />).lastFrame());
    expect(f).toContain(`${page + 1}/${pages}  j/k: more keys`);
    expect(f).not.toContain('…');
    for (const l of f.split('\n')) seen.push(l);
  }
  // Every wrapped line is on some page, and the text of every entry is there whole.
  const shown = seen.join('\n');
  for (const l of lines.filter((x) => x.trim())) expect(shown).toContain(l.trimEnd());
  // ...and those lines hold each description whole, in order (wrapping only moved words down).
  const text = lines.join(' ').replace(/\s+/g, ' ');
  for (const e of entries) expect(text).toContain(e.description);
  // Past the end: the last page.
  const last = frame(render(<HelpOverlay width={columns} height={rows} page={99} />).lastFrame());
  expect(last).toContain(`${pages}/${pages}`);
});
