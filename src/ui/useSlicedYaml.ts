// A large value's YAML printed a few milliseconds at a time (SlicedYamlPrinter), between which
// Ink reads keys: `y` on a 30 MB object no longer holds q, the arrows or Esc for seconds.
import { useEffect, useState } from 'react';
import { TOO_DEEP_FOR_YAML, toJsonLines } from '../model/highlight.js';
import { SlicedYamlPrinter } from '../model/yaml-emit.js';

/** Printing time per slice: well under a frame (Ink draws at most every 33 ms). */
const SLICE_MS = 8;
/** How often the "printing" line updates its count (each update is a render). */
const PROGRESS_EVERY_MS = 250;

export interface SlicedYaml {
  /** The YAML lines once the whole value is printed. */
  lines?: string[];
  /** Lines printed so far. */
  printed: number;
}

/** Says a large YAML view is still being printed (the count grows while it is). */
export function yamlPrintingLine(printed: number): string {
  return `(printing YAML… ${printed.toLocaleString('en-US')} lines so far)`;
}

/** The YAML of `value` (undefined: nothing to print), printed in slices after the render. */
export function useSlicedYaml(value: unknown): SlicedYaml {
  const [state, setState] = useState<{ value: unknown } & SlicedYaml>({ value: undefined, printed: 0 });
  useEffect(() => {
    if (value === undefined) return undefined;
    const printer = new SlicedYamlPrinter(value);
    let timer: NodeJS.Immediate | undefined;
    let lastProgress = performance.now();
    const slice = () => {
      if (printer.step(SLICE_MS)) {
        const lines = printer.tooDeep ? [TOO_DEEP_FOR_YAML, ...toJsonLines(value)] : printer.lines;
        setState({ value, lines, printed: lines.length });
        return;
      }
      if (performance.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = performance.now();
        setState({ value, printed: printer.lines.length });
      }
      // setImmediate: after the I/O callbacks (the keys on stdin) that arrived meanwhile.
      timer = setImmediate(slice);
    };
    timer = setImmediate(slice);
    return () => {
      if (timer) clearImmediate(timer);
    };
  }, [value]);
  return state.value === value ? state : { printed: 0 };
}
