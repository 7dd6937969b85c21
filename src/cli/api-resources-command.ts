// `kapi-tui api-resources`: what `kubectl api-resources` prints, from the TUI's own discovery code.
import { ApiClient, connect, explainError } from '../client/index.js';
import { apiResourceRows, formatApiResources } from '../model/api-resources.js';
import { printable } from '../model/terminal-text.js';
import type { CliArgs } from './args.js';
import { warningLines } from './tui-command.js';

export async function runApiResourcesCommand(args: CliArgs): Promise<number> {
  try {
    if (args.demo)
      throw new Error('api-resources does not start the sandbox; run `kapi-tui sandbox` and pass --kubeconfig');
    const api = new ApiClient(await connect(args));
    process.stderr.write(warningLines(api));
    const discovery = await api.discover();
    for (const f of discovery.failures) {
      process.stderr.write(
        printable(`error: unable to retrieve the complete list of server APIs: ${f.groupVersion}: ${f.message}`) + '\n',
      );
    }
    const rows = apiResourceRows(discovery, { apiGroup: args.apiGroup, namespaced: args.namespaced });
    // Names come from the server (an aggregated API can send anything): no control sequences out.
    process.stdout.write(printable(formatApiResources(rows, args.output)));
    return discovery.failures.length > 0 ? 1 : 0;
  } catch (err) {
    const e = explainError(err);
    process.stderr.write(printable(`kapi-tui: ${e.title}: ${e.detail}\n${e.hint ? `hint: ${e.hint}\n` : ''}`));
    return 1;
  }
}
