import { describe, expect, it } from "vitest";
import { scheduleNetwork } from "../../src/index.js";
import { scheduleInputFromPlan } from "../../src/io/index.js";
import { crm, milestone, packageBuilder } from "./plan-summary-fixtures.js";

/*
 * MS Project reads a summary as its leaves: its start is the earliest leaf start, its finish the latest leaf finish,
 * and a link *into* it binds every leaf (each starts no earlier; none waits for another). Dates are on the CRM
 * project's Monday–Friday calendar; Mon 2027-01-04 is every unlinked package's planned start (its SNET anchor).
 */
const pkg = packageBuilder(100);
const fs = (id: string, days?: string) => ({ predecessorId: id, type: "FS" as const, ...(days ? { lag: { kind: "working-days", days } } : {}) });
const dates = (plan: ReturnType<typeof scheduleInputFromPlan>) =>
  Object.fromEntries(scheduleNetwork(plan.input).activities.map((a) => [a.id, `${a.earlyStart}–${a.earlyFinish}`]));

// S holds L1, L2 (FS after L1) and L3 (FS after Q, outside S); P (2 d) FS → S.
const P = pkg("P", { durationDays: "2" });
const Q = pkg("Q", { durationDays: "10" });
const S = pkg("S", { predecessors: [fs("P")] });
const L1 = pkg("L1", { parentId: "S", durationDays: "1" });
const L2 = pkg("L2", { parentId: "S", durationDays: "1", predecessors: [fs("L1")] });
const L3 = pkg("L3", { parentId: "S", durationDays: "1", predecessors: [fs("Q")] });

describe("scheduleInputFromPlan: a link into a summary binds each leaf, leaves do not wait for each other", () => {
  it("P → S: L1 Wed 6, L2 Thu 7 (after L1), L3 Mon 18 (after Q) — L2 does not wait for L3", () => {
    // P Mon 4–Tue 5; Q Mon 4–Fri 15. Each leaf starts no earlier than Wed 6 (P's finish): L1 Wed 6, L2 after L1 Thu 7,
    // L3 after Q Mon 18. Not a defect: this is MS Project's reading.
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [P, Q, S, L1, L2, L3] });
    expect(dates(plan)).toMatchObject({ L1: "2027-01-06–2027-01-06", L2: "2027-01-07–2027-01-07", L3: "2027-01-18–2027-01-18" });
  });

  it("SS from S with two first leaves (L1, L3): T starts with S's start, Wed 6 (it waited for L3, Mon 18)", () => {
    // S starts with its earliest leaf, L1 on Wed 6; L3, S's other first leaf, starts Mon 18. MS Project: T SS S starts
    // Wed 6. Before, T was linked from both first leaves and waited for the later one, Mon 18.
    const T = pkg("T", { durationDays: "1", predecessors: [{ predecessorId: "S", type: "SS" }] });
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [P, Q, S, L1, L2, L3, T] });
    expect(plan.input.links!.filter((l) => l.to === "T")).toEqual([{ from: "L1", to: "T", type: "SS" }]);
    expect(dates(plan).T).toBe("2027-01-06–2027-01-06");
  });

  it("T linked only by SS from S is linked: no planned-start anchor (planned Mon 11, it still starts Wed 6)", () => {
    // T's one predecessor is S: it is linked through L1, so it is not held at its planned start Mon 11.
    const T = pkg("T", { durationDays: "1", plannedStart: "2027-01-11", plannedFinish: "2027-01-11", predecessors: [{ predecessorId: "S", type: "SS" }] });
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [P, Q, S, L1, L2, L3, T] });
    expect(plan.input.activities.find((a) => a.id === "T")!.constraint).toBeUndefined();
    expect(dates(plan).T).toBe("2027-01-06–2027-01-06");
  });

  it("SF from S with a lag: the lag counts from S's start (L1, Wed 6): T finishes by Fri 8", () => {
    // SF + 2 days: T's finish ≥ S's start (Wed 6 morning) + 2 working days = Fri 8 morning, so T (1 d) is Thu 7, its
    // finish Thu 7 evening = Fri 8 morning. From L3 (Mon 18) it was Tue 19.
    const T = pkg("T", { durationDays: "1", predecessors: [{ predecessorId: "S", type: "SF", lag: { kind: "working-days", days: "2" } }] });
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [P, Q, S, L1, L2, L3, T] });
    expect(dates(plan).T).toBe("2027-01-07–2027-01-07");
  });
});

describe("scheduleInputFromPlan: FF and SF links into a summary bind its finish, not every leaf's", () => {
  const F = pkg("F", { durationDays: "8" });
  const S2 = pkg("S", { predecessors: [{ predecessorId: "F", type: "FF" }] });

  it("F FF → S (L1, L2 after L1): L2, which finishes S, finishes with F on Wed 13; L1 stays Mon 4", () => {
    // F Mon 4–Wed 13. Without the link S is L1 Mon 4, L2 Tue 5: L2 finishes S. S's finish ≥ F's finish puts L2 on
    // Wed 13; L1 is not pushed, so S is Mon 4–Wed 13, finishing with F (MS Project refuses an FF link into a summary;
    // this is the reading that keeps its meaning). Before: both leaves were FF after F, L1 Wed 13 and L2 Thu 14 — S
    // finished a day after F.
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [F, S2, L1, L2] });
    expect(plan.input.links!.filter((l) => l.from === "F")).toEqual([{ from: "F", to: "L2", type: "FF" }]);
    expect(dates(plan)).toMatchObject({ F: "2027-01-04–2027-01-13", L1: "2027-01-04–2027-01-04", L2: "2027-01-13–2027-01-13" });
    expect(plan.notes).toContain("F → S (FF) joins a summary: linked into L2, the leaf that finishes S (it binds the summary's finish; no other leaf is pushed)");
  });

  it("a leaf that already finishes S later than F carries the link, and nothing moves", () => {
    // L4 (12 d) Mon 4–Tue 19 finishes S after F (Wed 13): the FF link binds L4, already met; L1 Mon 4 and L2 Tue 5 stay.
    const L4 = pkg("L4", { parentId: "S", durationDays: "12" });
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [F, S2, L1, L2, L4] });
    expect(plan.input.links!.filter((l) => l.from === "F").map((l) => l.to)).toEqual(["L4"]);
    expect(dates(plan)).toMatchObject({ L1: "2027-01-04–2027-01-04", L2: "2027-01-05–2027-01-05", L4: "2027-01-04–2027-01-19" });
  });
});

describe("scheduleInputFromPlan: milestones under a summary are among its leaves", () => {
  it("X FS after S waits for S's milestone M (Wed 13): Thu 14, not Fri 8 after the packages alone", () => {
    // P Mon 4–Tue 5 → S: L1 Wed 6, L2 Thu 7. M (on S) is FS + 5 days after L1: Wed 6 evening + 5 working days = Wed 13.
    // S finishes with its latest leaf, M on Wed 13, so X starts Thu 14. Before, M was not a leaf of S: X started Fri 8.
    const M = milestone("M", { workPackageId: "S", baselineDate: "2027-01-13", predecessors: [fs("L1", "5")] });
    const X = pkg("X", { durationDays: "1", predecessors: [fs("S")] });
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [P, S, L1, L2, X], milestones: [M] });
    expect(plan.input.links!.filter((l) => l.to === "X").map((l) => l.from)).toEqual(["L1", "L2", "M"]);
    expect(dates(plan)).toMatchObject({ M: "2027-01-13–2027-01-13", X: "2027-01-14–2027-01-14" });
  });

  it("a link into S binds its milestone too: M (no own predecessor) is reached no earlier than P's finish", () => {
    // M on S with no predecessor was anchored at its baseline Mon 4; P → S now binds it: M on Tue 5 (P's finish).
    const M = milestone("M", { workPackageId: "S", baselineDate: "2027-01-04" });
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [P, S, L1, L2], milestones: [M] });
    expect(plan.input.links!.filter((l) => l.to === "M")).toEqual([{ from: "P", to: "M", type: "FS" }]);
    expect(dates(plan).M).toBe("2027-01-05–2027-01-05");
  });
});
