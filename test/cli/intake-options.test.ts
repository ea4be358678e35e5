import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { INTAKE_MODEL } from "../../src/cli/intake.js";
import { loadSolver } from "../../src/cli/solver.js";
import { CliError } from "../../src/cli/errors.js";
import { HEAVY, dataset, run, temp } from "./run.js";

// Issue 17, a newcomer's first hour: the scoring model, the selection envelope and the solver are options, not the
// sample's constants. The sample's FY2027 candidates (open, scored or mandatory requests), from examples/data:
//
//   request       FY2027 cost   FY2027 integration h   FY2028 cost   strategic-fit   built-in score
//   REQ-2027-001    500,000           1,200               100,000          5            0.659
//   REQ-2027-002    254,000             700                98,000          4            0.682
//   REQ-2027-003    330,000               0               250,000          —  (mandatory: forced in, no ratings)
//   REQ-2027-004    344,000             500                36,000          3            0.409  (requires 002)
//   REQ-2027-007    146,000               0                40,000          3            0.591
//
// Value = score × 100. The default envelope is EUR 1,000,000 and 1,600 integration hours of FY2027.

const DATA = join(process.cwd(), "examples", "data");
const cwd = temp();

beforeAll(async () => {
  expect((await run(["init", "o.sqlite"], cwd)).code).toBe(0);
  expect((await run(["import", DATA, "--db", "o.sqlite"], cwd)).code).toBe(0);
}, HEAVY);

type Selection = { status: string; selected: string[]; excluded: string[]; objective: string; envelope: { period: string; budget: { amount: string; currency: string }; capacity: Record<string, string> }; solver: string };
const select = async (...args: string[]) => {
  const r = await run(["select", "--db", "o.sqlite", "--json", ...args], cwd);
  return { ...r, json: r.code < 2 ? (JSON.parse(r.out) as Selection) : undefined };
};

describe("--model: a scoring model from a file", () => {
  it("model --print writes the built-in model; scoring with that file gives the built-in scores", async () => {
    const printed = await run(["model", "--print"], cwd);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.out)).toEqual(INTAKE_MODEL);
    // Named for what it is, not for the sample's company: on anyone's data the demo and report said 'ranked by
    // "Northwind intake 2027"' (newbie3 audit).
    expect(INTAKE_MODEL.name).toBe("pmokit built-in intake model");
    // `pmokit model` alone prints the same.
    expect((await run(["model"], cwd)).out).toBe(printed.out);
    writeFileSync(join(cwd, "intake.json"), printed.out);
    const builtIn = await run(["score", "--db", "o.sqlite", "--json"], cwd);
    const fromFile = await run(["score", "--db", "o.sqlite", "--model", "intake.json", "--json"], cwd);
    expect(fromFile.code).toBe(0);
    expect(fromFile.out).toBe(builtIn.out);
    // Open requests only. REQ-2027-002 rates 4,5,2,3 and complexity 2 (a cost):
    // (3·0.75 + 3·1 + 2·0.25 + 2·0.5 + 1·0.75) / 11 = 7.5/11 = 0.681818181…
    expect(JSON.parse(fromFile.out)[1]).toEqual({ rank: 2, request: "REQ-2027-002", status: "scored", score: "0.681818182", reason: null });
  });

  it("a strategic-fit-only model ranks by that rating and changes the selection", async () => {
    writeFileSync(join(cwd, "fit.json"), JSON.stringify({ kind: "weighted-sum", name: "Fit only", criteria: [{ id: "strategic-fit", weight: 1, scale: { kind: "numeric", min: 1, max: 5 }, normalization: "absolute" }], gates: [{ kind: "mandatory" }] }));
    const score = await run(["score", "--db", "o.sqlite", "--model", "fit.json", "--json"], cwd);
    expect(score.code).toBe(0);
    // Absolute scale 1–5: score = (fit − 1) / 4 — REQ-2027-001 (5) 1, REQ-2027-002 (4) 0.75, REQ-2027-004 (3) 0.5.
    const byId = new Map((JSON.parse(score.out) as { request: string; score: string | null }[]).map((e) => [e.request, e.score]));
    expect([byId.get("REQ-2027-001"), byId.get("REQ-2027-002"), byId.get("REQ-2027-004"), byId.get("REQ-2027-007")]).toEqual(["1", "0.75", "0.5", "0.5"]);
    // Values 100, 75, 50 (004), 50 (007). 003 is forced in (EUR 330,000), leaving 670,000: {001, 007} costs 646,000
    // for 150; {002, 007} 400,000 for 125; {002, 004} 598,000 for 125; 001 + 002 (754,000) and 002 + 004 + 007
    // (744,000) do not fit. Integration hours of {001, 007}: 1,200 ≤ 1,600.
    const r = await select("--model", "fit.json");
    expect([r.code, r.json!.selected, r.json!.excluded, r.json!.objective]).toEqual([0, ["REQ-2027-001", "REQ-2027-003", "REQ-2027-007"], ["REQ-2027-002", "REQ-2027-004"], "150"]);
  });

  it("a bad model file: one line with the file and the zod path, exit 2; --json lists every problem", async () => {
    writeFileSync(join(cwd, "bad.json"), JSON.stringify({ kind: "weighted-sum", criteria: [{ id: "value", weight: -1 }, { id: "cost", weight: 1, normalization: "bogus" }] }));
    const r = await run(["score", "--db", "o.sqlite", "--model", "bad.json"], cwd);
    expect(r.code).toBe(2);
    // The structure is checked first (zod): the negative weight of criteria[0] is the library's next check.
    expect(r.err).toBe(`pmokit: ${join(cwd, "bad.json")}: criteria[1].normalization: Invalid option: expected one of "none"|"min-max"|"max-ratio"|"vector"|"z-score"|"z-score-sample"|"rank"|"absolute"\n`);
    const j = await run(["score", "--db", "o.sqlite", "--model", "bad.json", "--json"], cwd);
    expect([j.code, j.err]).toEqual([2, ""]);
    const error = (JSON.parse(j.out) as { error: { code: string; issues: { file: string; path: string }[]; issueCount: number } }).error;
    expect([error.code, error.issueCount]).toEqual(["validation", 1]);
    expect(error.issues.map((i) => [i.file, i.path])).toEqual([[join(cwd, "bad.json"), "criteria[1].normalization"]]);
    // Once the structure is right, the library's own checks run: a negative weight is named by its path.
    writeFileSync(join(cwd, "neg.json"), JSON.stringify({ kind: "weighted-sum", criteria: [{ id: "value", weight: -1 }] }));
    const neg = await run(["select", "--db", "o.sqlite", "--model", "neg.json"], cwd);
    expect([neg.code, neg.err]).toEqual([2, `pmokit: ${join(cwd, "neg.json")}: criteria[0].weight: weights must not be negative\n`]);
    const notJson = await run(["score", "--db", "o.sqlite", "--model", "intake.jso"], cwd);
    expect([notJson.code, notJson.err]).toEqual([2, `pmokit: ${join(cwd, "intake.jso")}: cannot read the file (ENOENT)\n`]);
  });

  it("model --check validates a file: a summary line, or every problem and exit 2", async () => {
    const ok = await run(["model", "--check", "fit.json"], cwd);
    expect([ok.code, ok.out]).toEqual([0, 'fit.json: valid weighted-sum model "Fit only" over 1 criteria (strategic-fit)\n']);
    writeFileSync(join(cwd, "two.json"), JSON.stringify({ kind: "weighted-sum", criteria: [{ id: "a", weight: -1 }, { id: "a", weight: 1 }] }));
    const bad = await run(["model", "--check", "two.json"], cwd);
    const file = join(cwd, "two.json");
    expect([bad.code, bad.err]).toEqual([2, `pmokit: ${file}: criteria[0].weight: weights must not be negative\npmokit: ${file}: criteria[1].id: duplicate criterion id "a"\npmokit: two.json: 2 problems\n`]);
  });

  it("docs/cli.md shows the model `model --print` writes, byte for byte", async () => {
    const doc = readFileSync(join(process.cwd(), "docs", "cli.md"), "utf8");
    const block = /<!-- model --print -->\n```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block).toBe((await run(["model", "--print"], cwd)).out);
  });
});

describe("the selection envelope: --budget, --currency, --period, --capacity", () => {
  it("the defaults are the sample's: EUR 1,000,000.00 and 1,600 integration hours of FY2027", async () => {
    const r = await select();
    expect(r.json!.envelope).toEqual({ period: "FY2027", budget: { amount: "1000000.00", currency: "EUR" }, capacity: { integration: "1600" } });
    expect(r.json!.selected).toEqual(["REQ-2027-002", "REQ-2027-003", "REQ-2027-007"]);
  });

  it("--budget 500000: 003 (forced, 330,000) leaves 170,000, where only 007 (146,000) fits", async () => {
    const r = await select("--budget", "500000");
    expect([r.code, r.json!.selected, r.json!.envelope.budget]).toEqual([0, ["REQ-2027-003", "REQ-2027-007"], { amount: "500000.00", currency: "EUR" }]);
    // 007 scores 6.5/11 = 0.590909091 (fit 3, value 2, risk 5, urgency 4, complexity 2): 59.0909091 points at 7 places.
    expect(r.json!.objective).toBe("59.0909091");
    expect((await select("--budget", "1000000.50")).json!.envelope.budget.amount).toBe("1000000.50");
  });

  it("an infeasible selection (exit 1) says which constraints clash, in text and JSON", async () => {
    // 003 is forced in at EUR 330,000: no plan fits EUR 100,000. The line used to read "infeasible:  within … left
    // out: <every request>" with no reason.
    const r = await select("--budget", "100000");
    const why = "REQ-2027-003 (German NIS2 implementation act: Northwind is an important entity and must detect, handle and report significant security incidents (early warning within 24 hours).) is forced in; it uses EUR 330,000.00 against budget FY2027 (EUR 100,000.00)";
    expect([r.code, r.json!.status, (r.json as unknown as { conflicts: string[] }).conflicts, r.json!.objective]).toEqual([1, "infeasible", [why], { reason: "infeasible" }]);
    const text = await run(["select", "--db", "o.sqlite", "--budget", "100000"], cwd);
    expect([text.code, text.out]).toEqual([1, `SELECTION  infeasible: no plan meets every constraint within EUR 100,000.00 (FY2027)\n           why: ${why}\n`]);
  });

  it("--budget refuses anything but an exact decimal, and more decimals than the currency has; exit 2", async () => {
    for (const junk of ["1e6", "1,000,000", "-5", "Infinity", "0x10", " 5", "1000000.", ".5"]) {
      const r = await run(["select", "--db", "o.sqlite", "--budget", junk], cwd);
      expect([junk, r.code, r.err]).toEqual([junk, 2, `pmokit: --budget must be an exact decimal number such as 1000000 or 1000000.50 (no exponent, sign or separators), got ${junk}\n`]);
    }
    const cents = await run(["select", "--db", "o.sqlite", "--budget", "1000000.505"], cwd);
    expect([cents.code, cents.err]).toEqual([2, "pmokit: --budget 1000000.505: EUR has 2 decimal places\n"]);
  });

  it("--capacity 600: too few integration hours for 001 (1,200), 002 (700) and so 004 (needs 002)", async () => {
    const r = await select("--capacity", "600");
    expect([r.json!.selected, r.json!.envelope.capacity]).toEqual([["REQ-2027-003", "REQ-2027-007"], { integration: "600" }]);
    // Named skills, repeatable: replacing the default, integration is no longer limited; testing 500 keeps 001 (600 h) out.
    const skills = await select("--capacity", "testing=500", "--capacity", "business-analysis=300");
    expect(skills.json!.envelope.capacity).toEqual({ testing: "500", "business-analysis": "300" });
    expect(skills.json!.selected).toEqual(["REQ-2027-002", "REQ-2027-003", "REQ-2027-007"]);
    const bad = await run(["select", "--db", "o.sqlite", "--capacity", "integration=lots"], cwd);
    expect([bad.code, bad.err]).toEqual([2, "pmokit: --capacity must be an exact decimal number such as 1000000 or 1000000.50 (no exponent, sign or separators), got lots\n"]);
  });

  it("--period FY2028: only FY2028 cost lines count — 524,000 in all, so every candidate fits", async () => {
    // 100,000 + 98,000 + 250,000 + 36,000 + 40,000 = 524,000 ≤ 1,000,000; none has FY2028 integration hours.
    const r = await select("--period", "FY2028");
    expect([r.code, r.json!.selected, r.json!.excluded, r.json!.envelope.period]).toEqual([0, ["REQ-2027-001", "REQ-2027-002", "REQ-2027-003", "REQ-2027-004", "REQ-2027-007"], [], "FY2028"]);
    // A label the data does not use is a usage error naming the labels it does.
    const none = await run(["select", "--db", "o.sqlite", "--period", "2027"], cwd);
    expect([none.code, none.err]).toEqual([2, "pmokit: --period 2027: no open request has a cost or effort line in 2027 (their periods: FY2027, FY2028, FY2029); pass --period with one of them\n"]);
  });

  it("--currency: the default is the data's; another one than the costs' is refused (no conversion)", async () => {
    const usd = await run(["select", "--db", "o.sqlite", "--currency", "USD"], cwd);
    expect([usd.code, usd.err]).toEqual([2, "pmokit: --currency USD: the open requests' FY2027 costs are in EUR; the budget must be in the same currency (pmokit does not convert)\n"]);
    const notIso = await run(["select", "--db", "o.sqlite", "--currency", "EURO"], cwd);
    expect([notIso.code, notIso.err]).toEqual([2, "pmokit: --currency must be an ISO 4217 currency code such as EUR, got EURO\n"]);
    // The same office priced in CHF: the budget follows the data's currency without --currency.
    const office = loadSampleOffice();
    const request = JSON.parse(JSON.stringify(office.request).replaceAll('"EUR"', '"CHF"')) as unknown[];
    const chf = temp();
    writeFileSync(join(chf, "office.json"), dataset({ person: office.person, portfolio: office.portfolio, request }));
    expect((await run(["init", "c.sqlite"], chf)).code).toBe(0);
    expect((await run(["import", "office.json", "--db", "c.sqlite"], chf)).code).toBe(0);
    const r = await run(["select", "--db", "c.sqlite", "--budget", "500000"], chf);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("SELECTION  optimal: REQ-2027-003, REQ-2027-007 within CHF 500,000.00 (FY2027); left out: REQ-2027-001, REQ-2027-002, REQ-2027-004");
  });

  it("demo takes the same options: the summary's selection line shows the envelope", async () => {
    const out = temp();
    const r = await run(["demo", "--data", DATA, "--out", "r", "--db", "d.sqlite", "--budget", "500000", "--period", "FY2027"], out);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toContain("SELECTION  optimal: REQ-2027-003, REQ-2027-007 within EUR 500,000.00 (FY2027); left out: REQ-2027-001, REQ-2027-002, REQ-2027-004\n");
  }, HEAVY);

  it("report checks the envelope before any work: a period the data does not use writes nothing", async () => {
    const r = await run(["report", "--format", "md", "--out", "r/report.md", "--db", "o.sqlite", "--period", "FY2031"], cwd);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^pmokit: --period FY2031: no open request/);
  });
});

describe("--solver", () => {
  it("highs selects the same portfolio as the built-in solver", async () => {
    const r = await select("--solver", "highs");
    expect([r.code, r.json!.solver, r.json!.selected, r.json!.objective]).toEqual([0, "highs", ["REQ-2027-002", "REQ-2027-003", "REQ-2027-007"], "127.2727273"]);
    expect((await select()).json!.solver).toBe("built-in");
    const bad = await run(["select", "--db", "o.sqlite", "--solver", "cplex"], cwd);
    expect([bad.code, bad.err]).toEqual([2, "pmokit: option '--solver <name>' argument 'cplex' is invalid. Allowed choices are built-in, highs.\n"]);
  }, HEAVY);

  it("highs missing: one line saying what to install, a missing-dependency error", async () => {
    const missing = Object.assign(new Error("Cannot find package 'highs' imported from /app/node_modules/pmokit/dist/highs/index.js"), { code: "ERR_MODULE_NOT_FOUND" });
    const e = await loadSolver("highs", () => Promise.reject(missing)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CliError);
    expect([(e as CliError).code, (e as CliError).message]).toEqual(["missing-dependency", "highs is not installed: npm install highs (the HiGHS solver of --solver highs is an optional peer; --solver built-in needs nothing)"]);
    // Another failure while loading is not mistaken for a missing package.
    const other = Object.assign(new Error("Cannot find package 'zod' imported from x.js"), { code: "ERR_MODULE_NOT_FOUND" });
    await expect(loadSolver("highs", () => Promise.reject(other))).rejects.toBe(other);
    expect(await loadSolver("built-in", () => Promise.reject(missing))).toBeUndefined();
  });
});
