import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { analyzeOfficeRisk } from "../../src/office/index.js";
import { importDataset } from "../../src/io/index.js";
import { issuePathsOf } from "../support/errors.js";
import { HEAVY, dataset, importIntoFreshDatabase, run, temp } from "./run.js";

/*
 * A RAID risk naming the plan's activities without a schedule or cost impact became a risk event that changed nothing
 * (now refused by analyseScheduleRisk): the risk model leaves it out, and `pmokit risk` says so.
 */
const office = loadSampleOffice() as unknown as Record<string, Record<string, unknown>[]>;
// RSK-CRM-002 (monitoring, 0.4) on UAT, its 10 days removed: nothing left to simulate.
const risk = office.risk!.map((r) => (r.id === "RSK-CRM-002" ? Object.fromEntries(Object.entries(r).filter(([k]) => k !== "scheduleImpactDays")) : r));
const records = { ...office, risk };

describe("pmokit risk: the project's risks left out of the simulation", () => {
  it("analyzeOfficeRisk lists RSK-CRM-002 as no-impact for PRJ-CRM, and only the project's own risks", () => {
    const imported = importDataset(JSON.parse(dataset(records))).records;
    const [crm] = analyzeOfficeRisk(imported, { statusDate: "2026-11-20", project: "PRJ-CRM", iterations: 50, seed: 1 });
    expect(crm!.leftOut).toEqual([{ riskId: "RSK-CRM-002", reason: "no-impact" }]);
    expect(crm!.result.riskEvents.map((e) => e.id)).toEqual(["RSK-CRM-001"]);
    const [dcx] = analyzeOfficeRisk(imported, { statusDate: "2026-11-20", project: "PRJ-DCX", iterations: 50, seed: 1 });
    expect(dcx!.leftOut).toEqual([]);
  });

  it("analyzeOfficeRisk names its own option: a target before the plan's start is refused at target (was targetFinish)", () => {
    const imported = importDataset(JSON.parse(dataset(records))).records;
    expect(issuePathsOf(() => analyzeOfficeRisk(imported, { statusDate: "2026-11-20", project: "PRJ-CRM", iterations: 10, seed: 1, target: "2020-01-01" }))).toEqual(["target"]);
  });

  it("the CLI names it in text and JSON; a --target before the plan starts is refused", async () => {
    const cwd = temp();
    expect((await importIntoFreshDatabase(cwd, records)).imported.code).toBe(0);
    const text = await run(["risk", "--db", "p.sqlite", "--project", "PRJ-CRM", "--iterations", "50"], cwd);
    expect(text.out).toContain("          left out: RSK-CRM-002 (no scheduleImpactDays or costImpact)\n");
    const json = await run(["risk", "--db", "p.sqlite", "--project", "PRJ-CRM", "--iterations", "50", "--json"], cwd);
    expect(JSON.parse(json.out)[0].leftOut).toEqual([{ risk: "RSK-CRM-002", reason: "no-impact" }]);
    // A --target before the plan's start (the office's earliest planned start, 2026-01-12) is refused, exit 2; it
    // printed P(finish ≤ 2020-01-01) = 0.000. The error names the flag typed (before: the library's `targetFinish`).
    const early = await run(["risk", "--db", "p.sqlite", "--project", "PRJ-CRM", "--iterations", "50", "--target", "2020-01-01"], cwd);
    expect([early.code, early.err]).toEqual([2, "pmokit: --target: 2020-01-01 is before the plan's start 2026-01-12: no run can finish by then\n"]);
    const asJson = await run(["risk", "--db", "p.sqlite", "--project", "PRJ-CRM", "--iterations", "50", "--target", "2020-01-01", "--json"], cwd);
    expect(JSON.parse(asJson.out).error.issues).toEqual([{ path: "--target", message: "2020-01-01 is before the plan's start 2026-01-12: no run can finish by then" }]);
  }, HEAVY);
});
