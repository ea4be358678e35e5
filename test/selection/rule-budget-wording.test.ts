import { afterEach, describe, expect, it, vi } from "vitest";
import { money } from "../../src/index.js";
import { builtInSolver, compareScenarios, defineSelectionProblem, efficientFrontier, selectPortfolio, type SelectionSolver } from "../../src/selection/index.js";
import { constraintUsage, whyNotCandidate } from "../../src/selection/explain.js";
import { firstIssuePath } from "../support/errors.js";

const eur = (a: string) => money(a, "EUR");

describe("a candidate that requires itself is refused", () => {
  it("'A requires A' was accepted silently (and dropped from the model): ValidationError at constraints[1].requires", () => {
    const input = {
      periods: ["FY27"],
      candidates: [{ id: "A", value: 1 }, { id: "B", value: 1 }],
      constraints: [{ kind: "requires" as const, candidate: "B", requires: "A" }, { kind: "requires" as const, candidate: "A", requires: "A" }],
    };
    expect(firstIssuePath(() => defineSelectionProblem(input))).toEqual(["constraints", 1, "requires"]);
    expect(() => defineSelectionProblem(input)).toThrow(/"A" cannot require itself/);
  });
});

describe("efficientFrontier: timeLimitMs is the budget of the whole call", () => {
  afterEach(() => vi.restoreAllMocks());

  it("10 levels with timeLimitMs 1000: each solver run gets 100 ms (was 1000 ms each, 10 s in all)", async () => {
    // A clock that only moves when the solver spends its whole limit: the call's elapsed time is the sum of the
    // limits handed down. Even shares of what is left: 1000/10 = 100, (1000 − 100)/9 = 100, … → ten times 100.
    let clock = 0;
    vi.spyOn(globalThis.performance, "now").mockImplementation(() => clock);
    const limits: number[] = [];
    const spending: SelectionSolver = {
      name: "spends-its-limit",
      solve(model, options) {
        limits.push(options.timeLimitMs);
        clock += options.timeLimitMs;
        return builtInSolver.solve(model, { ...options, timeLimitMs: 60_000 });
      },
    };
    const problem = {
      periods: ["FY27"],
      candidates: [{ id: "A", value: 7, costs: { FY27: eur("6.00") } }, { id: "B", value: 5, costs: { FY27: eur("5.00") } }, { id: "C", value: 5, costs: { FY27: eur("5.00") } }],
      budgets: { FY27: eur("10.00") },
    };
    const points = await efficientFrontier(problem, { solver: spending, timeLimitMs: 1000 });
    expect(points).toHaveLength(10);
    expect(limits).toEqual(Array.from({ length: 10 }, () => 100));
    expect(clock).toBe(1000);
  });

  it("a level that finishes early leaves its time to the levels after it; the call never hands down more than is left", async () => {
    let clock = 0;
    vi.spyOn(globalThis.performance, "now").mockImplementation(() => clock);
    const limits: number[] = [];
    const instant: SelectionSolver = { name: "instant", solve(model, options) { limits.push(options.timeLimitMs); return builtInSolver.solve(model, options); } };
    await efficientFrontier({ periods: ["P"], candidates: [{ id: "A", value: 1 }] }, { solver: instant, timeLimitMs: 1000, levels: [0.5, 1] });
    // Nothing spent: 1000/2 = 500 for the first level, then all 1000 left for the last.
    expect(limits).toEqual([500, 1000]);
  });
});

describe("a negative objectiveLost is worded as what it is: the re-solve found a better plan", () => {
  const problem = defineSelectionProblem({
    periods: ["FY27"],
    candidates: [{ id: "A", value: 7, costs: { FY27: eur("6.00") } }, { id: "B", value: 5, costs: { FY27: eur("5.00") } }, { id: "C", value: 5, costs: { FY27: eur("5.00") } }],
    budgets: { FY27: eur("10.00") },
  });

  it("base {A} = 7 (a plan cut short by the clock; optimal is B + C = 10): forcing B in raises the objective by 3, it does not 'lower it by -3'", async () => {
    const base = { selected: new Set(["A"]), objective: problem.candidates[0]!.value };
    const w = await whyNotCandidate(problem, base, "B", builtInSolver, { gap: 0, timeLimitMs: 10_000, usage: constraintUsage(problem, base.selected) });
    expect(w.objectiveLost.value?.toFixed()).toBe("-3");
    expect(w.explanation).toBe(
      "forcing B in raises the objective by 3: the re-solve with it forced in found a plan worth more than the selection, which is therefore not optimal; it displaces A; brings in C",
    );
  });

  it("a zero loss reads as 'leaves the objective unchanged', and a positive one as before", async () => {
    // Base {B, C} = 10 (optimal). Forcing A in: A alone (7) → lowers by 3.
    const best = { selected: new Set(["B", "C"]), objective: problem.candidates[1]!.value.plus(problem.candidates[2]!.value) };
    const usage = constraintUsage(problem, best.selected);
    expect((await whyNotCandidate(problem, best, "A", builtInSolver, { gap: 0, timeLimitMs: 10_000, usage })).explanation).toBe("forcing A in lowers the objective by 3; it displaces B, C");
    // Two equal candidates, budget for one: the other one costs nothing to force in.
    const tie = defineSelectionProblem({
      periods: ["FY27"], budgets: { FY27: eur("5.00") },
      candidates: [{ id: "B", value: 5, costs: { FY27: eur("5.00") } }, { id: "C", value: 5, costs: { FY27: eur("5.00") } }],
    });
    const r = await selectPortfolio(tie, { gap: 0 });
    expect(r.selected).toEqual(["B"]);
    expect(r.whyNot[0]!.explanation).toBe("forcing C in leaves the objective unchanged (an equally good plan includes it); it displaces B");
  });
});

describe("selectPortfolio adopts a why-not re-solve that beat the selection (it used to only note it)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("a base solve cut by the clock found the greedy {A} = 7; the re-solve with B forced in finds B + C = 10: adopted, and noted", async () => {
    // The clock reads 0, except between the main solve's deadline and its solver call, where it reads far past it:
    // the heuristic is cut after its greedy fill (A first: 7/6 per euro beats 5/5) and the solver returns nothing.
    let calls = 0;
    let phase: "base" | "after" = "base";
    vi.spyOn(globalThis.performance, "now").mockImplementation(() => (phase === "base" && ++calls > 2 ? 1e12 : 0));
    const solver: SelectionSolver = {
      name: "cut",
      solve(model, options) {
        if (phase === "base") { phase = "after"; return { plan: undefined, bound: 17, stoppedBy: "time-limit" }; }
        return builtInSolver.solve(model, options);
      },
    };
    const r = await selectPortfolio({
      periods: ["FY27"],
      candidates: [{ id: "A", value: 7, costs: { FY27: eur("6.00") } }, { id: "B", value: 5, costs: { FY27: eur("5.00") } }, { id: "C", value: 5, costs: { FY27: eur("5.00") } }],
      budgets: { FY27: eur("10.00") },
    }, { solver, gap: 0 });
    // It used to return {A} = 7 with whyNot B and C at -3 and a note that the selection is not optimal.
    expect([r.selected, r.objective.value?.toFixed()]).toEqual([["B", "C"], "10"]);
    expect(r.whyNot.map((w) => [w.candidate, w.objectiveLost.value?.toFixed()])).toEqual([["A", "3"]]);
    expect(r.notes).toContain('the first solve (time-limit) selected A, worth 7; the "why not" re-solve with B forced in found B, C, worth 10 (3 more): that plan is adopted');
  });
});

describe("efficientFrontier: the optimal curve is never below the ranking curve", () => {
  afterEach(() => vi.restoreAllMocks());

  it("a level cut short by the clock read leftBehind -3 (ranking B, C = 10 beat the cut search's A = 7); the ranking plan now warm-starts the level", async () => {
    // Each reading of the clock is 1e9 ms after the last, past every deadline: each level's search stops after its greedy fill (A first: 7/6 per
    // euro beats 5/5), and the solver returns nothing. Funding the ranking B, C, A gives B + C = 10.
    let calls = 0;
    vi.spyOn(globalThis.performance, "now").mockImplementation(() => (calls++) * 1e9);
    const nothing: SelectionSolver = { name: "nothing", solve: () => ({ plan: undefined, bound: 17, stoppedBy: "time-limit" }) };
    const [p] = await efficientFrontier({
      periods: ["FY27"],
      candidates: [{ id: "A", value: 7, costs: { FY27: eur("6.00") } }, { id: "B", value: 5, costs: { FY27: eur("5.00") } }, { id: "C", value: 5, costs: { FY27: eur("5.00") } }],
      budgets: { FY27: eur("10.00") },
    }, { solver: nothing, levels: [1], ranking: ["B", "C", "A"] });
    expect(p!.ranking?.objective.toFixed()).toBe("10");
    expect([p!.optimal.objective.value?.toFixed(), p!.optimal.selected, p!.leftBehind.value?.toFixed()]).toEqual(["10", ["B", "C"], "0"]);
  });
});

describe("compareScenarios names a period with brackets in full", () => {
  it("period 'FY27 (H1)': 'budget FY27 (H1) fell from EUR 100.00 to EUR 60.00' (read 'budget FY27 fell …', another period's name)", async () => {
    const p = (budget: string) => ({
      periods: ["FY27 (H1)", "FY27"],
      candidates: [{ id: "A", value: 1, costs: { "FY27 (H1)": eur("50.00") }, demand: { "FY27 (H1)": { "dev (EU)": 1 } } }],
      budgets: { "FY27 (H1)": eur(budget), FY27: eur("100.00") },
      capacity: { "FY27 (H1)": { "dev (EU)": budget === "100.00" ? 2 : 1 } },
    });
    const s = await selectPortfolio(p("100.00"), { gap: 0 });
    const diff = compareScenarios({ name: "a", problem: p("100.00"), selection: s }, { name: "b", problem: p("60.00"), selection: s });
    expect(diff.constraintChanges).toEqual(["budget FY27 (H1) fell from EUR 100.00 to EUR 60.00", "dev (EU) capacity FY27 (H1) fell from 2 to 1"]);
  });
});

describe("a positive loss from a re-solve that was cut short is an upper bound, and says so", () => {
  afterEach(() => vi.restoreAllMocks());

  it("base {A} = 12; X forced in, its search cut by the clock after the greedy fill (X + T = 9, bound not proven): 'lowers the objective by at most 3'", async () => {
    // Budget 10. A 12/10 is the optimum. With X (1/1) forced in, 9 is left: T (8/8) fits, S (3/2) and T do not fit
    // together. The re-solve is cut (status time-limit) with X + T = 9: a loss of 3 that the search did not prove, so
    // the true loss against {A} is at most 3 — it read "lowers the objective by 3", as if proven.
    const problem = defineSelectionProblem({
      periods: ["FY27"],
      candidates: [
        { id: "A", value: 12, costs: { FY27: eur("10.00") } }, { id: "X", value: 1, costs: { FY27: eur("1.00") } },
        { id: "S", value: 3, costs: { FY27: eur("2.00") } }, { id: "T", value: 8, costs: { FY27: eur("8.00") } },
      ],
      budgets: { FY27: eur("10.00") },
    });
    let calls = 0;
    vi.spyOn(globalThis.performance, "now").mockImplementation(() => (calls++) * 1e9);
    const nothing: SelectionSolver = { name: "nothing", solve: () => ({ plan: undefined, bound: 24, stoppedBy: "time-limit" }) };
    const base = { selected: new Set(["A"]), objective: problem.candidates[0]!.value };
    const w = await whyNotCandidate(problem, base, "X", nothing, { gap: 0, timeLimitMs: 1000, usage: constraintUsage(problem, base.selected) });
    expect([w.status, w.objectiveLost.value?.toFixed()]).toEqual(["time-limit", "3"]);
    expect(w.explanation).toBe("forcing X in lowers the objective by at most 3 (its re-solve ended time-limit: a better plan with it may exist); it displaces A; brings in T");
  });
});

describe("efficientFrontier options of another shape are ValidationErrors at the option", () => {
  const p = { periods: ["P"], candidates: [{ id: "A", value: 1 }] };
  it("levels or ranking given as text, or a ranking entry that is not an id (was a TypeError, or a level '0.5' compared as text)", async () => {
    const { firstIssuePathAsync } = await import("../support/errors.js");
    expect(await firstIssuePathAsync(() => efficientFrontier(p, { levels: "0.5" as never }))).toEqual(["levels"]);
    expect(await firstIssuePathAsync(() => efficientFrontier(p, { ranking: "A" as never }))).toEqual(["ranking"]);
    expect(await firstIssuePathAsync(() => efficientFrontier(p, { levels: ["0.5" as never] }))).toEqual(["levels", 0]);
    expect(await firstIssuePathAsync(() => efficientFrontier(p, { ranking: [1 as never] }))).toEqual(["ranking", 0]);
  });
});

describe("a loss measured against a selection not proven optimal is a lower bound, and says so", () => {
  it("base {A} = 12 from a solve cut short (the optimum is {B, C} = 14); X forced in: optimal {X} = 9 → 'at least 3' (true loss 5)", async () => {
    // Budget 10: A 12/10, X 9/10, B 7/5, C 7/5. The best plan with X is {X} = 9 (proven). Against {A} the loss reads
    // 12 − 9 = 3, but {A} is not the optimum ({B, C} = 14), so the true loss of forcing X in is 14 − 9 = 5: the figure
    // is at least 3, not 3 as proven. Before: "forcing X in lowers the objective by 3".
    const problem = defineSelectionProblem({
      periods: ["FY27"],
      candidates: [
        { id: "A", value: 12, costs: { FY27: eur("10.00") } }, { id: "X", value: 9, costs: { FY27: eur("10.00") } },
        { id: "B", value: 7, costs: { FY27: eur("5.00") } }, { id: "C", value: 7, costs: { FY27: eur("5.00") } },
      ],
      budgets: { FY27: eur("10.00") },
    });
    const usage = constraintUsage(problem, new Set(["A"]));
    const cut = { selected: new Set(["A"]), objective: problem.candidates[0]!.value, status: "time-limit" as const };
    const w = await whyNotCandidate(problem, cut, "X", builtInSolver, { gap: 0, timeLimitMs: 10_000, usage });
    expect([w.status, w.objectiveLost.value?.toFixed()]).toEqual(["optimal", "3"]);
    expect(w.explanation).toBe("forcing X in lowers the objective by at least 3 (the selection's solve ended time-limit: a plan worth more than the selection may exist); it displaces A");
    // Against a proven selection the same words stay exact.
    const proven = await whyNotCandidate(problem, { ...cut, status: "optimal" }, "X", builtInSolver, { gap: 0, timeLimitMs: 10_000, usage });
    expect(proven.explanation).toBe("forcing X in lowers the objective by 3; it displaces A");
  });
});
