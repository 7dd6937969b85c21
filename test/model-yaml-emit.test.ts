// The sliced YAML printer for large values: what it prints parses back to the same value, scalars
// that plain style would misread are quoted, and it stops after each slice.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SLICED_YAML_NODES, SlicedYamlPrinter, isLargeForYaml, yamlScalar } from '../src/model/yaml-emit.js';

function printAll(value: unknown): string[] {
  const p = new SlicedYamlPrinter(value);
  while (!p.step(5));
  return p.lines;
}

const TRICKY = {
  apiVersion: 'v1',
  metadata: {
    name: 'web',
    labels: { 'app.kubernetes.io/name': 'x', 'a b': 'yes', 日本: 'é' },
    annotations: { script: 'line1\nline2\n', gap: 'a\n\nb', lead: ' lead\nx', tail: 'x\n\n', crlf: 'a\r\nb' },
    creationTimestamp: '2024-01-01T00:00:00Z',
  },
  spec: {
    containers: [{ name: 'c', image: 'nginx:1.27', env: [], resources: {}, ports: [{ containerPort: 80 }] }],
    args: ['-c', 'echo: hi', '', '#x', '1.0', '2024-01-01', 'null', 'NO', '0x1f', '1e5', '.inf', '@x', '*a', '&a'],
    more: ['!t', '%p', "'q", '"d', '- a', '? q', '[x', '{x', 'a #b', 'ta\tb', '\u0085', '\u2028', 'x:', '~'],
    nested: [[1, [2, {}]], [], [{ a: [{ b: null }] }]],
    n: null,
    b: false,
    f: 1.5,
    neg: -3,
  },
  '': 'empty key',
  '- k': 1,
  'x: y': 2,
};

describe('SlicedYamlPrinter', () => {
  it('prints block YAML that parses back to the same value', () => {
    const lines = printAll(TRICKY);
    expect(parse(lines.join('\n'))).toEqual(TRICKY);
    // The views' style: a line per field, sequences indented under their key, literal blocks for text.
    expect(lines).toContain('  containers:');
    expect(lines).toContain('    - name: c');
    expect(lines).toContain('      image: nginx:1.27');
    expect(lines).toContain('    script: |');
    expect(lines).toContain('    gap: |-');
    expect(lines).toContain('  creationTimestamp: "2024-01-01T00:00:00Z"');
    expect(lines).toContain('    - - 1');
  });

  it('quotes what plain style would turn into another type or syntax', () => {
    for (const s of [
      'true',
      'No',
      'null',
      '~',
      '1.0',
      '0755',
      '1e3',
      '.nan',
      '',
      ' x',
      'x ',
      'a: b',
      'a #b',
      '-x',
      '2024-01-01',
    ])
      expect(yamlScalar(s), s).toMatch(/^"/);
    for (const s of ['nginx:1.27', 'app.kubernetes.io/name', 'Running', 'a b', '10.0.0.1/24x', 'é'])
      expect(yamlScalar(s), s).toBe(s);
  });

  it('works a slice at a time: a large value takes many steps, each short', () => {
    const big = { items: Array.from({ length: 30_000 }, (_, i) => ({ name: `pod-${i}`, labels: { app: 'x' } })) };
    expect(isLargeForYaml(big)).toBe(true);
    expect(isLargeForYaml(TRICKY)).toBe(false);
    expect(SLICED_YAML_NODES).toBeLessThan(30_000);
    const p = new SlicedYamlPrinter(big);
    let steps = 0;
    while (!p.step(1)) steps++;
    expect(steps).toBeGreaterThan(5);
    expect(p.lines).toHaveLength(1 + 30_000 * 3);
    expect(p.lines.slice(0, 4)).toEqual(['items:', '  - name: pod-0', '    labels:', '      app: x']);
  });

  it('a document nested deeper than block YAML should go says so (the caller shows JSON instead)', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    const p = new SlicedYamlPrinter(deep);
    while (!p.step(5));
    expect(p.tooDeep).toBe(true);
  });
});
