// The `:` command line, like k9s: a resource by any name kubectl accepts (plural, singular, short
// name, kind, `resource.group`), `ns [NAME]`, `ctx [NAME]`, `q`. Pure: resolved against discovery, no I/O.
import type { DiscoveredGroup, DiscoveredGroupVersion, DiscoveredResource } from './types.js';

export type CommandResult =
  /** `namespace`: undefined = keep the current one, null = all namespaces (-A), else that one (-n). */
  | { kind: 'resource'; resource: DiscoveredResource; gv: DiscoveredGroupVersion; namespace?: string | null }
  /** `ns NAME` switches (typed freely: it works where listing namespaces is forbidden); `ns` picks. */
  | { kind: 'namespace'; name?: string }
  /** `ctx NAME` switches to that kubeconfig context; `ctx` picks one. */
  | { kind: 'context'; name?: string }
  | { kind: 'quit' }
  | { kind: 'error'; message: string };

const BUILTINS = ['ns', 'namespace', 'ctx', 'context', 'q', 'quit'];

interface Named {
  resource: DiscoveredResource;
  gv: DiscoveredGroupVersion;
}

/** Every listable resource of the preferred versions, in the server's order (core first), then the
 *  other versions: where two groups serve a name, the first wins, as with kubectl. */
function resources(groups: readonly DiscoveredGroup[]): Named[] {
  const preferred: Named[] = [];
  const others: Named[] = [];
  for (const g of groups) {
    g.versions.forEach((gv, i) => {
      for (const resource of gv.resources) {
        if (resource.verbs.includes('list')) (i === 0 ? preferred : others).push({ resource, gv });
      }
    });
  }
  return [...preferred, ...others];
}

/** The names a resource answers to on the command line. */
function namesOf({ resource: r }: Named): string[] {
  const group = r.group ? `.${r.group}` : '';
  return [
    r.name,
    r.singularName,
    ...r.shortNames,
    r.kind.toLowerCase(),
    `${r.name}${group}`,
    `${r.name}.${r.version}${group}`,
  ].filter(Boolean);
}

function findResource(groups: readonly DiscoveredGroup[], word: string): Named | undefined {
  const w = word.toLowerCase();
  return resources(groups).find((n) => namesOf(n).includes(w));
}

/** Edit distance (insertions, deletions, substitutions), for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/** The known name closest to `word`, if it is close enough to be a typo. */
function didYouMean(groups: readonly DiscoveredGroup[], word: string): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of allNames(groups)) {
    const d = distance(word.toLowerCase(), name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(1, Math.floor(word.length / 3)) ? best.name : undefined;
}

/** Every name the command line completes to: the built-ins, then resources' names. */
export function allNames(groups: readonly DiscoveredGroup[]): string[] {
  const seen = new Set<string>(BUILTINS);
  for (const n of resources(groups)) for (const name of namesOf(n)) seen.add(name);
  return [...seen];
}

/** Names that start with the word being typed (the command's first word), shortest first. */
export function completions(groups: readonly DiscoveredGroup[], text: string): string[] {
  const word = text.trimStart().toLowerCase();
  if (!word || word.includes(' ')) return [];
  return allNames(groups)
    .filter((n) => n.startsWith(word))
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
}

/** Tab: the text extended as far as every completion agrees (the whole name when only one fits). */
export function complete(groups: readonly DiscoveredGroup[], text: string): string {
  const options = completions(groups, text);
  if (!options.length) return text;
  let prefix = options[0];
  for (const o of options) while (!o.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.length > text.trim().length ? prefix : text;
}

/** Parse a namespace flag after the resource: `-A` / `--all-namespaces`, `-n NS` / `--namespace NS`. */
function namespaceFlag(args: string[]): { namespace?: string | null; error?: string } {
  if (!args.length) return {};
  if (args.length === 1 && (args[0] === '-A' || args[0] === '--all-namespaces')) return { namespace: null };
  if (args.length === 2 && (args[0] === '-n' || args[0] === '--namespace')) return { namespace: args[1] };
  const eq = args.length === 1 ? /^--namespace=(.+)$/.exec(args[0]) : null;
  if (eq) return { namespace: eq[1] };
  return { error: `unexpected ${JSON.stringify(args.join(' '))}: use -A or -n NAMESPACE` };
}

export function runCommand(groups: readonly DiscoveredGroup[], text: string): CommandResult {
  const [word, ...args] = text.trim().split(/\s+/);
  if (!word) return { kind: 'error', message: 'type a resource (po, deploy, crd…), ns NAME, ctx NAME or q' };
  if (word === 'q' || word === 'quit') return { kind: 'quit' };
  if (word === 'ns' || word === 'namespace') {
    if (args.length > 1) return { kind: 'error', message: 'ns takes one name: ns team-a (or ns alone to pick)' };
    return { kind: 'namespace', name: args[0] };
  }
  if (word === 'ctx' || word === 'context') {
    if (args.length > 1) return { kind: 'error', message: 'ctx takes one name: ctx kind-dev (or ctx alone to pick)' };
    return { kind: 'context', name: args[0] };
  }
  const found = findResource(groups, word);
  if (!found) {
    const near = didYouMean(groups, word);
    return { kind: 'error', message: `no resource "${word}"${near ? `: did you mean ${near}?` : ''}` };
  }
  const flag = namespaceFlag(args);
  if (flag.error) return { kind: 'error', message: flag.error };
  return { kind: 'resource', ...found, ...('namespace' in flag ? { namespace: flag.namespace } : {}) };
}
