import { describe, expect, it } from "vitest";
import { changeItemStatus, instant, isoDate, type ChecklistItem } from "../../src/index.js";
import { doneItem } from "./helpers.js";
import { issuePathsOf } from "../support/errors.js";

// A completion (or skip) day is a calendar day without a zone; a change may not record a day no place has reached.
// The bound was the UTC day of the change, so at 09:00 in Auckland (UTC+13 in December: 20:00 UTC the day before)
// "done today" was refused as a future day. The latest local day at an instant is its UTC day 14 hours later (UTC+14).
const open = (): ChecklistItem => doneItem("a", { status: "todo", completedOn: undefined } as Partial<ChecklistItem>);
const refusedPaths = issuePathsOf;

describe("status days and time zones", () => {
  it("done today in Auckland at 09:00 (20:00 UTC the day before) is recorded; a day after that is refused", () => {
    const at = instant("2026-12-05T20:00:00Z"); // 2026-12-06 09:00 in Auckland (NZDT, UTC+13)
    expect(changeItemStatus(open(), { status: "done", completedOn: isoDate("2026-12-06") }, at).completedOn).toBe("2026-12-06");
    // 20:00 UTC + 14 h = 10:00 UTC on 12-06: no place has reached 12-07.
    expect(refusedPaths(() => changeItemStatus(open(), { status: "done", completedOn: isoDate("2026-12-07") }, at))).toEqual(["completedOn"]);
    expect(refusedPaths(() => changeItemStatus(open(), { status: "skipped", reason: "moved to wave 2", skippedOn: isoDate("2026-12-07") }, at))).toEqual(["skippedOn"]);
  });

  it("in the morning UTC the bound is still the same UTC day (09:00 UTC + 14 h = 23:00)", () => {
    const at = instant("2026-12-05T09:00:00Z");
    expect(changeItemStatus(open(), { status: "done", completedOn: isoDate("2026-12-05") }, at).completedOn).toBe("2026-12-05");
    expect(refusedPaths(() => changeItemStatus(open(), { status: "done", completedOn: isoDate("2026-12-06") }, at))).toEqual(["completedOn"]);
  });
});
