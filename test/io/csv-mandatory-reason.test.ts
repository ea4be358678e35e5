import { describe, expect, it } from "vitest";
import { csvProblems, exportCsv, importCsv } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";
import { IMPORTED_AT } from "./fixtures.js";

/*
 * A request's `mandatory` column holds a JSON object `{"reason": …}` (the request codec's field, docs/interop.md's
 * "structured cells … hold JSON", and what exportCsv writes), so a bare reason (`GDPR Art. 30`) stays refused: a
 * text could as well be "no" or "n/a". Before, the message showed the shape with a placeholder,
 * `such as {"reason": …}`; it now writes the cell the user meant, with their text as the reason, and that cell as
 * the CSV file holds it (quotes doubled), byte for byte what exportCsv writes.
 */
const HEAD = "id,key,title,portfolioId,sponsorId,requesterId,purpose,need,status,mandatory";
const row = (cell: string) => `${HEAD}\nr1,REQ-1,Title,pf-1,p-1,p-2,Purpose,Need,submitted,${cell}`;
const problemsOf = (cell: string) => csvProblems(validationErrorOf(() => importCsv("request", row(cell), { importedAt: IMPORTED_AT })));

describe("CSV mandatory column: a bare reason is refused with the exact cell to write", () => {
  it("GDPR Art. 30 → write {\"reason\":\"GDPR Art. 30\"}", () => {
    expect(problemsOf("GDPR Art. 30")).toEqual([{
      row: 2, column: "mandatory",
      message: '"GDPR Art. 30" is not valid JSON: mandatory holds a JSON object with reason, such as {"reason": …}, or is empty for none: for this reason write {"reason":"GDPR Art. 30"} (in a CSV file "{""reason"":""GDPR Art. 30""}")',
    }]);
  });

  it("a yes or no is no reason: the shape alone, as before", () => {
    expect(problemsOf("Yes")[0]!.message).toBe('"Yes" is not valid JSON: mandatory holds a JSON object with reason, such as {"reason": …}, or is empty for none');
  });

  it("the cell the message names reads back to that reason, and export writes the same shape", () => {
    const text = row('"{""reason"":""GDPR Art. 30""}"');
    const [r] = importCsv("request", text, { importedAt: IMPORTED_AT }).records;
    expect(r!.mandatory).toEqual({ reason: "GDPR Art. 30" });
    expect(exportCsv("request", [r!], { columns: ["id", "mandatory"] })).toBe('id,mandatory\nr1,"{""reason"":""GDPR Art. 30""}"\n');
  });
});
