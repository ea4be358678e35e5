import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { importIntoFreshDatabase, run, temp } from "./run.js";

/*
 * cli21 audit: `evm` measures every project as of one date (the data's status date, the latest project statusDate,
 * or --as-of). A project whose own status date is older has no progress recorded after it, yet was measured later
 * without a word: PRJ-G, ahead of plan at its own date, read amber "behind".
 *
 * PRJ-G: one package, 1 Jul – 30 Sep 2026 (Jul 23, Aug 21, Sep 22 = 66 working days), budget 4,000 a month (12,000),
 * 90 % done at its own status date 2026-09-15; PRJ-H's statusDate 2026-09-30 makes that the data's date.
 *   as of 2026-09-30: PV 12,000, EV 0.9 × 12,000 = 10,800 → SPI 0.90 (amber: ≥ 0.85, < 0.95);
 *   as of 2026-09-15: PV 8,000 + 4,000 × 11/22 (1–15 Sep: 11 of 22 working days) = 10,000 → SPI 10,800 / 10,000 = 1.08.
 * The figures stay as of the one date (as documented); without --as-of, a warning now names the project's own date
 * and the flag (a date given with --as-of is the user's choice: no warning).
 */
const office = loadSampleOffice();
const sample = (office.project as Record<string, unknown>[])[0]!;
const wpSample = (office["work-package"] as Record<string, unknown>[])[0]!;
const month = (m: string, last: string) => ({ start: `2026-${m}-01`, finish: `2026-${m}-${last}`, amount: { amount: "4000.00", currency: "EUR" } });
const project = (id: string, statusDate: string) => ({
  ...sample, id, code: id, name: id, requestId: undefined, programmeId: undefined, portfolioId: undefined,
  plannedStart: "2026-07-01", plannedFinish: "2026-09-30", statusDate, calendar: undefined, activeBaseline: undefined,
});
const wp = (id: string, projectId: string, date: string) => ({
  ...wpSample, id, projectId, code: "1", name: "Racking", parentId: undefined, plannedStart: "2026-07-01", plannedFinish: "2026-09-30", predecessors: [],
  timePhasedBudget: [month("07", "31"), month("08", "31"), month("09", "30")], earningRule: { type: "percent-complete" },
  progress: [{ date, percentComplete: "90" }], actualStart: "2026-07-01", actualFinish: undefined, constraint: undefined, durationEstimate: undefined,
});
const baseline = (projectId: string, w: ReturnType<typeof wp>) => ({
  id: `bl-${projectId}`, version: 1, createdAt: "2026-06-30T16:00:00.000Z", updatedAt: "2026-06-30T16:00:00.000Z", projectId, number: 0,
  capturedAt: "2026-06-30T16:00:00.000Z", capturedBy: (office.person as { id: string }[])[0]!.id, reason: "Initial", milestones: [],
  workPackages: [{ workPackageId: w.id, code: w.code, name: w.name, plannedStart: w.plannedStart, plannedFinish: w.plannedFinish, timePhasedBudget: w.timePhasedBudget, earningRule: w.earningRule }],
  budgetAtCompletion: { amount: "12000.00", currency: "EUR" },
});
const G = wp("g-1", "PRJ-G", "2026-09-15");
const H = wp("h-1", "PRJ-H", "2026-09-30");
const RECORDS = JSON.parse(JSON.stringify({
  person: office.person, project: [project("PRJ-G", "2026-09-15"), project("PRJ-H", "2026-09-30")], "work-package": [G, H], baseline: [baseline("PRJ-G", G), baseline("PRJ-H", H)],
}));

describe("evm: a project whose own status date is older than the one it is measured as of", () => {
  it("is measured as of the data's date, with a warning naming its own date and the flag", async () => {
    const cwd = temp();
    const { init, imported } = await importIntoFreshDatabase(cwd, RECORDS);
    expect([init, imported.code, imported.err]).toEqual([0, 0, ""]);
    const text = await run(["evm", "--db", "p.sqlite"], cwd);
    // No actual cost recorded: CPI n/a (ac-is-zero); SPI 0.90 → amber.
    expect(text.out).toContain("           PRJ-G      amber  n/a (ac-is-zero) 0.90");
    const note = "PRJ-G: its own status date is 2026-09-15, before 2026-09-30, the date it is measured as of: no progress after 2026-09-15 is recorded, so its figures may read behind (--as-of 2026-09-15 for the project as of then)";
    expect(text.err.split("\n").filter((l) => l.includes("own status date"))).toEqual([`warning: ${note}`]);
    const json = JSON.parse((await run(["evm", "--db", "p.sqlite", "--json"], cwd)).out) as { project: string; spi: string; warnings: string[] }[];
    expect(json.map((p) => [p.project, p.spi, p.warnings.filter((w) => w.includes("own status date"))])).toEqual([["PRJ-G", "0.9", [note]], ["PRJ-H", "0.9", []]]);
    // As of its own date: SPI 10,800 / 10,000 = 1.08, and no warning (PRJ-H's date is later, not older: none either).
    const own = JSON.parse((await run(["evm", "--db", "p.sqlite", "--json", "--as-of", "2026-09-15"], cwd)).out) as { project: string; spi: string; warnings: string[] }[];
    expect(own.map((p) => [p.project, p.warnings.filter((w) => w.includes("own status date"))])).toEqual([["PRJ-G", []], ["PRJ-H", []]]);
    expect(own[0]!.spi).toBe("1.08");
    // A date chosen with --as-of is the user's: no warning, even where a project's own date is older.
    const chosen = JSON.parse((await run(["evm", "--db", "p.sqlite", "--json", "--as-of", "2026-09-30"], cwd)).out) as { warnings: string[] }[];
    expect(chosen.map((p) => p.warnings.filter((w) => w.includes("own status date")))).toEqual([[], []]);
  });
});
