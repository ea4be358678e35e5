// Strict stream imports: importMspdiBatches and importCsvBatches ignored a misspelt option (`batchsize`,
// `delimeter`) while the default ran — 1,000 records per batch, or a `;` file read as one column. They now refuse a
// key they do not know, at [key], as importCsv and mspdiToPmokit do.
import { describe, expect, it } from "vitest";
import { importCsvBatches, importMspdiBatches } from "../../src/io/index.js";
import { IMPORTED_AT } from "./fixtures.js";
import { issuesOfAsync } from "../support/errors.js";

const MSPDI = { projectId: "prj-x", projectCode: "PRJ-X", projectManagerId: "p-pm", sponsorId: "p-sp", importedBy: "p-pm", importedAt: IMPORTED_AT };
const MAPPING = "projectId, projectCode, projectManagerId, sponsorId, importedBy, importedAt, costCategory, expenditure, percentLagUnit";
const ROW_KEYS = "mapping, defaults, importedAt, idFor, maxCellChars, neutralised, delimiter, decimalMark, booleans, dateFormat";

async function drain<T>(g: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const b of g) out.push(b);
  return out;
}

describe("io: the stream imports refuse unknown option keys", () => {
  it("importMspdiBatches", async () => {
    expect(await issuesOfAsync(() => drain(importMspdiBatches(() => ["<Project/>"], { ...MSPDI, batchsize: 10 } as never)))).toEqual([
      ["batchsize", `unknown option (importMspdiBatches takes ${MAPPING}, currency, maxDepth, batchSize, maxChars, onCurrency, onReport)`],
    ]);
  });

  it("importCsvBatches", async () => {
    expect(await issuesOfAsync(() => drain(importCsvBatches("cost-entry", ["name\n"], { importedAt: IMPORTED_AT, delimeter: ";" } as never)))).toEqual([
      ["delimeter", `unknown option (importCsvBatches takes ${ROW_KEYS}, batchSize, maxProblems, onWarning)`],
    ]);
    // The known keys still run: a header-only file has no records.
    expect(await drain(importCsvBatches("cost-entry", ["projectId;date;amount;currency\n"], { importedAt: IMPORTED_AT, delimiter: ";", batchSize: 5 }))).toEqual([]);
  });
});
