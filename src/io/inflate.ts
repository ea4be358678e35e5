import { Inflate } from "fflate";
import { ValidationError } from "../core/index.js";
import { crc32, zipDirectory } from "./zip-directory.js";

/** Limits of {@link inflateEntries}. @internal */
export interface InflateLimits {
  /** Most bytes the inflated entries may reach together. */
  readonly maxInflatedBytes: number;
  /** Most entries in the archive (default unlimited). */
  readonly maxEntries?: number;
  /** Bytes an earlier pass over the same archive already inflated; they count against `maxInflatedBytes` (default 0). */
  readonly inflatedBefore?: number;
}

/**
 * Inflates the entries of a zip archive that `wanted` accepts, counting bytes as they stream: the archive is refused
 * as soon as the total passes `maxInflatedBytes` (a zip bomb, or a size header that lies) or it holds more than
 * `maxEntries` entries. Entries are those of the central directory, as Excel and LibreOffice read them, and an archive
 * whose local headers tell another story is refused (see zip-directory.ts); each entry inflated must give exactly its
 * size and CRC-32. Other entries are listed in `names`, never inflated. Shared by the ReqIF and XLSX readers.
 * @internal
 */
export function inflateEntries(data: Uint8Array, wanted: (name: string) => boolean, limits: InflateLimits, subject: string): { entries: Map<string, Uint8Array>; names: string[] } {
  const refuse = (message: string): never => {
    throw ValidationError.single([], message, subject);
  };
  const corrupt = (message: string): never => refuse(`corrupt archive: ${message}`);
  const max = limits.maxInflatedBytes;
  const list = zipDirectory(data, limits.maxEntries ?? Infinity, corrupt, () => refuse(`the archive has more than ${limits.maxEntries} entries; refused`));
  const beyond = (name: string) => `${name} inflates beyond the limit of ${max} bytes; refused`;
  let total = limits.inflatedBefore ?? 0;
  const entries = new Map<string, Uint8Array>();
  for (const e of list) {
    if (!wanted(e.name)) continue;
    // The size is checked against the data below, so a size past the limit is refused before anything is inflated.
    if (total + e.size > max) refuse(beyond(e.name));
    const src = data.subarray(e.start, e.start + e.csize);
    let out: Uint8Array;
    if (e.method === 0) out = src.slice();
    else {
      out = new Uint8Array(e.size);
      let got = 0;
      const inflate = new Inflate((chunk) => {
        // Feed in slices so the size check runs between inflation steps, not only at the end.
        if (got + chunk.length > e.size) refuse(got + chunk.length + total > max ? beyond(e.name) : `corrupt archive: ${e.name} inflates to more than its ${e.size} bytes`);
        out.set(chunk, got);
        got += chunk.length;
      });
      try {
        const step = 64 * 1024;
        for (let i = 0; i < src.length || i === 0; i += step) inflate.push(src.subarray(i, Math.min(src.length, i + step)), i + step >= src.length);
      } catch (err) {
        if (err instanceof ValidationError) throw err;
        corrupt(`${e.name}: ${(err as Error).message}`);
      }
      if (got !== e.size) corrupt(`${e.name} inflates to ${got} bytes, not its ${e.size}`);
    }
    if (crc32(out) !== e.crc) corrupt(`${e.name}: its data does not match its CRC-32`);
    total += out.length;
    entries.set(e.name, out);
  }
  return { entries, names: list.map((e) => e.name) };
}
