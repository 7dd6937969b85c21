// The header line fitted to the terminal: who you are and in which namespace stay visible at 80
// columns; the URL's scheme, the server version, the URL and the mode give way first (most terminals are narrower
// than the full line).
import stringWidth from 'string-width';

export interface HeaderFacts {
  /** kapi-tui's own version. */
  version?: string;
  mode: string;
  context?: string;
  server: string;
  user: string;
  /** undefined = all namespaces. */
  namespace: string | undefined;
  serverVersion?: string;
}

const SEP = ' │ ';

/** `https://127.0.0.1:6443` → `127.0.0.1:6443` (the scheme is the part a reader can most spare). */
function hostOf(server: string): string {
  return server.replace(/^[a-z]+:\/\//, '').replace(/\/$/, '');
}

/** The header's parts, as many and as long as `width` allows; ns and user are never dropped. */
export function headerParts(f: HeaderFacts, width: number): string[] {
  const name = `kapi-tui${f.version ? ' ' + f.version : ''}`;
  const who = `user ${f.user}`;
  const ns = `ns ${f.namespace ?? 'all'}`;
  const server = `server ${f.serverVersion ?? '…'}`;
  const at = (target: string) => (f.context ? `context ${f.context} @ ${target}` : target);
  const target = f.context ? `context ${f.context}` : hostOf(f.server);
  const candidates: string[][] = [
    [name, f.mode, at(f.server), who, ns, server],
    [name, f.mode, at(hostOf(f.server)), who, ns, server],
    [name, f.mode, at(hostOf(f.server)), who, ns],
    [name, f.mode, target, who, ns],
    [name, target, who, ns],
    ['kapi-tui', f.context ? `ctx ${f.context}` : hostOf(f.server), who, ns],
    ['kapi-tui', who, ns],
    [ns, who],
  ];
  return candidates.find((parts) => stringWidth(parts.join(SEP)) <= width) ?? candidates[candidates.length - 1];
}

export const HEADER_SEPARATOR = SEP;
