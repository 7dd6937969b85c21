// Entry point. Only node:util is imported eagerly: each command loads what it needs, so that
// `--help` and `--version` answer instantly and the TUI can paint before heavy modules load.
import { parseCliArgs, USAGE, UsageError } from './args.js';
import pkg from '../../package.json' with { type: 'json' };

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(err.showUsage ? `kapi-tui: ${err.message}\n\n${USAGE}` : `kapi-tui: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.version) {
    process.stdout.write(`kapi-tui ${pkg.version}\n`);
    return 0;
  }
  switch (args.command) {
    case 'sandbox':
      return (await import('./sandbox-command.js')).runSandboxCommand(args);
    case 'api-resources':
      return (await import('./api-resources-command.js')).runApiResourcesCommand(args);
    default:
      return (await import('./tui-command.js')).runTui(args, pkg.version);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`kapi-tui: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
