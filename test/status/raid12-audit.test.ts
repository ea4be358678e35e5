import { describe, expect, it } from "vitest";
import { decimal, decodeEntity, isoDate, metric, type Action, type Issue } from "../../src/index.js";
import { DEFAULT_RAG_RULES, issueAgeing, overdueActions, ragStatus } from "../../src/status/index.js";

// Hand-derived audit of issueAgeing (raid12, item 3). I-1 raised 03-01, due 03-05, resolved 03-10, reopened 03-15
// (open now); I-2 raised 03-08, open, no due day.
const issue = (id: string, extra: Record<string, unknown>) =>
  decodeEntity("issue", {
    id, version: 2, createdAt: "2025-03-01T09:00:00.000Z", updatedAt: "2025-03-15T09:00:00.000Z", projectId: "P", title: id,
    severity: "high", ownerId: "p-o", ...extra,
  }) as Issue;
const i1 = issue("I-1", { raisedOn: "2025-03-01", dueDate: "2025-03-05", status: "open", closings: [{ resolvedOn: "2025-03-10", reopenedOn: "2025-03-15" }] });
const i2 = issue("I-2", { raisedOn: "2025-03-08", status: "open" });

describe("issueAgeing against a hand-derived case", () => {
  it("03-09: I-1 open 8 days, 4 overdue; I-2 open 1 day; average (8 + 1) / 2 = 4.5", () => {
    const a = issueAgeing([i1, i2], { asOf: isoDate("2025-03-09") });
    expect(a.issues.map((x) => [x.issueId, x.open, x.ageDays, x.overdue, x.daysOverdue])).toEqual([["I-1", true, 8, true, 4], ["I-2", true, 1, false, 0]]);
    expect(a.averageOpenAgeDays.value?.toFixed()).toBe("4.5");
  });
  it("03-12: I-1 resolved then (aged 9 days to 03-10, not overdue); I-2 open 4 days; average 4", () => {
    const a = issueAgeing([i1, i2], { asOf: isoDate("2025-03-12") });
    expect(a.issues.map((x) => [x.issueId, x.open, x.ageDays, x.overdue])).toEqual([["I-1", false, 9, false], ["I-2", true, 4, false]]);
    expect(a.averageOpenAgeDays.value?.toFixed()).toBe("4");
  });
  it("03-20: I-1 open again, 19 days from raising, 15 days overdue; I-2 12 days; average 15.5", () => {
    const a = issueAgeing([i1, i2], { asOf: isoDate("2025-03-20") });
    expect(a.issues.map((x) => [x.issueId, x.open, x.ageDays, x.overdue, x.daysOverdue])).toEqual([["I-1", true, 19, true, 15], ["I-2", true, 12, false, 0]]);
    expect(a.averageOpenAgeDays.value?.toFixed()).toBe("15.5");
  });
});

// ACT-1 created 03-01, due 03-05, done 03-10, reopened 03-15, cancelled 03-20.
const act = decodeEntity("action", {
  id: "ACT-1", version: 3, createdAt: "2025-03-01T09:00:00.000Z", updatedAt: "2025-03-20T09:00:00.000Z", projectId: "P", title: "t", ownerId: "p-o",
  dueDate: "2025-03-05", status: "cancelled", cancelledOn: "2025-03-20", closings: [{ completedOn: "2025-03-10", reopenedOn: "2025-03-15" }],
}) as Action;

describe("overdueActions against a hand-derived case", () => {
  it("03-09: 4 days overdue (done only on 03-10); 03-12: done then; 03-17: 12 days overdue (cancelled only on 03-20); 03-21: cancelled", () => {
    const on = (day: string) => overdueActions([act], { asOf: isoDate(day) }).map((a) => [a.daysOverdue, a.statusUnknown, a.why]);
    expect(on("2025-03-09")).toEqual([[4, false, "done only on 2025-03-10, after 2025-03-09"]]);
    expect(on("2025-03-12")).toEqual([]);
    expect(on("2025-03-17")).toEqual([[12, false, "cancelled only on 2025-03-20, after 2025-03-17"]]);
    expect(on("2025-03-21")).toEqual([]);
  });
});

describe("the default finish-slip tolerance rule against a hand-derived case", () => {
  // Tolerance 20 days, amber share 0.8: amber from 0.8 × 20 = 16 days, red above 20.
  const rules = DEFAULT_RAG_RULES.filter((r) => r.id === "schedule-finish-tolerance");
  const colour = (days: string) => ragStatus({ id: "P" }, { asOf: isoDate("2026-11-20"), rules, figures: { finishSlipDays: metric(decimal(days)) } }).dimensions[0]!.colour;
  it("15 green, 16 amber, 20 amber, 20.5 red", () => {
    expect(["15", "16", "20", "20.5"].map(colour)).toEqual(["green", "amber", "amber", "red"]);
  });
});
