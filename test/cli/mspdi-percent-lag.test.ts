import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readAllRecords } from "../../src/io/index.js";
import { openSqlite } from "../../src/cli/sqlite.js";
import { dataset, run, temp } from "./run.js";

// `pmokit import --percent-lag-unit`: the unit of an MSPDI percent lag's LinkLag (docs/interop.md, "Percent lags").
const flags = ["--project", "prj-l", "--code", "PRJ-L", "--manager", "p-1", "--sponsor", "p-2", "--actor", "p-1"];
const task = (uid: number, extra = "") => `<Task><UID>${uid}</UID><ID>${uid}</ID><Name>T${uid}</Name><OutlineNumber>${uid}</OutlineNumber><OutlineLevel>1</OutlineLevel>
  <Start>2027-01-04T08:00:00</Start><Finish>2027-01-08T17:00:00</Finish><Duration>PT40H0M0S</Duration><Milestone>0</Milestone><Summary>0</Summary>${extra}</Task>`;
// A 25 % lag as MPXJ writes it: <LinkLag>25</LinkLag> at LagFormat 19.
const PLAN = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project"><Name>lag.xml</Name><StartDate>2027-01-04T08:00:00</StartDate>
<CurrencyCode>EUR</CurrencyCode><MinutesPerDay>480</MinutesPerDay><Tasks>${task(1)}${task(2, "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>25</LinkLag><LagFormat>19</LagFormat></PredecessorLink>")}</Tasks></Project>`;

async function importedLag(unit: string[]): Promise<string | undefined> {
  const cwd = temp();
  writeFileSync(join(cwd, "plan.xml"), PLAN);
  expect((await run(["init", "p.sqlite"], cwd)).code).toBe(0);
  expect((await run(["import", "plan.xml", ...flags, ...unit, "--db", "p.sqlite"], cwd)).code).toBe(0);
  const store = await openSqlite(join(cwd, "p.sqlite"));
  const records = await readAllRecords(store.adapter);
  await store.close();
  const lag = records["work-package"]?.find((w) => w.name === "T2")?.predecessors?.[0]?.lag;
  return lag?.kind === "percent" ? lag.percent.toFixed() : undefined;
}

describe("pmokit import --percent-lag-unit", () => {
  it("whole reads <LinkLag>25</LinkLag> as 25 %; the default reads tenths, 2.5 %", async () => {
    expect(await importedLag(["--percent-lag-unit", "whole"])).toBe("25");
    expect(await importedLag([])).toBe("2.5");
  });

  it("an unknown unit, or the flag on another format, is a usage error (exit 2)", async () => {
    const cwd = temp();
    writeFileSync(join(cwd, "plan.xml"), PLAN);
    writeFileSync(join(cwd, "office.json"), dataset({}));
    expect((await run(["validate", "plan.xml", ...flags, "--percent-lag-unit", "percent"], cwd)).code).toBe(2);
    const json = await run(["validate", "office.json", "--percent-lag-unit", "whole"], cwd);
    expect([json.code, json.err]).toEqual([2, "pmokit: --percent-lag-unit applies to MS Project XML (.xml) files only\n"]);
  });
});
