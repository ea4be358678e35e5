import { describe, expect, it } from "vitest";
import {
  AZURE_DEVOPS_CSV_PROFILE, AZURE_DEVOPS_JSON_PROFILE, GITHUB_PROJECTS_PROFILE, JIRA_CSV_PROFILE, JIRA_JSON_PROFILE,
  readTrackerCsv, readTrackerJson, trackerToPmokit, type TrackerExport,
} from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";

const MAP = { projectId: "PRJ-CRM", plannedStart: "2026-09-01", plannedFinish: "2027-03-31", asOf: "2026-11-20", importedAt: "2026-11-20T17:00:00.000Z" };
const csvLine = (cells: readonly string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
/** The one package's total points, and its progress as [date, points done]. */
const summary = (exp: TrackerExport) => {
  const { records, report } = trackerToPmokit(exp, MAP);
  const wp = records["work-package"];
  return {
    packages: wp.map((w) => [w.id, w.earningRule.type === "units" ? w.earningRule.totalUnits.toFixed() : "", w.progress.map((p) => [p.date, p.unitsComplete?.toFixed()])]),
    report,
  };
};

describe("tracker CSV rows with more or fewer fields than the header", () => {
  it("are refused, every one, naming the file line and both counts — nothing is read", () => {
    // An Azure DevOps query whose columns end with Title. Line 5's title holds an unquoted comma ("Dedupe, merge"):
    // 7 fields for 6 columns — before, read as the title "Dedupe" and the rest dropped. Line 7 is cut after the
    // state: 4 fields — before, read with no points and no parent (reported as "no epic", the wrong reason).
    // Line 2–3 is one row: its quoted title holds a line break; line 6 is blank.
    const text = [
      "ID,Work Item Type,State,Story Points,Parent,Title",
      '100,Feature,Active,,,"Lead capture\n(phase 1)"',
      "101,User Story,Closed,5,100,Web form",
      "102,User Story,Active,3,100,Dedupe, merge",
      "",
      "103,User Story,Active",
      "104,User Story,New,2,100,Routing",
    ].join("\r\n");
    const e = validationErrorOf(() => readTrackerCsv(text, AZURE_DEVOPS_CSV_PROFILE));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([
      [["line 5"], "line 5 has 7 fields where the header has 6 (an unquoted comma?); values would land under the wrong columns"],
      [["line 7"], "line 7 has 3 fields where the header has 6 (a row cut short?); values would land under the wrong columns"],
    ]);
  });

  it("a well-formed export with multi-line cells still reads", () => {
    const text = ["ID,Work Item Type,State,Story Points,Parent,Title", '100,Feature,Active,,,"Lead\ncapture"', "101,User Story,Closed,5,100,Web form"].join("\n");
    expect(readTrackerCsv(text, AZURE_DEVOPS_CSV_PROFILE).items.map((i) => [i.key, i.title, i.points])).toEqual([["100", "Lead\ncapture", undefined], ["101", "Web form", "5"]]);
  });
});

describe("story points are read exactly or refused", () => {
  const jira = (points: readonly string[]) => [
    ["Issue key", "Summary", "Issue Type", "Status", "Custom field (Story point estimate)", "Parent"],
    ["CRM-1", "Lead capture", "Epic", "In Progress", "", ""],
    ...points.map((p, i) => [`CRM-${i + 2}`, `Story ${i + 2}`, "Story", "To Do", p, "CRM-1"]),
  ].map(csvLine).join("\n");

  it("accepts digits with one decimal point or comma", () => {
    // "1,5" is a German export's 1.5; "0,125" cannot be a thousands group (a group never follows a lone 0).
    const exp = readTrackerCsv(jira(["5", "1.5", "1,5", "0,125", "12,50", "1000", " 3 "]), JIRA_CSV_PROFILE);
    expect(exp.items.slice(1).map((i) => i.points)).toEqual(["5", "1.5", "1.5", "0.125", "12.50", "1000", "3"]);
    // 5 + 1.5 + 1.5 + 0.125 + 12.5 + 1000 + 3 = 1023.625
    expect(summary(exp).packages[0]![1]).toBe("1023.625");
  });

  it("refuses a thousands separator and the ambiguous n,nnn / n.nnn forms, each at its item", () => {
    // Before: "1,000" became "1.000" — one point instead of a thousand (or the reverse for a German "1.000").
    const e = validationErrorOf(() => readTrackerCsv(jira(["1,000", "2.500", "1,000,000", "1.000,5", "1 000", "-3", "1e3", "five"]), JIRA_CSV_PROFILE));
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([
      // Each message starts with the file line (CRM-2 is on line 3) and the column header.
      [["CRM-2", "points"], 'line 3, column "Custom field (Story point estimate)": "1,000" is ambiguous: 1000 with a thousands separator or 1 with a decimal comma; write 1000 (no thousands separator) or 1'],
      [["CRM-3", "points"], 'line 4, column "Custom field (Story point estimate)": "2.500" is ambiguous: 2500 with a thousands separator or 2.5 with a decimal point; write 2500 (no thousands separator) or 2.5'],
      ...["1,000,000", "1.000,5", "1 000", "-3", "1e3", "five"].map((p, i) => [[`CRM-${i + 4}`, "points"], `line ${i + 5}, column "Custom field (Story point estimate)": "${p}" is not a number of points (digits with at most one decimal point or comma, no thousands separator)`]),
    ]);
  });

  it("JSON numbers are exact as JSON writes them", () => {
    const issue = (key: string, points: unknown) => ({ key, fields: { summary: key, issuetype: { name: key === "CRM-1" ? "Epic" : "Story" }, status: { name: "To Do", statusCategory: { key: "new" } }, parent: key === "CRM-1" ? undefined : { key: "CRM-1" }, customfield_10016: points } });
    const exp = readTrackerJson(JSON.stringify({ issues: [issue("CRM-1", null), issue("CRM-2", 1000), issue("CRM-3", 0.5), issue("CRM-4", "2,5")] }), JIRA_JSON_PROFILE);
    expect(exp.items.map((i) => i.points)).toEqual([undefined, "1000", "0.5", "2.5"]);
    expect(validationErrorOf(() => readTrackerJson(JSON.stringify({ issues: [issue("CRM-2", "1,000")] }), JIRA_JSON_PROFILE)).issues.map((i) => i.path)).toEqual([["CRM-2", "points"]]);
  });
});

describe("items out of scope are neither to do nor done", () => {
  it("Azure DevOps: a Removed story is left out of the package's points and reported (CSV and JSON)", () => {
    // Feature 100 with stories of 3 (Closed 2026-11-05), 2 (Active) and 5 (Removed).
    // Expected (hand): total 3 + 2 = 5 points, 3 done on 2026-11-05 (60 %). Before: Removed counted as to do —
    // total 10, 3 done (30 %) — with only an "unlisted-state" warning.
    const csv = [
      ["ID", "Work Item Type", "Title", "State", "Story Points", "Closed Date", "Parent"],
      ["100", "Feature", "Lead capture", "Active", "", "", ""],
      ["101", "User Story", "Web form", "Closed", "3", "11/5/2026 4:10:00 PM", "100"],
      ["102", "User Story", "Dedupe", "Active", "2", "", "100"],
      ["103", "User Story", "Fax import", "Removed", "5", "", "100"],
    ].map(csvLine).join("\n");
    const fromCsv = readTrackerCsv(csv, AZURE_DEVOPS_CSV_PROFILE);
    expect(fromCsv.items.map((i) => [i.key, i.status, i.excludedBy])).toEqual([["100", "in-progress", undefined], ["101", "done", undefined], ["102", "in-progress", undefined], ["103", "excluded", 'state "Removed"']]);
    const { packages, report } = summary(fromCsv);
    expect(packages).toEqual([["PRJ-CRM-100", "5", [["2026-11-05", "3"]]]]);
    expect(report.warnings.map((w) => [w.path, w.code, w.message])).toEqual([["103", "excluded", '103: state "Removed" — out of scope, counted neither as to do nor as done']]);
    expect(report.counts["excluded items"]).toBe(1);

    const wi = (id: number, type: string, state: string, f: Record<string, unknown> = {}) => ({ id, fields: { "System.WorkItemType": type, "System.State": state, "System.Title": `Item ${id}`, ...f } });
    const json = JSON.stringify({ value: [
      wi(100, "Feature", "Active"),
      wi(101, "User Story", "Closed", { "System.Parent": 100, "Microsoft.VSTS.Scheduling.StoryPoints": 3, "Microsoft.VSTS.Common.ClosedDate": "2026-11-05T15:10:00Z" }),
      wi(102, "User Story", "Active", { "System.Parent": 100, "Microsoft.VSTS.Scheduling.StoryPoints": 2 }),
      wi(103, "User Story", "Removed", { "System.Parent": 100, "Microsoft.VSTS.Scheduling.StoryPoints": 5 }),
    ] });
    expect(summary(readTrackerJson(json, AZURE_DEVOPS_JSON_PROFILE)).packages).toEqual([["PRJ-CRM-100", "5", [["2026-11-05", "3"]]]]);
  });

  it("a Removed feature is no package; its stories are listed as unmapped, never counted", () => {
    const csv = [
      ["ID", "Work Item Type", "Title", "State", "Story Points", "Parent"],
      ["200", "Feature", "Fax gateway", "Removed", "", ""],
      ["201", "User Story", "Fax import", "New", "5", "200"],
    ].map(csvLine).join("\n");
    const { records, report } = trackerToPmokit(readTrackerCsv(csv, AZURE_DEVOPS_CSV_PROFILE), MAP);
    expect(records["work-package"]).toEqual([]);
    expect(report.unmapped.map((u) => [u.path, u.reason])).toEqual([["201", 'its epic or feature 200 is out of scope (state "Removed"): not counted']]);
  });

  it("Jira: a story resolved Won't Do or Duplicate is no work done, though its status category is Done (CSV and JSON)", () => {
    // Epic CRM-1: 5 points done (Done), 3 points Won't Do (Done category), 2 points Duplicate, 1 point to do.
    // Expected (hand): total 5 + 1 = 6, 5 done on 2026-11-03. Before: total 11, 10 done on 2026-11-03/04 (91 %).
    const header = ["Issue key", "Summary", "Issue Type", "Status", "Status Category", "Resolution", "Resolved", "Custom field (Story point estimate)", "Parent"];
    const rows = [
      ["CRM-1", "Lead capture", "Epic", "In Progress", "In Progress", "", "", "", ""],
      ["CRM-2", "Web form", "Story", "Done", "Done", "Done", "03/Nov/26 4:10 PM", "5", "CRM-1"],
      ["CRM-3", "Fax import", "Story", "Done", "Done", "Won't Do", "03/Nov/26 5:00 PM", "3", "CRM-1"],
      ["CRM-4", "Web form again", "Story", "Done", "Done", "Duplicate", "04/Nov/26 9:00 AM", "2", "CRM-1"],
      ["CRM-5", "Routing", "Story", "To Do", "To Do", "", "", "1", "CRM-1"],
    ];
    const exp = readTrackerCsv([header, ...rows].map(csvLine).join("\n"), JIRA_CSV_PROFILE);
    const { packages, report } = summary(exp);
    expect(packages).toEqual([["PRJ-CRM-CRM-1", "6", [["2026-11-03", "5"]]]]);
    expect(report.warnings.filter((w) => w.code === "excluded").map((w) => w.message)).toEqual([
      'CRM-3: resolution "Won\'t Do" — out of scope, counted neither as to do nor as done',
      'CRM-4: resolution "Duplicate" — out of scope, counted neither as to do nor as done',
    ]);

    const issue = (key: string, points: number | null, category: string, resolution: string | null, date?: string) => ({
      key, fields: { summary: key, issuetype: { name: key === "CRM-1" ? "Epic" : "Story" }, status: { name: category, statusCategory: { key: category } }, ...(key === "CRM-1" ? {} : { parent: { key: "CRM-1" } }), customfield_10016: points, resolution: resolution === null ? null : { name: resolution }, resolutiondate: date ?? null },
    });
    const json = JSON.stringify({ issues: [
      issue("CRM-1", null, "indeterminate", null),
      issue("CRM-2", 5, "done", "Done", "2026-11-03T16:10:00.000+0100"),
      issue("CRM-3", 3, "done", "Won't Do", "2026-11-03T17:00:00.000+0100"),
      issue("CRM-4", 2, "done", "Duplicate", "2026-11-04T09:00:00.000+0100"),
      issue("CRM-5", 1, "new", null),
    ] });
    expect(summary(readTrackerJson(json, JIRA_JSON_PROFILE)).packages).toEqual([["PRJ-CRM-CRM-1", "6", [["2026-11-03", "5"]]]]);
  });

  it("GitHub: an issue closed as not planned is left out when the export carries the close reason", () => {
    // The built-in "Item closed" workflow sets Status to Done for either close reason. Items: 5 points completed,
    // 3 points closed as not planned, 2 to do. With the reason: total 7, 5 done. gh's item-list has no close reason:
    // with the default profile the 3 points still count as done (total 10, 8 done) — the profile cannot know.
    const item = (n: number, status: string, estimate: number, reason?: string) => ({ id: `I${n}`, title: `Item ${n}`, status, epic: "Lead capture", estimate, content: { type: "Issue", number: n, ...(reason === undefined ? {} : { stateReason: reason }) }, ...(status === "Done" ? { "closed at": "2026-11-06T10:00:00Z" } : {}) });
    const json = JSON.stringify({ items: [item(1, "Done", 5, "COMPLETED"), item(2, "Done", 3, "NOT_PLANNED"), item(3, "Todo", 2)] });
    const withReason = { ...GITHUB_PROJECTS_PROFILE, fields: { ...GITHUB_PROJECTS_PROFILE.fields, resolution: ["content", "stateReason"] } };
    expect(summary(readTrackerJson(json, withReason)).packages).toEqual([["PRJ-CRM-Lead-capture", "7", [["2026-11-06", "5"]]]]);
    expect(summary(readTrackerJson(json, GITHUB_PROJECTS_PROFILE)).packages).toEqual([["PRJ-CRM-Lead-capture", "10", [["2026-11-06", "8"]]]]);
  });
});
