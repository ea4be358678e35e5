// gates21 audit: burnRate's bucket counts took only JavaScript numbers, where requestErrorBudget and burnRateAlerts
// take the same counts as decimal strings too ("100000", as a CSV export gives them): a string was refused. They now
// take either; a number beyond 2^53 − 1 is still refused at its bucket (it is no longer the number written).
import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/core/index.js";
import { burnRate, requestErrorBudget } from "../../src/kpi/index.js";
import { firstIssuePath } from "../support/errors.js";

const day = isoDate("2026-11-20");

describe("burnRate takes its counts as the other SLO functions do", () => {
  it("string counts give the figures numbers give (was: a ValidationError at [0])", () => {
    // By hand: 500 bad of 100 000 = 0.5 % error rate; ÷ (1 − 0.999) = 5; availability 99.5 %.
    const r = burnRate([{ date: day, total: "100000", bad: "500" }], { slo: "0.999" });
    expect([r.burnRate.value?.toFixed(), r.availabilityPercent.value?.toFixed(), r.total, r.bad]).toEqual(["5", "99.5", 100000, 500]);
    expect(r.burnRate.value?.toFixed()).toBe(requestErrorBudget({ slo: "0.999", good: "99500", total: "100000" }).burnRate.value?.toFixed());
  });

  it("a fraction, a negative or more bad than total in a string is refused at its bucket; a sum beyond 2^53 − 1 at [total]", () => {
    expect(firstIssuePath(() => burnRate([{ date: day, total: "10.5", bad: "0" }], { slo: "0.99" }))).toEqual([0]);
    expect(firstIssuePath(() => burnRate([{ date: day, total: "10", bad: "11" }], { slo: "0.99" }))).toEqual([0]);
    expect(firstIssuePath(() => burnRate([{ date: day, total: "9007199254740993", bad: "1" }], { slo: "0.99" }))).toEqual(["total"]);
  });
});
