import { describe, expect, it } from "vitest";
import { run, temp } from "./run.js";

// `--as-of 9999-12-31` is a real calendar date, so the parser took it, and the analyses then failed computing the
// dates after it (the month end after the status date, the day after it, the remaining work) with an error that named
// no flag: `pmokit: date: expected a calendar date YYYY-MM-DD, got "10000-01-01"` (evm, trace, rollout, report) or
// `pmokit: epoch day 2933287 is outside years 0001–9999` (schedule, risk). The flag is refused when parsed, naming it,
// before any database is opened (exit 2, usage) — so no database is needed here.
const COMMANDS = [["evm"], ["score"], ["select"], ["trace"], ["rollout"], ["schedule"], ["risk"], ["report", "--out", "r.html"], ["demo"]];

describe("a status date too late to analyse from names --as-of", () => {
  it.each(COMMANDS)("%s --as-of 9999-12-31", async (...command) => {
    const r = await run([...command, "--as-of", "9999-12-31"], temp());
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe("pmokit: --as-of: 9999-12-31 is too late: the analyses compute dates after the status date (month ends, remaining work, simulated finishes) and dates end at 9999-12-31; give a date up to 9899-12-31\n");
  });

  it("--json carries the same line as a usage error", async () => {
    const r = await run(["evm", "--as-of", "9900-01-01", "--json"], temp());
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: "usage", message: expect.stringMatching(/^--as-of: 9900-01-01 is too late/) } });
  });

  it("the last accepted date is 9899-12-31: the command goes on to open the database", async () => {
    const r = await run(["evm", "--as-of", "9899-12-31", "--db", "none.sqlite"], temp());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/none\.sqlite: no such database file/);
  });
});
