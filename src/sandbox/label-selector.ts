// Label selectors as kube-apiserver parses them (k8s.io/apimachinery/pkg/labels/selector.go): the
// same tokens, grammar and error wording, so `labelSelector=` on the sandbox answers a malformed
// selector with the 400 a real server gives. Key and value validation is left out (a real server
// also rejects keys like "-a"; the sandbox matches them, finding nothing).

type Op = 'exists' | '!' | '=' | '==' | '!=' | 'in' | 'notin' | 'gt' | 'lt';
interface Requirement {
  key: string;
  op: Op;
  values: string[];
}
type Token = {
  tok: 'id' | 'end' | 'error' | '(' | ')' | ',' | '!' | '=' | '==' | '!=' | 'in' | 'notin' | '>' | '<';
  lit: string;
};

const SPECIAL = '=!(),><';
const SYMBOLS = new Set([')', ',', '!', '==', '=', '>', '<', '!=', '(']);
const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

function lex(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  for (;;) {
    while (i < s.length && ' \t\r\n'.includes(s[i])) i++;
    if (i >= s.length) {
      out.push({ tok: 'end', lit: '' });
      return out;
    }
    if (SPECIAL.includes(s[i])) {
      // The longest run of special characters that is a symbol ("!=" before "!").
      let buf = '';
      let last: Token | undefined;
      while (i < s.length && SPECIAL.includes(s[i])) {
        buf += s[i];
        if (SYMBOLS.has(buf)) last = { tok: buf as Token['tok'], lit: buf };
        else if (last) break;
        i++;
      }
      out.push(last ?? { tok: 'error', lit: `error expected: keyword found '${buf}'` });
      continue;
    }
    let buf = '';
    while (i < s.length && !SPECIAL.includes(s[i]) && !' \t\r\n'.includes(s[i])) buf += s[i++];
    out.push(buf === 'in' || buf === 'notin' ? { tok: buf, lit: buf } : { tok: 'id', lit: buf });
  }
}

/** The requirements of `selector`, or the parse error kube-apiserver would send back. */
export function parseLabelSelector(selector: string): { requirements: Requirement[] } | { error: string } {
  const items = lex(selector);
  let pos = 0;
  // In value context "in" and "notin" are identifiers (`x in (in)`).
  const valueTok = (t: Token) => (t.tok === 'in' || t.tok === 'notin' ? 'id' : t.tok);
  const peek = () => items[pos];
  const next = () => items[pos++];
  const requirement = (): Requirement | string => {
    let t = next();
    let op: Op | undefined;
    if (t.tok === '!') {
      op = '!';
      t = next();
    }
    if (valueTok(t) !== 'id') return `found '${t.lit}', expected: identifier`;
    const key = t.lit;
    // "!key" takes nothing more: what follows it must be ',' or the end (checked by the caller).
    if (op === '!' || ['end', ','].includes(peek().tok)) return { key, op: op ?? 'exists', values: [] };
    const o = next();
    const binary: Partial<Record<Token['tok'], Op>> = {
      in: 'in',
      notin: 'notin',
      '=': '=',
      '==': '==',
      '!=': '!=',
      '>': 'gt',
      '<': 'lt',
    };
    const found = binary[o.tok];
    if (!found) return `found '${o.lit}', expected: ${BINARY_OPERATORS}`;
    if (found === 'in' || found === 'notin') {
      const open = next();
      if (open.tok !== '(') return `found '${open.lit}' expected: '('`;
      const values: string[] = [];
      if (peek().tok === ')') {
        next();
        return { key, op: found, values: [''] };
      }
      for (;;) {
        const v = next();
        if (valueTok(v) !== 'id') return `found '${v.lit}', expected: ',', or identifier`;
        values.push(v.lit);
        const after = next();
        if (after.tok === ')') return { key, op: found, values };
        if (after.tok !== ',') return `found '${after.lit}', expected: ',' or ')'`;
      }
    }
    if (['end', ','].includes(peek().tok)) return { key, op: found, values: [''] };
    const v = next();
    return valueTok(v) === 'id' ? { key, op: found, values: [v.lit] } : `found '${v.lit}', expected: identifier`;
  };
  const requirements: Requirement[] = [];
  for (;;) {
    const t = peek();
    if (t.tok === 'end') return { requirements };
    if (valueTok(t) !== 'id' && t.tok !== '!')
      return { error: `found '${t.lit}', expected: !, identifier, or 'end of string'` };
    const r = requirement();
    if (typeof r === 'string') return { error: `unable to parse requirement: ${r}` };
    requirements.push(r);
    const sep = next();
    if (sep.tok === 'end') return { requirements };
    if (sep.tok !== ',') return { error: `found '${sep.lit}', expected: ',' or 'end of string'` };
    const following = peek();
    if (valueTok(following) !== 'id' && following.tok !== '!')
      return { error: `found '${following.lit}', expected: identifier after ','` };
  }
}

/** Whether an object with these labels matches every requirement. */
export function matchesLabels(requirements: Requirement[], labels: Record<string, string> | undefined): boolean {
  const ls = labels ?? {};
  return requirements.every(({ key, op, values }) => {
    const has = Object.hasOwn(ls, key);
    const v = ls[key];
    switch (op) {
      case 'exists':
        return has;
      case '!':
        return !has;
      case '=':
      case '==':
      case 'in':
        return has && values.includes(v);
      case '!=':
      case 'notin':
        return !has || !values.includes(v);
      case 'gt':
      case 'lt': {
        const n = Number.parseInt(v ?? '', 10);
        const limit = Number.parseInt(values[0], 10);
        return has && Number.isInteger(n) && (op === 'gt' ? n > limit : n < limit);
      }
    }
  });
}
