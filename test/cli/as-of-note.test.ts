import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HEAVY, run, temp } from "./run.js";

// Issue 17: `--as-of` defaults to today in UTC, "the one place a clock is read, stated". The figures of `evm`, `score`,
// `schedule`… depend on the status date, so a run that took it from the clock says which date it used (stderr, once,
// after the command finished: stdout stays the command's output, JSON included; a failed command prints only its error).
const NOTE = "pmokit: as of 2026-12-07, today in UTC (no --as-of given)\n";
const late = () => new Date("2026-12-07T23:59:00.000Z");

describe("the clock's date, when it stands in for --as-of, is stated", () => {
  it("evm, score, rollout and trace say it once; with --as-of they do not", async () => {
    const cwd = temp();
    expect((await run(["init", "o.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", join(process.cwd(), "examples", "data"), "--db", "o.sqlite", "--json"], cwd)).code).toBe(0);
    for (const command of ["evm", "score", "rollout", "trace"]) {
      const r = await run([command, "--db", "o.sqlite"], cwd, late);
      expect([command, r.err.split("\n").filter((l) => l.startsWith("pmokit: as of")).length, r.err.endsWith(NOTE)]).toEqual([command, 1, true]);
      const given = await run([command, "--db", "o.sqlite", "--as-of", "2026-11-20"], cwd, late);
      expect([command, given.err.includes("pmokit: as of")]).toEqual([command, false]);
    }
    // JSON on stdout stays one parseable value; its statusDate is the clock's date.
    const json = await run(["evm", "--db", "o.sqlite", "--json"], cwd, late);
    expect([JSON.parse(json.out)[0].statusDate, json.err.endsWith(NOTE)]).toEqual(["2026-12-07", true]);
  }, HEAVY);

  it("a command that fails prints its error only", async () => {
    const r = await run(["evm", "--db", "missing.sqlite"], temp(), late);
    expect([r.code, r.err.includes("as of")]).toEqual([2, false]);
  });
});
