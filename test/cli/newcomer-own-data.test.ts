import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, temp } from "./run.js";

// A newcomer's own intake: ids are a tool's short ids (r1 …), keys are what people call the requests (ACME-1 …).
// Ratings on the built-in model (weights 3, 3, 2, 2, 1 = 11; absolute scale 1–5 → (v − 1) / 4; complexity a cost → (5 − v) / 4):
//   r1 (5, 3, 2, 4, 2): (3·1 + 3·0.5 + 2·0.25 + 2·0.75 + 1·0.75) / 11 = 7.25 / 11 = 0.6590909…
//   r2 (4, 4, 1, 2, 4): (3·0.75 + 3·0.75 + 0 + 2·0.25 + 1·0.25) / 11 = 5.25 / 11 = 0.4772727…
// FY2028, budget USD 500,000, dev 1,500 h: r3 (mandatory, 50k, 200 h) is forced in; r1 200k/500 h, r2 300k/900 h,
// r4 250k/700 h requires r2. Best: r3 + r1 (250k, 700 h); r2 + r1 would need 550k. Forcing r2 in gives r3 + r2:
// objective lower by 100 × (7.25 − 5.25) / 11 = 18.1818182.
const cost = (n: number) => `"[{""period"":""FY2028"",""expenditure"":""capex"",""category"":""labour"",""amount"":{""amount"":""${n}"",""currency"":""USD""}}]"`;
const hours = (n: number) => `"[{""skill"":""dev"",""period"":""FY2028"",""hours"":""${n}""}]"`;
const ratings = (...v: number[]) =>
  `"[${["strategic-fit", "financial-value", "risk-reduction", "urgency", "complexity"].map((c, i) => `{""criterionId"":""${c}"",""value"":""${v[i]}""}`).join(",")}]"`;
const REQUESTS = [
  "id,key,title,portfolioId,sponsorId,requesterId,purpose,need,status,dependsOn,estimatedCost,effort,ratings,mandatory",
  `r1,ACME-1,New payroll,pf1,p1,p2,Pay,Breaks,submitted,,${cost(200000)},${hours(500)},${ratings(5, 3, 2, 4, 2)},`,
  `r2,ACME-2,Data lake,pf1,p1,p2,Analytics,Slow,in-review,,${cost(300000)},${hours(900)},${ratings(4, 4, 1, 2, 4)},`,
  `r3,ACME-3,GDPR fix,pf1,p1,p2,Comply,Law,approved,,${cost(50000)},${hours(200)},${ratings(2, 1, 5, 5, 1)},"{""reason"":""GDPR law""}"`,
  `r4,ACME-4,Mobile app,pf1,p1,p2,Customers,No app,submitted,r2,${cost(250000)},${hours(700)},${ratings(4, 4, 1, 3, 3)},`,
].join("\n");
const ENVELOPE = ["--budget", "500000", "--period", "FY2028", "--capacity", "dev=1500", "--currency", "USD", "--as-of", "2026-11-20"];

async function intake(): Promise<string> {
  const cwd = temp();
  writeFileSync(join(cwd, "req.csv"), `${REQUESTS}\n`);
  expect((await run(["init", "p.sqlite"], cwd)).code).toBe(0);
  expect((await run(["import", "req.csv", "--kind", "request", "--db", "p.sqlite"], cwd)).code).toBe(0);
  return cwd;
}

describe("a newcomer's own requests", () => {
  it("select names the requests by key, as score does (before: ids r1, r3 next to score's ACME-1, ACME-3)", async () => {
    const cwd = await intake();
    const score = await run(["score", "--db", "p.sqlite", "--as-of", "2026-11-20"], cwd);
    expect(score.out.split("\n")[1]).toBe("  2  ACME-1         scored     0.659  New payroll");
    const r = await run(["select", "--db", "p.sqlite", ...ENVELOPE], cwd);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("SELECTION  optimal: ACME-1, ACME-3 within USD 500,000.00 (FY2028); left out: ACME-2, ACME-4");
    // The explanation names ids (the solver's), so the key is followed by the id it explains.
    expect(lines[1]).toBe("           why not ACME-2 (id r2): forcing r2 in lowers the objective by 18.1818182; it displaces r1");
    // r4 needs r2: 250k + 300k = 550k, and the mandatory r3 (50k) stays in any plan: 600k of 500k (before: "it uses
    // USD 550,000.00", the cost of a plan without r3, which none is).
    expect(lines[2]).toBe("           why not ACME-4 (id r4): forcing r4 in is infeasible: r4 is forced in; with what it requires and r3 (GDPR law), also forced in, they use USD 600,000.00 against budget FY2028 (USD 500,000.00)");
  });

  it("select --json names the constraint each binding line is about (before: 'uses 700 of 1500' — of what?)", async () => {
    const cwd = await intake();
    const r = await run(["select", "--db", "p.sqlite", ...ENVELOPE, "--json"], cwd);
    // r1 + r3: USD 200,000 + 50,000 = 250,000 of 500,000; 500 + 200 = 700 of 1,500 dev hours.
    expect((JSON.parse(r.out) as { binding: string[] }).binding).toEqual([
      "budget FY2028 (USD 500,000.00): uses USD 250,000.00 of USD 500,000.00",
      "dev capacity FY2028 (1500): uses 700 of 1500",
    ]);
  });
});

// Eight requirements of one project, each naming its parent only in parentId (no derives/refines links); FR-004 is
// obsolete, so `trace` lists it as inactive, not traced — and asking for its parent link is asking for needless work.
const REQUIREMENTS = [
  "id,projectId,key,type,title,statement,priority,acceptanceCriteria,verificationMethod,status,parentId",
  "BR-001,PX,BR-001,business,Pay staff,The company shall pay staff on time.,must,Paid on time,analysis,approved,",
  "SR-001,PX,SR-001,stakeholder,HR sees payroll,HR shall see the payroll.,must,HR sees it,demonstration,approved,BR-001",
  "FR-001,PX,FR-001,functional,Compute pay,The system shall compute pay.,must,Pay computed,test,approved,SR-001",
  "FR-002,PX,FR-002,functional,Export bank file,The system shall export a bank file.,should,File exported,test,approved,SR-001",
  "FR-003,PX,FR-003,functional,Payslips,The system shall email payslips.,could,Emailed,test,draft,SR-001",
  "NFR-001,PX,NFR-001,non-functional,Fast,The system shall compute pay in 1 minute.,must,Under 1 minute,test,approved,SR-001",
  "TR-001,PX,TR-001,transition,Migrate,The old data shall be migrated.,must,Migrated,inspection,approved,BR-001",
  "FR-004,PX,FR-004,functional,Old,The system shall print.,wont,Printed,test,obsolete,SR-001",
].join("\n");

describe("trace on a newcomer's requirements", () => {
  it("asks for parent links of the active requirements only: 6, not the obsolete FR-004 (before: 7, FR-004 included)", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "rq.csv"), `${REQUIREMENTS}\n`);
    expect((await run(["init", "p.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", "rq.csv", "--kind", "requirement", "--db", "p.sqlite"], cwd)).code).toBe(0);
    const r = await run(["trace", "--db", "p.sqlite", "--as-of", "2026-11-20"], cwd);
    expect(r.out).toContain("inactive, not traced: 1 (FR-004 obsolete)\n");
    const line = r.out.split("\n").find((l) => l.includes("name a parent in parentId"));
    expect(line).toBe(
      "warning: 6 requirements name a parent in parentId that no derives or refines link joins, so the analysis does not see it (add the links): " +
        "FR-001 → SR-001, FR-002 → SR-001, FR-003 → SR-001, NFR-001 → SR-001, SR-001 → BR-001, TR-001 → BR-001",
    );
  });
});

// MPXJ's mspditimephased.xml has no baseline at all; 20 of its tasks carry progress or a time-phased budget.
const TIMEPHASED = new URL("../../../shared/fixtures/mspdi/mpxj_mspditimephased.xml", import.meta.url).pathname;

describe("evm on an MS Project file without a baseline", () => {
  it("says once per project which packages have no baseline, never `no baseline (none)` once per package", async () => {
    const cwd = temp();
    expect((await run(["init", "p.sqlite"], cwd)).code).toBe(0);
    const flags = ["--project", "PRJ-TP", "--code", "PRJ-TP", "--manager", "p1", "--sponsor", "p1", "--actor", "p1"];
    expect((await run(["import", TIMEPHASED, "--db", "p.sqlite", ...flags], cwd)).code).toBe(0);
    const r = await run(["evm", "--db", "p.sqlite", "--as-of", "2008-12-15"], cwd);
    expect(r.err).not.toContain("(none)");
    const lines = r.err.split("\n").filter((l) => l.includes("no baseline"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warning: PRJ-TP: 20 work packages are in no baseline \(the project has none\): Task 4 - Night Shift \(PRJ-TP-t12\), Task 6 - Night Shift \(PRJ-TP-t14\), .*Task 8 \(PRJ-TP-t8\): their BAC, PV and EV are missing \(no-baseline\); their actuals still count at project level$/);
  });
});
