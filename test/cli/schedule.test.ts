import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
// The shared runner: its clock reads 2026-11-20, the sample's status date, so --as-of defaults to it.
import { run } from "./run.js";

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
    expect(r.out).toContain("deadline-missed: Go-live (milestone) finishes");
  }, 60_000);

  it("exits 2 for an unknown project", async () => {
    const r = await run(["schedule", "--db", "o.sqlite", "--project", "PRJ-NOPE"], cwd);
    expect([r.code, r.err.trim()]).toEqual([2, "pmokit: no project PRJ-NOPE"]);
  }, 60_000);

  it("risk: seeded Monte Carlo per project, the same seed gives the same percentiles; exit 1 when P80 is after the planned finish", async () => {
    const a = await run(["risk", "--db", "o.sqlite", "--project", "PRJ-CRM", "--iterations", "300", "--seed", "7", "--json"], cwd);
    const b = await run(["risk", "--db", "o.sqlite", "--project", "PRJ-CRM", "--iterations", "300", "--seed", "7", "--json"], cwd);
    expect(a.out).toBe(b.out);
    expect(a.code).toBe(1);
    const [crm] = JSON.parse(a.out) as { project: string; iterations: number; seed: number; target: string; percentiles: { percent: number; finish: string }[]; probabilityOfTarget: string; tornado: { activity: string }[] }[];
    expect([crm!.project, crm!.iterations, crm!.seed, crm!.target]).toEqual(["PRJ-CRM", 300, 7, "2027-04-30"]);
    expect(crm!.percentiles.map((p) => p.percent)).toEqual([10, 50, 80, 90]);
    // Percentiles never decrease, and the three-point estimates only lengthen work (most likely = plan).
    const f = crm!.percentiles.map((p) => p.finish);
    expect([...f].sort()).toEqual(f);
    // UAT (triangular 0.9–1.5 of plan, and the key-user risk) drives the finish most.
    expect(crm!.tornado[0]!.activity).toBe("wp-crm-4.2");
    const other = await run(["risk", "--db", "o.sqlite", "--project", "PRJ-CRM", "--iterations", "300", "--seed", "8", "--json"], cwd);
    expect(other.out).not.toBe(a.out);
  }, 60_000);

  it("risk: refuses a bad iteration count and an unknown project with exit 2; no progress bar off a TTY", async () => {
    const bad = await run(["risk", "--db", "o.sqlite", "--iterations", "0"], cwd);
    expect([bad.code, bad.err.trim()]).toEqual([2, "pmokit: --iterations must be a whole number from 1 to 1000000, got 0"]);
    // A seed past 2^53 − 1 is not the number written: a usage error, not a "validation" error of the analysis.
    const seed = await run(["risk", "--db", "o.sqlite", "--seed", "99999999999999999999", "--json"], cwd);
    expect([seed.code, JSON.parse(seed.out).error.code, JSON.parse(seed.out).error.message]).toEqual([2, "usage", "--seed must be a whole number from 0 to 9007199254740991, got 99999999999999999999"]);
    const none = await run(["risk", "--db", "o.sqlite", "--project", "PRJ-NOPE"], cwd);
    expect([none.code, none.err.trim()]).toEqual([2, "pmokit: no project PRJ-NOPE"]);
    const text = await run(["risk", "--db", "o.sqlite", "--project", "PRJ-CRM", "--iterations", "200", "--as-of", "2026-11-20"], cwd);
    expect(text.err).toBe("");
    expect(text.out).toMatch(/^PRJ-CRM {3}P10 \d{4}-\d{2}-\d{2} {2}P50/);
    expect(text.out).toContain("P(finish ≤ 2027-04-30) = ");
  }, 60_000);
});
