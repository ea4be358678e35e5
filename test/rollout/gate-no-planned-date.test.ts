import { describe, expect, it } from "vitest";
import { isoDate } from "../../src/index.js";
import { readinessFigures } from "../../src/rollout/index.js";
import { doneItem, goNoGoGate } from "./helpers.js";

// A go/no-go gate without a `plannedDate` never counted as come: its open blocking items never reached the readiness
// RAG (the figure read no-data for ever). Rule now: such a gate has come once every item in its scope is due — the
// latest `dueDate` of its scope is on or before `asOf` (the decision is due when what it judges is due). A gate that
// cannot be dated that way (an item of its scope not scheduled, or nothing in scope) is listed in
// `goNoGoGatesUndated` with the typed reason `no-planned-date`, and the RAG figure is missing with that reason rather
// than `no-data` when no gate has come and no blocking item is open at one.
const open = (id: string, due: string) => doneItem(id, { status: "todo", completedOn: undefined, dueDate: isoDate(due) });
const gate = goNoGoGate(); // no plannedDate, scope: phase prepare

describe("a go/no-go gate without a planned date", () => {
  it("comes when its latest scope item is due: items due 03-05 and 03-10, as of 03-11 → come, 1 open blocking item (red)", () => {
    const data = { items: [doneItem("a", { dueDate: isoDate("2025-03-05") }), open("b", "2025-03-10")], gates: [gate] };
    const f = readinessFigures(data, { asOf: isoDate("2025-03-11") });
    expect([f.goNoGoGatesDue, f.openBlockingAtGoNoGo, f.rag.openBlockingAtGoNoGo.value?.toFixed(), f.goNoGoGatesUndated]).toEqual([["g"], 1, "1", []]);
    // As of 03-10 (the latest due day) it has come too; as of 03-09 it has not: no-data, not undated.
    expect(readinessFigures(data, { asOf: isoDate("2025-03-10") }).goNoGoGatesDue).toEqual(["g"]);
    const before = readinessFigures(data, { asOf: isoDate("2025-03-09") });
    expect([before.goNoGoGatesDue, before.rag.openBlockingAtGoNoGo.reason]).toEqual([[], "no-data"]);
  });

  it("an unscheduled item in its scope: the gate cannot be dated — listed with no-planned-date, the figure missing with that reason", () => {
    const unscheduled = doneItem("c", { status: "todo", completedOn: undefined });
    const f = readinessFigures({ items: [open("b", "2025-03-10"), unscheduled], gates: [gate] }, { asOf: isoDate("2025-03-11") });
    const note = "go/no-go gate g has no planned date and 1 item of its scope has no due day (C): it cannot be told whether it has come";
    expect(f.goNoGoGatesUndated).toEqual([{ gateId: "g", reason: "no-planned-date", note }]);
    expect(f.goNoGoGatesDue).toEqual([]);
    expect(f.rag.openBlockingAtGoNoGo).toEqual({ reason: "no-planned-date", detail: note });
  });

  it("a planned date still rules: planned 03-20 with every item due by 03-10 is not come on 03-11", () => {
    const f = readinessFigures({ items: [open("b", "2025-03-10")], gates: [goNoGoGate({ plannedDate: isoDate("2025-03-20") })] }, { asOf: isoDate("2025-03-11") });
    expect(f.goNoGoGatesDue).toEqual([]);
  });
});
