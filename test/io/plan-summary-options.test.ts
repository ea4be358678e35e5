import { describe, expect, it } from "vitest";
import { scheduleNetwork, type ScheduleOptions } from "../../src/index.js";
import { scheduleInputFromPlan } from "../../src/io/index.js";
import { crm, milestone, packageBuilder } from "./plan-summary-fixtures.js";

/*
 * The leaf that finishes a summary (for an FF or SF link into it) is chosen on the schedule the user computes: with the
 * schedule options given to scheduleInputFromPlan (`schedule`, scheduleNetwork's options), not the defaults. Dates on
 * the CRM project's Monday–Friday calendar; Mon 2027-01-04 is every unlinked package's planned start.
 */
const pkg = packageBuilder(200);
const dates = (plan: ReturnType<typeof scheduleInputFromPlan>, options: ScheduleOptions) =>
  Object.fromEntries(scheduleNetwork(plan.input, options).activities.map((a) => [a.id, `${a.earlyStart}–${a.earlyFinish}`]));

describe("scheduleInputFromPlan: the leaf that finishes a summary, on the user's schedule options", () => {
  // Status Wed 6. P (5 d) not started: Thu 7–Wed 13. A (3 d, on S) started Mon 4 out of sequence, FS after P, 1 day
  // left. B (3 d, on S) not started: Thu 7–Mon 11. X (10 d): Thu 7–Wed 20. X FF → S: S finishes no earlier than X.
  const P = pkg("P", { durationDays: "5" });
  const S = pkg("S", { predecessors: [{ predecessorId: "X", type: "FF" }] });
  const A = pkg("A", { parentId: "S", durationDays: "3", actualStart: "2027-01-04", predecessors: [{ predecessorId: "P", type: "FS" }], progress: [{ date: "2027-01-06", remainingDays: "1" }] });
  const B = pkg("B", { parentId: "S", durationDays: "3" });
  const X = pkg("X", { durationDays: "10" });
  const records = { projects: crm, workPackages: [P, S, A, B, X] };

  it("progress override: B finishes S, so X FF → B and S finishes with X on Wed 20 (the link went to A and was lost)", () => {
    // Under progress override A's last day does not wait for P: A ends Thu 7, B Mon 11 — B finishes S. X FF → B puts
    // B on Mon 18–Wed 20, and S (A, B) finishes Wed 20, with X. Chosen with the defaults (retained logic: A's day after
    // P, Thu 14, finishes S), the link went to A — started work, whose links progress override ignores — so S
    // finished Mon 11, seven working days before X, although S is FF after X.
    const override: ScheduleOptions = { outOfSequence: "progress-override" };
    const plan = scheduleInputFromPlan(records, { statusDate: "2027-01-06", schedule: override });
    expect(plan.input.links!.filter((l) => l.from === "X")).toEqual([{ from: "X", to: "B", type: "FF" }]);
    expect(plan.notes).toContain("X → S (FF) joins a summary: linked into B, the leaf that finishes S (it binds the summary's finish; no other leaf is pushed)");
    expect(dates(plan, override)).toMatchObject({ A: "2027-01-04–2027-01-07", B: "2027-01-18–2027-01-20", X: "2027-01-07–2027-01-20" });
  });

  it("retained logic (the default) still links A: its last day follows P, Thu 14, and X then pushes it to Wed 20", () => {
    const plan = scheduleInputFromPlan(records, { statusDate: "2027-01-06" });
    expect(plan.input.links!.filter((l) => l.from === "X")).toEqual([{ from: "X", to: "A", type: "FF" }]);
    expect(dates(plan, {})).toMatchObject({ A: "2027-01-04–2027-01-20", B: "2027-01-07–2027-01-11" });
  });

  it("milestone dating: under next-working-time M (Mon 11) finishes S, not L (Sun 10), so X FF → M moves M, not L", () => {
    // K (7-day, 6 d) Mon 4–Sat 9 FS → M (on S): reached Sat 9 ("reached") or moved to Mon 11 ("next-working-time").
    // L (7-day, 7 d, on S) Mon 4–Sun 10. X (7 d) Mon 4–Tue 12, FF → S. Reached: L (Sun 10) finishes S, X FF → L. Next
    // working time: M (Mon 11) finishes S, so X FF → M: M on Tue 12 and L stays Mon 4–Sun 10. Chosen with the
    // defaults, L was pushed to Wed 6–Tue 12 although it did not finish S in that schedule (M stayed Mon 11).
    const seven = { workingWeekdays: [1, 2, 3, 4, 5, 6, 7] };
    const K = pkg("K", { durationDays: "6", calendar: seven });
    const S2 = pkg("S", { predecessors: [{ predecessorId: "X", type: "FF" }] });
    const L = pkg("L", { parentId: "S", durationDays: "7", calendar: seven });
    const X7 = pkg("X", { durationDays: "7" });
    const M = milestone("M", { workPackageId: "S", baselineDate: "2027-01-11", predecessors: [{ predecessorId: "K", type: "FS" }] });
    const next: ScheduleOptions = { milestoneDating: "next-working-time" };
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [K, S2, L, X7], milestones: [M] }, { schedule: next });
    expect(plan.input.links!.filter((l) => l.from === "X")).toEqual([{ from: "X", to: "M", type: "FF" }]);
    expect(dates(plan, next)).toMatchObject({ L: "2027-01-04–2027-01-10", M: "2027-01-12–2027-01-12" });
    const byDefault = scheduleInputFromPlan({ projects: crm, workPackages: [K, S2, L, X7], milestones: [M] });
    expect(byDefault.input.links!.filter((l) => l.from === "X")).toEqual([{ from: "X", to: "L", type: "FF" }]);
  });
});

describe("scheduleInputFromPlan: schedule options are checked", () => {
  it("refuses a bad option at schedule.<option>, and a schedule that is not an object", () => {
    const records = { projects: crm, workPackages: [pkg("A", { durationDays: "1" })] };
    expect(() => scheduleInputFromPlan(records, { schedule: { milestoneDating: "monday" as "reached" } })).toThrow("schedule.milestoneDating: expected reached or next-working-time");
    expect(() => scheduleInputFromPlan(records, { schedule: "override" as unknown as ScheduleOptions })).toThrow("options.schedule: expected an object");
  });
});
