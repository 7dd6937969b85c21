// The YAML printer loads after the first frame: until it is there a YAML view says so, then shows
// the YAML (the App re-renders when it arrives).
import { render } from 'ink-testing-library';
import { expect, it } from 'vitest';
import { Text } from '../src/ui/Text.js';
import { YAML_LOADING, sourceLines } from '../src/ui/detailContent.js';
import { useYamlPrinter } from '../src/ui/useYamlPrinter.js';
import { waitForFrame } from './helpers/ui.js';

it('a YAML view before the printer has loaded says so; JSON never waits', () => {
  const src = { kind: 'value' as const, title: 't', value: { kind: 'Pod', metadata: { name: 'web' } } };
  expect(sourceLines(src, 'yaml', false, undefined)).toEqual({ lines: [YAML_LOADING], syntax: 'none', secret: false });
  expect(sourceLines(src, 'json', false, undefined).lines.at(0)).toBe('{');
  expect(Array.from(sourceLines(src, 'yaml', false, (v) => `printed ${JSON.stringify(v)}\n`).lines)).toEqual([
    'printed {"kind":"Pod","metadata":{"name":"web"}}',
  ]);
});

it("useYamlPrinter: nothing at first, then a printer with the views' options (no line folding)", async () => {
  function Probe() {
    const print = useYamlPrinter(true);
    if (!print) return <Text>not yet</Text>;
    const yaml = print({ metadata: { name: 'web' }, long: 'x'.repeat(200) });
    return (
      <Text>{yaml.includes(`long: ${'x'.repeat(200)}\n`) ? 'printed, one line per field' : `folded: ${yaml}`}</Text>
    );
  }
  const r = render(<Probe />);
  expect(r.lastFrame()).toBe('not yet');
  const f = await waitForFrame(r.lastFrame, (x) => x !== 'not yet', 5000);
  expect(f).toBe('printed, one line per field');
  r.unmount();
});
