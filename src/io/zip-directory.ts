// The zip container as APPNOTE.TXT (PKWARE's .ZIP File Format Specification, 6.3.x) lays it out: [local file header
// (§4.3.7), file data, data descriptor (§4.3.9)] for each entry, then the central directory (§4.3.12) and the end of
// central directory record (§4.3.16). The central directory is the archive's list of entries, and what Excel,
// LibreOffice, zipfile and libzip read; a reader walking the local headers from the front can be shown other entries.
// So the entries are taken from the central directory, and an archive in which the two could tell different stories is
// refused: a local header that disagrees with its central entry, bytes no listed entry accounts for (data prepended,
// appended, between or inside entries), two end records.

/** One entry of the central directory, its local header checked against it. @internal */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc: number;
  /** Compressed size. */
  readonly csize: number;
  /** Uncompressed size. */
  readonly size: number;
  /** Offset of the entry's data (after its local header). */
  readonly start: number;
}

const u16 = (d: Uint8Array, i: number) => d[i]! | (d[i + 1]! << 8);
const u32 = (d: Uint8Array, i: number) => (d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24)) >>> 0;
const same = (d: Uint8Array, a: number, b: number, n: number) => {
  for (let i = 0; i < n; i++) if (d[a + i] !== d[b + i]) return false;
  return true;
};

/** An entry name: UTF-8 when flag bit 11 says so (APPNOTE Appendix D), else one byte a character. */
function nameOf(d: Uint8Array, at: number, n: number, flags: number): string {
  const bytes = d.subarray(at, at + n);
  return flags & 0x800 ? new TextDecoder().decode(bytes) : String.fromCharCode(...bytes);
}

/** The end of central directory record's offset: the one record whose comment ends the file. */
function endRecord(d: Uint8Array, fail: (m: string) => never): number {
  const found: number[] = [];
  for (let p = d.length - 22; p >= 0 && p >= d.length - 22 - 0xffff; p--) {
    if (u32(d, p) === 0x06054b50 && p + 22 + u16(d, p + 20) === d.length) found.push(p);
  }
  if (found.length === 0) fail("no end of central directory record ends the file (not a zip archive, or data appended to it)");
  if (found.length > 1) fail("two end of central directory records (one inside the archive comment); refused as ambiguous");
  return found[0]!;
}

/**
 * The entries of a zip archive from its central directory, in its order, each checked against its local header; the
 * archive is refused (`fail`) unless its entries, central directory and end record cover every byte exactly once.
 * More than `maxEntries` entries are refused (`tooMany`) before one is read. @internal
 */
export function zipDirectory(d: Uint8Array, maxEntries: number, fail: (m: string) => never, tooMany: () => never): ZipEntry[] {
  const end = endRecord(d, fail);
  const count = u16(d, end + 10);
  const cdSize = u32(d, end + 12);
  const cdOffset = u32(d, end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) fail("a ZIP64 archive, which is not read (a workbook or .reqifz this large passes every size limit anyway)");
  if (u16(d, end + 4) !== 0 || u16(d, end + 6) !== 0 || u16(d, end + 8) !== count) fail("an archive split over several disks, which is not read");
  if (count > maxEntries) tooMany();
  if (cdOffset + cdSize !== end) fail("the central directory does not end where the end of central directory record starts");
  const entries: (ZipEntry & { at: number; end: number })[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || u32(d, p) !== 0x02014b50) fail(`central directory entry ${i + 1} of ${count} is not where the directory says`);
    const flags = u16(d, p + 8);
    const n = u16(d, p + 28);
    const name = nameOf(d, p + 46, n, flags);
    const entry = { name, method: u16(d, p + 10), crc: u32(d, p + 16), csize: u32(d, p + 20), size: u32(d, p + 24) };
    const at = u32(d, p + 42);
    if (entry.csize === 0xffffffff || entry.size === 0xffffffff || at === 0xffffffff) fail(`${name}: ZIP64 sizes, which are not read`);
    if (flags & 0x41) fail(`${name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8) fail(`${name}: compression method ${entry.method} is not read (only stored and deflated entries are)`);
    if (entry.method === 0 && entry.csize !== entry.size) fail(`${name}: a stored entry whose compressed and uncompressed sizes differ`);
    // The local header (APPNOTE §4.3.7) must tell the same story: name, method, flags, and without a data descriptor
    // (flag bit 3) the CRC-32 and sizes.
    if (at + 30 > cdOffset || u32(d, at) !== 0x04034b50) fail(`${name}: no local header at offset ${at}, where the central directory puts it`);
    const ln = u16(d, at + 26);
    const lflags = u16(d, at + 6);
    if (ln !== n || !same(d, p + 46, at + 30, n)) fail(`the central directory names ${name}, its local header ${nameOf(d, at + 30, ln, lflags)} (APPNOTE.TXT 4.3.12: the central directory is authoritative)`);
    const differ = (what: string) => fail(`${name}: its local header and the central directory give different ${what}`);
    if (u16(d, at + 8) !== entry.method) differ("compression methods");
    if ((lflags ^ flags) & 0x9) differ("flags"); // encryption, data descriptor (the names are compared byte for byte)
    if (!(lflags & 8) && u32(d, at + 14) !== entry.crc) differ("CRC-32 values");
    if (!(lflags & 8) && (u32(d, at + 18) !== entry.csize || u32(d, at + 22) !== entry.size)) differ("sizes");
    const start = at + 30 + ln + u16(d, at + 28);
    let stop = start + entry.csize;
    if (lflags & 8) {
      // The data descriptor: CRC-32, compressed and uncompressed size, with or without its signature (§4.3.9.3).
      const matches = (q: number) => u32(d, q) === entry.crc && u32(d, q + 4) === entry.csize && u32(d, q + 8) === entry.size;
      if (u32(d, stop) === 0x08074b50 && matches(stop + 4)) stop += 16;
      else if (matches(stop)) stop += 12;
      else fail(`${name}: its data descriptor and the central directory disagree`);
    }
    entries.push({ ...entry, start, at, end: stop });
    p += 46 + n + u16(d, p + 30) + u16(d, p + 32);
  }
  if (p !== end) fail("the central directory holds more than its end record counts");
  // Every byte before the central directory belongs to exactly one listed entry.
  let next = 0;
  let before = "";
  for (const e of [...entries].sort((a, b) => a.at - b.at)) {
    if (e.at > next) fail(next === 0 ? `${e.at} bytes before the first entry the central directory lists (data prepended to the archive)` : `${e.at - next} bytes between ${before} and ${e.name} that no entry of the central directory holds`);
    if (e.at < next) fail(`${e.name} overlaps ${before}`);
    next = e.end;
    before = e.name;
  }
  if (next > cdOffset) fail(`${before} overlaps the central directory`);
  if (next < cdOffset) fail(`${cdOffset - next} bytes between the last entry and the central directory that no entry holds`);
  return entries.map(({ name, method, crc, csize, size, start }) => ({ name, method, crc, csize, size, start }));
}

let table: Int32Array | undefined;
/** CRC-32 of ISO 3309 / ITU-T V.42 (APPNOTE §4.4.7), table-driven. @internal */
export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
