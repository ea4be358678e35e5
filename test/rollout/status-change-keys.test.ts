// gates21 audit: changeItemStatus read its change without checking its keys. A skip recorded with `skippedon` (for
// `skippedOn: "2025-03-10"`) was dated the day of the change instead, so the item read as not yet skipped on the days
// between — a gate judged then counted it as open, and readiness kept it in its denominator.
import { describe, expect, it } from "vitest";
import { instant, isoDate } from "../../src/index.js";
import { changeItemStatus, readinessProgress } from "../../src/rollout/index.js";
import { issuesOf } from "../support/errors.js";
import { doneItem } from "./helpers.js";

const at = instant("2025-03-20T09:00:00Z");
const todo = doneItem("a", { status: "todo", completedOn: undefined });

describe("changeItemStatus refuses a key of the change it does not know", () => {
  it("`skippedon` was dropped and the skip dated 2025-03-20 (the change's day); now a ValidationError at [change, skippedon]", () => {
    const typo = { status: "skipped", reason: "Pilot dropped", skippedon: "2025-03-10" } as never;
    expect(issuesOf(() => changeItemStatus(todo, typo, at))).toEqual([
      ["change.skippedon", "unknown option (changeItemStatus takes status, reason, completedOn, skippedOn, notApplicableOn, waiver)"],
    ]);
    // Spelt right, the skip counts from 2025-03-10: as of 03-15 the item is out of the denominator (no applicable
    // item: readiness has no percentage), where the misspelt one was still applicable then (0 of 1 done, 0 %).
    const skipped = changeItemStatus(todo, { status: "skipped", reason: "Pilot dropped", skippedOn: "2025-03-10" }, at);
    expect(skipped.skippedOn).toBe("2025-03-10");
    expect(readinessProgress([skipped], { asOf: isoDate("2025-03-15") }).overall.percent.reason).toBe("no-applicable-items");
  });
});
