// What scripts/bench.mjs needs from src, bundled on the fly by scripts/bench/bundle.mjs (the bench
// never imports TypeScript sources directly and never changes src/).
export { startSandbox } from '../../src/sandbox/server.js';
export type { Sandbox } from '../../src/sandbox/server.js';
export { ApiClient, connect } from '../../src/client/index.js';
