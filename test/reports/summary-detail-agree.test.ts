import { describe, expect, it } from "vitest";
import { missing } from "../../src/core/index.js";
import { ragStatus } from "../../src/status/index.js";
import { executiveSummarySection, judgeKpis, renderMarkdownReport } from "../../src/reports/index.js";

const asOf = "2026-11-20";

describe("a missing KPI figure in the executive summary keeps its detail", () => {
  it("shows 'n/a (reason: detail)', as every table and figure shows a missing metric (missingText)", () => {
    // Before: "n/a (no-data)" and "not measured (no-data): cannot be judged" — the detail saying why was dropped,
    // while the portfolio KPI table of the same report reads "n/a (no-data: no closed project yet)".
    const [k] = judgeKpis([{ label: "On-time delivery", actual: missing("no-data", "no closed project yet"), target: { atLeast: "80" }, unit: "%" }]);
    expect(k).toEqual({
      label: "On-time delivery",
      status: "not-measured",
      actual: "n/a (no-data: no closed project yet)",
      target: "≥ 80%",
      rule: "not measured (no-data: no closed project yet): cannot be judged",
    });
    const md = renderMarkdownReport({ title: "t", sections: [executiveSummarySection({ asOf, projects: [], kpis: [{ label: "On-time delivery", actual: missing("no-data", "no closed project yet"), target: { atLeast: "80" }, unit: "%" }] })] });
    expect(md).toContain("- On-time delivery (target ≥ 80%): not measured (no-data: no closed project yet): cannot be judged");
  });

  it("keeps the plain form for a reason without detail", () => {
    expect(judgeKpis([{ label: "D", actual: missing("no-data"), target: { atLeast: "80" } }])[0]).toMatchObject({ actual: "n/a (no-data)", rule: "not measured (no-data): cannot be judged" });
  });
});
