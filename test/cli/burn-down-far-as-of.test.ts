import { describe, expect, it } from "vitest";
import { loadSampleOffice, SAMPLE_STATUS_DATE } from "../../examples/office.js";
import { analyzeDelivery } from "../../src/cli/office.js";
import { importDataset } from "../../src/io/index.js";

// The readiness burn-down is one readiness pass per point. With a status date centuries away (`--as-of 2999-12-31`,
// a typo the CLI accepts) it was sampled week by week from the first checklist item: ~50,000 passes, minutes of work
// (6.7 s of a 17.6 s `evm` run at 2199-12-31 went here). It keeps weekly points up to five years and widens the step
// to whole weeks beyond, at most 260 points.
describe("the office's readiness burn-down step", () => {
  const { records } = importDataset({ format: "pmokit-dataset", formatVersion: 1, records: loadSampleOffice() });
  it("week by week on the sample's own status date (the chart as before)", () => {
    const [crm] = analyzeDelivery(records, SAMPLE_STATUS_DATE).rollouts;
    const d = crm!.burnDown.map((p) => p.date);
    expect(d.at(-1)).toBe(SAMPLE_STATUS_DATE);
    // Every step but the last (which lands on the status date) is 7 days.
    const gaps = d.slice(1, -1).map((x, i) => (Date.parse(x) - Date.parse(d[i]!)) / 86_400_000);
    expect(new Set(gaps)).toEqual(new Set([7]));
  });
  it("at most 261 points (260 steps and the status date) at 2199-12-31, in whole weeks", () => {
    const [crm] = analyzeDelivery(records, "2199-12-31").rollouts;
    const d = crm!.burnDown.map((p) => p.date);
    expect(d.length).toBeLessThanOrEqual(261);
    expect(d.at(-1)).toBe("2199-12-31");
    // First item 2026-09-18 to 2199-12-31: 63,285 days = 9,040.7 weeks; ÷ 260 → 35 weeks a step (245 days).
    expect(d.slice(0, 2)).toEqual(["2026-09-18", "2027-05-21"]);
    expect(d.length).toBe(260);
  });
});
