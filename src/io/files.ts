/**
 * File helpers for Node: the only part of `pmokit/io` that imports `node:` modules. Everything else works on
 * strings and bytes, so it runs in browsers and workers too.
 *
 * @module
 */
import { readFile } from "node:fs/promises";
import { ValidationError } from "../core/index.js";
import { unzipReqifz, type UnzipReqifzOptions } from "./reqif/zip.js";

/** Options of {@link readImportFile}. */
export interface ReadImportFileOptions extends UnzipReqifzOptions {
  /** Largest file accepted, in bytes (default 512 MiB). */
  readonly maxBytes?: number;
}

/**
 * Reads a file to import as text: `.reqifz` archives are unzipped (with the inflate limit), anything else is read
 * as UTF-8.
 *
 * @throws {ValidationError} when the file is larger than `maxBytes`, or the archive is refused.
 * @example
 * ```ts
 * const { document } = readReqif(await readImportFile("spec.reqifz", { maxInflatedBytes: 64 * 1024 * 1024 }));
 * ```
 */
export async function readImportFile(path: string, options: ReadImportFileOptions = {}): Promise<string> {
  const bytes = await readFile(path);
  const max = options.maxBytes ?? 512 * 1024 * 1024;
  if (bytes.length > max) throw ValidationError.single([], `${path} is larger than ${max} bytes`, "import file");
  if (path.toLowerCase().endsWith(".reqifz")) return unzipReqifz(new Uint8Array(bytes), options).text;
  return new TextDecoder("utf-8").decode(bytes);
}
