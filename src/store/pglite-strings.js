// PGlite's protocol reader decodes every text value of a result from a copy: `string(n)` calls
// `bytes(n)`, which copies the value's bytes into a new ArrayBuffer before decoding it. Measured on
// 100,000 tickets, reading a list page (51 rows × 23 columns) took 3.1–3.9 ms in PGlite, and
// 1.9–2.3 ms with the same bytes decoded in place (BENCHMARKS.md, *Statements built once, texts
// decoded in place*).
//
// The reader is internal to PGlite (0.5.16 has no option for it): its class and private fields are
// found by watching a Parser being built, and only its `string` method is replaced, with one that
// decodes the same bytes with the reader's own decoder, in place. If PGlite's reader is not the shape
// expected, nothing is replaced and results are decoded PGlite's way: slower, never different.
import { protocol } from '@electric-sql/pglite';

/**
 * Replaces PGlite's reader's `string` with a decoder that does not copy; answers whether it did.
 * @returns {boolean}
 */
export function decodeStringsInPlace() {
  try {
    return replaceString();
  } catch {
    // Anything unexpected (a frozen WeakMap prototype, a PGlite without `protocol`): PGlite's way.
    return false;
  }
}

/** @returns {boolean} */
function replaceString() {
  /** @type {{ map: WeakMap<object, unknown>, key: object, value: unknown }[]} */
  const writes = [];
  const set = WeakMap.prototype.set;
  // The reader's fields are #private (WeakMaps in PGlite's build): they are recorded as the Parser
  // and its reader are constructed, synchronously, and the original `set` is put back at once.
  WeakMap.prototype.set = function (key, value) {
    writes.push({ map: this, key, value });
    return set.call(this, key, value);
  };
  let parser;
  try {
    parser = new protocol.Parser();
  } finally {
    WeakMap.prototype.set = set;
  }
  const reader = writes.find((w) => w.key === parser && isReader(w.value))?.value;
  if (!reader) return false;
  // Its constructor sets, in order: the DataView over the message, then the offset (0).
  const own = writes.filter((w) => w.key === reader);
  const at = own.findIndex((w) => w.value instanceof DataView);
  const view = own[at]?.map;
  const offset = own.slice(at + 1).find((w) => w.value === 0)?.map;
  // Its own decoder, so that texts decode with exactly its settings.
  const decoder = own.find((w) => w.value instanceof TextDecoder)?.value;
  if (at < 0 || !view || !offset || !(decoder instanceof TextDecoder)) return false;
  const proto = Object.getPrototypeOf(reader);
  const original = proto.string;
  /** @param {number} length */
  proto.string = function (length) {
    const start = /** @type {number} */ (offset.get(this));
    const data = /** @type {DataView} */ (view.get(this));
    offset.set(this, start + length);
    return decoder.decode(new Uint8Array(data.buffer, data.byteOffset + start, length));
  };
  if (readsBack()) return true;
  proto.string = original;
  return false;
}

/** Values that exercise the reader: multi-byte characters, an empty text, a NULL, a long text. */
const SAMPLE = ['réseau coupé ✓ 🚀', '', null, 'x'.repeat(300)];

/** Whether a Parser built now reads a DataRow and a CommandComplete message back exactly. */
function readsBack() {
  const encoder = new TextEncoder();
  const cells = SAMPLE.map((value) => (value === null ? null : encoder.encode(value)));
  const rowLength = 4 + 2 + cells.reduce((n, cell) => n + 4 + (cell?.length ?? 0), 0);
  const tag = encoder.encode('SELECT 1\0');
  const bytes = new Uint8Array(1 + rowLength + 1 + 4 + tag.length);
  const data = new DataView(bytes.buffer);
  let at = 0;
  data.setUint8(at++, 0x44); // 'D'
  data.setUint32(at, rowLength);
  data.setUint16((at += 4), cells.length);
  at += 2;
  for (const cell of cells) {
    data.setInt32(at, cell ? cell.length : -1);
    at += 4;
    if (cell) bytes.set(cell, at);
    at += cell?.length ?? 0;
  }
  data.setUint8(at++, 0x43); // 'C'
  data.setUint32(at, 4 + tag.length);
  bytes.set(tag, at + 4);
  /** @type {unknown[]} */
  const read = [];
  try {
    new protocol.Parser().parse(bytes, (message) => read.push(message));
  } catch {
    return false;
  }
  const [row, done] = /** @type {[{ fields?: unknown[] } | undefined, { text?: string } | undefined]} */ (read);
  return JSON.stringify(row?.fields) === JSON.stringify(SAMPLE) && done?.text === 'SELECT 1' && read.length === 2;
}

/** @param {unknown} value */
function isReader(value) {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return ['bytes', 'string', 'cstring', 'setBuffer'].every((method) => typeof proto[method] === 'function');
}
