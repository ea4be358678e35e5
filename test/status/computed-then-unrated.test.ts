import { describe, expect, it } from "vitest";
import { decimal, instant, isoDate, metric } from "../../src/index.js";
import { createStatusReport, ragStatus, statusReportInForce } from "../../src/status/index.js";
import { firstIssuePath } from "../support/errors.js";

// `computedThen` is the colour the report's own dimensions gave: with too few rated dimensions there was none, as
// ragStatus's overall status says (insufficientData), and the report-in-force must say so, not name a colour.

const d = (x: string) => metric(decimal(x));
const rules = [
  { id: "cost-cpi", dimension: "cost", kind: "index", figure: "cpi", greenAtLeast: "0.95", amberAtLeast: "0.85" },
  { id: "resources-allocation", dimension: "resources", kind: "resources" },
];
const override = { colour: "amber" as const, comment: "Contractor market is drying up.", by: "p-ana" };
const publish = (rag: ReturnType<typeof ragStatus>) =>
  createStatusReport(rag, { id: "SR-P-10", authorId: "p-ana", summary: "s", publishedAt: instant("2026-10-31T09:00:00Z"), publishedBy: "p-ana" });
const inForce = (rag: ReturnType<typeof ragStatus>, minimumRatedDimensions?: number) =>
  statusReportInForce([publish(rag)], { projectId: "P", asOf: isoDate("2026-11-20"), ...(minimumRatedDimensions ? { minimumRatedDimensions } : {}) });

describe("statusReportInForce: computedThen of a report with too few rated dimensions", () => {
  // October: CPI 1 ≥ 0.95 → cost green; no hours → resources not rated. 1 of 2 dimensions rated, the default minimum
  // 2 → ragStatus computed no colour; the PM published amber with a comment.
  const october = ragStatus({ id: "P" }, { asOf: isoDate("2026-10-30"), rules, figures: { cpi: d("1") }, override });

  it("the report itself had no computed colour", () => {
    expect(october.overall.computed).toBeUndefined();
    expect(october.overall.insufficientData?.explanation).toBe("1 of 2 dimensions rated, at least 2 needed; not rated: resources");
  });

  it("says unrated with the reason, not green", () => {
    // Before: computedThen "green" (the worst of the one rated dimension).
    const o = inForce(october)!.override!;
    expect(o.computedThen).toBeUndefined();
    expect(o.insufficientDataThen).toEqual({ reason: "insufficient-data", minimumRated: 2, rated: ["cost"], unrated: [], explanation: "1 dimension rated in SR-P-10, at least 2 needed" });
  });

  it("with enough rated dimensions the colour stands; a minimum of 1 (one dimension with rules) lets one rated do", () => {
    // CPI 0.9 → cost amber; allocated 400 = planned, actual 350 ≤ 400 → resources green: worst amber, 2 rated.
    const both = ragStatus({ id: "P" }, { asOf: isoDate("2026-10-30"), rules, override: { ...override, colour: "red" }, figures: { cpi: d("0.9"), plannedHours: d("400"), allocatedHours: d("400"), actualHours: d("350") } });
    expect(inForce(both)!.override).toMatchObject({ computedThen: "amber" });
    expect(inForce(both)!.override).not.toHaveProperty("insufficientDataThen");
    expect(inForce(october, 1)!.override).toMatchObject({ computedThen: "green" });
    expect(inForce(october, 3)!.override!.insufficientDataThen?.explanation).toBe("1 dimension rated in SR-P-10, at least 3 needed");
  });

  it("refuses a minimum that is not a whole number ≥ 1", () => {
    for (const m of [0, 1.5, -1]) {
      expect(firstIssuePath(() => statusReportInForce([], { projectId: "P", asOf: isoDate("2026-11-20"), minimumRatedDimensions: m }))).toEqual(["minimumRatedDimensions"]);
    }
  });
});
