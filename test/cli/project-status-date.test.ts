import { beforeAll, describe, expect, it } from "vitest";
import { sampleOfficeRecords } from "../../examples/office.js";
import { HEAVY, importIntoFreshDatabase, run, temp } from "./run.js";

// `pmokit schedule --project X` (and `risk --project X`) took X's own statusDate without --as-of, while `schedule`
// without --project and the report take the data's status date (the latest project statusDate): the same project
// showed other dates. Here PRJ-EINV's statusDate is set back to 2026-10-30 while the other three stay at 2026-11-20.
// Before, `schedule --project PRJ-EINV` scheduled it as of 2026-10-30 (its remaining work from then: another finish
// than the office run's), with `as of 2026-10-30`. Now every run without --as-of takes the data's 2026-11-20, so a
// project's figures are the same with or without --project, and the note names the project's own date and the flag.
describe("schedule --project takes the data's status date, as the report does", () => {
  const cwd = temp();
  beforeAll(async () => {
    const office = sampleOfficeRecords() as Record<string, unknown[]>;
    const project = (office.project as { code: string; statusDate?: string }[]).map((p) => (p.code === "PRJ-EINV" ? { ...p, statusDate: "2026-10-30" } : p));
    const { init, imported } = await importIntoFreshDatabase(cwd, { ...office, project });
    expect([init, imported.code]).toEqual([0, 0]);
  }, HEAVY);

  it("PRJ-EINV reads the same in `schedule --project` as in `schedule`", async () => {
    const all = await run(["schedule", "--db", "p.sqlite", "--json"], cwd);
    const one = await run(["schedule", "--db", "p.sqlite", "--json", "--project", "PRJ-EINV"], cwd);
    const einv = (JSON.parse(all.out) as { project: string }[]).find((p) => p.project === "PRJ-EINV");
    expect(einv).toMatchObject({ statusDate: "2026-11-20" });
    expect(JSON.parse(one.out)).toEqual([einv]);
    expect(all.err).toContain("pmokit: as of 2026-11-20, the data's status date (no --as-of given)\n");
    expect(one.err).toContain("pmokit: as of 2026-11-20, the data's status date (no --as-of given); PRJ-EINV's own status date is 2026-10-30 (--as-of 2026-10-30 for the project as of then)\n");
  }, HEAVY);
});
