import { describe, expect, it } from "vitest";
import { decimal, isoDate, metric, missing } from "../../src/core/index.js";
import { ragStatus } from "../../src/status/index.js";
import { executiveSummarySection, judgeKpis, overallRule, portfolioSection, renderMarkdownReport, type TableBlock } from "../../src/reports/index.js";
import { cellText } from "../../src/reports/cells.js";
import type { EarnedValueResult } from "../../src/variance/index.js";

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

describe("an overridden overall colour reads the same in the portfolio table as in the summary", () => {
  // SPI 0.80 < 0.85 → schedule red, CPI 0.97 ≥ 0.95 → cost green: the rules compute red; the override says green.
  const rag = ragStatus({ id: "P1" }, { asOf: isoDate(asOf), figures: { spi: metric(decimal("0.80")), cpi: metric(decimal("0.97")) }, override: { colour: "green", comment: "recovery plan approved", by: "p-ana" } });
  const people = { "p-ana": "Ana Costa" };
  const evm = { figures: { cpi: missing("no-data"), spi: missing("no-data"), selectedEac: { value: missing("no-data") } }, schedule: { spiT: missing("no-data"), forecastFinish: { spiT: missing("no-data") } } } as unknown as EarnedValueResult;

  it("names the computed colour the override replaced", () => {
    expect(rag.overall).toMatchObject({ colour: "green", computed: "red" });
    const t = portfolioSection({ asOf, projects: [{ code: "P1", name: "One", rag, evm }], people }).blocks[1] as TableBlock;
    // Before: "Green — override by Ana Costa: recovery plan approved" — the detail hid that the RAG rules say red,
    // while overallRule (the summary's text for the same project) reads "… (computed red)".
    expect(cellText(t.table.rows[0]![2]!)).toBe("Green — override by Ana Costa: recovery plan approved (computed red)");
    expect(cellText(t.table.rows[0]![2]!)).toBe(`Green — ${overallRule(rag, people)}`);
  });

  it("adds nothing when the override agrees with the rules", () => {
    const same = ragStatus({ id: "P2" }, { asOf: isoDate(asOf), figures: { spi: metric(decimal("0.80")), cpi: metric(decimal("0.97")) }, override: { colour: "red", comment: "as computed", by: "p-ana" } });
    const t = portfolioSection({ asOf, projects: [{ code: "P2", name: "Two", rag: same, evm }], people }).blocks[1] as TableBlock;
    expect(cellText(t.table.rows[0]![2]!)).toBe("Red — override by Ana Costa: as computed");
  });
});
