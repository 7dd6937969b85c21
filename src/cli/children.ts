// Exec credential plugins are spawned by @kubernetes/client-node, which keeps no handle we could
// reach, and a hanging plugin (a shell script waiting on a prompt or a network call) outlives us:
// kapi-tui exits, the plugin and what it started stay behind. On exit we end every process that
// descends from ours. Linux only (/proc); elsewhere nothing is done.
import { readFileSync, readdirSync } from 'node:fs';

/** The parent pid of each process, from /proc/PID/stat (the field after the parenthesised name). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.set(Number(entry), ppid);
    } catch {
      /* it ended meanwhile */
    }
  }
  return out;
}

/** The pids of every process below `root`, children first. */
export function descendants(root: number = process.pid): number[] {
  const byParent = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) byParent.set(ppid, [...(byParent.get(ppid) ?? []), pid]);
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    for (const child of byParent.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** SIGKILL to every process below ours (synchronous: it runs on process exit). */
export function killDescendants(): void {
  for (const pid of descendants()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}
