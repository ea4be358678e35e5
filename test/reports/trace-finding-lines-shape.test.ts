import { describe, expect, it } from "vitest";
import { traceFindingLines } from "../../src/reports/index.js";
import { issuesOf } from "../support/errors.js";

// Found by the errors-as-data property at 10× its runs: traceFindingLines([{}], () => 1) threw a TypeError ("refs is
// not iterable") from inside; a finding of another shape is now a ValidationError at the field it lacks.
describe("traceFindingLines refuses a finding it cannot read", () => {
  it("names the finding and the field", () => {
    expect(issuesOf(() => traceFindingLines([{}] as never, (r) => r))).toEqual([["findings.0.message", "expected a string"]]);
    const ok = { check: "orphan", severity: "warning", message: "requirement:R1 has no parent", items: ["requirement:R1"], links: [] };
    expect(issuesOf(() => traceFindingLines([ok, { ...ok, items: "requirement:R1" }] as never, (r) => r))).toEqual([["findings.1.items", "expected a list of references"]]);
    expect(issuesOf(() => traceFindingLines([{ ...ok, links: null }] as never, (r) => r))).toEqual([["findings.0.links", "expected a list of references"]]);
    // A well-formed finding still reads: a single orphan keeps its own line, its item named by the label.
    expect(traceFindingLines([ok] as never, (r) => r.replace("requirement:", "REQ "))).toEqual(["warning: REQ R1 has no parent"]);
  });
});
