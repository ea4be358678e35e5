import { describe, expect, it } from "vitest";
import { ValidationError, money } from "../../src/core/index.js";
import {
  buildSelectionModel,
  defineSelectionProblem,
  findConflicts,
  selectPortfolio,
  verifyPlan,
  type SelectionProblemInput,
  type SelectionSolver,
} from "../../src/selection/index.js";

const eur = (s: string) => money(s, "EUR");

/*
 * Hand-derived: budget 1,000.00 in FY27; A 600 → 10, B 400 → 7, C 300 → 5, D 300 → 4, D requires C.
 * Feasible sets by enumeration (cost ≤ 1000, D only with C): {A,B}=17 (1000), {A,C}=15, {B,C,D}=16 (1000),
 * {B,C}=12, {C,D}=9, {A,D} not allowed (D needs C), {A,C,D}=1200 over budget. Optimum {A,B} = 17.
 * Forcing C in: best is {B,C,D} = 16 → loses 1, displaces A, brings D in. Forcing D in: the same plan.
 */
const fourProjects: SelectionProblemInput = {
  periods: ["FY27"],
  candidates: [
    { id: "A", value: 10, costs: { FY27: eur("600.00") } },
    { id: "B", value: 7, costs: { FY27: eur("400.00") } },
    { id: "C", value: 5, costs: { FY27: eur("300.00") } },
    { id: "D", value: 4, costs: { FY27: eur("300.00") } },
  ],
  budgets: { FY27: eur("1000.00") },
  constraints: [{ kind: "requires", candidate: "D", requires: "C" }],
};

describe("selectPortfolio — hand-derived problems", () => {
  it("picks the optimum and explains every excluded candidate", async () => {
    const r = await selectPortfolio(fourProjects, { gap: 0 });
    expect(r.status).toBe("optimal");
    expect(r.selected).toEqual(["A", "B"]);
    expect(r.objective.value?.toFixed()).toBe("17");
    expect(r.bestBound.value?.toFixed()).toBe("17");
    expect(r.gap.value?.toFixed()).toBe("0");
    expect(r.whyNot.map((w) => [w.candidate, w.objectiveLost.value?.toFixed(), w.displaces, w.bringsIn])).toEqual([
      ["C", "1", ["A"], ["D"]],
      ["D", "1", ["A"], ["C"]],
    ]);
    expect(r.binding.map((b) => [b.constraint.label, b.slack.toFixed(), b.blocks])).toEqual([
      ["budget FY27 (EUR 1,000.00)", "0", ["C", "D"]],
    ]);
  });

  it("keeps money exact: 0.10 + 0.20 fits a 0.30 budget", async () => {
    // In binary floats 0.1 + 0.2 > 0.3; exact decimals must still accept both.
    const r = await selectPortfolio({
      periods: ["P"],
      candidates: [
        { id: "X", value: 1, costs: { P: eur("0.10") } },
        { id: "Y", value: 1, costs: { P: eur("0.20") } },
      ],
      budgets: { P: eur("0.30") },
    }, { gap: 0 });
    expect(r.selected).toEqual(["X", "Y"]);
    expect(r.usage[0]?.used.toFixed(2)).toBe("0.30");
  });

  it("treats a dependency cycle as all or none, and respects capacity per skill and period", async () => {
    // P ⇄ Q is a cycle (value 3 + 3, 2 architects in FY28); R is worth 5 but needs 2 architects too; capacity 2.
    // Either {P,Q}=6 or {R}=5 → {P,Q}.
    const r = await selectPortfolio({
      periods: ["FY27", "FY28"],
      candidates: [
        { id: "P", value: 3, demand: { FY28: { architect: 1 } } },
        { id: "Q", value: 3, demand: { FY28: { architect: 1 } } },
        { id: "R", value: 5, demand: { FY28: { architect: 2 } } },
      ],
      capacity: { FY28: { architect: 2 } },
      constraints: [{ kind: "requires", candidate: "P", requires: "Q" }, { kind: "requires", candidate: "Q", requires: "P" }],
    }, { gap: 0 });
    expect(r.selected).toEqual(["P", "Q"]);
    expect(r.whyNot[0]).toMatchObject({ candidate: "R", kind: "displaces", displaces: ["P", "Q"] });
    expect(r.whyNot[0]?.objectiveLost.value?.toFixed()).toBe("1");
  });

  it("honours exclusive groups, mutual inclusion, forced in (with reason) and forced out", async () => {
    // A/B exclusive (A 9, B 8); C with D together (4 + 4 = 8 but D is forced out → neither); E forced in (value −2).
    const r = await selectPortfolio({
      periods: ["FY27"],
      candidates: [
        { id: "A", value: 9 }, { id: "B", value: 8 }, { id: "C", value: 4 }, { id: "D", value: 4 }, { id: "E", value: -2 },
      ],
      constraints: [
        { kind: "exclusive", id: "vendor", candidates: ["A", "B"] },
        { kind: "together", candidates: ["C", "D"] },
        { kind: "forced-in", candidate: "E", reason: "regulatory" },
        { kind: "forced-out", candidate: "D", reason: "vendor withdrew" },
      ],
    }, { gap: 0 });
    expect(r.selected).toEqual(["A", "E"]);
    expect(r.objective.value?.toFixed()).toBe("7");
    const why = Object.fromEntries(r.whyNot.map((w) => [w.candidate, w]));
    expect(why["B"]?.kind).toBe("displaces");
    expect(why["B"]?.objectiveLost.value?.toFixed()).toBe("1");
    expect(why["C"]?.kind).toBe("infeasible");
    expect(why["C"]?.explanation).toContain("D is forced out (vendor withdrew)");
    expect(why["D"]).toMatchObject({ kind: "forced-out", explanation: "D is forced out: vendor withdrew" });
  });

  it("re-verifies a solver's plan and repairs one that breaks a constraint", async () => {
    const liar: SelectionSolver = { name: "liar", solve: (m) => ({ plan: new Uint8Array(m.ids.length).fill(1), bound: 100, stoppedBy: "optimal" }) };
    const r = await selectPortfolio(fourProjects, { solver: liar, gap: 0, whyNot: "none" });
    expect(verifyPlan(defineSelectionProblem(fourProjects), r.selected)).toEqual([]);
    expect(r.notes[0]).toMatch(/liar returned a plan that breaks budget FY27/);
    // The liar's bound of 100 is not needed: pmokit's own Lagrangian bound proves 17 (A + B fill the budget exactly).
    expect(r.status).toBe("optimal");
  });

  it("solves an empty problem", async () => {
    const r = await selectPortfolio({ periods: ["FY27"], candidates: [] });
    expect(r).toMatchObject({ status: "optimal", selected: [], excluded: [] });
  });
});

describe("infeasible problems", () => {
  it("returns the smallest conflicting set in plain words (deletion filter over the forced candidates)", async () => {
    // A 600 + B 500 > 1000 already; C 300 fits with either, so C is not part of the conflict.
    const r = await selectPortfolio({
      periods: ["FY27"],
      candidates: [
        { id: "A", value: 1, costs: { FY27: eur("600.00") } },
        { id: "B", value: 1, costs: { FY27: eur("500.00") } },
        { id: "C", value: 1, costs: { FY27: eur("300.00") } },
      ],
      budgets: { FY27: eur("1000.00") },
      constraints: [
        { kind: "forced-in", candidate: "A", reason: "regulatory" },
        { kind: "forced-in", candidate: "B", reason: "contract" },
        { kind: "forced-in", candidate: "C", reason: "board" },
      ],
    });
    expect(r.status).toBe("infeasible");
    expect(r.selected).toEqual([]);
    expect(r.conflicts[0]?.constraints.map((c) => c.label)).toEqual([
      "A forced in: regulatory",
      "B forced in: contract",
      "budget FY27 (EUR 1,000.00)",
    ]);
    expect(r.conflicts[0]?.explanation).toBe(
      "A (regulatory) and B (contract) are forced in; they use EUR 1,100.00 against budget FY27 (EUR 1,000.00)",
    );
  });

  it("follows dependencies into exclusive groups and forced-out candidates", () => {
    const problem = defineSelectionProblem({
      periods: ["FY27"],
      candidates: [{ id: "A", value: 1 }, { id: "B", value: 1 }, { id: "C", value: 1 }, { id: "D", value: 1 }],
      constraints: [
        { kind: "requires", candidate: "A", requires: "B" },
        { kind: "requires", candidate: "D", requires: "C" },
        { kind: "exclusive", id: "platform", candidates: ["B", "C"] },
        { kind: "forced-in", candidate: "A", reason: "regulatory" },
        { kind: "forced-in", candidate: "D", reason: "contract" },
      ],
    });
    const [conflict] = findConflicts(problem);
    expect(conflict?.constraints.map((c) => c.kind)).toEqual(["forced-in", "forced-in", "requires", "requires", "exclusive"]);
    expect(conflict?.explanation).toBe(
      "A (regulatory) and D (contract) are forced in and need both B and C, but at most one of B, C (platform)",
    );
  });

  it("reports the budget conflict of prerequisites pulled in by a forced candidate", () => {
    const problem = defineSelectionProblem({
      periods: ["FY27"],
      candidates: [{ id: "APP", value: 5, costs: { FY27: eur("100.00") } }, { id: "DWH", value: 0, costs: { FY27: eur("950.00") } }],
      budgets: { FY27: eur("1000.00") },
      constraints: [{ kind: "requires", candidate: "APP", requires: "DWH" }, { kind: "forced-in", candidate: "APP", reason: "regulatory" }],
    });
    expect(findConflicts(problem)[0]?.explanation).toBe(
      "APP (regulatory) is forced in; with what it requires it uses EUR 1,050.00 against budget FY27 (EUR 1,000.00)",
    );
  });
});

describe("bad input", () => {
  it("rejects unknown ids, periods and skills, negative or non-finite figures, and mixed currencies, with paths", () => {
    try {
      defineSelectionProblem({
        periods: ["FY27"],
        candidates: [
          { id: "A", value: Number.NaN, costs: { FY28: eur("1.00") } },
          { id: "A", value: 1, costs: { FY27: money("-1.00", "EUR") }, demand: { FY27: { tester: 1 } } },
          { id: "B", value: 1, costs: { FY27: money("1.00", "USD") } },
        ],
        budgets: { FY27: eur("10.00") },
        constraints: [
          { kind: "requires", candidate: "B", requires: "Z" },
          { kind: "exclusive", candidates: ["A", "Q"] },
          { kind: "forced-out", candidate: "NOPE" },
        ],
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const paths = (e as ValidationError).issues.map((i) => i.path.join("."));
      expect(paths).toEqual(expect.arrayContaining(["candidates.0.value", "candidates.1.costs.FY27.amount"]));
    }
    try {
      defineSelectionProblem({
        periods: ["FY27"],
        candidates: [
          { id: "A", value: 1, costs: { FY28: eur("1.00") } },
          { id: "A", value: 1, demand: { FY27: { tester: 1 } } },
          { id: "B", value: 1, costs: { FY27: money("1.00", "USD") } },
        ],
        budgets: { FY27: eur("10.00") },
        constraints: [
          { kind: "requires", candidate: "B", requires: "Z" },
          { kind: "exclusive", candidates: ["A", "Q"] },
          { kind: "forced-in", candidate: "B", reason: "x" },
          { kind: "forced-out", candidate: "NOPE" },
          { kind: "forced-out", candidate: "B" },
        ],
      });
      expect.unreachable();
    } catch (e) {
      const issues = (e as ValidationError).issues.map((i) => `${i.path.join(".")}: ${i.message}`);
      expect(issues).toEqual([
        "candidates.1.id: duplicate candidate id \"A\"",
        "candidates.0.costs.FY28: unknown period \"FY28\"",
        "candidates.1.demand.FY27.tester: skill \"tester\" has no capacity in any period",
        "candidates.2.costs.FY27.currency: currency USD differs from EUR",
        "constraints.0.requires: unknown candidate \"Z\"",
        "constraints.1.candidates.1: unknown candidate \"Q\"",
        "constraints.3.candidate: unknown candidate \"NOPE\"",
        "constraints.4.candidate: \"B\" is also forced in",
      ]);
    }
  });

  it("rejects bad options before solving", async () => {
    await expect(selectPortfolio(fourProjects, { gap: -1 })).rejects.toBeInstanceOf(ValidationError);
    await expect(selectPortfolio(fourProjects, { timeLimitMs: Number.POSITIVE_INFINITY })).rejects.toBeInstanceOf(ValidationError);
    await expect(selectPortfolio(fourProjects, { whyNot: ["Z"] })).rejects.toThrow(/unknown candidate "Z"/);
  });

  it("accepts an already validated problem and builds integral solver rows from cents", () => {
    const p = defineSelectionProblem(defineSelectionProblem(fourProjects));
    const model = buildSelectionModel(p);
    expect(model.rows[0]).toMatchObject({ limit: 1000, scale: 0, integral: true });
    const cents = buildSelectionModel(defineSelectionProblem({ ...fourProjects, budgets: { FY27: eur("999.99") } }));
    expect(cents.rows[0]).toMatchObject({ limit: 99999, scale: 2, integral: true });
  });
});
