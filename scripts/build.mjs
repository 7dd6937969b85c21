// Bundles the CLI with its dependencies into dist/ (ESM, code-split by dynamic import), and writes
// THIRD_PARTY_NOTICES for the packages compiled into it.
// Why bundle: measured on the 2-core machine, importing ink + react from node_modules costs ~370 ms
// and @kubernetes/client-node ~450 ms (thousands of small module files to resolve and read);
// bundled and minified they cost ~150 ms each, and code splitting keeps the client library out of
// the first frame's path. The package therefore has no runtime dependencies.
import { build } from 'esbuild';
import { rm, writeFile } from 'node:fs/promises';
import { requireBanner, sharedOptions } from './build-options.mjs';
import { dropLibraryOnlySourceMaps } from './source-maps.mjs';
import { thirdPartyNotices } from './third-party-notices.mjs';

// Old hashed chunks would pile up and could be loaded by a stale entry.
await rm('dist', { recursive: true, force: true });

/** The explorer ships once, as dist/launch.cjs (below): the ES chunks' import of it, which serves
 *  runs from src (tests) and a dist without that file, points at that file instead of a second copy. */
const explorerOnce = {
  name: 'explorer-once',
  setup(b) {
    b.onResolve({ filter: /\/ui\/launch\.js$/ }, (args) =>
      args.importer.endsWith('tui-command.ts') ? { path: './launch.cjs', external: true } : undefined,
    );
  },
};

const { metafile } = await build({
  ...sharedOptions,
  plugins: [...sharedOptions.plugins, explorerOnce],
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  banner: { js: `#!/usr/bin/env node\n${requireBanner}` },
  legalComments: 'linked',
  // The maps serve crash reports (file, line, column), never a debugger: no copy of the sources.
  sourcesContent: false,
  metafile: true,
});

// The explorer again, as one CommonJS file: src/cli/code-cache.ts loads it with a V8 code cache,
// which Node 20 has for scripts only, not for ES modules. (The ES chunks above still serve tests of
// the bundle and any start without dist/launch.cjs.)
const launchCjs = await build({
  ...sharedOptions,
  entryPoints: { launch: 'src/ui/launch.tsx' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  splitting: false,
  define: { ...sharedOptions.define, 'import.meta.url': '__kapiImportMetaUrl' },
  banner: { js: "var __kapiImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'linked',
  sourcesContent: false,
  metafile: true,
});

await dropLibraryOnlySourceMaps(metafile);
const outputs = { ...metafile.outputs, ...launchCjs.metafile.outputs };
await writeFile('THIRD_PARTY_NOTICES', await thirdPartyNotices({ ...metafile, outputs }));
