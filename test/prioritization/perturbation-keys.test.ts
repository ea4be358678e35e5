// opts20: rankingRobustness' nested `perturbation` bag ignored a key its kind does not take: a Dirichlet run given
// `spread: 0.5` (the uniform kind's knob) ran at its concentration with the spread silently dropped, and a uniform
// run given `concentration` ran at the spread. The bag now refuses a key its kind does not take, at
// ["options", "perturbation", key] (where its other errors are, e.g. ["options", "perturbation", "spread"]).
import { describe, expect, it } from "vitest";
import { rankingRobustness, type ScoringModel } from "../../src/prioritization/index.js";
import { req } from "./helpers.js";
import { issuesOf } from "../support/errors.js";

const model: ScoringModel = { kind: "weighted-sum", criteria: [{ id: "a", weight: 1 }, { id: "b", weight: 1 }] };
const requests = [req("R1", { a: 1, b: 5 }), req("R2", { a: 4, b: 2 }), req("R3", { a: 3, b: 3 })];
const base = { asOf: "2026-11-20", k: 1, samples: 20, seed: 3 };

describe("rankingRobustness: perturbation refuses keys its kind does not take", () => {
  it("dirichlet with spread, uniform with concentration", () => {
    expect(issuesOf(() => rankingRobustness(requests, model, { ...base, perturbation: { kind: "dirichlet", concentration: 50, spread: 0.5 } as never }))).toEqual([
      ["options.perturbation.spread", "unknown option (rankingRobustness takes kind, concentration)"],
    ]);
    expect(issuesOf(() => rankingRobustness(requests, model, { ...base, perturbation: { kind: "uniform", spread: 0.2, concentration: 5 } as never }))).toEqual([
      ["options.perturbation.concentration", "unknown option (rankingRobustness takes kind, spread)"],
    ]);
    // The right keys run: one label per request.
    expect(rankingRobustness(requests, model, { ...base, perturbation: { kind: "dirichlet", concentration: 50 } }).map((l) => l.requestId).sort()).toEqual(["R1", "R2", "R3"]);
  });
});
