import { Unzip, UnzipInflate } from "fflate";
import { ValidationError } from "../core/index.js";

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
 * `maxEntries` entries. Other entries are listed in `names`, never inflated. Shared by the ReqIF and XLSX readers.
 * @internal
 */
export function inflateEntries(data: Uint8Array, wanted: (name: string) => boolean, limits: InflateLimits, subject: string): { entries: Map<string, Uint8Array>; names: string[] } {
  const parts = new Map<string, Uint8Array[]>();
  const names: string[] = [];
  let total = limits.inflatedBefore ?? 0;
  let failure: string | undefined;
  const unzip = new Unzip((file) => {
    names.push(file.name);
    if (limits.maxEntries !== undefined && names.length > limits.maxEntries) failure ??= `the archive has more than ${limits.maxEntries} entries; refused`;
    if (failure || !wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    parts.set(file.name, chunks);
    file.ondata = (err, chunk) => {
      if (failure) return;
      if (err) {
        failure = `corrupt archive entry ${file.name}: ${err.message}`;
        return;
      }
      total += chunk.length;
      if (total > limits.maxInflatedBytes) {
        failure = `${file.name} inflates beyond the limit of ${limits.maxInflatedBytes} bytes; refused`;
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
    failure ??= `corrupt archive: ${(e as Error).message}`;
  }
  if (failure) throw ValidationError.single([], failure, subject);
  const entries = new Map<string, Uint8Array>();
  for (const [name, chunks] of parts) {
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    entries.set(name, all);
  }
  return { entries, names };
}
