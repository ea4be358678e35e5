import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HEAVY, run, temp } from "./run.js";

// Issue 17: `--as-of` has a default, "the one place a clock is read, stated". Every analysis takes the data's status
// date first (the latest project statusDate, as the demo does), else today in UTC; the figures of `evm`, `score`,
// `schedule`… depend on it, so a run that did not get `--as-of` says which date it used and where it came from
// (stderr, once, after the command finished: stdout stays the command's output, JSON included; a failed command
// prints only its error).
const DATA_NOTE = "pmokit: as of 2026-11-20, the data's status date (no --as-of given)\n";
const CLOCK_NOTE = "pmokit: as of 2026-12-07, today in UTC (no --as-of given)\n";
const late = () => new Date("2026-12-07T23:59:00.000Z");
const notes = (err: string) => err.split("\n").filter((l) => l.startsWith("pmokit: as of")).length;

describe("the status date, when --as-of is not given, is stated", () => {
  it("on the sample every analysis takes the data's status date, 2026-11-20, whatever the day, and says so once", async () => {
    const cwd = temp();
    expect((await run(["init", "o.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", join(process.cwd(), "examples", "data"), "--db", "o.sqlite", "--json"], cwd)).code).toBe(0);
    for (const command of ["evm", "score", "select", "rollout", "trace"]) {
      const r = await run([command, "--db", "o.sqlite"], cwd, late);
      expect([command, notes(r.err), r.err.endsWith(DATA_NOTE)]).toEqual([command, 1, true]);
      const given = await run([command, "--db", "o.sqlite", "--as-of", "2026-11-20"], cwd, late);
      expect([command, given.err.includes("pmokit: as of")]).toEqual([command, false]);
    }
    // JSON on stdout stays one parseable value; its statusDate is the data's, not the clock's 2026-12-07 (before, evm
    // measured 17 days of planned value the actuals of 2026-11-20 cannot have earned).
    const json = await run(["evm", "--db", "o.sqlite", "--json"], cwd, late);
    expect([JSON.parse(json.out)[0].statusDate, json.err.endsWith(DATA_NOTE)]).toEqual(["2026-11-20", true]);
    // The same figures as with --as-of 2026-11-20.
    const given = await run(["evm", "--db", "o.sqlite", "--json", "--as-of", "2026-11-20"], cwd, late);
    expect(JSON.parse(json.out)).toEqual(JSON.parse(given.out));
  }, HEAVY);

  it("with no project status date in the data, the clock's date stands in, stated as such", async () => {
    const cwd = temp();
    expect((await run(["init", "o.sqlite"], cwd)).code).toBe(0);
    for (const command of ["score", "trace"]) {
      const r = await run([command, "--db", "o.sqlite"], cwd, late);
      expect([command, notes(r.err), r.err.endsWith(CLOCK_NOTE)]).toEqual([command, 1, true]);
    }
  }, HEAVY);

  it("a command that fails prints its error only", async () => {
    const r = await run(["evm", "--db", "missing.sqlite"], temp(), late);
    expect([r.code, r.err.includes("as of")]).toEqual([2, false]);
  });
});
