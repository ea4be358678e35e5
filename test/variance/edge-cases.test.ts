import { describe, expect, it } from "vitest";
import { createWorkingCalendar, decimal, ValidationError, type WorkingCalendar, type WorkPackage } from "../../src/index.js";
import { earnedValue } from "../../src/variance/index.js";
import { baselineOf, cost, pkg, project, show, week } from "./fixtures.js";

/* The edge cases of reference/evm.md §3, numbered as there, each derived by hand. W1 = 2027-01-04…01-10, etc. */

const one = (rule: unknown, progress: unknown[] = [], slices = [week(1, "1000.00"), week(2, "1000.00")]) => pkg({ id: "A", rule, slices, progress });

describe("reference edge cases", () => {
  it("1. AC = 0 or PV = 0: each index has its own typed reason, never 0 or Infinity", () => {
    // Plan starts 01-04 but the budget only from W2: on 01-06 PV = 0; EV from 10% = 200; no actuals.
    const w = pkg({ id: "A", rule: { type: "percent-complete" }, start: "2027-01-04", slices: [week(2, "2000.00")], progress: [{ date: "2027-01-05", percentComplete: "10" }] });
    const f = earnedValue(project([w], []), { statusDate: "2027-01-06" }).figures;
    expect(f.spi.reason).toBe("pv-is-zero");
    expect(f.cpi.reason).toBe("ac-is-zero");
    expect(f.svPercent.reason).toBe("pv-is-zero");
    expect(show(f.cvPercent)).toBe("100.00"); // CV / EV = 200 / 200, independent of the missing CPI
  });

  it("2. EV = 0 with AC > 0: CPI = 0, EAC₁ has no figure and the selected EAC falls back explicitly", () => {
    const f = earnedValue(project([one({ type: "0/100" }, [{ date: "2027-01-04", started: true }])], [cost("A", "2027-01-05", "300.00")]), { statusDate: "2027-01-08" }).figures;
    expect(show(f.cpi)).toBe("0.00");
    expect(f.eac.cpi.reason).toBe("ev-is-zero");
    expect(f.selectedEac.method).toBe("budget-rate"); // cpi → bottom-up (no estimate) → budget-rate
    expect(show(f.selectedEac.value)).toBe("2300.00"); // 300 + (2000 − 0)
  });

  it("3. BAC ≤ AC with work left: 'BAC unattainable', TCPI against EAC offered instead", () => {
    // 50% of 2000 earned (1000), AC 2100 ≥ BAC. EAC₁ = 2000 × 2100 / 1000 = 4200; TCPI_EAC = 1000 / (4200 − 2100) = 0.476190…
    const f = earnedValue(project([one({ type: "percent-complete" }, [{ date: "2027-01-10", percentComplete: "50" }])], [cost("A", "2027-01-10", "2100.00")]), { statusDate: "2027-01-10" }).figures;
    expect(f.bacUnattainable).toBe(true);
    expect(f.tcpiBac.reason).toBe("bac-unattainable");
    expect(show(f.tcpiEac, 6)).toBe("0.476190");
  });

  it("5. past planned finish, not done: PV frozen at BAC, ES capped at PD, TSPI needs the estimated duration", () => {
    // At 2027-01-29 (after W2) EV = 90% = 1800 < BAC 2000. PD = 10 working days; ES = 5 + (1800 − 1000) / 1000 × 5 = 9.
    const r = earnedValue(project([one({ type: "percent-complete" }, [{ date: "2027-01-28", percentComplete: "90" }])], []), { statusDate: "2027-01-29" });
    expect(show(r.figures.pv)).toBe("2000.00");
    expect([show(r.schedule.pd, 0), show(r.schedule.es, 0), show(r.schedule.at, 0)]).toEqual(["10", "9", "20"]);
    expect(r.schedule.tspi.reason).toBe("past-planned-finish");
    // ED = IEAC(t) with SPI(t) = 9/20: 20 + 1 / 0.45 = 22.22…; TSPI_ED = 1 / 2.22… = 0.45
    expect(show(r.schedule.tspiEd, 2)).toBe("0.45");
  });

  it("7. EV above BAC: clamped with a warning by default, rejected under policy", () => {
    const base = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00")], progress: [{ date: "2027-01-08", percentComplete: "100", finished: true }] });
    const ap = pkg({ id: "B", rule: { type: "apportioned", basePackageId: "A", factor: "0.5" }, slices: [week(1, "400.00")] });
    const r = earnedValue(project([base, ap], []), { statusDate: "2027-01-10" });
    expect(show(r.packages[1]!.figures.ev)).toBe("400.00"); // 0.5 × 1000 = 500 > 400 → 400
    expect(r.warnings.map((w) => w.code)).toContain("ev-clamped-to-bac");
    expect(() => earnedValue(project([base, ap], []), { statusDate: "2027-01-10", policy: { evAboveBac: "reject" } })).toThrow(ValidationError);
  });

  it("8. flat PV stretch: ES goes to the end of the flat stretch (the latest time PV ≤ EV), never 0/0", () => {
    // W1 1000, nothing in W2, W3 1000. EV = 1000 = PV at the end of W1 and of W2 → ES = 10 (end of W2), not 5.
    const w = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(3, "1000.00")], progress: [{ date: "2027-01-22", percentComplete: "50" }] });
    expect(show(earnedValue(project([w], []), { statusDate: "2027-01-22" }).schedule.es, 0)).toBe("10");
  });

  it("9. the status date is required: no hidden today", () => {
    expect(() => earnedValue(project([one({ type: "0/100" })], []), {} as never)).toThrow(/status date/);
  });

  it("10. rounding only at the cent, once: 100.00 over 3 days reads 33.33, then 66.67, then 100.00", () => {
    const w = pkg({ id: "A", rule: { type: "level-of-effort" }, slices: [{ start: "2027-01-04", finish: "2027-01-06", amount: { amount: "100.00", currency: "EUR" } }], progress: [{ date: "2027-01-04", started: true }] });
    const pv = (d: string) => show(earnedValue(project([w], []), { statusDate: d }).figures.pv);
    expect([pv("2027-01-04"), pv("2027-01-05"), pv("2027-01-06")]).toEqual(["33.33", "66.67", "100.00"]); // 66.666… half-even → 66.67
  });

  it("11. a package finished before its baselined dates earns its whole budget (EV is not time-phased)", () => {
    const w = pkg({ id: "A", rule: { type: "0/100" }, slices: [week(3, "1000.00")], start: "2027-01-04", progress: [{ date: "2027-01-08", finished: true }] });
    const f = earnedValue(project([w], []), { statusDate: "2027-01-08" }).figures;
    expect([show(f.pv), show(f.ev)]).toEqual(["0.00", "1000.00"]);
  });

  it("earning rules: 0/100, 50/50, 25/75, physical %, weighted milestones, units", () => {
    const at = (rule: unknown, progress: unknown[]) => show(earnedValue(project([one(rule, progress)], []), { statusDate: "2027-01-12" }).figures.ev);
    expect(at({ type: "0/100" }, [{ date: "2027-01-05", started: true }])).toBe("0.00");
    expect(at({ type: "50/50" }, [{ date: "2027-01-05", started: true }])).toBe("1000.00");
    expect(at({ type: "fixed-split", startPercent: "25" }, [{ date: "2027-01-05", started: true }])).toBe("500.00");
    expect(at({ type: "physical-percent-complete" }, [{ date: "2027-01-05", percentComplete: "80", physicalPercentComplete: "35" }])).toBe("700.00");
    expect(at({ type: "weighted-milestones", milestones: [{ id: "m1", name: "Spec", weight: "1" }, { id: "m2", name: "Build", weight: "2" }] }, [{ date: "2027-01-05", milestonesReached: ["m1"] }])).toBe("666.67"); // 2000 × 1/3
    expect(at({ type: "units", totalUnits: "8", unitName: "screens" }, [{ date: "2027-01-05", unitsComplete: "3" }])).toBe("750.00");
  });

  it("rule warnings: 0/100 over more than one period, 50/50 over more than two", () => {
    const long = [week(1, "1.00"), week(2, "1.00"), week(3, "1.00")];
    const codes = (rule: unknown) => earnedValue(project([one(rule, [], long)], []), { statusDate: "2027-01-04" }).warnings.map((w) => w.code);
    expect(codes({ type: "0/100" })).toContain("zero-hundred-spans-periods");
    expect(codes({ type: "50/50" })).toContain("split-rule-spans-periods");
    expect(codes({ type: "percent-complete" })).toEqual([]);
  });
});

describe("bad input", () => {
  it("negative progress is rejected with its path", () => {
    const w = one({ type: "percent-complete" });
    const bad = { ...w, progress: [{ date: "2027-01-05", percentComplete: decimal("-5") }] } as unknown as WorkPackage;
    try {
      earnedValue(project([bad], [], [baselineOf([w])]), { statusDate: "2027-01-10" });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues[0]!.path).toEqual(["workPackages", 0, "progress", 0, "percentComplete"]);
    }
  });

  it("issue 12: progress above 100 % is reachable from decoded input: clamped (default) with a warning, or rejected", () => {
    // Decoded through the entity schema: 120 % of BAC 2000 = 2400 > 2000 → EV 2000 under clamp; units 12 of 10 likewise.
    const w = one({ type: "percent-complete" }, [{ date: "2027-01-05", percentComplete: "120" }]);
    const r = earnedValue(project([w], []), { statusDate: "2027-01-10" });
    expect([show(r.figures.ev), r.packages[0]!.clamped, r.warnings.map((x) => x.code)]).toEqual(["2000.00", true, expect.arrayContaining(["ev-clamped-to-bac"])]);
    const u = one({ type: "units", totalUnits: "10", unitName: "tables" }, [{ date: "2027-01-05", unitsComplete: "12" }]);
    expect(show(earnedValue(project([u], []), { statusDate: "2027-01-10" }).figures.ev)).toBe("2000.00");
    try {
      earnedValue(project([w], []), { statusDate: "2027-01-10", policy: { evAboveBac: "reject" } });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues[0]!.path).toEqual(["workPackages", 0, "progress", 0]);
    }
  });

  it("actuals after the status date are excluded and reported", () => {
    const r = earnedValue(project([one({ type: "0/100" })], [cost("A", "2027-01-05", "10.00"), cost("A", "2027-02-01", "99.00")]), { statusDate: "2027-01-10" });
    expect(show(r.figures.ac)).toBe("10.00");
    expect(r.excludedActuals).toHaveLength(1);
    expect(r.warnings.map((w) => w.code)).toContain("actuals-after-status-date");
  });

  it("a package without a baseline: its figures say no-baseline, its actuals still count", () => {
    const a = one({ type: "0/100" });
    const extra = pkg({ id: "X", rule: { type: "0/100" }, slices: [week(1, "50.00")] });
    const r = earnedValue(project([a, extra], [cost("X", "2027-01-05", "20.00")], [baselineOf([a])]), { statusDate: "2027-01-10" });
    const x = r.packages.find((p) => p.id === "X")!;
    expect([x.inBaseline, x.figures.bac.reason, show(x.figures.ac)]).toEqual([false, "no-baseline", "20.00"]);
    expect(show(r.figures.ac)).toBe("20.00");
    expect(r.warnings.map((w) => w.code)).toContain("package-without-baseline");
  });

  it("no baseline at all: every figure says no-baseline", () => {
    const r = earnedValue(project([one({ type: "0/100" })], [], []), { statusDate: "2027-01-10" });
    expect([r.baseline, r.figures.spi.reason, r.schedule.es.reason]).toEqual([undefined, "no-baseline", "no-baseline"]);
  });

  it("a status date before the project starts gives before-start, not an error", () => {
    expect(earnedValue(project([one({ type: "0/100" })], []), { statusDate: "2026-12-01" }).figures.spi.reason).toBe("before-start");
  });

  it("a calendar with no working days: rejected when built; a span of holidays leaves ES without figures", () => {
    expect(() => createWorkingCalendar({ workingWeekdays: [] })).toThrow(ValidationError);
    const hollow = { ...createWorkingCalendar(), workingWeekdays: [] } as unknown as WorkingCalendar;
    expect(() => earnedValue(project([one({ type: "0/100" })], []), { statusDate: "2027-01-10", calendar: hollow })).toThrow(ValidationError);
    const holidays = createWorkingCalendar({ holidays: ["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08"] });
    const w = one({ type: "0/100" }, [], [week(1, "10.00")]);
    expect(earnedValue(project([w], []), { statusDate: "2027-01-08", calendar: holidays }).schedule.spiT.reason).toBe("no-working-days");
  });

  it("mixed currencies without a rate table: a ValidationError naming the entry; with a table, CV splits into performance and FX", () => {
    const w = one({ type: "percent-complete" }, [{ date: "2027-01-08", percentComplete: "50" }]);
    const usd = cost("A", "2027-01-08", "1000.00", "USD");
    try {
      earnedValue(project([w], [usd]), { statusDate: "2027-01-10" });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues[0]!.path).toEqual(["costEntries", 0, "amount", "currency"]);
    }
    // Baseline captured 2027-01-01 at 0.90 EUR/USD; booked 2027-01-08 at 0.95. AC = 950.00; at the baseline rate 900.00.
    // CV = 1000 − 950 = 50 = performance (1000 − 900 = 100) + FX (900 − 950 = −50).
    const fxRates = [{ from: "USD", to: "EUR", date: "2026-12-31", rate: "0.90" }, { from: "USD", to: "EUR", date: "2027-01-07", rate: "0.95" }];
    const r = earnedValue(project([w], [usd]), { statusDate: "2027-01-10", fxRates });
    expect([show(r.figures.ac), show(r.figures.cv), show({ value: r.cvSplit.value?.performance }), show({ value: r.cvSplit.value?.fx })]).toEqual(["950.00", "50.00", "100.00", "-50.00"]);
  });
});

describe("exactness at scale", () => {
  it("P-factor and EAC stay exact when products of cents pass 2^53 (BigInt path): scaling every amount by 10⁶ changes nothing but the scale", () => {
    // Same shape as the hand-derived W3 case for two packages; amounts ×10⁶ make EV × ΔPV ≈ 10²² cents².
    const make = (scale: string) => {
      const a = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, `1000${scale}.00`), week(2, `1000${scale}.00`)], progress: [{ date: "2027-01-15", percentComplete: "100", finished: true }] });
      const c = pkg({ id: "C", rule: { type: "units", totalUnits: "10", unitName: "t" }, slices: [week(2, `1000${scale}.00`), week(3, `1000${scale}.00`)], progress: [{ date: "2027-01-15", unitsComplete: "3" }] });
      return earnedValue(project([a, c], [cost("A", "2027-01-15", `1700${scale}.00`)]), { statusDate: "2027-01-17" });
    };
    const small = make(""), big = make("000000");
    expect(show(big.schedule.pFactor, 20)).toBe(show(small.schedule.pFactor, 20));
    expect(show(big.schedule.es, 20)).toBe(show(small.schedule.es, 20));
    // EAC₁ = BAC × AC / EV: 4000 × 1700 / 2600 = 2615.38; ×10⁶: 4·10⁹ × 1.7·10⁹ / 2.6·10⁹ = 2615384615.3846… → .38
    expect([show(small.figures.eac.cpi), show(big.figures.eac.cpi)]).toEqual(["2615.38", "2615384615.38"]);
  });
});
