import { describe, expect, it } from "vitest";
import { decimal } from "../../src/core/index.js";
import { finishDistributionChart } from "../../src/reports/index.js";

describe("finish distribution tooltips", () => {
  it("never read 100.0% short of it nor 0.0% above it (rounded as the reports round percentages)", () => {
    const svg = finishDistributionChart({
      title: "Finish dates",
      bins: [
        { from: "2027-01-04", to: "2027-01-08", count: 1, cumulative: 0.0004 },
        { from: "2027-01-11", to: "2027-01-15", count: 2399, cumulative: 0.24 },
        { from: "2027-01-18", to: "2027-01-22", count: 7593, cumulative: 0.9996 },
        { from: "2027-01-25", to: "2027-01-29", count: 2, cumulative: decimal("0.99951") },
        { from: "2027-02-01", to: "2027-02-05", count: 5, cumulative: 1 },
      ],
    });
    const shares = [...svg.matchAll(/iterations, ([^ ]+) by/g)].map((m) => m[1]);
    // Before: "0.0%" and "100.0%" for 0.04 % and 99.96 % (toFixed(1) of the share × 100).
    // 0.0004 → 0.04 %: one place gives 0.0, so two; 0.9996 → 99.96 %; 0.99951 → 99.951 % → two places 99.95.
    expect(shares).toEqual(["0.04%", "24.0%", "99.96%", "99.95%", "100.0%"]);
  });
});
