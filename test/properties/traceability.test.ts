import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimal } from "../../src/index.js";
import { analyzeTraceGraph, analyzeTraceability, buildTraceGraph, type TraceAnalysisResult } from "../../src/traceability/index.js";
import { DEFAULT_NEEDS, LOOPY_NEEDS, LOOPY_TYPES, modelCoverage, permuted, rulesOf, traceCase, traceCaseOf, type NeedsByType, type TraceCase } from "./trace-model.js";
import { expectClean } from "./walk.js";

/* Coverage percentages, levels and gaps over random graphs — empty, unlinked, fully covered, cyclic, with repeated
   links, self-links and links to unknown ids — against a brute-force model of the default rules. */

const RUNS = { seed: 11, numRuns: 150 };
const RULE_TYPES = ["business", "functional", "non-functional", "stakeholder", "test-case", "transition"];

/** JSON of a result with Decimals as strings, to compare two results. */
const plain = (r: unknown) => JSON.stringify(r, (_k, v: unknown) => (typeof v === "object" && v !== null && decimal(0).constructor === v.constructor ? String(v) : v));

const RULE_SETS: readonly [string, NeedsByType, object, fc.Arbitrary<TraceCase>][] = [
  ["default rules", DEFAULT_NEEDS, {}, traceCase],
  ["rules with loops and a quorum", LOOPY_NEEDS, rulesOf(LOOPY_NEEDS), traceCaseOf(LOOPY_TYPES)],
];

describe.each(RULE_SETS)("traceability under %s: coverage against an independent count", (_name, needs, rules, traceCase) => {
  const coverageOf = (c: TraceCase): TraceAnalysisResult => analyzeTraceability(c.input, rules);
  const types = Object.keys(needs).sort();

  it("item coverage is the brute-force model's; levels count it; percentages are covered ÷ items × 100 in 0–100", () => {
    fc.assert(fc.property(traceCase, (c) => {
      const r = coverageOf(c);
      expectClean(r);
      const model = modelCoverage(c, needs);
      expect(r.coverage.map((x) => x.item).sort()).toEqual([...model.keys()].sort());
      for (const x of r.coverage) expect({ item: x.item, shallow: x.shallow === "covered", deep: x.deep }).toEqual({ item: x.item, ...model.get(x.item) });
      expect(r.levels.map((l) => l.type)).toEqual(types);
      for (const l of r.levels) {
        const mine = c.items.filter((i) => i.type === l.type).map((i) => `${i.kind}:${i.id}`);
        const shallow = mine.filter((k) => model.get(k)!.shallow).length;
        const deep = mine.filter((k) => model.get(k)!.deep === "covered").length;
        expect([l.items, l.shallowCovered, l.deepCovered]).toEqual([mine.length, shallow, deep]);
        expect(l.gaps).toEqual(mine.filter((k) => !model.get(k)!.shallow).sort());
        for (const [p, n] of [[l.shallowPercent, shallow], [l.deepPercent, deep]] as const) {
          if (mine.length === 0) {
            expect(p).toEqual({ reason: "no-data", detail: "no items of this type" });
            continue;
          }
          const v = p.value!;
          expect(v.gte(0) && v.lte(100)).toBe(true);
          expect(v.eq(decimal(n * 100).div(mine.length))).toBe(true);
          if (n === mine.length) expect(v.eq(100)).toBe(true);
        }
      }
    }), RUNS);
  });

  it("dangling and repeated links are reported, one finding per dangling link", () => {
    fc.assert(fc.property(traceCase, (c) => {
      const r = coverageOf(c);
      const known = new Set(c.items.map((i) => `${i.kind}:${i.id}`));
      const dangling = c.input.links.filter((l) => !known.has(`${l.from.kind}:${l.from.id}`) || !known.has(`${l.to.kind}:${l.to.id}`)).map((l) => l.id);
      const found = r.findings.filter((f) => f.check === "dangling-link").flatMap((f) => f.links);
      expect([...found].sort()).toEqual([...dangling].sort());
    }), RUNS);
  });

  it("stable under permutation of every input list", () => {
    const keys = fc.array(fc.nat(), { minLength: 20, maxLength: 20 });
    fc.assert(fc.property(traceCase, keys, (c, k) => {
      const shuffled = { ...c.input, requirements: permuted(c.input.requirements ?? [], k), artifacts: permuted(c.input.artifacts ?? [], k.slice(3)), testCases: permuted(c.input.testCases ?? [], k.slice(7)), links: permuted(c.input.links, k.slice(5)) };
      expect(plain(analyzeTraceability(shuffled, rules))).toEqual(plain(coverageOf(c)));
    }), RUNS);
  });

  it("links added one by one to an analysis give the same result as analysing them at once", () => {
    fc.assert(fc.property(traceCase, (c) => {
      const a = analyzeTraceGraph(buildTraceGraph({ ...c.input, links: [] }, rules));
      for (const link of c.input.links) a.apply({ type: "link-added", link });
      const full = coverageOf(c);
      const inc = a.result();
      expect(plain(inc.coverage)).toEqual(plain(full.coverage));
      expect(plain(inc.levels)).toEqual(plain(full.levels));
    }), { ...RUNS, numRuns: 100 });
  });

  it("links removed one by one reach the analysis of the remaining links", () => {
    fc.assert(fc.property(traceCase, fc.nat(), (c, cut) => {
      const keep = c.input.links.slice(0, cut % (c.input.links.length + 1));
      const a = analyzeTraceGraph(buildTraceGraph(c.input, rules));
      for (const l of c.input.links.slice(keep.length)) a.apply({ type: "link-removed", linkId: l.id });
      const r = a.result();
      const full = analyzeTraceability({ ...c.input, links: keep }, rules);
      expect(plain(r.coverage)).toEqual(plain(full.coverage));
      expect(plain(r.levels)).toEqual(plain(full.levels));
    }), { ...RUNS, numRuns: 100 });
  });
});

describe("traceability: empty inputs", () => {
  it("no items at all: every level has no-data percentages, not 0 % or NaN", () => {
    for (const input of [{}, { requirements: [], links: [] }, { links: [{ id: "L", from: { kind: "test-case" as const, id: "T" }, to: { kind: "requirement" as const, id: "R" }, linkType: "verifies" }] }]) {
      const r = analyzeTraceability(input);
      expectClean(r);
      expect(r.levels.map((l) => [l.items, l.shallowPercent.reason, l.deepPercent.reason])).toEqual(RULE_TYPES.map(() => [0, "no-data", "no-data"]));
    }
  });
});
