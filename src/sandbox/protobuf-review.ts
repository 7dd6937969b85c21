// `kubectl auth can-i --list -n NS` POSTs its SelfSubjectRulesReview as protobuf (kubectl's
// authorization client prefers it), and the sandbox answers in JSON, which kubectl accepts. The
// only field the review reads is spec.namespace, so a few lines of wire-format reading do:
//   "k8s\0" + runtime.Unknown { 1: typeMeta, 2: raw }   raw = SelfSubjectRulesReview { 2: spec }
//   spec = SelfSubjectRulesReviewSpec { 1: namespace }

const MAGIC = Buffer.from('k8s\0', 'latin1');

/** Length-delimited fields (wire type 2) of one message, by field number; other types skipped. */
function fields(buf: Buffer): Map<number, Buffer> {
  const out = new Map<number, Buffer>();
  let i = 0;
  const varint = (): number => {
    let v = 0;
    let shift = 0;
    for (;;) {
      if (i >= buf.length) throw new Error('truncated varint');
      const b = buf[i++];
      v += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return v;
      shift += 7;
    }
  };
  while (i < buf.length) {
    const tag = varint();
    const type = tag & 7;
    if (type === 0) varint();
    else if (type === 1) i += 8;
    else if (type === 5) i += 4;
    else if (type === 2) {
      const len = varint();
      out.set(Math.floor(tag / 8), buf.subarray(i, i + len));
      i += len;
    } else throw new Error(`wire type ${type}`);
  }
  return out;
}

/** The namespace a protobuf SelfSubjectRulesReview asks about ('' when absent or unreadable). */
export function rulesReviewNamespace(body: Buffer): string {
  try {
    if (!body.subarray(0, 4).equals(MAGIC)) return '';
    const raw = fields(body.subarray(4)).get(2);
    const spec = raw && fields(raw).get(2);
    return spec ? (fields(spec).get(1)?.toString('utf8') ?? '') : '';
  } catch {
    return '';
  }
}
