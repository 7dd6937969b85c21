import { spawn } from 'node:child_process';
import xterm from '@xterm/headless';
const { Terminal } = xterm;
const t0 = performance.now();
const cmd = process.argv[2];
const child = spawn('script', ['-qfec', `stty cols 140 rows 40; exec ${cmd}`, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TERM: 'xterm-256color' } });
const term = new Terminal({ cols: 140, rows: 40, allowProposedApi: true });
let first, tree;
const screen = () => { const b = term.buffer.active; let s = ''; for (let i = 0; i < term.rows; i++) s += b.getLine(i)?.translateToString(true) + '\n'; return s; };
child.stdout.on('data', (d) => {
  const t = performance.now() - t0;
  term.write(d, () => {
    const s = screen();
    if (!first && s.trim()) { first = t; console.log('first', t.toFixed(0)); }
    if (!tree && s.includes('apps/v1')) { tree = t; console.log('tree', t.toFixed(0)); child.stdin.write('q'); }
  });
});
child.on('exit', () => { console.log(screen().slice(0, 1500)); process.exit(0); });
setTimeout(() => child.kill(), 8000);
