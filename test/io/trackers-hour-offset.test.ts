import { describe, expect, it } from "vitest";
import { AZURE_DEVOPS_JSON_PROFILE, readTrackerJson, trackerDate } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";

// ISO 8601 allows an offset of hours only (`+05`, `-03`); before, such an instant was not recognised as one, so with
// `timeZone` it was read as the day written: 2026-11-21T02:00:00+05 (= 2026-11-20T21:00Z) counted as 21 November in
// UTC. Text after the date that is no time or offset (`+5`, `junk`) was ignored too (`2026-11-20junk` → 2026-11-20).
describe("tracker ISO dates: hours-only offsets and strictness", () => {
  it("an hours-only offset is converted like ±hh:mm", () => {
    // 02:00 at +05 is 21:00Z on the 20th.
    expect(trackerDate("2026-11-21T02:00:00+05", "iso", "UTC")).toBe("2026-11-20");
    expect(trackerDate("2026-11-21T02:00:00+05:00", "iso", "UTC")).toBe("2026-11-20"); // the same instant
    // 22:00 at −03 is 01:00Z on the 21st, 02:00 in Berlin (UTC+1 in November).
    expect(trackerDate("2026-11-20T22:00:00-03", "iso", "Europe/Berlin")).toBe("2026-11-21");
    // 10:00 at +05 is 05:00Z: the same day in UTC; without a zone the day as written.
    expect(trackerDate("2026-11-20T10:00:00+05", "iso", "UTC")).toBe("2026-11-20");
    expect(trackerDate("2026-11-21T02:00:00+05", "iso")).toBe("2026-11-21");
  });

  it("an Azure DevOps ClosedDate with +05 is the day in the team's zone", () => {
    const doc = JSON.stringify({ count: 2, value: [
      { id: 1, fields: { "System.WorkItemType": "Feature", "System.State": "Active", "System.Title": "f" } },
      { id: 2, fields: { "System.WorkItemType": "User Story", "System.State": "Closed", "System.Title": "s", "System.Parent": 1, "Microsoft.VSTS.Scheduling.StoryPoints": 3, "Microsoft.VSTS.Common.ClosedDate": "2026-11-21T02:00:00+05" } },
    ] });
    expect(readTrackerJson(doc, AZURE_DEVOPS_JSON_PROFILE, { timeZone: "America/New_York" }).items[1]!.resolved).toBe("2026-11-20");
  });

  it.each(["2026-11-20T10:00:00+5", "2026-11-20T10:00:00+05:3", "2026-11-20junk", "2026-11-20T25:00:00Z", "2026-11-20T10:00:00+24:00"])("refuses %j rather than reading a day from its start", (text) => {
    expect(validationErrorOf(() => trackerDate(text, "iso", "UTC")).issues[0]!.message).toBe(`"${text}" is not a iso date`);
    expect(validationErrorOf(() => trackerDate(text, "iso")).issues[0]!.message).toBe(`"${text}" is not a iso date`);
  });

  it("still reads a plain date, a local date-time and the forms it read before", () => {
    expect(["2026-11-20", "2026-11-20T10:00", "2026-11-20 10:00:00", "2026-11-20T10:00:00.123+0100", "2026-11-20T10:00:00Z"].map((t) => trackerDate(t, "iso"))).toEqual(Array(5).fill("2026-11-20"));
  });
});
