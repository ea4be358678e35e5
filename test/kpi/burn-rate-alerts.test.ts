import { describe, expect, it } from "vitest";
import { burnRateAlerts, SRE_WORKBOOK_BURN_RATE_ALERTS } from "../../src/kpi/index.js";
import { firstIssuePath } from "../support/errors.js";

// Multi-window, multi-burn-rate alerts (Google SRE Workbook, "Alerting on SLOs"). Burn rate = error rate ÷ (1 − SLO).
// An alert fires when the burn rate over its long window AND over its short window are both above its threshold;
// threshold = share of the budget spent × SLO window ÷ long window. For a 30-day window (720 h):
//   page   1 h / 5 m,  2 % → 0.02 × 720 ÷ 1  = 14.4
//   page   6 h / 30 m, 5 % → 0.05 × 720 ÷ 6  = 6
//   ticket 3 d / 6 h, 10 % → 0.10 × 720 ÷ 72 = 1
// (the Workbook's table; bitdrift's 30-day defaults list the same three rows). SLO 99.9 % → 1 − SLO = 0.001.

const observed = {
  "5m": { total: 10_000, bad: 150 }, // 0.015 ÷ 0.001 = 15
  "30m": { total: 50_000, bad: 400 }, // 0.008 ÷ 0.001 = 8
  "1h": { total: 100_000, bad: 2_000 }, // 0.02 ÷ 0.001 = 20
  "6h": { total: 600_000, bad: 3_000 }, // 0.005 ÷ 0.001 = 5
  "3d": { total: 7_200_000, bad: 9_000 }, // 0.00125 ÷ 0.001 = 1.25
};

describe("burnRateAlerts (SRE Workbook multi-window, multi-burn-rate)", () => {
  it("the default rules are the Workbook's three, with thresholds 14.4, 6 and 1 for a 30-day SLO", () => {
    const r = burnRateAlerts({ slo: "0.999", observed });
    expect(SRE_WORKBOOK_BURN_RATE_ALERTS.map((x) => [x.id, x.severity, x.long, x.short, x.budgetPercent])).toEqual([
      ["page-1h", "page", "1h", "5m", "2"],
      ["page-6h", "page", "6h", "30m", "5"],
      ["ticket-3d", "ticket", "3d", "6h", "10"],
    ]);
    expect(r.alerts.map((a) => a.threshold.toFixed())).toEqual(["14.4", "6", "1"]);
  });

  it("1 h at 20× and 5 m at 15× page; 6 h at 5× does not (not above 6); 3 d at 1.25× and 6 h at 5× open a ticket", () => {
    const r = burnRateAlerts({ slo: "0.999", observed });
    expect(r.alerts.map((a) => [a.id, a.longBurnRate.value?.toFixed(), a.shortBurnRate.value?.toFixed(), a.firing.value])).toEqual([
      ["page-1h", "20", "15", true],
      ["page-6h", "5", "8", false],
      ["ticket-3d", "1.25", "5", true],
    ]);
    expect(r.firing).toEqual(["page-1h", "ticket-3d"]);
    expect(r.severity).toEqual({ value: "page" });
    expect(r.notMeasured).toEqual([]);
    expect(r.alerts[0]!.rule).toBe("page-1h: burn rate 20 over 1h > 14.4 and 15 over 5m > 14.4: fires (2% of the 30-day budget in 1h)");
    expect(r.alerts[1]!.rule).toBe("page-6h: burn rate 5 over 6h ≤ 6: does not fire (5% of the 30-day budget in 6h)");
  });

  it("a spike that is over (5 m back at 1×) does not page, though the 1 h burn rate is still 20×: the short window resets", () => {
    const r = burnRateAlerts({ slo: "0.999", observed: { ...observed, "5m": { total: 10_000, bad: 10 } } });
    expect(r.alerts[0]!.firing.value).toBe(false);
    expect(r.alerts[0]!.rule).toBe("page-1h: burn rate 20 over 1h > 14.4 but 1 over 5m ≤ 14.4: does not fire (2% of the 30-day budget in 1h)");
  });

  it("exactly 14.4× does not fire (the Workbook's rule is `>`), and reads 14.4, not 14.399999999999999 as in float", () => {
    // 14 400 bad of 1 000 000 = 0.0144; 0.0144 ÷ 0.001 is 14.399999999999999 in binary floating point.
    const r = burnRateAlerts({ slo: "0.999", observed: { ...observed, "1h": { total: 1_000_000, bad: 14_400 }, "5m": { total: 1_000, bad: 15 } } });
    expect(r.alerts[0]!.longBurnRate.value?.toFixed()).toBe("14.4");
    expect(r.alerts[0]!.firing.value).toBe(false);
  });

  it("a 7-day SLO with its own rules: 10 % in 1 h → 16.8, 20 % in 6 h → 5.6, 40 % in 1 d → 2.8", () => {
    // 0.10 × 168 h ÷ 1 h = 16.8; 0.20 × 168 ÷ 6 = 5.6; 0.40 × 168 ÷ 24 = 2.8 (bitdrift's 7-day defaults).
    const rules = [
      { id: "fast", severity: "page", long: "1h", short: "5m", budgetPercent: "10" },
      { id: "slow", severity: "page", long: "6h", short: "30m", budgetPercent: "20" },
      { id: "drift", severity: "ticket", long: "1d", short: "2h", budgetPercent: "40" },
    ] as const;
    // 1 h at 20× and 5 m at 20× (200 of 10 000) are above 16.8: "fast" fires; 6 h at 5× is not above 5.6; 1 d and 2 h
    // at 0× are not above 2.8.
    const seen = { ...observed, "5m": { total: 10_000, bad: 200 }, "1d": { total: 1, bad: 0 }, "2h": { total: 1, bad: 0 } };
    const r = burnRateAlerts({ slo: "0.999", windowDays: 7, rules, observed: seen });
    expect(r.alerts.map((a) => a.threshold.toFixed())).toEqual(["16.8", "5.6", "2.8"]);
    expect(r.firing).toEqual(["fast"]);
    // With the Workbook's 30-day rules the same counts page too: 20 > 14.4 over both 1 h and 5 m.
    expect(burnRateAlerts({ slo: "0.999", observed: seen }).firing).toEqual(["page-1h", "ticket-3d"]);
  });

  it("no events in a window, or a window not observed, is a typed reason — never a 0 burn rate or a silent no-alert", () => {
    const r = burnRateAlerts({ slo: "0.999", observed: { ...observed, "5m": { total: 0, bad: 0 }, "3d": undefined as never } });
    expect(r.alerts[0]!.shortBurnRate).toEqual({ reason: "no-events", detail: "no events over 5m" });
    expect(r.alerts[0]!.firing).toEqual({ reason: "no-events", detail: "no events over 5m" });
    expect(r.alerts[2]!.longBurnRate).toEqual({ reason: "not-supplied", detail: "no counts over 3d" });
    expect(r.notMeasured).toEqual(["page-1h", "ticket-3d"]);
    expect(r.firing).toEqual([]);
    // Nothing fires, but a page rule could not be judged: the severity is not "none".
    expect(r.severity).toEqual({ reason: "no-events", detail: "page-1h not measured: no events over 5m" });
    // A rule whose long window is measured and not above its threshold does not fire, whatever its short window:
    // 6 h at 5× ≤ 6, so page-6h is false even with no 30-minute counts.
    const noShort = burnRateAlerts({ slo: "0.999", observed: { "6h": observed["6h"] }, rules: [SRE_WORKBOOK_BURN_RATE_ALERTS[1]!] });
    expect(noShort.alerts[0]!.firing).toEqual({ value: false });
    expect(noShort.severity).toEqual({ value: "none" });
  });

  it("bad input is a ValidationError at its path", () => {
    expect(firstIssuePath(() => burnRateAlerts({ slo: "1", observed }))).toEqual(["slo"]);
    expect(firstIssuePath(() => burnRateAlerts({ slo: "0.999", observed: { ...observed, "1h": { total: 10, bad: 11 } } }))).toEqual(["observed", "1h", "bad"]);
    expect(firstIssuePath(() => burnRateAlerts({ slo: "0.999", observed: { ...observed, "1h": { total: 1.5, bad: 0 } } }))).toEqual(["observed", "1h", "total"]);
    expect(firstIssuePath(() => burnRateAlerts({ slo: "0.999", observed: { "1 hour": { total: 1, bad: 0 } } }))).toEqual(["observed", "1 hour"]);
    expect(firstIssuePath(() => burnRateAlerts({ slo: "0.999", observed, rules: [{ id: "x", severity: "page", long: "5m", short: "1h", budgetPercent: "2" }] }))).toEqual(["rules", 0, "short"]);
    expect(firstIssuePath(() => burnRateAlerts({ slo: "0.999", observed, rules: [{ id: "x", severity: "page", long: "1h", short: "5m", budgetPercent: "0" }] }))).toEqual(["rules", 0, "budgetPercent"]);
    expect(firstIssuePath(() => burnRateAlerts({ slo: "0.999", observed, windowDays: 0 }))).toEqual(["windowDays"]);
  });
});
