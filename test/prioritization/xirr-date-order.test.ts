import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PmoDecimal } from "../../src/core/index.js";
import { xirr, type DatedCashFlow } from "../../src/prioritization/index.js";

/*
 * XIRR's diagnostics describe the flows as they fall in time. The sign changes (Descartes' bound on the number of
 * rates) are those of the flows in date order with the flows of one day netted: the listing order of the flows means
 * nothing (xirr takes them in any order), and two flows on one day are one flow in the XNPV sum. Until fin21 they were
 * counted in listing order, over the raw amounts:
 * - -100 (2021), -132 (2023), +230 (2022) listed so read −, −, + (one change): `multipleRootsPossible: false` while
 *   `roots` held two rates, 10 % and 20 %, and the figure was the one nearest the guess;
 * - flows netting to zero on every day (−100 and +100 on one day) have an XNPV of 0 at every rate: XIRR answered
 *   10 % — the guess — with 2,296 "roots" (every scan rate), instead of a typed reason.
 */
const at = (date: string, amount: string): DatedCashFlow => ({ date, amount });

describe("xirr counts sign changes in date order, one day's flows netted (fin21)", () => {
  it("two rates (10 % and 20 %) are flagged whatever the listing order", () => {
    // Hand-derived: 2021→2022→2023 are 365 days each, so t = 0, 1, 2 and −100 + 230/x − 132/x² = 0 with x = 1 + r:
    // −100x² + 230x − 132 = 0 → x = (230 ± √(52900 − 52800)) / 200 = 1.2 or 1.1.
    const flows = [at("2021-01-01", "-100"), at("2023-01-01", "-132"), at("2022-01-01", "230")];
    const r = xirr(flows);
    expect(r.roots.map((x) => x.toFixed(12))).toEqual(["0.100000000000", "0.200000000000"]);
    expect(r.signChanges).toBe(2); // was 1 (−, −, + in listing order)
    expect(r.multipleRootsPossible).toBe(true); // was false, with two roots listed
  });

  it("a conventional investment listed out of date order has one sign change", () => {
    // Date order −100, +60, +60: one change (listing order +, −, + read two).
    const r = xirr([at("2022-01-01", "60"), at("2021-01-01", "-100"), at("2023-01-01", "60")]);
    expect(r.signChanges).toBe(1);
    expect(r.multipleRootsPossible).toBe(false);
    expect(r.roots).toHaveLength(1);
  });

  it("flows on one day are netted before counting (+10 and −100 on day 0 are −90)", () => {
    const r = xirr([at("2021-01-01", "10"), at("2021-01-01", "-100"), at("2022-01-01", "200")]);
    expect(r.signChanges).toBe(1);
    expect(r.multipleRootsPossible).toBe(false);
    // −90 + 200/(1 + r) = 0 → r = 200/90 − 1 = 11/9
    expect(r.value?.toFixed(12)).toBe(new PmoDecimal(11).div(9).toFixed(12));
  });

  it("flows that net to zero on every day have no rate: no-sign-change, never the guess", () => {
    for (const flows of [
      [at("2021-01-01", "-100"), at("2021-01-01", "100")],
      [at("2021-01-01", "-100"), at("2022-03-01", "50"), at("2021-01-01", "100"), at("2022-03-01", "-50")],
    ]) {
      const r = xirr(flows);
      expect(r.value).toBeUndefined(); // was 0.1, the default guess
      expect(r.reason).toBe("no-sign-change");
      expect(r.roots).toEqual([]); // was 2,296 scan rates
      expect(r.signChanges).toBe(0);
    }
  });

  it("a leap year counts 366/365 years (actual/365): −100 on 2020-01-01, +110 on 2021-01-01", () => {
    // (1 + r)^(366/365) = 1.1 → r = 1.1^(365/366) − 1 = 0.09971358593414124128721692035238702707… (mpmath, 40 digits)
    expect(xirr([at("2021-01-01", "110"), at("2020-01-01", "-100")]).value?.toFixed(30)).toBe("0.099713585934141241287216920352");
  });

  it("property: shuffling the flows changes nothing, and there are never more rates than sign changes (Descartes)", () => {
    const day = fc.integer({ min: 0, max: 6 }).map((k) => ["2021-01-01", "2021-07-01", "2022-01-01", "2022-02-28", "2024-02-29", "2025-01-01", "2027-06-30"][k]!);
    const flow = fc.record({ date: day, amount: fc.integer({ min: -5, max: 5 }).map((a) => String(a * 100)) });
    fc.assert(
      fc.property(fc.array(flow, { minLength: 2, maxLength: 6 }), fc.integer(), (flows, seed) => {
        const shuffled = [...flows].map((f, i) => ({ f, k: (i * 7919 + seed) % 101 })).sort((a, b) => a.k - b.k).map((x) => x.f);
        const a = xirr(flows);
        const b = xirr(shuffled);
        // Oracle: net per day, in date order (ISO dates sort as strings), zeros skipped.
        const net = new Map<string, number>();
        for (const f of flows) net.set(f.date, (net.get(f.date) ?? 0) + Number(f.amount));
        const signs = [...net].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map((e) => Math.sign(e[1])).filter((s) => s !== 0);
        const changes = signs.slice(1).filter((s, i) => s !== signs[i]).length;
        expect(a.signChanges).toBe(changes);
        expect(b.signChanges).toBe(changes);
        expect(a.multipleRootsPossible).toBe(changes > 1);
        expect(a.roots.length).toBeLessThanOrEqual(changes);
        expect(b.roots.map(String)).toEqual(a.roots.map(String));
        expect(b.value?.toString()).toBe(a.value?.toString());
      }),
      { seed: 2121, numRuns: 40 },
    );
  });
});
