// Bundles the CLI with its dependencies into dist/ (ESM, code-split by dynamic import).
// Why bundle: measured on the 2-core machine, importing ink + react from node_modules costs ~370 ms
// and @kubernetes/client-node ~450 ms (thousands of small module files to resolve and read);
// bundled and minified they cost ~150 ms each, and code splitting keeps the client library out of
// the first frame's path.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

await build({
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: true,
  jsx: 'automatic',
  alias: { 'react-devtools-core': fileURLToPath(new URL('./stubs/react-devtools-core.js', import.meta.url)) },
  // CommonJS dependencies call require() for Node built-ins; give every ESM chunk one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __kapiCreateRequire } from 'node:module'; const require = __kapiCreateRequire(import.meta.url);",
  },
  legalComments: 'linked',
  logLevel: 'warning',
});
