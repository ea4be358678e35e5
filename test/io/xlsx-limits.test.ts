import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";

// A limit of NaN or "abc" compared false against every size (`total > NaN` is never true), so it switched that guard
// off — for maxInflatedBytes, the zip-bomb limit. Refused before a byte is read, as the ReqIF archive reader does.
describe("readXlsx limits", () => {
  it.each([
    ["maxInflatedBytes", Number.NaN],
    ["maxInflatedBytes", "abc"],
    ["maxRows", 0],
    ["maxColumns", -1],
    ["maxEntries", Number.NaN],
    ["maxSharedStrings", "10"],
    ["maxSharedStringChars", Number.NaN],
  ])("%s = %s is refused at its path", (key, value) => {
    const e = validationErrorOf(() => readXlsx(new Uint8Array([1, 2, 3]), { [key]: value } as never));
    expect(e.issues.map((i) => i.path)).toEqual([[key]]);
    expect(e.issues[0]!.message).toMatch(/a limit is a number above 0/);
  });

  it("a valid limit still reaches the workbook check (the bytes are not a workbook)", () => {
    const e = validationErrorOf(() => readXlsx(new Uint8Array([1, 2, 3]), { maxRows: 10 }));
    expect(e.issues[0]!.path).toEqual([]);
  });
});
