import { describe, expect, it } from "vitest";
import { JIRA_JSON_PROFILE, readTrackerCsv, readTrackerJson, readTrackerProfile, trackerProfileSchema, trackerToPmokit, type TrackerProfile } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";

const MAP = { projectId: "PRJ-CRM", plannedStart: "2026-09-01", plannedFinish: "2027-03-31", asOf: "2026-11-20", importedAt: "2026-11-20T17:00:00.000Z" };

// A tracker none of the built-in profiles knows (a YouTrack-like JSON export): issues under `data`, the epic named by
// `parent.idReadable`, points in `estimate`, resolution instants in `resolvedAt`.
const YOUTRACK: TrackerProfile = {
  tool: "youtrack",
  itemsPath: "data",
  fields: { key: ["idReadable"], title: ["summary"], type: ["type"], status: ["state"], parent: ["parent", "idReadable"], points: ["estimate"], resolved: ["resolvedAt"] },
  packageTypes: ["Epic"],
  doneStates: ["Fixed", "Verified"],
  inProgressStates: ["In Progress"],
  toDoStates: ["Submitted", "Open"],
  dateFormat: "iso",
};
const EXPORT = JSON.stringify({ data: [
  { idReadable: "YT-1", summary: "Checkout", type: "Epic", state: "Open" },
  { idReadable: "YT-2", summary: "Pay by card", type: "Task", state: "Fixed", parent: { idReadable: "YT-1" }, estimate: 3, resolvedAt: "2026-11-05" },
  { idReadable: "YT-3", summary: "Pay by invoice", type: "Task", state: "Open", parent: { idReadable: "YT-1" }, estimate: 5 },
] });

// Before: only the five built-in profiles had a schema; a profile read from a file was taken as it was, so a typo
// (`doneState`) or a path given as a number fell through to "every item to do" or a TypeError. After: a user profile
// of the built-ins' shape is checked by trackerProfileSchema (zod) — in readTrackerProfile and in both readers — and a
// bad one is a ValidationError at its path.
describe("user-supplied tracker profiles", () => {
  it("reads a tool none of the built-ins knows: 3 of 8 points done on 2026-11-05", () => {
    const profile = readTrackerProfile(JSON.stringify(YOUTRACK));
    const { records } = trackerToPmokit(readTrackerJson(EXPORT, profile), MAP);
    const wp = records["work-package"][0]!;
    expect(wp.earningRule.type === "units" && wp.earningRule.totalUnits.toFixed()).toBe("8"); // 3 + 5
    expect(wp.progress.map((p) => [p.date, p.unitsComplete?.toFixed()])).toEqual([["2026-11-05", "3"]]);
  });

  it("the built-ins pass the schema", () => {
    expect(trackerProfileSchema.safeParse(JIRA_JSON_PROFILE).success).toBe(true);
  });

  it("refuses a malformed profile with the zod path of each problem", () => {
    const bad = { ...YOUTRACK, doneState: ["Fixed"], fields: { ...YOUTRACK.fields, points: 7 }, dateFormat: "dd.mm.yyyy" };
    const e = validationErrorOf(() => readTrackerProfile(JSON.stringify(bad)));
    expect(e.issues.map((i) => i.path.join(".")).sort()).toEqual(["", "dateFormat", "fields.points"]);
    expect(e.issues.find((i) => i.path.length === 0)!.message).toContain("doneState");
    // The readers check a profile given in code the same way, at ["profile", …].
    expect(validationErrorOf(() => readTrackerJson(EXPORT, bad as never)).issues.map((i) => i.path.join(".")).sort()).toEqual(["profile", "profile.dateFormat", "profile.fields.points"]);
  });

  it("refuses JSON that is no object, a key given twice, and a property path as a CSV column", () => {
    expect(validationErrorOf(() => readTrackerProfile("[]")).issues[0]!.path).toEqual([]);
    expect(validationErrorOf(() => readTrackerProfile('{"tool":"a","tool":"b"}')).issues[0]!.path).toEqual(["tool"]);
    // A CSV export has columns, not property paths: ["summary"] would match no column and leave every title empty.
    const e = validationErrorOf(() => readTrackerCsv("idReadable,summary\nYT-1,x\n", { ...YOUTRACK, fields: { ...YOUTRACK.fields, key: "idReadable" } }));
    expect(e.issues.map((i) => i.path)).toEqual([["profile", "fields", "title"], ["profile", "fields", "type"], ["profile", "fields", "status"], ["profile", "fields", "parent"], ["profile", "fields", "points"], ["profile", "fields", "resolved"]]);
  });

  it("trims the names of a profile file: a column \"Summary \" still finds the Summary column", () => {
    // Before the schema returned its parsed (trimmed) value, "Summary " matched no column and every title was the key.
    const profile = readTrackerProfile(JSON.stringify({ tool: "sheet", fields: { key: "Key ", title: "Summary ", status: "State" }, packageTypes: [], doneStates: ["Done "], inProgressStates: [], dateFormat: "iso" }));
    const items = readTrackerCsv("Key,Summary,State\nA-1,Pay by card,Done\n", profile).items;
    expect(items.map((i) => [i.key, i.title, i.status])).toEqual([["A-1", "Pay by card", "done"]]);
  });
});
