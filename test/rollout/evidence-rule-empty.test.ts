import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/index.js";
import { checkEvidenceRule, evaluateGate, readinessProgress } from "../../src/rollout/index.js";
import { doneItem, goNoGoGate } from "./helpers.js";

// An evidence rule is a list of conditions that must all hold. The entity and template schemas need at least one,
// but an edited memory-form item with `evidenceRule: { all: [] }` reached the check, where "all of none hold" closed
// the item as done: a todo blocking item read done (readiness 100 %) and let its gate pass (GO) — readiness from
// nothing. It is now a ValidationError at the item's `evidenceRule.all`.
const asOf = isoDate("2025-03-10");
const empty = doneItem("e", { status: "todo", completedOn: undefined, evidenceRule: { all: [] } } as never);

describe("an evidence rule without conditions proves nothing", () => {
  it("readinessProgress and evaluateGate refuse it at ['items', i, 'evidenceRule', 'all'] (it read 100 % and GO)", () => {
    expect(() => readinessProgress([doneItem("d"), empty], { asOf })).toThrow(/items\[1\]\.evidenceRule\.all: an evidence rule needs at least one condition/);
    expect(() => evaluateGate({ items: [empty], gates: [goNoGoGate()] }, "g", { asOf })).toThrow(/items\[0\]\.evidenceRule\.all/);
  });

  it("checkEvidenceRule refuses it at ['evidenceRule', 'all']", () => {
    expect(() => checkEvidenceRule(empty, new Map(), { asOf })).toThrow(/evidenceRule\.all: an evidence rule needs at least one condition/);
  });
});
