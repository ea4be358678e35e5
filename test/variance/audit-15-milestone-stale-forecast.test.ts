import { describe, expect, it } from "vitest";
import { decodeEntity, isoDate, type Milestone } from "../../src/index.js";
import { milestoneSlips } from "../../src/variance/index.js";
import { baselineOf, pkg, week } from "./fixtures.js";

const T = "2027-01-01T09:00:00.000Z";
const b0 = { ...baselineOf([pkg({ id: "A", rule: { type: "percent-complete" }, slices: [week(1, "1000")] })]), milestones: [{ milestoneId: "ms-live", name: "Go-live", date: isoDate("2027-01-15"), key: true }] };
const ms = (extra: Record<string, unknown>) => decodeEntity("milestone", { id: "ms-live", version: 1, createdAt: T, updatedAt: T, projectId: "PRJ-T", name: "Go-live", key: true, ...extra }) as Milestone;

describe("milestoneSlips: a forecast that has passed without the milestone being reached", () => {
  it("measures the slip to the status date, not to the passed forecast", () => {
    // Baseline Fri 2027-01-15, forecast Mon 01-18, status date Fri 01-29, no actual: the milestone was not reached on
    // its forecast either, so it cannot come before the status date. Working days Mon–Fri from 01-15 to 01-29:
    // 01-18..01-22 and 01-25..01-29 = 10. Before: slip 1 (01-15 → 01-18), a milestone two weeks overdue read one day late.
    const [m] = milestoneSlips([ms({ forecastDate: "2027-01-18" })], [b0], { statusDate: "2027-01-29" });
    expect([m!.status, m!.forecastDate, m!.slip, m!.slipFromOriginal, m!.forecastPassed]).toEqual(["overdue", "2027-01-18", 10, 10, true]);
  });

  it("a forecast on or after the status date is read as before (no flag)", () => {
    // Forecast Mon 02-01: 01-18..01-22, 01-25..01-29, 02-01 = 11 working days after 01-15.
    const [m] = milestoneSlips([ms({ forecastDate: "2027-02-01" })], [b0], { statusDate: "2027-01-29" });
    expect([m!.status, m!.slip, m!.forecastPassed]).toEqual(["overdue", 11, undefined]);
    const [same] = milestoneSlips([ms({ forecastDate: "2027-01-29" })], [b0], { statusDate: "2027-01-29" });
    expect([same!.slip, same!.forecastPassed]).toEqual([10, undefined]);
  });

  it("an achieved milestone keeps its actual date, whatever the forecast said", () => {
    // Actual Wed 01-20: 01-18, 01-19, 01-20 = 3 working days late.
    const [m] = milestoneSlips([ms({ forecastDate: "2027-01-18", actualDate: "2027-01-20" })], [b0], { statusDate: "2027-01-29" });
    expect([m!.status, m!.slip, m!.forecastPassed]).toEqual(["achieved-late", 3, undefined]);
  });
});
