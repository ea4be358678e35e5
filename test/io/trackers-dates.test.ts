import { describe, expect, it } from "vitest";
import { trackerToPmokit, type TrackerExport } from "../../src/io/index.js";
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
