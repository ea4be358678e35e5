/**
 * File helpers for Node: the only part of `pmokit/io` that imports `node:` modules. Everything else works on
 * strings and bytes, so it runs in browsers and workers too.
 *
 * @module
 */
import { open, stat, type FileHandle } from "node:fs/promises";
import { ValidationError, checkArguments, checkOptionKeys } from "../core/index.js";
import { UNZIP_REQIFZ_KEYS, unzipReqifz, type UnzipReqifzOptions } from "./reqif/zip.js";
import { pendingUtf8Bytes, utf8ErrorOffset } from "./utf8.js";

/** Options of {@link readImportFile} and {@link readImportChunks}. */
export interface ReadImportFileOptions extends UnzipReqifzOptions {
  /** Largest file accepted, in bytes (default 512 MiB); counted while reading, so a growing file or a device stops there too. */
  readonly maxBytes?: number;
  /** Read something that is not a regular file (a pipe, `/dev/stdin`, a device) — still only up to `maxBytes`. Default false. */
  readonly allowNonRegular?: boolean;
  /** Bytes per read (default 1 MiB). */
  readonly chunkBytes?: number;
}
const READ_FILE_KEYS = { ...UNZIP_REQIFZ_KEYS, maxBytes: 1, allowNonRegular: 1, chunkBytes: 1 } satisfies Record<keyof ReadImportFileOptions, 1>;

const DEFAULT_MAX = 512 * 1024 * 1024;

async function openBounded(path: string, options: ReadImportFileOptions): Promise<{ handle: FileHandle; max: number }> {
  const max = options.maxBytes ?? DEFAULT_MAX;
  const refuse = (why: string) => ValidationError.single([], `${path} ${why}`, "import file");
  // stat before open: opening a FIFO would block until a writer comes.
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    throw ValidationError.single([], `${path}: cannot read the file (${e.code ?? e.message})`, "import file");
  });
  if (!info.isFile() && options.allowNonRegular !== true) throw refuse("is not a regular file (a folder, device or pipe); refused unless allowNonRegular is set");
  if (info.isFile() && info.size > max) throw refuse(`is larger than ${max} bytes`);
  const handle = await open(path, "r").catch((e: NodeJS.ErrnoException) => {
    throw ValidationError.single([], `${path}: cannot read the file (${e.code ?? e.message})`, "import file");
  });
  return { handle, max };
}

/** Reads the raw bytes in chunks, refusing once more than `max` bytes came (whatever stat said). */
async function* byteChunks(path: string, options: ReadImportFileOptions): AsyncGenerator<Uint8Array> {
  const { handle, max } = await openBounded(path, options);
  const size = options.chunkBytes ?? 1024 * 1024;
  let total = 0;
  try {
    for (;;) {
      const buffer = new Uint8Array(size);
      const { bytesRead } = await handle.read(buffer, 0, size, null);
      if (bytesRead === 0) return;
      total += bytesRead;
      if (total > max) throw ValidationError.single([], `${path} is larger than ${max} bytes`, "import file");
      yield bytesRead === size ? buffer : buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

function notUtf8(path: string, offset: number): ValidationError {
  return ValidationError.single([], `${path}: not valid UTF-8 at byte offset ${offset} (save the file as UTF-8)`, "import file");
}

/**
 * Streams a text file to import as UTF-8 text chunks, bounded: a file that is not a regular file is refused (unless
 * `allowNonRegular`), the size is checked before and counted while reading (`maxBytes`), and bytes that are not
 * well-formed UTF-8 are refused with their byte offset — never turned into U+FFFD. A leading UTF-8 byte-order mark is
 * dropped; a UTF-16 one, or a NUL byte (UTF-16 without a mark), is refused naming UTF-16. Memory stays at one chunk, whatever the file size.
 *
 * @throws {ValidationError} when the file cannot be read, is not a regular file, is too large or is not UTF-8.
 * @example
 * ```ts
 * for await (const text of readImportChunks("costs.csv")) parser.write(text);
 * ```
 */
export async function* readImportChunks(path: string, options: ReadImportFileOptions = {}): AsyncGenerator<string> {
  checkArguments("readImportChunks", { options: [options, "object"] });
  checkOptionKeys("readImportChunks", options, READ_FILE_KEYS);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let base = 0; // file offset of the chunk being decoded
  let carry = new Uint8Array(0); // bytes of a sequence the previous chunk cut short (the decoder holds them)
  for await (const chunk of byteChunks(path, options)) {
    // UTF-16 (Excel's "Unicode Text", Windows tools) is named, not reported as a bad UTF-8 byte at offset 0; without a
    // byte-order mark its ASCII decodes as valid UTF-8 interleaved with NULs, which no file to import holds.
    const bom = base === 0 && chunk.length > 1 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff));
    if (bom) throw ValidationError.single([], `${path}: is UTF-16 (byte-order mark ${chunk[0] === 0xff ? "FF FE" : "FE FF"}), not UTF-8 (save the file as UTF-8; in Excel, "CSV UTF-8")`, "import file");
    const nul = chunk.indexOf(0);
    if (nul >= 0) throw ValidationError.single([], `${path}: a NUL byte at byte offset ${base + nul}: UTF-16 without a byte-order mark, or not a text file (save the file as UTF-8)`, "import file");
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const joined = new Uint8Array(carry.length + chunk.length);
      joined.set(carry);
      joined.set(chunk, carry.length);
      throw notUtf8(path, base - carry.length + Math.max(0, utf8ErrorOffset(joined)));
    }
    // The bytes the decoder now holds back: found on the last few bytes joined to the previous carry (a chunk may be
    // shorter than one character).
    const tail = new Uint8Array([...carry, ...chunk.subarray(Math.max(0, chunk.length - 3))]);
    carry = tail.slice(tail.length - pendingUtf8Bytes(tail));
    base += chunk.length;
    if (text !== "") yield text;
  }
  let last: string;
  try {
    last = decoder.decode();
  } catch {
    throw notUtf8(path, base - carry.length);
  }
  if (last !== "") yield last;
}

/**
 * Reads a file to import as text, bounded like {@link readImportChunks}: `.reqifz` archives are unzipped (with the
 * inflate limit), anything else is read as strict UTF-8.
 *
 * @throws {ValidationError} when the file is not a regular file, is larger than `maxBytes`, is not UTF-8, or the archive is refused.
 * @example
 * ```ts
 * const { document } = readReqif(await readImportFile("spec.reqifz", { maxInflatedBytes: 64 * 1024 * 1024 }));
 * ```
 */
export async function readImportFile(path: string, options: ReadImportFileOptions = {}): Promise<string> {
  checkArguments("readImportFile", { options: [options, "object"] });
  checkOptionKeys("readImportFile", options, READ_FILE_KEYS);
  if (path.toLowerCase().endsWith(".reqifz")) {
    const parts: Uint8Array[] = [];
    let total = 0;
    for await (const c of byteChunks(path, options)) {
      parts.push(c);
      total += c.length;
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    const { maxBytes: _b, allowNonRegular: _n, chunkBytes: _c, ...unzip } = options;
    return unzipReqifz(bytes, unzip).text;
  }
  const parts: string[] = [];
  for await (const text of readImportChunks(path, options)) parts.push(text);
  return parts.join("");
}
