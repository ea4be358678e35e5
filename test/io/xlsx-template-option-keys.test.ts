// xlsxTemplate ignored a misspelt option (`row: 50`) and wrote its default 1,000 rows; it now refuses a key it does
// not know, at [key], as the other io functions do.
import { describe, expect, it } from "vitest";
import { xlsxTemplate } from "../../src/io/index.js";
import { issuesOfAsync } from "../support/errors.js";

describe("io: xlsxTemplate refuses unknown option keys", () => {
  it("a misspelt rows", async () => {
    expect(await issuesOfAsync(() => xlsxTemplate("cost-entry", { row: 50 } as never))).toEqual([["row", "unknown option (xlsxTemplate takes rows)"]]);
    // The known key still runs: an XLSX file is a zip (it starts with "PK").
    const bytes = await xlsxTemplate("cost-entry", { rows: 5 });
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe("PK");
  });
});
