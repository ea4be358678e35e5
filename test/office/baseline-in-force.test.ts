import { describe, expect, it } from "vitest";
import { analyzeDelivery } from "../../src/cli/office.js";
import { sampleOfficeRecords } from "../../src/office/index.js";

// The office reads one baseline per project and date for its three schedule views: earned value, the milestone slip
// table and the RAG count of missed key milestones. PRJ-CRM's active baseline is 1, captured 2026-09-18; baseline 0
// (captured 2026-03-20) had the build milestone on 2026-12-18, baseline 1 moved it to 2027-01-29.

function crm(statusDate: string, edit: (r: ReturnType<typeof sampleOfficeRecords>) => void = () => {}) {
  const records = sampleOfficeRecords();
  edit(records);
  const p = analyzeDelivery(records, statusDate).projects.find((x) => x.code === "PRJ-CRM")!;
  const overdueKey = p.slips.filter((s) => s.key && s.status === "overdue").map((s) => s.id);
  return { p, overdueKey, missed: p.rag.derived["missedKeyMilestones"] };
}

describe("the office: one baseline for earned value, milestone slips and RAG", () => {
  it("a milestone's stale own baselineDate does not make RAG count it missed against the baseline in force", () => {
    // ms-crm-build keeps baseline 0's date (2026-12-18) in its own field. On 2026-12-21 baseline 1 is in force: the
    // build is due 2027-01-29, so nothing is missed. Before, RAG read the stale field: 1 missed → amber, while the
    // slip table (baseline 1) showed it on track.
    const stale = crm("2026-12-21", (r) => {
      (r.milestone as { id: string; baselineDate?: string }[]).find((m) => m.id === "ms-crm-build")!.baselineDate = "2026-12-18";
    });
    expect(stale.p.series.atStatusDate.baseline).toBe(1);
    expect(stale.overdueKey).toEqual([]);
    expect(stale.missed).toMatchObject({ value: "0", baseline: 1 });
    expect(stale.p.slips.find((s) => s.id === "ms-crm-build")).toMatchObject({ baselineDate: "2027-01-29", status: "on-track" });
  });

  it("before the active baseline is captured, all three read the baseline in force then", () => {
    // On 2026-09-10 baseline 1 does not exist yet: earned value measures against baseline 0, and so do the slips
    // (before: the office asked for baseline 1 by number, and every milestone read no-baseline) and RAG.
    const early = crm("2026-09-10");
    expect(early.p.series.atStatusDate.baseline).toBe(0);
    expect(early.p.slips.map((s) => s.status)).not.toContain("no-baseline");
    // Baseline 0's key milestones due by then: design 2026-05-29, achieved 2026-06-05 → none overdue.
    expect(early.p.slips.find((s) => s.id === "ms-crm-design")).toMatchObject({ baselineDate: "2026-05-29", status: "achieved-late" });
    expect(early.missed).toMatchObject({ value: "0", baseline: 0 });
    expect(early.overdueKey).toEqual([]);
  });

  it("after the active baseline's date, a milestone overdue against it is counted on both views", () => {
    // On 2027-02-01 baseline 1's build (2027-01-29) has passed without an actual: overdue in the slip table and one
    // missed key milestone in RAG.
    const late = crm("2027-02-01");
    expect(late.overdueKey).toEqual(["ms-crm-build"]);
    expect(late.missed).toMatchObject({ value: "1", from: ["ms-crm-build"], baseline: 1 });
  });
});
