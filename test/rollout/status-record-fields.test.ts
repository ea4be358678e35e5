import { describe, expect, it } from "vitest";
import { instant, isoDate, type ChecklistItem } from "../../src/index.js";
import { evaluateGate, overdueItems, readinessProgress, waveProgress } from "../../src/rollout/index.js";
import { firstIssuePath } from "../support/errors.js";
import { doneItem, goNoGoGate } from "./helpers.js";

// The entity schema asks a done item for its completion day and a waiver for a `YYYY-MM-DD` expiry. Items built in
// memory (not decoded) skipped both checks, and readiness and gates then answered from a record they cannot read.

describe("a waiver whose expiry is not YYYY-MM-DD", () => {
  // Waiver granted 2025-03-02, expiry written "2025-3-31". As text, "2025-04-05" <= "2025-3-31" holds ('0' < '3'), so
  // on 2025-04-05 — five days after the waiver lapsed — the blocking item still counted as waived and the gate read
  // GO ("waived by p until 2025-3-31"). The expiry cannot be read, so the answer is a ValidationError at its path.
  const waived = doneItem("w", {
    status: "waived", completedOn: undefined,
    waiver: { reason: "other", approvedBy: "p", grantedAt: instant("2025-03-02T08:00:00Z"), expiresOn: "2025-3-31" },
  } as unknown as Partial<ChecklistItem>);
  it("evaluateGate as of 2025-04-05 was GO; it is a ValidationError at [items, 0, waiver, expiresOn]", () => {
    expect(firstIssuePath(() => evaluateGate({ items: [waived], gates: [goNoGoGate()] }, "g", { asOf: isoDate("2025-04-05") }))).toEqual(["items", 0, "waiver", "expiresOn"]);
  });
  it("readinessProgress and overdueItems refuse it too (they judge the same item)", () => {
    expect(firstIssuePath(() => readinessProgress([waived], { asOf: isoDate("2025-04-05") }))).toEqual(["items", 0, "waiver", "expiresOn"]);
    expect(firstIssuePath(() => overdueItems([waived], { asOf: isoDate("2025-04-05") }))).toEqual(["items", 0, "waiver", "expiresOn"]);
  });
  it("a waiver expiring on asOf itself still carries the item that day and not the next (the documented rule)", () => {
    // expiresOn 2025-03-10: asOf 03-10 ≤ 03-10 → waived, GO; asOf 03-11 > 03-10 → expired, the item holds the gate.
    const ok = doneItem("w", { ...waived, waiver: { ...waived.waiver!, expiresOn: isoDate("2025-03-10") } });
    expect(evaluateGate({ items: [ok], gates: [goNoGoGate()] }, "g", { asOf: isoDate("2025-03-10") }).outcome).toBe("go");
    const next = evaluateGate({ items: [ok], gates: [goNoGoGate()] }, "g", { asOf: isoDate("2025-03-11") });
    expect([next.outcome, next.blockers.map((b) => b.waiverExpired)]).toEqual(["no-go", [true]]);
  });
});

describe("a done item without its completion day", () => {
  // Done, no completedOn, last changed 2025-03-09. As of 2025-03-02 the record cannot show it was done then, yet it
  // read "done on ?", closed: readiness 100 % (1 of 1) and the gate GO a week before anything was recorded. The
  // schema's rule (a done item needs its completion day) is the answer: a ValidationError at its path.
  const undated = doneItem("d", { completedOn: undefined, updatedAt: instant("2025-03-09T08:00:00Z") });
  it("evaluateGate as of 2025-03-02 was GO; it is a ValidationError at [items, 0, completedOn]", () => {
    expect(firstIssuePath(() => evaluateGate({ items: [undated], gates: [goNoGoGate()] }, "g", { asOf: isoDate("2025-03-02") }))).toEqual(["items", 0, "completedOn"]);
  });
  it("readinessProgress as of 2025-03-02 was 100 %; it is the same ValidationError", () => {
    expect(firstIssuePath(() => readinessProgress([undated], { asOf: isoDate("2025-03-02") }))).toEqual(["items", 0, "completedOn"]);
  });
});

// Regression pins for rules the guide states (docs/rollout.md, "Readiness, overdue items, waves"); these held already.
describe("documented edges that held", () => {
  it("an open item is not overdue on its due day, and 1 day overdue the day after (dueDate < asOf)", () => {
    // Due 2025-03-10, todo: on 03-10 nothing is overdue; on 03-11 it is, 03-11 − 03-10 = 1 calendar day.
    const due = doneItem("d", { status: "todo", completedOn: undefined, dueDate: isoDate("2025-03-10") });
    expect(overdueItems([due], { asOf: isoDate("2025-03-10") }).items).toEqual([]);
    expect(overdueItems([due], { asOf: isoDate("2025-03-11") }).items.map((i) => [i.code, i.daysOverdue])).toEqual([["D", 1]]);
  });
  it("a wave of zero users gives no-target and no-attempts, never 0 % (per wave, audience and total)", () => {
    const w = { id: "w1", name: "W", start: isoDate("2025-03-01"), finish: isoDate("2025-03-05"), audience: "A", targetCount: 0, installedCount: 0, trainedCount: 0, failedCount: 0 };
    const p = waveProgress({ waves: [w] }, { asOf: isoDate("2025-03-10") });
    for (const c of [p.waves[0]!, p.byAudience["A"]!, p.total]) {
      expect([c.installedPercent, c.trainedPercent, c.installSuccessPercent]).toEqual([{ reason: "no-target" }, { reason: "no-target" }, { reason: "no-attempts" }]);
    }
  });
});
