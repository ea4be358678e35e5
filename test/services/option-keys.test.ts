import { describe, expect, it } from "vitest";
import { createMemoryAdapter } from "../../src/index.js";
import { createPmo, runOperation } from "../../src/services/index.js";
import { NOW, memoryOffice } from "./office.js";
import { issuesOfAsync } from "../support/errors.js";

// Seventh audit pass: a misspelt option key is refused, not ignored while the default runs (`{ clok: … }` stamped
// audit events with the system clock; `{ expectedVerison: 3 }` wrote over a newer version). The services report
// their option errors at the option's key (["ids"], ["asOf"]), so an unknown key's path is [key] too; the methods
// reject (they return promises), nothing written.

const TRANSITION = "reason, expectedVersion";

describe("services options: unknown keys", () => {
  it("createPmo and runOperation", async () => {
    const adapter = createMemoryAdapter();
    expect(await issuesOfAsync(() => createPmo(adapter, { clok: () => NOW } as never))).toEqual([["clok", "unknown option (createPmo takes clock, ids, onWrite)"]]);
    expect(await issuesOfAsync(() => runOperation(adapter, { clok: () => NOW } as never, "p-1", async () => 1))).toEqual([["clok", "unknown option (runOperation takes clock, ids, onWrite)"]]);
    expect(await runOperation(adapter, { clock: () => NOW }, "p-1", async (w) => w.at)).toBe(NOW);
  });
  it("the request transitions and recordProgress reject an unknown key, nothing written", async () => {
    const { pmo, repos } = await memoryOffice();
    const before = await repos.request.require("REQ-2027-003");
    for (const [name, call] of [
      ["submitRequest", () => pmo.submitRequest("p-sofia-marino", "REQ-2027-003", { reasn: "x" } as never)],
      ["reviewRequest", () => pmo.reviewRequest("p-sofia-marino", "REQ-2027-003", { reasn: "x" } as never)],
      ["approveRequest", () => pmo.approveRequest("p-sofia-marino", "REQ-2027-003", { reasn: "x" } as never)],
      ["rejectRequest", () => pmo.rejectRequest("p-sofia-marino", "REQ-2027-003", { reasn: "x" } as never)],
      ["deferRequest", () => pmo.deferRequest("p-sofia-marino", "REQ-2027-003", { reasn: "x" } as never)],
      ["convertRequest", () => pmo.convertRequest("p-sofia-marino", "REQ-2027-003", {} as never, { reasn: "x" } as never)],
    ] as const) {
      expect(await issuesOfAsync(call), name).toEqual([["reasn", `unknown option (${name} takes ${TRANSITION})`]]);
    }
    expect(await issuesOfAsync(() => pmo.recordProgress("p-sofia-marino", "WP-1", {} as never, { version: 1 } as never))).toEqual([
      ["version", "unknown option (recordProgress takes expectedVersion)"],
    ]);
    expect((await repos.request.require("REQ-2027-003")).version).toBe(before.version);
    // A correct call still works: REQ-2027-003 is submitted; review moves it to in-review.
    expect((await pmo.reviewRequest("p-sofia-marino", "REQ-2027-003", { reason: "complete", expectedVersion: before.version })).status).toBe("in-review");
  });
  it("rollouts and rolloutReadiness", async () => {
    const { pmo } = await memoryOffice();
    expect(await issuesOfAsync(() => pmo.rollouts({ asof: "2026-11-20" } as never))).toEqual([["asof", "unknown option (rollouts takes asOf, facts)"]]);
    expect(await issuesOfAsync(() => pmo.rolloutReadiness({ asOf: "2026-11-20", fact: {} } as never))).toEqual([["fact", "unknown option (rolloutReadiness takes asOf, facts)"]]);
    const rs = await pmo.rolloutReadiness({ asOf: "2026-11-20" as never });
    expect((await pmo.rollouts({ asOf: "2026-11-20" as never })).map((r) => r.plan.id)).toEqual(rs.map((r) => r.plan.id));
  });
});
