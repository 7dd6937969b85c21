// Renders the explorer into the real terminal. Imported lazily by the CLI so that `--help` and
// `api-resources` never load Ink and React.
import { render } from 'ink';
import type { KubeApi } from '../client/types.js';
import type { Discovery } from '../model/types.js';
import { App, type ContextSwitcher } from './App.js';

export interface LaunchOptions {
  version: string;
  /** null: all namespaces (-A). */
  initialNamespace?: string | null;
  /** `--tour`: open the guided tour at its first step. */
  startTour?: boolean;
  /** The cached discovery, when there is one: drawn in the first frame. */
  initialDiscovery?: Discovery;
  /** `:ctx` (kubeconfig connections). */
  contexts?: ContextSwitcher;
  /** The CLI painted the header already (cli/first-paint.ts): the first frame clears the screen in
   *  its own write (Ink's first frame overwrites only the cells it draws). */
  replacesFirstPaint?: boolean;
}

const CLEAR_SCREEN = '\u001B[H\u001B[2J';

/** `stdout` whose first write is preceded, in the same write, by `prefix`. */
function prefixFirstWrite(stdout: NodeJS.WriteStream, prefix: string): NodeJS.WriteStream {
  let first = true;
  return new Proxy(stdout, {
    get(target, prop) {
      if (prop === 'write' && first) {
        return (chunk: string | Uint8Array, ...rest: unknown[]) => {
          first = false;
          const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
          return (target.write as (...a: unknown[]) => boolean)(prefix + text, ...rest);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Shared with the benchmark so it measures what ships. We own quitting (q, Ctrl-C) and never
 *  print outside Ink. (Ink's incrementalRendering was tried: in tmux it left stale lines at the top
 *  and lost the footer, so full frames it is.) */
export const RENDER_OPTIONS = { exitOnCtrlC: false, patchConsole: false } as const;

/** Resolves when the user quits. `onMounted` gets the unmount: the CLI unmounts before it gives the
 *  terminal back on a crash or a signal (else Ink repaints its last frame on exit). */
export async function launchApp(
  api: KubeApi,
  opts: LaunchOptions,
  onMounted?: (unmount: () => void) => void,
): Promise<void> {
  const instance = render(
    <App
      api={api}
      version={opts.version}
      initialNamespace={opts.initialNamespace}
      startTour={opts.startTour}
      initialDiscovery={opts.initialDiscovery}
      contexts={opts.contexts}
    />,
    opts.replacesFirstPaint
      ? { ...RENDER_OPTIONS, stdout: prefixFirstWrite(process.stdout, CLEAR_SCREEN) }
      : RENDER_OPTIONS,
  );
  performance.mark('explorer: first render done');
  onMounted?.(() => instance.unmount());
  await instance.waitUntilExit();
}
