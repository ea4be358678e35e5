import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "../../src/index.js";
import { selectPortfolio, type SelectionProblemInput } from "../../src/selection/index.js";
import { feasible, planOf, rawProblem, toInput, type RawProblem } from "./oracle.js";

/*
 * Every excluded candidate names what keeps it out, and the reason must be true. Hand-derived problem:
 *   budget P = 100; A 10 (cost 10), B 5 (cost 10), exclusive "platform" = {A, B};
 *   E 3 (cost 0) requires F −5 (cost 0); Z 0 (cost 5).
 * Optimum {A} = 10, slack 90. B fits the slack (10 ≤ 90): the exclusive group, not the budget, keeps it out.
 * E fits too, but with F it is worth 3 − 5 = −2. Z fits and is worth 0. None of them is kept out by the budget.
 */
const problem: SelectionProblemInput = {
  periods: ["P"],
  candidates: [
    { id: "A", value: 10, costs: { P: { amount: "10", currency: "EUR" } } },
    { id: "B", value: 5, costs: { P: { amount: "10", currency: "EUR" } } },
    { id: "E", value: 3 },
    { id: "F", value: -5 },
    { id: "Z", value: 0, costs: { P: { amount: "5", currency: "EUR" } } },
  ],
  budgets: { P: { amount: "100", currency: "EUR" } },
  constraints: [
    { kind: "exclusive", id: "platform", candidates: ["A", "B"] },
    { kind: "requires", candidate: "E", requires: "F" },
  ],
};

describe("why not: the reason given is the one that holds", () => {
  it("without re-solves: the exclusive group, the worth with prerequisites, or nothing to gain — never 'a better use of the budget'", async () => {
    const r = await selectPortfolio(problem, { gap: 0, whyNotResolves: 0 });
    expect(r.selected).toEqual(["A"]);
    const why = Object.fromEntries(r.whyNot.map((w) => [w.candidate, w]));
    expect(why["B"]?.blockedBy.map((c) => c.label)).toEqual(["at most one of A, B (platform)"]);
    expect(why["B"]?.explanation).toContain("at most one of A, B (platform), which A already takes");
    expect(why["E"]?.blockedBy).toEqual([]);
    expect(why["E"]?.explanation).toContain("with what it requires (F) it is worth -2");
    expect(why["Z"]?.explanation).toContain("it is worth 0");
    for (const w of r.whyNot) expect(w.explanation).not.toContain("better use of the budget");
    // The budget keeps no one out: 90 of slack, and nobody excluded exceeds it.
    expect(r.binding).toEqual([]);
  });

  it("with re-solves, blockedBy names the exclusive group too", async () => {
    const r = await selectPortfolio(problem, { gap: 0 });
    const b = r.whyNot.find((w) => w.candidate === "B");
    expect(b).toMatchObject({ kind: "displaces", displaces: ["A"] });
    expect(b?.objectiveLost.value?.toFixed()).toBe("5");
    expect(b?.blockedBy.map((c) => c.label)).toEqual(["at most one of A, B (platform)"]);
  });
});

/** Candidate `i` and everything it pulls in through "requires" and "together" (computed here, not by src). */
function closureOf(p: RawProblem, i: number): Set<number> {
  const out = new Set([i]);
  for (let grew = true; grew;) {
    grew = false;
    const add = (j: number) => { if (!out.has(j)) { out.add(j); grew = true; } };
    for (const [d, q] of p.requires) if (out.has(d)) add(q);
    for (const g of p.together) if (g.some((j) => out.has(j))) g.forEach(add);
  }
  return out;
}

describe("why not: property — blockedBy is true and complete", () => {
  it("each named row is exceeded and each named group clashes once it is added with what it requires; nothing named means it would fit", async () => {
    await fc.assert(
      fc.asyncProperty(rawProblem(9), fc.constantFrom(0, 10), async (p, resolves) => {
        const r = await selectPortfolio(toInput(p), { gap: 0, whyNotResolves: resolves });
        if (r.status !== "optimal") return;
        const base = planOf(p, r.selected);
        for (const w of r.whyNot) {
          if (w.kind === "forced-out" || w.kind === "infeasible") continue;
          const i = Number(w.candidate.slice(1));
          const plan = [...base];
          for (const j of closureOf(p, i)) plan[j] = 1;
          const value = plan.reduce((s, x, j) => s + x * (p.values[j] as number), 0);
          for (const c of w.blockedBy) {
            if (c.kind === "budget") {
              const k = Number(c.period.slice(2)) - 2027;
              expect(plan.reduce((s, x, j) => s + x * (p.cents[j]?.[k] ?? 0), 0)).toBeGreaterThan(p.budget[k] as number);
            } else if (c.kind === "capacity") {
              const k = Number(c.period.slice(2)) - 2027;
              const sk = Number(c.skill.slice(5));
              expect(plan.reduce((s, x, j) => s + x * (p.demand[j]?.[k]?.[sk] ?? 0), 0)).toBeGreaterThan(p.capacity[k]?.[sk] as number);
            } else {
              expect(c.kind).toBe("exclusive");
              if (c.kind === "exclusive") expect(c.candidates.filter((id) => plan[Number(id.slice(1))] === 1).length).toBeGreaterThan(1);
            }
          }
          // A candidate of positive value is named blocked exactly when adding it (with what it requires) breaks a row or a group.
          const gain = value - base.reduce((s, x, j) => s + x * (p.values[j] as number), 0);
          if ((p.values[i] as number) > 0 && gain > 0) expect(w.blockedBy.length > 0).toBe(!feasible({ ...p, forcedIn: [], forcedOut: [] }, plan));
          // One worth 0 or less with what it requires is kept out by its worth: no row or group is named.
          if (gain <= 0) expect(w.blockedBy).toEqual([]);
          // Nothing named: it would fit, and the plan is optimal, so it adds nothing.
          if (w.blockedBy.length === 0 && feasible({ ...p, forcedIn: [], forcedOut: [] }, plan)) {
            expect(value).toBeLessThanOrEqual(r.objective.value?.toNumber() as number);
            if (w.kind === "not-re-solved") expect(w.explanation).toContain("gains nothing");
            else expect(w.objectiveLost.value?.isNegative()).toBe(false);
          }
        }
      }),
      { seed: 21, numRuns: 80 },
    );
  }, 120_000);
});

describe("a row does not 'block' a candidate its prerequisites make worth nothing", () => {
  it("X (5) requires P (−10): X + P is worth −5, so the budget with EUR 10 free neither blocks X nor binds", async () => {
    // Budget 100, A (9, EUR 90) selected, EUR 10 left. X (5, EUR 20) with P (−10, EUR 0) would exceed the slack, but
    // X + P = −5: no budget brings X in (at EUR 200 the optimum is still {A}). Before: budget binding, blocks [X].
    const input = {
      periods: ["FY27"],
      candidates: [
        { id: "A", value: 9, costs: { FY27: money("90.00", "EUR") } },
        { id: "X", value: 5, costs: { FY27: money("20.00", "EUR") } },
        { id: "P", value: -10, costs: { FY27: money("0.00", "EUR") } },
      ],
      budgets: { FY27: money("100.00", "EUR") },
      constraints: [{ kind: "requires" as const, candidate: "X", requires: "P" }],
    };
    const r = await selectPortfolio(input);
    expect(r.selected).toEqual(["A"]);
    expect(r.usage.map((u) => [u.constraint.label, u.binding, u.blocks])).toEqual([["budget FY27 (EUR 100.00)", false, []]]);
    expect(r.binding).toEqual([]);
    const wider = await selectPortfolio({ ...input, budgets: { FY27: money("200.00", "EUR") } });
    expect(wider.selected).toEqual(["A"]); // the budget was not what kept X out
    // A row still blocks a candidate that is worth something with its prerequisite: P at −3 → X + P = 2.
    const worth = await selectPortfolio({ ...input, candidates: input.candidates.map((c) => (c.id === "P" ? { ...c, value: -3 } : c)) });
    expect(worth.usage.map((u) => [u.binding, u.blocks])).toEqual([[true, ["X"]]]);
  });
});

describe("a row does not 'block' a candidate that can never join", () => {
  const eur = (a: string) => money(a, "EUR");
  const input = (constraints: SelectionProblemInput["constraints"], extra: SelectionProblemInput["candidates"] = []): SelectionProblemInput => ({
    periods: ["FY27"],
    candidates: [
      { id: "A", value: 9, costs: { FY27: eur("90.00") } },
      { id: "X", value: 5, costs: { FY27: eur("20.00") } },
      { id: "P", value: 1, costs: { FY27: eur("0.00") } },
      ...extra,
    ],
    budgets: { FY27: eur("100.00") },
    constraints,
  });
  it("X requires P, which is forced out: the budget with EUR 10 free neither blocks X nor binds (was: binding, blocks [X])", async () => {
    // X can never be selected (forcing it in is infeasible: it needs the forced-out P), so no budget is what keeps it out.
    const r = await selectPortfolio(input([{ kind: "requires", candidate: "X", requires: "P" }, { kind: "forced-out", candidate: "P", reason: "withdrawn" }]));
    expect(r.selected).toEqual(["A"]);
    expect(r.whyNot.find((w) => w.candidate === "X")?.kind).toBe("infeasible");
    expect(r.usage.map((u) => [u.binding, u.blocks])).toEqual([[false, []]]);
  });
  it("X requires P, and P shares an exclusive group with the forced-in F: same (was: binding, blocks [X])", async () => {
    const r = await selectPortfolio(input([
      { kind: "requires", candidate: "X", requires: "P" }, { kind: "exclusive", candidates: ["P", "F"] }, { kind: "forced-in", candidate: "F", reason: "law" },
    ], [{ id: "F", value: 0, costs: { FY27: eur("0.00") } }]));
    expect(r.selected).toEqual(["A", "F"]);
    expect(r.usage.map((u) => [u.binding, u.blocks])).toEqual([[false, []]]);
    // Without the forcing, X + P could replace A: the budget blocks X again.
    const free = await selectPortfolio(input([{ kind: "requires", candidate: "X", requires: "P" }, { kind: "exclusive", candidates: ["P", "F"] }], [{ id: "F", value: 0, costs: { FY27: eur("0.00") } }]));
    expect(free.usage.map((u) => [u.binding, u.blocks])).toEqual([[true, ["X"]]]);
  });
});

describe("blockedBy names no row for a candidate its worth keeps out", () => {
  /*
   * Budget P = EUR 100.00. A (10, EUR 60.00) is the optimum {A} = 10, EUR 40.00 left. B (5, EUR 50.00) is worth
   * something but does not fit the EUR 40.00 left: the budget keeps it out (at EUR 110.00 both fit).
   * Z (0, EUR 50.00), N (−1, EUR 50.00) and E (3, EUR 50.00) requiring F (−5, EUR 0.00: E + F = −2) exceed the EUR
   * 40.00 too, but are worth 0 or less with what they require: no budget brings them in (the budget row itself says
   * so: not binding, blocks nobody). Before: blockedBy ["budget P (EUR 100.00)"] for Z, N and E.
   */
  const eur = (a: string) => money(a, "EUR");
  const worthless: SelectionProblemInput = {
    periods: ["P"],
    candidates: [
      { id: "A", value: 10, costs: { P: eur("60.00") } },
      { id: "B", value: 5, costs: { P: eur("50.00") } },
      { id: "E", value: 3, costs: { P: eur("50.00") } },
      { id: "F", value: -5 },
      { id: "N", value: -1, costs: { P: eur("50.00") } },
      { id: "Z", value: 0, costs: { P: eur("50.00") } },
    ],
    budgets: { P: eur("100.00") },
    constraints: [{ kind: "requires", candidate: "E", requires: "F" }],
  };
  it.each([0, 10])("with %i re-solves: only B is kept out by the budget", async (whyNotResolves) => {
    const r = await selectPortfolio(worthless, { gap: 0, whyNotResolves });
    expect([r.selected, r.usage.map((u) => [u.binding, u.blocks])]).toEqual([["A"], [[true, ["B"]]]]);
    expect(r.whyNot.map((w) => [w.candidate, w.blockedBy.map((c) => c.label)])).toEqual([
      ["B", ["budget P (EUR 100.00)"]], ["E", []], ["F", []], ["N", []], ["Z", []],
    ]);
    if (whyNotResolves === 0) {
      const z = r.whyNot.find((w) => w.candidate === "Z")!;
      expect(z.explanation).toBe("not re-solved (the limit of 0 re-solves was reached); it is worth 0, so selecting it gains nothing");
    }
  });
});
