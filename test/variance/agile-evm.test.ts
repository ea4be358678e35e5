import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError, money } from "../../src/core/index.js";
import { agileEarnedValue } from "../../src/variance/index.js";

const eur = (a: string) => money(a, "EUR");
const FINISHES = ["2026-09-11", "2026-09-25", "2026-10-09", "2026-10-23", "2026-11-06", "2026-11-20"];
const SPRINTS = FINISHES.map((finish, i) => ({ name: `Sprint ${i + 1}`, finish }));

/**
 * The worked example of docs/earned-value.md: a release of EUR 120,000 over 6 two-week sprints, 150 points of scope.
 * At 2026-10-23 four sprints have ended and 90 points are done; EUR 78,000 is booked by then (EUR 5,000 after it).
 */
const example = () =>
  agileEarnedValue(
    {
      budget: eur("120000.00"),
      sprints: SPRINTS,
      totalPoints: "150",
      completedPoints: 90,
      costs: [
        { id: "c1", date: "2026-09-11", amount: eur("20000.00") },
        { id: "c2", date: "2026-09-25", amount: eur("19500.00") },
        { id: "c3", date: "2026-10-09", amount: eur("19000.00") },
        { id: "c4", date: "2026-10-23", amount: eur("19500.00") },
        { id: "c5", date: "2026-10-30", amount: eur("5000.00") },
      ],
    },
    { statusDate: "2026-10-23" },
  );

describe("agileEarnedValue", () => {
  it("worked example: PV from sprints, EV from points, AC from costs", () => {
    const r = example();
    const f = r.figures;
    expect([r.completedSprints, r.plannedSprints, r.excludedCosts]).toEqual([4, 6, ["c5"]]);
    // PPC = 4 / 6; PV = 120,000 × 4 / 6 = 80,000.
    expect(f.pv.value?.amount.toFixed(2)).toBe("80000.00");
    // APC = 90 / 150 = 60 %; EV = 120,000 × 90 / 150 = 72,000.
    expect(f.percentComplete.value?.toFixed()).toBe("60");
    expect(f.ev.value?.amount.toFixed(2)).toBe("72000.00");
    // AC = 20,000 + 19,500 + 19,000 + 19,500 = 78,000 (c5 is after the status date).
    expect(f.ac.value?.amount.toFixed(2)).toBe("78000.00");
    // SV = 72,000 − 80,000 = −8,000; CV = 72,000 − 78,000 = −6,000.
    expect([f.sv.value?.amount.toFixed(2), f.cv.value?.amount.toFixed(2)]).toEqual(["-8000.00", "-6000.00"]);
    // SPI = 72 / 80 = 0.9; CPI = 72 / 78 = 0.923076…
    expect(f.spi.value?.toFixed()).toBe("0.9");
    expect(f.cpi.value?.toFixed(6)).toBe("0.923077");
    // EAC = BAC / CPI = 120,000 × 78 / 72 = 130,000; ETC = 130,000 − 78,000 = 52,000; VAC = −10,000.
    expect(f.eac.value?.amount.toDecimalPlaces(2).toFixed(2)).toBe("130000.00");
    expect(f.etc.value?.amount.toDecimalPlaces(2).toFixed(2)).toBe("52000.00");
    expect(f.vac.value?.amount.toDecimalPlaces(2).toFixed(2)).toBe("-10000.00");
    // Forecast: 6 / 0.9 = 6.67 sprints, so a seventh sprint.
    expect(f.forecastSprints.value?.toDecimalPlaces(2).toFixed()).toBe("6.67");
    expect(f.plannedPercentComplete.value?.toDecimalPlaces(2).toFixed()).toBe("66.67");
  });

  it("gives reasons, not numbers, where a figure cannot be computed", () => {
    // Before the first sprint ends PV is 0, so SPI and the forecast are missing; no cost yet, so CPI and EAC too.
    const early = agileEarnedValue({ budget: eur("100"), sprints: SPRINTS, totalPoints: 10, completedPoints: 0, costs: [] }, { statusDate: "2026-09-01" });
    expect([early.figures.spi.reason, early.figures.forecastSprints.reason, early.figures.cpi.reason, early.figures.eac.reason]).toEqual(["pv-is-zero", "pv-is-zero", "ac-is-zero", "ac-is-zero"]);
    const empty = agileEarnedValue({ budget: eur("100"), sprints: SPRINTS, totalPoints: 0, completedPoints: 0, costs: [] }, { statusDate: "2026-10-01" });
    expect([empty.figures.ev.reason, empty.figures.percentComplete.reason, empty.figures.spi.reason]).toEqual(["no-scope", "no-scope", "no-scope"]);
  });

  it("refuses bad input with paths", () => {
    const bad = (over: object) => () => agileEarnedValue({ budget: eur("100"), sprints: SPRINTS, totalPoints: 10, completedPoints: 5, costs: [], ...over }, { statusDate: "2026-10-01" });
    expect(bad({ completedPoints: 11 })).toThrow(ValidationError);
    expect(bad({ sprints: [] })).toThrow(/at least one planned sprint/);
    expect(bad({ costs: [{ date: "2026-09-01", amount: money("1", "USD") }] })).toThrow(/cost in USD, budget in EUR/);
    expect(bad({ totalPoints: -1 })).toThrow(/cannot be negative/);
  });

  it("property: SV = EV − PV and CV = EV − AC exactly, EV never above BAC", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 10_000_000 }), (total, doneRaw, sprintsDone, acCents) => {
        const done = Math.min(total, doneRaw);
        const status = sprintsDone === 0 ? "2026-09-01" : FINISHES[sprintsDone - 1]!;
        const r = agileEarnedValue({ budget: eur("99999.99"), sprints: SPRINTS, totalPoints: total, completedPoints: done, costs: [{ date: "2026-09-01", amount: money(acCents, "EUR") }] }, { statusDate: status });
        const f = r.figures;
        expect(f.sv.value!.amount.eq(f.ev.value!.amount.minus(f.pv.value!.amount))).toBe(true);
        expect(f.cv.value!.amount.eq(f.ev.value!.amount.minus(f.ac.value!.amount))).toBe(true);
        expect(f.ev.value!.amount.lte(f.bac.value!.amount)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("agileEarnedValue: money to the cent, once (as earnedValue)", () => {
  const three = [1, 2, 3].map((n) => ({ name: `S${n}`, finish: `2026-01-${10 * n}` }));
  it("rounds PV, EV and EAC once, half-even, and forms the rest from those cents", () => {
    // BAC 100.00 over 3 sprints, one ended by 01-15; 1 of 3 points done; AC 10.00.
    // PV = 100 × 1/3 = 33.333… → 33.33; EV = 100 × 1/3 → 33.33; SV = 0.00; CV = 33.33 − 10.00 = 23.33.
    // EAC = BAC × AC / EV = 100 × 10 / 33.33 = 30.0030003… → 30.00 (before: 30 from 100 / 3.3333…, with 34 digits,
    // and PV 33.3333333333333333333333333333333 EUR); ETC = 20.00, VAC = 70.00; CPI = 33.33 / 10 = 3.333.
    const f = agileEarnedValue({ budget: eur("100.00"), sprints: three, totalPoints: 3, completedPoints: 1, costs: [{ date: "2026-01-05", amount: eur("10.00") }] }, { statusDate: "2026-01-15" }).figures;
    const text = (m: { value?: { amount: { toFixed(): string } } }) => m.value?.amount.toFixed();
    expect([f.pv, f.ev, f.sv, f.cv, f.eac, f.etc, f.vac].map(text)).toEqual(["33.33", "33.33", "0", "23.33", "30", "20", "70"]);
    expect(f.cpi.value?.toFixed()).toBe("3.333");
    // forecast = 3 × PV / EV = 3 sprints.
    expect(f.forecastSprints.value?.toFixed()).toBe("3");
  });

  it("rounds half to even, and to the currency's own minor unit", () => {
    // BAC 1.00 EUR over 8 sprints, one ended: PV = 0.125 → 0.12 (half-even; half-up would give 0.13).
    const eight = Array.from({ length: 8 }, (_, i) => ({ name: `S${i + 1}`, finish: `2026-0${1 + Math.floor(i / 4)}-${10 + (i % 4) * 5}` }));
    const r = agileEarnedValue({ budget: eur("1.00"), sprints: eight, totalPoints: 8, completedPoints: 3, costs: [] }, { statusDate: "2026-01-12" });
    expect(r.completedSprints).toBe(1);
    expect(r.figures.pv.value?.amount.toFixed()).toBe("0.12");
    // EV = 1.00 × 3/8 = 0.375 → 0.38 (half-even: 37.5 cents, 37 is odd, so up).
    expect(r.figures.ev.value?.amount.toFixed()).toBe("0.38");
    // JPY has no minor unit: 1000 × 1/3 = 333.33… → 333 yen.
    const yen = agileEarnedValue({ budget: money("1000", "JPY"), sprints: three, totalPoints: 3, completedPoints: 1, costs: [] }, { statusDate: "2026-01-15" });
    expect(yen.figures.pv.value?.amount.toFixed()).toBe("333");
  });

  it("property: every money figure is whole cents, and CV = EV − AC, SV = EV − PV, ETC = EAC − AC exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 3 }), (cents, total, doneRaw, acCents, ended) => {
        const done = doneRaw % (total + 1);
        const amount = (c: number) => eur((c / 100).toFixed(2));
        const f = agileEarnedValue({ budget: amount(cents), sprints: three, totalPoints: total, completedPoints: done, costs: [{ date: "2026-01-01", amount: amount(acCents) }] }, { statusDate: ["2026-01-01", "2026-01-10", "2026-01-20", "2026-01-30"][ended]! }).figures;
        for (const m of [f.pv, f.ev, f.ac, f.sv, f.cv, f.eac, f.etc, f.vac]) if (m.value) expect(m.value.amount.decimalPlaces()).toBeLessThanOrEqual(2);
        expect(f.cv.value!.amount.eq(f.ev.value!.amount.minus(f.ac.value!.amount))).toBe(true);
        expect(f.sv.value!.amount.eq(f.ev.value!.amount.minus(f.pv.value!.amount))).toBe(true);
        if (f.eac.value) expect(f.etc.value!.amount.eq(f.eac.value.amount.minus(f.ac.value!.amount))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a cost listed twice, a sprint listed twice and sub-cent amounts, with paths", () => {
    const base = { budget: eur("100.00"), sprints: three, totalPoints: 3, completedPoints: 1, costs: [] as { id?: string; date: string; amount: ReturnType<typeof eur> }[] };
    const issues = (input: typeof base) => {
      try {
        agileEarnedValue(input, { statusDate: "2026-01-15" });
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues.map((i) => i.path.join("."));
      }
      return [];
    };
    // Before: the repeated cost x counted twice (AC 20.00 for one 10.00 invoice); the repeated sprint made 4 planned.
    const x = { id: "x", date: "2026-01-05", amount: eur("10.00") };
    expect(issues({ ...base, costs: [x, x] })).toEqual(["costs.1.id"]);
    expect(issues({ ...base, sprints: [...three, three[0]!] })).toEqual(["sprints.3.name"]);
    expect(issues({ ...base, budget: eur("100.005") })).toEqual(["budget"]);
    expect(issues({ ...base, costs: [{ date: "2026-01-05", amount: eur("0.001") }] })).toEqual(["costs.0.amount"]);
  });
});

describe("agileEarnedValue: scope change, nothing done, a published example (audit 2026-12-06)", () => {
  const four = ["2026-01-09", "2026-01-23", "2026-02-06", "2026-02-20"].map((finish, i) => ({ name: `S${i + 1}`, finish }));

  it("matches a published worked example: 100 points, 100,000 over 5 sprints, 30 points done after 2, 25,000 spent", () => {
    // pmservicesinc.com, "Measuring Agile Project Performance, part 2": EV = 30,000, PV = 40,000 (2 of 5 sprints),
    // SV = −10,000, CV = +5,000.
    const five = [...four, { name: "S5", finish: "2026-03-06" }];
    const f = agileEarnedValue({ budget: money("100000.00", "USD"), sprints: five, totalPoints: 100, completedPoints: 30, costs: [{ date: "2026-01-20", amount: money("25000.00", "USD") }] }, { statusDate: "2026-01-23" }).figures;
    expect([f.pv, f.ev, f.ac, f.sv, f.cv].map((m) => m.value?.amount.toFixed(2))).toEqual(["40000.00", "30000.00", "25000.00", "-10000.00", "5000.00"]);
    expect([f.spi.value?.toFixed(), f.cpi.value?.toFixed()]).toEqual(["0.75", "1.2"]);
  });

  it("scope added between sprints lowers APC and EV at the next status (the release is re-baselined in points)", () => {
    // BAC 40,000 over 4 sprints. After sprint 1: 25 of 100 points → APC 25 %, EV 10,000 = PV. 20 points are added in
    // sprint 2; after it 50 of 120 are done → APC 41.666…%, EV = 40,000 × 50 / 120 = 16,666.666… → 16,666.67,
    // PV = 20,000, SPI = 16,666.67 / 20,000 = 0.8333335 (from the shown cents, as earnedValue).
    const at = (statusDate: string, totalPoints: number, completedPoints: number) =>
      agileEarnedValue({ budget: eur("40000.00"), sprints: four, totalPoints, completedPoints, costs: [] }, { statusDate }).figures;
    const s1 = at("2026-01-09", 100, 25);
    expect([s1.pv.value?.amount.toFixed(2), s1.ev.value?.amount.toFixed(2), s1.spi.value?.toFixed()]).toEqual(["10000.00", "10000.00", "1"]);
    const s2 = at("2026-01-23", 120, 50);
    expect([s2.percentComplete.value?.toFixed(4), s2.ev.value?.amount.toFixed(2), s2.spi.value?.toFixed()]).toEqual(["41.6667", "16666.67", "0.8333335"]);
    expect(s2.plannedPercentComplete.value?.toFixed()).toBe("50");
  });

  it("zero completed points: EV 0, SPI and CPI 0, forecasts missing with ev-is-zero (never a division by zero)", () => {
    // 2 of 4 sprints ended, 0 of 100 points, 9,000 spent: EV 0.00, SV −20,000.00, CV −9,000.00, SPI 0/20,000 = 0,
    // CPI 0/9,000 = 0; EAC = BAC / CPI has no figure.
    const f = agileEarnedValue({ budget: eur("40000.00"), sprints: four, totalPoints: 100, completedPoints: 0, costs: [{ date: "2026-01-05", amount: eur("9000.00") }] }, { statusDate: "2026-01-23" }).figures;
    expect([f.ev, f.sv, f.cv].map((m) => m.value?.amount.toFixed(2))).toEqual(["0.00", "-20000.00", "-9000.00"]);
    expect([f.spi.value?.toFixed(), f.cpi.value?.toFixed()]).toEqual(["0", "0"]);
    expect([f.eac.reason, f.etc.reason, f.vac.reason, f.forecastSprints.reason]).toEqual(["ev-is-zero", "ev-is-zero", "ev-is-zero", "ev-is-zero"]);
  });

  it("after the last sprint EPC is 100 % and PV is BAC; a sprint ending on the status date has ended", () => {
    const f = agileEarnedValue({ budget: eur("40000.00"), sprints: four, totalPoints: 120, completedPoints: 90, costs: [] }, { statusDate: "2026-02-20" }).figures;
    expect([f.plannedPercentComplete.value?.toFixed(), f.pv.value?.amount.toFixed(2), f.percentComplete.value?.toFixed()]).toEqual(["100", "40000.00", "75"]);
    // forecast = 4 / 0.75 = 5.333… sprints
    expect(f.forecastSprints.value?.toFixed(4)).toBe("5.3333");
  });
});

describe("finance audit 4: a zero budget, a negative budget", () => {
  const run = (over: object) =>
    agileEarnedValue({ budget: eur("120000.00"), sprints: SPRINTS, totalPoints: 150, completedPoints: 90, costs: [{ id: "c1", date: "2026-10-01", amount: eur("78000.00") }], ...over }, { statusDate: "2026-10-23" });
  const pathsOf = (fn: () => unknown): string[] => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    }
    throw new Error("expected a ValidationError");
  };

  it("a negative budget is refused at budget", () => {
    expect(pathsOf(() => run({ budget: eur("-1.00") }))).toEqual(["budget: the release budget must not be negative"]);
  });

  it("a zero budget is taken as earnedValue takes BAC 0, with earnedValue's reasons", () => {
    // PV = 0 × 4/6 = 0.00 and EV = 0 × 90/150 = 0.00 are true figures; SV = 0.00, CV = 0 − 78,000. As earnedValue
    // gives them for BAC 0 (audit 6: one representation per quantity; audit 4 had made all six bac-is-zero): SPI 0/0
    // is pv-is-zero, CPI = 0 / 78,000 = 0, EAC, ETC and VAC ev-is-zero (BAC / 0), the sprint forecast pv-is-zero (SPI's
    // reason). APC and PPC count points and sprints, not money.
    const f = run({ budget: eur("0.00") }).figures;
    expect([f.pv, f.ev, f.sv, f.cv, f.ac].map((x) => x.value?.amount.toFixed(2))).toEqual(["0.00", "0.00", "0.00", "-78000.00", "78000.00"]);
    expect([f.spi.reason, f.cpi.value?.toFixed(), f.eac.reason, f.etc.reason, f.vac.reason, f.forecastSprints.reason]).toEqual(["pv-is-zero", "0", "ev-is-zero", "ev-is-zero", "ev-is-zero", "pv-is-zero"]);
    expect([f.percentComplete.value?.toFixed(), f.plannedPercentComplete.value?.toDecimalPlaces(2).toFixed()]).toEqual(["60", "66.67"]);
  });

});
