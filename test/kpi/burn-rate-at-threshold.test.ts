import { describe, expect, it } from "vitest";
import { burnRate, burnRateAlerts, errorBudget, isoDate, requestErrorBudget } from "../../src/index.js";

// A burn rate exactly at a rule's threshold is not above it (the SRE Workbook's alerts are `>`), but the burn rate was
// divided twice — (bad ÷ total), rounded to 34 digits, then ÷ (1 − SLO), rounded again — and the threshold once, so
// with an SLO whose 1 − SLO is not a power of ten and a threshold that is not a finite decimal the two roundings
// disagreed in the 34th digit and the rule fired (or, with the short window unmeasured, was "not measured" instead of
// "does not fire").
//
// 99.5 % over a 28-day window, the Workbook's ticket rule (10 % of the budget in 3 days, short window 6 h):
//   threshold = 10 % × 28 d ÷ 3 d = 0.1 × 28 ÷ 3 = 2.8 ÷ 3 = 0.9333… = 14 ÷ 15
//   7 bad of 1 500 events: error rate 7 ÷ 1 500 = 0.004666…; ÷ 0.005 = 0.9333… = 14 ÷ 15, the threshold exactly.
describe("a burn rate exactly at the threshold", () => {
  const rules = [{ id: "ticket-3d", severity: "ticket" as const, long: "3d" as const, short: "6h" as const, budgetPercent: "10" }];

  it("does not fire (99.5 %, 28 days, 7 bad of 1 500 over 3 d and 6 h: burn 14/15 = threshold 14/15)", () => {
    const r = burnRateAlerts({ slo: "0.995", windowDays: 28, observed: { "3d": { total: 1500, bad: 7 }, "6h": { total: 1500, bad: 7 } }, rules });
    const a = r.alerts[0]!;
    expect(a.threshold.toFixed()).toBe("0.9333333333333333333333333333333333");
    // 14/15 to 34 significant digits, once rounded: …333, not …334.
    expect(a.longBurnRate.value?.toFixed()).toBe("0.9333333333333333333333333333333333");
    expect(a.firing).toEqual({ value: false });
    expect(r.firing).toEqual([]);
    expect(r.severity).toEqual({ value: "none" });
    // One more bad event over both windows (8 of 1 500: 16/15 > 14/15) fires.
    const more = burnRateAlerts({ slo: "0.995", windowDays: 28, observed: { "3d": { total: 1500, bad: 8 }, "6h": { total: 1500, bad: 8 } }, rules });
    expect(more.firing).toEqual(["ticket-3d"]);
  });

  it("is judged 'does not fire', not 'not measured', when the short window has no events", () => {
    // SLO 0.001 (allowed 0.999), 27-day window, long 7 h, 0.9 % of the budget:
    //   threshold = 0.009 × 27 × 1440 ÷ 420 = 349.92 ÷ 420 = 0.833142857…
    //   728 271 bad of 875 000 = 0.832309714… ÷ 0.999 = 0.833142857… (728 271 = 0.833142857… × 0.999 × 875 000, exactly).
    const r = burnRateAlerts({
      slo: "0.001",
      windowDays: 27,
      observed: { "7h": { total: 875_000, bad: 728_271 }, "1m": { total: 0, bad: 0 } },
      rules: [{ id: "r", severity: "page", long: "7h", short: "1m", budgetPercent: "0.9" }],
    });
    expect(r.alerts[0]!.firing).toEqual({ value: false });
    expect(r.notMeasured).toEqual([]);
  });

  it("burnRate, requestErrorBudget and errorBudget round the burn rate once (14/15 → …333)", () => {
    const once = "0.9333333333333333333333333333333333";
    expect(burnRate([{ date: isoDate("2026-11-20"), total: 1500, bad: 7 }], { slo: "0.995" }).burnRate.value?.toFixed()).toBe(once);
    expect(requestErrorBudget({ slo: "0.995", good: 1493, total: 1500 }).burnRate.value?.toFixed()).toBe(once);
    // 7 bad minutes of 1 500 elapsed at 99.5 %: (7 ÷ 1 500) ÷ 0.005 = 14/15.
    expect(errorBudget({ slo: "0.995", windowDays: 28, badMinutes: 7, elapsedMinutes: 1500 }).burnRate.value?.toFixed()).toBe(once);
  });
});
