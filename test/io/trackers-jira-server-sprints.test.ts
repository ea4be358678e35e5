import { describe, expect, it } from "vitest";
import { JIRA_JSON_PROFILE, readTrackerJson } from "../../src/io/index.js";

/*
 * Jira Server / Data Center's REST search (`/rest/api/2/search`) gives the sprint field as the text of a Java object,
 * not as the objects Jira Cloud gives:
 *   com.atlassian.greenhopper.service.sprint.Sprint@14b1c359[id=1,rapidViewId=1,state=CLOSED,name=Sample Sprint 1,
 *   goal=<null>,startDate=2016-01-01T10:00:00.000+01:00,endDate=2016-01-15T10:00:00.000+01:00,...,sequence=1]
 * (Atlassian's documented format of `customfield_10xxx` on Server; `<null>` for an empty value).
 */
const server = (id: number, name: string, start: string, end: string) =>
  `com.atlassian.greenhopper.service.sprint.Sprint@14b1c35${id}[id=${id},rapidViewId=1,state=CLOSED,name=${name},goal=<null>,startDate=${start},endDate=${end},completeDate=${end},sequence=${id}]`;

describe("Jira Server sprint texts", () => {
  it("are read as the sprint's name and dates, the last of the list winning as for Cloud's objects", () => {
    // Before: the whole Java text was the sprint's name ("com.atlassian.greenhopper…[id=2,…name=CRM Sprint 8,…]") and
    // its dates were lost. Expected: name "CRM Sprint 8", start 2026-11-09, finish 2026-11-20 (the days as written).
    const doc = {
      startAt: 0, maxResults: 50, total: 1,
      issues: [{ id: "10002", key: "CRM-2", fields: {
        summary: "Story", issuetype: { name: "Story" }, status: { name: "Done", statusCategory: { key: "done" } },
        customfield_10020: [
          server(1, "CRM Sprint 7", "2026-10-26T08:00:00.000+01:00", "2026-11-06T17:00:00.000+01:00"),
          server(2, "CRM Sprint 8, the long one", "2026-11-09T08:00:00.000+01:00", "2026-11-20T17:00:00.000+01:00"),
        ],
      } }],
    };
    const exp = readTrackerJson(JSON.stringify(doc), JIRA_JSON_PROFILE);
    expect(exp.sprints).toEqual([{ name: "CRM Sprint 8, the long one", start: "2026-11-09", finish: "2026-11-20" }]);
    expect(exp.items[0]!.sprint).toBe("CRM Sprint 8, the long one");
  });

  it("a sprint text without dates (a future sprint: startDate=<null>) gives the name only", () => {
    const text = "com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=9,rapidViewId=1,state=FUTURE,name=CRM Sprint 9,goal=,startDate=<null>,endDate=<null>,completeDate=<null>,sequence=9]";
    const doc = { issues: [{ id: "1", key: "CRM-9", fields: { summary: "S", issuetype: { name: "Story" }, status: { name: "To Do", statusCategory: { key: "new" } }, customfield_10020: [text] } }] };
    expect(readTrackerJson(JSON.stringify(doc), JIRA_JSON_PROFILE).sprints).toEqual([{ name: "CRM Sprint 9" }]);
  });
});
