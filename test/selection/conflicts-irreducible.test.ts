import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defineSelectionProblem, findConflicts, selectPortfolio, type SelectionConstraint } from "../../src/selection/index.js";
import { constrainedProblem, enumerateOptimum, toInput, type RawProblem } from "./oracle.js";

/*
 * Every conflict an infeasible problem reports must be what its doc promises: infeasible with its own constraints
 * alone, and irreducible (drop any one and the clash disappears) — both checked by exhaustive enumeration (oracle.ts).
 * A conflict naming a constraint that is not part of the clash sends the user to relax the wrong one (a regulatory
 * forced-in, say) without effect.
 */
const heavy = constrainedProblem(9, 4, { forced: { min: 1, max: 5 }, forcedIn: { min: 1, max: 5 }, budgetScales: [0.1, 0.3, 1] });
const ix = (id: string) => Number(id.slice(1));
const BIG = 1e12;
function only(p: RawProblem, cs: readonly SelectionConstraint[]): RawProblem {
  const periods = Array.from({ length: p.periods }, (_, k) => `FY${2027 + k}`);
  return {
    ...p,
    budget: p.budget.map((b, k) => (cs.some((c) => c.kind === "budget" && c.period === periods[k]) ? b : BIG)),
    capacity: p.capacity.map((row, k) => row.map((x, s) => (cs.some((c) => c.kind === "capacity" && c.period === periods[k] && c.skill === `skill${s}`) ? x : BIG))),
    requires: cs.flatMap((c) => (c.kind === "requires" ? [[ix(c.candidate), ix(c.requires)] as [number, number]] : [])),
    together: cs.flatMap((c) => (c.kind === "together" ? [c.candidates.map(ix)] : [])),
    exclusive: cs.flatMap((c) => (c.kind === "exclusive" ? [c.candidates.map(ix)] : [])),
    forcedIn: cs.flatMap((c) => (c.kind === "forced-in" ? [ix(c.candidate)] : [])),
    forcedOut: cs.flatMap((c) => (c.kind === "forced-out" ? [ix(c.candidate)] : [])),
  };
}
describe("infeasibility conflicts", () => {
  it("name only the constraints of the clash (was: an exclusive group's first two members dragged in a forced candidate not needed)", () => {
    // C02 (forced in) requires C03; C00 (forced in) needs C01 (together); at most one of C03, C01, C00. C00 alone
    // already needs two members of the group (itself and C01): {C00 forced in, together, exclusive} is the conflict.
    // Before, the group's first two reached members (C03, C01) were taken: {C02 forced in, C02 requires C03, C00
    // forced in, together, exclusive} — dropping "C02 forced in" or the dependency left the problem infeasible.
    const conflicts = findConflicts(defineSelectionProblem({
      periods: ["FY27"],
      candidates: ["C00", "C01", "C02", "C03"].map((id) => ({ id, value: 1 })),
      constraints: [
        { kind: "requires", candidate: "C02", requires: "C03" },
        { kind: "together", candidates: ["C01", "C00"] },
        { kind: "exclusive", candidates: ["C03", "C01", "C00"] },
        { kind: "forced-in", candidate: "C00", reason: "regulatory" },
        { kind: "forced-in", candidate: "C02", reason: "contract" },
      ],
    }));
    expect(conflicts.map((c) => c.constraints.map((k) => k.label))).toEqual([
      ["C00 forced in: regulatory", "C01, C00 all or none", "at most one of C03, C01, C00 (exclusive group 1)"],
    ]);
    expect(conflicts[0]!.explanation).toBe("C00 (regulatory) is forced in and needs both C01 and C00, but at most one of C03, C01, C00 (exclusive group 1)");
  });

  it("are infeasible on their own and irreducible (enumeration, generated problems)", async () => {
    let seen = 0;
    await fc.assert(fc.asyncProperty(heavy, async (p) => {
      if (enumerateOptimum(p) !== undefined) return;
      const r = await selectPortfolio(toInput(p), { gap: 0, whyNot: "none" });
      expect(r.status).toBe("infeasible");
      for (const c of r.conflicts) {
        seen++;
        expect(enumerateOptimum(only(p, c.constraints))).toBeUndefined();
        c.constraints.forEach((_, k) => {
          const rest = c.constraints.filter((__, j) => j !== k);
          expect(enumerateOptimum(only(p, rest)), `drop ${c.constraints[k]!.label} from ${c.constraints.map((x) => x.label).join(" | ")}`).not.toBeUndefined();
        });
      }
    }), { seed: 9, numRuns: 200 });
    expect(seen).toBeGreaterThan(100);
  }, 60_000);
});
