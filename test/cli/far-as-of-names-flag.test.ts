import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HEAVY, run, temp } from "./run.js";

// evfar20 bounded earned value to 400 years between the status date and the plan's dates. `pmokit evm --as-of
// 3000-01-01` then failed with `pmokit: statusDate: more than 400 years (146,097 days) from the plan` (JSON path
// "statusDate"): the option the library was given, not the flag the user typed. Other date flags name themselves
// (`--as-of: 9999-12-31 is too late: …`). The far-date refusal now names `--as-of` in every command that takes it.
// schedule and risk (which answered, slowly) refuse such a date now too, naming --as-of the same way.
// The sample office's plan runs 2026–2027, so 3000-01-01 is ~973 years after it and 1000-01-01 ~1,026 years before.
const LINE = "pmokit: --as-of: more than 400 years (146,097 days) from the plan\n";

describe("a status date centuries from the plan names --as-of", () => {
  const cwd = temp();
  const data = join(process.cwd(), "examples", "data");
  // schedule and risk answered before (schedule at 3000-01-01 in 33 s); they now refuse too (the schedule calculators' bound).
  const COMMANDS = [["evm"], ["trace"], ["rollout"], ["report", "--out", "r.html"], ["schedule"], ["risk"]];

  it("evm, trace, rollout, report, schedule and risk (text and --json), after and before the plan", async () => {
    expect((await run(["init", "office.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", data, "--db", "office.sqlite"], cwd)).code).toBe(0);
    for (const command of COMMANDS) {
      for (const date of ["3000-01-01", "1000-01-01"]) {
        const text = await run([...command, "--db", "office.sqlite", "--as-of", date], cwd);
        expect([command[0], date, text.code, text.out, text.err]).toEqual([command[0], date, 2, "", LINE]);
      }
      const asJson = await run([...command, "--db", "office.sqlite", "--as-of", "3000-01-01", "--json"], cwd);
      expect(asJson.code).toBe(2);
      expect(JSON.parse(asJson.out).error).toMatchObject({
        code: "validation", message: "--as-of: more than 400 years (146,097 days) from the plan",
        issues: [{ path: "--as-of", message: "more than 400 years (146,097 days) from the plan" }],
      });
    }
  }, HEAVY);

  it("demo", async () => {
    const r = await run(["demo", "--as-of", "3000-01-01", "--db", "demo.sqlite", "--out", "demo-report"], cwd);
    expect([r.code, r.out, r.err]).toEqual([2, "", LINE]);
  }, HEAVY);
});
