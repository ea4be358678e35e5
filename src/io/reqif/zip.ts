import { Unzip, UnzipInflate, zipSync, strToU8 } from "fflate";
import { ValidationError } from "../../core/index.js";
import { utf8ErrorOffset } from "../utf8.js";

/** Options of {@link unzipReqifz}. */
export interface UnzipReqifzOptions {
  /** Most bytes the archive may inflate to, all entries together (default 256 MiB). Checked while inflating. */
  readonly maxInflatedBytes?: number;
}

/** The `.reqif` text of a `.reqifz` archive and the names of the other entries (attachments). */
export interface ReqifzContent {
  /** Name of the ReqIF entry read. */
  readonly name: string;
  /** Its text (UTF-8). */
  readonly text: string;
  /** Other entries (OLE objects, images), listed, not read. */
  readonly attachments: readonly string[];
}

/**
 * Reads a `.reqifz` (zip) archive with fflate and returns its first `.reqif` entry as text. Inflation is counted
 * as it streams, so an archive that inflates beyond `maxInflatedBytes` (a zip bomb, or a size header that lies) is
 * refused before it fills memory. Attachments are listed, not inflated.
 *
 * @throws {ValidationError} when the archive is corrupt, holds no `.reqif` entry, inflates beyond the limit or its text is not UTF-8.
 * @example
 * ```ts
 * const { text, attachments } = unzipReqifz(readFileSync("spec.reqifz"), { maxInflatedBytes: 64 * 1024 * 1024 });
 * ```
 */
export function unzipReqifz(data: Uint8Array, options: UnzipReqifzOptions = {}): ReqifzContent {
  const limit = options.maxInflatedBytes ?? 256 * 1024 * 1024;
  const chunks: Uint8Array[] = [];
  const attachments: string[] = [];
  let name: string | undefined;
  let total = 0;
  let failure: string | undefined;
  const unzip = new Unzip((file) => {
    if (name !== undefined || !file.name.toLowerCase().endsWith(".reqif")) {
      attachments.push(file.name);
      return;
    }
    name = file.name;
    file.ondata = (err, chunk, _final) => {
      if (failure) return;
      if (err) {
        failure = `corrupt archive entry ${file.name}: ${err.message}`;
        return;
      }
      total += chunk.length;
      if (total > limit) {
        failure = `${file.name} inflates beyond the limit of ${limit} bytes; refused`;
        file.terminate();
        return;
      }
      chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Feed in slices so the size check runs between inflation steps, not only at the end.
    const step = 64 * 1024;
    for (let i = 0; i < data.length && !failure; i += step) unzip.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length);
  } catch (e) {
    failure ??= `corrupt .reqifz archive: ${(e as Error).message}`;
  }
  if (failure) throw ValidationError.single([], failure, "ReqIF archive");
  if (name === undefined) throw ValidationError.single([], "the archive holds no .reqif file", "ReqIF archive");
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  // Strict UTF-8: a bad byte is refused with its offset, never turned into U+FFFD.
  const bad = utf8ErrorOffset(all);
  if (bad !== -1) throw ValidationError.single([], `${name} in the archive: not valid UTF-8 at byte offset ${bad}`, "ReqIF archive");
  return { name, text: new TextDecoder("utf-8").decode(all), attachments };
}

/**
 * Packs a ReqIF text into a `.reqifz` archive (one deflated entry).
 *
 * @example
 * ```ts
 * writeFileSync("spec.reqifz", zipReqifz(writeReqif(document), "spec.reqif"));
 * ```
 */
export function zipReqifz(text: string, name = "export.reqif"): Uint8Array {
  return zipSync({ [name]: strToU8(text) }, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) });
}
