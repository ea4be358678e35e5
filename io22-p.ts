import fc from "fast-check";
import { decodeEntity } from "./src/entities/index.js";
import { exportCsv, importCsv, exportXlsx, importXlsxWorkbook } from "./src/io/index.js";
import { loadSampleOffice } from "./examples/office.js";
const base = loadSampleOffice()["cost-entry"][0] as Record<string, unknown>;
const mk = (d: string) => { if (d === "") return undefined; try { return decodeEntity("cost-entry", { ...base, id: "ce-1", description: d }); } catch { return undefined; } };
const piece = fc.oneof(fc.string({ unit: "grapheme", maxLength: 4 }), fc.constantFrom(";", ",", "\t", "=", "+", "-", "@", "'", "\r", "\n", "\r\n", "\"", "＝", " ", "\u00a0", "_x0041_", "_", "\u007f", "\u0001", "\ufeff", "1", "-1", ".5"));
const text = fc.array(piece, { maxLength: 8 }).map((p) => p.join(""));
const seed = Date.now() % 100000; console.log("seed", seed);
let fails = 0;
for (const [delimiter, decimalMark] of [[",", undefined], [";", ","], ["\t", ","], [";", undefined]] as const) {
  try {
    fc.assert(fc.property(text, (d) => {
      const e = mk(d); if (!e) return true;
      const csv = exportCsv("cost-entry", [e], { delimiter, decimalMark, bom: true });
      const back = importCsv("cost-entry", csv, { importedAt: "2026-11-25T12:00:00.000Z", delimiter, decimalMark }).records[0]!;
      if (back.description !== e.description) throw new Error(`csv ${JSON.stringify(delimiter)}: ${JSON.stringify(e.description)} -> ${JSON.stringify(back.description)}`);
    }), { seed, numRuns: 400 });
  } catch (err: any) { fails++; console.log(String(err.message).split("\n").slice(0, 8).join("\n")); }
}
const samples = fc.sample(text, { seed, numRuns: 200 });
for (const d of samples) {
  const e = mk(d); if (!e) continue;
  try {
    const bytes = await exportXlsx({ "cost-entry": [e] });
    const back = importXlsxWorkbook(bytes, { sheets: { "cost-entry": { kind: "cost-entry" } }, importedAt: "2026-11-25T12:00:00.000Z" }).records["cost-entry"]![0]!;
    if (back.description !== e.description) { fails++; console.log("xlsx", JSON.stringify(e.description), "->", JSON.stringify(back.description)); }
  } catch (err: any) { fails++; console.log("xlsx throw", JSON.stringify(d), String(err.message).slice(0, 300)); }
}
console.log("fails", fails);
