import { zipSync, strToU8 } from "fflate";
import { checkLimit } from "../limit.js";
import { ValidationError, checkArguments, checkOptionKeys } from "../../core/index.js";
import { inflateEntries } from "../inflate.js";
import { utf8ErrorOffset } from "../utf8.js";

/** Options of {@link unzipReqifz}. */
export interface UnzipReqifzOptions {
  /** Most bytes the archive may inflate to, all entries together (default 256 MiB). Checked while inflating. */
  readonly maxInflatedBytes?: number;
  /**
   * The `.reqif` entry to read, by its name in the archive. Required when the archive holds more than one `.reqif`
   * file (the ReqIF Implementation Guide allows several per exchange container); the others are then listed with the
   * attachments.
   */
  readonly entry?: string;
  /**
   * How the refusal of an archive with several `.reqif` files tells the caller to pick one (default `the entry
   * option`); the `pmokit` command passes `--entry NAME`, its own flag.
   */
  readonly chooseWith?: string;
}
/** @internal The keys of {@link UnzipReqifzOptions}. */
export const UNZIP_REQIFZ_KEYS = { maxInflatedBytes: 1, entry: 1, chooseWith: 1 } satisfies Record<keyof UnzipReqifzOptions, 1>;

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
 * Reads a `.reqifz` (zip) archive with fflate and returns its `.reqif` entry as text — the only one, or the one named
 * by `entry`; an archive with several and no `entry` is refused, never read in part. Inflation is counted
 * as it streams, so an archive that inflates beyond `maxInflatedBytes` (a zip bomb, or a size header that lies) is
 * refused before it fills memory. Attachments are listed, not inflated.
 *
 * @throws {ValidationError} when the archive is corrupt, holds no `.reqif` entry, holds several and no `entry` picks
 *   one (the message lists them), `entry` names none of its `.reqif` entries (path `["entry"]`, listing them),
 *   it inflates beyond the limit or its text is not UTF-8, or when `maxInflatedBytes` is not a number above 0 (path
 *   `["maxInflatedBytes"]`).
 * @example
 * ```ts
 * const { text, attachments } = unzipReqifz(readFileSync("spec.reqifz"), { maxInflatedBytes: 64 * 1024 * 1024 });
 * ```
 */
export function unzipReqifz(data: Uint8Array, options: UnzipReqifzOptions = {}): ReqifzContent {
  checkArguments("unzipReqifz", { options: [options, "object"] });
  checkOptionKeys("unzipReqifz", options, UNZIP_REQIFZ_KEYS);
  checkLimit(options.maxInflatedBytes, "maxInflatedBytes", "ReqIF archive options");
  const entry = options.entry;
  if (entry !== undefined && typeof entry !== "string") throw ValidationError.single(["entry"], "expected the name of a .reqif entry", "ReqIF archive options");
  const isReqif = (n: string) => n.toLowerCase().endsWith(".reqif");
  let name: string | undefined;
  // Only a .reqif entry is read: `entry` naming an attachment (an image, an OLE object) is refused, not parsed as ReqIF.
  const first = (n: string) => (name === undefined && isReqif(n) && (entry === undefined || n === entry) ? ((name = n), true) : false);
  const { entries, names } = inflateEntries(data, first, { maxInflatedBytes: options.maxInflatedBytes ?? 256 * 1024 * 1024 }, "ReqIF archive");
  const reqifs = names.filter(isReqif).sort();
  if (entry !== undefined && name === undefined) throw ValidationError.single(["entry"], `the archive has no .reqif entry ${entry} (its .reqif files: ${reqifs.join(", ") || "none"})`, "ReqIF archive options");
  if (name === undefined) throw ValidationError.single([], "the archive holds no .reqif file", "ReqIF archive");
  if (entry === undefined && reqifs.length > 1) {
    throw ValidationError.single([], `the archive holds ${reqifs.length} .reqif files (${reqifs.join(", ")}): choose one with ${options.chooseWith ?? "the entry option"}`, "ReqIF archive");
  }
  const all = entries.get(name)!;
  // Strict UTF-8: a bad byte is refused with its offset, never turned into U+FFFD.
  const bad = utf8ErrorOffset(all);
  if (bad !== -1) throw ValidationError.single([], `${name} in the archive: not valid UTF-8 at byte offset ${bad}`, "ReqIF archive");
  return { name, text: new TextDecoder("utf-8").decode(all), attachments: names.filter((n) => n !== name) };
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
