import { checkLimit } from "../limit.js";

/** Limits a workbook must stay within before pmokit reads it; each is checked while the file streams by. */
export interface XlsxLimits {
  /** Most bytes all needed entries may inflate to together (default 256 MiB). Zip bombs stop here. */
  readonly maxInflatedBytes?: number;
  /** Most entries in the archive (default 10,000). */
  readonly maxEntries?: number;
  /** Most shared strings (default 1,000,000). */
  readonly maxSharedStrings?: number;
  /** Most characters of all shared strings together (default 64 Mi). */
  readonly maxSharedStringChars?: number;
  /** Most rows read from one sheet (default 100,000); a longer sheet is refused as soon as its row passes by. */
  readonly maxRows?: number;
  /** Most columns of a row (default 1,000). */
  readonly maxColumns?: number;
}
/** @internal The keys of {@link XlsxLimits}. */
export const XLSX_LIMIT_KEYS = { maxInflatedBytes: 1, maxEntries: 1, maxSharedStrings: 1, maxSharedStringChars: 1, maxRows: 1, maxColumns: 1 } satisfies Record<keyof XlsxLimits, 1>;

/** The limits in force, every one filled in. @internal */
export type ResolvedXlsxLimits = Required<XlsxLimits>;

/**
 * @internal Fills in the defaults. A limit given must be a number above 0: NaN or a string compares false against
 * every size and would switch its guard (the zip-bomb limit among them) off.
 */
export function resolveXlsxLimits(l: XlsxLimits = {}): ResolvedXlsxLimits {
  for (const key of LIMIT_KEYS) checkLimit(l[key], key, "XLSX options");
  return {
    maxInflatedBytes: l.maxInflatedBytes ?? 256 * 1024 * 1024,
    maxEntries: l.maxEntries ?? 10_000,
    maxSharedStrings: l.maxSharedStrings ?? 1_000_000,
    maxSharedStringChars: l.maxSharedStringChars ?? 64 * 1024 * 1024,
    maxRows: l.maxRows ?? 100_000,
    maxColumns: l.maxColumns ?? 1_000,
  };
}

const LIMIT_KEYS = ["maxInflatedBytes", "maxEntries", "maxSharedStrings", "maxSharedStringChars", "maxRows", "maxColumns"] as const;
