import { describe, expect, it } from "vitest";
import { GITHUB_PROJECTS_PROFILE, JIRA_CSV_PROFILE, JIRA_JSON_PROFILE, readTrackerCsv, readTrackerJson, trackerToPmokit } from "../../src/io/index.js";
import { validationErrorOf } from "../support/errors.js";

const MAP = { projectId: "PRJ-CRM", plannedStart: "2026-09-01", plannedFinish: "2027-03-31", asOf: "2026-11-20", importedAt: "2026-11-20T17:00:00.000Z" };
const csvLine = (cells: readonly string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");

describe("tracker item keys", () => {
  it("Jira's CSV as exported names the parent by issue id: stories still land in their epic (and sub-tasks stay out)", () => {
    // Jira Cloud "Export Excel CSV (all fields)": `Parent` holds the parent's *issue id* (10001), not its key.
    // Epic CRM-1 (id 10001) "Lead capture": stories of 5 (done 03/Nov) and 3 (to do); sub-task CRM-4 of CRM-2.
    // Expected (hand): one package PRJ-CRM-CRM-1 "Lead capture", 8 points, 5 done on 2026-11-03; CRM-4 unmapped.
    // Before: a second package "10001" held the stories, named "10001", and the epic was reported as pointless.
    const header = ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Status Category", "Resolved", "Custom field (Story point estimate)", "Parent", "Parent summary"];
    const rows = [
      ["Lead capture", "CRM-1", "10001", "Epic", "In Progress", "In Progress", "", "", "", ""],
      ["Web form to lead", "CRM-2", "10002", "Story", "Done", "Done", "03/Nov/26 4:10 PM", "5", "10001", "Lead capture"],
      ["Lead routing", "CRM-3", "10003", "Story", "To Do", "To Do", "", "3", "10001", "Lead capture"],
      ["Write API test", "CRM-4", "10004", "Sub-task", "Done", "Done", "02/Nov/26 1:00 PM", "", "10002", "Web form to lead"],
    ];
    const exp = readTrackerCsv([header, ...rows].map(csvLine).join("\r\n"), JIRA_CSV_PROFILE);
    expect(exp.items.map((i) => [i.key, i.parentKey])).toEqual([["CRM-1", undefined], ["CRM-2", "CRM-1"], ["CRM-3", "CRM-1"], ["CRM-4", "CRM-2"]]);
    const { records, report } = trackerToPmokit(exp, MAP);
    expect(records["work-package"].map((w) => [w.id, w.name, w.earningRule.type === "units" ? w.earningRule.totalUnits.toFixed() : "", w.progress.map((p) => [p.date, p.unitsComplete?.toFixed()])]))
      .toEqual([["PRJ-CRM-CRM-1", "Lead capture", "8", [["2026-11-03", "5"]]]]);
    expect(report.unmapped.map((u) => u.path)).toEqual(["CRM-4"]);
  });

  it("a parent given by key is still read as the key, also when some issue id looks like it", () => {
    // ADO-like keys are ids; a key match always wins over an id match.
    const csv = [["Issue key", "Issue id", "Summary", "Issue Type", "Status", "Parent"], ["7", "8", "E", "Epic", "To Do", ""], ["8", "9", "S", "Story", "To Do", "7"]].map(csvLine).join("\n");
    expect(readTrackerCsv(csv, JIRA_CSV_PROFILE).items.map((i) => i.parentKey)).toEqual([undefined, "7"]);
  });

  it("refuses an item key given twice instead of counting its points twice (CSV and JSON)", () => {
    // Two pages of a search saved together repeat CRM-2 (5 points, done). Before: totalUnits 10 and 10 points done
    // on 2026-11-03 — a package shown twice its size. Expected: one error naming the key and both rows.
    const header = ["Issue key", "Summary", "Issue Type", "Status", "Resolved", "Custom field (Story point estimate)", "Parent"];
    const row = ["CRM-2", "Web form", "Story", "Done", "03/Nov/26 4:10 PM", "5", "CRM-1"];
    const csv = [header, ["CRM-1", "Lead capture", "Epic", "In Progress", "", "", ""], row, row].map(csvLine).join("\n");
    const e = validationErrorOf(() => readTrackerCsv(csv, JIRA_CSV_PROFILE));
    // The repeat is item 3, on file line 4 (after the header and items 1 and 2).
    expect(e.issues.map((i) => [i.path, i.message])).toEqual([[["CRM-2", "key"], 'line 4, column "Issue key": item 3 repeats the key of item 2']]);
    const issue = { key: "CRM-2", fields: { summary: "x", status: { name: "Done", statusCategory: { key: "done" } } } };
    const json = JSON.stringify({ issues: [issue, { ...issue }] });
    expect(validationErrorOf(() => readTrackerJson(json, JIRA_JSON_PROFILE)).issues.map((i) => i.path)).toEqual([["CRM-2", "key"]]);
  });
});

describe("tracker package ids", () => {
  it("two packages whose keys give the same id get distinct ids (the second is suffixed and reported)", () => {
    // GitHub epic names are free text: "Lead capture" and "Lead-capture" both made PRJ-CRM-Lead-capture before, so two
    // records with one id came back as valid (the store then refused the whole import, or one overwrote the other in
    // anything keyed by id). Expected: PRJ-CRM-Lead-capture and PRJ-CRM-Lead-capture-2, with a warning.
    const item = (n: number, epic: string) => ({ id: `I${n}`, title: `Item ${n}`, status: "Todo", epic, estimate: n });
    const exp = readTrackerJson(JSON.stringify({ items: [item(1, "Lead capture"), item(2, "Lead-capture")] }), GITHUB_PROJECTS_PROFILE);
    const { records, report } = trackerToPmokit(exp, MAP);
    expect(records["work-package"].map((w) => [w.id, w.name, w.earningRule.type === "units" ? w.earningRule.totalUnits.toFixed() : ""])).toEqual([
      ["PRJ-CRM-Lead-capture", "Lead capture", "1"], ["PRJ-CRM-Lead-capture-2", "Lead-capture", "2"],
    ]);
    expect(report.warnings.filter((w) => w.code === "renamed-id").map((w) => [w.path, w.message])).toEqual([
      ["Lead-capture", "its id PRJ-CRM-Lead-capture is already the id of package Lead capture: PRJ-CRM-Lead-capture-2 is used"],
    ]);
  });
});

describe("tracker states in none of the profile's lists", () => {
  it("are reported (counted as to do), so a workflow's own done state does not go unnoticed", () => {
    // A Jira Server export has no "Status Category" column: the classic workflow's "Closed" and "Resolved" are in
    // none of JIRA_CSV_PROFILE's lists and count as to do. Before: silently — the epic showed 0 of 8 points done.
    // Expected: the same counting (the profile decides), and one warning per such state naming its items.
    const header = ["Issue key", "Summary", "Issue Type", "Status", "Resolved", "Custom field (Story point estimate)", "Parent"];
    const rows = [
      ["CRM-1", "Lead capture", "Epic", "In Progress", "", "", ""],
      ["CRM-2", "Web form", "Story", "Closed", "03/Nov/26 4:10 PM", "5", "CRM-1"],
      ["CRM-3", "Dedupe", "Story", "Closed", "04/Nov/26 4:10 PM", "2", "CRM-1"],
      ["CRM-4", "Routing", "Story", "To Do", "", "1", "CRM-1"],
    ];
    const exp = readTrackerCsv([header, ...rows].map(csvLine).join("\n"), JIRA_CSV_PROFILE);
    expect(exp.items.map((i) => [i.key, i.status])).toEqual([["CRM-1", "in-progress"], ["CRM-2", "to-do"], ["CRM-3", "to-do"], ["CRM-4", "to-do"]]);
    const { report } = trackerToPmokit(exp, MAP);
    expect(report.warnings.filter((w) => w.code === "unlisted-state").map((w) => [w.path, w.message])).toEqual([
      ["CRM-2", 'state "Closed" (CRM-2, CRM-3) is in none of the profile\'s done, in-progress or to-do states: counted as to do'],
    ]);
    // Listed, it counts as done: 7 of 8 points.
    const closedIsDone = { ...JIRA_CSV_PROFILE, doneStates: ["Done", "Closed"] };
    const wp = trackerToPmokit(readTrackerCsv([header, ...rows].map(csvLine).join("\n"), closedIsDone), MAP).records["work-package"][0]!;
    expect(wp.progress.at(-1)?.unitsComplete?.toFixed()).toBe("7");
  });
});
