import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { importIntoFreshDatabase, run, temp } from "./run.js";

/*
 * cli21 audit: a risk event whose days fall on a work package already started at the status date is not simulated
 * there (docs/scheduling.md: uncertainty applies to unstarted work; its cost is counted), so it moves no percentile —
 * and `pmokit risk` said nothing of it: "drivers: none", no `left out:` line, P80 at the deterministic finish, as if
 * a 40 % chance of 10 more days did not exist. It is now named, in text and in JSON (`startedWork`).
 *
 * PRJ-A: one package, 1 Jul – 31 Dec 2026 (132 working days), 40 % done at 2026-09-30; RSK-1: probability 0.4, 10 days
 * and GBP 5,000 on it. Remaining 60 % = 79.2 days from Thu 1 Oct: 66 to 31 Dec, 13.2 into 2027 → Wed 20 Jan, every
 * percentile. Cost: the budget 60,000; with the risk in 40 % of runs, P80 60,000 + 5,000 = 65,000, P50 60,000.
 */
const office = loadSampleOffice();
const sample = (office.project as Record<string, unknown>[])[0]!;
const wpSample = (office["work-package"] as Record<string, unknown>[])[0]!;
const riskSample = (office.risk as Record<string, unknown>[])[0]!;
const gbp = (amount: string) => ({ amount, currency: "GBP" });
const RECORDS = JSON.parse(JSON.stringify({
  person: office.person,
  project: [{
    ...sample, id: "PRJ-A", code: "PRJ-A", name: "Alpha ledger", requestId: undefined, programmeId: undefined, portfolioId: undefined, budget: { currency: "GBP", lines: [] },
    plannedStart: "2026-07-01", plannedFinish: "2026-12-31", statusDate: "2026-09-30", calendar: undefined, activeBaseline: undefined,
  }],
  "work-package": [{
    ...wpSample, id: "a-1", projectId: "PRJ-A", code: "1", name: "Ledger build", parentId: undefined, plannedStart: "2026-07-01", plannedFinish: "2026-12-31", predecessors: [],
    timePhasedBudget: [{ start: "2026-07-01", finish: "2026-12-31", amount: gbp("60000.00") }], earningRule: { type: "percent-complete" },
    progress: [{ date: "2026-09-30", percentComplete: "40" }], actualStart: "2026-07-01", actualFinish: undefined, constraint: undefined, durationEstimate: undefined,
  }],
  risk: [{
    ...riskSample, id: "RSK-1", projectId: "PRJ-A", key: "RSK-1", probability: "0.4", scheduleImpactDays: 10, scheduleImpactOn: ["a-1"], costImpact: gbp("5000.00"),
    contingency: undefined, status: "open",
  }],
}));

describe("pmokit risk: a risk's days on started work", () => {
  it("are named in the text and in JSON, not left unsaid", async () => {
    const cwd = temp();
    const { init, imported } = await importIntoFreshDatabase(cwd, RECORDS);
    expect([init, imported.code, imported.err]).toEqual([0, 0, ""]);
    const text = await run(["risk", "--db", "p.sqlite"], cwd);
    expect(text.out.split("\n")[0]).toBe("PRJ-A     P10 2027-01-20  P50 2027-01-20  P80 2027-01-20  P90 2027-01-20  (deterministic 2027-01-20)");
    expect(text.out).toContain("          not simulated: RSK-1's 10 days on 1 Ledger build, started: uncertainty applies to unstarted work (its cost is counted)\n");
    const json = JSON.parse((await run(["risk", "--db", "p.sqlite", "--json"], cwd)).out) as { percentiles: { percent: number; cost: { amount: string } }[]; startedWork: unknown }[];
    expect(json[0]!.startedWork).toEqual([{ risk: "RSK-1", days: "10", activities: ["a-1"] }]);
    expect(json[0]!.percentiles.map((p) => [p.percent, p.cost.amount])).toEqual([[10, "60000.00"], [50, "60000.00"], [80, "65000.00"], [90, "65000.00"]]);
  });
});

describe("the report's schedule risk section: a risk's days on started work", () => {
  it("are named under the Monte Carlo table, as `risk` names them", async () => {
    const cwd = temp();
    await importIntoFreshDatabase(cwd, RECORDS);
    const r = await run(["report", "--format", "md", "--out", "out/report.md", "--db", "p.sqlite"], cwd);
    expect(r.code).toBe(0);
    const md = (await import("node:fs")).readFileSync(`${cwd}/out/report.md`, "utf8");
    const risk = md.slice(md.indexOf("### Schedule risk"));
    expect(risk).toContain("- Not simulated: RSK-1's 10 days on 1 Ledger build, started: uncertainty applies to unstarted work (its cost is counted)\n");
  });
});
