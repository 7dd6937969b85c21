import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // forks: Ink and the sandbox touch process-wide state (stdout size, timers); isolate per file.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    // One line for the whole run when the real-kube-apiserver tests cannot run (no Go, not CI).
    globalSetup: ['test/helpers/real-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
