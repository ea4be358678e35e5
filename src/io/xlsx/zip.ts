import { Unzip, UnzipInflate } from "fflate";
import { ValidationError } from "../../core/index.js";
import type { ResolvedXlsxLimits } from "./limits.js";

/**
 * Inflates the entries of a workbook that `wanted` accepts, counting bytes as they stream: the archive is refused
 * as soon as the total passes `maxInflatedBytes` (a zip bomb, or a size header that lies) or it holds more than
 * `maxEntries` entries. Other entries (images, printer settings) are never inflated.
 * @internal
 */
export function inflateWorkbook(data: Uint8Array, wanted: (name: string) => boolean, limits: ResolvedXlsxLimits): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array[]>();
  let total = 0;
  let entries = 0;
  let failure: string | undefined;
  const unzip = new Unzip((file) => {
    entries++;
    if (entries > limits.maxEntries) failure ??= `the workbook has more than ${limits.maxEntries} entries; refused`;
    if (failure || !wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    parts.set(file.name, chunks);
    file.ondata = (err, chunk) => {
      if (failure) return;
      if (err) {
        failure = `corrupt workbook entry ${file.name}: ${err.message}`;
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
    const step = 64 * 1024;
    for (let i = 0; i < data.length && !failure; i += step) unzip.push(data.subarray(i, Math.min(data.length, i + step)), i + step >= data.length);
  } catch (e) {
    failure ??= `not an xlsx workbook (zip): ${(e as Error).message}`;
  }
  if (failure) throw ValidationError.single([], failure, "XLSX workbook");
  const out = new Map<string, Uint8Array>();
  for (const [name, chunks] of parts) {
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.length;
    }
    out.set(name, all);
  }
  return out;
}
