import { describe, expect, it } from "vitest";
import { decodeEntity, scheduleNetwork } from "../../src/index.js";
import { scheduleInputFromPlan } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";

const office = loadSampleOffice();
const crm = [decodeEntity("project", office.project.find((p) => (p as { id: string }).id === "PRJ-CRM"))];
const raw = (office["work-package"] as Record<string, unknown>[]).find((r) => r.id === "wp-crm-3")!;
// A 10-day package, Mon 2027-01-04 … Fri 2027-01-15, started Mon 4, status Wed 6, earned value by physical % complete.
const pkg = (progress: Record<string, unknown>) =>
  decodeEntity("work-package", {
    ...raw, plannedStart: "2027-01-04", plannedFinish: "2027-01-15", durationDays: "10", actualStart: "2027-01-04", predecessors: undefined,
    timePhasedBudget: [{ start: "2027-01-04", finish: "2027-01-15", amount: { amount: "10000.00", currency: "EUR" } }],
    earningRule: { type: "physical-percent-complete" }, progress: [{ date: "2027-01-06", ...progress }],
  });

describe("scheduleInputFromPlan: physical % complete is an earned-value measure, not schedule progress", () => {
  it("schedules the remaining duration from the duration % complete when one is recorded", () => {
    // MS Project: % Complete is the share of the duration done; Physical % Complete only feeds BCWP and does not
    // move the schedule (a task at 100 % physical is not complete). 10 d at 20 % duration complete leaves 8 d:
    // Thu 7 … Mon 18 (Thu, Fri, Mon–Fri, Mon). Before: the physical 80 % was taken, leaving 2 d (finish Fri 8).
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [pkg({ percentComplete: "20", physicalPercentComplete: "80" })] }, { statusDate: "2027-01-06" });
    expect(plan.input.activities[0]!.progress).toEqual({ actualStart: "2027-01-04", percentComplete: "20" });
    expect(scheduleNetwork(plan.input).activities[0]!.earlyFinish).toBe("2027-01-18");
  });

  it("falls back to the physical % complete, with a note, when no duration % is recorded", () => {
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [pkg({ physicalPercentComplete: "80" })] }, { statusDate: "2027-01-06" });
    expect(plan.input.activities[0]!.progress).toEqual({ actualStart: "2027-01-04", percentComplete: "80" });
    expect(plan.notes).toContain("wp-crm-3 has no duration % complete on 2027-01-06: its physical % complete (80) stands for it");
  });
});
