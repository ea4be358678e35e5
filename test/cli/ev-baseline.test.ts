import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, temp } from "./run.js";

// MPXJ's baselines.xml (MS Project 2003, ../shared/fixtures): task 1 has Baseline 1 … 10 (Cost 100 … 1000, in
// hundredths: EUR 1.00 … 10.00) and no Baseline 0, and the project's BaselineForEarnedValue is 0. Before, the import
// said nothing, `evm` printed `n/a (no-baseline)` for every figure, and there was no way to measure against one of the
// file's baselines.
const PLAN = new URL("../../../shared/fixtures/mspdi/mpxj_baselines.xml", import.meta.url).pathname;
const FLAGS = ["--project", "p1", "--code", "PRJ-BASE", "--manager", "alice", "--sponsor", "bob", "--actor", "me", "--currency", "EUR"];
const HAVE = "1, 2, 3, 4, 5, 6, 7, 8, 9, 10";

async function imported(...extra: string[]) {
  const cwd = temp();
  expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
  return { cwd, r: await run(["import", PLAN, "--db", "db.sqlite", ...FLAGS, ...extra], cwd) };
}

describe("the baseline earned value measures an MS Project plan against", () => {
  it("import warns when BaselineForEarnedValue names a baseline the file does not have, naming the flag", async () => {
    const { cwd, r } = await imported();
    expect(r.code).toBe(0);
    expect(r.err).toContain(`warning: ${PLAN}: Project/BaselineForEarnedValue: BaselineForEarnedValue 0 names baseline 0, which the file does not have (its baselines: ${HAVE}): earned value will be n/a (no-baseline); import it into a new database with --baseline N (one of ${HAVE}) to measure against that baseline\n`);
    const j = JSON.parse((await run(["evm", "--db", "db.sqlite", "--as-of", "2026-11-20", "--json"], cwd)).out) as { bac: unknown }[];
    expect(j[0]!.bac).toEqual({ reason: "no-baseline" });
  });

  it("--baseline N measures against baseline N: BAC = its Cost 300 hundredths = EUR 3.00", async () => {
    const { cwd, r } = await imported("--baseline", "3");
    expect(r.code).toBe(0);
    expect(r.err).not.toContain("BaselineForEarnedValue");
    const j = JSON.parse((await run(["evm", "--db", "db.sqlite", "--as-of", "2026-11-20", "--json"], cwd)).out) as { bac: unknown; warnings: string[] }[];
    expect([j[0]!.bac, j[0]!.warnings]).toEqual([{ amount: "3.00", currency: "EUR" }, []]);
  });

  it("--baseline naming a baseline the file lacks is exit 2 and imports nothing", async () => {
    const { cwd, r } = await imported("--baseline", "0");
    expect([r.code, r.out]).toEqual([2, ""]);
    expect(r.err).toBe(`pmokit: ${PLAN}: --baseline 0: the file has no baseline 0 (its baselines: ${HAVE}); nothing imported\n`);
    expect((await run(["evm", "--db", "db.sqlite", "--as-of", "2026-11-20"], cwd)).out).toMatch(/^PROJECTS {3}none/);
    for (const bad of ["11", "-1", "x"]) expect((await imported("--baseline", bad)).r.code).toBe(2);
  });

  it("evm prints the calculator's warnings: a status date before the import falls back to baseline 1, and says so", async () => {
    // MSPDI stores no capture date, so baselines are captured at the import (here 2026-11-20): on 2008-01-31 none is
    // in force and earned value measures against the lowest (1, EUR 1.00), not 3. Before, silently.
    const { cwd } = await imported("--baseline", "3", "--imported-at", "2026-11-20T09:00:00Z");
    const t = await run(["evm", "--db", "db.sqlite", "--as-of", "2008-01-31"], cwd);
    expect(t.err).toBe("warning: PRJ-BASE: no baseline was captured by 2008-01-31: measured against baseline 1 (captured 2026-11-20), the original plan\n");
    const j = JSON.parse((await run(["evm", "--db", "db.sqlite", "--as-of", "2008-01-31", "--json"], cwd)).out) as { bac: unknown; warnings: string[] }[];
    expect([j[0]!.bac, j[0]!.warnings.length]).toEqual([{ amount: "1.00", currency: "EUR" }, 1]);
  });

  it("--baseline on a file that is no MS Project XML is a usage error", async () => {
    const cwd = temp();
    expect((await run(["init", "db.sqlite"], cwd)).code).toBe(0);
    writeFileSync(join(cwd, "x.csv"), "id,key,title\n");
    const r = await run(["import", "x.csv", "--kind", "request", "--baseline", "1", "--db", "db.sqlite"], cwd);
    expect([r.code, r.err]).toEqual([2, "pmokit: --baseline applies to MS Project XML (.xml) files only\n"]);
  });
});
