import { describe, expect, it } from "vitest";
import { isoDate, isPmoError, type Action, type Decision } from "../../src/index.js";
import { overdueActions, pendingDecisions } from "../../src/status/index.js";

// Actions and decisions exist in the as-of views from the UTC day of `createdAt` (docs/status-and-kpis.md, "The day
// judged"), the rule the closing-day check applies to `updatedAt`. A record built in memory with an offset was judged
// by the text of its local day instead: created 2026-03-11T01:00:00+02:00 (2026-03-10T23:00Z) was left out as of
// 03-10. Now its UTC day (03-10) is read; a createdAt that is no instant is a ValidationError at its path.

const d = (s: string) => isoDate(s);
const action = (createdAt: string) =>
  ({ id: "A", version: 1, createdAt, updatedAt: createdAt, projectId: "P", title: "t", ownerId: "p-o", dueDate: "2026-03-05", status: "open" }) as unknown as Action;
const decision = (createdAt: string) =>
  ({ id: "D", version: 1, createdAt, updatedAt: createdAt, projectId: "P", title: "t", description: "", options: [], status: "proposed" }) as unknown as Decision;

describe("the day a record was made, read from createdAt with an offset", () => {
  it("an action created 2026-03-11T01:00+02:00 (03-10T23:00Z), due 03-05: overdue 5 days as of 03-10 (03-05 → 03-10; was: left out)", () => {
    expect(overdueActions([action("2026-03-11T01:00:00+02:00")], { asOf: d("2026-03-10") }).map((a) => [a.actionId, a.daysOverdue])).toEqual([["A", 5]]);
    // 2026-03-10T20:00:00-05:00 is 03-11T01:00Z: not yet made as of 03-10.
    expect(overdueActions([action("2026-03-10T20:00:00-05:00")], { asOf: d("2026-03-10") })).toEqual([]);
  });

  it("a decision created 2026-03-11T01:00+02:00 is pending as of 03-10 (was: left out)", () => {
    expect(pendingDecisions([decision("2026-03-11T01:00:00+02:00")], { asOf: d("2026-03-10") }).map((x) => x.id)).toEqual(["D"]);
    expect(pendingDecisions([decision("2026-03-10T20:00:00-05:00")], { asOf: d("2026-03-10") }).map((x) => x.id)).toEqual([]);
  });

  it("a createdAt without a zone is refused at [actions, 0, createdAt] (its day would depend on the machine)", () => {
    try {
      overdueActions([action("2026-03-10T23:00:00")], { asOf: d("2026-03-10") });
      throw new Error("accepted");
    } catch (e) {
      expect(isPmoError(e, "validation"), String(e)).toBe(true);
      expect((e as { issues: { path: unknown[] }[] }).issues.map((i) => i.path)).toEqual([["actions", 0, "createdAt"]]);
    }
  });
});
