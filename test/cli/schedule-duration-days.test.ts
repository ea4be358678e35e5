import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { analyzeOfficeSchedule } from "../../src/office/index.js";
import { importDataset } from "../../src/io/index.js";
import { scheduleNetwork } from "../../src/schedule/index.js";
import { scheduleInputFromPlan } from "../../src/io/index.js";

/*
 * cli21 audit: the office's per-project schedules counted their working days without the first day (the core's
 * workingDaysBetween counts start < d ≤ end), so the schedule section read "131 working days from 2026-07-01" for a
 * project running Monday–Friday from Wed 2026-07-01 to Thu 2026-12-31, which scheduleNetwork counts as 132 and earned
 * schedule's PD counts as 132 too.
 *
 * Hand derivation (Monday–Friday, no holidays): July 2026 has 23 working days, August 21, September 22, October 22,
 * November 21, December 23 → 1 Jul – 31 Dec = 132. BETA-1: 132 days, 50 % done at 2026-09-30 (66 days of work,
 * 1 Jul – 30 Sep), 66 left from Thu 1 Oct → Oct 22 + Nov 21 + Dec 23 = 66 → finishes Thu 31 Dec: 132 working days.
 * GAMMA-1: 1 Jul – 30 Sep planned (66 days), 90 % done at 2026-09-30, 6.6 days left from Thu 1 Oct → finishes
 * within its 7th working day, Fri 9 Oct: 1 Jul – 9 Oct is 66 + 7 = 73 working days, both ends counted.
 */
const office = loadSampleOffice();
const sample = (office.project as Record<string, unknown>[])[0]!;
const wpSample = (office["work-package"] as Record<string, unknown>[])[0]!;
const project = (id: string, finish: string) => ({
  ...sample, id, code: id, name: id, requestId: undefined, programmeId: undefined, portfolioId: undefined,
  plannedStart: "2026-07-01", plannedFinish: finish, statusDate: "2026-09-30", calendar: undefined, activeBaseline: undefined,
});
const wp = (id: string, projectId: string, finish: string, percent: string) => ({
  ...wpSample, id, projectId, code: "1", name: id, parentId: undefined, plannedStart: "2026-07-01", plannedFinish: finish, predecessors: [],
  timePhasedBudget: [{ start: "2026-07-01", finish, amount: { amount: "1000.00", currency: "EUR" } }], earningRule: { type: "percent-complete" },
  progress: [{ date: "2026-09-30", percentComplete: percent }], actualStart: "2026-07-01", actualFinish: undefined, constraint: undefined, durationEstimate: undefined,
});
const { records } = importDataset({
  format: "pmokit-dataset", formatVersion: 1,
  records: JSON.parse(JSON.stringify({ person: office.person, project: [project("PRJ-BETA", "2026-12-31"), project("PRJ-GAMMA", "2026-09-30")], "work-package": [wp("beta-1", "PRJ-BETA", "2026-12-31", "50"), wp("gamma-1", "PRJ-GAMMA", "2026-09-30", "90")] })),
} as never);

describe("office schedule: a project's working days count its first day", () => {
  const schedule = analyzeOfficeSchedule(records, { statusDate: "2026-09-30" });
  const of = (code: string) => schedule.projects.find((p) => p.code === code)!.result;

  it("1 Jul – 31 Dec 2026 is 132 working days, as scheduleNetwork counts the same plan (before: 131)", () => {
    expect([of("PRJ-BETA").start, of("PRJ-BETA").finish, of("PRJ-BETA").durationDays.toFixed()]).toEqual(["2026-07-01", "2026-12-31", "132"]);
    const alone = scheduleInputFromPlan({ projects: records.project!.filter((p) => p.id === "PRJ-BETA"), workPackages: records["work-package"]!.filter((w) => w.projectId === "PRJ-BETA"), milestones: [] }, { statusDate: "2026-09-30" });
    expect(scheduleNetwork(alone.input).durationDays.toFixed()).toBe("132");
  });

  it("1 Jul – 9 Oct 2026 is 73 working days, both ends counted (before: 72)", () => {
    expect([of("PRJ-GAMMA").finish, of("PRJ-GAMMA").durationDays.toFixed()]).toEqual(["2026-10-09", "73"]);
  });
});
