import { describe, expect, it } from "vitest";
import { createMemoryAdapter, createRepositories, decimal, decodeEntity, encodeEntity, instant, isoDate, type ChecklistItem } from "../../src/index.js";
import { createPmo } from "../../src/services/index.js";
import { assessItem, changeItemStatus, decodeFacts, evaluateGate, overdueItems, readinessProgress } from "../../src/rollout/index.js";
import { firstIssuePath, firstIssuePathAsync } from "../support/errors.js";
import { CREATED_AT, doneItem, goNoGoGate } from "./helpers.js";

// Skipped and not-applicable items carry the day they took that status (`skippedOn`, `notApplicableOn`), as a done
// item carries `completedOn`. Without it an as-of view treated them as skipped / not applicable on every earlier day,
// so a gate could read GO on a day it was blocked. Each case below is derived by hand in its comment.

const asOf = (d: string) => ({ asOf: isoDate(d), facts: {} });
const FACTS = decodeFacts({});

// Plan rp-x, gate "g" over the prepare phase with its one approval given on 2025-03-01 (helpers.ts).
//   A  blocking, done 2025-03-05;
//   N  blocking, found not applicable on 2025-03-12 (recorded that day);
//   S  advisory, skipped on 2025-03-12.
const a = doneItem("a");
const n = doneItem("n", { status: "not-applicable", completedOn: undefined, statusReason: "no database to back up", notApplicableOn: isoDate("2025-03-12"), updatedAt: instant("2025-03-12T10:00:00Z") });
const s = doneItem("s", { blocking: false, status: "skipped", completedOn: undefined, statusReason: "no time", skippedOn: isoDate("2025-03-12"), updatedAt: instant("2025-03-12T10:00:00Z") });
const data = { items: [a, n, s], gates: [goNoGoGate()] };

describe("a gate as of the day before and the day after a skip", () => {
  it("2025-03-11, the day before: N still applied and was open → NO-GO held by N; S an open advisory item", () => {
    // Before the fix N read "not applicable" on 03-11 and S "skipped": GO, although nothing closed N until 03-12.
    const r = evaluateGate(data, "g", asOf("2025-03-11"));
    expect(r.outcome).toBe("no-go");
    expect(r.blockers.map((b) => b.id)).toEqual(["n"]);
    expect(r.openAdvisory.map((b) => b.id)).toEqual(["s"]);
    expect(r.reasons).toEqual(["1 blocking item(s) not closed: N"]);
    const byId = new Map(r.scope.map((x) => [x.id, x]));
    expect(byId.get("n")).toMatchObject({ state: "open", statusUnknown: false, why: "not applicable only on 2025-03-12, after 2025-03-11; its status before is not recorded" });
    expect(byId.get("s")).toMatchObject({ state: "open", statusUnknown: false, why: "skipped only on 2025-03-12, after 2025-03-11; its status before is not recorded" });
    // Readiness: 3 items, none skipped or not applicable yet, 1 done → 1 ÷ 3.
    const p = readinessProgress(data.items, asOf("2025-03-11")).overall;
    expect([p.total, p.skipped, p.notApplicable, p.applicable, p.done]).toEqual([3, 0, 0, 3, 1]);
    expect(p.percent.value!.eq(decimal(100).div(3))).toBe(true);
  });

  it("2025-03-13, the day after (and 03-12, the day itself): N not applicable, S skipped (advisory) → GO", () => {
    for (const day of ["2025-03-12", "2025-03-13"]) {
      const r = evaluateGate(data, "g", asOf(day));
      expect(r.outcome).toBe("go");
      expect([r.blockers, r.openAdvisory]).toEqual([[], []]);
      expect(r.reasons).toEqual(["every blocking item closed and 1 of 1 approvals given"]);
      // Readiness: 3 − 1 skipped − 1 not applicable = 1 applicable, done → 100 %.
      const p = readinessProgress(data.items, asOf(day)).overall;
      expect([p.skipped, p.notApplicable, p.applicable, p.done, p.percent.value!.toFixed()]).toEqual([1, 1, 1, 1, "100"]);
    }
  });

  it("a skipped blocking item holds the gate on both days; before its day it is open (and can be overdue), after it skipped", () => {
    const sb = doneItem("sb", { status: "skipped", completedOn: undefined, statusReason: "no time", skippedOn: isoDate("2025-03-12"), dueDate: isoDate("2025-03-07") });
    const before = evaluateGate({ items: [sb], gates: [goNoGoGate()] }, "g", asOf("2025-03-11"));
    const after = evaluateGate({ items: [sb], gates: [goNoGoGate()] }, "g", asOf("2025-03-13"));
    expect([before.outcome, before.blockers[0]!.state, after.outcome, after.blockers[0]!.state]).toEqual(["no-go", "open", "no-go", "excluded"]);
    // Overdue (due 03-07) while it was open; a skipped item is never overdue.
    expect(overdueItems([sb], asOf("2025-03-11")).items.map((i) => i.daysOverdue)).toEqual([4]);
    expect(overdueItems([sb], asOf("2025-03-13")).items).toEqual([]);
  });

  it("before its day an item stands on its evidence rule: proven then, it is closed and done", () => {
    const rule = { all: [{ fact: "kb.published", op: ">=" as const, threshold: decimal(20) }] };
    const kb = doneItem("kb", {
      status: "not-applicable", completedOn: undefined, statusReason: "articles moved to the vendor portal", notApplicableOn: isoDate("2025-03-12"), evidenceRule: rule,
      evidence: [{ type: "metric", reference: "kb.published", value: decimal(25), recordedBy: "p", recordedAt: instant("2025-03-04T12:00:00Z") }],
    });
    expect(assessItem(kb, { asOf: isoDate("2025-03-11"), facts: FACTS })).toMatchObject({ state: "closed", done: true, statusUnknown: false });
    expect(assessItem(kb, { asOf: isoDate("2025-03-12"), facts: FACTS })).toMatchObject({ state: "excluded", done: false });
  });
});

describe("records without the day (made before skippedOn and notApplicableOn existed)", () => {
  // N/A without notApplicableOn, last changed 2025-03-12T10:00Z: the record shows the status from 03-12 on. On 03-11
  // the record cannot tell whether it already applied: it is counted as open (never better than the data shows), and
  // both the item and the gate say so.
  const old = doneItem("n", { status: "not-applicable", completedOn: undefined, statusReason: "no database to back up", updatedAt: instant("2025-03-12T10:00:00Z") });

  it("still decode", () => {
    const wire = encodeEntity("checklist-item", old);
    expect("notApplicableOn" in wire).toBe(false);
    expect(decodeEntity("checklist-item", wire).status).toBe("not-applicable");
  });

  it("count as skipped or not applicable from the day of their last change; before it as open, flagged statusUnknown", () => {
    const before = evaluateGate({ items: [a, old], gates: [goNoGoGate()] }, "g", asOf("2025-03-11"));
    expect(before.outcome).toBe("no-go");
    expect(before.blockers.map((b) => [b.id, b.state, b.statusUnknown])).toEqual([["n", "open", true]]);
    expect(before.blockers[0]!.why).toBe("not applicable with no day recorded, known only from 2025-03-12: unknown on 2025-03-11, counted as open");
    expect(before.reasons).toEqual([
      "1 blocking item(s) not closed: N",
      "1 item(s) counted as open because the record cannot tell whether they were already skipped or not applicable on 2025-03-11 (no day recorded): N",
    ]);
    const after = evaluateGate({ items: [a, old], gates: [goNoGoGate()] }, "g", asOf("2025-03-12"));
    expect([after.outcome, after.scope[1]!.state, after.scope[1]!.statusUnknown]).toEqual(["go", "excluded", false]);
    // Records created with the status and never changed (updatedAt = createdAt) read as before on every later day.
    const untouched = { ...old, updatedAt: CREATED_AT };
    expect(evaluateGate({ items: [a, untouched], gates: [goNoGoGate()] }, "g", asOf("2025-03-05")).outcome).toBe("go");
  });
});

describe("the day is recorded with the status", () => {
  const todo = doneItem("t", { status: "todo", completedOn: undefined });
  const at = instant("2025-03-12T10:00:00Z");

  it("the schema: only a skipped item has skippedOn, only a not-applicable one notApplicableOn; dates are calendar dates", () => {
    const wire = encodeEntity("checklist-item", todo);
    expect(firstIssuePath(() => decodeEntity("checklist-item", { ...wire, skippedOn: "2025-03-12" }))).toEqual(["skippedOn"]);
    expect(firstIssuePath(() => decodeEntity("checklist-item", { ...wire, status: "skipped", statusReason: "r", notApplicableOn: "2025-03-12" }))).toEqual(["notApplicableOn"]);
    expect(firstIssuePath(() => readinessProgress([{ ...todo, status: "skipped", statusReason: "r", skippedOn: "2025-3-12" } as ChecklistItem], asOf("2025-03-12")))).toEqual(["items", 0, "skippedOn"]);
  });

  it("changeItemStatus: the day given, else the change's UTC day; kept while the status stays; dropped when it leaves", () => {
    const skipped = changeItemStatus(todo, { status: "skipped", reason: "no time" }, at);
    expect(skipped.skippedOn).toBe("2025-03-12");
    expect(changeItemStatus(todo, { status: "not-applicable", reason: "no server", notApplicableOn: "2025-03-10" }, at).notApplicableOn).toBe("2025-03-10");
    const reworded = changeItemStatus(skipped, { status: "skipped", reason: "no time before go-live" }, instant("2025-03-14T08:00:00Z"));
    expect(reworded.skippedOn).toBe("2025-03-12");
    const reopened = changeItemStatus(reworded, { status: "todo" }, instant("2025-03-15T08:00:00Z"));
    expect("skippedOn" in reopened).toBe(false);
    // The future is not recorded: a skip day no time zone has reached at the change is refused (10:00 UTC + 14 h is
    // 03-13 00:00 on the Line Islands, so 03-13 is a day somewhere; 03-14 is nowhere yet).
    expect(firstIssuePath(() => changeItemStatus(todo, { status: "skipped", reason: "r", skippedOn: "2025-03-14" }, at))).toEqual(["skippedOn"]);
  });

  it("the service: today's day when none is given, audited; dropped when the item is reopened; no future day", async () => {
    const adapter = createMemoryAdapter();
    const repos = createRepositories(adapter);
    await repos["checklist-item"].importRecord(encodeEntity("checklist-item", todo) as never);
    const pmo = createPmo(adapter, { clock: () => "2025-03-12T10:00:00.000Z" });
    const na = await pmo.updateChecklistItem("p", "t", 1, { status: "not-applicable", statusReason: "no server" });
    expect(na.notApplicableOn).toBe("2025-03-12");
    const [change] = await pmo.history("checklist-item", "t");
    expect(change!.changes).toContainEqual({ path: ["notApplicableOn"], after: "2025-03-12" });
    const back = await pmo.updateChecklistItem("p", "t", 2, { status: "todo", statusReason: undefined });
    expect("notApplicableOn" in back).toBe(false);
    expect(await firstIssuePathAsync(() => pmo.updateChecklistItem("p", "t", 3, { status: "skipped", statusReason: "r", skippedOn: "2025-03-14" }))).toEqual(["skippedOn"]);
  });
});
