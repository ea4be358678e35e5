import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { readImportChunks, readImportFile, utf8ErrorOffset } from "../../src/io/index.js";

const temp = () => mkdtempSync(join(tmpdir(), "pmokit-files-"));
const refusal = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => i.message).join("; ");
  }
  throw new Error("expected a refusal");
};
const collect = async (chunks: AsyncIterable<string>) => {
  let text = "";
  for await (const c of chunks) text += c;
  return text;
};

describe("issue 18 #1: bounded reads", () => {
  it("refuses /dev/zero (not a regular file) before reading a byte", async () => {
    expect(await refusal(readImportFile("/dev/zero"))).toMatch(/\/dev\/zero is not a regular file/);
  });

  it("reads a device only when asked, and stops at maxBytes while streaming", async () => {
    // An endless stream of text: `yes` into a named pipe (/dev/zero served before NUL bytes were refused as UTF-16).
    const fifo = join(temp(), "endless.csv");
    execFileSync("mkfifo", [fifo]);
    const writer = spawn("sh", ["-c", `exec yes abcdefgh > '${fifo}'`], { stdio: "ignore" });
    writer.on("error", () => {});
    try {
      expect(await refusal(readImportFile(fifo))).toMatch(/is not a regular file/);
      const t0 = performance.now();
      expect(await refusal(readImportFile(fifo, { allowNonRegular: true, maxBytes: 4 * 1024 * 1024 }))).toMatch(/larger than 4194304 bytes/);
      // Bounded: it read about 4 MiB, not gigabytes (the old reader read the whole stream before checking).
      expect(performance.now() - t0).toBeLessThan(5000);
    } finally {
      writer.kill();
    }
  });

  it("refuses a regular file larger than maxBytes from its size, and a folder", async () => {
    const dir = temp();
    writeFileSync(join(dir, "big.csv"), "x".repeat(2000));
    expect(await refusal(readImportFile(join(dir, "big.csv"), { maxBytes: 1000 }))).toMatch(/big\.csv is larger than 1000 bytes/);
    expect(await refusal(readImportFile(dir))).toMatch(/is not a regular file/);
    expect(await readImportFile(join(dir, "big.csv"), { maxBytes: 2000 })).toBe("x".repeat(2000));
  });
});

describe("issue 18 #5: invalid UTF-8 is refused with its byte offset", () => {
  it("finds the first bad sequence (hand-made cases)", () => {
    const at = (...b: number[]) => utf8ErrorOffset(new Uint8Array(b));
    expect(at(0x61, 0xc3, 0xa9, 0x62)).toBe(-1); // "aéb"
    expect(at(0x61, 0xff)).toBe(1); // 0xFF is never UTF-8
    expect(at(0x61, 0x62, 0xc0, 0xaf)).toBe(2); // overlong "/"
    expect(at(0xed, 0xa0, 0x80)).toBe(0); // an encoded surrogate U+D800
    expect(at(0x61, 0xe2, 0x82)).toBe(1); // truncated "€"
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0); // beyond U+10FFFF
    expect(at(0xf0, 0x9f, 0x98, 0x80)).toBe(-1); // 😀
  });

  it("refuses a file with a bad byte instead of decoding it to U+FFFD", async () => {
    const dir = temp();
    const file = join(dir, "latin1.csv");
    writeFileSync(file, Buffer.concat([Buffer.from("id,title\nr1,Caf"), Buffer.from([0xe9]), Buffer.from("\n")]));
    expect(await refusal(readImportFile(file))).toBe(`${file}: not valid UTF-8 at byte offset 15 (save the file as UTF-8)`);
  });

  it("names UTF-16 (with or without a byte-order mark) instead of a bad UTF-8 byte at offset 0", async () => {
    // Excel's "Unicode Text" / PowerShell's default: UTF-16LE with FF FE. Before: "not valid UTF-8 at byte offset 0".
    const dir = temp();
    const le = join(dir, "unicode.csv");
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id,title\nr1,Café\n", "utf16le")]));
    expect(await refusal(readImportFile(le))).toBe(`${le}: is UTF-16 (byte-order mark FF FE), not UTF-8 (save the file as UTF-8; in Excel, "CSV UTF-8")`);
    const be = join(dir, "big-endian.xml");
    writeFileSync(be, Buffer.from([0xfe, 0xff, 0x00, 0x3c]));
    expect(await refusal(readImportFile(be))).toMatch(/is UTF-16 \(byte-order mark FE FF\)/);
    // Without a mark the ASCII is valid UTF-8 with a NUL after every character ("i\0d\0"…): before, read as text
    // with NULs in every cell. The first NUL is byte 1.
    const bare = join(dir, "no-bom.csv");
    writeFileSync(bare, Buffer.from("id,title\nr1,x\n", "utf16le"));
    expect(await refusal(readImportFile(bare))).toBe(`${bare}: a NUL byte at byte offset 1: UTF-16 without a byte-order mark, or not a text file (save the file as UTF-8)`);
    // A NUL in a later chunk is found at its file offset.
    const late = join(dir, "late.csv");
    writeFileSync(late, Buffer.concat([Buffer.alloc(70_000, 0x61), Buffer.from([0])]));
    expect(await refusal(collect(readImportChunks(late, { chunkBytes: 65_536 })))).toMatch(/a NUL byte at byte offset 70000:/);
  });

  it("finds the offset when the bad sequence spans two read chunks", async () => {
    const dir = temp();
    const file = join(dir, "split.csv");
    // "€" (E2 82 AC) starts 1 byte before the 64 KiB chunk boundary and is cut off by a bad byte after it.
    const head = Buffer.alloc(65_535, 0x61);
    writeFileSync(file, Buffer.concat([head, Buffer.from([0xe2, 0x82, 0x41])]));
    expect(await refusal(collect(readImportChunks(file, { chunkBytes: 65_536 })))).toMatch(/not valid UTF-8 at byte offset 65535 /);
    // A valid "€" across the same boundary reads back whole.
    writeFileSync(file, Buffer.concat([head, Buffer.from("€!")]));
    expect((await collect(readImportChunks(file, { chunkBytes: 65_536 }))).slice(-2)).toBe("€!");
  });
});

describe("issue 18 #5: UTF-8 read one byte at a time", () => {
  it("decodes multi-byte characters split over 1-byte chunks and finds a late error's offset", async () => {
    const dir = temp();
    const file = join(dir, "tiny.csv");
    writeFileSync(file, "a€😀é");
    expect(await collect(readImportChunks(file, { chunkBytes: 1 }))).toBe("a€😀é");
    writeFileSync(file, Buffer.concat([Buffer.from("a€"), Buffer.from([0xf0, 0x9f, 0x41])]));
    expect(await refusal(collect(readImportChunks(file, { chunkBytes: 1 })))).toMatch(/at byte offset 4 /);
  });
});
