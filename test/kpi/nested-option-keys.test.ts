// Strict service hours: a misspelt key inside serviceAvailability's `serviceHours` (`timezone`) used to be ignored, so
// the hours were read in UTC instead of the agreed zone — availability measured over the wrong window. The bag now
// refuses a key it does not know, at ["serviceHours", key] (its errors are there, e.g. ["serviceHours", "start"]).
import { describe, expect, it } from "vitest";
import { serviceAvailability } from "../../src/kpi/index.js";
import { instant } from "../../src/core/index.js";
import { issuesOf } from "../support/errors.js";

const period = { service: "erp", from: instant("2026-03-02T00:00:00Z"), to: instant("2026-03-03T00:00:00Z") };

describe("kpi: serviceHours refuses unknown keys", () => {
  it("a misspelt timeZone was ignored and the hours ran in UTC", () => {
    const serviceHours = { weekdays: [1], start: "08:00", end: "18:00", timezone: "Europe/Berlin" } as never;
    expect(issuesOf(() => serviceAvailability([], { ...period, serviceHours }))).toEqual([
      ["serviceHours.timezone", "unknown option (serviceAvailability takes weekdays, start, end, timeZone)"],
    ]);
    // The known keys still run: Monday 2026-03-02, 08:00–18:00 Berlin (CET, UTC+1) is 600 agreed minutes.
    const r = serviceAvailability([], { ...period, serviceHours: { weekdays: [1], start: "08:00", end: "18:00", timeZone: "Europe/Berlin" } });
    expect(r.agreedMinutes.toString()).toBe("600");
  });
});
