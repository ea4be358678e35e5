const encoder = new TextEncoder();

/** FNV-1a over `bytes[from, from + length)`. */
function fnv1a(bytes: Uint8Array, from: number, length: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < from + length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

function grown<T extends Uint8Array | Uint16Array | Uint32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/**
 * The line each id was first seen on, for a stream of a million rows: exact (ids are compared byte for byte) and
 * compact — the ids live as UTF-8 in one growing byte buffer, indexed by an open-addressing table of typed arrays,
 * about 30 bytes per id instead of the ~180 a `Map<string, number>` costs. Ids longer than 512 characters are not
 * kept (no entity id is that long; the codec refuses them).
 */
export class IdLines {
  private text = new Uint8Array(1 << 16);
  private textUsed = 0;
  private start = new Uint32Array(1024);
  private length = new Uint16Array(1024);
  private line = new Uint32Array(1024);
  private count = 0;
  private table = new Uint32Array(2048); // entry index + 1; 0 = empty

  /**
   * The line `id` was first claimed on, or `undefined` when it is new — then it is recorded as claimed on `line`.
   *
   * @example
   * ```ts
   * const ids = new IdLines();
   * ids.claim("ce-1", 2); // undefined
   * ids.claim("ce-1", 9); // 2
   * ```
   */
  claim(id: string, line: number): number | undefined {
    if (id.length > 512) return undefined;
    if (this.textUsed + id.length * 3 > this.text.length) this.text = grown(this.text, Math.max(this.text.length * 2, this.textUsed + id.length * 3));
    const at = this.textUsed;
    const { written } = encoder.encodeInto(id, this.text.subarray(at));
    const mask = this.table.length - 1;
    for (let slot = fnv1a(this.text, at, written) & mask; ; slot = (slot + 1) & mask) {
      const e = this.table[slot]!;
      if (e === 0) {
        this.add(slot, at, written, line);
        return undefined;
      }
      if (this.same(e - 1, at, written)) return this.line[e - 1];
    }
  }

  private same(entry: number, at: number, length: number): boolean {
    if (this.length[entry] !== length) return false;
    const s = this.start[entry]!;
    for (let i = 0; i < length; i++) if (this.text[s + i] !== this.text[at + i]) return false;
    return true;
  }

  private add(slot: number, at: number, length: number, line: number): void {
    if (this.count === this.start.length) {
      this.start = grown(this.start, this.count * 2);
      this.length = grown(this.length, this.count * 2);
      this.line = grown(this.line, this.count * 2);
    }
    this.start[this.count] = at;
    this.length[this.count] = length;
    this.line[this.count] = line;
    this.table[slot] = ++this.count;
    this.textUsed += length;
    if (this.count * 2 > this.table.length) this.rehash();
  }

  private rehash(): void {
    const table = new Uint32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let e = 0; e < this.count; e++) {
      let slot = fnv1a(this.text, this.start[e]!, this.length[e]!) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = e + 1;
    }
    this.table = table;
  }
}
