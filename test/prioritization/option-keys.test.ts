import { describe, expect, it } from "vitest";
import { ValidationError, isoDate } from "../../src/core/index.js";
import {
  ahpHierarchy, ahpWeights, annuityRate, benefitCostRatio, derivedFigure, irr, normalizeValues, npv, paybackCrossings, paybackPeriod,
  rankingRobustness, scoreRequests, scoreRows, suggestJudgementRevision, weightIntervals, xirr, type ScoringModel,
} from "../../src/prioritization/index.js";
import { req } from "./helpers.js";
import { issuesOf } from "../support/errors.js";

// Seventh audit pass, strict options: a misspelt option key was ignored and the default ran (a wrong answer the
// caller acts on); now it is a ValidationError at the option's path, naming the keys the function takes.

const ASOF = "2026-11-20";
const model: ScoringModel = { kind: "weighted-sum", criteria: [{ id: "a", weight: 1 }, { id: "b", weight: 1 }] };
const requests = [req("R1", { a: 1, b: 5 }), req("R2", { a: 4, b: 2 }), req("R3", { a: 3, b: 3 })];
const matrix = [[1, 3, 5], ["1/3", 1, 3], ["1/5", "1/3", 1]];
const hierarchy = { goal: { id: "goal", compare: [[1, 1], [1, 1]], children: [{ id: "x", compare: [[1, 2], ["1/2", 1]] }, { id: "y", compare: [[1, "1/2"], [2, 1]] }] }, alternatives: ["p", "q"] };

describe("prioritization refuses unknown option keys", () => {
  it.each([
    ["scoreRequests", "options.onInvald", "asOf, onInvalid", () => scoreRequests(requests, model, { asOf: ASOF, onInvald: "refuse" } as never)],
    ["scoreRows", "options.onInvald", "asOf, onInvalid", () => scoreRows([{ id: "R1", ratings: { a: 1, b: 2 } }], model, { asOf: ASOF, onInvald: "refuse" } as never)],
    ["weightIntervals", "options.kk", "asOf, onInvalid, k", () => weightIntervals(requests, model, { asOf: ASOF, k: 1, kk: 2 } as never)],
    ["rankingRobustness", "options.sample", "asOf, onInvalid, k, perturbation, samples, seed, threshold", () => rankingRobustness(requests, model, { asOf: ASOF, k: 1, sample: 10 } as never)],
    ["derivedFigure", "options.discount", "asOf, rate, discounting, pastFlows", () => derivedFigure(requests[0]!, "total-cost", { asOf: ASOF, discount: "per-period" } as never)],
    ["normalizeValues", "directon", "method, direction, tieRule, range, anchors, nonPositive", () => normalizeValues([1, 2], { method: "min-max", directon: "cost" } as never)],
    ["npv", "options.conventon", "convention", () => npv("0.1", ["-100", "60", "60"], { convention: "t0", conventon: "excel" } as never)],
    ["irr", "options.gues", "guess", () => irr(["-100", "60", "60"], { gues: "0.5" } as never)],
    ["xirr", "options.gues", "guess", () => xirr([{ date: "2026-01-01", amount: "-100" }, { date: "2027-01-01", amount: "110" }], { gues: "0.5" } as never)],
    ["paybackPeriod", "options.discountrate", "discountRate, crossing", () => paybackPeriod(["-100", "60", "60"], { discountrate: "0.1" } as never)],
    ["paybackCrossings", "options.discountrate", "discountRate, crossing", () => paybackCrossings(["-100", "60", "60"], { discountrate: "0.1" } as never)],
    ["benefitCostRatio", "options.discountRate", "rate", () => benefitCostRatio({ benefits: ["0", "60"], costs: ["50"] }, { discountRate: "0.1" } as never)],
    ["annuityRate", "options.gues", "guess", () => annuityRate({ nper: 48, pmt: -200, pv: 8000 }, { gues: "0.5" } as never)],
    ["ahpWeights", "options.riTabel", "method, riTable, threshold", () => ahpWeights(matrix, { riTabel: "saaty-classic" } as never)],
    ["suggestJudgementRevision", "options.riTabel", "riTable", () => suggestJudgementRevision(matrix, { riTabel: "saaty-classic" } as never)],
    ["ahpHierarchy", "options.mod", "method, riTable, threshold, mode", () => ahpHierarchy(hierarchy as never, { mod: "ideal" } as never)],
  ] as const)("%s: an unknown key is a ValidationError at %s", (fn, path, takes, call) => {
    expect(issuesOf(call)).toEqual([[path, `unknown option (${fn} takes ${takes})`]]);
  });

  it("correct calls still work, with every documented key", () => {
    // R2: a 4 → (4−1)/3 = 1, b 2 → 0 … each row sums to 1 under min-max, ties broken by id: R1, R2, R3.
    expect(scoreRequests(requests, model, { asOf: ASOF, onInvalid: "refuse" }).entries.map((e) => e.requestId)).toEqual(["R1", "R2", "R3"]);
    expect(scoreRows([{ id: "R1", ratings: { a: 1, b: 2 } }], model, { asOf: ASOF, onInvalid: "throw" }).entries).toHaveLength(1);
    expect(weightIntervals(requests, model, { asOf: ASOF, onInvalid: "throw", k: 1 })).toHaveLength(2);
    expect(rankingRobustness(requests, model, { asOf: ASOF, onInvalid: "throw", k: 1, samples: 10, seed: 2, threshold: 0.9, perturbation: { kind: "uniform", spread: 0.1 } })).toHaveLength(3);
    expect(derivedFigure(requests[0]!, "total-benefit", { asOf: isoDate(ASOF), rate: "0.1", discounting: "per-period", pastFlows: "excluded" }).value?.toFixed()).toBe("0");
    // min-max, cost: (5 − x) / (5 − 1).
    expect(normalizeValues([1, 5], { method: "min-max", direction: "cost", tieRule: "average", nonPositive: "fallback" })).toEqual([1, 0]);
    // −100 + 60/1.1 + 60/1.21 = 4.1322… (t0).
    expect(npv("0.1", ["-100", "60", "60"], { convention: "t0" }).value?.toFixed(4)).toBe("4.1322");
    // −100 + 60/(1+r) + 60/(1+r)² = 0 → 1+r = (60 + √(3600 + 24000)) / 200 = 1.1306623… → r = 0.1307.
    expect(irr(["-100", "60", "60"], { guess: "0.1" }).value?.toFixed(4)).toBe("0.1307");
    // 110/100 over 365 days: (1.1)^(365/365) − 1 = 0.1.
    expect(xirr([{ date: "2026-01-01", amount: "-100" }, { date: "2027-01-01", amount: "110" }], { guess: "0.1" }).value?.toFixed(4)).toBe("0.1000");
    // Cumulative −100, −40, +20: 1 + 40/60 = 1.6667.
    expect(paybackPeriod(["-100", "60", "60"], { crossing: "first" }).value?.toFixed(4)).toBe("1.6667");
    expect(paybackCrossings(["-100", "60", "60"], { crossing: "final" }).final.value?.toFixed(4)).toBe("1.6667");
    // 60 / 50 = 1.2 at rate 0.
    expect(benefitCostRatio({ benefits: ["0", "60"], costs: ["50"] }, { rate: "0" }).value?.toFixed()).toBe("1.2");
    // Spreadsheet documentation: =RATE(48, −200, 8000) × 12 → 0.0924.
    expect(annuityRate({ nper: 48, pmt: -200, pv: 8000 }, { guess: "0.1" }).value?.times(12).toFixed(4)).toBe("0.0924");
    expect(ahpWeights(matrix, { method: "geometric-mean", riTable: "saaty-classic", threshold: 0.2 }).weights).toHaveLength(3);
    expect(suggestJudgementRevision(matrix, { riTable: "saaty-classic" }).revisions.length).toBeGreaterThan(0);
    // x and y weigh ½ each; p gets ½·⅔ + ½·⅓ = ½ (distributive).
    expect(ahpHierarchy(hierarchy as never, { mode: "distributive", method: "eigenvector", riTable: "saaty-classic", threshold: 0.1 }).priorities.map((p) => p.priority.toFixed(4))).toEqual(["0.5000", "0.5000"]);
  });
});
