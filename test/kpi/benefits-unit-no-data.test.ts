import { describe, expect, it } from "vitest";
import { isoDate, money } from "../../src/index.js";
import { benefitsRealisation } from "../../src/kpi/index.js";

// A unit whose benefits were all measured outside the period vanished from `nonMonetary` ({}), while the monetary
// group said no-data: the unit is now listed with no-data too.

const monetary = [{ id: "B1", date: isoDate("2026-12-31"), planned: money("100.00", "EUR"), actual: money("80.00", "EUR") }];
const hours = [
  { id: "B2", date: isoDate("2026-12-31"), unit: "hours", planned: "100", actual: "50" },
  { id: "B3", date: isoDate("2027-01-31"), unit: "t CO2e", planned: "8", actual: "6" },
];

describe("benefitsRealisation: a unit with nothing measured in the period", () => {
  it("is listed with no-data, as the monetary group is", () => {
    const r = benefitsRealisation({ monetary, nonMonetary: hours }, { currency: "EUR", period: { from: isoDate("2027-01-01") } });
    expect(r.monetary.percent).toEqual({ reason: "no-data", detail: "no monetary benefit measured in the period" });
    // Before: nonMonetary had no "hours" entry at all.
    expect(r.nonMonetary["hours"]!.percent).toEqual({ reason: "no-data", detail: "no benefit in hours measured in the period" });
    expect(r.nonMonetary["hours"]!.planned.toFixed()).toBe("0");
    // t CO2e measured 2027-01-31, in the period: 6 ÷ 8 = 75 %.
    expect(r.nonMonetary["t CO2e"]!.percent.value!.toFixed()).toBe("75");
    expect(Object.keys(r.nonMonetary)).toEqual(["hours", "t CO2e"]);
  });

  it("the period's first day is in it: a benefit measured on it counts", () => {
    const r = benefitsRealisation({ nonMonetary: hours }, { currency: "EUR", period: { from: isoDate("2026-12-31"), to: isoDate("2026-12-31") } });
    // 50 ÷ 100 = 50 %; t CO2e only after the period → no-data.
    expect(r.nonMonetary["hours"]!.percent.value!.toFixed()).toBe("50");
    expect(r.nonMonetary["t CO2e"]!.percent.reason).toBe("no-data");
  });
});
