import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

async function run(argv: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, cwd });
  return { code, out, err };
}

describe("pmokit schedule", () => {
  const cwd = mkdtempSync(join(tmpdir(), "pmokit-schedule-"));
  beforeAll(async () => {
    expect((await run(["init", "o.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", join(process.cwd(), "examples", "data"), "--db", "o.sqlite"], cwd)).code).toBe(0);
  }, 60_000);

  it("schedules the CRM network at the status date: go-live misses its 2027-03-01 deadline, a finding (exit 1)", async () => {
    const r = await run(["schedule", "--db", "o.sqlite", "--project", "PRJ-CRM", "--json"], cwd);
    expect(r.code).toBe(1);
    const [crm] = JSON.parse(r.out) as { project: string; finish: string; activities: { id: string; earlyFinish: string; critical: boolean; driver: string }[]; violations: { activity: string; kind: string; days: string | null }[] }[];
    expect(crm!.project).toBe("PRJ-CRM");
    const golive = crm!.activities.find((a) => a.id === "ms-crm-go-live")!;
    // Training (wp-crm-5, FF into go-live) is 12/420 users done: the plan's remaining days put it after the deadline.
    expect(golive.critical).toBe(true);
    expect(crm!.violations.find((v) => v.kind === "deadline-missed")?.activity).toBe("ms-crm-go-live");
    // UAT waits for the build milestone (FS with a 15-day lead) and system testing (FF + 15).
    expect(crm!.activities.find((a) => a.id === "wp-crm-4.2")!.critical).toBe(true);
  }, 60_000);

  it("prints one line per project with its finish and critical path, then its violations", async () => {
    const r = await run(["schedule", "--db", "o.sqlite"], cwd);
    const heads = r.out.split("\n").filter((l) => /^PRJ-/.test(l)).map((l) => l.slice(0, 9).trim());
    expect(heads).toEqual(["PRJ-CRM", "PRJ-DCX", "PRJ-EINV", "PRJ-WMS"]);
    expect(r.out).toContain("deadline-missed: ms-crm-go-live finishes");
  }, 60_000);

  it("exits 2 for an unknown project", async () => {
    const r = await run(["schedule", "--db", "o.sqlite", "--project", "PRJ-NOPE"], cwd);
    expect([r.code, r.err.trim()]).toEqual([2, "pmokit: no project PRJ-NOPE"]);
  }, 60_000);
});
