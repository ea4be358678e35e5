import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { HEAVY, run, temp } from "./run.js";

/*
 * The office report's schedule section says what `pmokit schedule` says, on the sample data the demo uses
 * (examples/data, status date 2026-11-20): each activity by the label the command prints (a work package by WBS code
 * and name, a milestone by name), its status, and no float for finished work. Before: the report listed ids
 * (`wp-crm-4.1`) and gave finished work a total and free float of 0 beside the critical activities.
 */
type Activity = { id: string; label: string; status: string; totalFloat: string | null; freeFloat: string | null; critical: boolean; earlyStart: string; earlyFinish: string };
type JsonTable = { kind: "table"; caption?: string; columns: string[]; rows: unknown[][] };
type JsonBlock = JsonTable | { kind: "paragraph"; text: string } | { kind: "list"; items: string[] } | { kind: string };
type JsonSection = { heading: string; blocks: JsonBlock[]; sections?: JsonSection[] };

const ACTIVITIES = "Activities (working days; dates are days, starts in the morning, finishes in the evening)";

describe("pmokit report's schedule section agrees with pmokit schedule", { timeout: HEAVY }, () => {
  const cwd = temp();
  let schedule: { project: string; criticalPaths: string[][]; activities: Activity[] }[];
  let scheduleText: string;
  let sections: JsonSection[];
  let md: string;
  let risk: { project: string; iterations: number; deterministicFinish: string; percentiles: { percent: number; finish: string }[]; criticality: { activity: string; index: string }[] }[];
  let riskText: string;
  beforeAll(async () => {
    expect((await run(["init", "o.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", join(process.cwd(), "examples", "data"), "--db", "o.sqlite"], cwd)).code).toBe(0);
    schedule = JSON.parse((await run(["schedule", "--db", "o.sqlite", "--json"], cwd)).out);
    scheduleText = (await run(["schedule", "--db", "o.sqlite"], cwd)).out;
    expect((await run(["report", "--db", "o.sqlite", "--format", "json", "--out", "r.json"], cwd)).code).toBe(0);
    sections = (JSON.parse(readFileSync(join(cwd, "r.json"), "utf8")) as { sections: JsonSection[] }).sections;
    expect((await run(["report", "--db", "o.sqlite", "--format", "md", "--out", "r.md"], cwd)).code).toBe(0);
    md = readFileSync(join(cwd, "r.md"), "utf8");
    risk = JSON.parse((await run(["risk", "--db", "o.sqlite", "--json"], cwd)).out);
    riskText = (await run(["risk", "--db", "o.sqlite"], cwd)).out;
  }, 4 * HEAVY);

  const section = (code: string) => sections.find((s) => s.heading === `${code} — schedule`)!;
  const activityTable = (code: string) => section(code).blocks.find((b): b is JsonTable => b.kind === "table" && (b as JsonTable).caption === ACTIVITIES)!;
  const rows = (code: string) => {
    const t = activityTable(code);
    return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
  };

  it("names each activity as pmokit schedule does, with its status, and no float for finished work (every project)", () => {
    for (const p of schedule) {
      // The command's JSON is the reference: label, status, floats (null when complete), critical.
      const expected = p.activities.map((a) => ({ Activity: a.label, Status: a.status, "Total float": a.totalFloat, "Free float": a.freeFloat, Critical: a.critical }));
      const got = rows(p.project).map((r) => ({ Activity: r["Activity"], Status: r["Status"], "Total float": r["Total float"], "Free float": r["Free float"], Critical: r["Critical"] }));
      expect(got, p.project).toEqual(expected);
    }
  });

  it("CRM: the four finished activities have no float and are not critical; 4.2 keeps −0.229167 and is critical", () => {
    // examples/data at 2026-11-20: 2.1 Solution design and the kick-off, design sign-off and dry-run-1 milestones are
    // done (pmokit schedule: "finished 4 activities"). Before: each read total float 0, free float 0.
    const crm = rows("PRJ-CRM");
    const done = crm.filter((r) => r["Status"] === "complete");
    expect(done.map((r) => r["Activity"]).sort()).toEqual(["2.1 Solution design", "Migration dry run 1 complete (milestone)", "Project kick-off (milestone)", "Solution design signed off (milestone)"]);
    expect(done.every((r) => r["Total float"] === null && r["Free float"] === null && r["Critical"] === false)).toBe(true);
    expect(crm.find((r) => r["Activity"] === "4.2 User acceptance testing")).toMatchObject({ Status: "not-started", "Total float": "-0.229167", Critical: true });
  });

  it("states the critical path, the findings and the finished count in the command's words", () => {
    const crmText = scheduleText.split("\n").slice(0, scheduleText.split("\n").findIndex((l) => l.startsWith("PRJ-DCX")));
    const critical = crmText[0]!.replace(/^PRJ-CRM\s+finish \S+\s+critical /, "");
    const lines = section("PRJ-CRM").blocks.flatMap((b) => (b.kind === "list" ? (b as { items: string[] }).items : []));
    const paragraph = (section("PRJ-CRM").blocks[0] as { text: string }).text;
    expect(paragraph).toContain(`Critical path: ${critical}.`);
    // Each finding and the finished line of the command, word for word.
    for (const l of crmText.slice(1).map((x) => x.trim())) expect(lines).toContain(l);
    expect(lines).toContain("finished 4 activities: done work has no float and is never critical");
  });

  it("the Markdown form shows the label and the status, and an empty float for finished work", () => {
    expect(md).toContain("| Activity | Status | Early start | Early finish | Late start | Late finish | Total float | Free float | Critical | Early start set by |");
    // 2.1 Solution design: actual 2026-03-02 – 2026-06-05, complete.
    expect(md).toMatch(/\n\| 2\.1 Solution design \| complete \| 2026-03-02 \| 2026-06-05 \| [^|]+ \| [^|]+ \|  \|  \| no \| actual \|\n/);
    // No activity id left in the schedule sections' text (chart file names aside).
    const schedules = md.split("\n## ").filter((s) => / — schedule\n/.test(s)).join("\n").replace(/\(charts\/[^)]*\)/g, "");
    expect(schedules).not.toMatch(/\b(wp|ms)-(crm|dcx|einv|wms)-/);
  });

  it("the schedule risk table is pmokit risk's run: same iterations and seed, same percentiles (every simulated project)", () => {
    // `pmokit risk` runs 2000 iterations with seed 1 by default; the report ran 500, so its CRM P80 read 2027-05-20
    // where the command said 2027-05-21 (and P10 2027-05-03 against 2027-05-04).
    expect(risk.map((r) => r.project)).toEqual(["PRJ-CRM", "PRJ-DCX", "PRJ-WMS"]);
    for (const r of risk) {
      const sub = section(r.project).sections!.find((x) => x.heading === "Schedule risk")!;
      const t = sub.blocks[0] as JsonTable;
      expect(t.caption!.startsWith(`Monte Carlo: ${r.iterations} iterations, seed 1 `), r.project).toBe(true);
      expect(t.caption!.endsWith(`deterministic finish ${r.deterministicFinish}`)).toBe(true);
      expect(t.rows.map((row) => [row[0], row[1]]), r.project).toEqual(r.percentiles.map((p) => [`P${p.percent}`, p.finish]));
    }
    expect(risk[0]!.percentiles.find((p) => p.percent === 80)!.finish).toBe("2027-05-21");
  });

  it("the criticality index names activities as pmokit schedule does, with pmokit risk's figures; risk's drivers too", () => {
    for (const r of risk) {
      const labels = new Map(schedule.find((p) => p.project === r.project)!.activities.map((a) => [a.id, a.label]));
      const sub = section(r.project).sections!.find((x) => x.heading === "Schedule risk")!;
      const t = sub.blocks.find((b): b is JsonTable => b.kind === "table" && (b as JsonTable).caption!.startsWith("Criticality index"))!;
      const got = t.rows.map((row) => `${String(row[0])} ${String(row[1])}`).sort();
      expect(got, r.project).toEqual(r.criticality.map((c) => `${labels.get(c.activity) ?? c.activity} ${c.index}`).sort());
    }
    // The command's text named its drivers by id ("drivers: wp-crm-4.2 …"); now by label, as the report's tornado.
    const crm = riskText.split("\n").find((l) => l.trim().startsWith("drivers:"))!;
    expect(crm).toMatch(/^ {10}drivers: 4\.2 User acceptance testing -?\d/);
    expect(riskText).not.toMatch(/\b(wp|ms)-(crm|dcx|einv|wms)-/);
  });
});
