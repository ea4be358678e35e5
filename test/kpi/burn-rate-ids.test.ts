import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/index.js";
import { burnRate } from "../../src/kpi/index.js";
import { firstIssuePath, validationErrorOf } from "../support/errors.js";

// burnRate summed every bucket it was given: a bucket listed twice (an export repeated after an edit) counted twice.
// A: 1 000 requests, 20 bad; B: 1 000 requests, 0 bad; SLO 99.9 % → allowed error rate 0.001.
// True burn rate: (20 + 0) ÷ (1 000 + 1 000) = 0.01, ÷ 0.001 = 10. With A twice: 40 ÷ 3 000 = 0.01333…, ÷ 0.001 = 13.33.
const a = { id: "A", date: isoDate("2026-11-20"), total: 1000, bad: 20 };
const b = { id: "B", date: isoDate("2026-11-20"), total: 1000, bad: 0 };

describe("burnRate refuses a bucket listed twice", () => {
  it("names the repeated bucket at [i, \"id\"], as outages and kpiRatio records do", () => {
    const e = validationErrorOf(() => burnRate([a, b, a], { slo: "0.999" }));
    expect(e.issues.map((i) => i.path)).toEqual([[2, "id"]]);
    expect(e.issues[0]!.message).toMatch(/"A".*twice/);
    expect(burnRate([a, b], { slo: "0.999" }).burnRate.value!.toFixed()).toBe("10");
  });

  it("a duplicate outside the period is still refused (the input must not change meaning with the period)", () => {
    const old = { ...a, date: isoDate("2026-10-01") };
    expect(firstIssuePath(() => burnRate([old, b, old], { slo: "0.999", period: { from: isoDate("2026-11-01") } }))).toEqual([2, "id"]);
  });

  it("an id that is not a string is refused at its path (it could not be told apart)", () => {
    expect(firstIssuePath(() => burnRate([a, { ...b, id: 7 as unknown as string }], { slo: "0.999" }))).toEqual([1, "id"]);
  });

  it("buckets without ids are still summed as given (the id is optional)", () => {
    // Two unnamed buckets on the same day are two hours of that day: (20 + 0) ÷ 2 000 ÷ 0.001 = 10.
    const r = burnRate([{ date: a.date, total: 1000, bad: 20 }, { date: a.date, total: 1000, bad: 0 }], { slo: "0.999" });
    expect(r.burnRate.value!.toFixed()).toBe("10");
    expect([r.total, r.bad]).toEqual([2000, 20]);
  });
});
