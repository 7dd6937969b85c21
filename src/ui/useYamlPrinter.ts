// The YAML printer for the detail pane's `y` view. The yaml library (~115 KB) is loaded after the
// first frame, not before it (start-up time): preloaded shortly after start, or at once when YAML is
// asked for sooner; until it is there the pane says so for that moment.
import { useEffect, useState } from 'react';
import { loadYaml } from '../client/load-yaml.js';
import { YAML_OPTIONS, type YamlPrinter } from '../model/highlight.js';

/** After this long the printer is loaded anyway, so that `y` finds it ready. */
const PRELOAD_AFTER_MS = 300;

let loading: Promise<YamlPrinter> | undefined;

function loadYamlPrinter(): Promise<YamlPrinter> {
  loading ??= loadYaml().then(
    ({ stringify }) =>
      (value: unknown) =>
        stringify(value, YAML_OPTIONS),
  );
  return loading;
}

/** The printer, or undefined until it has loaded. */
export function useYamlPrinter(wanted: boolean): YamlPrinter | undefined {
  const [printer, setPrinter] = useState<YamlPrinter | undefined>(undefined);
  useEffect(() => {
    if (printer) return undefined;
    let live = true;
    const load = () => void loadYamlPrinter().then((p) => live && setPrinter(() => p));
    if (wanted) {
      load();
      return () => {
        live = false;
      };
    }
    const timer = setTimeout(load, PRELOAD_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wanted, printer]);
  return printer;
}
