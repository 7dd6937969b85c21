import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { viteDependencyPatches } from './scripts/dependency-patches.mjs';

const INK_SOURCEMAP =
  /^Sourcemap for ".*[\\/]node_modules[\\/](ink(-testing-library)?|@alcalzone[\\/]ansi-tokenize)[\\/].*" points to missing source files$/;

/** Ink's (and ansi-tokenize's) published source maps name sources they do not publish; loading them
 *  through Vite (below) would warn about that for each of their modules in every test file. */
const quietInkSourcemaps: Plugin = {
  name: 'quiet-ink-sourcemaps',
  configResolved(config) {
    const warnOnce = config.logger.warnOnce.bind(config.logger);
    config.logger.warnOnce = (message, options) => {
      if (!INK_SOURCEMAP.test(message)) warnOnce(message, options);
    };
  },
};

export default defineConfig({
  // The CLI bundles a patched Ink (scripts/dependency-patches.mjs); the UI tests run the same one.
  plugins: [viteDependencyPatches(), quietInkSourcemaps],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // forks: Ink and the sandbox touch process-wide state (stdout size, timers); isolate per file.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    // Loaded through Vite, not by Node, so the patches apply: Ink, and ink-testing-library (which
    // imports Ink: one Ink for the App and the test renderer).
    server: {
      deps: {
        inline: [
          /[\\/]node_modules[\\/]ink[\\/]/,
          /[\\/]node_modules[\\/]@alcalzone[\\/]ansi-tokenize[\\/]/,
          /[\\/]node_modules[\\/]ink-testing-library[\\/]/,
          // Unicode width and grapheme splitting (their start-up patches), Ink's and the model's.
          /[\\/]node_modules[\\/](string-width|slice-ansi|wrap-ansi)[\\/]/,
          // yoga started synchronously (no top-level await), as in the CommonJS explorer bundle.
          /[\\/]node_modules[\\/]yoga-layout[\\/]/,
        ],
      },
    },
    // One line for the whole run when the real-kube-apiserver tests cannot run (no Go, not CI).
    globalSetup: ['test/helpers/real-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
