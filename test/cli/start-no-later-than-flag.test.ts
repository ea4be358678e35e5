import { beforeAll, describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { analyzeOfficeRisk, analyzeOfficeSchedule } from "../../src/office/index.js";
import { importDataset } from "../../src/io/index.js";
import { HEAVY, dataset, importIntoFreshDatabase, run, temp } from "./run.js";

/*
 * The startNoLaterThan plan convention through the office analysis and the `schedule`, `risk` commands
 * (`--start-no-later-than working-time|exact`), as test/schedule/risk-plan-options.test.ts derives it:
 * PRJ-SNL (Monday–Friday, 8-hour days): A 4.997917 d = 2,399 min, Mon 4 08:00 – Fri 8 16:59; B (1 d, SNLT Sat 9) FS
 * after A starts Fri 8 16:59; C (10 d) sets the finish Fri 15.
 *   working-time (default): Sat 9 00:00 is the working-time position Fri 17:00: B's float 1 minute = 0.002083 day;
 *   exact:                  B must start by Fri 16:59, the last working minute before Sat 00:00: float 0, critical.
 */
const office = loadSampleOffice();
const sample = (office.project as Record<string, unknown>[])[0]!;
const wpSample = (office["work-package"] as Record<string, unknown>[])[0]!;
const wp = (id: string, code: string, start: string, finish: string, days: string, extra: Record<string, unknown> = {}) => ({
  ...wpSample, id, projectId: "PRJ-SNL", code, name: id, plannedStart: start, plannedFinish: finish, durationDays: days,
  timePhasedBudget: [{ start, finish, amount: { amount: "1000.00", currency: "EUR" } }], earningRule: { type: "percent-complete" },
  progress: [], actualStart: undefined, ...extra,
});
const RECORDS = {
  person: office.person,
  project: [{
    ...sample, id: "PRJ-SNL", code: "PRJ-SNL", name: "SNL", requestId: undefined, programmeId: undefined, portfolioId: undefined,
    plannedStart: "2027-01-04", plannedFinish: "2027-01-15", actualStart: undefined, calendar: undefined, activeBaseline: undefined,
  }],
  "work-package": [
    wp("snl-a", "1", "2027-01-04", "2027-01-08", "4.997917"),
    wp("snl-b", "2", "2027-01-08", "2027-01-11", "1", { constraint: { kind: "snlt", date: "2027-01-09" }, predecessors: [{ predecessorId: "snl-a", type: "FS" }] }),
    wp("snl-c", "3", "2027-01-04", "2027-01-15", "10"),
  ],
};

describe("startNoLaterThan: analyzeOfficeSchedule, analyzeOfficeRisk", () => {
  const records = importDataset(JSON.parse(dataset(RECORDS as Record<string, unknown[]>))).records;
  const b = (s: ReturnType<typeof analyzeOfficeSchedule>) => s.projects[0]!.result.activities.find((a) => a.id === "snl-b")!;
  const index = (r: ReturnType<typeof analyzeOfficeRisk>) => r[0]!.result.activities.find((a) => a.id === "snl-b")!.criticalityIndex.toFixed();

  it("passes the option to the schedule and the risk run: B 0.002083 day of float (working-time), 0 and critical (exact)", () => {
    const wt = analyzeOfficeSchedule(records, { statusDate: "2027-01-01" });
    const exact = analyzeOfficeSchedule(records, { statusDate: "2027-01-01", startNoLaterThan: "exact" });
    expect([b(wt).totalFloat.toFixed(), b(wt).critical, wt.result!.conventions.startNoLaterThan]).toEqual(["0.002083", false, "working-time"]);
    expect([b(exact).totalFloat.toFixed(), b(exact).critical, exact.result!.conventions.startNoLaterThan]).toEqual(["0", true, "exact"]);
    const rwt = analyzeOfficeRisk(records, { statusDate: "2027-01-01", project: "PRJ-SNL", iterations: 5, seed: 1 });
    const rexact = analyzeOfficeRisk(records, { statusDate: "2027-01-01", project: "PRJ-SNL", iterations: 5, seed: 1, startNoLaterThan: "exact" });
    expect([index(rwt), rwt[0]!.result.conventions.startNoLaterThan]).toEqual(["0", "working-time"]);
    expect([index(rexact), rexact[0]!.result.conventions.startNoLaterThan]).toEqual(["1", "exact"]);
  });

  it("a bad value is a ValidationError at its path, even for an office without projects", () => {
    expect(() => analyzeOfficeSchedule({}, { statusDate: "2027-01-01", startNoLaterThan: "literal" as never })).toThrow(/startNoLaterThan: expected working-time or exact/);
    expect(() => analyzeOfficeRisk({}, { statusDate: "2027-01-01", iterations: 1, seed: 1, startNoLaterThan: "literal" as never })).toThrow(/startNoLaterThan: expected working-time or exact/);
  });
});

describe("pmokit schedule / risk --start-no-later-than", () => {
  const cwd = temp();
  beforeAll(async () => {
    expect(await importIntoFreshDatabase(cwd, RECORDS as Record<string, unknown[]>)).toEqual({ init: 0, imported: { code: 0, err: "" } });
  }, HEAVY);

  it("schedule and risk take the flag: B's float and criticality follow it, the JSON states it", async () => {
    type Sched = { conventions: { startNoLaterThan: string }; activities: { id: string; totalFloat: string }[] }[];
    const schedule = async (...flags: string[]) => JSON.parse((await run(["schedule", "--db", "p.sqlite", "--as-of", "2027-01-01", "--json", ...flags], cwd)).out) as Sched;
    const [wt] = await schedule();
    const [exact] = await schedule("--start-no-later-than", "exact");
    expect([wt!.activities.find((a) => a.id === "snl-b")!.totalFloat, wt!.conventions.startNoLaterThan]).toEqual(["0.002083", "working-time"]);
    expect([exact!.activities.find((a) => a.id === "snl-b")!.totalFloat, exact!.conventions.startNoLaterThan]).toEqual(["0", "exact"]);
    type Risk = { conventions: { startNoLaterThan: string }; criticality: { activity: string; index: string }[] }[];
    const risk = async (...flags: string[]) => JSON.parse((await run(["risk", "--db", "p.sqlite", "--as-of", "2027-01-01", "--project", "PRJ-SNL", "--iterations", "5", "--json", ...flags], cwd)).out) as Risk;
    const [rwt] = await risk();
    const [rexact] = await risk("--start-no-later-than", "exact");
    expect([rwt!.criticality.map((c) => c.activity), rwt!.conventions.startNoLaterThan]).toEqual([["snl-c"], "working-time"]);
    expect([rexact!.criticality.map((c) => c.activity), rexact!.conventions.startNoLaterThan]).toEqual([["snl-a", "snl-b", "snl-c"], "exact"]);
    const bad = await run(["risk", "--db", "p.sqlite", "--start-no-later-than", "literal"], cwd);
    expect([bad.code, bad.err.trim()]).toEqual([2, "pmokit: option '--start-no-later-than <rule>' argument 'literal' is invalid. Allowed choices are working-time, exact."]);
  }, HEAVY);
});
