import { describe, expect, it } from "vitest";
import { canTransitionRequest, checkPredecessors, checkSlicesWithin, checkTimePhased, decodeEntity, ValidationError, type EntityKind } from "../../src/index.js";
import { loadSampleOffice } from "../../examples/office.js";

// Size pass 24: the codecs call the rules of checkTimePhased, checkSlicesWithin, checkPredecessors and
// canTransitionRequest without those public functions' argument guards (a refinement passes decoded values), and
// the checklist, gate and audit-event checks go through the shared refuse(). Same paths, same words; the public
// functions keep their guards.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const office = loadSampleOffice() as unknown as Record<EntityKind, any[]>;

function issuesOf(kind: EntityKind, wire: unknown, under = ""): { path: string; message: string }[] {
  try {
    decodeEntity(kind, wire);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).issues.map((i) => ({ path: i.path.join("."), message: i.message })).filter((i) => i.path.startsWith(under));
  }
  throw new Error(`${kind}: expected a ValidationError`);
}

describe("the entity codecs' refinements, in their own words and paths", () => {
  it("work package: slices out of order, in two currencies, before the package; a self and a repeated predecessor", () => {
    const wp = structuredClone(office["work-package"].find((w) => w.timePhasedBudget.length >= 2));
    wp.timePhasedBudget = wp.timePhasedBudget.slice(0, 2);
    const [first, second] = wp.timePhasedBudget;
    second.start = first.finish; // overlaps the first slice by its last day
    second.amount.currency = "USD";
    first.start = "2000-01-03"; // before any sample package's planned start
    wp.predecessors = [
      { predecessorId: wp.id, type: "FS" },
      { predecessorId: "wp-x", type: "FS" },
      { predecessorId: "wp-x", type: "FS" },
    ];
    expect(issuesOf("work-package", wp, "timePhasedBudget")).toEqual([
      { path: "timePhasedBudget.1.start", message: "slices must be in date order without overlap" },
      { path: "timePhasedBudget.1.amount.currency", message: "all slices must share one currency" },
      { path: "timePhasedBudget.0.start", message: "slice starts before the package" },
    ]);
    expect(issuesOf("work-package", wp, "predecessors")).toEqual([
      { path: "predecessors.0.predecessorId", message: "an item cannot be its own predecessor" },
      { path: "predecessors.2.predecessorId", message: "wp-x is already a predecessor" },
    ]);
  });

  it("baseline: a frozen package's slices overlap and one starts before it", () => {
    const bl = structuredClone(office.baseline[0]);
    const i = bl.workPackages.findIndex((p: { timePhasedBudget: unknown[] }) => p.timePhasedBudget.length >= 2);
    const [first, second] = bl.workPackages[i].timePhasedBudget;
    second.start = first.finish;
    first.start = "2000-01-03";
    expect(issuesOf("baseline", bl, "workPackages")).toEqual([
      { path: `workPackages.${i}.timePhasedBudget.1.start`, message: "slices must be in date order without overlap" },
      { path: `workPackages.${i}.timePhasedBudget.0.start`, message: "slice starts before the package" },
    ]);
  });

  it("milestone: a repeated predecessor", () => {
    const ms = structuredClone(office.milestone.find((m) => (m.predecessors ?? []).length > 0));
    ms.predecessors.push({ ...ms.predecessors[0] });
    expect(issuesOf("milestone", ms)).toEqual([
      { path: `predecessors.${ms.predecessors.length - 1}.predecessorId`, message: `${ms.predecessors[0].predecessorId} is already a predecessor` },
    ]);
  });

  it("checklist item: depends on itself, a gate twice; gate: an approver twice", () => {
    const ci = structuredClone(office["checklist-item"].find((c) => c.gateIds.length > 0));
    ci.dependsOn = [ci.id];
    ci.gateIds.push(ci.gateIds[0]);
    expect(issuesOf("checklist-item", ci)).toEqual([
      { path: "dependsOn.0", message: "an item cannot depend on itself" },
      { path: `gateIds.${ci.gateIds.length - 1}`, message: `duplicate gate ${ci.gateIds[0]}` },
    ]);
    const gate = structuredClone(office.gate.find((g) => g.approvers.length > 0));
    gate.approvers.push({ ...gate.approvers[0] });
    expect(issuesOf("gate", gate, "approvers")).toEqual([
      { path: `approvers.${gate.approvers.length - 1}.personId`, message: `${gate.approvers[0].personId} is listed twice` },
    ]);
  });

  it("audit event: a create makes version 1", () => {
    const at = "2026-05-04T09:00:00.000Z";
    const event = { id: "ae-1", version: 1, createdAt: at, updatedAt: at, actor: "p-ana", at, entityKind: "risk", entityId: "r-1", entityVersion: 2, action: "create", changes: [] };
    expect(issuesOf("audit-event", event)).toEqual([{ path: "entityVersion", message: "a create makes version 1" }]);
  });
});

describe("the public checks keep their argument guards", () => {
  const issues: { path: unknown; message: unknown }[] = [];
  const ctx = { addIssue: (i: { path: unknown; message: unknown }) => issues.push({ path: i.path, message: i.message }) } as never;

  it("refuse malformed arguments by name", () => {
    expect(() => checkTimePhased(null as never, ctx, [])).toThrow(/checkTimePhased/);
    expect(() => checkTimePhased([], {} as never, [])).toThrow(/addIssue/);
    expect(() => checkSlicesWithin([], 1 as never, "2026-01-31", ctx, [])).toThrow(/checkSlicesWithin/);
    expect(() => checkPredecessors("wp-1", [], {} as never)).toThrow(/addIssue/);
    expect(() => canTransitionRequest(1 as never, "submitted")).toThrow(/canTransitionRequest/);
  });

  it("and still report through the given context", () => {
    issues.length = 0;
    const slices = [
      { start: "2026-01-01", finish: "2026-01-31", amount: { currency: "EUR" } },
      { start: "2026-01-31", finish: "2026-02-28", amount: { currency: "EUR" } },
    ];
    checkTimePhased(slices, ctx, ["budget"]);
    checkSlicesWithin(slices, "2026-01-05", "2026-02-28", ctx, ["budget"]);
    checkPredecessors("wp-1", [{ predecessorId: "wp-1" }], ctx);
    expect(issues).toEqual([
      { path: ["budget", 1, "start"], message: "slices must be in date order without overlap" },
      { path: ["budget", 0, "start"], message: "slice starts before the package" },
      { path: ["predecessors", 0, "predecessorId"], message: "an item cannot be its own predecessor" },
    ]);
  });
});
