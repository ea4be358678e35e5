import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HEAVY, run, temp } from "./run.js";

// `pmokit trace` (and the report's requirements section) judged traceability on everything recorded, whatever
// `--as-of` said, while the same run's earned value, RAG and rollout were of the status date. On the sample, FR-108's
// operations acknowledgement was given on 2026-11-09 (p-stefan-krause): as of 2026-11-01 it had not been, so the
// operations audience is still pending then; as of 2026-11-20 it is not. Before: ["developer"] on both days.
describe("pmokit trace is judged as of its status date", () => {
  it("an acknowledgement given after --as-of is still pending then", async () => {
    const cwd = temp();
    expect((await run(["init", "o.sqlite"], cwd)).code).toBe(0);
    expect((await run(["import", join(process.cwd(), "examples", "data"), "--db", "o.sqlite"], cwd)).code).toBe(0);
    const pending = async (asOf: string) => {
      const out = JSON.parse((await run(["trace", "--db", "o.sqlite", "--json", "--as-of", asOf], cwd)).out) as { acknowledgementGaps: { requirement: string; pending: string[] }[] };
      return out.acknowledgementGaps.find((g) => g.requirement === "FR-108")?.pending;
    };
    expect(await pending("2026-11-20")).toEqual(["developer"]);
    expect(await pending("2026-11-01")).toEqual(["developer", "operations"]);
    // The day itself counts through its end (2026-11-09T16:30 is in force on 2026-11-09).
    expect(await pending("2026-11-09")).toEqual(["developer"]);
  }, HEAVY);
});
