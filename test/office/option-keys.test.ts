// opts20: the pmokit/office analyses ignored a misspelt option, so the default ran: `analyzeOffice(records,
// { statusDate, timezone: "Europe/Berlin" })` measured availability in UTC, `analyzeOfficeRisk(…, { iterations: 10, itterations: 2000 })`
// ran 10 iterations, and
// `analyzeOfficeSchedule(…, { milestonedating })` dated milestones MS Project's other way. Each now refuses an unknown
// key at [key] (their option errors are at ["statusDate"], ["iterations"] …), naming the keys it takes.
import { describe, expect, it } from "vitest";
import { analyzeOffice, analyzeOfficeRisk, analyzeOfficeSchedule } from "../../src/office/index.js";
import { issuesOf } from "../support/errors.js";

const statusDate = "2026-11-20";

describe("office analyses: unknown option keys", () => {
  it("analyzeOffice", async () => {
    let caught: unknown;
    await analyzeOffice({}, { statusDate, timezone: "Europe/Berlin" } as never).catch((e: unknown) => { caught = e; });
    expect(issuesOf(() => { throw caught; })).toEqual([
      ["timezone", "unknown option (analyzeOffice takes statusDate, envelope, model, solver, onStage, outageSplitting, timeZone, statusReportStaleAfterDays)"],
    ]);
  });
  it("analyzeOfficeRisk", () => {
    expect(issuesOf(() => analyzeOfficeRisk({}, { statusDate, iterations: 10, seed: 1, itterations: 2000 } as never))).toEqual([
      ["itterations", "unknown option (analyzeOfficeRisk takes statusDate, project, iterations, seed, target, milestoneDating, startLinkFloat, startNoLaterThan, onProgress)"],
    ]);
    // No projects: nothing to run.
    expect(analyzeOfficeRisk({}, { statusDate, iterations: 10, seed: 1 })).toEqual([]);
  });
  it("analyzeOfficeSchedule", () => {
    expect(issuesOf(() => analyzeOfficeSchedule({}, { statusDate, milestonedating: "next-working-time" } as never))).toEqual([
      ["milestonedating", "unknown option (analyzeOfficeSchedule takes statusDate, project, earnedScheduleFinish, milestoneDating, startLinkFloat, startNoLaterThan)"],
    ]);
    expect(analyzeOfficeSchedule({}, { statusDate, milestoneDating: "next-working-time" }).projects).toEqual([]);
    // The positional form builds its own options: still accepted.
    expect(analyzeOfficeSchedule({}, statusDate).projects).toEqual([]);
  });
});
