import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodGrid } from "../../src/variance/period-grid.js";
import { isoDate } from "../../src/index.js";

/*
 * The monthly grid is built from month starts (the first of the month 31 days on is the next month's): its months
 * must be the calendar months, contiguous, each labelled YYYY-MM, the first holding `from` and the last `to`.
 */
describe("monthly period grid", () => {
  it("2027-01-31 … 2028-03-01: 15 months, February 2028 of 29 days, labels YYYY-MM", () => {
    const g = periodGrid({ kind: "monthly" }, isoDate("2027-01-31"), isoDate("2028-03-01")).periods;
    expect(g.length).toBe(15); // Jan 2027 … Mar 2028
    expect(g[0]).toEqual({ label: "2027-01", start: "2027-01-01", finish: "2027-01-31" });
    expect(g[13]).toEqual({ label: "2028-02", start: "2028-02-01", finish: "2028-02-29" });
    expect(g[14]).toEqual({ label: "2028-03", start: "2028-03-01", finish: "2028-03-31" });
  });

  it("property: contiguous calendar months covering the range", () => {
    const day = fc.integer({ min: -2000, max: 40000 }).map((d) => new Date(d * 864e5).toISOString().slice(0, 10));
    fc.assert(fc.property(day, fc.integer({ min: 0, max: 800 }), (from, len) => {
      const to = new Date(Date.parse(from) + len * 864e5).toISOString().slice(0, 10);
      const g = periodGrid({ kind: "monthly" }, isoDate(from), isoDate(to)).periods;
      expect(g[0]!.start <= from && g[g.length - 1]!.finish >= to).toBe(true);
      g.forEach((p, i) => {
        expect(p.start).toBe(`${p.label}-01`);
        const next = g[i + 1];
        if (next) expect(Date.parse(next.start) - Date.parse(p.finish)).toBe(864e5);
        // The finish is the month's last day: the next day is a first.
        expect(new Date(Date.parse(p.finish) + 864e5).toISOString().slice(8, 10)).toBe("01");
      });
    }), { numRuns: 200 });
  });
});
