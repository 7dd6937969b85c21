/** Where `kubectl proxy` listens unless told otherwise: `--proxy` without a URL, and the tour's example. */
export const DEFAULT_PROXY_URL = 'http://127.0.0.1:8001';
