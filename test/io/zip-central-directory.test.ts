import { describe, expect, it } from "vitest";
import { readXlsx, unzipReqifz } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";

// APPNOTE.TXT (PKWARE, the zip specification) §4.3.6: an archive is [local file header, file data, data descriptor]…
// central directory, end of central directory record (EOCD). The central directory is the authoritative list of
// entries (Excel, LibreOffice, zipfile, libzip read it): a reader walking the local headers from the front sees what
// the central directory may not list, and misses what it does. Every archive below is built by hand, byte by byte,
// from the layouts in APPNOTE §4.3.7 (local header), §4.3.9 (data descriptor), §4.3.12 (central header) and §4.3.16
// (EOCD); entries are stored (method 0), so the bytes of each part are in plain sight.

const enc = new TextEncoder();
// CRC-32 (ISO 3309, polynomial 0xEDB88320 reflected) written from its definition, bit by bit: the test's own oracle.
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
const le = (n: number, bytes: number) => Array.from({ length: bytes }, (_, i) => (n >>> (8 * i)) & 0xff);
const cat = (...parts: (Uint8Array | number[])[]) => new Uint8Array(parts.flatMap((p) => [...p]));

interface Header { name: string; method?: number; flags?: number; crc: number; size: number; csize?: number }
const local = (h: Header) => cat(le(0x04034b50, 4), le(20, 2), le(h.flags ?? 0, 2), le(h.method ?? 0, 2), le(0, 4), le(h.crc, 4), le(h.csize ?? h.size, 4), le(h.size, 4), le(enc.encode(h.name).length, 2), le(0, 2), enc.encode(h.name));
const central = (h: Header, offset: number) =>
  cat(le(0x02014b50, 4), le(20, 2), le(20, 2), le(h.flags ?? 0, 2), le(h.method ?? 0, 2), le(0, 4), le(h.crc, 4), le(h.csize ?? h.size, 4), le(h.size, 4), le(enc.encode(h.name).length, 2), le(0, 2), le(0, 2), le(0, 2), le(0, 2), le(0, 4), le(offset, 4), enc.encode(h.name));
const eocd = (count: number, cdSize: number, cdOffset: number, comment: Uint8Array = new Uint8Array()) => cat(le(0x06054b50, 4), le(0, 2), le(0, 2), le(count, 2), le(count, 2), le(cdSize, 4), le(cdOffset, 4), le(comment.length, 2), comment);

interface Entry { name: string; data: Uint8Array; centralName?: string; local?: Partial<Header>; listed?: boolean; descriptor?: Uint8Array }
/** A stored-entry archive: each entry's local header (its fields as `local` overrides them) and data, then the central directory of the listed ones. */
function archive(entries: Entry[], opts: { before?: Uint8Array; comment?: Uint8Array; after?: Uint8Array } = {}): Uint8Array {
  const chunks: Uint8Array[] = [opts.before ?? new Uint8Array()];
  let at = chunks[0]!.length;
  const dir: Uint8Array[] = [];
  for (const e of entries) {
    const h: Header = { name: e.name, crc: crc32(e.data), size: e.data.length };
    const bytes = cat(local({ ...h, ...e.local }), e.data, e.descriptor ?? []);
    if (e.listed !== false) dir.push(central({ ...h, name: e.centralName ?? e.name, ...(e.local?.flags !== undefined ? { flags: e.local.flags } : {}) }, at));
    chunks.push(bytes);
    at += bytes.length;
  }
  const cd = cat(...dir);
  return cat(...chunks, cd, eocd(dir.length, cd.length, at, opts.comment), opts.after ?? []);
}

const sheetXml = (v: string) => enc.encode(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${v}</t></is></c></row></sheetData></worksheet>`);
const WORKBOOK: Entry[] = [
  { name: "xl/workbook.xml", data: enc.encode('<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>') },
  { name: "xl/_rels/workbook.xml.rels", data: enc.encode('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>') },
];
const SHEET = "xl/worksheets/sheet1.xml";
const cellOf = (bytes: Uint8Array) => readXlsx(bytes).sheets[0]!.rows[0]!.cells[0];
const refusal = (f: () => unknown) => validationErrorOf(f).issues.map((i) => i.message).join("; ");

describe("zip archives are read through the central directory; a local header that disagrees is refused", () => {
  it("a well-formed hand-built archive reads (the control), with or without an archive comment", () => {
    expect(cellOf(archive([...WORKBOOK, { name: SHEET, data: sheetXml("shown") }]))).toBe("shown");
    expect(cellOf(archive([...WORKBOOK, { name: SHEET, data: sheetXml("shown") }], { comment: enc.encode("made by hand") }))).toBe("shown");
  });

  it("an entry written with a data descriptor (flag bit 3, sizes after the data, with or without its signature) reads", () => {
    const data = sheetXml("shown");
    const desc = (sig: boolean) => cat(sig ? le(0x08074b50, 4) : [], le(crc32(data), 4), le(data.length, 4), le(data.length, 4));
    for (const sig of [true, false]) {
      const bytes = archive([...WORKBOOK, { name: SHEET, data, local: { flags: 8, crc: 0, size: 0, csize: 0 }, descriptor: desc(sig) }]);
      expect(cellOf(bytes)).toBe("shown");
    }
  });

  it("a local header naming another part than its central entry (before: the local name's data, 'evil', was read)", () => {
    // Central: sheet1.xml → the entry whose local header says other.xml ("shown"); the local sheet1.xml ("evil") is
    // listed centrally as unused.xml. Excel reads "shown".
    const bytes = archive([...WORKBOOK, { name: SHEET, centralName: "xl/unused.xml", data: sheetXml("evil") }, { name: "xl/other.xml", centralName: SHEET, data: sheetXml("shown") }]);
    expect(refusal(() => readXlsx(bytes))).toBe("corrupt archive: the central directory names xl/unused.xml, its local header xl/worksheets/sheet1.xml (APPNOTE.TXT 4.3.12: the central directory is authoritative)");
  });

  it("an entry hidden inside another's data, which only the central directory lists (before: the outer copy, 'evil', was read)", () => {
    // pad.bin is stored and its data holds a whole local entry for sheet1.xml ("shown"); the central directory lists
    // pad.bin's inner entry as sheet1.xml and leaves out the outer sheet1.xml ("evil") a front-to-back reader meets.
    const inner = cat(local({ name: SHEET, crc: crc32(sheetXml("shown")), size: sheetXml("shown").length }), sheetXml("shown"));
    const entries: Entry[] = [...WORKBOOK, { name: "pad.bin", data: inner, listed: false }, { name: SHEET, data: sheetXml("evil"), listed: false }];
    // Lay out by hand: the two workbook entries, pad.bin, the outer sheet; the central directory lists the workbook
    // entries and the inner sheet (inside pad.bin's data, 30 + 7 bytes after pad.bin's header starts).
    const parts: Uint8Array[] = [];
    const dir: Uint8Array[] = [];
    let at = 0;
    for (const e of entries) {
      const h: Header = { name: e.name, crc: crc32(e.data), size: e.data.length };
      if (e.listed !== false) dir.push(central(h, at));
      if (e.name === "pad.bin") dir.push(central({ name: SHEET, crc: crc32(sheetXml("shown")), size: sheetXml("shown").length }, at + 30 + "pad.bin".length));
      const b = cat(local(h), e.data);
      parts.push(b);
      at += b.length;
    }
    const cd = cat(...dir);
    const bytes = cat(...parts, cd, eocd(dir.length, cd.length, at));
    expect(refusal(() => readXlsx(bytes))).toMatch(/^corrupt archive: /);
  });

  it("data before the first entry the central directory lists (here a whole other archive, 'evil') is refused", () => {
    const first = archive([...WORKBOOK, { name: SHEET, data: sheetXml("evil") }]);
    const bytes = archive([...WORKBOOK, { name: SHEET, data: sheetXml("shown") }], { before: first });
    expect(refusal(() => readXlsx(bytes))).toBe(`corrupt archive: ${first.length} bytes before the first entry the central directory lists (data prepended to the archive)`);
  });

  it("bytes after the end of the central directory record are refused", () => {
    const bytes = archive([...WORKBOOK, { name: SHEET, data: sheetXml("shown") }], { after: enc.encode("trailing") });
    expect(refusal(() => readXlsx(bytes))).toMatch(/^corrupt archive: /);
  });

  it("sizes, CRC or method in a local header that differ from the central entry (no data descriptor) are refused", () => {
    const data = sheetXml("shown");
    for (const [field, local] of [["size", { size: data.length - 3, csize: data.length - 3 }], ["CRC-32", { crc: 12345 }], ["compression method", { method: 8 }]] as const) {
      const bytes = archive([...WORKBOOK, { name: SHEET, data, local }]);
      expect(refusal(() => readXlsx(bytes))).toMatch(new RegExp(`^corrupt archive: ${SHEET}: its local header and the central directory give different (sizes|${field})`));
    }
  });

  it("data whose CRC-32 is not the one both headers give is refused (before: the altered text was read)", () => {
    const data = sheetXml("shown");
    const altered = sheetXml("shawn");
    const bytes = archive([...WORKBOOK, { name: SHEET, data: altered, local: { crc: crc32(data) } }]);
    // Patch the central CRC too, so both headers agree and only the data is wrong.
    const buf = Buffer.from(bytes);
    const crcAltered = Buffer.from(le(crc32(altered), 4));
    const at = buf.lastIndexOf(Buffer.concat([Buffer.from(le(0x02014b50, 4))]));
    buf.set(le(crc32(data), 4), at + 16);
    expect(buf.subarray(at + 16, at + 20).equals(crcAltered)).toBe(false);
    expect(refusal(() => readXlsx(new Uint8Array(buf)))).toBe(`corrupt archive: ${SHEET}: its data does not match its CRC-32`);
  });

  it("an archive comment holding a second end-of-central-directory record is ambiguous and refused", () => {
    // Readers that search back from the end take the record in the comment (comment length 0, ending the file), the
    // others the real one: which central directory is read would depend on the reader.
    const good = archive([...WORKBOOK, { name: SHEET, data: sheetXml("shown") }]);
    const fake = eocd(0, 0, 0);
    const bytes = archive([...WORKBOOK, { name: SHEET, data: sheetXml("shown") }], { comment: fake });
    expect(good.length + fake.length).toBe(bytes.length);
    expect(refusal(() => readXlsx(bytes))).toBe("corrupt archive: two end of central directory records (one inside the archive comment); refused as ambiguous");
  });

  it("a .reqifz is read the same way (the central directory's entry, not the front-most local one)", () => {
    const bytes = archive([{ name: "a.reqif", centralName: "b.txt", data: enc.encode("<REQ-IF>evil</REQ-IF>") }, { name: "c.txt", centralName: "a.reqif", data: enc.encode("<REQ-IF>shown</REQ-IF>") }]);
    expect(refusal(() => unzipReqifz(bytes))).toMatch(/^corrupt archive: the central directory names b\.txt, its local header a\.reqif/);
    expect(unzipReqifz(archive([{ name: "a.reqif", data: enc.encode("<REQ-IF>shown</REQ-IF>") }, { name: "pic.png", data: enc.encode("x") }]))).toEqual({ name: "a.reqif", text: "<REQ-IF>shown</REQ-IF>", attachments: ["pic.png"] });
  });

  it("two central entries sharing one local entry (the overlapping-files zip bomb) are refused", () => {
    const data = enc.encode("<REQ-IF>x</REQ-IF>");
    const h: Header = { name: "a.reqif", crc: crc32(data), size: data.length };
    const body = cat(local(h), data);
    const cd = cat(central(h, 0), central(h, 0));
    const bytes = cat(body, cd, eocd(2, cd.length, body.length));
    expect(refusal(() => unzipReqifz(bytes))).toBe("corrupt archive: a.reqif overlaps a.reqif");
  });

  it("the entry limit is checked against the central directory's count", () => {
    const bytes = archive([...WORKBOOK, { name: SHEET, data: sheetXml("shown") }, { name: "x1", data: enc.encode("1") }, { name: "x2", data: enc.encode("2") }]);
    expect(refusal(() => readXlsx(bytes, { maxEntries: 4 }))).toBe("the archive has more than 4 entries; refused");
    expect(cellOf(bytes)).toBe("shown");
  });
});
