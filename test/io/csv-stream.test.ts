import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { ValidationError } from "../../src/core/index.js";
import { decodeEntity } from "../../src/entities/index.js";
import { exportCsv, importCsv, importCsvBatches, readAllRecords, readImportChunks, writeImportedBatches } from "../../src/io/index.js";
import { createMemoryAdapter } from "../../src/storage/index.js";
import { IMPORTED_AT } from "./fixtures.js";

const office = loadSampleOffice();
const OPTIONS = { importedAt: IMPORTED_AT };
/** The text in pieces of `n` characters, as a stream would deliver it (cells and lines cut anywhere). */
const pieces = (text: string, n: number) => Array.from({ length: Math.ceil(text.length / n) }, (_, i) => text.slice(i * n, (i + 1) * n));
const all = async <T>(it: AsyncIterable<T[]>) => {
  const batches: T[][] = [];
  for await (const b of it) batches.push(b);
  return batches;
};
const costCsv = () => exportCsv("cost-entry", office["cost-entry"].map((w) => decodeEntity("cost-entry", w)));

describe("issue 18 #2: CSV imported as a stream, in batches", () => {
  it.each(["request", "requirement", "cost-entry", "checklist-item"] as const)("%s: the same records as importCsv, in batches of 3, from 7-character pieces", async (kind) => {
    const text = exportCsv(kind, office[kind].map((w) => decodeEntity(kind, w)) as never);
    const batches = await all(importCsvBatches(kind, pieces(text, 7), { ...OPTIONS, batchSize: 3 }));
    expect(batches.slice(0, -1).every((b) => b.length === 3)).toBe(true);
    expect(batches.flat()).toEqual(importCsv(kind, text, OPTIONS).records);
  });

  it("a bad row after earlier batches: batches stop, then one error with the same problems as importCsv", async () => {
    const lines = costCsv().split("\n");
    lines[8] = lines[8]!.replace(/,\d{4}-\d{2}-\d{2},/, ",2026-02-30,"); // line 9 of the file
    const text = lines.join("\n");
    const seen: number[] = [];
    let error: unknown;
    try {
      for await (const b of importCsvBatches("cost-entry", pieces(text, 50), { ...OPTIONS, batchSize: 2 })) seen.push(b.length);
    } catch (e) {
      error = e;
    }
    expect(seen).toEqual([2, 2, 2]); // lines 2–7; line 8 waits in a batch that is never yielded
    expect(error).toBeInstanceOf(ValidationError);
    expect(() => importCsv("cost-entry", text, OPTIONS)).toThrow(ValidationError);
    try {
      importCsv("cost-entry", text, OPTIONS);
    } catch (e) {
      expect((error as ValidationError).issues).toEqual((e as ValidationError).issues);
    }
  });

  it("stored in one transaction: a bad row late in the file rolls every stored batch back", async () => {
    const adapter = createMemoryAdapter();
    const lines = costCsv().split("\n");
    const bad = [...lines.slice(0, -1), lines[1]!.replace(/^[^,]+/, "ce-late").replace(/,EUR,/, ",EURO,"), ""].join("\n");
    await expect(writeImportedBatches(adapter, "cost-entry", importCsvBatches("cost-entry", pieces(bad, 64), { ...OPTIONS, batchSize: 2 }))).rejects.toThrow(ValidationError);
    expect((await readAllRecords(adapter))["cost-entry"]).toEqual([]);
    const n = await writeImportedBatches(adapter, "cost-entry", importCsvBatches("cost-entry", pieces(costCsv(), 64), { ...OPTIONS, batchSize: 2 }));
    expect([n, (await readAllRecords(adapter))["cost-entry"]!.length]).toEqual([office["cost-entry"].length, office["cost-entry"].length]);
  });

  it("stops after maxProblems and reports malformed CSV with its line", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `r${i},,`).join("\n");
    try {
      await all(importCsvBatches("requirement", [`id,title,statement\n${rows}\n`], { ...OPTIONS, maxProblems: 5 }));
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues.length).toBe(5);
    }
    await expect(all(importCsvBatches("requirement", ['id,title\n"r1,x\n'], OPTIONS))).rejects.toThrow(/malformed CSV/);
  });

  it("passes the file reader's refusals through (invalid UTF-8 with its offset)", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "pmokit-csv-")), "bad.csv");
    writeFileSync(file, Buffer.concat([Buffer.from("id,title\nr1,Caf"), Buffer.from([0xe9, 0x0a])]));
    await expect(all(importCsvBatches("requirement", readImportChunks(file), OPTIONS))).rejects.toThrow(/not valid UTF-8 at byte offset 15/);
  });
});

describe("issue 18 #2: stopping early never hangs", () => {
  it("maxProblems reached while the source still has chunks waiting", async () => {
    function* manyChunks() {
      yield "id,title,statement\n";
      for (let i = 0; i < 20_000; i++) yield `r${i},,\n`;
    }
    await expect(all(importCsvBatches("requirement", manyChunks(), { ...OPTIONS, maxProblems: 3 }))).rejects.toThrow(ValidationError);
  });

  it("a consumer that stops after the first batch", async () => {
    const text = costCsv();
    for await (const b of importCsvBatches("cost-entry", pieces(text, 5), { ...OPTIONS, batchSize: 1 })) {
      expect(b).toHaveLength(1);
      break;
    }
  });
});
