import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSampleOffice } from "../../examples/office.js";
import { dataset, run, temp } from "./run.js";

describe("commands on an empty database say there is nothing to show", () => {
  // Before: score, rollout and risk printed nothing at all, schedule an empty line, evm a header over no rows and
  // select "SELECTION  optimal:  within … left out: none".
  it("one line saying why in text, an empty list in JSON", async () => {
    const cwd = temp();
    expect((await run(["init", "empty.sqlite"], cwd)).code).toBe(0);
    const text = async (command: string) => {
      const r = await run([command, "--db", "empty.sqlite", "--as-of", "2026-11-20"], cwd);
      expect([r.code, r.err]).toEqual([0, ""]);
      return r.out;
    };
    expect(await text("score")).toBe("no requests to rank: the database has none\n");
    expect(await text("select")).toBe("SELECTION  nothing to select within EUR 1,000,000.00 (FY2027): no open request is scored or mandatory\n");
    expect(await text("evm")).toBe("PROJECTS   none: earned value is measured on executing projects, and no project is executing\n");
    expect(await text("rollout")).toBe("no rollout plans: the database has none, so there is no readiness or gate to judge\n");
    expect(await text("schedule")).toBe("no projects to schedule: the database has none\n");
    expect(await text("risk")).toBe("no projects to simulate: the database has none\n");
    for (const command of ["score", "evm", "rollout", "schedule", "risk"]) {
      const r = await run([command, "--db", "empty.sqlite", "--as-of", "2026-11-20", "--json"], cwd);
      expect([command, r.code, JSON.parse(r.out)]).toEqual([command, 0, []]);
    }
  });

  it("trace says there is nothing to trace instead of a 0/0 line per level", async () => {
    // Before: six lines "business       0/0 shallow, 0/0 deep" … "transition     0/0 …", then "uncovered: 0" and
    // "acknowledgement gaps: 0" — coverage of nothing, read as if it were measured.
    const cwd = temp();
    expect((await run(["init", "empty.sqlite"], cwd)).code).toBe(0);
    const r = await run(["trace", "--db", "empty.sqlite", "--as-of", "2026-11-20"], cwd);
    expect([r.code, r.out, r.err]).toEqual([0, "no requirements to trace: the database has none, so there is no coverage to measure\n", ""]);
    // JSON unchanged: every level of the rules, each with no items.
    const j = JSON.parse((await run(["trace", "--db", "empty.sqlite", "--as-of", "2026-11-20", "--json"], cwd)).out) as { levels: { type: string; items: number }[]; uncovered: unknown[] };
    expect(j.levels.map((l) => [l.type, l.items])).toEqual([["business", 0], ["functional", 0], ["non-functional", 0], ["stakeholder", 0], ["test-case", 0], ["transition", 0]]);
    expect(j.uncovered).toEqual([]);
  });

  it("trace leaves out the levels with no items in text (JSON keeps them)", async () => {
    const cwd = temp();
    const office = loadSampleOffice() as Record<string, Record<string, unknown>[]>;
    // One functional requirement and nothing to cover it: 0 of 1 covered, shallow and deep; no parent, no audience.
    const { parentId: _p, audiences: _a, ...fr } = office.requirement!.find((x) => x["key"] === "FR-101")!;
    writeFileSync(join(cwd, "one.json"), dataset({ person: office.person!, project: office.project!, requirement: [fr] }));
    expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", "one.json", "--db", "db.sqlite"], cwd)).code).toBe(0);
    const r = await run(["trace", "--db", "db.sqlite", "--as-of", "2026-11-20"], cwd);
    // FR-101 has no parent (its parentId link left out): an orphan, severity warning — printed, exit 1 for the gap only.
    expect([r.code, r.out]).toEqual([1, "functional     0/1 shallow, 0/1 deep\nuncovered: 1 (FR-101)\nwarning: requirement:FR-101 (functional) has no parent of type business|stakeholder\nacknowledgement gaps: 0\n"]);
    const j = JSON.parse((await run(["trace", "--db", "db.sqlite", "--as-of", "2026-11-20", "--json"], cwd)).out) as { levels: { type: string; items: number }[] };
    expect(j.levels.map((l) => [l.type, l.items])).toEqual([["business", 0], ["functional", 1], ["non-functional", 0], ["stakeholder", 0], ["test-case", 0], ["transition", 0]]);
  });

  // Before: "…: none has duration estimates or risk events", with no word on which fields give them.
  it("risk says why when there are projects but nothing to simulate, and what to add", async () => {
    const cwd = temp();
    const office = loadSampleOffice() as Record<string, unknown[]>;
    // The sample's people and projects, without work packages or risks: before, `risk` printed nothing.
    writeFileSync(join(cwd, "projects.json"), dataset({ person: office.person!, project: office.project! }));
    expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", "projects.json", "--db", "db.sqlite"], cwd)).code).toBe(0);
    const r = await run(["risk", "--db", "db.sqlite", "--as-of", "2026-11-20"], cwd);
    expect([r.code, r.out]).toEqual([0, "no projects to simulate: none has duration estimates or risk events (give work packages a durationEstimate, or open risks a scheduleImpactOn and scheduleImpactDays; an MS Project file carries neither)\n"]);
    expect(JSON.parse((await run(["risk", "--db", "db.sqlite", "--as-of", "2026-11-20", "--json"], cwd)).out)).toEqual([]);
  });
});
