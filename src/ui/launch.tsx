// Renders the explorer into the real terminal. Imported lazily by the CLI so that `--help` and
// `api-resources` never load Ink and React.
import { render } from 'ink';
import type { KubeApi } from '../client/types.js';
import { App } from './App.js';

export interface LaunchOptions {
  version: string;
  initialNamespace?: string;
  /** `--tour`: open the guided tour at its first step. */
  startTour?: boolean;
}

/** Resolves when the user quits. */
export async function launchApp(api: KubeApi, opts: LaunchOptions): Promise<void> {
  const instance = render(<App api={api} version={opts.version} initialNamespace={opts.initialNamespace} startTour={opts.startTour} />, {
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await instance.waitUntilExit();
}
