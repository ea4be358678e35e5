import { describe, expect, it } from "vitest";
import { assessItem, decodeEntity, decodeFacts, isoDate, type Action, type ChecklistItem } from "../../src/index.js";
import { overdueActions } from "../../src/status/index.js";
import { doneItem } from "../rollout/helpers.js";

// "Closed, but the day is not recorded" was one rule written twice: `closedSince` (RAID log) and a twin in rollout's
// assessItem. The twins read `updatedAt` differently: the RAID log refused an instant with an offset, which the
// checklist item converted to its UTC day. One rule now (entities/closing-day.ts); both judge the same record alike.

const updatedAt = "2025-03-11T01:00:00+02:00"; // 2025-03-10T23:00:00Z: its UTC day is 2025-03-10
const action = { ...decodeEntity("action", {
  id: "A-1", version: 2, createdAt: "2025-02-01T10:00:00.000Z", updatedAt: "2025-02-01T10:00:00.000Z", projectId: "P",
  title: "Book a slot", ownerId: "p-o", dueDate: "2025-03-05", status: "cancelled",
}), updatedAt } as Action;
const item = doneItem("i-1", { status: "skipped", completedOn: undefined, statusReason: "moved to wave 2", updatedAt } as Partial<ChecklistItem>);
const facts = decodeFacts({});

describe("the closing-day rule is the same for a cancelled action and a skipped checklist item", () => {
  it("on the UTC day of updatedAt (2025-03-10) both are closed", () => {
    // Before: overdueActions threw a ValidationError at ["actions", 0, "updatedAt"]; assessItem said excluded.
    expect(overdueActions([action], { asOf: isoDate("2025-03-10") })).toEqual([]);
    expect(assessItem(item, { asOf: isoDate("2025-03-10"), facts }).state).toBe("excluded");
  });

  it("the day before, both are open and flagged, with the same why", () => {
    const why = "cancelled with no day recorded, known only from 2025-03-10: unknown on 2025-03-09, counted as open";
    // Due 03-05, as of 03-09: 4 days overdue.
    expect(overdueActions([action], { asOf: isoDate("2025-03-09") })).toEqual([{ actionId: "A-1", ownerId: "p-o", dueDate: "2025-03-05", daysOverdue: 4, statusUnknown: true, why }]);
    const a = assessItem(item, { asOf: isoDate("2025-03-09"), facts });
    expect([a.state, a.statusUnknown, a.why]).toEqual(["open", true, why.replace("cancelled", "skipped")]);
  });
});
