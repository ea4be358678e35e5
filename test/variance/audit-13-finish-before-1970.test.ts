import { describe, expect, it } from "vitest";
import { earnedValue, periodGrid } from "../../src/variance/index.js";
import { baselineOf, cost, pkg, project, show } from "./fixtures.js";

/*
 * Earned-value audit 13: a finish before 1970-01-01 (a negative epoch day) is a finish: the "no finish" sentinel was −1, day 1969-12-31.
 */

const slice = (start: string, finish: string, amount: string) => ({ start, finish, amount: { amount, currency: "EUR" } });

describe("a package finished before 1970-01-01 reads as finished", () => {
  it("finished on 1969-12-31 (epoch day −1): finished, complete, actual finish, ETC 0, AT frozen at the finish", () => {
    // A: 0/100, BAC 100.00 over Mon 1969-12-01 … Wed 1969-12-31, finished on 1969-12-31 (epoch day −1, which was the
    // "no finish" sentinel). Q: apportioned to A at 0.1, BAC 10.00, finished with its base on A's day.
    // Status Sat 1970-01-10. AT frozen at 1969-12-31: December 1969 has 23 working days (Mon 1 … Wed 31), = PD.
    // Before: finished false, actualFinish undefined, bottom-up EAC no-estimate, AT 30 (7 more to Fri 1970-01-09).
    const a = pkg({ id: "A", rule: { type: "0/100" }, slices: [slice("1969-12-01", "1969-12-31", "100.00")], progress: [{ date: "1969-12-31", finished: true }] });
    const q = pkg({ id: "Q", rule: { type: "apportioned", basePackageId: "A", factor: "0.1" }, slices: [slice("1969-12-01", "1969-12-31", "10.00")] });
    const r = earnedValue(project([a, q], [cost("A", "1969-12-31", "120.00")], [baselineOf([a, q], 0, "PRJ-T", "1969-11-01T00:00:00.000Z")]), { statusDate: "1970-01-10" });
    expect(r.packages.map((p) => p.finished)).toEqual([true, true]);
    expect(r.complete).toBe(true);
    expect(r.actualFinish).toBe("1969-12-31");
    expect(show(r.figures.eac.bottomUp)).toBe("120.00"); // AC 120 + ETC 0
    expect([show(r.schedule.pd, 0), show(r.schedule.at, 0), show(r.schedule.svT, 0)]).toEqual(["23", "23", "0"]);
    expect(r.schedule.forecastFinish.spiT.value).toBe("1969-12-31");
  });

  it("finished on 1900-03-20, ahead of its plan: AT 14 working days, SV(t) +8 (it read AT 67, SV(t) −45)", () => {
    // Plan Thu 1900-03-01 … Fri 1900-03-30: PD = 2 + 5 + 5 + 5 + 5 = 22 working days. Finished Tue 1900-03-20:
    // AT = 2 + 5 + 5 + 2 = 14. Complete, so ES = PD = 22 and SV(t) = 22 − 14 = +8, SPI(t) = 22 / 14 = 1.57.
    const a = pkg({ id: "A", rule: { type: "0/100" }, slices: [slice("1900-03-01", "1900-03-30", "100.00")], progress: [{ date: "1900-03-20", finished: true }] });
    const r = earnedValue(project([a], [], [baselineOf([a], 0, "PRJ-T", "1900-01-01T00:00:00.000Z")]), { statusDate: "1900-06-01" });
    expect(r.packages[0]!.finished).toBe(true);
    expect(r.actualFinish).toBe("1900-03-20");
    expect([show(r.schedule.at, 0), show(r.schedule.es, 0), show(r.schedule.svT, 0), show(r.schedule.spiT)]).toEqual(["14", "22", "8", "1.57"]);
  });

  it("not finished in 1969: still not finished (the sentinel is no day at all)", () => {
    const a = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [slice("1969-12-01", "1969-12-31", "100.00")], progress: [{ date: "1969-12-15", percentComplete: "50" }] });
    const r = earnedValue(project([a], [], [baselineOf([a], 0, "PRJ-T", "1969-11-01T00:00:00.000Z")]), { statusDate: "1970-01-10" });
    expect([r.packages[0]!.finished, r.complete, r.actualFinish]).toEqual([false, false, undefined]);
  });
});

describe("a monthly grid before the year 1000", () => {
  it("labels its months with four-digit years (it built \"999-12-01\" and threw a ValidationError)", () => {
    // November 0999 … February 1000: 30, 31, 31 and 28 days (1000 is a century year not divisible by 400).
    expect(periodGrid({ kind: "monthly" }, "0999-11-15" as never, "1000-02-01" as never).periods.map((p) => `${p.label} ${p.start} ${p.finish}`)).toEqual([
      "0999-11 0999-11-01 0999-11-30", "0999-12 0999-12-01 0999-12-31", "1000-01 1000-01-01 1000-01-31", "1000-02 1000-02-01 1000-02-28",
    ]);
  });
});
