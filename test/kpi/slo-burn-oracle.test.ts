import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { burnRateAlerts, errorBudget, requestErrorBudget, type BurnRateAlertRule, type BurnRateWindow } from "../../src/index.js";

// An independent oracle for the SLO error budget and the Google SRE Workbook's multi-window, multi-burn-rate alerts
// ("Alerting on SLOs"), written from the definitions in exact rational arithmetic (BigInt numerator/denominator), not
// from pmokit's code:
//   error budget (time)  = (1 − SLO) × window                      (99.9 % of 30 days = 43.2 minutes)
//   burn rate (window)   = (bad ÷ total) ÷ (1 − SLO)
//   threshold (rule)     = budget share × SLO window ÷ long window  (2 % × 720 h ÷ 1 h = 14.4)
//   a rule fires         ⇔ burn(long) > threshold ∧ burn(short) > threshold (strict, as the Workbook's `>` alerts)
// The SLO is n ÷ 10^k; the budget share p ÷ 10 percent; counts are whole numbers.

type Q = { n: bigint; d: bigint }; // d > 0
const q = (n: bigint, d: bigint): Q => (d < 0n ? { n: -n, d: -d } : { n, d });
const gt = (a: Q, b: Q) => a.n * b.d > b.n * a.d;
const eqDec = (a: Q, s: string) => {
  // s is a finite decimal string; compare exactly.
  const [int, frac = ""] = s.split(".");
  const den = 10n ** BigInt(frac.length);
  return a.n * den === BigInt(`${int}${frac}`) * a.d;
};
// s (a decimal string) within 10^-30 of q, relative: a 34-digit rounding of q.
const near = (a: Q, s: string) => {
  const [int, frac = ""] = s.split(".");
  const den = 10n ** BigInt(frac.length);
  const diff = BigInt(`${int}${frac}`) * a.d - a.n * den;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  return abs(diff) * 10n ** 30n <= abs(a.n) * den || (a.n === 0n && diff === 0n);
};
const UNIT = { m: 1, h: 60, d: 1440 } as const;
const minutesOf = (w: string) => Number(w.slice(0, -1)) * UNIT[w.slice(-1) as "m" | "h" | "d"];

const sloArb = fc.integer({ min: 1, max: 5 }).chain((k) => fc.integer({ min: 1, max: 10 ** k - 1 }).map((n) => ({ k, n })));
const sloText = ({ k, n }: { k: number; n: number }) => `0.${String(n).padStart(k, "0")}`;
const allowed = ({ k, n }: { k: number; n: number }): Q => q(10n ** BigInt(k) - BigInt(n), 10n ** BigInt(k));
const windowArb = fc.tuple(fc.integer({ min: 1, max: 96 }), fc.constantFrom("m", "h", "d")).map(([v, u]) => `${v}${u}` as BurnRateWindow);
const countsArb = fc.integer({ min: 0, max: 2_000_000 }).chain((total) => fc.integer({ min: 0, max: total }).map((bad) => ({ total, bad })));

describe("burnRateAlerts against an exact oracle from the SRE Workbook definitions", () => {
  it("threshold, burn rates and firing agree with exact rationals, including burn rates exactly at the threshold", () => {
    fc.assert(
      fc.property(
        sloArb,
        fc.integer({ min: 1, max: 90 }),
        fc.tuple(windowArb, windowArb).filter(([a, b]) => minutesOf(a) !== minutesOf(b)),
        fc.integer({ min: 1, max: 1000 }),
        countsArb,
        countsArb,
        fc.boolean(),
        (slo, windowDays, [w1, w2], share10, longC, shortC, atThreshold) => {
          const [long, short] = minutesOf(w1) > minutesOf(w2) ? [w1, w2] : [w2, w1];
          const a = allowed(slo);
          // threshold = (share10/10)/100 × windowDays·1440 ÷ long minutes
          const threshold = q(BigInt(share10) * BigInt(windowDays * 1440), 1000n * BigInt(minutesOf(long)));
          // Now and then put the long window's burn rate exactly on the threshold: bad/total = threshold × allowed.
          let lc = longC;
          if (atThreshold) {
            const rate = q(threshold.n * a.n, threshold.d * a.d); // bad ÷ total
            if (rate.n <= rate.d && rate.d <= 10n ** 12n) lc = { total: Number(rate.d), bad: Number(rate.n) };
          }
          const rule: BurnRateAlertRule = { id: "r", severity: "page", long, short, budgetPercent: (share10 / 10).toString() };
          const r = burnRateAlerts({ slo: sloText(slo), windowDays, observed: { [long]: lc, [short]: shortC }, rules: [rule] });
          const alert = r.alerts[0]!;
          expect(near(threshold, alert.threshold.toFixed())).toBe(true);
          const burn = (c: { total: number; bad: number }): Q | undefined => (c.total === 0 ? undefined : q(BigInt(c.bad) * a.d, BigInt(c.total) * a.n));
          const [bl, bs] = [burn(lc), burn(shortC)];
          if (bl) expect(near(bl, alert.longBurnRate.value!.toFixed())).toBe(true);
          if (bs) expect(near(bs, alert.shortBurnRate.value!.toFixed())).toBe(true);
          const expected = bl !== undefined && !gt(bl, threshold) ? false : bs !== undefined && !gt(bs, threshold) ? false : bl && bs ? true : undefined;
          expect(alert.firing.value).toBe(expected);
          expect(r.firing).toEqual(expected === true ? ["r"] : []);
          expect(r.notMeasured).toEqual(expected === undefined ? ["r"] : []);
        },
      ),
      { numRuns: 3000, seed: 22 },
    );
  });

  it("the Workbook's own numbers: 14.4, 6 and 1 over 30 days; 0.1 % errors at 99.9 % is a burn rate of 1", () => {
    const r = burnRateAlerts({ slo: "0.999", observed: { "1h": { total: 1_000_000, bad: 14_400 }, "5m": { total: 100_000, bad: 1_441 }, "6h": { total: 1000, bad: 1 }, "30m": { total: 1000, bad: 1 }, "3d": { total: 1000, bad: 1 } } });
    expect(r.alerts.map((a) => [a.id, a.threshold.toFixed()])).toEqual([["page-1h", "14.4"], ["page-6h", "6"], ["ticket-3d", "1"]]);
    // 14 400 of 1 000 000 at 99.9 %: exactly 14.4, not above it — page-1h does not fire; a burn of exactly 1 does not
    // open the 3-day ticket either.
    expect(r.alerts.map((a) => [a.id, a.longBurnRate.value?.toFixed(), a.firing.value])).toEqual([
      ["page-1h", "14.4", false],
      ["page-6h", "1", false],
      ["ticket-3d", "1", false],
    ]);
    expect(r.severity).toEqual({ value: "none" });
  });
});

describe("errorBudget and requestErrorBudget against the definition", () => {
  it("budget = (1 − SLO) × window, consumed, remaining, burn rate and time to exhaustion, exactly", () => {
    fc.assert(
      fc.property(sloArb, fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (slo, days, badRaw, elapsedRaw) => {
        const window = days * 1440;
        const bad = badRaw % (window + 1);
        const elapsed = Math.max(bad, 1 + (elapsedRaw % window));
        const a = allowed(slo);
        const budget = q(a.n * BigInt(window), a.d);
        const r = errorBudget({ slo: sloText(slo), windowDays: days, badMinutes: bad, elapsedMinutes: elapsed });
        expect(eqDec(budget, r.budgetMinutes.toFixed())).toBe(true);
        const remaining = q(budget.n - BigInt(bad) * budget.d, budget.d);
        expect(eqDec(remaining, r.remainingMinutes.value!.toFixed())).toBe(true);
        expect(r.exhausted.value).toBe(remaining.n <= 0n);
        // burn = (bad/elapsed)/(1 − SLO), to 34 significant digits.
        expect(near(q(BigInt(bad) * a.d, BigInt(elapsed) * a.n), r.burnRate.value!.toFixed())).toBe(true);
        // consumed % = bad ÷ budget × 100.
        expect(near(q(BigInt(bad) * 100n * budget.d, budget.n), r.consumedPercent.value!.toFixed())).toBe(true);
        if (remaining.n <= 0n) expect(r.minutesToExhaustion.value?.toFixed()).toBe("0");
        else if (bad === 0) expect(r.minutesToExhaustion.value).toBeUndefined();
      }),
      { numRuns: 1500, seed: 22 },
    );
  });

  it("request budget: allowed = (1 − SLO) × total, burn = bad ÷ allowed; exhausted exactly when bad ≥ allowed", () => {
    fc.assert(
      fc.property(sloArb, fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (slo, total, g) => {
        const good = g % (total + 1);
        const a = allowed(slo);
        const r = requestErrorBudget({ slo: sloText(slo), good, total });
        const allowedBad = q(a.n * BigInt(total), a.d);
        expect(eqDec(allowedBad, r.allowedBadEvents.toFixed())).toBe(true);
        expect(r.exhausted.value).toBe(BigInt(total - good) * allowedBad.d >= allowedBad.n);
        expect(near(q(BigInt(good) * 100n, BigInt(total)), r.availabilityPercent.value!.toFixed())).toBe(true);
        expect(near(q(BigInt(total - good) * allowedBad.d, allowedBad.n), r.burnRate.value!.toFixed())).toBe(true);
      }),
      { numRuns: 1500, seed: 22 },
    );
  });

  it("the reference's worked example: 99.9 % over 30 days is 43.2 minutes", () => {
    expect(errorBudget({ slo: "0.999", windowDays: 30 }).budgetMinutes.toFixed()).toBe("43.2");
  });
});
