import { expect, it } from "vitest";
import { compileEarnedValue, evaluatePortfolio } from "../../src/index.js";
import { baselineOf, cost, pkg, project, show, week } from "./fixtures.js";

// One package A, percent-complete, 1,000.00 in each of weeks 1 and 2 of January 2027 (BAC 2,000.00); at Sunday
// 2027-01-10 40 % reported → EV 800.00, AC 1,000.00 (CPI 0.8). Compiled with policy eacOrder ["budget-rate"]:
// EAC₂ = AC + (BAC − EV) = 1,000 + 1,200 = 2,200.00 is the project's selected EAC. EAC₁ = 2,000 / 0.8 = 2,500.00.
// evaluatePortfolio rolled its programme and portfolio up with the roll-up's default order (CPI first), so the
// programme of this one project selected 2,500.00 (cpi) while the project itself selected 2,200.00.
const A = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000"), week(2, "1000")], progress: [{ date: "2027-01-10", percentComplete: "40" }] });
const input = { ...project([A], [cost("A", "2027-01-08", "1000")]), project: { id: "PRJ-T", name: "Test", programmeId: "pg", portfolioId: "pf" } };

it("evaluatePortfolio rolls up with the projects' own EAC order when they share one", () => {
  const c = compileEarnedValue(input, { statusDate: "2027-01-10", policy: { eacOrder: ["budget-rate"] } });
  const { projects, programmes, portfolios } = evaluatePortfolio([c], "2027-01-10");
  expect([projects[0]!.figures.selectedEac.method, show(projects[0]!.figures.selectedEac.value)]).toEqual(["budget-rate", "2200.00"]);
  for (const node of [programmes[0]!, portfolios[0]!]) expect([node.figures.selectedEac.method, show(node.figures.selectedEac.value)]).toEqual(["budget-rate", "2200.00"]);
});

it("projects with different EAC orders roll up by the roll-up's default order (cpi, bottom-up, budget-rate)", () => {
  const a = compileEarnedValue(input, { statusDate: "2027-01-10", policy: { eacOrder: ["budget-rate"] } });
  const U = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000"), week(2, "1000")], progress: [{ date: "2027-01-10", percentComplete: "40" }] }, "PRJ-U");
  const inputU = { project: { ...input.project, id: "PRJ-U" }, workPackages: [U], baselines: [baselineOf([U], 0, "PRJ-U")], costEntries: [cost("A", "2027-01-08", "1000", "EUR", "PRJ-U")] };
  const b = compileEarnedValue(inputU, { statusDate: "2027-01-10", policy: { eacOrder: ["cpi"] } });
  const { programmes } = evaluatePortfolio([a, b], "2027-01-10");
  // Σ: BAC 4,000, EV 1,600, AC 2,000 → CPI 0.8, EAC₁ = 4,000 / 0.8 = 5,000.00.
  expect([programmes[0]!.figures.selectedEac.method, show(programmes[0]!.figures.selectedEac.value)]).toEqual(["cpi", "5000.00"]);
});
