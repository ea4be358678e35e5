import { describe, expect, it } from "vitest";
import { decodeEntity } from "../../src/entities/index.js";
import { exportXlsx, importXlsx } from "../../src/io/index.js";
import { encodeXstring, decodeXstring } from "../../src/io/xlsx/xstring.js";
import { loadSampleOffice } from "../../examples/office.js";
import { IMPORTED_AT } from "./fixtures.js";

describe("XLSX export keeps U+007F (DELETE)", () => {
  // ExcelJS's XML writer drops U+007F from cell text (its escape set holds \x7F with the C0 controls), though XML 1.0
  // allows it. Before: "a\u007Fb" was written as "ab" and read back so — a changed description without a word.
  // Expected: written as the ST_Xstring escape _x007F_ (ECMA-376 §22.9.2.19), read back as written.
  it("round-trips a description holding DEL", async () => {
    const base = loadSampleOffice()["cost-entry"][0] as Record<string, unknown>;
    const entry = decodeEntity("cost-entry", { ...base, id: "c1", description: "a\u007Fb" });
    const back = importXlsx("cost-entry", await exportXlsx({ "cost-entry": [entry] }), { importedAt: IMPORTED_AT }).records;
    expect([...(back[0]!.description ?? "")].map((c) => c.codePointAt(0))).toEqual([0x61, 0x7f, 0x62]);
    expect(encodeXstring("a\u007Fb")).toBe("a_x007F_b");
    expect(decodeXstring(encodeXstring("a\u007Fb"))).toBe("a\u007Fb");
  });
});
