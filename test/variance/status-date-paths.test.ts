import { describe, expect, it } from "vitest";
import { money } from "../../src/index.js";
import { agileEarnedValue } from "../../src/variance/index.js";
import { scheduleInputFromPlan } from "../../src/io/index.js";
import { analyzeOffice, sampleOfficeRecords } from "../../src/office/index.js";
import { firstIssuePathAsync } from "../support/errors.js";

// A status date that is not YYYY-MM-DD must be refused at its path, before anything is compared with it: these
// refused it without a path (agileEarnedValue, analyzeOffice), or not at all (scheduleInputFromPlan compared progress
// days with it as strings — "2026-03-15" <= "2026-3-1" — and returned an input only scheduleNetwork refused later).

const pathOf = firstIssuePathAsync;

const release = {
  sprints: [{ finish: "2026-10-09" }, { finish: "2026-10-23" }],
  totalPoints: "100",
  completedPoints: "40",
  budget: money("100000.00", "EUR"),
  costs: [{ id: "c1", date: "2026-10-09", amount: money("30000.00", "EUR") }],
};

describe("status dates are refused at their path", () => {
  it("agileEarnedValue: statusDate and a cost's date", async () => {
    // AC as of 2026-10-23: the one cost, 30,000.00.
    expect(agileEarnedValue(release as never, { statusDate: "2026-10-23" }).figures.ac.value?.amount.toFixed(2)).toBe("30000.00");
    expect(await pathOf(() => agileEarnedValue(release as never, { statusDate: "2026-10-2" }))).toEqual(["statusDate"]);
    const badCost = { ...release, costs: [{ id: "c1", date: "2026-10-9", amount: money("30000.00", "EUR") }] };
    expect(await pathOf(() => agileEarnedValue(badCost as never, { statusDate: "2026-10-23" }))).toEqual(["costs", 0, "date"]);
  });

  it("scheduleInputFromPlan: statusDate", async () => {
    expect(await pathOf(() => scheduleInputFromPlan({ projects: [], workPackages: [], milestones: [] }, { statusDate: "2026-3-1" }))).toEqual(["statusDate"]);
  });

  it("analyzeOffice: statusDate", async () => {
    expect(await pathOf(() => analyzeOffice(sampleOfficeRecords(), { statusDate: "yesterday" }))).toEqual(["statusDate"]);
  });
});
