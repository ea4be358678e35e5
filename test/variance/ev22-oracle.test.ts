import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileEarnedValue, earnedValue, evaluateEarnedValue, evaluatePortfolio, type EarnedValueResult } from "../../src/variance/index.js";
import { oracle, rollUpOracle, type Exp } from "./ev22-oracle.js";
import { DAY0, actual, agrees, build, compare, get, iso, projectArb, show } from "./ev23-build.js";

/*
 * Audit ev22: every figure earnedValue returns, compared with an independent exact oracle (./ev22-oracle.ts, BigInt
 * fractions written from evm.md and docs/earned-value.md) on random small projects: a few packages with every earning
 * rule, random slices on a calendar with holidays, random progress, estimates and actuals (some in USD through a rate
 * table), random status dates (before the start, mid-period, on a holiday or weekend, after the finish), both spreads,
 * both level-of-effort policies, both earned-schedule units, weekly and monthly grids.
 */

const statusArb = fc.integer({ min: -8, max: 80 });

describe("earned value against an independent exact oracle (audit ev22)", () => {
  it("every figure of earnedValue, per package and per project, and the earned schedule", () => {
    fc.assert(fc.property(projectArb, statusArb, (g, s) => {
      const { P, input, options } = build(g);
      const t = DAY0 + s;
      const r = earnedValue(input, { ...options, statusDate: iso(t) });
      expect(compare(r, oracle(P, t))).toEqual([]);
    }), { seed: Number(process.env.EV22_SEED ?? 22), numRuns: Number(process.env.EV22_RUNS ?? 400) });
  });

  it("evaluatePortfolio's programme and portfolio figures are the sums' figures", () => {
    fc.assert(fc.property(fc.array(projectArb, { minLength: 2, maxLength: 3 }), statusArb, (gs, s) => {
      const t = DAY0 + s;
      const built = gs.map((g, k) => build(g, `PRJ-${k}`));
      const compiled = built.map((b, k) => compileEarnedValue({ ...b.input, project: { id: `PRJ-${k}`, portfolioId: "pf", ...(k < 2 ? { programmeId: "pg" } : {}) } }, { ...b.options, statusDate: iso(t) }));
      const os = built.map((b) => oracle(b.P, t));
      const orders = new Set(gs.map((g) => g.eacOrder.join()));
      const order = orders.size === 1 ? gs[0]!.eacOrder : ["cpi", "bottom-up", "budget-rate"];
      const r = evaluatePortfolio(compiled, iso(t));
      const bad: string[] = [];
      const check = (node: { figures: EarnedValueResult["figures"] }, exp: Record<string, Exp>, name: string) => {
        for (const [k, e] of Object.entries(exp)) {
          const got = k === "selectedEac" ? node.figures.selectedEac.value : get(node.figures, k);
          if (!agrees(e, got)) bad.push(`${name}.${k}: expected ${show(e)}, got ${actual(got)}`);
        }
      };
      check(r.programmes[0]!, rollUpOracle(os.slice(0, 2), order), "programme");
      // The portfolio holds the project without a programme first, then the programme: a missing EAC₅ gives the first one's reason.
      check(r.portfolios[0]!, rollUpOracle([...os.slice(2), ...os.slice(0, 2)], order), "portfolio");
      expect(bad).toEqual([]);
    }), { seed: Number(process.env.EV22_SEED ?? 2202), numRuns: Number(process.env.EV22_RUNS ?? 150) });
  });

  it("evaluateEarnedValue and evaluatePortfolio give the same figures at other status dates", () => {
    fc.assert(fc.property(projectArb, statusArb, statusArb, (g, s0, s) => {
      const { P, input, options } = build(g);
      const t = DAY0 + s;
      const c = compileEarnedValue(input, { ...options, statusDate: iso(DAY0 + s0) });
      expect(compare(evaluateEarnedValue(c, iso(t)), oracle(P, t))).toEqual([]);
      expect(compare(evaluatePortfolio([c], iso(t)).projects[0]!, oracle(P, t))).toEqual([]);
    }), { seed: Number(process.env.EV22_SEED ?? 2201), numRuns: Number(process.env.EV22_RUNS ?? 200) });
  });
});
