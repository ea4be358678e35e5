import { describe, expect, it } from "vitest";
import { isoDate, resourceUtilisation } from "../../src/index.js";

// Actual utilisation divided Σ actual hours by the capacity of every row, also the rows that record no actual hours
// (a week not worked yet, a resource whose timesheets are not in): those read as 0 hours worked. A resource with no
// actual hours at all read 0 % actual utilisation — a 0 that means unknown. Actual utilisation now counts the capacity
// of the rows that record actual hours only, and is missing (`not-supplied`) when no row of the group records them.
describe("actual utilisation counts only the rows that record actual hours", () => {
  const h = [
    { resourceId: "dev-1", date: isoDate("2026-11-06"), capacityHours: 40, allocatedHours: 32, confirmedHours: 4, actualHours: 36 },
    { resourceId: "dev-1", date: isoDate("2026-11-13"), capacityHours: 40, allocatedHours: 40, actualHours: 42 },
    { resourceId: "dev-1", date: isoDate("2026-11-20"), capacityHours: 40, allocatedHours: 40 }, // not worked yet
    { resourceId: "dba-1", date: isoDate("2026-11-13"), capacityHours: "20", allocatedHours: "25" },
  ];
  const r = resourceUtilisation(h, { period: { from: isoDate("2026-11-01"), to: isoDate("2026-11-30") } });

  it("dev-1: 78 actual hours over the 80 capacity hours of the two weeks worked = 97.5 % (was 78 ÷ 120 = 65 %)", () => {
    expect(r.byResource["dev-1"]!.actualPercent.value?.toFixed()).toBe("97.5");
    // Committed and forecast still read the whole capacity: (32 + 40 + 40) ÷ 120 = 93.33…; + 4 confirmed → 96.67…
    expect(r.byResource["dev-1"]!.committedPercent.value?.toFixed(2)).toBe("93.33");
  });

  it("dba-1, no actual hours recorded: actual utilisation is not-supplied (was 0 %)", () => {
    expect(r.byResource["dba-1"]!.actualPercent).toEqual({ reason: "not-supplied", detail: "no actual hours recorded" });
  });

  it("overall: 78 ÷ 80 = 97.5 % (was 78 ÷ 140 = 55.71 %)", () => {
    expect(r.overall.actualPercent.value?.toFixed()).toBe("97.5");
  });

  it("actual hours of 0 recorded are a real 0 %", () => {
    const z = resourceUtilisation([{ resourceId: "x", date: isoDate("2026-11-06"), capacityHours: 40, allocatedHours: 0, actualHours: 0 }]);
    expect(z.overall.actualPercent.value?.toFixed()).toBe("0");
  });
});
