import { describe, expect, it } from "vitest";
import { csvProblems, importCsv } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * A JSON column given a value of another shape. The request's `mandatory` field is `{ reason }` (the request schema:
 * "present when the request must be done regardless of score (law, contract)"), so `true` in a spreadsheet column
 * named "mandatory" is the natural mistake. Before: `Invalid input: expected object, received boolean` — the codec's
 * words, which name neither the column's form nor a way out.
 */
const HEAD = "id,key,title,portfolioId,sponsorId,requesterId,purpose,need,status,mandatory";
const problemsOf = (cell: string) => csvProblems(validationErrorOf(() =>
  importCsv("request", `${HEAD}\nr1,REQ-1,Title,pf-1,p-1,p-2,Purpose,Need,submitted,${cell}`, { importedAt: IMPORTED_AT })));
const SHAPE = 'mandatory holds a JSON object with reason, such as {"reason": …}, or is empty for none';

describe("CSV JSON columns: a refused cell says what the column holds", () => {
  it("mandatory = true", () => {
    expect(problemsOf("true")).toEqual([{ row: 2, column: "mandatory", message: `"true" is not accepted: ${SHAPE}` }]);
  });

  it("mandatory = yes or a bare reason (not JSON)", () => {
    expect(problemsOf("yes")[0]!.message).toBe(`"yes" is not valid JSON: ${SHAPE}`);
    // The bare reason gets the exact cell to write (csv-mandatory-reason.test.ts); a yes, which is no reason, does not.
    expect(problemsOf("GDPR art. 30")[0]!.message).toBe(`"GDPR art. 30" is not valid JSON: ${SHAPE}: for this reason write {"reason":"GDPR art. 30"} (in a CSV file "{""reason"":""GDPR art. 30""}")`);
  });

  it("mandatory = {} names the missing key and the shape", () => {
    expect(problemsOf("{}")[0]!.message).toBe(`mandatory.reason: required field is missing (${SHAPE})`);
  });

  it("a list column: effort = 40", () => {
    const text = `id,key,title,portfolioId,sponsorId,requesterId,purpose,need,status,effort\nr1,REQ-1,T,pf-1,p-1,p-2,P,N,submitted,40`;
    expect(csvProblems(validationErrorOf(() => importCsv("request", text, { importedAt: IMPORTED_AT })))[0]!.message)
      .toBe('"40" is not accepted: effort holds a JSON list of objects with skill, period, hours, such as [{"skill": …, "period": …, "hours": …}], or is empty for none');
  });

  it("the written form still reads", () => {
    const text = `${HEAD}\nr1,REQ-1,Title,pf-1,p-1,p-2,Purpose,Need,submitted,"{""reason"":""GDPR art. 30""}"`;
    expect(importCsv("request", text, { importedAt: IMPORTED_AT }).records[0]!.mandatory).toEqual({ reason: "GDPR art. 30" });
  });
});
