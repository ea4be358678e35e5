import { describe, expect, it } from "vitest";
import { closedProjectFigures } from "../../src/cli/closed-projects.js";
import { decodeEntity, isoDate, type EntityOf } from "../../src/index.js";
import { onBudget, onTimeDelivery } from "../../src/kpi/index.js";
import { baselineOf, cost, pkg, week } from "../variance/fixtures.js";

// A closed project's delivery KPIs need its baseline finish, actual finish, budget and actual cost; projects have no
// such fields, so the office reads them from earned value. Before, it passed the live planned finish as the baseline
// finish and nothing else: on-time and on-budget could never be measured from stored records.

const T = "2027-01-01T09:00:00.000Z";
const closed = (extra: Record<string, unknown> = {}) => decodeEntity("project", {
  id: "PRJ-T", version: 1, createdAt: T, updatedAt: T, code: "PRJ-T", name: "Test", projectManagerId: "p-pm", sponsorId: "p-sp",
  scope: { inScope: ["Everything"] }, budget: { currency: "EUR", lines: [] },
  plannedStart: "2027-01-04", plannedFinish: "2027-01-31", lifecycle: "closed", statusDate: "2027-02-05", ...extra,
}) as EntityOf<"project">;

// A (0/100) is planned over weeks 1–2 (2027-01-04…01-17, EUR 1,000 a week) and finished 2027-01-20; B (0/100) over
// week 3 (01-18…01-24, EUR 500), finished 01-22. Baseline finish = the later planned finish, 01-24; actual finish =
// the last package's finish, 01-22 (on time). BAC 2,500; AC 700 + 900 + 600 = 2,200 (on budget).
const A = pkg({ id: "A", rule: { type: "0/100" }, slices: [week(1, "1000.00"), week(2, "1000.00")], progress: [{ date: "2027-01-20", started: true, finished: true }] });
const B = pkg({ id: "B", rule: { type: "0/100" }, slices: [week(3, "500.00")], progress: [{ date: "2027-01-22", started: true, finished: true }] });
const costs = [cost("A", "2027-01-07", "700.00"), cost("A", "2027-01-19", "900.00"), cost("B", "2027-01-21", "600.00")];
const records = { workPackages: [A, B], baselines: [baselineOf([A, B])], costEntries: costs };

describe("a closed project's delivery figures come from its earned value", () => {
  it("baseline finish, actual finish, budget and actual cost", () => {
    const f = closedProjectFigures(closed(), records, "2027-02-05");
    expect([f.closedOn, f.baselineFinish, f.actualFinish, f.budget?.amount.toFixed(2), f.actualCost?.amount.toFixed(2)])
      .toEqual(["2027-02-05", "2027-01-24", "2027-01-22", "2500.00", "2200.00"]);
    const period = { from: isoDate("2027-01-01"), to: isoDate("2027-12-31") };
    expect(onTimeDelivery([f], { period }).percent.value?.toFixed()).toBe("100");
    expect(onBudget([f], { period }).percent.value?.toFixed()).toBe("100");
  });

  it("a project not finished, without a baseline or without costs is left unmeasured, not judged on the live plan or a cost of 0", () => {
    // B never finished: no actual finish (the KPI says not-supplied), though the live plannedFinish exists.
    const open = { ...records, workPackages: [A, pkg({ id: "B", rule: { type: "0/100" }, slices: [week(3, "500.00")] })] };
    const unfinished = closedProjectFigures(closed(), open, "2027-02-05");
    expect(unfinished.actualFinish).toBeUndefined();
    expect(onTimeDelivery([unfinished], { period: { from: isoDate("2027-01-01"), to: isoDate("2027-12-31") } }).percent.reason).toBe("not-supplied");
    // No baseline: no baseline finish and no budget (before: the live planned finish, 01-31, stood in for it).
    const unbaselined = closedProjectFigures(closed(), { ...records, baselines: [] }, "2027-02-05");
    expect([unbaselined.baselineFinish, unbaselined.budget]).toEqual([undefined, undefined]);
    // No cost entry: no actual cost (AC 0 would have read as on budget).
    expect(closedProjectFigures(closed(), { ...records, costEntries: [] }, "2027-02-05").actualCost).toBeUndefined();
  });
});
