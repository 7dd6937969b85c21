// OSC 52 clipboard sequences: plain, tmux passthrough, GNU screen chunks.
import { describe, expect, it } from 'vitest';
import { insideScreen, insideTmux, osc52, osc52Fits, osc52ForEnv, OSC52_MAX_BASE64 } from '../src/model/osc52.js';

const ESC = '\x1b';
const BEL = '\x07';

describe('osc52', () => {
  it('is ESC ] 52 ; c ; base64 BEL', () => {
    expect(osc52('hello')).toBe(`${ESC}]52;c;aGVsbG8=${BEL}`);
    expect(osc52('')).toBe(`${ESC}]52;c;${BEL}`);
  });

  it('encodes UTF-8 (not UTF-16 or latin1)', () => {
    const s = osc52('curl ‘x’ → ✓');
    const b64 = /52;c;([^\x07]*)\x07/.exec(s)![1]!;
    expect(Buffer.from(b64, 'base64').toString('utf8')).toBe('curl ‘x’ → ✓');
  });

  it('round-trips a curl command with quotes, $TOKEN and newlines', () => {
    const cmd = `curl -H "Authorization: Bearer $TOKEN" 'https://127.0.0.1:6443/api/v1/pods?limit=500'\n`;
    const b64 = /52;c;([A-Za-z0-9+/=]*)\x07/.exec(osc52(cmd))![1]!;
    expect(Buffer.from(b64, 'base64').toString('utf8')).toBe(cmd);
  });

  it('wraps for tmux passthrough with every ESC doubled', () => {
    const s = osc52('hello', { tmux: true });
    expect(s).toBe(`${ESC}Ptmux;${ESC}${ESC}]52;c;aGVsbG8=${BEL}${ESC}\\`);
    // Only the DCS introducer, the doubled ESC and the final ST contain ESC.
    expect(s.split(ESC).length - 1).toBe(4);
  });

  it('cuts the sequence into DCS chunks for GNU screen', () => {
    const text = 'x'.repeat(300);
    const s = osc52(text, { screen: true });
    const chunks = s.split(`${ESC}\\`).filter(Boolean);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.startsWith(`${ESC}P`)).toBe(true);
      expect(c.length - 2).toBeLessThanOrEqual(76);
    }
    expect(chunks.map((c) => c.slice(2)).join('')).toBe(osc52(text));
  });

  it('tmux wins over screen; a selection can be chosen', () => {
    expect(osc52('a', { tmux: true, screen: true })).toBe(osc52('a', { tmux: true }));
    expect(osc52('a', { selection: 'p' })).toBe(`${ESC}]52;p;YQ==${BEL}`);
  });

  it('detects tmux and screen from the environment', () => {
    expect(insideTmux({ TMUX: '/tmp/tmux-0/default,123,0' })).toBe(true);
    expect(insideTmux({ TERM: 'screen-256color' })).toBe(false);
    expect(insideTmux({ TMUX: '' })).toBe(false);
    expect(insideScreen({ STY: '123.pts-0.host' })).toBe(true);
    expect(insideScreen({ STY: '123.pts-0.host', TMUX: 'x' })).toBe(false);
    expect(osc52ForEnv('a', { TMUX: 'x' })).toBe(osc52('a', { tmux: true }));
    expect(osc52ForEnv('a', {})).toBe(osc52('a'));
  });

  it('knows when a copy is too long for most terminals', () => {
    expect(osc52Fits('x'.repeat(1000))).toBe(true);
    const maxBytes = Math.floor(OSC52_MAX_BASE64 / 4) * 3; // base64 comes in 4-character groups
    expect(osc52Fits('x'.repeat(maxBytes))).toBe(true);
    expect(osc52Fits('x'.repeat(maxBytes + 1))).toBe(false);
  });
});
