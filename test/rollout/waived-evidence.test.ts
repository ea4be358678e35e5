import { describe, expect, it } from "vitest";
import { decimal, instant, isoDate } from "../../src/index.js";
import { assessItem, decodeFacts, evaluateGate, readinessProgress } from "../../src/rollout/index.js";
import { doneItem, goNoGoGate } from "./helpers.js";

// An evidence rule is decisive: a todo item whose facts satisfy its rule is closed and done. A waived item with the
// same rule and the same facts was judged by its waiver alone: closed but "waived" (not done) while the waiver ran,
// and open — holding the gate — once it expired, though the facts proved the work. Waiving an item made it worse.
const rule = { all: [{ fact: "kb.published", op: ">=" as const, threshold: decimal(20) }] };
const waived = doneItem("kb", {
  status: "waived", completedOn: undefined, evidenceRule: rule,
  waiver: { approvedBy: "p-cio", reason: "articles go live in hypercare", grantedAt: instant("2025-03-02T08:00:00Z"), expiresOn: isoDate("2025-03-08") },
});
const todo = doneItem("kb", { status: "todo", completedOn: undefined, evidenceRule: rule });
const proven = { "kb.published": 24 }; // 24 ≥ 20
const short = { "kb.published": 12 }; // 12 < 20

describe("a waived item whose evidence rule holds is closed and done, as a todo item with the same facts", () => {
  it("after the waiver expired (03-08), judged 03-10 with 24 articles: closed, not held (was open, waiverExpired)", () => {
    const a = assessItem(waived, { asOf: isoDate("2025-03-10"), facts: decodeFacts(proven) });
    expect([a.state, a.done, a.waiverExpired]).toEqual(["closed", true, false]);
    expect(a.why).toBe("evidence rule holds: all 1 condition(s) hold");
    expect(assessItem(todo, { asOf: isoDate("2025-03-10"), facts: decodeFacts(proven) })).toMatchObject({ state: "closed", done: true });
    const r = evaluateGate({ items: [waived], gates: [goNoGoGate()] }, "g", { asOf: isoDate("2025-03-10"), facts: proven });
    expect([r.outcome, r.blockers.length]).toEqual(["go", 0]);
  });

  it("while the waiver runs, proven by the facts: counted done in readiness (was 0 of 1 done, 1 waived)", () => {
    const p = readinessProgress([waived], { asOf: isoDate("2025-03-05"), facts: proven });
    expect([p.overall.done, p.overall.waived, p.overall.percent.value?.toString()]).toEqual([1, 0, "100"]);
  });

  it("facts that fail the rule: the waiver still carries the item until it expires, then it is open", () => {
    expect(assessItem(waived, { asOf: isoDate("2025-03-05"), facts: decodeFacts(short) })).toMatchObject({ state: "closed", done: false });
    expect(assessItem(waived, { asOf: isoDate("2025-03-10"), facts: decodeFacts(short) })).toMatchObject({ state: "open", waiverExpired: true });
    const p = readinessProgress([waived], { asOf: isoDate("2025-03-05"), facts: short });
    expect([p.overall.done, p.overall.waived]).toEqual([0, 1]);
  });
});
