// Summarises a V8 CPU profile (node --cpu-prof, or `npm run bench -- --profile DIR`): self time by
// package / source file / function, mapped back through source maps (dist/*.js.map, or the inline
// maps of the bench bundle), so minified chunks read as src/ui/App.tsx or node_modules/ink/....
//
//   node scripts/bench/cpuprofile-top.mjs FILE.cpuprofile [--top 25] [--from MS] [--to MS]
//        [--timeline MS] [--phases FILE.json]
//   --from/--to: only samples in this window (ms since the profile started).
//   --timeline MS: also print, per MS-long slice of the profile, where its time went (by package).
//   --phases FILE: a JSON object { name: [fromUs, toUs] } of monotonic-clock microseconds
//                  (process.hrtime; the UI bench writes one per run with --profile): one summary
//                  per phase instead of one for the whole profile.
//   --callers TEXT: also print who called the functions whose mapped name contains TEXT (their
//                   self time by caller chain, 6 frames up).
import { readFileSync, existsSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    timeline: { type: 'string' },
    phases: { type: 'string' },
    callers: { type: 'string' },
  },
});
const file = positionals[0];
if (!file) {
  process.stderr.write(
    'usage: node scripts/bench/cpuprofile-top.mjs FILE.cpuprofile [--top N] [--from MS] [--to MS] [--timeline MS] [--phases FILE] [--callers TEXT]\n',
  );
  process.exit(2);
}
const TOP = Number(values.top ?? 25);
const SLICE = values.timeline === undefined ? 0 : Number(values.timeline);

const profile = JSON.parse(readFileSync(file, 'utf8'));
const maps = new Map();
function mapFor(url) {
  if (maps.has(url)) return maps.get(url);
  let map = null;
  try {
    if (url.startsWith('file://')) {
      const path = fileURLToPath(url);
      const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
      const inline =
        /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\s*$/.exec(text);
      if (inline) map = new SourceMap(JSON.parse(Buffer.from(inline[1], 'base64').toString('utf8')));
      else if (existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
    }
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

const whereCache = new Map();
function where(cf) {
  const key = `${cf.url}:${cf.lineNumber}:${cf.columnNumber}:${cf.functionName}`;
  if (whereCache.has(key)) return whereCache.get(key);
  const url = cf.url || '';
  let w;
  if (!url) w = { source: `(${cf.functionName || 'program'})`, fn: cf.functionName || '(anonymous)' };
  else {
    const map = mapFor(url);
    const e = map?.findEntry(cf.lineNumber, cf.columnNumber);
    if (e && e.originalSource) {
      const src = e.originalSource.replace(/^.*?(node_modules\/|src\/|scripts\/)/, '$1');
      w = { source: src, fn: `${e.name || cf.functionName || '(anonymous)'} (${src}:${e.originalLine + 1})` };
    } else {
      const src = url.startsWith('node:') ? url : url.replace(/^.*?(node_modules\/|dist\/|src\/)/, '$1');
      w = { source: src, fn: `${cf.functionName || '(anonymous)'} (${src}:${cf.lineNumber + 1})` };
    }
  }
  whereCache.set(key, w);
  return w;
}

const pkgOf = (source) => {
  const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (m) return m[1];
  if (source.startsWith('src/')) return source.split('/').slice(0, 2).join('/');
  return source;
};
const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

/** Self time per node id for samples in [fromMs, toMs] (ms since the profile started). */
function selfTimes(fromMs, toMs) {
  const self = new Map();
  let t = 0;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] / 1000;
    if (t < fromMs || t > toMs) continue;
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
    add(self, profile.samples[i], dt);
    total += dt;
  }
  return { self, total, end: t };
}

function summarize(title, fromMs, toMs, top) {
  const { self, total, end } = selfTimes(fromMs, toMs);
  const byPkg = new Map();
  const bySource = new Map();
  const byFn = new Map();
  for (const [id, ms] of self) {
    const w = where(byId.get(id).callFrame);
    add(byPkg, pkgOf(w.source), ms);
    add(bySource, w.source, ms);
    add(byFn, w.fn, ms);
  }
  const span = Math.min(toMs, end) - Math.max(0, fromMs);
  process.stdout.write(`\n=== ${title}: ${total.toFixed(0)} ms sampled over ${span.toFixed(0)} ms\n`);
  const show = (name, m) => {
    process.stdout.write(`-- self time by ${name}\n`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      process.stdout.write(
        `${v.toFixed(1).padStart(9)} ms ${((100 * v) / (total || 1)).toFixed(1).padStart(5)}%  ${k}\n`,
      );
    }
  };
  show('package / src folder', byPkg);
  show('source file', bySource);
  show('function', byFn);
}

if (values.phases) {
  const phases = JSON.parse(readFileSync(values.phases, 'utf8'));
  for (const [name, [fromUs, toUs]] of Object.entries(phases)) {
    summarize(name, (fromUs - profile.startTime) / 1000, (toUs - profile.startTime) / 1000, TOP);
  }
} else {
  const from = values.from === undefined ? -Infinity : Number(values.from);
  const to = values.to === undefined ? Infinity : Number(values.to);
  summarize(file, from, to, TOP);
}

if (SLICE > 0) {
  const slices = new Map();
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] / 1000;
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i]) / 1000;
    const k = Math.floor(t / SLICE);
    if (!slices.has(k)) slices.set(k, new Map());
    add(slices.get(k), pkgOf(where(byId.get(profile.samples[i]).callFrame).source), dt);
  }
  process.stdout.write(`\ntimeline (${SLICE} ms slices: top packages by self time)\n`);
  for (const [k, m] of [...slices].sort((a, b) => a[0] - b[0])) {
    const top = [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([p, v]) => `${p} ${v.toFixed(0)}`)
      .join(', ');
    process.stdout.write(`${String(k * SLICE).padStart(6)} ms  ${top}\n`);
  }
}

if (values.callers) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const from = values.from === undefined ? -Infinity : Number(values.from);
  const to = values.to === undefined ? Infinity : Number(values.to);
  const chains = new Map();
  for (const [id, ms] of selfTimes(from, to).self) {
    if (!where(byId.get(id).callFrame).fn.includes(values.callers)) continue;
    const chain = [];
    for (let up = parent.get(id); up !== undefined && chain.length < 6; up = parent.get(up))
      chain.push(where(byId.get(up).callFrame).fn);
    add(chains, chain.join(' < '), ms);
  }
  process.stdout.write(`\ncallers of ${values.callers} (self time by caller chain)\n`);
  for (const [k, v] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    process.stdout.write(`${v.toFixed(1).padStart(9)} ms  ${k}\n`);
}
