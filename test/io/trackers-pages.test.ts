import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/core/index.js";
import { GITHUB_PROJECTS_PROFILE, JIRA_JSON_PROFILE, readTrackerJson, trackerToPmokit } from "../../src/io/index.js";

// A saved API answer can be one page of a longer list. Jira's REST search (GET /rest/api/3/search) answers
// `{ startAt, maxResults, total, issues }` with at most maxResults (50 by default) issues; the newer
// /rest/api/3/search/jql answers `{ issues, nextPageToken, isLast }`. `gh project item-list` fetches 30 items unless
// given --limit and writes `{ items, totalCount }`. Before: such a page was read as the whole export, so every package
// silently lost the points of the items on the other pages (below: 2 of 5 stories, total 4 points instead of 10).
// After: refused at the page field, naming what is missing.

const MAP = { projectId: "P", plannedStart: "2026-09-01", plannedFinish: "2027-03-31", asOf: "2026-11-20", importedAt: "2026-11-20T17:00:00.000Z" };
const jiraIssue = (n: number, points: number) => ({ id: String(n), key: `A-${n}`, fields: { summary: `s${n}`, issuetype: { name: n === 1 ? "Epic" : "Story" }, status: { name: "To Do", statusCategory: { key: "new" } }, ...(n === 1 ? {} : { parent: { key: "A-1" }, customfield_10016: points }) } });

function pathsOf(f: () => unknown): { path: unknown[]; message: string }[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e.issues.map((i) => ({ path: [...i.path], message: i.message }));
    throw e;
  }
  return [];
}

describe("tracker JSON: one page of a longer list is refused, not read as the whole export", () => {
  it("Jira search: 3 of 6 issues (startAt 0, total 6)", () => {
    const page = { startAt: 0, maxResults: 3, total: 6, issues: [jiraIssue(1, 0), jiraIssue(2, 2), jiraIssue(3, 2)] };
    const got = pathsOf(() => readTrackerJson(JSON.stringify(page), JIRA_JSON_PROFILE));
    expect(got.map((g) => g.path)).toEqual([["total"]]);
    expect(got[0]!.message).toMatch(/items 1–3 of 6/);
  });

  it("Jira search: a later page (startAt 3) even when it reaches the total", () => {
    const page = { startAt: 3, maxResults: 3, total: 6, issues: [jiraIssue(4, 2), jiraIssue(5, 2), jiraIssue(6, 2)] };
    const got = pathsOf(() => readTrackerJson(JSON.stringify(page), JIRA_JSON_PROFILE));
    expect(got.map((g) => g.path)).toEqual([["startAt"]]);
    expect(got[0]!.message).toMatch(/items 4–6 of 6/);
  });

  it("Jira search/jql: isLast false (a nextPageToken follows)", () => {
    const page = { issues: [jiraIssue(1, 0), jiraIssue(2, 2)], nextPageToken: "CAEaAggD", isLast: false };
    expect(pathsOf(() => readTrackerJson(JSON.stringify(page), JIRA_JSON_PROFILE)).map((g) => g.path)).toEqual([["isLast"]]);
  });

  it("GitHub item-list: 2 items of totalCount 5 (gh's --limit)", () => {
    const doc = { items: [{ id: "I1", title: "a", status: "Todo", epic: "E", estimate: 2 }, { id: "I2", title: "b", status: "Todo", epic: "E", estimate: 2 }], totalCount: 5 };
    const got = pathsOf(() => readTrackerJson(JSON.stringify(doc), GITHUB_PROJECTS_PROFILE));
    expect(got.map((g) => g.path)).toEqual([["totalCount"]]);
    expect(got[0]!.message).toMatch(/2 of 5/);
  });

  it("every page merged into one list still reads, with every story's points (2 + 2 + 2 + 2 + 2 = 10)", () => {
    const all = { startAt: 0, maxResults: 50, total: 6, issues: [1, 2, 3, 4, 5, 6].map((n) => jiraIssue(n, 2)) };
    const exp = readTrackerJson(JSON.stringify(all), JIRA_JSON_PROFILE);
    const wp = trackerToPmokit(exp, MAP).records["work-package"][0]!;
    expect(wp.earningRule.type === "units" && wp.earningRule.totalUnits.toFixed()).toBe("10");
    const last = { issues: [jiraIssue(1, 0), jiraIssue(2, 2)], isLast: true };
    expect(readTrackerJson(JSON.stringify(last), JIRA_JSON_PROFILE).items).toHaveLength(2);
  });
});
