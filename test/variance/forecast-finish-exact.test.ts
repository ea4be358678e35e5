import { describe, expect, it } from "vitest";
import { earnedValue, earnedValueInputFromRows } from "../../src/index.js";

/*
 * The point forecast's day is read from the exact IEAC(t), not from a 34-digit decimal that was rounded three times.
 *
 * One package A (units, 180 in all), 900.00 a week for four weeks from Mon 2027-01-04: BAC 3600, PD = 20 working days.
 * Status Sun 2027-01-10, the first week's end (30 units done on Fri 01-08): AT = 5; EV = 3600 × 30/180 = 600, AC = 600
 * (CPI = 1). The week end's PV is 900 > EV, so ES interpolates from the origin: ES = 600/900 × 5 = 10/3 working days,
 * SPI(t) = (10/3)/5 = 2/3, and
 *   IEAC(t) = AT + (PD − ES) / SPI(t) = 5 + (50/3) / (2/3) = 5 + 25 = 30 working days (= PD / SPI(t) = 20 × 3/2),
 * the 30th working day from Mon 2027-01-04: Fri 2027-02-12. With PF = SPI(t) · CPI the same, CPI being 1.
 * In 34-digit decimals ES = 3.333…3 (rounded down), SPI(t) = 0.666…6, and IEAC(t) came to
 * 30.00000000000000000000000000000001: rounded up, the 31st working day, Mon 2027-02-15.
 * (Read on Fri 01-08 the status date is inside the week: ES then reads the partial week up to it, PV 642.86 at AT = 5,
 * ES = 600/642.86 × 5. Sunday keeps the derivation at the week's end; audit ev17.)
 */
const day = (k: number) => new Date(Date.UTC(2027, 0, 4 + k)).toISOString().slice(0, 10);
const input = earnedValueInputFromRows({
  project: { id: "P", currency: "EUR" },
  packages: [{ id: "A", rule: { type: "units", totalUnits: 180, unitName: "part" }, budget: Array.from({ length: 4 }, (_, i) => ({ start: day(7 * i), finish: day(7 * i + 6), amount: 900 })) }],
  progress: [{ package: "A", date: "2027-01-08", unitsComplete: 30 }],
  actuals: [{ package: "A", date: "2027-01-08", amount: 600 }],
});

describe("earnedValue: the forecast finish date is exact", () => {
  it("IEAC(t) = 30 working days exactly: Fri 2027-02-12 (it read 30.00…01 and Mon 2027-02-15)", () => {
    const r = earnedValue(input, { statusDate: "2027-01-10" });
    expect(r.figures.ev.value?.amount.toFixed(2)).toBe("600.00");
    const s = r.schedule;
    expect(s.at.value?.toString()).toBe("5");
    expect(s.es.value?.toFixed(6)).toBe("3.333333");
    expect(s.ieacT.spiT.value?.toString()).toBe("30");
    expect(s.ieacT.spiTCpi.value?.toString()).toBe("30");
    expect(s.forecastFinish.spiT.value).toBe("2027-02-12");
    expect(s.forecastFinish.spiTCpi.value).toBe("2027-02-12");
    // PF = 1: 5 + 50/3 = 21.67 working days, the 22nd: Tue 2027-02-02.
    expect(s.ieacT.planned.value?.toFixed(2)).toBe("21.67");
    expect(s.forecastFinish.planned.value).toBe("2027-02-02");
  });

  it("in periods (weekly): ES = 2/3 of week 1, AT = 1 week, IEAC(t) = PD / SPI(t) = 4 × 3/2 = 6 weeks: Fri 2027-02-12", () => {
    const s = earnedValue(input, { statusDate: "2027-01-10", policy: { timeUnit: "periods" } }).schedule;
    expect(s.at.value?.toString()).toBe("1");
    expect(s.es.value?.toFixed(6)).toBe("0.666667");
    expect(s.ieacT.spiT.value?.toString()).toBe("6");
    // Six whole weeks from the start: the last working day of period 6 (it was its end, Sun 2027-02-14), as in working days.
    expect(s.forecastFinish.spiT.value).toBe("2027-02-12");
  });
});
