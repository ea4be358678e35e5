import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { analyzeOfficeRisk, analyzeOfficeSchedule, type OfficeScheduleOptions } from "../../src/office/index.js";
import { importDataset } from "../../src/io/index.js";
import { HEAVY, dataset, importIntoFreshDatabase, run, temp } from "./run.js";

/*
 * The plan conventions through the office analysis and the `schedule` and `risk` commands.
 *
 * Hand derivation (project calendar Monday–Friday; 2027-01-04 is a Monday; 8-hour days):
 * PRJ-SLF — P (Mon–Fri, 1 day, planned Mon 4) SS → S (7-day, 1 day, SNET and deadline Sun 10); X (7-day, 14 days,
 *   Mon 4 – Sun 17) sets the finish. S must start by the instant Sun 10 00:00, P's non-working time:
 *   exact (default):  P must start by Friday's last working minute → late start Fri 8, total float 2399/480 = 4.997917;
 *   working-time:     the instant's working-time position, Mon 11 08:00 → late start Mon 11, total float 5.
 * PRJ-MSD — A (7-day, 6 days) Mon 4 – Sat 9; milestone M FS after A is reached Saturday evening, its calendar's
 *   non-working time:
 *   reached (default):   M on Sat 9, the project finishes Sat 9;
 *   next-working-time:   M moved to its next working morning, Mon 11, the project finishes Mon 11.
 */
const office = loadSampleOffice();
const sample = (office.project as Record<string, unknown>[])[0]!;
const project = (id: string) => ({
  ...sample, id, code: id, name: id, requestId: undefined, programmeId: undefined, portfolioId: undefined,
  plannedStart: "2027-01-04", plannedFinish: "2027-01-17", actualStart: undefined, calendar: undefined, activeBaseline: undefined,
});
const SEVEN = { workingWeekdays: [1, 2, 3, 4, 5, 6, 7] };
const wpSample = (office["work-package"] as Record<string, unknown>[])[0]!;
const wp = (id: string, projectId: string, code: string, start: string, finish: string, days: number, extra: Record<string, unknown> = {}) => ({
  ...wpSample, id, projectId, code, name: id, plannedStart: start, plannedFinish: finish, durationDays: String(days),
  timePhasedBudget: [{ start, finish, amount: { amount: "1000.00", currency: "EUR" } }], earningRule: { type: "percent-complete" },
  progress: [], actualStart: undefined, ...extra,
});
const msSample = (office.milestone as Record<string, unknown>[])[0]!;
const RECORDS = {
  person: office.person,
  project: [project("PRJ-SLF"), project("PRJ-MSD")],
  "work-package": [
    wp("slf-p", "PRJ-SLF", "1", "2027-01-04", "2027-01-04", 1),
    wp("slf-s", "PRJ-SLF", "2", "2027-01-10", "2027-01-10", 1, { calendar: SEVEN, constraint: { kind: "snet", date: "2027-01-10" }, deadline: "2027-01-10", predecessors: [{ predecessorId: "slf-p", type: "SS" }] }),
    wp("slf-x", "PRJ-SLF", "3", "2027-01-04", "2027-01-17", 14, { calendar: SEVEN }),
    wp("msd-a", "PRJ-MSD", "1", "2027-01-04", "2027-01-09", 6, { calendar: SEVEN }),
  ],
  milestone: [{ ...msSample, id: "msd-m", projectId: "PRJ-MSD", workPackageId: "msd-a", name: "M", baselineDate: "2027-01-09", forecastDate: "2027-01-09", predecessors: [{ predecessorId: "msd-a", type: "FS" }] }],
};

describe("plan conventions: analyzeOfficeSchedule and analyzeOfficeRisk", () => {
  const records = importDataset(JSON.parse(dataset(RECORDS as Record<string, unknown[]>))).records;
  const slfP = (s: ReturnType<typeof analyzeOfficeSchedule>) => s.projects[0]!.result.activities.find((a) => a.id === "slf-p")!;

  it("the positional form still works, with the defaults", () => {
    const s = analyzeOfficeSchedule(records, "2027-01-01", "PRJ-SLF");
    expect([slfP(s).lateStart, slfP(s).totalFloat.toFixed(), s.projects[0]!.result.conventions.startLinkFloat]).toEqual(["2027-01-08", "4.997917", "exact"]);
  });

  it("the options form passes startLinkFloat to the network, the project views and the levelling", () => {
    const s = analyzeOfficeSchedule(records, { statusDate: "2027-01-01", project: "PRJ-SLF", startLinkFloat: "working-time" });
    expect([slfP(s).lateStart, slfP(s).totalFloat.toFixed(), s.projects[0]!.result.conventions.startLinkFloat, s.result!.conventions.startLinkFloat]).toEqual(["2027-01-11", "5", "working-time", "working-time"]);
  });

  it("the options form passes milestoneDating: M on Mon 11 instead of Sat 9", () => {
    const m = (o: OfficeScheduleOptions) => analyzeOfficeSchedule(records, o).projects[0]!.result;
    const reached = m({ statusDate: "2027-01-01", project: "PRJ-MSD" });
    const moved = m({ statusDate: "2027-01-01", project: "PRJ-MSD", milestoneDating: "next-working-time" });
    expect([reached.finish, reached.activities.find((a) => a.id === "msd-m")!.earlyStart]).toEqual(["2027-01-09", "2027-01-09"]);
    expect([moved.finish, moved.activities.find((a) => a.id === "msd-m")!.earlyStart, moved.conventions.milestoneDating]).toEqual(["2027-01-11", "2027-01-11", "next-working-time"]);
  });

  it("analyzeOfficeRisk passes both conventions: the deterministic finish moves to Mon 11, the result states them", () => {
    const [a] = analyzeOfficeRisk(records, { statusDate: "2027-01-01", project: "PRJ-MSD", iterations: 20, seed: 1 });
    const [b] = analyzeOfficeRisk(records, { statusDate: "2027-01-01", project: "PRJ-MSD", iterations: 20, seed: 1, milestoneDating: "next-working-time", startLinkFloat: "working-time" });
    expect([a!.result.deterministicFinish, a!.result.conventions.milestoneDating]).toEqual(["2027-01-09", "reached"]);
    expect([b!.result.deterministicFinish, b!.result.conventions.milestoneDating, b!.result.conventions.startLinkFloat]).toEqual(["2027-01-11", "next-working-time", "working-time"]);
  });

  it("a bad convention is a ValidationError at its path, even for an office without projects", () => {
    expect(() => analyzeOfficeSchedule({}, { statusDate: "2027-01-01", startLinkFloat: "primavera" as never })).toThrow(/startLinkFloat: expected exact or working-time/);
    expect(() => analyzeOfficeRisk({}, { statusDate: "2027-01-01", iterations: 1, seed: 1, milestoneDating: "monday" as never })).toThrow(/milestoneDating: expected reached or next-working-time/);
  });
});

describe("pmokit schedule / risk --start-link-float --milestone-dating", () => {
  const cwd = temp();
  beforeAll(async () => {
    expect(await importIntoFreshDatabase(cwd, RECORDS as Record<string, unknown[]>)).toEqual({ init: 0, imported: { code: 0, err: "" } });
  }, HEAVY);
  type Json = { project: string; finish: string; conventions: { startLinkFloat: string; milestoneDating: string }; activities: { id: string; earlyStart: string; lateStart: string; totalFloat: string }[] }[];
  const schedule = async (...flags: string[]) => {
    const r = await run(["schedule", "--db", "p.sqlite", "--as-of", "2027-01-01", "--json", ...flags], cwd);
    return JSON.parse(r.out) as Json;
  };

  it("schedule --start-link-float working-time: P's late start Mon 11 and 5 days of float (exact: Fri 8, 4.997917)", async () => {
    const [exact] = await schedule("--project", "PRJ-SLF");
    const [wt] = await schedule("--project", "PRJ-SLF", "--start-link-float", "working-time");
    const p = (j: Json[number]) => j.activities.find((a) => a.id === "slf-p")!;
    expect([p(exact!).lateStart, p(exact!).totalFloat, exact!.conventions.startLinkFloat]).toEqual(["2027-01-08", "4.997917", "exact"]);
    expect([p(wt!).lateStart, p(wt!).totalFloat, wt!.conventions.startLinkFloat]).toEqual(["2027-01-11", "5", "working-time"]);
  }, HEAVY);

  it("schedule --milestone-dating next-working-time: M and the finish on Mon 11 (reached: Sat 9)", async () => {
    const [reached] = await schedule("--project", "PRJ-MSD", "--milestone-dating", "reached");
    const [moved] = await schedule("--project", "PRJ-MSD", "--milestone-dating", "next-working-time");
    expect([reached!.finish, reached!.conventions.milestoneDating]).toEqual(["2027-01-09", "reached"]);
    expect([moved!.finish, moved!.activities.find((a) => a.id === "msd-m")!.earlyStart, moved!.conventions.milestoneDating]).toEqual(["2027-01-11", "2027-01-11", "next-working-time"]);
  }, HEAVY);

  it("risk passes both flags: deterministic finish Mon 11, conventions in the JSON", async () => {
    const r = await run(["risk", "--db", "p.sqlite", "--as-of", "2027-01-01", "--project", "PRJ-MSD", "--iterations", "20", "--json", "--milestone-dating", "next-working-time", "--start-link-float", "working-time"], cwd);
    const [msd] = JSON.parse(r.out) as { deterministicFinish: string; conventions: Record<string, string> }[];
    expect([msd!.deterministicFinish, msd!.conventions]).toEqual(["2027-01-11", { milestoneDating: "next-working-time", startLinkFloat: "working-time", startNoLaterThan: "working-time", outOfSequence: "retained-logic", criticalDays: "0", percentileMethod: "nearest-rank", correlationMeasure: "latent-normal", rounding: "half-even" }]);
  }, HEAVY);

  it("report takes both flags: PRJ-MSD's schedule section finishes Mon 11 and names the MS Project conventions (default: Sat 9)", async () => {
    // The office report's schedule paragraph per project: "CPM forecast finish <date> … Conventions: …".
    const paragraph = async (...flags: string[]) => {
      const r = await run(["report", "--db", "p.sqlite", "--as-of", "2027-01-01", "--format", "json", "--out", "r.json", ...flags], cwd);
      expect([r.code, r.err]).toEqual([0, ""]);
      const text = readFileSync(join(cwd, "r.json"), "utf8");
      return text.match(/"[^"]*CPM forecast finish[^"]*"/g) ?? [];
    };
    const plain = await paragraph();
    expect(plain.some((t) => t.includes("CPM forecast finish 2027-01-09"))).toBe(true);
    expect(plain.some((t) => t.includes("CPM forecast finish 2027-01-11") || t.includes("(MS Project)"))).toBe(false);
    const ms = await paragraph("--milestone-dating", "next-working-time", "--start-link-float", "working-time");
    expect(ms.some((t) => t.includes("CPM forecast finish 2027-01-11") && t.includes("dated at its next working time (MS Project)") && t.includes("Fri 17:00 is Mon 08:00"))).toBe(true);
    expect(ms.some((t) => t.includes("CPM forecast finish 2027-01-09"))).toBe(false);
    const bad = await run(["report", "--db", "p.sqlite", "--out", "r.json", "--format", "json", "--milestone-dating", "monday"], cwd);
    expect([bad.code, bad.err.trim()]).toEqual([2, "pmokit: option '--milestone-dating <rule>' argument 'monday' is invalid. Allowed choices are reached, next-working-time."]);
  }, HEAVY);

  it("demo takes both flags too: its report.md finishes PRJ-MSD on Mon 11 (default: Sat 9)", async () => {
    mkdirSync(join(cwd, "office"), { recursive: true });
    for (const [kind, list] of Object.entries(RECORDS)) writeFileSync(join(cwd, "office", `${kind}.json`), JSON.stringify(list));
    const finishes = async (out: string, ...flags: string[]) => {
      const r = await run(["demo", "--data", "office", "--db", "d.sqlite", "--out", out, "--as-of", "2027-01-01", ...flags], cwd);
      expect([r.code, r.err]).toEqual([0, ""]);
      return readFileSync(join(cwd, out, "report.md"), "utf8").match(/CPM forecast finish \S+/g);
    };
    // Sections by project code: PRJ-MSD, then PRJ-SLF (finish Sun 17, X's 7-day end, either way).
    expect(await finishes("plain")).toEqual(["CPM forecast finish 2027-01-09", "CPM forecast finish 2027-01-17"]);
    expect(await finishes("ms", "--milestone-dating", "next-working-time")).toEqual(["CPM forecast finish 2027-01-11", "CPM forecast finish 2027-01-17"]);
  }, HEAVY);

  it("a bad value is a usage error (exit 2) naming the allowed values", async () => {
    const a = await run(["schedule", "--db", "p.sqlite", "--start-link-float", "primavera"], cwd);
    expect([a.code, a.err.trim()]).toEqual([2, "pmokit: option '--start-link-float <rule>' argument 'primavera' is invalid. Allowed choices are exact, working-time."]);
    const b = await run(["risk", "--db", "p.sqlite", "--milestone-dating", "monday", "--json"], cwd);
    expect([b.code, JSON.parse(b.out).error.code, JSON.parse(b.out).error.message]).toEqual([2, "usage", "option '--milestone-dating <rule>' argument 'monday' is invalid. Allowed choices are reached, next-working-time."]);
  }, HEAVY);
});
