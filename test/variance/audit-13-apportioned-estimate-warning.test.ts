import { describe, expect, it } from "vitest";
import { money } from "../../src/index.js";
import { earnedValue } from "../../src/variance/index.js";
import { pkg, project, show, week } from "./fixtures.js";

/*
 * Earned-value audit 13: the estimate-after-status-date warning of an apportioned package says what its ETC is instead.
 */

describe("estimate-after-status-date on an apportioned package", () => {
  // A: percent-complete W1 1000 + W2 1000, 40 % on 01-08. Q: apportioned to A at 0.1, W1 100 + W2 100, with its own
  // estimate of 300.00 dated 2027-01-12, after the status date 01-10.
  const a = pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000.00"), week(2, "1000.00")], progress: [{ date: "2027-01-08", percentComplete: "40" }] });
  const q = pkg({ id: "Q", rule: { type: "apportioned", basePackageId: "A", factor: "0.1" }, slices: [week(1, "100.00"), week(2, "100.00")] });
  const withEtc = <T extends typeof a>(p: T, amount: string, asOf: string) => ({ ...p, estimateToComplete: { amount: money(amount, "EUR"), asOf } }) as T;
  const warning = (r: ReturnType<typeof earnedValue>) => r.warnings.find((x) => x.code === "estimate-after-status-date")?.message;

  it("the base has an estimate: Q's ETC is 0.1 × A's 1500 = 150.00, and the warning says so (it said no-estimate)", () => {
    const r = earnedValue(project([withEtc(a, "1500.00", "2027-01-09"), withEtc(q, "300.00", "2027-01-12")], []), { statusDate: "2027-01-10" });
    expect(r.packages.map((p) => show(p.figures.etc.bottomUp))).toEqual(["1500.00", "150.00"]);
    expect(warning(r)).toBe("the estimate to complete of Q is dated after the status date: not used (its ETC is its factor × its base's)");
  });

  it("the base has none: Q has no estimate either, and the warning says no-estimate", () => {
    const r = earnedValue(project([a, withEtc(q, "300.00", "2027-01-12")], []), { statusDate: "2027-01-10" });
    expect(show(r.packages[1]!.figures.etc.bottomUp)).toBe("<no-estimate>");
    expect(warning(r)).toBe("the estimate to complete of Q is dated after the status date: not used (no-estimate)");
  });
});
