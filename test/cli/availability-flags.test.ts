import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HEAVY, run, temp } from "./run.js";

// `report` and `demo` computed availability with neither `outageSplitting` nor `timeZone`: always one failure per
// outage and UTC days. The sample office's erp outages, plus two unplanned ones (hand derivation, minutes):
// - sample: planned 02-14 20:00Z – 02-15 02:00Z (360 min taken out of the agreed time), unplanned 06-03 13:02–13:41
//   (39) and 09-17 08:20–10:05 (105): 144 minutes, 2 failures;
// - OUT-2026-900, unplanned 02-14 19:30Z – 02-15 02:45Z: the planned outage cuts it into 19:30–20:00 (30) and
//   02:00–02:45 (45), 75 minutes: one failure counted once, two counted each part;
// - OUT-2026-901, unplanned 11-20 23:10Z – 23:40Z (30): inside the status date's UTC day, after its end in Berlin
//   (CET, +01:00: 2026-11-20 ends 2026-11-20T23:00Z).
// Agreed time: 324 days × 1,440 = 466,560 − 360 = 466,200 minutes, in UTC as in Berlin (both ends in CET, +01:00).
const outage = (id: string, start: string, end: string) => ({ id, version: 1, createdAt: start, updatedAt: end, service: "erp", start, end, planned: false, impact: "full", description: "test outage" });
const cwd = temp();
const data = join(cwd, "data");
cpSync(join(import.meta.dirname, "../../examples/data"), data, { recursive: true });
const file = join(data, "service-outage.json");
writeFileSync(file, JSON.stringify([...JSON.parse(readFileSync(file, "utf8")), outage("OUT-2026-900", "2026-02-14T19:30:00.000Z", "2026-02-15T02:45:00.000Z"), outage("OUT-2026-901", "2026-11-20T23:10:00.000Z", "2026-11-20T23:40:00.000Z")]));
const erpRow = async (flags: string[]) => {
  const out = `r-${flags.join("-").replace(/\//g, "_")}.md`;
  const r = await run(["report", "--format", "md", "--out", out, "--as-of", "2026-11-20", ...flags], cwd);
  expect(r).toMatchObject({ code: 0, err: "" });
  return readFileSync(join(cwd, out), "utf8").split("\n").find((l) => l.startsWith("| Availability erp") && l.includes("agreed minutes"));
};

describe("report --outage-splitting and --time-zone", { timeout: HEAVY * 3 }, () => {
  it("imports the office with the added outages", async () => {
    expect((await run(["init", "pmokit.sqlite"], cwd)).code).toBe(0);
    expect(await run(["import", "data"], cwd)).toMatchObject({ code: 0, err: "" });
  });

  it("defaults: one failure per outage, UTC days (249 minutes, 4 failures)", async () => {
    // 144 + 75 + 30 = 249 minutes down; (466,200 − 249) / 466,200 = 99.94658…% → 99.947%.
    expect(await erpRow([])).toBe("| Availability erp (2026-01-01 – 2026-11-20, to status date) | 99.947% | 249 of 466,200 agreed minutes down, 4 unplanned failures |");
  });

  it("count-each-part counts the split outage twice (5 failures), availability unchanged", async () => {
    expect(await erpRow(["--outage-splitting", "count-each-part"])).toBe("| Availability erp (2026-01-01 – 2026-11-20, to status date) | 99.947% | 249 of 466,200 agreed minutes down, 5 unplanned failures (each part of a split outage counted) |");
  });

  it("--time-zone Europe/Berlin measures Berlin days: the outage after the status date's end is left out", async () => {
    // 144 + 75 = 219 minutes; (466,200 − 219) / 466,200 = 99.95302…% → 99.953%.
    expect(await erpRow(["--time-zone", "Europe/Berlin"])).toBe("| Availability erp (2026-01-01 – 2026-11-20, to status date, Europe/Berlin days) | 99.953% | 219 of 466,200 agreed minutes down, 3 unplanned failures |");
  });

  it("refuses a value it does not know, before any work, with exit 2", async () => {
    const split = await run(["report", "--format", "md", "--out", "x.md", "--outage-splitting", "twice"], cwd);
    expect(split.code).toBe(2);
    expect(split.err).toContain("--outage-splitting <rule>' argument 'twice' is invalid. Allowed choices are count-once, count-each-part.");
    const zone = await run(["demo", "--time-zone", "Mars/Olympus"], cwd);
    expect(zone.code).toBe(2);
    expect(zone.err).toContain("--time-zone must be an IANA time zone such as Europe/Berlin, got Mars/Olympus");
  });
});
