import { describe, expect, it } from "vitest";
import { AZURE_DEVOPS_JSON_PROFILE, JIRA_JSON_PROFILE, readTrackerJson, trackerDate, trackerToPmokit, type TrackerExport } from "../../src/io/index.js";
import { firstIssuePath } from "../support/errors.js";

// trackerToPmokit leaves out progress after asOf by comparing days as strings. Its options and a hand-built export
// were not checked: with asOf "2026-3-1", a story resolved on 2026-03-15 is not "after" it ("2026-03-15" <
// "2026-3-1"), so progress from after the status date was counted.

const exp: TrackerExport = {
  tool: "jira",
  sprints: [],
  items: [
    { key: "CRM-1", title: "Contacts", level: "package", status: "in-progress" },
    { key: "CRM-2", title: "Import", level: "unit", parentKey: "CRM-1", status: "done", points: "3", resolved: "2026-02-20" },
    { key: "CRM-3", title: "Merge", level: "unit", parentKey: "CRM-1", status: "done", points: "5", resolved: "2026-03-15" },
  ],
};
const options = { projectId: "PRJ-CRM", plannedStart: "2026-02-01", plannedFinish: "2026-04-30", asOf: "2026-03-01", importedAt: "2026-03-01T17:00:00.000Z" };

const pathOf = firstIssuePath;

describe("trackerToPmokit checks its days and times", () => {
  it("counts only what was resolved by asOf: 3 of 8 points on 2026-02-20", () => {
    const wp = trackerToPmokit(exp, options).records["work-package"][0]!;
    expect(wp.progress.map((p) => [p.date, p.unitsComplete?.toFixed()])).toEqual([["2026-02-20", "3"]]);
  });

  it("refuses option days that are not calendar dates and an importedAt that is not a UTC instant", () => {
    expect(pathOf(() => trackerToPmokit(exp, { ...options, asOf: "2026-3-1" }))).toEqual(["asOf"]);
    expect(pathOf(() => trackerToPmokit(exp, { ...options, plannedStart: "2026-02-30" }))).toEqual(["plannedStart"]);
    expect(pathOf(() => trackerToPmokit(exp, { ...options, plannedFinish: "end of April" }))).toEqual(["plannedFinish"]);
    expect(pathOf(() => trackerToPmokit(exp, { ...options, importedAt: "2026-03-01T18:00:00+01:00" }))).toEqual(["importedAt"]);
  });

  it("refuses an item's resolution day that is not a calendar date", () => {
    const bad = { ...exp, items: exp.items.map((i) => (i.key === "CRM-3" ? { ...i, resolved: "2026-3-15" } : i)) };
    expect(pathOf(() => trackerToPmokit(bad, options))).toEqual(["items", 2, "resolved"]);
  });
});

// An instant with an offset is read as the day written in it: "2026-11-03T01:30:00Z" is 3 November in UTC, but
// 2 November (20:30) in New York. Azure DevOps' REST dates and Jira's sprint dates are always UTC (`Z`), so without a
// zone a story closed on a US evening counted as done the next day, and a sprint started Monday 09:00 in Sydney
// (Sunday 23:00Z) began on the Sunday. `timeZone` names the team's zone; the default stays the day as written.
describe("tracker readers: the calendar day of an instant in the team's time zone", () => {
  const wi = (id: number, closed: string) => ({ id, fields: { "System.WorkItemType": id === 1 ? "Feature" : "User Story", "System.State": id === 1 ? "Active" : "Closed", "System.Title": `t${id}`, ...(id === 1 ? {} : { "System.Parent": 1, "Microsoft.VSTS.Scheduling.StoryPoints": 3, "Microsoft.VSTS.Common.ClosedDate": closed }) } });
  const ado = JSON.stringify({ count: 3, value: [wi(1, ""), wi(2, "2026-11-03T01:30:00Z"), wi(3, "2026-11-02T22:00:00.123Z")] });

  it("Azure DevOps ClosedDate (UTC): 2026-11-03T01:30Z is 2 November in New York (UTC−5), 3 November as written", () => {
    expect(readTrackerJson(ado, AZURE_DEVOPS_JSON_PROFILE).items.map((i) => i.resolved)).toEqual([undefined, "2026-11-03", "2026-11-02"]);
    expect(readTrackerJson(ado, AZURE_DEVOPS_JSON_PROFILE, { timeZone: "America/New_York" }).items.map((i) => i.resolved)).toEqual([undefined, "2026-11-02", "2026-11-02"]);
    // Berlin (UTC+1 in November): 01:30Z is 02:30 on the 3rd; 22:00Z on the 2nd is 23:00 on the 2nd.
    expect(readTrackerJson(ado, AZURE_DEVOPS_JSON_PROFILE, { timeZone: "Europe/Berlin" }).items.map((i) => i.resolved)).toEqual([undefined, "2026-11-03", "2026-11-02"]);
  });

  it("Jira sprint dates (UTC) and resolutiondate (+hhmm): a Sydney sprint starts on Monday 2026-11-30", () => {
    const sprint = { id: 8, name: "S8", state: "active", startDate: "2026-11-29T22:00:00.000Z", endDate: "2026-12-11T06:00:00.000Z" };
    const doc = JSON.stringify({ issues: [
      { id: "1", key: "A-1", fields: { summary: "e", issuetype: { name: "Epic" }, status: { name: "x", statusCategory: { key: "indeterminate" } } } },
      { id: "2", key: "A-2", fields: { summary: "s", issuetype: { name: "Story" }, status: { name: "Done", statusCategory: { key: "done" } }, parent: { key: "A-1" }, customfield_10016: 2, customfield_10020: [sprint], resolutiondate: "2026-11-30T23:30:00.000-0500" } },
    ] });
    const asWritten = readTrackerJson(doc, JIRA_JSON_PROFILE);
    expect(asWritten.sprints).toEqual([{ name: "S8", start: "2026-11-29", finish: "2026-12-11" }]);
    expect(asWritten.items[1]!.resolved).toBe("2026-11-30");
    // Sydney is UTC+11 in summer: 22:00Z on the 29th is 09:00 on Monday the 30th; 06:00Z on 11 Dec is 17:00 that day;
    // 23:30 at −05:00 on the 30th is 04:30Z on 1 Dec, 15:30 in Sydney on 1 Dec.
    const sydney = readTrackerJson(doc, JIRA_JSON_PROFILE, { timeZone: "Australia/Sydney" });
    expect(sydney.sprints).toEqual([{ name: "S8", start: "2026-11-30", finish: "2026-12-11" }]);
    expect(sydney.items[1]!.resolved).toBe("2026-12-01");
  });

  it("a day without a time (GitHub's iteration start, CSV dates) stays the day written; an unknown zone is refused", () => {
    expect(trackerDate("2026-10-26", "iso", "Pacific/Kiritimati")).toBe("2026-10-26");
    expect(trackerDate("2026-10-26T10:00:00", "iso", "Pacific/Kiritimati")).toBe("2026-10-26");
    expect(trackerDate("03/Nov/26 11:30 PM", "jira", "Asia/Tokyo")).toBe("2026-11-03");
    expect(pathOf(() => readTrackerJson(ado, AZURE_DEVOPS_JSON_PROFILE, { timeZone: "Mars/Olympus" }))).toEqual(["timeZone"]);
  });
});
