import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, temp } from "./run.js";

// A new user's own intake, in the documented CSV columns (CSV_PROFILES.request): USD costs and "dev" effort in FY2028
// — none of the sample's EUR, FY2027 or integration skill.
const HEAD = "id,key,title,portfolioId,sponsorId,requesterId,purpose,need,status,targetStart,estimatedCost,effort,ratings";
const cell = (v: unknown) => `"${JSON.stringify(v).replaceAll('"', '""')}"`;
const row = (i: number, title: string, status: string, cost: number, hours: number, ratings: number[], currency = "USD") =>
  [`req-${i}`, `REQ-2028-00${i}`, title, "pf-acme", "p-sam", "p-kim", `Purpose of ${title}`, `Need for ${title}`, status, "2028-02-01",
    cell([{ period: "FY2028", expenditure: "capex", category: "contractors", amount: { amount: String(cost), currency } }]),
    cell([{ skill: "dev", period: "FY2028", hours: String(hours) }]),
    cell(["strategic-fit", "financial-value", "risk-reduction", "urgency", "complexity"].map((criterionId, k) => ({ criterionId, value: String(ratings[k]) })))].join(",");
const INTAKE = [HEAD,
  row(1, "Customer portal", "submitted", 250000, 1200, [5, 4, 3, 4, 3]),
  row(2, "Data warehouse refresh", "in-review", 400000, 2000, [4, 5, 2, 3, 4]),
  row(4, "Security hardening", "approved", 90000, 500, [4, 2, 5, 5, 2]),
  row(5, "HR system replacement", "draft", 300000, 1500, [2, 3, 3, 2, 4]),
  row(6, "Email archiving", "submitted", 60000, 200, [2, 2, 4, 3, 1])].join("\n");

async function office(csv: string) {
  const cwd = temp();
  writeFileSync(join(cwd, "requests.csv"), `${csv}\n`);
  expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
  const imported = await run(["import", "requests.csv", "--kind", "request", "--db", "db.sqlite"], cwd);
  return { cwd, imported, select: (...flags: string[]) => run(["select", "--db", "db.sqlite", "--period", "FY2028", ...flags], cwd) };
}

describe("select on one's own intake", () => {
  it("a --capacity skill no open request has effort in is exit 2 naming the skills the data has", async () => {
    // Before: `--capacity 0` (the sample's integration skill) constrained nothing and req-1, req-2, req-4, req-6 were
    // selected as if there were no capacity limit, exit 0.
    const o = await office(INTAKE);
    const r = await o.select("--capacity", "0");
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toBe("pmokit: --capacity integration=…: no open request has integration effort in FY2028 (their skills: dev), so it would constrain nothing; pass --capacity SKILL=HOURS with one of them (a bare number is the integration skill)\n");
    expect((await o.select("--capacity", "dev=100", "--capacity", "qa=5")).code).toBe(2);
  });

  // The requests are named by key (REQ-2028-001), as `score` names them; before, by id (req-1).
  it("nothing fits: 'optimal: none', not 'optimal:  within'", async () => {
    // dev=0: no request fits (each needs 200–2,000 dev hours); the selection is empty, which is optimal.
    const o = await office(INTAKE);
    const r = await o.select("--capacity", "dev=0");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("SELECTION  optimal: none within USD 1,000,000.00 (FY2028); left out: REQ-2028-001, REQ-2028-002, REQ-2028-004, REQ-2028-006");
  });

  it("budget and capacity bind as derived by hand", async () => {
    // USD 500,000 and 2,000 dev hours: req-1 + req-4 + req-6 = 250k + 90k + 60k = 400k and 1,200 + 500 + 200 = 1,900 h.
    const o = await office(INTAKE);
    const r = await o.select("--budget", "500000", "--capacity", "dev=2000", "--currency", "USD");
    expect([r.code, r.out.split("\n")[0]]).toEqual([0, "SELECTION  optimal: REQ-2028-001, REQ-2028-004, REQ-2028-006 within USD 500,000.00 (FY2028); left out: REQ-2028-002"]);
  });

  it("costs in two currencies: exit 2 saying what to do", async () => {
    const o = await office([INTAKE, row(7, "AI chatbot pilot", "submitted", 120000, 600, [4, 3, 1, 2, 3], "EUR")].join("\n"));
    const r = await o.select();
    expect([r.code, r.err]).toEqual([2, "pmokit: the open requests' FY2028 costs are in EUR, USD: selection needs one currency (pmokit does not convert): record them in one before importing\n"]);
  });

  it("an intake with the header only: import and validate say there was nothing", async () => {
    // Before: "imported  into db.sqlite" and "requests.csv: valid ()".
    const o = await office(HEAD);
    expect([o.imported.code, o.imported.out]).toEqual([0, "imported nothing (the file holds no records) into db.sqlite\n"]);
    const v = await run(["validate", "requests.csv", "--kind", "request"], o.cwd);
    expect([v.code, v.out]).toEqual([0, "requests.csv: valid (no records)\n"]);
  });
});
