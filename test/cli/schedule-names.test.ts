import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { HEAVY, run, temp } from "./run.js";

/*
 * `pmokit schedule` names activities as `pmokit score` names requests: by key (a work package's WBS code) and title,
 * a milestone by its name; and it states what finished activities are. Before: the critical path and the findings
 * named ids (`critical PRJ-B-t1` for an MS Project plan, whose ids pmokit makes up), and the JSON gave finished work
 * `"totalFloat": "0", "critical": false` — zero float that is not critical.
 */
const PLAN = new URL("../../../shared/fixtures/mspdi/mpxj_baselines.xml", import.meta.url).pathname;

describe("pmokit schedule: activities by WBS code and name", () => {
  it("an MS Project plan: the critical task is '1 Task One', not its id PRJ-B-t1", async () => {
    // MPXJ's baselines.xml: one task, UID 1, WBS 1, Name "Task One", not started; at 2026-11-20 it is the whole
    // critical path. The id pmokit gives it is <project>-t<UID>.
    const cwd = temp();
    expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
    const flags = ["--project", "PRJ-B", "--code", "PRJ-B", "--manager", "alice", "--sponsor", "bob", "--actor", "me", "--currency", "EUR"];
    expect((await run(["import", PLAN, "--db", "db.sqlite", ...flags], cwd)).code).toBe(0);
    const r = await run(["schedule", "--db", "db.sqlite", "--as-of", "2026-11-20"], cwd);
    expect(r.out).toBe("PRJ-B     finish 2026-11-23  critical 1 Task One\n");
    const [j] = JSON.parse((await run(["schedule", "--db", "db.sqlite", "--as-of", "2026-11-20", "--json"], cwd)).out) as { criticalPaths: string[][]; activities: { id: string; label: string; status: string }[] }[];
    // JSON keeps the ids (machine keys) and adds the label.
    expect(j!.criticalPaths).toEqual([["PRJ-B-t1"]]);
    expect(j!.activities.map((a) => [a.id, a.label, a.status])).toEqual([["PRJ-B-t1", "1 Task One", "not-started"]]);
  }, HEAVY);

  describe("the sample office", () => {
    const cwd = temp();
    beforeAll(async () => {
      expect((await run(["init", "o.sqlite"], cwd)).code).toBe(0);
      expect((await run(["import", join(process.cwd(), "examples", "data"), "--db", "o.sqlite"], cwd)).code).toBe(0);
    }, HEAVY);

    it("critical paths and findings name work packages by code and name, milestones by name", async () => {
      const r = await run(["schedule", "--db", "o.sqlite", "--project", "PRJ-CRM"], cwd);
      const lines = r.out.split("\n");
      // examples/data: wp-crm-4.1 is WBS 4.1 "System and integration testing", ms-crm-go-live the milestone "Go-live".
      expect(lines[0]).toBe("PRJ-CRM   finish 2027-05-03  critical 4.1 System and integration testing → 4.2 User acceptance testing → " +
        "6 Deployment and hypercare → UAT exit (milestone) → Hypercare exit (milestone) → Project closed (milestone); 5 End-user training → Go-live (milestone)");
      expect(lines).toContain("          deadline-missed: Go-live (milestone) finishes 11.570833 days after its deadline 2027-03-01");
      expect(r.out).not.toMatch(/wp-crm|ms-crm/);
      const wms = (await run(["schedule", "--db", "o.sqlite", "--project", "PRJ-WMS"], cwd)).out;
      // The out-of-sequence finding names its predecessor too.
      expect(wms).toContain("out-of-sequence: 5 Training warehouse staff started 2026-10-05 before its FS predecessor Configuration complete (milestone) finished;");
    }, HEAVY);

    it("finished activities: no float (null in JSON), never critical, and the text says how many", async () => {
      const r = await run(["schedule", "--db", "o.sqlite", "--project", "PRJ-CRM"], cwd);
      // CRM at 2026-11-20: solution design (2.1) and the kick-off, design and dry-run-1 milestones are done.
      expect(r.out).toContain("\n          finished 4 activities: done work has no float and is never critical\n");
      const [j] = JSON.parse((await run(["schedule", "--db", "o.sqlite", "--project", "PRJ-CRM", "--json"], cwd)).out) as { activities: { id: string; status: string; totalFloat: string | null; freeFloat: string | null; critical: boolean }[] }[];
      const done = j!.activities.filter((a) => a.status === "complete");
      expect(done.map((a) => a.id).sort()).toEqual(["ms-crm-design", "ms-crm-dry-run-1", "ms-crm-kickoff", "wp-crm-2.1"]);
      expect(done.every((a) => a.totalFloat === null && a.freeFloat === null && !a.critical)).toBe(true);
      // Work still to do keeps its float: UAT −0.229167 (critical), configuration 27.9.
      expect(j!.activities.filter((a) => a.id === "wp-crm-4.2" || a.id === "wp-crm-2.2").map((a) => [a.totalFloat, a.critical])).toEqual([["27.9", false], ["-0.229167", true]]);
    }, HEAVY);
  });
});
