import { describe, expect, it } from "vitest";
import { decodeEntity, scheduleNetwork } from "../../src/index.js";
import { scheduleInputFromPlan } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";

const office = loadSampleOffice();
const crm = [decodeEntity("project", office.project.find((p) => (p as { id: string }).id === "PRJ-CRM"))];
const raw = (office["work-package"] as Record<string, unknown>[]).find((r) => r.id === "wp-crm-3")!;
const pkg = (id: string, extra: Record<string, unknown>) => {
  const { actualStart: _s, actualFinish: _f, durationDays: _d, predecessors: _p, parentId: _q, ...rest } = raw;
  return decodeEntity("work-package", {
    ...rest, id, code: String(id.length + id.charCodeAt(id.length - 1)), plannedStart: "2027-01-04", plannedFinish: "2027-01-08", progress: [], earningRule: { type: "percent-complete" },
    timePhasedBudget: [], ...extra,
  });
};

/*
 * A link from a summary ties its successor to the summary's dates, and a summary starts when its first child starts
 * (MS Project rolls the summary's start up as the earliest child start). Summary S: L1 (5 d) then L2 (5 d, FS after
 * L1). T (1 d) SS from S starts with S, Mon 2027-01-04. Before: the SS link was spread to every leaf, so T waited for
 * the *latest* leaf start, L2's Mon 2027-01-11 — a week late.
 */
describe("scheduleInputFromPlan: SS and SF links from a summary leave from the leaf that starts it", () => {
  const S = pkg("wp-s", { plannedFinish: "2027-01-15" });
  const L1 = pkg("wp-l1", { parentId: "wp-s", durationDays: "5" });
  const L2 = pkg("wp-l2", { parentId: "wp-s", durationDays: "5", plannedStart: "2027-01-11", plannedFinish: "2027-01-15", predecessors: [{ predecessorId: "wp-l1", type: "FS" }] });
  const T = (type: "SS" | "FS") => pkg("wp-t", { durationDays: "1", predecessors: [{ predecessorId: "wp-s", type }] });

  it("SS from the summary: T starts with L1 (the summary's start), Mon 4", () => {
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [S, L1, L2, T("SS")] });
    expect(plan.input.links!.filter((l) => l.to === "wp-t")).toEqual([{ from: "wp-l1", to: "wp-t", type: "SS" }]);
    const t = scheduleNetwork(plan.input).activities.find((a) => a.id === "wp-t")!;
    expect(t.earlyStart).toBe("2027-01-04");
  });

  it("FS from the summary still waits for every leaf (its finish is the latest leaf finish): Mon 18", () => {
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [S, L1, L2, T("FS")] });
    expect(plan.input.links!.filter((l) => l.to === "wp-t").map((l) => l.from)).toEqual(["wp-l1", "wp-l2"]);
    expect(scheduleNetwork(plan.input).activities.find((a) => a.id === "wp-t")!.earlyStart).toBe("2027-01-18");
  });

  it("two first leaves: the one that starts the summary carries the link (ties to the smaller id), and a note says so", () => {
    // L1 and L2b both start Mon 4 (anchored at their planned start): S starts Mon 4 with either; the tie goes to wp-l1.
    const L2b = pkg("wp-l2", { parentId: "wp-s", durationDays: "5" });
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [S, L1, L2b, T("SS")] });
    expect(plan.input.links!.filter((l) => l.to === "wp-t").map((l) => l.from)).toEqual(["wp-l1"]);
    expect(plan.notes).toContain("wp-s → wp-t (SS) joins a summary: linked from wp-l1, the leaf that starts wp-s (a summary starts with its earliest leaf)");
  });
});
