// gates21 audit: a reporting period with a misspelt end (`until`, `To`) was read as open-ended, so a Q1 KPI counted
// every later record too; and a `periodToDate(...)` result passed whole (its `period` inside) read as no period at all.
import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/core/index.js";
import { changeFailureRate, onTimeDelivery, periodToDate, quarterPeriod } from "../../src/kpi/index.js";
import { issuesOf } from "../support/errors.js";

const d = isoDate;
// Closed in Q1 on time (A), in June late (B).
const projects = [
  { id: "A", closedOn: d("2026-02-10"), baselineFinish: d("2026-02-10"), actualFinish: d("2026-02-10") },
  { id: "B", closedOn: d("2026-06-15"), baselineFinish: d("2026-05-01"), actualFinish: d("2026-06-15") },
];

describe("KPI periods refuse keys they do not know", () => {
  it("onTimeDelivery over Q1 with `until` for `to` was 50 % (B, closed in June, counted); now a ValidationError at [period, until]", () => {
    // Was: { from: 2026-01-01 } and no end: A on time, B late → 1 ÷ 2 = 50 %. Over Q1 it is A alone: 100 %.
    const typo = { from: d("2026-01-01"), until: d("2026-03-31") } as never;
    expect(issuesOf(() => onTimeDelivery(projects, { period: typo }))).toEqual([["period.until", "unknown option (KPI period takes from, to)"]]);
    expect(onTimeDelivery(projects, { period: quarterPeriod(2026, 1) }).percent.value?.toString()).toBe("100");
  });

  it("a periodToDate result passed whole (not its .period) counted every change; now refused at its keys", () => {
    const q1 = periodToDate(quarterPeriod(2026, 1), d("2026-03-31"));
    const changes = [{ id: "C1", date: d("2026-02-01"), failed: false }, { id: "C2", date: d("2026-07-01"), failed: true }];
    // Was: 1 failed of 2 = 50 %. Over Q1 (its .period) it is 0 of 1 = 0 %.
    expect(issuesOf(() => changeFailureRate(changes, { period: q1 as never })).map(([p]) => p)).toEqual(["period.period", "period.partial", "period.daysCounted", "period.daysInPeriod"]);
    expect(changeFailureRate(changes, { period: q1.period }).percent.value?.toString()).toBe("0");
  });
});
