import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/core/index.js";
import { decodeEntity, scheduleNetwork } from "../../src/index.js";
import { GITHUB_PROJECTS_PROFILE, readTrackerJson, scheduleInputFromPlan, trackerToPmokit } from "../../src/io/index.js";
import { loadSampleOffice } from "../../examples/office.js";

const office = loadSampleOffice();
const crm = [decodeEntity("project", office.project.find((p) => (p as { id: string }).id === "PRJ-CRM"))];

describe("scheduleInputFromPlan: progress without actual dates", () => {
  // A tracker import records progress (points done per day, `started: true`) but no actual start: trackers have no
  // such field. Epic "Lead capture": 18 points, 5 done on 2026-11-03; status 2026-11-20.
  const doc = { items: [
    { id: "I2", title: "Web form", status: "Done", epic: "Lead capture", estimate: 5, "closed at": "2026-11-03T15:10:00Z" },
    { id: "I3", title: "Scoring", status: "In Progress", epic: "Lead capture", estimate: 13 },
  ] };
  const MAP = { projectId: "PRJ-CRM", plannedStart: "2026-09-01", plannedFinish: "2027-03-31", asOf: "2026-11-20", importedAt: "2026-11-20T17:00:00.000Z" };
  const [wp] = trackerToPmokit(readTrackerJson(JSON.stringify(doc), GITHUB_PROJECTS_PROFILE), MAP).records["work-package"];

  it("counts a package whose progress says started as started (from its first started record), not as untouched", () => {
    // Before: no actualStart → the progress was ignored: the package was scheduled unstarted, all 151 working days
    // of 2026-09-01 … 2027-03-31 still ahead. Expected: started on 2026-11-03 (its first started record),
    // 5 / 18 = 27.7778 % complete, and a note saying where the start came from.
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [wp!] }, { statusDate: "2026-11-20" });
    const act = plan.input.activities[0]!;
    expect(act.progress).toEqual({ actualStart: "2026-11-03", percentComplete: "27.7778" });
    expect(act.constraint).toBeUndefined();
    expect(plan.notes).toContain(`${wp!.id} has no actual start: its first progress record that says started (2026-11-03) stands for it`);
    // And the schedule takes it: remaining = duration × (1 − 0.277778), counted from the status date.
    expect(scheduleNetwork(plan.input).activities[0]!.earlyStart).toBe("2026-11-03");
  });

  it("a percent complete above 100 (an overrun) counts as 100, not as input the calculator refuses", () => {
    // Before: percentComplete "120" was passed on and scheduleNetwork threw "percent complete must be 0–100" for a
    // valid plan. Expected: 100 (no work left), with a note.
    const over = { ...wp!, actualStart: isoDate("2026-11-10"), progress: [{ ...wp!.progress[0]!, date: "2026-11-10", unitsComplete: undefined, percentComplete: wp!.progress[0]!.unitsComplete!.times(24) }] } as typeof wp;
    const plan = scheduleInputFromPlan({ projects: crm, workPackages: [over!] }, { statusDate: "2026-11-20" });
    expect(plan.input.activities[0]!.progress).toEqual({ actualStart: "2026-11-10", percentComplete: "100" });
    expect(plan.notes).toContain(`${wp!.id} reports 120 % complete on 2026-11-10: scheduled as 100 % (no work left)`);
    expect(() => scheduleNetwork(plan.input)).not.toThrow();
  });
});
