import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import {
  AZURE_DEVOPS_CSV_PROFILE, AZURE_DEVOPS_JSON_PROFILE, GITHUB_PROJECTS_PROFILE, JIRA_CSV_PROFILE, JIRA_JSON_PROFILE,
  readTrackerCsv, readTrackerJson, trackerDate, trackerToPmokit, type TrackerExport,
} from "../../src/io/index.js";

const MAP = { projectId: "PRJ-CRM", plannedStart: "2026-09-01", plannedFinish: "2027-03-31", asOf: "2026-11-20", importedAt: "2026-11-20T17:00:00.000Z" };
const csvLine = (cells: readonly string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");

/**
 * The same small release in every tool: epic "Lead capture" with stories of 5 (done 2026-11-03), 3 (done
 * 2026-11-10), 8 (in progress) and 2 (to do) points, a sub-task of the first story and a story without an epic.
 * Expected package: total 18 points; progress 5 on 2026-11-03, 5 + 3 = 8 on 2026-11-10; not finished.
 */
function expectRelease(exp: TrackerExport, packageKey: string, subTask: string, orphan: string) {
  const { records, report } = trackerToPmokit(exp, MAP);
  const [wp] = records["work-package"];
  expect(records["work-package"]).toHaveLength(1);
  expect(wp!.id).toBe(`PRJ-CRM-${packageKey}`);
  expect(wp!.name).toBe("Lead capture");
  expect(wp!.earningRule).toMatchObject({ type: "units", unitName: "story points" });
  expect(wp!.earningRule.type === "units" && wp!.earningRule.totalUnits.toFixed()).toBe("18");
  expect(wp!.progress.map((p) => [p.date, p.unitsComplete?.toFixed(), p.started, p.finished])).toEqual([
    ["2026-11-03", "5", true, undefined],
    ["2026-11-10", "8", true, undefined],
  ]);
  expect(report.unmapped.map((u) => u.path).sort()).toEqual([orphan, subTask].sort());
  return report;
}

describe("work-tracker exports", () => {
  it("Jira CSV: several Sprint columns, Jira dates, status categories", () => {
    const header = ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Status Category", "Resolved", "Sprint", "Sprint", "Custom field (Story point estimate)", "Parent", "Parent summary"];
    const rows = [
      ["Lead capture", "CRM-1", "10001", "Epic", "In Progress", "In Progress", "", "", "", "", "", ""],
      ["Web form to lead", "CRM-2", "10002", "Story", "Done", "Done", "03/Nov/26 4:10 PM", "CRM Sprint 6", "CRM Sprint 7", "5", "10001", "Lead capture"],
      ["Dedupe leads", "CRM-3", "10003", "Story", "Closed", "Done", "10/Nov/26 9:00 AM", "CRM Sprint 7", "", "3", "10001", "Lead capture"],
      ["Lead scoring", "CRM-4", "10004", "Story", "In Review", "In Progress", "", "CRM Sprint 8", "", "8", "10001", "Lead capture"],
      ["Lead routing", "CRM-5", "10005", "Story", "To Do", "To Do", "", "", "", "2", "10001", "Lead capture"],
      ["Write API test", "CRM-6", "10006", "Sub-task", "Done", "Done", "02/Nov/26 1:00 PM", "", "", "", "10002", "Web form to lead"],
      ["Fix login banner", "CRM-7", "10007", "Bug", "Done", "Done", "01/Nov/26 1:00 PM", "", "", "1", "", ""],
    ];
    const csv = [header, ...rows].map(csvLine).join("\r\n");
    // Jira's CSV names the parent by issue id (10001): the profile reads it back to the key through `Issue id`.
    const exp = readTrackerCsv(csv, JIRA_CSV_PROFILE);
    expect(exp.sprints.map((s) => s.name)).toEqual(["CRM Sprint 7", "CRM Sprint 8"]);
    expect(exp.items.find((i) => i.key === "CRM-2")).toMatchObject({ status: "done", points: "5", sprint: "CRM Sprint 7", resolved: "2026-11-03" });
    expectRelease(exp, "CRM-1", "CRM-6", "CRM-7");
  });

  it("Jira REST search JSON: customfield ids configurable, sprint objects with dates", () => {
    const issue = (key: string, type: string, category: string, extra: Record<string, unknown> = {}) => ({
      id: key.slice(4), key, fields: { summary: key === "CRM-1" ? "Lead capture" : `Story ${key}`, issuetype: { name: type }, status: { name: category, statusCategory: { key: category } }, ...extra },
    });
    const sprint7 = { id: 7, name: "CRM Sprint 7", state: "closed", startDate: "2026-10-26T08:00:00.000Z", endDate: "2026-11-06T17:00:00.000Z" };
    const doc = {
      startAt: 0, maxResults: 50, total: 7,
      issues: [
        issue("CRM-1", "Epic", "indeterminate"),
        issue("CRM-2", "Story", "done", { parent: { key: "CRM-1" }, customfield_10028: 5, customfield_10020: [sprint7], resolutiondate: "2026-11-03T16:10:00.000+0100" }),
        issue("CRM-3", "Story", "done", { parent: { key: "CRM-1" }, customfield_10028: 3, resolutiondate: "2026-11-10T09:00:00.000+0100" }),
        issue("CRM-4", "Story", "indeterminate", { parent: { key: "CRM-1" }, customfield_10028: 8 }),
        issue("CRM-5", "Story", "new", { parent: { key: "CRM-1" }, customfield_10028: 2 }),
        issue("CRM-6", "Subtask", "done", { parent: { key: "CRM-2" }, resolutiondate: "2026-11-02T13:00:00.000+0100" }),
        issue("CRM-7", "Bug", "done", { customfield_10028: 1, resolutiondate: "2026-11-01T13:00:00.000+0100" }),
      ],
    };
    const profile = { ...JIRA_JSON_PROFILE, fields: { ...JIRA_JSON_PROFILE.fields, points: ["fields", "customfield_10028"] } };
    const exp = readTrackerJson(JSON.stringify(doc), profile);
    expect(exp.sprints).toEqual([{ name: "CRM Sprint 7", start: "2026-10-26", finish: "2026-11-06" }]);
    expectRelease(exp, "CRM-1", "CRM-6", "CRM-7");
  });

  it("Azure DevOps query CSV and work-item JSON: features are packages, closed states are done", () => {
    const csv = [
      ["ID", "Work Item Type", "Title", "State", "Story Points", "Iteration Path", "Closed Date", "Parent"],
      ["100", "Feature", "Lead capture", "Active", "", "CRM", "", ""],
      ["101", "User Story", "Web form to lead", "Closed", "5", "CRM\\Release 1\\Sprint 7", "11/3/2026 4:10:00 PM", "100"],
      ["102", "User Story", "Dedupe leads", "Resolved", "3", "CRM\\Release 1\\Sprint 7", "11/10/2026 9:00:00 AM", "100"],
      ["103", "User Story", "Lead scoring", "Active", "8", "CRM\\Release 1\\Sprint 8", "", "100"],
      ["104", "User Story", "Lead routing", "New", "2", "CRM\\Release 1", "", "100"],
      ["105", "Task", "Write API test", "Closed", "", "CRM\\Release 1\\Sprint 7", "11/2/2026 1:00:00 PM", "101"],
      ["106", "Bug", "Fix login banner", "Closed", "1", "CRM", "11/1/2026 1:00:00 PM", ""],
    ].map(csvLine).join("\n");
    expectRelease(readTrackerCsv(csv, AZURE_DEVOPS_CSV_PROFILE), "100", "105", "106");
    const wi = (id: number, type: string, state: string, f: Record<string, unknown> = {}) => ({ id, rev: 3, fields: { "System.WorkItemType": type, "System.State": state, "System.Title": id === 100 ? "Lead capture" : `Item ${id}`, ...f } });
    const json = {
      count: 7,
      value: [
        wi(100, "Feature", "Active"),
        wi(101, "User Story", "Closed", { "System.Parent": 100, "Microsoft.VSTS.Scheduling.StoryPoints": 5, "Microsoft.VSTS.Common.ClosedDate": "2026-11-03T15:10:00.12Z", "System.IterationPath": "CRM\\Sprint 7" }),
        wi(102, "User Story", "Resolved", { "System.Parent": 100, "Microsoft.VSTS.Scheduling.StoryPoints": 3, "Microsoft.VSTS.Common.ClosedDate": "2026-11-10T08:00:00Z" }),
        wi(103, "User Story", "Active", { "System.Parent": 100, "Microsoft.VSTS.Scheduling.StoryPoints": 8 }),
        wi(104, "User Story", "New", { "System.Parent": 100, "Microsoft.VSTS.Scheduling.StoryPoints": 2.0 }),
        wi(105, "Task", "Closed", { "System.Parent": 101, "Microsoft.VSTS.Common.ClosedDate": "2026-11-02T12:00:00Z" }),
        wi(106, "Bug", "Closed", { "Microsoft.VSTS.Scheduling.StoryPoints": 1, "Microsoft.VSTS.Common.ClosedDate": "2026-11-01T12:00:00Z" }),
      ],
    };
    expectRelease(readTrackerJson(JSON.stringify(json), AZURE_DEVOPS_JSON_PROFILE), "100", "105", "106");
  });

  it("GitHub Projects item-list JSON: the epic field names the package, iterations give sprint dates", () => {
    const item = (n: number, status: string, extra: Record<string, unknown>) => ({ id: `PVTI_${n}`, title: `Item ${n}`, status, content: { type: "Issue", number: n, title: `Item ${n}`, repository: "northwind/crm", url: `https://example.invalid/${n}` }, ...extra });
    const iteration = { title: "Sprint 7", startDate: "2026-10-26", duration: 14, iterationId: "abc" };
    const doc = {
      items: [
        item(2, "Done", { epic: "Lead capture", estimate: 5, iteration, "closed at": "2026-11-03T15:10:00Z" }),
        item(3, "Done", { epic: "Lead capture", estimate: 3, "closed at": "2026-11-10T08:00:00Z" }),
        item(4, "In Progress", { epic: "Lead capture", estimate: 8 }),
        item(5, "Todo", { epic: "Lead capture", estimate: 2 }),
        item(7, "Done", { estimate: 1 }),
      ],
      totalCount: 5,
    };
    const exp = readTrackerJson(JSON.stringify(doc), GITHUB_PROJECTS_PROFILE);
    expect(exp.sprints).toEqual([{ name: "Sprint 7", start: "2026-10-26", finish: "2026-11-08" }]);
    const { records, report } = trackerToPmokit(exp, MAP);
    expect(records["work-package"].map((w) => [w.id, w.name, w.progress.map((p) => p.unitsComplete?.toFixed())])).toEqual([["PRJ-CRM-Lead-capture", "Lead capture", ["5", "8"]]]);
    expect(report.unmapped.map((u) => u.path)).toEqual(["PVTI_7"]);
  });

  it("a done item without a resolution date is dated at the status date and reported", () => {
    const exp: TrackerExport = { tool: "github-projects", sprints: [], items: [{ key: "E", title: "Epic", level: "package", status: "in-progress" }, { key: "S1", title: "s", level: "unit", parentKey: "E", status: "done", points: "3" }, { key: "S2", title: "s", level: "unit", parentKey: "E", status: "done", points: "2", resolved: "2026-11-02" }] };
    const { records, report } = trackerToPmokit(exp, MAP);
    // 2 points on 2026-11-02, then 2 + 3 = 5 at the status date: every story done, so finished.
    expect(records["work-package"][0]!.progress.map((p) => [p.date, p.unitsComplete?.toFixed(), p.finished])).toEqual([["2026-11-02", "2", undefined], ["2026-11-20", "5", true]]);
    expect(report.warnings.map((w) => [w.path, w.code])).toEqual([["S1", "no-resolution-date"]]);
  });

  it("same safety rules: all or nothing with item paths, __proto__ never reaches a prototype, size limits", () => {
    const csv = [["Issue key", "Summary", "Issue Type", "Status", "Resolved", "Custom field (Story point estimate)"], ["A-1", "x", "Story", "Done", "31/Feb/26 1:00 PM", "three"]].map(csvLine).join("\n");
    try {
      readTrackerCsv(csv, JIRA_CSV_PROFILE);
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).issues.map((i) => i.path)).toEqual([["A-1", "points"], ["A-1", "resolved"]]);
    }
    const hostile = '{"issues":[{"key":"A-1","fields":{"summary":"x","__proto__":{"polluted":1},"status":{"name":"Done","statusCategory":{"key":"done"}}}}]}';
    const exp = readTrackerJson(hostile, { ...JIRA_JSON_PROFILE, fields: { ...JIRA_JSON_PROFILE.fields, title: ["fields", "constructor", "name"] } });
    // Only own properties are read: an inherited `constructor` is no title, so the key stands in.
    expect(exp.items[0]!.title).toBe("A-1");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(() => readTrackerJson('{"issues": [', JIRA_JSON_PROFILE)).toThrow(/malformed JSON/);
    expect(() => readTrackerJson('{"issues":[{},{}]}', JIRA_JSON_PROFILE, { maxItems: 1 })).toThrow(/more than 1 items; refused/);
    expect(() => readTrackerCsv("Key\n1\n", JIRA_CSV_PROFILE)).toThrow(/no "Issue key" column/);
    expect(trackerDate("12.11.2026", "day-month-year")).toBe("2026-11-12");
  });
});
