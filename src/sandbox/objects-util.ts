// Small deterministic helpers for the sandbox's sample objects: fixed clock, stable uids,
// seeded randomness, base64. No I/O, no Math.random.

/** Every sample timestamp is this instant minus an offset, so the data is identical on every run. */
export const BASE_TIME_MS = Date.UTC(2026, 10, 1, 9, 0, 0); // 2026-11-01T09:00:00Z

/** RFC3339 (seconds precision, UTC) for BASE_TIME minus `secondsAgo`. */
export function ts(secondsAgo: number): string {
  return rfc3339(BASE_TIME_MS - secondsAgo * 1000);
}

/** RFC3339 with seconds precision, the way metav1.Time serialises. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** RFC3339 with microseconds, the way metav1.MicroTime serialises. */
export function rfc3339Micro(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** 32-bit FNV-1a. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(n: number): string {
  return BYTE_HEX[(n >>> 24) & 255]! + BYTE_HEX[(n >>> 16) & 255]! + BYTE_HEX[(n >>> 8) & 255]! + BYTE_HEX[n & 255]!;
}

/** A deterministic RFC 4122 v4-shaped uid derived from `key` (e.g. "Pod/team-a/web-x"). */
export function uidFor(key: string): string {
  // four FNV-1a variants in one pass (this runs for every generated bench pod)
  let a = 0x811c9dc5;
  let b = 0x1b873593;
  let c = 0x85ebca6b;
  let d = 0xc2b2ae35;
  for (let i = 0; i < key.length; i++) {
    const ch = key.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x01000193);
    c = Math.imul(c ^ ch, 0x01000193);
    d = Math.imul(d ^ ch, 0x01000193);
  }
  const ha = hex8(a);
  const hb = hex8(b);
  const hc = hex8(c);
  const variant = HEX[((c >>> 28) & 0x3) | 0x8];
  return `${ha}-${hb.slice(0, 4)}-4${hb.slice(5, 8)}-${variant}${hc.slice(1, 4)}-${hc.slice(4, 8)}${hex8(d)}`;
}

const HEX = '0123456789abcdef';

/** Deterministic lowercase hex string of `len` characters derived from `key`. */
export function hexFor(key: string, len: number): string {
  let out = '';
  let i = 0;
  while (out.length < len) out += hex8(fnv1a(key + '#' + i++));
  return out.slice(0, len);
}

// Kubernetes' rand.String alphabet (no vowels, no confusable characters).
const K8S_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** A kube-style random suffix (generateName / pod-template-hash style), deterministic from `key`. */
export function suffixFor(key: string, len: number): string {
  let out = '';
  let h = fnv1a(key);
  for (let i = 0; i < len; i++) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = (h ^ fnv1a(key, i + 1)) >>> 0;
    out += K8S_ALPHANUMS[h % K8S_ALPHANUMS.length];
  }
  return out;
}

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

/** Deterministic base64 text that looks like DER inside a PEM block. */
export function fakePem(label: string, key: string, bytes = 600): string {
  const rnd = prng(fnv1a(key));
  const buf = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) buf[i] = Math.floor(rnd() * 256);
  buf[0] = 0x30;
  buf[1] = 0x82;
  const body = buf
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}
