// useAbortableLoad: a load superseded by new inputs is aborted and its late answer dropped; an
// unmount aborts; no inputs, no load.
import { useState } from 'react';
import { render } from 'ink-testing-library';
import { expect, it } from 'vitest';
import { Text } from '../src/ui/Text.js';
import { useAbortableLoad } from '../src/ui/useAbortableLoad.js';
import { waitForFrame } from './helpers/ui.js';

interface Pending {
  n: number;
  signal: AbortSignal;
  resolve: (v: string) => void;
  reject: (e: unknown) => void;
}

function harness() {
  const started: Pending[] = [];
  function Probe({ n }: { n: number | undefined }) {
    const [shown, setShown] = useState('nothing');
    useAbortableLoad(
      {
        start:
          n === undefined
            ? undefined
            : (signal) =>
                new Promise<string>((resolve, reject) => {
                  started.push({ n, signal, resolve, reject });
                }),
        done: setShown,
        failed: (err) => setShown(`failed: ${String(err)}`),
      },
      [n],
    );
    return <Text>{shown}</Text>;
  }
  return { started, Probe };
}

it('a superseded load is aborted and what it delivers late is dropped', async () => {
  const { started, Probe } = harness();
  const r = render(<Probe n={1} />);
  r.rerender(<Probe n={2} />);
  expect(started.map((p) => [p.n, p.signal.aborted])).toEqual([
    [1, true],
    [2, false],
  ]);
  started[1].resolve('two');
  await waitForFrame(r.lastFrame, (f) => f === 'two', 2000);
  started[0].resolve('one');
  started[0].reject(new Error('late'));
  await Promise.resolve();
  r.rerender(<Probe n={2} />);
  expect(r.lastFrame()).toBe('two');
  r.unmount();
  expect(started[1].signal.aborted).toBe(true);
});

it('failures reach `failed`; without inputs nothing starts', async () => {
  const { started, Probe } = harness();
  const r = render(<Probe n={undefined} />);
  expect(started).toHaveLength(0);
  r.rerender(<Probe n={3} />);
  started[0].reject(new Error('403'));
  await waitForFrame(r.lastFrame, (f) => f === 'failed: Error: 403', 2000);
  r.unmount();
});
