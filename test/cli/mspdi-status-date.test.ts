import { describe, expect, it } from "vitest";
import { HEAVY, run, temp } from "./run.js";

// MPXJ's mspdiassignmentfields.xml (MS Project 2010, ../shared/fixtures) has no StatusDate ("NA") and CurrentDate
// 2011-07-19T08:00:00; Task One is 6 % done with RemainingDuration PT66H34M0S (8.320833 days at 480 minutes). MS Project
// takes the current date when no status date is set (Project Server: "If the project status date is not set,
// StatusDate gets the current date of the project"). Tuesday 08:00 is where Tuesday's work begins, so the last day whose
// work is past is Monday 2011-07-18: that is the status date (before, Tuesday — a day of work counted as gone). Before, `schedule` without --as-of took today (here 2026-12-07):
// the remaining 8.3 days ran from December 2026 and only a stderr line said so.
const PLAN = new URL("../../../shared/fixtures/mspdi/mpxj_mspdiassignmentfields.xml", import.meta.url).pathname;
const FLAGS = ["--project", "p1", "--code", "PRJ-AF", "--manager", "alice", "--sponsor", "bob", "--actor", "me"];
const late = () => new Date("2026-12-07T12:00:00.000Z");

describe("schedule and risk of an old MS Project plan default to the file's status date", () => {
  it("schedules as of Monday 2011-07-18 (CurrentDate Tue 2011-07-19 08:00), says so on stderr; --as-of still wins", async () => {
    const cwd = temp();
    expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", PLAN, "--db", "db.sqlite", ...FLAGS], cwd, late)).code).toBe(0);
    const r = await run(["schedule", "--db", "db.sqlite", "--json"], cwd, late);
    const [p] = JSON.parse(r.out) as { statusDate: string; finish: string; activities: { id: string; earlyFinish: string }[] }[];
    // 8.320833 working days after Mon 2011-07-18: Jul 19–22, 25–28 (8 days), then a third of Fri 2011-07-29 — what
    // starting the remaining work at CurrentDate, Tue 08:00, gives. Before: status Tue 19, finish Mon 2011-08-01.
    expect([p!.statusDate, p!.activities.find((a) => a.id === "p1-t1")!.earlyFinish]).toEqual(["2011-07-18", "2011-07-29"]);
    expect(r.err).toBe("pmokit: as of 2011-07-18, the data's status date (no --as-of given)\n");
    const risk = await run(["risk", "--db", "db.sqlite", "--iterations", "50"], cwd, late);
    expect(risk.err).toBe("pmokit: as of 2011-07-18, the data's status date (no --as-of given)\n");
    const given = await run(["schedule", "--db", "db.sqlite", "--as-of", "2026-12-07", "--json"], cwd, late);
    expect([(JSON.parse(given.out) as { statusDate: string }[])[0]!.statusDate, given.err]).toEqual(["2026-12-07", ""]);
  }, HEAVY);

  it("a database whose projects have no status date still takes today, and says so", async () => {
    const cwd = temp();
    expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
    const r = await run(["schedule", "--db", "db.sqlite"], cwd, late);
    expect(r.err).toBe("pmokit: as of 2026-12-07, today in UTC (no --as-of given)\n");
    expect(r.out).toBe("no projects to schedule: the database has none\n");
  });
});
