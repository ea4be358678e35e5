import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, temp } from "./run.js";

// cli21 audit: without --capacity, `select` and `report` applied the sample's `integration=1600` to any data. On an
// office whose requests need `dev` hours only, that row constrained nothing, yet `select --json` reported it as the
// envelope used (`"capacity": { "integration": "1600" }`) and the report's constraints table showed "integration
// capacity FY2028 (1600): 0 of 1,600" as if it were the office's own limit, while 1,900 dev hours were selected
// unchecked. The default capacity now keeps only the skills the open requests have effort in during the period; a
// --capacity given is refused as before when it names another skill.
//
// Requests (GBP, FY2028, built-in model): ACME-1 and ACME-2 tie at (4, 4, 2, 3, 2) → 6.75 / 11 = 0.6136…; ACME-4
// (5, 5, 5, 5, 1) → 11 / 11 = 1. Costs 100k + 100k + 300k = 500k ≤ the default 1,000,000 budget; no capacity row:
// all three are selected.
const cost = (n: number) => `"[{""period"":""FY2028"",""expenditure"":""capex"",""category"":""labour"",""amount"":{""amount"":""${n}"",""currency"":""GBP""}}]"`;
const hours = (n: number) => `"[{""skill"":""dev"",""period"":""FY2028"",""hours"":""${n}""}]"`;
const ratings = (...v: number[]) =>
  `"[${["strategic-fit", "financial-value", "risk-reduction", "urgency", "complexity"].map((c, i) => `{""criterionId"":""${c}"",""value"":""${v[i]}""}`).join(",")}]"`;
const REQUESTS = [
  "id,key,title,portfolioId,sponsorId,requesterId,purpose,need,status,dependsOn,estimatedCost,effort,ratings,mandatory",
  `r1,ACME-1,Payroll,pf1,p1,p2,Pay,Breaks,submitted,,${cost(100000)},${hours(400)},${ratings(4, 4, 2, 3, 2)},`,
  `r2,ACME-2,Expenses,pf1,p1,p2,Claims,Paper,submitted,,${cost(100000)},${hours(600)},${ratings(4, 4, 2, 3, 2)},`,
  `r4,ACME-4,BI,pf1,p1,p2,Insight,None,submitted,,${cost(300000)},${hours(900)},${ratings(5, 5, 5, 5, 1)},`,
].join("\n");

async function office(): Promise<string> {
  const cwd = temp();
  writeFileSync(join(cwd, "req.csv"), `${REQUESTS}\n`);
  expect((await run(["init", "p.sqlite"], cwd)).code).toBe(0);
  expect((await run(["import", "req.csv", "--kind", "request", "--db", "p.sqlite"], cwd)).code).toBe(0);
  return cwd;
}

describe("select without --capacity on data without the sample's integration skill", () => {
  it("reports no capacity row it did not apply (before: integration 1600 in the envelope, constraining nothing)", async () => {
    const cwd = await office();
    const r = await run(["select", "--db", "p.sqlite", "--period", "FY2028", "--as-of", "2026-11-20", "--json"], cwd);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { selected: string[]; envelope: { capacity: Record<string, string> }; binding: string[] };
    expect(out.envelope.capacity).toEqual({});
    expect(out.selected).toEqual(["r1", "r2", "r4"]);
    expect(out.binding).toEqual([]);
  });

  it("the report's constraints table has the budget row only (before: 'integration capacity FY2028 (1600)', used 0)", async () => {
    const cwd = await office();
    const r = await run(["report", "--format", "md", "--out", "out/report.md", "--db", "p.sqlite", "--period", "FY2028", "--as-of", "2026-11-20"], cwd);
    expect(r.code).toBe(0);
    const md = (await import("node:fs")).readFileSync(join(cwd, "out", "report.md"), "utf8");
    const rows = md.split("\n").filter((l) => /^\| (budget|\w+ capacity) FY2028/.test(l));
    // 500,000 of 1,000,000 used: slack 500,000, nothing kept out.
    expect(rows).toEqual(["| budget FY2028 (GBP 1,000,000.00) | GBP 500,000.00 | GBP 1,000,000.00 | GBP 500,000.00 | no |  |"]);
  });

  it("a --capacity of the data's skill still applies, and one of another skill is still refused", async () => {
    const cwd = await office();
    const dev = await run(["select", "--db", "p.sqlite", "--period", "FY2028", "--capacity", "dev=1000", "--as-of", "2026-11-20", "--json"], cwd);
    // 1,000 dev hours: ACME-4 (900 h, value 100) alone beats ACME-1 + ACME-2 (1,000 h, value 2 × 61.36 = 122.7)? No:
    // 122.7 > 100, so ACME-1 and ACME-2 (400 + 600 = 1,000 h) are selected and ACME-4 left out.
    expect((JSON.parse(dev.out) as { selected: string[]; envelope: { capacity: Record<string, string> } })).toMatchObject({ selected: ["r1", "r2"], envelope: { capacity: { dev: "1000" } } });
    const bare = await run(["select", "--db", "p.sqlite", "--period", "FY2028", "--capacity", "1600", "--as-of", "2026-11-20"], cwd);
    expect(bare.code).toBe(2);
  });
});
