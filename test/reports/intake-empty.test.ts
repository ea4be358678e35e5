import { describe, expect, it } from "vitest";
import { scoreRequests, type ScoringModel } from "../../src/index.js";
import { intakeSection, renderMarkdownReport } from "../../src/reports/index.js";

// A database without requests: the office report's intake section showed the built-in model ("Model "Northwind intake
// 2027" …: 0 requests ranked"), an empty table and the sample's budget and capacity as if they had been applied.
describe("the intake section without requests", () => {
  it("says that nothing was scored or selected, and shows no model, table or envelope", () => {
    const model: ScoringModel = { kind: "weighted-sum", name: "Northwind intake 2027", criteria: [{ id: "value" }] };
    const board = scoreRequests([], model, { asOf: "2026-11-20" });
    const s = intakeSection({ scoreboard: board, requests: [] });
    expect(s.blocks).toEqual([{ kind: "paragraph", text: "No requests in the intake: nothing was scored or selected." }]);
    expect(s.sections).toBeUndefined();
    const md = renderMarkdownReport({ title: "t", sections: [s] });
    expect(md).not.toContain("Northwind intake 2027");
  });
});
